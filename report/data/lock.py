"""The snapshot lock, ``data/snapshots.lock``: which content each dataset file uses.

The registry (``data/datasets/*.toml``) declares a dataset: source, licence, files and
schema, with the sha256 of the first pin. The lock records the snapshot in use now, per
file: sha256, size, address and retrieval time, as ``dvc.lock`` does. ``refresh`` and
``pin`` write it; a build reads only what it names. JSON, sorted and indented, so a
change is one readable diff.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from report.data.registry import DatasetSpec, Registry, load_registry
from report.errors import ConfigError

LOCK_NAME = "snapshots.lock"
LOCK_FORMAT = 1
_FIELDS = ("sha256", "size", "address", "retrieved")


@dataclass(frozen=True)
class Snapshot:
    """One locked file: its content hash and size, where and when it was fetched."""

    sha256: str
    size: int
    address: str
    retrieved: str  # ISO date or UTC time
    declared: str | None = None  # the registry's sha256 when this entry was written

    def as_json(self) -> dict[str, Any]:
        doc: dict[str, Any] = {
            "sha256": self.sha256,
            "size": self.size,
            "address": self.address,
            "retrieved": self.retrieved,
        }
        if self.declared is not None:
            doc["declared"] = self.declared
        return doc


@dataclass(frozen=True)
class Lock:
    """Locked snapshots by dataset id and file name, and the article's pin if re-pinned."""

    datasets: Mapping[str, Mapping[str, Snapshot]] = field(default_factory=dict)
    article: Snapshot | None = None

    def get(self, dataset: str, file: str) -> Snapshot | None:
        """The locked snapshot of one file, or None."""
        return self.datasets.get(dataset, {}).get(file)

    def with_file(self, dataset: str, file: str, snapshot: Snapshot) -> Lock:
        """A copy with one file's snapshot replaced."""
        datasets = {k: dict(v) for k, v in self.datasets.items()}
        datasets.setdefault(dataset, {})[file] = snapshot
        return Lock(datasets, self.article)

    def with_article(self, snapshot: Snapshot) -> Lock:
        """A copy with the article re-pinned."""
        return Lock(self.datasets, snapshot)


def lock_path(data_dir: Path) -> Path:
    """The lock file of a data folder."""
    return data_dir / LOCK_NAME


def _snapshot(raw: object, where: str) -> Snapshot:
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: expected an object with keys {', '.join(_FIELDS)}")
    missing = [k for k in _FIELDS if k not in raw]
    if missing:
        raise ConfigError(f"{where}: missing key {missing[0]!r}")
    sha, size = raw["sha256"], raw["size"]
    if not (isinstance(sha, str) and len(sha) == 64 and all(c in "0123456789abcdef" for c in sha)):
        raise ConfigError(f"{where}, key 'sha256': expected 64 lowercase hex digits, got {sha!r}")
    if not isinstance(size, int) or isinstance(size, bool) or size < 0:
        raise ConfigError(f"{where}, key 'size': expected a whole number of bytes, got {size!r}")
    declared = raw.get("declared")
    if declared is not None and not isinstance(declared, str):
        raise ConfigError(f"{where}, key 'declared': expected a sha256 string, got {declared!r}")
    return Snapshot(sha, size, str(raw["address"]), str(raw["retrieved"]), declared)


def load_lock(data_dir: Path) -> Lock:
    """The lock of ``data_dir`` (an empty lock when there is no file)."""
    path = lock_path(data_dir)
    if not path.exists():
        return Lock()
    where = str(path)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise ConfigError(f"{where}: not a readable JSON lock file ({exc})") from None
    if not isinstance(raw, dict) or raw.get("lock_format") != LOCK_FORMAT:
        raise ConfigError(f'{where}: expected an object with "lock_format": {LOCK_FORMAT}')
    datasets = raw.get("datasets", {})
    if not isinstance(datasets, dict):
        raise ConfigError(f"{where}, key 'datasets': expected an object of datasets")
    parsed: dict[str, dict[str, Snapshot]] = {}
    for ident, files in datasets.items():
        if not isinstance(files, dict):
            raise ConfigError(f"{where}, dataset {ident!r}: expected an object of files")
        parsed[ident] = {
            name: _snapshot(entry, f"{where}, dataset {ident!r}, file {name!r}")
            for name, entry in files.items()
        }
    article = raw.get("article")
    return Lock(parsed, _snapshot(article, f"{where}, key 'article'") if article else None)


def lock_text(lock: Lock) -> str:
    """The lock as the JSON text written to disk (sorted, so the same lock gives the same bytes)."""
    doc: dict[str, Any] = {"lock_format": LOCK_FORMAT}
    if lock.article is not None:
        doc["article"] = lock.article.as_json()
    doc["datasets"] = {
        ident: {name: snap.as_json() for name, snap in sorted(files.items())}
        for ident, files in sorted(lock.datasets.items())
    }
    return json.dumps(doc, indent=2, sort_keys=False) + "\n"


def write_lock(data_dir: Path, lock: Lock) -> bool:
    """Write the lock atomically; False (and nothing written) when it is unchanged."""
    path = lock_path(data_dir)
    text = lock_text(lock)
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return False
    fd, name = tempfile.mkstemp(dir=data_dir, prefix=".snapshots-lock-")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(name, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(name)
    return True


def _locked_dataset(dataset: DatasetSpec, lock: Lock) -> DatasetSpec:
    files = []
    retrieved = dataset.retrieved
    for spec in dataset.files:
        snap = lock.get(dataset.id, spec.name)
        hand_pinned = snap is not None and snap.declared not in (None, spec.sha256)
        if snap is None or snap.sha256 == spec.sha256 or hand_pinned:
            # a sha256 edited into the registry after the lock entry was written wins
            files.append(spec)
            continue
        # the registry's address serves the first pin, not this snapshot: no download
        url = None if spec.path is None else spec.url
        files.append(replace(spec, sha256=snap.sha256, url=url))
        retrieved = max(retrieved, snap.retrieved[:10])
    return replace(dataset, files=tuple(files), retrieved=retrieved)


def apply_lock(registry: Registry, lock: Lock) -> Registry:
    """The registry with every file's sha256 taken from the lock where it names one."""
    datasets = {ident: _locked_dataset(d, lock) for ident, d in registry.datasets.items()}
    return Registry(datasets=datasets, tables=registry.tables)


def locked_registry(data_dir: Path) -> Registry:
    """The registry of ``data_dir`` with the lock applied: what a build reads."""
    return apply_lock(load_registry(data_dir), load_lock(data_dir))


def article_pin(data_dir: Path, declared: str) -> str:
    """The article's sha256: the lock's when ``pin`` re-pinned it, else ``declared``."""
    lock = load_lock(data_dir)
    return lock.article.sha256 if lock.article is not None else declared
