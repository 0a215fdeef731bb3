"""The feed is Atom (RFC 4287): the required elements, RFC 3339 dates, one entry per version."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from report.publish.feed import ATOM, FeedEntry, atom_feed

NS = {"a": ATOM}


def check_atom(document: bytes) -> ET.Element:
    """Fail unless ``document`` has what RFC 4287 requires of a feed and its entries."""
    feed = ET.fromstring(document)
    assert feed.tag == f"{{{ATOM}}}feed"
    for element in (feed, *feed.findall("a:entry", NS)):
        for required in ("id", "title", "updated"):
            assert len(element.findall(f"a:{required}", NS)) == 1, required
        stamp = element.findtext("a:updated", namespaces=NS) or ""
        assert dt.datetime.fromisoformat(stamp.replace("Z", "+00:00")).tzinfo is not None
    assert feed.find("a:author/a:name", NS) is not None  # entries inherit the feed's author
    ids = [e.findtext("a:id", namespaces=NS) for e in feed.findall("a:entry", NS)]
    assert len(ids) == len(set(ids))
    for entry in feed.findall("a:entry", NS):
        assert entry.find("a:link[@rel='alternate']", NS) is not None
        assert entry.find("a:summary", NS) is not None  # no content element: a summary is required
    return feed


def test_one_entry_per_version_newest_first_with_text_escaped() -> None:
    entries = [
        FeedEntry("aaaa0001", "2026-11-30T10:00:00Z", "versions/aaaa0001/index.html", "first"),
        FeedEntry("bbbb0002", "2026-12-01T10:00:00Z", "versions/bbbb0002/index.html", "a <b> & c"),
    ]
    feed = check_atom(atom_feed("Report", entries))
    found = feed.findall("a:entry", NS)
    assert [e.findtext("a:id", namespaces=NS) for e in found] == [
        "urn:claimcheck-report:version:bbbb0002",
        "urn:claimcheck-report:version:aaaa0001",
    ]
    assert found[0].findtext("a:summary", namespaces=NS) == "a <b> & c"
    assert feed.findtext("a:updated", namespaces=NS) == "2026-12-01T10:00:00Z"


def test_writing_the_feed_leaves_other_xml_namespaces_alone() -> None:
    from report.render.svg import SVG_NS  # registers SVG as the default namespace

    atom_feed("Report", [FeedEntry("aaaa0001", "2026-11-30T10:00:00Z", "v/", "s")])
    # the chart SVGs are written with ElementTree in the same process
    assert ET.tostring(ET.Element(f"{{{SVG_NS}}}svg")) == f'<svg xmlns="{SVG_NS}" />'.encode()
