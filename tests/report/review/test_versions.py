"""Versions are named by id, unique prefix or ``latest``; anything else is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from report.review.errors import ReviewError
from report.review.versions import list_versions, previous, resolve
from tests.report.review.fakes import claim, make_version


@pytest.fixture()
def output(tmp_path: Path) -> Path:
    make_version(tmp_path, "aaaa1111", [claim("c1")], mtime=1_000)
    make_version(tmp_path, "aaaa2222", [claim("c1")], mtime=2_000)
    make_version(tmp_path, "bbbb3333", [claim("c1")], mtime=3_000)
    (tmp_path / "site").mkdir()  # a published site beside the versions is not a version
    return tmp_path


def test_versions_are_listed_oldest_first_with_latest_last(output: Path) -> None:
    assert [v.id for v in list_versions(output)] == ["aaaa1111", "aaaa2222", "bbbb3333"]


def test_a_unique_prefix_and_latest_name_a_version(output: Path) -> None:
    assert resolve(output, "bbbb").id == "bbbb3333"
    assert resolve(output, "latest").id == "bbbb3333"
    assert resolve(output, "aaaa2222").folder == output / "aaaa2222"


def test_the_version_before(output: Path) -> None:
    before = previous(output, resolve(output, "bbbb"))
    assert before is not None and before.id == "aaaa2222"
    assert previous(output, resolve(output, "aaaa1111")) is None


@pytest.mark.parametrize("name", ["../../etc", "/etc/passwd", "aaaa/../bbbb", "AAAA", "site", "ab"])
def test_anything_but_an_id_is_refused_before_reading_a_file(output: Path, name: str) -> None:
    with pytest.raises(ReviewError, match="is not a version"):
        resolve(output, name)


def test_an_ambiguous_or_unknown_prefix_is_refused_with_the_candidates(output: Path) -> None:
    with pytest.raises(ReviewError, match="several") as error:
        resolve(output, "aaaa")
    assert "aaaa1111" in error.value.lines()[-1]
    with pytest.raises(ReviewError, match="no version"):
        resolve(output, "cccc")
