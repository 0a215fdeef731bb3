"""The site's own pages: the changes page an editor reads, and review state in a report."""

from __future__ import annotations

from pathlib import Path

from report.publish.pages import with_review_state, write_diff_page
from report.review.diff import diff_versions
from report.review.fingerprint import fingerprints
from report.review.log import append
from report.review.state import review_states
from report.review.versions import Version
from tests.report.review.fakes import claim, make_version

HOSTILE = '<script>alert("x")</script>'


def _pair(out: Path) -> tuple[Version, Version]:
    first = claim("c", {"share": 40.0})
    second = {**claim("c", {"share": 50.0}, verdict="contradicted"), "title": HOSTILE}
    make_version(out, "aaaa0001", [first], mtime=1_000)
    make_version(out, "bbbb0002", [second], mtime=2_000)
    return Version("aaaa0001", out / "aaaa0001"), Version("bbbb0002", out / "bbbb0002")


def test_the_changes_page_shows_old_beside_new_and_links_both_sections(tmp_path: Path) -> None:
    old, new = _pair(tmp_path / "output")
    page = tmp_path / "pages" / "changes.html"
    page.parent.mkdir()
    write_diff_page(diff_versions(old, new), old, new, page)
    html = page.read_text(encoding="utf-8")
    assert '<span class="old">40.0%</span>' in html and '<span class="new">50.0%</span>' in html
    assert "+25.0%" in html  # the relative change, through the one formatter
    assert '<span class="old">supported</span>' in html and "contradicted" in html
    for version in (old, new):
        link = f'href="../output/{version.id}/report.html#claim-c"'
        assert link in html
        assert (page.parent / f"../output/{version.id}/report.html").resolve().is_file()
    assert HOSTILE not in html and "&lt;script&gt;" in html
    assert "<script" not in html  # the page runs nothing


def test_each_claim_shows_its_review_state_beside_its_verdict(tmp_path: Path) -> None:
    old, new = _pair(tmp_path / "output")
    log = tmp_path / "log.jsonl"
    append(log, [(fingerprints(old)["c"], old.id)], "Ann", HOSTILE)
    states = review_states(old, None, log)
    links: dict[str, str | None] = {
        "index_href": "i.html",
        "changes_href": None,
        "feed_href": "f.xml",
    }
    page = with_review_state(old.html, states, links, forced="")
    verdict_line = page.split('<span class="claim-id">c</span></p>', 1)[1]
    assert verdict_line.lstrip().startswith('<p class="review-state">Signed off by Ann on ')
    assert HOSTILE not in page and "&lt;script&gt;" in page
    waiting = with_review_state(new.html, review_states(new, old, log), links, forced="")
    assert "Awaiting review: figures changed, verdict flipped" in waiting
