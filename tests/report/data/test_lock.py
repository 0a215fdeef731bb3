"""The snapshot lock: read, written deterministically, applied over the registry."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from report.data.lock import Snapshot, apply_lock, load_lock, lock_text, write_lock
from report.data.registry import Registry, load_registry
from report.errors import ConfigError
from report.pipeline import Project
from report.settings import PROJECT_ROOT

NEW = "ab" * 32


def test_the_shipped_lock_pins_every_declared_file(project: Project) -> None:
    lock = load_lock(PROJECT_ROOT / "data")
    registry = load_registry(PROJECT_ROOT / "data")
    for dataset in registry.datasets.values():
        for spec in dataset.files:
            snap = lock.get(dataset.id, spec.name)
            assert snap is not None, f"{dataset.id}/{spec.name} is not locked"
            assert snap.size > 0 and snap.address and snap.retrieved
    assert lock_text(lock) == (PROJECT_ROOT / "data" / "snapshots.lock").read_text(encoding="utf-8")


def test_a_locked_snapshot_overrides_the_first_pin(tmp_path: Path) -> None:
    registry = load_registry(PROJECT_ROOT / "data")
    lock = load_lock(PROJECT_ROOT / "data").with_file(
        "blockchaincom-charts-2026",
        "hash-rate.json",
        Snapshot(NEW, 10, "https://api.blockchain.info/charts/hash-rate", "2026-12-01T09:00:00Z"),
    )
    locked = apply_lock(registry, lock).datasets["blockchaincom-charts-2026"]
    spec = locked.file("hash-rate.json")
    assert spec.sha256 == NEW and spec.url is None  # the first pin's address serves old bytes
    assert locked.retrieved == "2026-12-01"
    assert locked.file("difficulty.json") == registry.datasets["blockchaincom-charts-2026"].file(
        "difficulty.json"
    )


def test_writing_the_same_lock_changes_nothing(tmp_path: Path) -> None:
    lock = load_lock(PROJECT_ROOT / "data")
    assert write_lock(tmp_path, lock) is True
    first = (tmp_path / "snapshots.lock").stat().st_mtime_ns
    assert write_lock(tmp_path, lock) is False
    assert (tmp_path / "snapshots.lock").stat().st_mtime_ns == first
    assert load_lock(tmp_path) == lock


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("{not json", "not a readable JSON lock file"),
        ('{"lock_format": 2}', '"lock_format": 1'),
        ('{"lock_format": 1, "datasets": []}', "key 'datasets'"),
        ('{"lock_format": 1, "datasets": {"d": {"f": {"sha256": "x"}}}}', "missing key 'size'"),
        (
            '{"lock_format": 1, "datasets": {"d": {"f": {"sha256": "zz", "size": 1, '
            '"address": "a", "retrieved": "r"}}}}',
            "key 'sha256': expected 64 lowercase hex digits",
        ),
        (
            json.dumps(
                {
                    "lock_format": 1,
                    "datasets": {
                        "d": {"f": {"sha256": NEW, "size": "big", "address": "a", "retrieved": "r"}}
                    },
                }
            ),
            "key 'size': expected a whole number",
        ),
    ],
)
def test_a_malformed_lock_names_the_key(tmp_path: Path, text: str, needle: str) -> None:
    (tmp_path / "snapshots.lock").write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=r"snapshots\.lock") as caught:
        load_lock(tmp_path)
    assert needle in str(caught.value)


def test_a_sha256_edited_into_the_registry_after_the_lock_wins() -> None:
    registry = load_registry(PROJECT_ROOT / "data")
    dataset = registry.datasets["curated-edge-ai-market"]
    first = dataset.file("edge_ai_market.csv").sha256
    refreshed = Snapshot(NEW, 10, "data/curated/edge_ai_market.csv", "2026-12-01", first)
    lock = load_lock(PROJECT_ROOT / "data").with_file(dataset.id, "edge_ai_market.csv", refreshed)
    assert apply_lock(registry, lock).datasets[dataset.id].file("edge_ai_market.csv").sha256 == NEW
    hand = "cd" * 32  # someone pastes a hash into the registry, the old way
    edited = replace(dataset, files=(replace(dataset.files[0], sha256=hand),))
    by_hand = Registry({**registry.datasets, dataset.id: edited}, registry.tables)
    assert apply_lock(by_hand, lock).datasets[dataset.id].file("edge_ai_market.csv").sha256 == hand
