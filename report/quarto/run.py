"""Run ``quarto render`` on a version's ``.qmd`` and put what it makes beside the report.

Quarto is not a Python package (its PyPI name downloads the program at install time), so
it is found on PATH or not at all; without it the engine stops before anything is built.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from report.errors import BuildError, ReportError

QMD_NAME = "report.qmd"
# (quarto format, file written into the version folder)
OUTPUTS: tuple[tuple[str, str], ...] = (
    ("html", "report.quarto.html"),
    ("typst", "report.quarto.pdf"),
)
INSTALL_HINT = (
    "install Quarto from https://quarto.org/docs/get-started/ (a .deb, .tar.gz or installer "
    "for your system) so that `quarto` is on PATH, or build with the default engine: "
    "python -m report build"
)


class QuartoMissing(ReportError):
    """``--engine quarto`` was asked for but no ``quarto`` command is on PATH (exit 2)."""

    exit_status = 2


@dataclass(frozen=True)
class QuartoRun:
    """One ``quarto render`` call: its command line and what it answered."""

    command: tuple[str, ...]
    returncode: int
    stderr: str


def quarto_command() -> str:
    """The path of ``quarto``, or :class:`QuartoMissing` saying how to get it."""
    found = shutil.which("quarto")
    if found is None:
        raise QuartoMissing(
            f"the quarto engine needs Quarto, and no `quarto` is on PATH: {INSTALL_HINT}"
        )
    return found


def render_command(quarto: str, to: str, output: str) -> tuple[str, ...]:
    """The exact command line of one render."""
    return (quarto, "render", QMD_NAME, "--to", to, "--output", output)


def _tail(text: str, lines: int = 12) -> str:
    return "\n".join(text.strip().splitlines()[-lines:])


def run_render(command: tuple[str, ...], cwd: Path, timeout: int) -> QuartoRun:
    """Run one render in ``cwd``; a failure raises :class:`BuildError` with Quarto's words."""
    try:
        done = subprocess.run(
            command, cwd=cwd, capture_output=True, text=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired:
        raise BuildError(
            f"quarto did not finish within {timeout} s: {' '.join(command[1:])}"
        ) from None
    except OSError as error:
        raise BuildError(f"could not run quarto ({command[0]}): {error}") from None
    if done.returncode != 0:
        said = _tail(done.stderr or done.stdout) or "(it printed nothing)"
        raise BuildError(
            f"quarto exited with status {done.returncode} for {' '.join(command[1:])}:\n{said}"
        )
    return QuartoRun(command, done.returncode, done.stderr)


def render_with_quarto(qmd: str, version_folder: Path, timeout: int = 600) -> list[Path]:
    """Render ``qmd`` to HTML and Typst PDF with the charts of ``version_folder``, and copy
    ``report.qmd`` and each output into it (nothing is written there if a render fails)."""
    quarto = quarto_command()
    with tempfile.TemporaryDirectory(prefix=".tmp-quarto-", dir=version_folder.parent) as tmp:
        work = Path(tmp)
        (work / QMD_NAME).write_text(qmd, encoding="utf-8")
        charts = version_folder / "charts"
        if charts.is_dir():
            shutil.copytree(charts, work / "charts")
        for to, output in OUTPUTS:
            run_render(render_command(quarto, to, output), work, timeout)
            if not (work / output).is_file():
                raise BuildError(f"quarto exited 0 but wrote no {output} (format {to})")
        written = [QMD_NAME, *(o for _, o in OUTPUTS)]
        for name in written:
            shutil.copyfile(work / name, version_folder / name)
    return [version_folder / n for n in written]
