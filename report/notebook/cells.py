"""The notebook of a version, written from the ledger and the same claim views as the report.

Markdown comes from ``templates/notebook/*.j2`` through the one number formatter; code cells
call :mod:`report.notebook.session`. Text from data is escaped for Markdown (and ``$`` so
that no dollar amount turns into mathematics).
"""

from __future__ import annotations

import re
from pathlib import Path

import jinja2
import nbformat
from markupsafe import Markup
from nbformat import NotebookNode

from report.ledger.entry import Entry, Ledger
from report.render.context import Prose, ReportContext, claim_view
from report.render.format import format_value
from report.render.jinja import template_environment

SETUP_CODE = (
    "from report.notebook.session import chart, open_session, show_figures\n\n"
    "session = open_session()"
)
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+|!$~])")


def markdown_text(value: object) -> str:
    """``value`` as Markdown that shows exactly its characters (already-escaped
    :class:`~markupsafe.Markup` passes through)."""
    if isinstance(value, Markup):
        return str(value)
    text = "" if value is None else str(value)
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text).replace("&", "&amp;")


def prose_markdown(prose: Prose) -> Markup:
    """A prose field as Markdown: its text escaped, each value formatted then escaped."""
    pieces = [
        markdown_text(format_value(p.number, p.unit) if p.is_value else p.text) for p in prose.parts
    ]
    return Markup("".join(pieces))


def markdown_environment(templates_dir: Path) -> jinja2.Environment:
    """Templates whose every value is escaped for Markdown, numbers through ``fmt``."""
    env = template_environment(templates_dir, autoescape=False, finalize=markdown_text)
    env.filters["fmt"] = format_value
    env.filters["prose"] = prose_markdown
    return env


def _code_environment(templates_dir: Path) -> jinja2.Environment:
    """Code cells: every value from data written as a Python literal, nothing else."""
    env = template_environment(templates_dir, autoescape=False)
    env.filters["pyrepr"] = lambda value: repr(str(value))
    env.filters["pylist"] = lambda values: repr([str(v) for v in values])
    return env


def _cell_meta(claim_id: str, role: str) -> dict[str, object]:
    return {"claimcheck": {"claim": claim_id, "role": role}}


def claim_cells(entry: Entry, ledger: Ledger, templates_dir: Path) -> list[NotebookNode]:
    """The cells of one claim: its text, then the code that assesses it and draws its chart."""
    env = markdown_environment(templates_dir)
    view = claim_view(entry, None, ledger.datasets)
    claim_id = entry.claim.id
    inputs = [*entry.tables, *(p.name for p in entry.parameters)]
    text = env.get_template("notebook/claim.md.j2").render(
        claim=view, heading_attributes=Markup("")
    )
    code = (
        _code_environment(templates_dir)
        .get_template("notebook/claim_code.py.j2")
        .render(claim_id=claim_id, inputs=inputs)
    )
    cells = [
        nbformat.v4.new_markdown_cell(text.strip(), metadata=_cell_meta(claim_id, "text")),
        nbformat.v4.new_code_cell(code.strip(), metadata=_cell_meta(claim_id, "assess")),
    ]
    if entry.claim.chart is not None:
        cells.append(
            nbformat.v4.new_code_cell("chart(entry)", metadata=_cell_meta(claim_id, "chart"))
        )
    return cells


def notebook_of(
    context: ReportContext, ledger: Ledger, templates_dir: Path, claim_id: str | None = None
) -> NotebookNode:
    """The whole version (or one claim of it) as an unexecuted notebook."""
    env = markdown_environment(templates_dir)
    entries = [e for e in ledger.entries if claim_id is None or e.claim.id == claim_id]
    if not entries:
        raise KeyError(claim_id)
    intro = env.get_template("notebook/intro.md.j2").render(report=context)
    cells = [
        nbformat.v4.new_markdown_cell(intro.strip(), metadata=_cell_meta("", "intro")),
        nbformat.v4.new_code_cell(SETUP_CODE, metadata=_cell_meta("", "setup")),
    ]
    for entry in entries:
        cells.extend(claim_cells(entry, ledger, templates_dir))
    notebook = nbformat.v4.new_notebook(cells=cells)
    notebook.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3 (claimcheck-report)",
        "language": "python",
    }
    notebook.metadata["language_info"] = {"name": "python"}
    notebook.metadata["claimcheck"] = {
        "version": context.info.version,
        "claims": [e.claim.id for e in entries],
        "figures_mime": "application/vnd.claimcheck.figures+json",
    }
    result: NotebookNode = notebook
    return result
