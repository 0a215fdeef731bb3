"""Fixtures for the renderer: the real ledger rendered once, and a ledger with hostile text."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import altair as alt
import pandas as pd
import pytest

from analysis.result import Citation
from report.ledger.entry import Ledger
from report.pipeline import Project
from report.render.charts.style import apply_config
from report.render.context import report_context
from report.render.document import render_documents
from report.render.html import render_html
from report.render.svg import ChartSVG, accessible_svg, vega_svg
from report.versions.build import build_info
from report.versions.buildinfo import BuildInfo
from tests.report.render.hostile import HOSTILE


@pytest.fixture(scope="session")
def info(project: Project) -> BuildInfo:
    return build_info(project)


@pytest.fixture(scope="session")
def rendered(
    project: Project, ledger: Ledger, info: BuildInfo, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """A folder holding the real report's documents."""
    out = tmp_path_factory.mktemp("rendered")
    render_documents(project.article, ledger, info, out, project.settings.templates_dir)
    return out


@pytest.fixture(scope="session")
def hostile_ledger(ledger: Ledger) -> Ledger:
    """The real ledger with hostile text in the first claim's title, quote and citations."""
    first = ledger.entries[0]
    claim = dataclasses.replace(first.claim, title=HOSTILE, quote=HOSTILE)
    citation = Citation(HOSTILE, "javascript:alert(1)", HOSTILE, HOSTILE)
    web = Citation(HOSTILE, 'https://example.org/"><script>alert(1)</script>', HOSTILE)
    assessment = dataclasses.replace(first.assessment, citations=(citation, web))
    entry = dataclasses.replace(first, claim=claim, assessment=assessment)
    return dataclasses.replace(ledger, entries=(entry, *ledger.entries[1:]))


@pytest.fixture(scope="session")
def hostile_chart_page(
    project: Project,
    hostile_ledger: Ledger,
    info: BuildInfo,
    tmp_path_factory: pytest.TempPathFactory,
) -> Path:
    """A report page whose one chart has hostile text as a category with a tooltip."""
    frame = pd.DataFrame({"pool": [HOSTILE + "<img src=x onerror=window.hostileRan=1>"], "n": [3]})
    chart = (
        alt.Chart(frame, title="Hostile")
        .mark_bar()
        .encode(x="n:Q", y="pool:N", tooltip=["pool:N", "n:Q"])
    )
    spec = apply_config(chart)
    svg = accessible_svg(vega_svg(spec), "chart-hostile", "Hostile", HOSTILE)
    first = hostile_ledger.entries[0].claim.id
    charts = {first: ChartSVG(first, "Hostile", "", svg, spec)}
    context = report_context(project.article, hostile_ledger, info, charts)
    page = tmp_path_factory.mktemp("hostile") / "report.html"
    page.write_text(render_html(context, project.settings.templates_dir), encoding="utf-8")
    return page
