"""Validated tables kept by snapshot: the same frame back, dtype for dtype; nothing kept
for a table with problems or one Parquet cannot hold exactly; any change of key misses."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pandas as pd
import pytest

from report.data import datasets
from report.data.datasets import load_table
from report.data.table_cache import cached_table, table_key, use_table_cache
from report.errors import DataError, Problem
from report.pipeline import Project


def _kept(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.parquet"))


def test_every_real_table_comes_back_exactly_without_being_validated_again(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    names = sorted(project.tables_needed())
    fresh = {n: load_table(n, project.registry, project.settings).frame for n in names}
    with use_table_cache(tmp_path):
        for name in names:
            load_table(name, project.registry, project.settings)
    assert len(_kept(tmp_path)) == len(names)

    def not_again(*args: object, **kwargs: object) -> pd.DataFrame:
        raise AssertionError("validated again")

    monkeypatch.setattr(datasets, "read_table", not_again)
    with use_table_cache(tmp_path):
        for name in names:
            back = load_table(name, project.registry, project.settings).frame
            pd.testing.assert_frame_equal(back, fresh[name], check_exact=True)
            assert list(back.dtypes) == list(fresh[name].dtypes)


def _spec(project: Project):  # type: ignore[no-untyped-def]
    return project.registry.table("asic_models")


def test_a_table_with_problems_is_not_kept(project: Project, tmp_path: Path) -> None:
    def broken() -> pd.DataFrame:
        raise DataError([Problem("d", "f.csv", "2", "c", "expected a number")])

    with use_table_cache(tmp_path), pytest.raises(DataError):
        cached_table(_spec(project), "0" * 64, broken)
    assert _kept(tmp_path) == []


def test_a_frame_parquet_cannot_hold_exactly_is_not_kept(project: Project, tmp_path: Path) -> None:
    mixed = pd.DataFrame({"value": [1, "two", 3.5]}, dtype=object)
    with use_table_cache(tmp_path):
        assert cached_table(_spec(project), "0" * 64, lambda: mixed) is mixed
    assert _kept(tmp_path) == []


def test_a_damaged_file_is_a_miss(project: Project, tmp_path: Path) -> None:
    frame = pd.DataFrame({"n": [1, 2]})
    with use_table_cache(tmp_path):
        cached_table(_spec(project), "1" * 64, lambda: frame)
        (kept,) = _kept(tmp_path)
        kept.write_bytes(b"not parquet")
        again = cached_table(_spec(project), "1" * 64, lambda: frame.assign(n=[3, 4]))
    assert again["n"].tolist() == [3, 4]
    pd.testing.assert_frame_equal(pd.read_parquet(kept), frame.assign(n=[3, 4]))


def test_the_key_follows_the_snapshot_and_the_declaration(project: Project) -> None:
    spec = _spec(project)
    column = dataclasses.replace(spec.columns[0], nullable=not spec.columns[0].nullable)
    changed = dataclasses.replace(spec, columns=(column, *spec.columns[1:]))
    keys = {table_key(spec, "a" * 64), table_key(spec, "b" * 64), table_key(changed, "a" * 64)}
    assert len(keys) == 3
    assert table_key(spec, "a" * 64) == table_key(spec, "a" * 64)


def test_off_by_default(project: Project, tmp_path: Path) -> None:
    calls = []
    cached_table(_spec(project), "2" * 64, lambda: calls.append(1) or pd.DataFrame())
    cached_table(_spec(project), "2" * 64, lambda: calls.append(1) or pd.DataFrame())
    assert calls == [1, 1]


def test_every_kept_dtype_comes_back_exactly_with_missing_values_and_a_filtered_index(
    project: Project, tmp_path: Path
) -> None:
    frame = pd.DataFrame(
        {
            "int": pd.Series([1, 2, 3, 4], dtype="int64"),
            "nullable": pd.Series([1, None, 3, 4], dtype="Int64"),
            "float": [1.5, float("nan"), -0.0, 1e300],
            "flag": [True, False, True, True],
            "maybe": pd.Series([True, None, False, True], dtype="boolean"),
            "when": pd.to_datetime(
                ["2024-01-01 00:00:00", None, "1970-01-01 00:00:01", "2262-04-01 00:00:00"]
            ).astype("datetime64[ns]"),
            "text": pd.Series(["a", None, "é <b>", ""], dtype="string"),
            "arrow": pd.Series(["x", None, "y", "z"], dtype="string[pyarrow]"),
        }
    ).iloc[[0, 2, 3]]
    with use_table_cache(tmp_path):
        cached_table(_spec(project), "3" * 64, lambda: frame)
        back = cached_table(_spec(project), "3" * 64, lambda: pytest.fail("validated again"))
    assert len(_kept(tmp_path)) == 1
    pd.testing.assert_frame_equal(back, frame, check_exact=True)
    assert [str(d) for d in back.dtypes] == [str(d) for d in frame.dtypes]
    assert back["text"].dtype == frame["text"].dtype and back["arrow"].dtype == frame["arrow"].dtype
