"""The HTML report in a real browser (Debian's chromium, driven by Playwright): every
chart renders, the page asks the network for nothing, and it fits a phone."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.report.render.chromium import Tab, chromium, new_tab

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def chrome() -> Iterator[Browser]:
    with chromium() as opened:
        yield opened


@pytest.fixture()
def browser(chrome: Browser) -> Iterator[Tab]:
    with new_tab(chrome) as tab:
        yield tab


def test_the_page_asks_the_network_for_nothing_but_itself(browser: Tab, rendered: Path) -> None:
    page = (rendered / "report.html").as_uri()
    browser.open(page)
    outside = [u for u in browser.requests if u != page and not u.startswith("data:")]
    assert outside == []  # fonts, styles and charts all come from the page itself
    charts = len(list((rendered / "charts").glob("*.svg")))
    assert browser.evaluate("document.querySelectorAll('main svg[role=img]').length") == charts
    assert (
        browser.evaluate("document.querySelectorAll('img, link, iframe, script[src]').length") == 0
    )


def test_charts_with_tooltips_turn_live_and_show_a_tooltip_on_hover(
    browser: Tab, rendered: Path
) -> None:
    browser.open((rendered / "report.html").as_uri())
    specs = browser.evaluate("document.querySelectorAll('script.chart-spec').length")
    assert specs > 0
    browser.wait_for(f"document.querySelectorAll('figure.is-live').length === {specs}")
    text = hover_first_mark(browser, "figure.is-live .chart-live")
    assert text.strip()


def test_hostile_data_in_a_live_chart_stays_text(browser: Tab, hostile_chart_page: Path) -> None:
    browser.open(hostile_chart_page.as_uri())
    browser.wait_for("document.querySelectorAll('figure.is-live').length === 1")
    text = hover_first_mark(browser, "figure.is-live .chart-live")
    assert "<script>" in text  # shown as characters
    assert browser.evaluate("document.querySelectorAll('img').length") == 0
    assert browser.evaluate("window.hostileRan === undefined")


def hover_first_mark(browser: Tab, container: str) -> str:
    """Move the mouse onto the first datum of a live chart; the tooltip's text."""
    marks = ", ".join(f"{container} path[aria-roledescription={kind}]" for kind in ("bar", "point"))
    box = browser.evaluate(
        f"(() => {{ const m = document.querySelector('{marks}');"
        " m.scrollIntoView({block: 'center'}); const r = m.getBoundingClientRect();"
        " return [r.left + r.width / 2, r.top + r.height / 2]; })()"
    )
    browser.page.mouse.move(box[0], box[1])
    browser.wait_for("document.querySelector('#vg-tooltip-element.visible') !== null")
    text: str = browser.evaluate("document.querySelector('#vg-tooltip-element').textContent")
    return text


def test_the_network_check_sees_a_request(browser: Tab, tmp_path: Path) -> None:
    page = tmp_path / "leaky.html"
    page.write_text('<img src="leak.png" alt="">', encoding="utf-8")
    browser.open(page.as_uri())
    assert (tmp_path / "leak.png").as_uri() in browser.requests


def test_the_page_fits_a_phone_screen_in_lato(chrome: Browser, rendered: Path) -> None:
    with new_tab(chrome, width=390, height=844, mobile=True) as browser:
        _fits_a_phone(browser, rendered)


def _fits_a_phone(browser: Tab, rendered: Path) -> None:
    browser.open((rendered / "report.html").as_uri())
    assert browser.evaluate("document.documentElement.scrollWidth") <= 390
    assert browser.evaluate("document.fonts.check('16px Lato')") is True
    # a chart keeps its text readable by scrolling sideways inside its own box, which fits
    widest = browser.evaluate(
        "Math.max(...[...document.querySelectorAll('main .chart-box')]"
        ".map(s => s.getBoundingClientRect().right))"
    )
    assert widest <= 390


def test_the_text_keeps_a_readable_measure_on_a_desktop(chrome: Browser, rendered: Path) -> None:
    with new_tab(chrome, width=1440, height=900) as browser:
        _keeps_a_measure(browser, rendered)


def _keeps_a_measure(browser: Tab, rendered: Path) -> None:
    browser.open((rendered / "report.html").as_uri())
    chars = browser.evaluate(
        "(() => { const p = document.querySelector('.claim p.finding');"
        " const w = p.getBoundingClientRect().width;"
        " const size = parseFloat(getComputedStyle(p).fontSize);"
        " return w / (size * 0.5); })()"
    )
    assert 45 <= chars <= 90  # characters per line at about half an em per character
    assert browser.evaluate("document.querySelectorAll('h1').length") == 1
