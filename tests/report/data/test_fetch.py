"""Files resolve from the project, the mirror, the cache or a download, and are refused
unless their sha256 matches the pin."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from report.data.fetch import cache_path, resolve_file
from report.data.registry import DatasetSpec, FileSpec
from report.errors import DataError
from report.settings import Settings

CONTENT = b"date,value\n2024-01-01,1\n"
SHA = hashlib.sha256(CONTENT).hexdigest()


def _dataset(spec: FileSpec) -> DatasetSpec:
    return DatasetSpec(
        id="example",
        title="t",
        description="d",
        source="s",
        address="a",
        licence="l",
        retrieved="2026-01-01",
        files=(spec,),
        tables=(),
        registry_file="data/datasets/example.toml",
    )


def _settings(settings: Settings, tmp_path: Path, mirror: Path | None) -> Settings:
    return settings.with_changes(
        mirror_dir=mirror, cache_dir=tmp_path / "cache", allow_download=True
    )


def test_mirror_file_with_the_pinned_hash_is_used(settings: Settings, tmp_path: Path) -> None:
    mirror = tmp_path / "mirror"
    (mirror / "example").mkdir(parents=True)
    (mirror / "example" / "f.csv").write_bytes(CONTENT)
    spec = FileSpec("f.csv", SHA)
    path = resolve_file(_dataset(spec), spec, _settings(settings, tmp_path, mirror))
    assert path == mirror / "example" / "f.csv"


def test_mirror_file_with_another_hash_is_refused(settings: Settings, tmp_path: Path) -> None:
    mirror = tmp_path / "mirror"
    (mirror / "example").mkdir(parents=True)
    (mirror / "example" / "f.csv").write_bytes(CONTENT + b"2024-01-02,2\n")
    spec = FileSpec("f.csv", SHA)
    with pytest.raises(DataError) as caught:
        resolve_file(_dataset(spec), spec, _settings(settings, tmp_path, mirror))
    assert f"expected {SHA}" in str(caught.value)
    assert "data/datasets/example.toml" in caught.value.hint


def test_download_lands_in_the_content_addressed_cache(settings: Settings, tmp_path: Path) -> None:
    upstream = tmp_path / "upstream.csv"
    upstream.write_bytes(CONTENT)
    spec = FileSpec("f.csv", SHA, url=upstream.as_uri())
    local = _settings(settings, tmp_path, None)
    path = resolve_file(_dataset(spec), spec, local)
    assert path == cache_path(local, SHA) and path.read_bytes() == CONTENT
    upstream.unlink()  # a second resolve needs no network
    assert resolve_file(_dataset(spec), spec, local) == path


def test_download_with_another_hash_is_refused_and_not_cached(
    settings: Settings, tmp_path: Path
) -> None:
    upstream = tmp_path / "upstream.csv"
    upstream.write_bytes(b"tampered\n")
    spec = FileSpec("f.csv", SHA, url=upstream.as_uri())
    local = _settings(settings, tmp_path, None)
    with pytest.raises(DataError, match="sha256 is"):
        resolve_file(_dataset(spec), spec, local)
    assert not cache_path(local, SHA).exists()
    assert not any((tmp_path / "cache").rglob(".part-*"))


def test_missing_everywhere_without_download_says_where_it_looked(
    settings: Settings, tmp_path: Path
) -> None:
    spec = FileSpec("f.csv", SHA, url="https://example.invalid/f.csv")
    local = _settings(settings, tmp_path, tmp_path / "mirror").with_changes(allow_download=False)
    with pytest.raises(DataError) as caught:
        resolve_file(_dataset(spec), spec, local)
    assert "not found" in str(caught.value) and str(tmp_path / "mirror") in str(caught.value)


def test_project_file_is_verified_too(settings: Settings, tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "f.csv").write_bytes(CONTENT + b"x")
    spec = FileSpec("f.csv", SHA, path="data/f.csv")
    local = settings.with_changes(project_root=tmp_path, data_dir=tmp_path / "data")
    with pytest.raises(DataError, match="changed or truncated"):
        resolve_file(_dataset(spec), spec, local)
