"""The PDF report: every verdict and headline figure, a contents page, page numbers, no date,
and data that cannot turn into Typst markup."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from report.ledger.entry import Ledger
from report.pipeline import Project
from report.render.context import report_context
from report.render.format import format_value
from report.render.pdf import APPENDIX_TEMPLATE, compile_pdf, render_typst
from report.versions.buildinfo import BuildInfo


def pdf_text(path: Path) -> str:
    """The PDF's text by poppler's pdftotext, whitespace collapsed."""
    done = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True, timeout=120
    )
    return re.sub(r"\s+", " ", done.stdout.decode("utf-8"))


@pytest.fixture(scope="module")
def text(rendered: Path) -> str:
    return pdf_text(rendered / "report.pdf")


def test_every_claim_shows_its_verdict_and_headline_figure(text: str, ledger: Ledger) -> None:
    for entry in ledger.entries:
        assert entry.assessment.verdict.value in text
        if entry.assessment.figures:
            head = entry.assessment.figures[0]
            assert format_value(head.value, head.unit) in text, entry.claim.id


def test_the_pdf_has_a_summary_with_page_numbers_and_numbered_pages(
    rendered: Path, text: str
) -> None:
    pages = len(PdfReader(rendered / "report.pdf").pages)
    assert pages > 3
    assert "Summary" in text and "The data show Page" in text
    assert "Cite this version:" in text and "Newest data point" in text
    assert f"2 / {pages}" in text and f"{pages} / {pages}" in text


def test_the_pdf_carries_no_date_and_only_pinned_fonts(rendered: Path) -> None:
    reader = PdfReader(rendered / "report.pdf")
    metadata = reader.metadata or {}
    assert "/CreationDate" not in metadata and "/ModDate" not in metadata
    fonts = {
        str(font["/BaseFont"])
        for page in reader.pages[:3]
        for font in (page["/Resources"].get("/Font") or {}).values()
        if "/BaseFont" in font.get_object()
        for font in [font.get_object()]
    }
    # Lato for text; DejaVu Sans Mono (built into Typst) for hashes and commands.
    assert any("Lato" in f for f in fonts)
    assert all("Lato" in f or "DejaVuSansMono" in f for f in fonts), fonts


def test_hostile_text_is_shown_as_text(
    project: Project, hostile_ledger: Ledger, info: BuildInfo, tmp_path: Path
) -> None:
    context = report_context(project.article, hostile_ledger, info, {})
    pdf = compile_pdf(render_typst(context, project.settings.templates_dir), tmp_path)
    (tmp_path / "hostile.pdf").write_bytes(pdf)
    text = pdf_text(tmp_path / "hostile.pdf")
    for piece in ("#set page(width: 1cm)", "*bold*", "_em_", "$x^2$", "@ref", "{{ 7*7 }}"):
        assert piece in text, piece
    appendix = compile_pdf(
        render_typst(context, project.settings.templates_dir, APPENDIX_TEMPLATE), tmp_path
    )
    (tmp_path / "hostile-appendix.pdf").write_bytes(appendix)
    assert "javascript:alert(1)" in pdf_text(tmp_path / "hostile-appendix.pdf")  # never linked


def test_qpdf_finds_no_structural_error(rendered: Path) -> None:
    assert shutil.which("qpdf"), "the PDF check needs qpdf: run `make system-deps`"
    done = subprocess.run(
        ["qpdf", "--check", str(rendered / "report.pdf")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "No syntax or stream encoding errors found" in done.stdout


BRIEF_PAGES = 40


def test_the_brief_fits_one_sitting_and_the_appendix_holds_the_rest(
    rendered: Path, ledger: Ledger
) -> None:
    brief = PdfReader(rendered / "report.pdf")
    assert len(brief.pages) <= BRIEF_PAGES
    appendix = pdf_text(rendered / "appendix.pdf")
    for entry in ledger.entries:
        for figure in entry.assessment.figures:
            assert format_value(figure.value, figure.unit) in appendix
    assert "Data appendix" in appendix and "How to reproduce this version" in appendix
