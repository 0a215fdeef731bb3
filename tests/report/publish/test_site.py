"""Publishing: refuses unreviewed claims unless forced (and records why), copies only new
versions, never rewrites a published version, and shows each claim's review state."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from report.publish.site import PublishRefused, publish
from report.review.errors import ReviewError
from report.review.fingerprint import fingerprints
from report.review.log import append
from report.review.versions import Version
from tests.report.review.fakes import claim, make_version


@pytest.fixture()
def output(tmp_path: Path) -> Path:
    out = tmp_path / "output"
    make_version(out, "aaaa0001", [claim("c1"), claim("c2")], mtime=1_000)
    return out


def _approve(output: Path, version_id: str, log: Path, *claims: str) -> None:
    version = Version(version_id, output / version_id)
    prints = fingerprints(version)
    append(log, [(prints[c], version_id) for c in claims or prints], "Ann <ann@example.org>", "")


def test_publish_refuses_while_claims_await_review(output: Path, tmp_path: Path) -> None:
    log = tmp_path / "log.jsonl"
    _approve(output, "aaaa0001", log, "c1")
    with pytest.raises(PublishRefused) as refused:
        publish(output, tmp_path / "site", log, "Report")
    assert refused.value.exit_status != 0
    assert any("c2: never signed off" in line for line in refused.value.lines())
    assert not (tmp_path / "site").exists()


def test_force_publishes_and_records_the_reason(output: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    publish(output, site, tmp_path / "log.jsonl", "Report", force_reason="embargo <lifted>")
    page = (site / "versions" / "aaaa0001" / "index.html").read_text(encoding="utf-8")
    assert "with --force: embargo &lt;lifted&gt;" in page
    assert "Awaiting review: never signed off" in page
    event = json.loads((site / "publish-log.jsonl").read_text(encoding="utf-8"))
    assert event["forced"] == "embargo <lifted>" and event["published"] == ["aaaa0001"]
    assert "embargo &lt;lifted&gt;" in (site / "versions" / "index.html").read_text(
        encoding="utf-8"
    )


def test_publishing_again_copies_only_new_versions(output: Path, tmp_path: Path) -> None:
    log, site = tmp_path / "log.jsonl", tmp_path / "site"
    _approve(output, "aaaa0001", log)
    first = publish(output, site, log, "Report")
    assert first.added == ("aaaa0001",)
    page = site / "versions" / "aaaa0001" / "index.html"
    stamp = page.stat().st_mtime_ns
    assert "Signed off by Ann &lt;ann@example.org&gt;" in page.read_text(encoding="utf-8")
    make_version(output, "bbbb0002", [claim("c1"), claim("c2", {"share": 45.0})], mtime=2_000)
    with pytest.raises(PublishRefused, match="await"):
        publish(output, site, log, "Report")
    _approve(output, "bbbb0002", log, "c2")
    second = publish(output, site, log, "Report")
    assert second.added == ("bbbb0002",) and second.versions == 2
    assert page.stat().st_mtime_ns == stamp  # never rewritten
    assert publish(output, site, log, "Report").added == ()
    changes = (site / "versions" / "bbbb0002" / "changes.html").read_text(encoding="utf-8")
    assert "../aaaa0001/index.html#claim-c2" in changes and "index.html#claim-c2" in changes
    assert "40.0%" in changes and "45.0%" in changes
    record = json.loads((site / "site.json").read_text(encoding="utf-8"))["versions"]
    assert [(v["id"], v["previous"]) for v in record] == [
        ("aaaa0001", None),
        ("bbbb0002", "aaaa0001"),
    ]
    index = (site / "versions" / "index.html").read_text(encoding="utf-8")
    assert index.index("bbbb0002") < index.index("aaaa0001")  # newest first
    root = (site / "index.html").read_text(encoding="utf-8")
    assert "versions/bbbb0002/changes.html" in root
    copied = site / "versions" / "bbbb0002"
    for name in ("report.html", "report.pdf", "claims.json", "manifest.json"):
        assert (copied / name).read_bytes() == (output / "bbbb0002" / name).read_bytes()


def test_publish_into_a_version_folder_is_refused(output: Path, tmp_path: Path) -> None:
    with pytest.raises(ReviewError, match="immutable"):
        publish(output, output / "aaaa0001" / "site", tmp_path / "log.jsonl", "Report", "x")
    assert sorted(p.name for p in (output / "aaaa0001").iterdir()) == [
        "charts",
        "claims.json",
        "manifest.json",
        "report.html",
        "report.pdf",
    ]
