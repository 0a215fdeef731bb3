"""Naming a version: an id, a unique prefix or latest; anything else is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from report.errors import ConfigError
from report.versions.select import built_versions, find_version


def _version(output: Path, name: str) -> Path:
    folder = output / name
    folder.mkdir(parents=True)
    (folder / "manifest.json").write_text("{}", encoding="utf-8")
    return folder


def test_an_id_a_unique_prefix_and_latest_name_a_version(tmp_path: Path) -> None:
    first = _version(tmp_path, "aaaa11112222")
    second = _version(tmp_path, "aaab33334444")
    (tmp_path / "latest").symlink_to(second.name)
    assert find_version(tmp_path, "aaaa11112222") == first
    assert find_version(tmp_path, "aaab") == second
    assert find_version(tmp_path, "latest") == second.resolve()
    assert built_versions(tmp_path) == ["aaaa11112222", "aaab33334444"]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("../../etc", "is not a version"),
        ("/etc/passwd", "is not a version"),
        ("aaa", "is not a version"),
        ("AAAA", "is not a version"),
        ("aaaa11112222/..", "is not a version"),
        ("aaa" + "a", "more than one version"),
        ("ffff", "no built version starts with"),
    ],
)
def test_anything_else_is_refused(tmp_path: Path, name: str, message: str) -> None:
    _version(tmp_path, "aaaa11112222")
    _version(tmp_path, "aaaa33334444")
    with pytest.raises(ConfigError, match=message):
        find_version(tmp_path, name)


def test_a_folder_without_a_manifest_is_not_a_version(tmp_path: Path) -> None:
    (tmp_path / "abcd1234").mkdir()
    assert built_versions(tmp_path) == []
    with pytest.raises(ConfigError, match="no version is built"):
        find_version(tmp_path)
