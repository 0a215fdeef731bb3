"""The ``.qmd`` of a version: the notebook's claim Markdown, each chart and its figures."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from report.ledger.entry import Ledger
from report.notebook.cells import markdown_environment
from report.render.context import ClaimView, ReportContext, claim_view
from report.render.svg import ChartSVG


@dataclass(frozen=True)
class QuartoClaim:
    """One claim of the ``.qmd``: its Markdown section, chart and figures."""

    view: ClaimView
    text: Markup
    chart: ChartSVG | None
    chart_attributes: Markup


def _yaml_string(value: object) -> Markup:
    """A YAML scalar that holds exactly ``value`` (JSON strings are valid YAML)."""
    return Markup(json.dumps(str(value)))


def qmd_text(
    context: ReportContext,
    ledger: Ledger,
    charts: dict[str, ChartSVG | None],
    templates_dir: Path,
) -> str:
    """The whole report as Quarto Markdown."""
    env = markdown_environment(templates_dir)
    env.filters["yaml"] = _yaml_string
    section = env.get_template("notebook/claim.md.j2")
    claims = []
    for entry in ledger.entries:
        view = claim_view(entry, charts.get(entry.claim.id), ledger.datasets)
        text = section.render(claim=view, heading_attributes=Markup(f" {{#{view.anchor}}}"))
        chart = charts.get(entry.claim.id)
        alt = json.dumps(view.chart_alt) if chart is not None else '""'
        claims.append(QuartoClaim(view, Markup(text.strip()), chart, Markup(f"{{fig-alt={alt}}}")))
    return env.get_template("quarto/report.qmd.j2").render(report=context, claims=claims)
