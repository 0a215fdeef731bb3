"""The review log: an append-only file of sign-offs, one JSON object a line, kept in the
repository (``review/log.jsonl``), each entry carrying the hash of the one before.

``review/log.head`` holds the count and hash of the last entry, so a log cut short, an
edited entry, a removed or reordered line, or a broken last line is found and refused
(:func:`read_log` raises :class:`ReviewError`). Nothing ever rewrites an entry.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from report.review.errors import ReviewError
from report.review.fingerprint import Fingerprint

GENESIS = "0" * 64
FIELDS = ("seq", "prev", "at", "by", "claim", "version", "fingerprint", "parts", "note")


@dataclass(frozen=True)
class SignOff:
    """One entry of the log."""

    seq: int
    prev: str
    at: str
    by: str
    claim: str
    version: str
    fingerprint: str
    parts: dict[str, str]
    note: str
    hash: str


def log_path(project_root: Path) -> Path:
    """``$REPORT_REVIEW_LOG``, else ``review/log.jsonl`` in the project."""
    env = os.environ.get("REPORT_REVIEW_LOG")
    return Path(env).expanduser().resolve() if env else project_root / "review" / "log.jsonl"


def head_path(log: Path) -> Path:
    return log.with_suffix(".head")


def entry_hash(body: dict[str, Any]) -> str:
    """The sha256 of an entry's fields (everything but its own hash), canonically encoded."""
    text = json.dumps(
        {k: body[k] for k in FIELDS}, sort_keys=True, ensure_ascii=False, separators=(",", ":")
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _broken(log: Path, line: int, what: str) -> ReviewError:
    return ReviewError(
        f"review log {log}, line {line}: {what}; the log was edited or cut short",
        "restore it from version control (git checkout -- review/); sign-offs are never edited",
    )


def _entry(log: Path, number: int, text: str, prev: str) -> SignOff:
    try:
        body = json.loads(text)
    except json.JSONDecodeError as error:
        raise _broken(log, number, f"not a JSON object ({error.msg})") from error
    if not isinstance(body, dict) or set(body) != {*FIELDS, "hash"}:
        raise _broken(log, number, "expected the fields " + ", ".join((*FIELDS, "hash")))
    if body["seq"] != number:
        raise _broken(log, number, f"expected entry number {number}, found {body['seq']!r}")
    if body["prev"] != prev:
        raise _broken(log, number, "its 'prev' is not the hash of the entry before")
    if entry_hash(body) != body["hash"]:
        raise _broken(log, number, "its content does not match its hash")
    return SignOff(**body)


def read_log(log: Path) -> list[SignOff]:
    """Every sign-off, after checking the chain and the head; [] if there is no log yet."""
    head = head_path(log)
    if not log.exists() and not head.exists():
        return []
    try:
        raw = log.read_bytes() if log.exists() else b""
        head_text = head.read_text(encoding="utf-8").split() if head.exists() else []
    except OSError as error:
        raise ReviewError(f"cannot read the review log {log}: {error}") from error
    if not raw and not head_text:
        return []  # created, never written (as the lock of a first sign-off leaves it)
    if raw and not raw.endswith(b"\n"):
        raise _broken(log, raw.count(b"\n") + 1, "the last line is incomplete")
    entries: list[SignOff] = []
    prev = GENESIS
    for number, line in enumerate(raw.decode("utf-8", "replace").splitlines(), start=1):
        entries.append(_entry(log, number, line, prev))
        prev = entries[-1].hash
    if head_text != [str(len(entries)), prev]:
        raise _broken(log, len(entries), f"{head.name} names another last entry")
    return entries


def append(log: Path, signoffs: list[tuple[Fingerprint, str]], by: str, note: str) -> list[SignOff]:
    """Append one sign-off per (fingerprint, version id) and return them; one writer at a
    time (an exclusive lock), so two editors cannot fork the chain."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("a", encoding="utf-8") as lock:  # the log itself is the lock
        fcntl.flock(lock, fcntl.LOCK_EX)
        return _append_locked(log, signoffs, by, note)


def _append_locked(
    log: Path, signoffs: list[tuple[Fingerprint, str]], by: str, note: str
) -> list[SignOff]:
    entries = read_log(log)
    prev = entries[-1].hash if entries else GENESIS
    at = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    added: list[SignOff] = []
    lines: list[str] = []
    for fp, version in signoffs:
        body: dict[str, Any] = {
            "seq": len(entries) + len(added) + 1,
            "prev": prev,
            "at": at,
            "by": by,
            "claim": fp.claim,
            "version": version,
            "fingerprint": fp.digest,
            "parts": dict(fp.parts),
            "note": note,
        }
        body["hash"] = prev = entry_hash(body)
        added.append(SignOff(**body))
        lines.append(json.dumps(body, ensure_ascii=False, sort_keys=True) + "\n")
    with log.open("a", encoding="utf-8") as handle:
        handle.write("".join(lines))
    temporary = head_path(log).with_suffix(".head.tmp")
    temporary.write_text(f"{len(entries) + len(added)} {prev}\n", encoding="utf-8")
    os.replace(temporary, head_path(log))
    return added


def latest_signoffs(entries: list[SignOff]) -> dict[str, SignOff]:
    """The most recent sign-off of each claim."""
    return {e.claim: e for e in entries}


def approved_fingerprints(entries: list[SignOff]) -> dict[tuple[str, str], SignOff]:
    """The latest sign-off of every (claim, fingerprint) ever approved."""
    return {(e.claim, e.fingerprint): e for e in entries}
