"""``build --engine quarto``: without Quarto a clear stop; with a stand-in, the exact calls."""

from __future__ import annotations

import json
import os
import re
import stat
from pathlib import Path

import pytest

from report.cli import main
from report.quarto.run import INSTALL_HINT, QuartoMissing, quarto_command, render_command

STAND_IN = """#!/bin/sh
# A stand-in for quarto: records its arguments, checks its input, writes the output it is asked for.
printf '%s\\n' "$*" >> "{log}"
[ "$1" = render ] || exit 9
[ -f "$2" ] || {{ echo "no such file: $2" >&2; exit 8; }}
cp "$2" "{copy}"
echo "rendered by the stand-in" > "$6"
"""

FAILING = """#!/bin/sh
echo "ERROR: YAMLException: bad indentation of a mapping entry" >&2
exit 1
"""


def _stand_in(folder: Path, script: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "quarto"
    path.write_text(script, encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


@pytest.fixture()
def output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "output"
    monkeypatch.setenv("REPORT_OUTPUT_DIR", str(folder))
    return folder


def test_without_quarto_the_engine_stops_before_building_and_says_how_to_install(
    output: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PATH", "/usr/bin:/bin")
    if quarto_present():
        pytest.skip("a real quarto is on /usr/bin; this test needs a machine without it")
    status = main(["build", "--quiet", "--engine", "quarto"])
    err = capsys.readouterr().err
    assert status == 2
    assert "needs Quarto" in err and "https://quarto.org/docs/get-started/" in err
    assert not output.exists() or not any(output.iterdir())
    with pytest.raises(QuartoMissing, match=re.escape(INSTALL_HINT)):
        quarto_command()


def quarto_present() -> bool:
    return any(Path(d, "quarto").is_file() for d in os.environ["PATH"].split(os.pathsep))


def test_a_stand_in_quarto_is_called_with_a_qmd_that_holds_every_claim(
    output: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log, copy = tmp_path / "calls.log", tmp_path / "handed-over.qmd"
    bin_dir = tmp_path / "bin"
    quarto = _stand_in(bin_dir, STAND_IN.format(log=log, copy=copy))
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    assert main(["build", "--quiet", "--engine", "quarto"]) == 0
    folder = (output / "latest").resolve()
    calls = log.read_text(encoding="utf-8").splitlines()
    assert calls == [
        " ".join(render_command(str(quarto), "html", "report.quarto.html")[1:]),
        " ".join(render_command(str(quarto), "typst", "report.quarto.pdf")[1:]),
    ]
    qmd = copy.read_text(encoding="utf-8")
    claims = json.loads((folder / "claims.json").read_text(encoding="utf-8"))["claims"]
    for claim in claims:
        assert f"{{#claim-{claim['id']}}}" in qmd, claim["id"]
    assert qmd.count("## ") == len(claims)
    assert (folder / "report.qmd").read_text(encoding="utf-8") == qmd
    assert (folder / "report.quarto.html").read_text().strip() == "rendered by the stand-in"
    assert (folder / "report.quarto.pdf").is_file()
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert "report.quarto.html" not in manifest["outputs"]  # the default engine's files only


def test_quartos_failure_is_reported_with_its_words_and_nothing_is_copied(
    output: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    bin_dir = tmp_path / "bin"
    _stand_in(bin_dir, FAILING)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    status = main(["build", "--quiet", "--engine", "quarto"])
    err = capsys.readouterr().err
    assert status == 1
    assert "quarto exited with status 1" in err and "bad indentation" in err
    folder = (output / "latest").resolve()
    assert not (folder / "report.quarto.html").exists()
    assert not (folder / "report.qmd").exists()
    assert not list(output.glob(".tmp-quarto-*"))
