"""The page in a real browser (Playwright driving Debian's chromium): the contents stay in
view on a desktop, verdict chips filter the summary, search finds text offline, and chart
text is drawn at 11 px or more on a desktop and on a phone."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from report.ledger.entry import Ledger

pytestmark = pytest.mark.browser

SMALLEST_DRAWN = 11.0  # px, the caption size

_CHART_TEXT = """() => {
  const sizes = [];
  document.querySelectorAll('figure.chart').forEach((figure) => {
    const svg = [...figure.querySelectorAll('svg')].find((s) => s.getBoundingClientRect().width > 0);
    if (!svg) { return; }
    const drawn = svg.getBoundingClientRect().width;
    const box = svg.viewBox.baseVal;
    const scale = drawn / (box && box.width ? box.width : svg.width.baseVal.value);
    svg.querySelectorAll('text').forEach((t) => {
      const size = parseFloat(getComputedStyle(t).fontSize);
      if (size && t.getBoundingClientRect().width > 0) { sizes.push(size * scale); }
    });
  });
  return sizes;
}"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        opened = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--headless", "--no-sandbox", "--disable-gpu"],
        )
        yield opened
        opened.close()


def _open(browser: Browser, rendered: Path, width: int) -> Page:
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto((rendered / "report.html").as_uri())
    page.wait_for_function("document.querySelectorAll('figure.is-live').length > 0")
    return page


def test_the_contents_stay_in_view_on_a_desktop(browser: Browser, rendered: Path) -> None:
    page = _open(browser, rendered, 1280)
    page.evaluate("window.scrollTo(0, document.body.scrollHeight / 2)")
    box = page.locator("nav.contents").bounding_box()
    assert box is not None and box["y"] <= 1 and box["height"] > 300
    page.evaluate("document.getElementById('claim-pools-few-control').scrollIntoView()")
    page.wait_for_function(
        "document.querySelector('nav.contents a[aria-current]')?.hash === '#claim-pools-few-control'"
    )
    page.close()


def test_a_verdict_chip_filters_the_summary(
    browser: Browser, rendered: Path, ledger: Ledger
) -> None:
    page = _open(browser, rendered, 1280)
    contradicted = sum(e.assessment.verdict.value == "contradicted" for e in ledger.entries)
    page.click(".filter button[data-verdict=contradicted]")
    assert page.locator("table.summary tbody tr:visible").count() == contradicted
    assert page.locator("nav.contents li[data-verdict]:visible").count() == contradicted
    page.click(".filter button[data-verdict='']")
    assert page.locator("table.summary tbody tr:visible").count() == len(ledger.entries)
    page.close()


def test_search_finds_a_word_and_links_to_its_claim(browser: Browser, rendered: Path) -> None:
    page = _open(browser, rendered, 1280)
    page.fill("#search-box", "Paraguay")
    hrefs = page.locator("#search-results a").evaluate_all("(links) => links.map((a) => a.hash)")
    assert "#claim-migration-hydro-paraguay-ethiopia" in hrefs
    assert page.locator("#search-results mark").first.inner_text().lower() == "paraguay"
    page.fill("#search-box", "zzqx nowhere")
    assert page.locator("#search-results li").count() == 0
    assert "No section matches" in page.inner_text("#search-status")
    page.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_chart_text_is_drawn_at_caption_size_or_larger(
    browser: Browser, rendered: Path, width: int
) -> None:
    page = _open(browser, rendered, width)
    sizes = page.evaluate(_CHART_TEXT)
    assert sizes and min(sizes) >= SMALLEST_DRAWN - 0.05, min(sizes)
    # the page itself never scrolls sideways: a wide chart scrolls inside its own box
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.close()
