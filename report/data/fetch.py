"""Resolve a pinned file to a local path: project folder, mirror, cache, then download.

Like pooch: every file is pinned by sha256 and refused when its content differs.
Downloads land in a content-addressed cache (``<cache>/<sha[:2]>/<sha>``).
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

from report.data.registry import DatasetSpec, FileSpec
from report.errors import DataError, Problem
from report.settings import Settings

_CHUNK = 1 << 20


def sha256_of(path: Path) -> str:
    """The hex sha256 of a file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _mismatch(dataset: DatasetSpec, spec: FileSpec, path: Path, actual: str) -> DataError:
    return DataError(
        [
            Problem(
                dataset.id,
                str(path),
                None,
                None,
                f"sha256 is {actual}, expected {spec.sha256}: the file was changed or truncated",
            )
        ],
        hint=(
            "restore the original file, or if the new content is intended, update the sha256 in "
            f"{dataset.registry_file} (python -m report datasets --verify lists every mismatch)"
        ),
    )


def _verified(dataset: DatasetSpec, spec: FileSpec, path: Path) -> Path:
    actual = sha256_of(path)
    if actual != spec.sha256:
        raise _mismatch(dataset, spec, path, actual)
    return path


def cache_path(settings: Settings, sha256: str) -> Path:
    """Where a downloaded file with this hash lives in the cache."""
    return settings.cache_dir / sha256[:2] / sha256


def _download(dataset: DatasetSpec, spec: FileSpec, settings: Settings) -> Path:
    assert spec.url is not None
    target = cache_path(settings, spec.sha256)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=".part-")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out, urllib.request.urlopen(spec.url, timeout=60) as resp:
            while chunk := resp.read(_CHUNK):
                out.write(chunk)
        actual = sha256_of(tmp)
        if actual != spec.sha256:
            raise _mismatch(dataset, spec, Path(spec.url), actual)
        os.replace(tmp, target)
    except (urllib.error.URLError, OSError, TimeoutError) as exc:
        raise DataError(
            [Problem(dataset.id, spec.name, None, None, f"download from {spec.url} failed: {exc}")],
            hint="set REPORT_DATA_MIRROR to a folder holding <dataset-id>/<file>, or go online",
        ) from None
    finally:
        tmp.unlink(missing_ok=True)
    return target


def resolve_file(dataset: DatasetSpec, spec: FileSpec, settings: Settings) -> Path:
    """A verified local path for ``spec``, fetching it if no local copy exists."""
    if spec.path is not None:
        local = settings.data_dir.parent / spec.path  # shipped paths start with the data folder
        if not local.is_file():
            raise DataError(
                [Problem(dataset.id, spec.path, None, None, "file is missing from the project")],
                hint="restore it from version control (git checkout -- <file>)",
            )
        return _verified(dataset, spec, local)
    candidates = []
    if settings.mirror_dir is not None:
        candidates.append(settings.mirror_dir / (spec.mirror_folder or dataset.id) / spec.name)
    candidates.append(cache_path(settings, spec.sha256))
    for candidate in candidates:
        if candidate.is_file():
            return _verified(dataset, spec, candidate)
    if spec.url and settings.allow_download:
        return _download(dataset, spec, settings)
    looked = ", ".join(str(c) for c in candidates)
    raise DataError(
        [Problem(dataset.id, spec.name, None, None, f"not found (looked in {looked})")],
        hint="set REPORT_DATA_MIRROR to the folder of raw datasets, or allow downloads",
    )
