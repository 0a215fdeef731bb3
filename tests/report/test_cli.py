"""The command line: help with a description and example per command, --version, options
after the command, suggestions for typos, and a claims table that never cuts a verdict."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from rich.console import Console

from analysis.result import Verdict
from report.cli import COMMANDS, cli, main
from report.ledger.entry import Ledger
from report.render.terminal import print_ledger


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), prog_name="python -m report")
    return result.exit_code, result.output


def test_the_help_lists_every_command_with_a_one_line_description() -> None:
    status, out = _run("--help")
    assert status == 0
    assert "``" not in out and ":func:" not in out  # no reStructuredText in user help
    for name in COMMANDS:
        line = next(x for x in out.splitlines() if x.strip().startswith(name + " "))
        assert len(line.split(name, 1)[1].strip()) > 20, line


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_each_command_has_a_description_and_an_example(name: str) -> None:
    status, out = _run(name, "--help")
    assert status == 0
    assert f"python -m report {name}" in out.split("Options:", 1)[0]
    assert "Example" in out


def test_version() -> None:
    status, out = _run("--version")
    assert status == 0 and re.search(r"claimcheck-report, version \d+\.\d+", out)


def test_options_are_accepted_after_the_command() -> None:
    status, out = _run("build", "--mirror", "x", "--help")
    assert status == 0 and "--mirror DIRECTORY" in out


def test_a_typo_gets_the_nearest_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["biuld"]) == 2
    err = capsys.readouterr().err
    assert "no such command 'biuld'" in err and "Did you mean 'build'?" in err


def test_an_unknown_option_exits_2_without_a_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["claims", "--colour"]) == 2
    assert "Traceback" not in capsys.readouterr().err


@pytest.mark.parametrize("width", [60, 80, 120])
def test_the_claims_table_wraps_and_never_cuts_a_verdict(ledger: Ledger, width: int) -> None:
    console = Console(width=width, record=True, color_system=None)
    print_ledger(ledger, console)
    lines = console.export_text().splitlines()
    assert max(len(line) for line in lines) <= width
    text = "\n".join(lines)
    for verdict in Verdict:
        expected = sum(e.assessment.verdict is verdict for e in ledger.entries)
        # a verdict stays on one line: it appears whole once per claim (and in the tally)
        assert len(re.findall(rf"│ {verdict.value}\s+│", text)) == expected, verdict
    assert "…" not in text
    assert f"{len(ledger.entries)} claims: " in text
