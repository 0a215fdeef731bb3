"""The page can be navigated: a contents list with one link per claim, permalinks, a way
back to the summary, folded figure tables and sources, and the search and filter markup."""

from __future__ import annotations

import base64
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from report.ledger.entry import Ledger


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.nav_links: list[str] = []
        self.details: list[dict[str, str | None]] = []
        self._in_nav = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(str(values["id"]))
        if tag == "nav":
            self._in_nav += 1
        if tag == "a" and self._in_nav and values.get("href"):
            self.nav_links.append(str(values["href"]))
        if tag == "details":
            self.details.append(values)

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav":
            self._in_nav -= 1


@pytest.fixture(scope="module")
def page(rendered: Path) -> str:
    return (rendered / "report.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def parsed(page: str) -> _Page:
    found = _Page()
    found.feed(page)
    return found


def test_the_contents_list_has_one_link_per_claim_and_each_resolves(
    parsed: _Page, ledger: Ledger
) -> None:
    claim_links = [h for h in parsed.nav_links if h.startswith("#claim-")]
    assert claim_links == [f"#claim-{e.claim.id}" for e in ledger.entries]
    assert all(h[1:] in parsed.ids for h in parsed.nav_links)
    assert "#summary" in parsed.nav_links and "#data" in parsed.nav_links


def test_each_contents_entry_names_its_verdict_in_words(page: str, ledger: Ledger) -> None:
    nav = page.split('<nav class="contents"', 1)[1].split("</nav>", 1)[0]
    for entry in ledger.entries:
        item = nav.split(f'href="#claim-{entry.claim.id}"', 1)[1].split("</li>", 1)[0]
        assert f">{entry.assessment.verdict.value}</span>" in item


def test_every_section_links_back_to_the_summary(page: str, ledger: Ledger) -> None:
    for entry in ledger.entries:
        section = page.split(f'id="claim-{entry.claim.id}"', 1)[1].split("</article>", 1)[0]
        assert 'href="#summary"' in section
    assert page.count('<p class="back"><a href="#summary">') == len(ledger.entries) + 2


def test_headings_carry_permalinks_to_their_own_ids(
    page: str, parsed: _Page, ledger: Ledger
) -> None:
    targets = re.findall(r'<a class="permalink" href="#([^"]+)"', page)
    assert len(targets) > 3 * len(ledger.entries)
    assert all(t in parsed.ids for t in targets)
    for claim_heading in re.findall(r'<h2 id="(claim-[^"]+)-heading">', page):
        assert claim_heading in targets


def test_figure_tables_and_sources_are_folded(page: str, parsed: _Page, ledger: Ledger) -> None:
    classes = [d.get("class") for d in parsed.details]
    with_figures = sum(len(e.assessment.figures) > 1 for e in ledger.entries)
    assert classes.count("all-figures") == with_figures > 20
    assert classes.count("sources") == len(ledger.entries)
    assert all("open" not in d for d in parsed.details)


def test_the_filter_and_search_are_hidden_until_the_script_shows_them(
    page: str, ledger: Ledger
) -> None:
    assert '<div class="search" hidden>' in page
    assert (
        '<div class="filter" role="group" aria-label="Show the claims of one verdict" hidden>'
        in page
    )
    # every claim listed without scripts
    assert page.count("<tr data-verdict=") == len(ledger.entries)


def test_each_chart_offers_its_data_as_an_inline_csv(page: str, rendered: Path) -> None:
    links = re.findall(r'<a class="download" href="([^"]+)" download="([^"]+)"', page)
    assert len(links) == len(list((rendered / "charts").glob("*.svg")))
    prefix = "data:text/csv;charset=utf-8;base64,"
    assert all(href.startswith(prefix) for href, _ in links)
    first = base64.b64decode(links[0][0][len(prefix) :]).decode("utf-8")
    assert first.count("\n") > 3 and "," in first.splitlines()[0]  # a header and rows


def test_chart_source_lines_name_publishers_not_mirrors(page: str) -> None:
    captions = re.findall(r"<figcaption>(.*?)</figcaption>", page, re.S)
    assert captions and all(c.startswith("Source: ") for c in captions)
    assert not any("(GitHub)" in c or "source_title" in c for c in captions)


def test_the_masthead_gives_the_tally_the_newest_data_and_a_citation(page: str) -> None:
    masthead = page.split('<header class="masthead"', 1)[1].split("</header>", 1)[0]
    assert "Newest data point" in masthead and "Cite this version:" in masthead
    assert "licence" in masthead
    # the article's source details are unknown and shown as not recorded, never guessed
    assert "are not recorded" in masthead
