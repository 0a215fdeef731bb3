"""The snapshot store: immutable, content-addressed copies of fetched files.

A snapshot lives at ``<cache>/<sha[:2]>/<sha>`` (the same store downloads use), is written
to a temporary file and renamed into place, and is made read-only. Writing content that is
already stored changes nothing, so a killed refresh can leave at most a stray temporary
file, never a wrong snapshot.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
from pathlib import Path

from report.settings import Settings


def snapshot_path(settings: Settings, sha256: str) -> Path:
    """Where the snapshot with this content hash is stored."""
    return settings.cache_dir / sha256[:2] / sha256


def store_snapshot(settings: Settings, body: bytes) -> Path:
    """Store ``body`` by its sha256 and return its path (an existing copy is kept)."""
    sha = hashlib.sha256(body).hexdigest()
    target = snapshot_path(settings, sha)
    if target.is_file() and target.stat().st_size == len(body):
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=".part-")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(body)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(name, 0o444)
        os.replace(name, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(name)
    return target


def export_file(source: Path, target: Path) -> bool:
    """Copy ``source`` to ``target`` unless an identical file is there; True if copied."""
    if target.is_file() and target.stat().st_size == source.stat().st_size:
        from report.data.statcache import sha256_of

        if sha256_of(target) == sha256_of(source):
            return False
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=".part-")
    os.close(fd)
    try:
        shutil.copyfile(source, name)
        os.replace(name, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(name)
    return True
