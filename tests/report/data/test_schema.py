"""The schema: non-finite numbers and dates outside their declared range are refused,
each naming its row and column, and no value makes validation raise (class 4)."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from report.data.readers import RawTable
from report.data.registry import TableSpec, parse_dataset
from report.data.schema import validate

RETRIEVED = dt.date(2026, 11, 25)
GENESIS = dt.date(2009, 1, 3)


def _spec(columns: dict[str, dict[str, Any]]) -> TableSpec:
    raw = {
        "id": "demo",
        "title": "t",
        "description": "d",
        "source": "s",
        "address": "a",
        "licence": "l",
        "retrieved": RETRIEVED.isoformat(),
        "files": [{"name": "f.csv", "sha256": "0" * 64}],
        "tables": [
            {"name": "demo", "file": "f.csv", "reader": "csv", "min_rows": 0, "columns": columns}
        ],
    }
    return parse_dataset(raw, "data/datasets/demo.toml").tables[0]


def _run(values: list[object], column: dict[str, Any]) -> tuple[pd.DataFrame, list[Any]]:
    frame = pd.DataFrame({"v": pd.Series(values, dtype=object)})
    rows = [f"line {i + 2}" for i in range(len(values))]
    return validate(RawTable(frame, rows), _spec({"v": column}))


NON_FINITE_TEXT = ["inf", "-inf", "Infinity", "-Infinity", "1e400", "-1E999", "+inf", "INF"]


def test_non_finite_numbers_are_refused_in_text_and_in_typed_cells() -> None:
    values: list[object] = [*NON_FINITE_TEXT, math.inf, -math.inf, "nan", "NaN"]
    _, issues = _run(values, {"type": "float"})
    assert sorted(row for row, _, _ in issues) == sorted(
        f"line {i + 2}" for i in range(len(values))
    )
    assert all(column == "v" for _, column, _ in issues)


def test_non_finite_numbers_are_refused_in_integer_columns_with_bounds() -> None:
    _, issues = _run(["inf", "1e400", "12"], {"type": "int", "min": 0})
    assert [row for row, _, _ in issues] == ["line 2", "line 3"]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.floats(allow_nan=True, allow_infinity=True),
            st.integers(min_value=-(10**30), max_value=10**30),
            st.sampled_from(NON_FINITE_TEXT),
            st.text(max_size=8),
        ),
        min_size=1,
        max_size=12,
    )
)
def test_a_float_column_either_holds_a_finite_number_or_names_the_row(values: list[object]) -> None:
    frame, issues = _run(values, {"type": "float", "nullable": True, "min": -1e6, "max": 1e6})
    flagged = {row for row, column, _ in issues if column == "v"}
    for i, value in enumerate(frame["v"]):
        if f"line {i + 2}" in flagged:
            continue
        assert pd.isna(value) or (math.isfinite(value) and -1e6 <= value <= 1e6)


def test_dates_before_the_declared_minimum_or_after_retrieval_are_refused() -> None:
    values = ["1970-01-01", "1938-06-01", "2009-01-02", "2009-01-03", "2026-11-25", "2026-11-26"]
    frame, issues = _run(values, {"type": "date", "min": GENESIS})
    assert sorted(row for row, _, _ in issues) == ["line 2", "line 3", "line 4", "line 7"]
    assert any("below the minimum 2009-01-03" in m for _, _, m in issues)
    assert any("above the maximum 2026-11-25" in m for _, _, m in issues)
    assert frame["v"].dtype == "datetime64[ns]"


def test_dates_pandas_cannot_hold_are_refused_not_raised() -> None:
    values = ["2300-01-01", "9999-12-31", "0001-01-01", "1500-05-05", "2020-01-01"]
    frame, issues = _run(values, {"type": "datetime", "min": GENESIS, "max": dt.date(9999, 1, 1)})
    assert sorted(row for row, _, _ in issues) == ["line 2", "line 3", "line 4", "line 5"]
    assert frame["v"].notna().tolist() == [False, False, False, False, True]


def test_epoch_numbers_of_any_size_are_refused_or_read_never_raised() -> None:
    values = ["1e300", "-9e18", "inf", str(2**70), "1230768000000", "1231006505000"]
    column = {"type": "datetime", "format": "epoch_ms", "min": GENESIS}
    frame, issues = _run(values, column)
    # the fifth is 2009-01-01, before the genesis block; the sixth is the genesis block's time
    assert sorted(row for row, _, _ in issues) == [f"line {i}" for i in range(2, 7)]
    assert frame["v"].iloc[5] == pd.Timestamp("2009-01-03 18:15:05")


def test_typed_out_of_range_timestamps_as_parquet_gives_them() -> None:
    stamps = pd.Series(pd.to_datetime(["2300-01-01", "2021-01-01"]).as_unit("us"))
    frame = pd.DataFrame({"v": stamps})
    _, issues = validate(
        RawTable(frame, ["row 1", "row 2"]), _spec({"v": {"type": "datetime", "min": GENESIS}})
    )
    assert [row for row, _, _ in issues] == ["row 1"]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.datetimes(min_value=dt.datetime(1, 1, 1), max_value=dt.datetime(9999, 12, 31)),
            st.dates(),
        ),
        min_size=1,
        max_size=10,
    ),
    st.booleans(),
)
def test_a_date_is_kept_exactly_when_it_lies_in_the_declared_range(
    values: list[dt.date], as_text: bool
) -> None:
    cells: list[object] = [v.isoformat() for v in values] if as_text else list(values)
    frame, issues = _run(cells, {"type": "datetime", "min": GENESIS})
    flagged = {row for row, _, _ in issues}
    high = dt.datetime.combine(RETRIEVED + dt.timedelta(days=1), dt.time())
    for i, value in enumerate(values):
        moment = value if isinstance(value, dt.datetime) else dt.datetime.combine(value, dt.time())
        inside = dt.datetime.combine(GENESIS, dt.time()) <= moment <= high
        assert (f"line {i + 2}" not in flagged) == inside, (value, issues)
        if inside:
            assert frame["v"].iloc[i] == pd.Timestamp(moment)


def test_typed_float_columns_as_parquet_and_json_give_them_refuse_infinities() -> None:
    frame = pd.DataFrame({"v": pd.Series([1.5, math.inf, -math.inf, math.nan], dtype="float64")})
    rows = [f"row {i + 1}" for i in range(4)]
    typed, issues = validate(
        RawTable(frame, rows), _spec({"v": {"type": "float", "nullable": True}})
    )
    assert [(row, column) for row, column, _ in issues] == [("row 2", "v"), ("row 3", "v")]
    assert typed["v"].iloc[0] == 1.5
