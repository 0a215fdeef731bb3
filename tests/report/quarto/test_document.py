"""The .qmd handed to Quarto: every claim, its figures formatted once, hostile text inert."""

from __future__ import annotations

import re

from report.ledger.entry import Ledger
from report.pipeline import Project
from report.quarto.document import qmd_text
from report.render.context import report_context
from report.render.format import format_value
from report.settings import Settings
from report.versions.build import build_info


def test_every_claim_and_figure_is_in_the_qmd(
    ledger: Ledger, project: Project, settings: Settings
) -> None:
    context = report_context(project.article, ledger, build_info(project), {})
    qmd = qmd_text(context, ledger, {}, settings.templates_dir)
    assert qmd.startswith("---\ntitle: ")
    for entry in ledger.entries:
        assert f"{{#claim-{entry.claim.id}}}" in qmd
        for figure in entry.assessment.figures:
            shown = format_value(figure.value, figure.unit)
            escaped = re.sub(r"([\\`*_{}\[\]<>()#+|!$~])", r"\\\1", shown)
            assert f"| {escaped} |" in qmd, (entry.claim.id, figure.name, shown)
