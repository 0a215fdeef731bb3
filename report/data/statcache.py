"""File hashes remembered by stat, as git's index does: a file whose size, mtime, ctime and
inode are those recorded is not read again.

A file changed in the same instant the entry was recorded could keep its stat ("racily
clean", in git's words), so an entry is trusted only when the file's mtime is safely
older than the moment it was recorded. The cache is a plain JSON file; a missing,
unreadable or unwritable cache only costs re-hashing.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
import time
from pathlib import Path

_CHUNK = 1 << 20
_RACY_NS = 2_000_000_000  # mtimes this close to the recording are not trusted


def sha256_of(path: Path) -> str:
    """The hex sha256 of a file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _stat_key(stat: os.stat_result) -> list[int]:
    return [stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino, stat.st_dev]


class StatCache:
    """sha256 of files by absolute path, valid while their stat is unchanged."""

    def __init__(self, file: Path | None) -> None:
        self.file = file
        self.hashed: list[Path] = []  # files actually read in this run
        self._entries: dict[str, dict[str, object]] = {}
        self._dirty = False
        if file is not None:
            with contextlib.suppress(OSError, ValueError):
                loaded = json.loads(file.read_text(encoding="utf-8"))
                if isinstance(loaded, dict):
                    self._entries = {k: v for k, v in loaded.items() if isinstance(v, dict)}

    def sha256(self, path: Path) -> str:
        """The sha256 of ``path``, from the cache when its stat is unchanged."""
        key = str(path.resolve())
        stat = path.stat()
        entry = self._entries.get(key)
        if (
            entry is not None
            and entry.get("stat") == _stat_key(stat)
            and isinstance(entry.get("recorded"), int)
            and stat.st_mtime_ns + _RACY_NS < int(entry["recorded"])  # type: ignore[call-overload]
            and isinstance(entry.get("sha256"), str)
        ):
            return str(entry["sha256"])
        digest = sha256_of(path)
        self.hashed.append(path)
        after = path.stat()
        if _stat_key(after) == _stat_key(stat):  # not changed while we read it
            self._entries[key] = {
                "stat": _stat_key(stat),
                "sha256": digest,
                "recorded": time.time_ns(),
            }
            self._dirty = True
        return digest

    def save(self) -> None:
        """Write the cache back (atomically); silently skipped when that is impossible."""
        if self.file is None or not self._dirty:
            return
        with contextlib.suppress(OSError):
            self.file.parent.mkdir(parents=True, exist_ok=True)
            fd, name = tempfile.mkstemp(dir=self.file.parent, prefix=".stat-")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as out:
                    json.dump(self._entries, out, sort_keys=True)
                os.replace(name, self.file)
            finally:
                with contextlib.suppress(OSError):
                    os.unlink(name)
            self._dirty = False


def stat_cache_for(cache_dir: Path) -> StatCache:
    """The stat cache kept in the download cache folder."""
    return StatCache(cache_dir / "stat-cache.json")
