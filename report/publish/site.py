"""``publish``: every version as plain static files, copied once and never rewritten.

    site/index.html                  the latest report, each claim's review state beside it
    site/versions/index.html         every version: newest data, verdicts, changes, review
    site/versions/<id>/              index.html (the report with review state), report.html
                                     (the build's own file), report.pdf, claims.json,
                                     manifest.json, charts/, changes.html, review.json
    site/feed.xml                    Atom, one entry per version
    site/site.json, publish-log.jsonl  what was published when, and any --force reason

Only ``versions/<new id>/`` folders are added; the index, the feed and the root page are
the only files written again.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from report.errors import ReportError
from report.publish.feed import FeedEntry, atom_feed
from report.publish.pages import Link, changes_page, index_page, with_review_state
from report.publish.paths import SITE_MARKER, check_site_target
from report.review.diff import VersionDiff, diff_versions
from report.review.errors import ReviewError
from report.review.state import ClaimState, awaiting, review_states
from report.review.versions import Version, list_versions

COPIED = ("report.html", "report.pdf", "claims.json", "manifest.json")


class PublishRefused(ReportError):
    """Claims await review and no --force was given (exit status 1)."""

    def __init__(self, waiting: dict[str, list[ClaimState]]) -> None:
        self.waiting = waiting
        super().__init__("claims await review")

    def lines(self) -> list[str]:
        shown = ["error: not published: claims await review"]
        for version, states in self.waiting.items():
            shown.append(f"version {version}:")
            shown += [f"  {s.claim}: {', '.join(s.reasons)}" for s in states]
        shown.append(
            "hint: sign them off (python -m report approve CLAIM --by NAME), or publish with --force --reason TEXT"
        )
        return shown


@dataclass(frozen=True)
class Published:
    """What one publish run did."""

    site: Path
    added: tuple[str, ...]
    versions: int


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _read_state(site: Path) -> list[dict[str, Any]]:
    marker = site / SITE_MARKER
    if not marker.is_file():
        return []
    try:
        entries = json.loads(marker.read_text(encoding="utf-8"))["versions"]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise ReviewError(
            f"{marker} is not a site record: {error}", "publish into a new folder"
        ) from error
    if not isinstance(entries, list):
        raise ReviewError(f"{marker}: 'versions' should be a list")
    return entries


def _write_atomic(path: Path, data: bytes) -> None:
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}")
    temporary.write_bytes(data)
    os.replace(temporary, path)


def _links(depth: str, changes: bool) -> dict[str, str | None]:
    return {
        "index_href": f"{depth}versions/index.html",
        "changes_href": "changes.html" if changes else None,
        "feed_href": f"{depth}feed.xml",
    }


def _summary_of(states: list[ClaimState]) -> str:
    waiting = len(awaiting(states))
    return (
        f"all {len(states)} claims signed off"
        if not waiting
        else f"{waiting} of {len(states)} claims awaiting review"
    )


def _write_version(
    site: Path,
    version: Version,
    before: Version | None,
    diff: VersionDiff | None,
    states: list[ClaimState],
    forced: str,
) -> None:
    """Write ``versions/<id>/`` into a temporary folder and rename it into place."""
    versions = site / "versions"
    versions.mkdir(parents=True, exist_ok=True)
    temporary = versions / f".tmp-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    temporary.mkdir()
    try:
        for name in COPIED:
            if (version.folder / name).is_file():
                shutil.copy2(version.folder / name, temporary / name)
        if (version.folder / "charts").is_dir():
            shutil.copytree(version.folder / "charts", temporary / "charts")
        page = with_review_state(version.html, states, _links("../../", diff is not None), forced)
        (temporary / "index.html").write_text(page, encoding="utf-8")
        if diff is not None and before is not None:
            nav = [
                Link("index.html", "This version's report"),
                Link("../index.html", "Every version"),
                Link("../../feed.xml", "Atom feed"),
            ]
            changes = changes_page(diff, f"../{before.id}/index.html", "index.html", nav)
            (temporary / "changes.html").write_text(changes, encoding="utf-8")
        review = {
            "version": version.id,
            "forced": forced or None,
            "claims": [
                {
                    "claim": s.claim,
                    "signed_off": s.signed_off,
                    "by": s.signoff.by if s.signoff else None,
                    "at": s.signoff.at if s.signoff else None,
                    "reasons": list(s.reasons),
                }
                for s in states
            ],
        }
        (temporary / "review.json").write_text(
            json.dumps(review, indent=2) + "\n", encoding="utf-8"
        )
        temporary.rename(versions / version.id)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise


def _refuse_unreviewed(
    new: list[Version], states: dict[str, list[ClaimState]], force: str | None
) -> None:
    waiting = {v.id: awaiting(states[v.id]) for v in new if awaiting(states[v.id])}
    if waiting and force is None:
        raise PublishRefused(waiting)


def _feed_summary(diff: VersionDiff | None) -> str:
    if diff is None:
        return "The first published version."
    moved = [
        f"{c.id}: {f.label} {f.old_text or 'absent'} → {f.new_text or 'absent'}"
        for c in diff.changed()
        for f in c.figures
    ]
    flipped = [
        f"{c.id}: verdict {c.verdict[0]} → {c.verdict[1]}" for c in diff.changed() if c.verdict
    ]
    lines = moved + flipped
    return "Figures that moved: " + "; ".join(lines) if lines else "No figure moved."


def _diff_or_none(before: Version | None, version: Version) -> VersionDiff | None:
    return diff_versions(before, version) if before is not None else None


def publish(
    output_dir: Path, site_dir: Path, log: Path, title: str, force_reason: str | None = None
) -> Published:
    """Publish every version not yet in ``site_dir``; refuse while any of their claims
    awaits review, unless ``force_reason`` is given (then it is recorded and shown)."""
    site = check_site_target(output_dir, site_dir)
    versions = list_versions(output_dir)
    if not versions:
        raise ReviewError(f"no versions in {output_dir}", "build one first: python -m report build")
    record = _read_state(site)
    known = {entry["id"] for entry in record}
    before = {v.id: (versions[i - 1] if i else None) for i, v in enumerate(versions)}
    states = {v.id: review_states(v, before[v.id], log) for v in versions}
    new = [v for v in versions if v.id not in known]
    _refuse_unreviewed(new, states, force_reason)
    diffs = {v.id: _diff_or_none(before[v.id], v) for v in versions}
    site.mkdir(parents=True, exist_ok=True)
    at = _now()
    for version in new:
        forced = (force_reason or "") if awaiting(states[version.id]) else ""
        if not (site / "versions" / version.id).exists():
            _write_version(
                site, version, before[version.id], diffs[version.id], states[version.id], forced
            )
        earlier = before[version.id]
        previous_id = earlier.id if earlier is not None else None
        record.append(
            {
                "id": version.id,
                "previous": previous_id,
                "published_at": at,
                "forced": forced or None,
            }
        )
    _write_atomic(
        site / SITE_MARKER,
        (json.dumps({"format": 1, "versions": record}, indent=2) + "\n").encode(),
    )
    if new:
        event = {
            "at": at,
            "published": [v.id for v in new],
            "forced": force_reason if force_reason is not None else None,
        }
        with (site / "publish-log.jsonl").open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(event, ensure_ascii=False) + "\n")
    _write_shared_pages(site, title, record, {v.id: v for v in versions}, states, diffs)
    return Published(site, tuple(v.id for v in new), len(record))


def _write_shared_pages(
    site: Path,
    title: str,
    record: list[dict[str, Any]],
    versions: dict[str, Version],
    states: dict[str, list[ClaimState]],
    diffs: dict[str, VersionDiff | None],
) -> None:
    """The version index, the feed and the root page: the only files written again."""
    rows, entries = [], []
    for entry in reversed(record):
        vid = entry["id"]
        diff = diffs.get(vid)
        version = versions.get(vid)
        rows.append(
            {
                "id": vid,
                "href": f"{vid}/index.html",
                "folder": f"{vid}/",
                "newest_data": version.newest_data() if version else "",
                "tally": list(version.verdict_tally().items()) if version else [],
                "figures_changed": sum(len(c.figures) for c in diff.changed()) if diff else 0,
                "changes_href": f"{vid}/changes.html" if entry.get("previous") else None,
                "review": _summary_of(states[vid])
                if vid in states
                else "version no longer in the output folder",
                "forced": entry.get("forced") or "",
            }
        )
        entries.append(
            FeedEntry(vid, entry["published_at"], f"versions/{vid}/index.html", _feed_summary(diff))
        )
    (site / "versions").mkdir(exist_ok=True)
    _write_atomic(site / "versions" / "index.html", index_page(title, rows).encode("utf-8"))
    _write_atomic(site / "feed.xml", atom_feed(title, entries))
    latest = record[-1]["id"]
    if latest in versions:
        links = _links("", latest in diffs and diffs[latest] is not None)
        if links["changes_href"]:
            links["changes_href"] = f"versions/{latest}/changes.html"
        page = with_review_state(
            versions[latest].html, states[latest], links, record[-1].get("forced") or ""
        )
        _write_atomic(site / "index.html", page.encode("utf-8"))
