"""The site's Atom feed (RFC 4287): one entry per version naming the figures that moved."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

ATOM = "http://www.w3.org/2005/Atom"
FEED_ID = "urn:claimcheck-report:site"


@dataclass(frozen=True)
class FeedEntry:
    """One version as the feed shows it."""

    version: str
    published: str  # RFC 3339, UTC
    href: str
    summary: str


def atom_feed(title: str, entries: list[FeedEntry]) -> bytes:
    """The feed document, newest entry first (``entries`` in any order)."""
    ordered = sorted(entries, key=lambda e: (e.published, e.version), reverse=True)
    # The namespace as a plain attribute: ET.register_namespace would change how every
    # other ElementTree user in the process (the chart SVGs) writes its default namespace.
    feed = ET.Element("feed", xmlns=ATOM)
    ET.SubElement(feed, "id").text = FEED_ID
    ET.SubElement(feed, "title").text = f"{title}: versions"
    ET.SubElement(feed, "updated").text = (
        ordered[0].published if ordered else "1970-01-01T00:00:00Z"
    )
    author = ET.SubElement(feed, "author")
    ET.SubElement(author, "name").text = "claimcheck-report"
    ET.SubElement(feed, "link", rel="self", href="feed.xml")
    ET.SubElement(feed, "link", rel="alternate", href="versions/index.html")
    for entry in ordered:
        item = ET.SubElement(feed, "entry")
        ET.SubElement(item, "id").text = f"urn:claimcheck-report:version:{entry.version}"
        ET.SubElement(item, "title").text = f"Version {entry.version}"
        ET.SubElement(item, "updated").text = entry.published
        ET.SubElement(item, "link", rel="alternate", type="text/html", href=entry.href)
        ET.SubElement(item, "summary", type="text").text = entry.summary
    ET.indent(feed)
    document: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return document + b"\n"
