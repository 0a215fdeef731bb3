"""Refresh datasets: fetch, shape, validate, then store snapshots and update the lock.

A refresh never costs a good snapshot: every answer is validated against its schema
before anything is stored, snapshots and the lock are written to temporary files and
renamed into place, and the data folder is locked (``flock``) so two refreshes cannot
interleave. A dataset that fails leaves its lock entry as it was; the others of the same
run are still locked, and the report says which.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import os
import re
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from report.data.fetch import FetchError, RetryPolicy, fetch_bytes, resolve_file
from report.data.lock import Lock, Snapshot, apply_lock, load_lock, write_lock
from report.data.refresh.shapes import ShapeError
from report.data.refresh.sources import SOURCES, FileSource
from report.data.registry import DatasetSpec, Registry, load_registry
from report.data.snapshots import store_snapshot
from report.errors import ConfigError, DataError, ReportError
from report.settings import Settings

_SECRET = re.compile(r"(api_key=)[^&]+")


class RefreshBusy(ReportError):
    """Another refresh holds the data folder."""


@dataclass(frozen=True)
class Fetched:
    """One file's new content, validated, with where and when it came from."""

    file: str
    body: bytes
    snapshot: Snapshot
    changed: bool


@dataclass(frozen=True)
class Outcome:
    """What happened to one dataset."""

    dataset: str
    status: str  # "updated", "unchanged", "failed" or "no live source"
    message: str = ""
    files: tuple[Fetched, ...] = ()
    changes: list[str] = field(default_factory=list)


def redact(text: str) -> str:
    """``text`` without API keys."""
    return _SECRET.sub(r"\1***", text)


@contextlib.contextmanager
def data_folder_lock(data_dir: Path) -> Iterator[None]:
    """Hold an exclusive lock on the data folder itself (no file is created in it)."""
    fd = os.open(data_dir, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise RefreshBusy(
                f"another refresh or pin is running on {data_dir}; wait for it and try again"
            ) from None
        yield
    finally:
        os.close(fd)


def _address(source: FileSource) -> str:
    if source.key_env is None:
        return source.address
    key = os.environ.get(source.key_env, "")
    if not key:
        raise FetchError(source.address, f"needs an API key: set {source.key_env}")
    return f"{source.address}&api_key={key}"


def validate_body(dataset: DatasetSpec, file: str, body: bytes) -> None:
    """Read every table of ``file`` from ``body`` against its schema; DataError if any fails."""
    from report.data.datasets import read_table

    with tempfile.TemporaryDirectory(prefix="claimcheck-refresh-") as scratch:
        path = Path(scratch) / file
        path.write_bytes(body)
        for spec in dataset.tables:
            if spec.file == file:
                read_table(spec, path, f"{dataset.id}/{file} (new answer)")


def _fetch_file(
    dataset: DatasetSpec,
    source: FileSource,
    lock: Lock,
    policy: RetryPolicy | None,
    settings: Settings,
) -> bytes:
    if source.extend is not None:
        old = resolve_file(dataset, dataset.file(source.file), settings).read_bytes()
        return source.extend(old, lambda url: fetch_bytes(url, max_bytes=1 << 20, policy=policy))
    locked = lock.get(dataset.id, source.file)
    cap = source.max_bytes or max(16 * (locked.size if locked else 0), 4 << 20)
    body = fetch_bytes(_address(source), max_bytes=cap, policy=policy, headers=source.headers)
    return source.shape(body)


def refresh_dataset(
    dataset: DatasetSpec, lock: Lock, policy: RetryPolicy | None, now: str, settings: Settings
) -> Outcome:
    """Fetch and validate every file of one dataset; nothing is stored here."""
    import hashlib

    sources = SOURCES.get(dataset.id)
    if not sources:
        return Outcome(dataset.id, "no live source", "re-pin local edits with `report pin`")
    fetched: list[Fetched] = []
    for source in sources:
        try:
            body = _fetch_file(dataset, source, lock, policy, settings)
            validate_body(dataset, source.file, body)
        except FetchError as error:
            return Outcome(dataset.id, "failed", f"{redact(error.url)}: {error.reason}")
        except ShapeError as error:
            return Outcome(dataset.id, "failed", f"{redact(source.address)}: {error}")
        except DataError as error:
            detail = "; ".join(str(p) for p in error.problems[:3])
            return Outcome(dataset.id, "failed", f"{redact(source.address)}: {detail}")
        sha = hashlib.sha256(body).hexdigest()
        current = dataset.file(source.file).sha256
        snapshot = Snapshot(sha, len(body), source.address, now)
        fetched.append(Fetched(source.file, body, snapshot, changed=sha != current))
    status = "updated" if any(f.changed for f in fetched) else "unchanged"
    return Outcome(dataset.id, status, files=tuple(fetched))


def selected(registry: Registry, names: Sequence[str]) -> list[str]:
    """The dataset ids asked for (every one with a live source when none is named)."""
    if not names:
        return [d for d in registry.datasets if d in SOURCES]
    unknown = [n for n in names if n not in registry.datasets]
    if unknown:
        known = ", ".join(sorted(registry.datasets))
        raise ConfigError(f"no dataset {unknown[0]!r}; known datasets: {known}")
    return list(dict.fromkeys(names))


def refresh(
    settings: Settings, names: Sequence[str] = (), policy: RetryPolicy | None = None
) -> tuple[list[Outcome], Lock, Lock]:
    """Refresh the named datasets; returns each outcome and the lock before and after."""
    registry = load_registry(settings.data_dir)
    with data_folder_lock(settings.data_dir):
        before = load_lock(settings.data_dir)
        locked = apply_lock(registry, before)
        now = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
        outcomes = [
            refresh_dataset(locked.datasets[d], before, policy, now, settings)
            for d in selected(registry, names)
        ]
        after = before
        for outcome in outcomes:
            for item in outcome.files:
                if item.changed:
                    store_snapshot(settings, item.body)
                    declared = registry.datasets[outcome.dataset].file(item.file).sha256
                    snapshot = replace(item.snapshot, declared=declared)
                    after = after.with_file(outcome.dataset, item.file, snapshot)
        write_lock(settings.data_dir, after)
    return outcomes, before, after
