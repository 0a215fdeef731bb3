"""The stat cache re-reads a file only when its stat changed, as git's index does."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from report.data.statcache import StatCache

OLD = 1_600_000_000  # an mtime safely in the past


def _write(path: Path, data: bytes, mtime: int = OLD) -> None:
    path.write_bytes(data)
    os.utime(path, (mtime, mtime))


def test_an_unchanged_file_is_not_read_again(tmp_path: Path) -> None:
    file = tmp_path / "a.csv"
    _write(file, b"x,y\n1,2\n")
    first = StatCache(tmp_path / "cache.json")
    assert first.sha256(file) == hashlib.sha256(b"x,y\n1,2\n").hexdigest()
    first.save()
    second = StatCache(tmp_path / "cache.json")
    assert second.sha256(file) == hashlib.sha256(b"x,y\n1,2\n").hexdigest()
    assert second.hashed == []


def test_same_size_edit_with_the_old_mtime_restored_is_noticed(tmp_path: Path) -> None:
    file = tmp_path / "a.csv"
    _write(file, b"x,y\n1,2\n")
    cache = StatCache(tmp_path / "cache.json")
    cache.sha256(file)
    cache.save()
    _write(file, b"x,y\n1,3\n")  # same size, same mtime: only the ctime tells
    again = StatCache(tmp_path / "cache.json")
    assert again.sha256(file) == hashlib.sha256(b"x,y\n1,3\n").hexdigest()
    assert again.hashed == [file]


def test_a_replaced_file_is_noticed_by_its_inode(tmp_path: Path) -> None:
    file = tmp_path / "a.csv"
    _write(file, b"abc")
    cache = StatCache(tmp_path / "cache.json")
    cache.sha256(file)
    other = tmp_path / "b.csv"
    _write(other, b"abd")
    os.replace(other, file)
    assert cache.sha256(file) == hashlib.sha256(b"abd").hexdigest()


def test_a_file_written_just_now_is_always_re_read(tmp_path: Path) -> None:
    file = tmp_path / "a.csv"
    file.write_bytes(b"fresh")
    cache = StatCache(None)
    cache.sha256(file)
    cache.sha256(file)
    assert cache.hashed == [file, file]  # racily clean: its mtime is too close to the record


def test_an_unreadable_cache_costs_only_rehashing(tmp_path: Path) -> None:
    (tmp_path / "cache.json").write_text("{not json", encoding="utf-8")
    file = tmp_path / "a.csv"
    _write(file, b"abc")
    cache = StatCache(tmp_path / "cache.json")
    assert cache.sha256(file) == hashlib.sha256(b"abc").hexdigest()
    cache.save()
    assert StatCache(tmp_path / "cache.json").sha256(file) == hashlib.sha256(b"abc").hexdigest()
