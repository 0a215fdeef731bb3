"""Re-pin local inputs: find what a path is (a project file, a mirror file, the article),
validate it, and write its new hash into the lock."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from pathlib import Path

from report.data.lock import Lock, Snapshot, apply_lock, load_lock, write_lock
from report.data.registry import DatasetSpec, FileSpec, Registry, load_registry
from report.data.snapshots import store_snapshot
from report.errors import ConfigError, DataError, Problem
from report.settings import Settings


def _owner(path: Path, registry: Registry, settings: Settings) -> tuple[DatasetSpec, FileSpec]:
    for dataset in registry.datasets.values():
        for spec in dataset.files:
            places = []
            if spec.path is not None:
                places.append(settings.data_dir.parent / spec.path)
            elif settings.mirror_dir is not None:
                places.append(settings.mirror_dir / (spec.mirror_folder or dataset.id) / spec.name)
            if any(p.resolve() == path for p in places):
                return dataset, spec
    raise ConfigError(
        f"{path} is not an input of any dataset in data/datasets (nor the article); "
        "name a curated table, a mirror file or the article"
    )


def _validate_tables(dataset: DatasetSpec, spec: FileSpec, path: Path) -> None:
    from report.data.datasets import read_table

    for table in dataset.tables:
        if table.file == spec.name:
            read_table(table, path, str(path))


def _article_path(settings: Settings) -> Path | None:
    import os
    import tomllib

    env = os.environ.get("REPORT_ARTICLE")
    if env:
        return Path(env).resolve()
    spec = tomllib.loads((settings.data_dir / "article.toml").read_text(encoding="utf-8"))
    if settings.mirror_dir is None:
        return None
    return (settings.mirror_dir / str(spec.get("mirror_path", ""))).resolve()


def _pin_article(path: Path, lock: Lock, settings: Settings, today: str) -> tuple[Lock, str]:
    import tomllib

    from report.data.inventory import load_inventory

    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataError(
            [Problem("article", str(path), f"byte {exc.start}", None, "not valid UTF-8 text")]
        ) from None
    load_inventory(settings.data_dir, text)  # every claim's quote must still be in it
    declared = tomllib.loads((settings.data_dir / "article.toml").read_text(encoding="utf-8"))
    old = lock.article.sha256 if lock.article is not None else str(declared.get("sha256"))
    new = hashlib.sha256(data).hexdigest()
    snapshot = Snapshot(new, len(data), str(path), today)
    return lock.with_article(snapshot), f"pinned article {path.name}: sha256 {old} -> {new}"


def pin_paths(settings: Settings, paths: Sequence[Path]) -> list[str]:
    """Validate and pin each path; lines saying old and new hash for each."""
    from report.data.refresh.run import data_folder_lock

    registry = load_registry(settings.data_dir)
    today = dt.datetime.now(dt.UTC).date().isoformat()
    lines: list[str] = []
    with data_folder_lock(settings.data_dir):
        lock = load_lock(settings.data_dir)
        locked = apply_lock(registry, lock)
        article = _article_path(settings)
        for raw in paths:
            path = raw.resolve()
            if not path.is_file():
                raise ConfigError(f"{raw}: no such file")
            if article is not None and path == article:
                lock, line = _pin_article(path, lock, settings, today)
                lines.append(line)
                continue
            dataset, spec = _owner(path, locked, settings)
            _validate_tables(dataset, spec, path)
            data = path.read_bytes()
            new = hashlib.sha256(data).hexdigest()
            if spec.path is None:
                store_snapshot(settings, data)  # the edited mirror file stays reproducible
            address = spec.path or spec.url or str(path)
            if new != spec.sha256:  # an unchanged file keeps its entry (and its date)
                declared = registry.datasets[dataset.id].file(spec.name).sha256
                snapshot = Snapshot(new, len(data), address, today, declared)
                lock = lock.with_file(dataset.id, spec.name, snapshot)
            state = "unchanged" if new == spec.sha256 else f"{spec.sha256} -> {new}"
            lines.append(f"pinned {dataset.id}/{spec.name}: sha256 {state}")
        write_lock(settings.data_dir, lock)
    return lines
