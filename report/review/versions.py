"""The built versions in the output folder, found by id or unique prefix, and read back.

A version is named only by its id (hex digits), a unique prefix of it, or ``latest``;
anything else (a path such as ``../../etc``) is refused before any file is opened.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cached_property
from html import unescape
from pathlib import Path
from typing import Any

from report.review.errors import ReviewError

LATEST = "latest"
_ID = re.compile(r"[0-9a-f]{4,64}")


@dataclass(frozen=True)
class Version:
    """One finished build folder, read lazily."""

    id: str
    folder: Path

    @cached_property
    def claims_document(self) -> dict[str, Any]:
        return _read_json(self.folder / "claims.json")

    @cached_property
    def manifest(self) -> dict[str, Any]:
        return _read_json(self.folder / "manifest.json")

    @cached_property
    def claims(self) -> dict[str, dict[str, Any]]:
        """Each claim's entry of ``claims.json``, by id, in report order (a malformed
        entry is a :class:`ReviewError` naming the file, the claim and the key)."""
        path = self.folder / "claims.json"
        return {c["id"]: c for c in checked_claims(self.claims_document, path)}

    @cached_property
    def input_hashes(self) -> dict[str, dict[str, str]]:
        """Every pinned input file's sha256, by dataset and file name."""
        found: dict[str, dict[str, str]] = {}
        for item in self.manifest.get("inputs", []):
            found.setdefault(item["dataset"], {})[item["file"]] = item["sha256"]
        return found

    @cached_property
    def html(self) -> str:
        path = self.folder / "report.html"
        return path.read_text(encoding="utf-8") if path.is_file() else ""

    def title(self) -> str:
        """The report page's title (its ``<title>``), or the version id."""
        found = re.search(r"<title>(.*?)</title>", self.html, re.S)
        return unescape(found.group(1)).strip() if found else f"Version {self.id}"

    def newest_data(self) -> str:
        """The latest retrieval date of any dataset the version read ('' if none)."""
        dates = [d.get("retrieved", "") for d in self.claims_document.get("datasets", {}).values()]
        return max((d for d in dates if d), default="")

    def verdict_tally(self) -> dict[str, int]:
        """How many claims have each verdict, most common first."""
        tally: dict[str, int] = {}
        for claim in self.claims.values():
            tally[claim["verdict"]] = tally.get(claim["verdict"], 0) + 1
        return dict(sorted(tally.items(), key=lambda kv: (-kv[1], kv[0])))


_TEXT_KEYS = ("title", "quote", "verdict", "summary", "method", "limits", "needs")


def _claim_problem(claim: object) -> str | None:
    """What is wrong with one entry of ``claims``, or None."""
    if not isinstance(claim, dict):
        return "expected an object"
    if not isinstance(claim.get("id"), str):
        return "key 'id': expected text"
    if not isinstance(claim.get("verdict"), str):
        return "key 'verdict': expected text"
    for key in _TEXT_KEYS:
        if key in claim and not isinstance(claim[key], str):
            return f"key {key!r}: expected text"
    sources = claim.get("sources", [])
    if not isinstance(sources, list) or not all(isinstance(x, str) for x in sources):
        return "key 'sources': expected a list of dataset ids"
    if not isinstance(claim.get("figures", {}), dict):
        return "key 'figures': expected an object"
    details = claim.get("figure_details", [])
    if not isinstance(details, list) or not all(
        isinstance(d, dict) and isinstance(d.get("name"), str) for d in details
    ):
        return "key 'figure_details': expected a list of objects with a 'name'"
    return None


def checked_claims(document: dict[str, Any], path: Path) -> list[dict[str, Any]]:
    """The ``claims`` list of a ``claims.json`` document, each entry checked for the keys
    diff, review and publish read."""
    claims = document.get("claims", [])
    if not isinstance(claims, list):
        raise ReviewError(f"{path}: key 'claims': expected a list")
    for number, claim in enumerate(claims, start=1):
        problem = _claim_problem(claim)
        if problem is not None:
            name = claim.get("id") if isinstance(claim, dict) else None
            which = f"claim {number}" + (f" ({name!r})" if isinstance(name, str) else "")
            raise ReviewError(
                f"{path}: {which}: {problem}",
                "rebuild this version (python -m report build) or restore its claims.json",
            )
    return claims


def _read_json(path: Path) -> dict[str, Any]:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise ReviewError(f"{path} is missing", "rebuild it: python -m report build") from error
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ReviewError(f"{path} is not readable JSON: {error}") from error
    if not isinstance(document, dict):
        raise ReviewError(f"{path}: expected a JSON object")
    return document


def _is_version_folder(path: Path) -> bool:
    return (
        not path.is_symlink()
        and path.is_dir()
        and _ID.fullmatch(path.name) is not None
        and (path / "manifest.json").is_file()
    )


def list_versions(output_dir: Path) -> list[Version]:
    """Every finished version, oldest build first (by when its manifest was written; the
    one ``latest`` points at comes last)."""
    if not output_dir.is_dir():
        return []
    folders = [p for p in output_dir.iterdir() if _is_version_folder(p)]
    latest = latest_id(output_dir)
    folders.sort(key=lambda p: (p.name == latest, (p / "manifest.json").stat().st_mtime_ns, p.name))
    return [Version(p.name, p) for p in folders]


def latest_id(output_dir: Path) -> str | None:
    """The id ``output/latest`` points at, if it points at a version."""
    link = output_dir / LATEST
    if not link.is_symlink():
        return None
    target = Path(link.readlink()).name
    return target if _is_version_folder(output_dir / target) else None


def resolve(output_dir: Path, name: str) -> Version:
    """The version called ``name``: an id, a unique prefix of one, or ``latest``."""
    versions = list_versions(output_dir)
    if not versions:
        raise ReviewError(f"no versions in {output_dir}", "build one: python -m report build")
    if name == LATEST:
        return versions[-1]
    if _ID.fullmatch(name) is None:
        raise ReviewError(
            f"{name!r} is not a version: expected a version id (hex digits, at least 4) or 'latest'",
            f"versions in {output_dir}: " + ", ".join(v.id for v in versions[-5:]),
        )
    matches = [v for v in versions if v.id.startswith(name)]
    if len(matches) != 1:
        problem = "matches no version" if not matches else "matches several versions"
        raise ReviewError(
            f"version {name!r} {problem}",
            "name a version by a unique prefix of its id: "
            + ", ".join(v.id for v in (matches or versions)[-5:]),
        )
    return matches[0]


def previous(output_dir: Path, version: Version) -> Version | None:
    """The version built before ``version`` (None for the first)."""
    ids = [v.id for v in list_versions(output_dir)]
    index = ids.index(version.id) if version.id in ids else -1
    return Version(ids[index - 1], output_dir / ids[index - 1]) if index > 0 else None
