"""The executed notebook: run on a real kernel, its figures equal the version's claims.json."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest

from report.errors import BuildError, ConfigError, ReportError
from report.notebook import write as write_module
from report.notebook.session import FIGURES_MIME
from report.notebook.write import write_notebook
from report.settings import Settings
from report.versions.build import BuildResult


def _figure_outputs(path: Path) -> dict[str, dict[str, object]]:
    notebook = nbformat.read(path, as_version=4)
    found: dict[str, dict[str, object]] = {}
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if FIGURES_MIME in data:
                payload = data[FIGURES_MIME]
                found[payload["claim"]] = payload["figures"]
    return found


def test_every_figure_of_the_executed_notebook_is_the_one_in_claims_json(
    notebook_settings: Settings, built: BuildResult
) -> None:
    path = write_notebook(notebook_settings)
    assert path == built.folder / "report.ipynb"
    claims = json.loads((built.folder / "claims.json").read_text(encoding="utf-8"))["claims"]
    outputs = _figure_outputs(path)
    assert set(outputs) == {c["id"] for c in claims}
    for claim in claims:
        assert outputs[claim["id"]] == claim["figures"], claim["id"]
    notebook = nbformat.read(path, as_version=4)
    assert notebook.metadata["claimcheck"]["version"] == built.version
    charts = [
        o
        for c in notebook.cells
        if c.metadata.get("claimcheck", {}).get("role") == "chart"
        for o in c.get("outputs", [])
    ]
    assert charts and all("image/svg+xml" in o["data"] for o in charts)
    assert not [
        c
        for c in notebook.cells
        if c.get("outputs") and any(o.get("output_type") == "error" for o in c["outputs"])
    ]


def test_writing_a_notebook_leaves_the_reports_byte_identical(
    notebook_settings: Settings, built: BuildResult
) -> None:
    before = {
        n: (built.folder / n).read_bytes() for n in ("report.html", "report.pdf", "claims.json")
    }
    write_notebook(notebook_settings, claim_id="edge-ai-market-growth")
    assert (built.folder / "claim-edge-ai-market-growth.ipynb").is_file()
    assert {n: (built.folder / n).read_bytes() for n in before} == before


def test_a_cell_that_raises_names_its_claim_and_cell_and_writes_nothing(
    notebook_settings: Settings, built: BuildResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = write_module.notebook_of

    def broken(*args: object, **kwargs: object) -> nbformat.NotebookNode:
        notebook = real(*args, **kwargs)  # type: ignore[arg-type]
        for cell in notebook.cells:
            if cell.metadata["claimcheck"]["role"] == "assess":
                cell.source = "raise ValueError('a broken analysis')"
        return notebook

    monkeypatch.setattr(write_module, "notebook_of", broken)
    target = built.folder / "claim-edge-ai-iot-expansion.ipynb"
    with pytest.raises(
        BuildError,
        match=r"cell 4 \(assess of claim 'edge-ai-iot-expansion'\): ValueError: a broken analysis",
    ):
        write_notebook(notebook_settings, claim_id="edge-ai-iot-expansion")
    assert not target.exists()
    assert not list(built.folder.glob(".*.part"))


def test_a_foreign_version_or_unknown_claim_is_refused(
    notebook_settings: Settings, built: BuildResult
) -> None:
    other = built.folder.parent / "abcdef123456"
    other.mkdir()
    (other / "manifest.json").write_text('{"code": {"commit": "0123abc"}}', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"was built from other inputs or code.*0123abc"):
        write_notebook(notebook_settings, "abcdef")
    with pytest.raises(ConfigError, match="no claim 'no-such-claim'"):
        write_notebook(notebook_settings, claim_id="no-such-claim")
    with pytest.raises(ReportError, match="is not a version"):
        write_notebook(notebook_settings, "../../etc")
