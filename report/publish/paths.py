"""Path safety: where a site may be written, and which file a URL may serve.

A site is never written into a version folder (they are immutable) nor over the output
folder or a non-empty folder that is not a site; a URL is served only from a file inside
the site folder once every symbolic link is resolved.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

from report.review.errors import ReviewError
from report.review.versions import list_versions

SITE_MARKER = "site.json"


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def check_site_target(output_dir: Path, target: Path) -> Path:
    """``target`` resolved, if a site may be written there; else a ReviewError naming why."""
    resolved = target.expanduser().resolve()
    out = output_dir.resolve()
    for version in list_versions(out):
        if _inside(resolved, version.folder.resolve()):
            raise ReviewError(
                f"{target} is inside the version folder {version.folder}; versions are immutable",
                "publish somewhere else, for example --to output/site",
            )
    if resolved == out or _inside(out, resolved):
        raise ReviewError(
            f"{target} holds the output folder {out}; a site would mix with the versions",
            "publish into a folder of its own, for example --to output/site",
        )
    if resolved.exists() and not resolved.is_dir():
        raise ReviewError(f"{target} is a file, not a folder")
    if resolved.is_dir() and any(resolved.iterdir()) and not (resolved / SITE_MARKER).is_file():
        raise ReviewError(
            f"{target} is a folder with files that is not a published site (no {SITE_MARKER})",
            "publish into an empty folder or a site published before",
        )
    return resolved


def file_in_site(root: Path, url: str) -> Path | None:
    """The file a request for ``url`` serves from the site folder ``root``, or None when it
    would leave the folder (``..``, an absolute or encoded path, a link pointing out)."""
    path = unquote(urlsplit(url).path)
    if "\0" in path or "\\" in path:
        return None
    normal = posixpath.normpath("/" + path.lstrip("/"))
    if any(part in {"..", "."} for part in normal.split("/")):
        return None
    base = root.resolve()
    candidate = (base / normal.lstrip("/")).resolve()
    if not _inside(candidate, base):
        return None
    if candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() and _inside(candidate.resolve(), base) else None
