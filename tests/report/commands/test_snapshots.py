"""``snapshots export`` writes a verified mirror another checkout can build from."""

from __future__ import annotations

from pathlib import Path

from report.data.lock import load_lock, locked_registry
from report.data.statcache import sha256_of
from report.settings import load_settings
from report.versions.inputs import verify_inputs
from tests.report.commands.conftest import make_scratch


def test_export_writes_every_locked_snapshot_and_builds_can_use_it(tmp_path: Path) -> None:
    scratch = make_scratch(tmp_path)
    target = tmp_path / "exported"
    done = scratch.run("snapshots", "export", str(target))
    assert done.returncode == 0, done.stderr
    assert f"REPORT_DATA_MIRROR={target.resolve()}" in done.stdout
    registry = locked_registry(scratch.data)
    lock = load_lock(scratch.data)
    names = []
    for dataset in registry.datasets.values():
        for spec in dataset.files:
            if spec.path is None:
                exported = target / (spec.mirror_folder or dataset.id) / spec.name
                snap = lock.get(dataset.id, spec.name)
                assert snap is not None and sha256_of(exported) == snap.sha256
                names.append((dataset.id, spec.name))
    offline = load_settings().with_changes(
        data_dir=scratch.data, mirror_dir=target, cache_dir=tmp_path / "empty", allow_download=False
    )
    assert len(verify_inputs(registry, names, offline)) == len(names)
    again = scratch.run("snapshots", "export", str(target))
    assert f"exported 0 snapshot file(s) to {target} ({len(names)} already there)" in again.stdout
