"""The published site in a real browser (Playwright driving Debian's chromium), with every
request outside the site blocked: the pages load, every chart draws, no console error, the
index, changes pages and feed links resolve, and axe-core finds no serious or critical
violation on the version index, a report and a changes page."""

from __future__ import annotations

import json
import re
import threading
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urldefrag, urljoin

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser

from report.publish.serve import serve, site_server
from tests.report.commands.conftest import TwoVersions, run_cli
from tests.report.publish.test_feed import NS
from tests.report.render.chromium import Tab, chromium, new_tab

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site(two_versions: TwoVersions, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("published") / "site"
    env = two_versions.env(folder.parent / "log.jsonl")
    for version in (two_versions.first, two_versions.second):
        assert run_cli(["approve", "--all", "--by", "Ann", "--version", version], env).status == 0
    assert run_cli(["publish", "--to", str(folder)], env).status == 0
    return folder


@pytest.fixture(scope="module")
def base(site: Path) -> Iterator[str]:
    server = site_server(site, port=0)
    stop = threading.Event()
    thread = threading.Thread(target=serve, args=(server, [], None, stop), daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    stop.set()
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def chrome() -> Iterator[Browser]:
    with chromium() as opened:
        yield opened


@pytest.fixture()
def tab(chrome: Browser, base: str) -> Iterator[Tab]:
    with new_tab(chrome, allow=base) as opened:
        yield opened


def _pages(two_versions: TwoVersions) -> dict[str, str]:
    second = two_versions.second
    return {
        "latest report": "",
        "version index": "versions/index.html",
        "a version's report": f"versions/{two_versions.first}/index.html",
        "changes page": f"versions/{second}/changes.html",
    }


def test_every_page_loads_draws_its_charts_and_logs_no_error(
    tab: Tab, base: str, site: Path, two_versions: TwoVersions
) -> None:
    for name, path in _pages(two_versions).items():
        tab.open(base + path)
        assert tab.blocked == [], name
        assert tab.errors == [], name
        assert tab.evaluate("document.title").strip(), name
    tab.open(base)
    charts = len(list((site / "versions" / two_versions.second / "charts").glob("*.svg")))
    assert charts > 0
    assert tab.evaluate("document.querySelectorAll('main svg[role=img]').length") == charts
    specs = tab.evaluate("document.querySelectorAll('script.chart-spec').length")
    tab.wait_for(f"document.querySelectorAll('figure.is-live svg').length >= {specs}")
    claims = json.loads(
        (site / "versions" / two_versions.second / "claims.json").read_text(encoding="utf-8")
    )
    states = tab.evaluate(
        "[...document.querySelectorAll('article.claim .review-state')].map(p => p.textContent)"
    )
    assert len(states) == len(claims["claims"])
    assert all(s.startswith("Signed off by Ann") for s in states)
    assert tab.blocked == [] and tab.errors == []


def _ids(html: str) -> set[str]:
    return set(re.findall(r'\bid="([^"]+)"', html))


def _fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        assert response.status == 200, url
        return str(response.read().decode("utf-8", "replace"))


def test_links_of_the_index_changes_pages_and_feed_resolve(
    tab: Tab, base: str, two_versions: TwoVersions
) -> None:
    checked = 0
    for path in ("", "versions/index.html", f"versions/{two_versions.second}/changes.html"):
        tab.open(base + path)
        hrefs: list[str] = tab.evaluate(
            "[...document.querySelectorAll('a[href]')].map(a => a.href)"
        )
        for href in hrefs:
            if not href.startswith(base):
                continue  # a source's address: a link for readers, not fetched by the page
            target, fragment = urldefrag(href)
            page = _fetch(target)
            if fragment and target.endswith(".html"):
                assert fragment in _ids(page), href
            checked += 1
    feed = ET.fromstring(_fetch(base + "feed.xml"))
    links = [link.get("href", "") for link in feed.iterfind(".//a:link", NS)]
    assert len(links) >= 4  # the feed's own two and one per version
    for href in links:
        _fetch(urljoin(base + "feed.xml", href))
    assert checked > 10


@pytest.mark.parametrize("which", ["version index", "a version's report", "changes page"])
def test_axe_finds_no_serious_or_critical_violation(
    tab: Tab, base: str, two_versions: TwoVersions, which: str
) -> None:
    tab.open(base + _pages(two_versions)[which])
    results = Axe().run(tab.page)
    serious = [
        (v["id"], v["impact"], len(v["nodes"]))
        for v in results.response["violations"]
        if v["impact"] in {"serious", "critical"}
    ]
    assert serious == []
    assert results.response["passes"], "axe ran its rules"
