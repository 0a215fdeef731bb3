"""Notebook cells: Markdown from the claim views, escaped; code cells that name each claim."""

from __future__ import annotations

from report.ledger.entry import Ledger
from report.notebook.cells import markdown_text, notebook_of
from report.pipeline import Project
from report.render.context import report_context
from report.settings import Settings
from report.versions.build import build_info


def test_text_from_data_is_inert_markdown() -> None:
    hostile = "<script>alert(1)</script> *Pool* [x](http://e) $100 & `code`"
    escaped = markdown_text(hostile)
    assert "<script>" not in escaped and "\\<script\\>" in escaped
    assert "\\$100" in escaped and "&amp;" in escaped and "\\*Pool\\*" in escaped


def test_the_notebook_has_each_claims_text_and_code(
    ledger: Ledger, project: Project, settings: Settings
) -> None:
    info = build_info(project)
    notebook = notebook_of(
        report_context(project.article, ledger, info, {}), ledger, settings.templates_dir
    )
    assert notebook.metadata["claimcheck"]["version"] == info.version
    roles: dict[str, list[str]] = {}
    for cell in notebook.cells:
        meta = cell.metadata["claimcheck"]
        roles.setdefault(meta["claim"], []).append(meta["role"])
    for entry in ledger.entries:
        expected = ["text", "assess"] + (["chart"] if entry.claim.chart else [])
        assert roles[entry.claim.id] == expected, entry.claim.id
        text = next(
            c.source
            for c in notebook.cells
            if c.metadata["claimcheck"] == {"claim": entry.claim.id, "role": "text"}
        )
        assert f"**Verdict: {entry.assessment.verdict.value}.**" in text
        code = next(
            c.source
            for c in notebook.cells
            if c.metadata["claimcheck"] == {"claim": entry.claim.id, "role": "assess"}
        )
        assert f"session.assess({entry.claim.id!r}, **changes)" in code
        compile(code, entry.claim.id, "exec")
