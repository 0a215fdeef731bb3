"""A build never vouches for inputs it has not checked: every file it lists is verified,
even when a version with the pinned hashes exists (issue 13, classes 1 and 2)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from report.pipeline import Project
from report.versions.inputs import input_names, verify_inputs
from tests.report.versions.conftest import MirrorBuild


def _flip(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))


def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:-1])


def _same_size_same_mtime(path: Path) -> None:
    stat = path.stat()
    _flip(path)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))


def _garbage(path: Path) -> None:
    path.write_bytes(b"{ garbage")


DAMAGE: dict[str, Callable[[Path], None]] = {
    "one bit flipped": _flip,
    "truncated by a byte": _truncate,
    "same size and mtime": _same_size_same_mtime,
    "replaced by garbage": _garbage,
    "deleted": lambda p: p.unlink(),
}
FILES = [
    "blockchaincom-charts-2026/hash-rate.json",
    "pool-blocks-sorukumar/blocks_post_2021.parquet",
    "pool-blocks-sorukumar/pool_metrics.json",  # listed, never read by a claim: still verified
    "eia-us-industrial-price/cbeci-annualized-consumption.csv",  # kept in another's folder
    "epoch-open-model-trends/All ML Systems - full view.csv",
]


@pytest.fixture()
def damaged(mirror_build: MirrorBuild):  # type: ignore[no-untyped-def]
    """Damage one mirror file for a test, then put it back."""
    saved: list[tuple[Path, bytes]] = []

    def damage(relative: str, how: Callable[[Path], None]) -> Path:
        path = mirror_build.mirror / relative
        saved.append((path, path.read_bytes()))
        how(path)
        return path

    yield damage
    for path, data in saved:
        path.write_bytes(data)


def _outputs(build: MirrorBuild) -> list[str]:
    return sorted(p.name for p in build.output.iterdir())


CASES = [(FILES[0], how) for how in sorted(DAMAGE)] + [
    (relative, how) for relative in FILES[1:] for how in ("one bit flipped", "deleted")
]


@pytest.mark.parametrize(("relative", "how"), CASES)
def test_a_damaged_mirror_file_stops_a_build_whose_version_exists(
    mirror_build: MirrorBuild, damaged, relative: str, how: str
) -> None:  # type: ignore[no-untyped-def]
    before = _outputs(mirror_build)
    damaged(relative, DAMAGE[how])
    done = mirror_build.run("build", "--quiet", REPORT_OFFLINE="1")
    assert done.returncode == 2, done.stdout + done.stderr
    assert "reused" not in done.stdout
    assert Path(relative).name in done.stderr
    assert _outputs(mirror_build) == before


def test_a_missing_mirror_offline_stops_the_build(
    mirror_build: MirrorBuild, tmp_path: Path
) -> None:
    done = mirror_build.run(
        "build",
        "--quiet",
        REPORT_OFFLINE="1",
        REPORT_DATA_MIRROR=str(tmp_path / "nowhere"),
        REPORT_ARTICLE=str(mirror_build.root / "shared" / "source" / "article.txt"),
    )
    # the setting is checked before anything is read or written
    assert done.returncode == 2
    assert "REPORT_DATA_MIRROR" in done.stderr and "is not a folder" in done.stderr


def test_a_corrupt_store_entry_is_not_trusted(mirror_build: MirrorBuild, tmp_path: Path) -> None:
    # the snapshot store holds the download; a damaged store copy with no mirror is refused
    relative = "blockchaincom-charts-2026/market-price.json"
    import hashlib

    data = (mirror_build.mirror / relative).read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    store = tmp_path / "cache"
    (store / sha[:2]).mkdir(parents=True)
    (store / sha[:2] / sha).write_bytes(data[:-10])
    only = tmp_path / "mirror"
    shutil.copytree(mirror_build.mirror, only)
    (only / relative).unlink()
    done = mirror_build.run(
        "build",
        "--quiet",
        REPORT_OFFLINE="1",
        REPORT_DATA_MIRROR=str(only),
        REPORT_DATA_CACHE=str(store),
        REPORT_ARTICLE=str(mirror_build.root / "shared" / "source" / "article.txt"),
    )
    assert done.returncode == 2 and "changed or truncated" in done.stderr


def test_an_intact_mirror_reuses_the_version_without_rereading(
    mirror_build: MirrorBuild,
) -> None:
    done = mirror_build.run("build", "--quiet", REPORT_OFFLINE="1")
    assert done.returncode == 0 and f"reused version {mirror_build.version}" in done.stdout


def test_every_listed_input_is_one_the_build_verifies(project: Project) -> None:
    names = input_names(project.registry, project.tables_needed())
    listed = {(i.dataset, i.file) for i in verify_inputs(project.registry, names, project.settings)}
    assert ("pool-blocks-sorukumar", "pool_metrics.json") in listed
    assert listed == set(names)
