"""The review log is append-only and hash-chained: edits, removals, reordering and a
truncated tail are all refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from report.review.errors import ReviewError
from report.review.fingerprint import Fingerprint
from report.review.log import GENESIS, append, entry_hash, head_path, read_log


def _fp(claim: str, seed: str = "x") -> Fingerprint:
    return Fingerprint(claim, {"figures": seed * 64})


@pytest.fixture()
def log(tmp_path: Path) -> Path:
    path = tmp_path / "review" / "log.jsonl"
    append(path, [(_fp("a"), "v1"), (_fp("b"), "v1")], "Ann", "first")
    append(path, [(_fp("a", "y"), "v2")], "Bob", "")
    return path


def test_entries_chain_each_to_the_one_before(log: Path) -> None:
    entries = read_log(log)
    assert [e.seq for e in entries] == [1, 2, 3]
    assert entries[0].prev == GENESIS
    assert [e.prev for e in entries[1:]] == [e.hash for e in entries[:-1]]
    raw = json.loads(log.read_text(encoding="utf-8").splitlines()[1])
    assert entry_hash(raw) == raw["hash"] == entries[1].hash  # recomputed independently
    assert (entries[2].by, entries[2].version, entries[2].claim) == ("Bob", "v2", "a")
    assert head_path(log).read_text(encoding="utf-8").split() == ["3", entries[2].hash]


def _lines(log: Path) -> list[str]:
    return log.read_text(encoding="utf-8").splitlines(keepends=True)


def test_an_edited_entry_is_refused(log: Path) -> None:
    lines = _lines(log)
    lines[0] = lines[0].replace('"Ann"', '"Eve"')
    log.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(ReviewError, match="line 1: its content does not match its hash"):
        read_log(log)


def test_a_removed_or_reordered_entry_is_refused(log: Path) -> None:
    lines = _lines(log)
    log.write_text(lines[0] + lines[2], encoding="utf-8")
    with pytest.raises(ReviewError, match="line 2"):
        read_log(log)
    log.write_text(lines[1] + lines[0] + lines[2], encoding="utf-8")
    with pytest.raises(ReviewError, match="line 1"):
        read_log(log)


def test_a_log_cut_short_is_refused(log: Path) -> None:
    lines = _lines(log)
    log.write_text("".join(lines[:2]), encoding="utf-8")  # whole entries dropped from the end
    with pytest.raises(ReviewError, match="names another last entry"):
        read_log(log)
    log.write_text("".join(lines)[:-20], encoding="utf-8")  # cut inside the last line
    with pytest.raises(ReviewError, match="incomplete"):
        read_log(log)
    log.unlink()
    with pytest.raises(ReviewError):
        read_log(log)


def test_appending_to_a_broken_log_is_refused_and_writes_nothing(log: Path) -> None:
    log.write_text(log.read_text(encoding="utf-8").replace('"Bob"', '"Eve"'), encoding="utf-8")
    before = log.read_bytes()
    with pytest.raises(ReviewError):
        append(log, [(_fp("c"), "v2")], "Eve", "")
    assert log.read_bytes() == before


def test_no_log_yet_is_an_empty_log(tmp_path: Path) -> None:
    assert read_log(tmp_path / "log.jsonl") == []


def test_editors_signing_off_at_once_keep_one_chain(tmp_path: Path) -> None:
    import threading

    path = tmp_path / "log.jsonl"
    threads = [
        threading.Thread(target=append, args=(path, [(_fp(f"c{i}"), "v1")], f"editor {i}", ""))
        for i in range(8)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    entries = read_log(path)
    assert sorted(e.claim for e in entries) == sorted(f"c{i}" for i in range(8))
