"""Readers: size bounds checked before parsing (class 9); JSON constants and nesting that
are not data are refused by place, never raised (class 4)."""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path

import pytest

from report.data.datasets import read_table
from report.data.readers import ReadFailure, check_size, read_blockchain_chart, read_csv
from report.data.registry import TableSpec, parse_dataset
from report.errors import DataError


def _table(reader: str, columns: dict[str, object], options: dict[str, object]) -> TableSpec:
    raw = {
        "id": "demo",
        "title": "t",
        "description": "d",
        "source": "s",
        "address": "a",
        "licence": "l",
        "retrieved": "2026-11-25",
        "files": [{"name": "f", "sha256": "0" * 64, "max_bytes": 1000}],
        "tables": [
            {"name": "t", "file": "f", "reader": reader, "columns": columns, "options": options}
        ],
    }
    return parse_dataset(raw, "data/datasets/demo.toml").tables[0]


def test_a_file_over_its_bound_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "big.csv"
    with big.open("wb") as handle:  # sparse: 3 GB on disk costs nothing
        handle.truncate(3 << 30)
    spec = _table("csv", {"a": {"type": "int"}}, {})
    started = time.monotonic()
    with pytest.raises(DataError, match=r"more than the 1000 its registry entry allows"):
        read_table(spec, big, "demo/big.csv", max_bytes=1000)
    assert time.monotonic() - started < 2


@pytest.mark.parametrize("size", [0, 999, 1000])
def test_a_file_within_its_bound_passes_the_size_check(tmp_path: Path, size: int) -> None:
    path = tmp_path / "f"
    path.write_bytes(b"x" * size)
    check_size(path, 1000)


def test_a_file_one_byte_over_its_bound_fails_the_size_check(tmp_path: Path) -> None:
    path = tmp_path / "f"
    path.write_bytes(b"x" * 1001)
    with pytest.raises(ReadFailure):
        check_size(path, 1000)


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity", "1e400", "-1e999"])
def test_json_constants_that_are_not_numbers_are_refused_by_point(
    tmp_path: Path, constant: str
) -> None:
    path = tmp_path / "chart.json"
    path.write_text(
        '{"s": [{"x": 1609459200000, "y": 1}, {"x": 1609545600000, "y": VALUE}]}'.replace(
            "VALUE", constant
        ),
        encoding="utf-8",
    )
    spec = _table(
        "blockchain_chart",
        {
            "date": {
                "type": "datetime",
                "source": "x",
                "format": "epoch_ms",
                "min": dt.date(2009, 1, 3),
            },
            "value": {"type": "float", "source": "y"},
        },
        {"series": "s"},
    )
    with pytest.raises(DataError) as caught:
        read_table(spec, path, "demo/chart.json")
    [problem] = caught.value.problems
    assert problem.row == "point 2 of 's'" and problem.column == "value"


def test_json_nested_too_deeply_is_refused_not_raised(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    with pytest.raises(ReadFailure, match="nested too deeply"):
        read_blockchain_chart(path, {"series": "s"})


def test_line_separators_inside_a_csv_field_do_not_split_the_record(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text('name,n\n"a\u2028b",1\nc\u2029d,2\n', encoding="utf-8")
    table = read_csv(path, {})
    assert table.frame["name"].tolist() == ["a\u2028b", "c\u2029d"]
    assert table.rows == ["line 2", "line 3"]


def test_json_text_is_still_read_as_json(tmp_path: Path) -> None:
    path = tmp_path / "chart.json"
    path.write_text(json.dumps({"s": [{"x": 1, "y": 2}]}), encoding="utf-8")
    assert read_blockchain_chart(path, {"series": "s"}).frame.to_dict("records") == [
        {"x": 1, "y": 2}
    ]
