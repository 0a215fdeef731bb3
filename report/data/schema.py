"""Check a raw table against its schema and return it typed.

Every defect is collected (not only the first), each naming the row and column, so
one run tells the user everything to fix.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from typing import Literal

import pandas as pd

from report.data.readers import RawTable
from report.data.registry import ColumnSpec, TableSpec

Issue = tuple[str | None, str | None, str]  # (row, column, message)

_EARLIEST = pd.Timestamp("1677-09-22")
_LATEST = pd.Timestamp("2262-04-11")
_EPOCH_LIMIT = {"ms": 9.2e12, "s": 9.2e9}
_INT_LIMIT = 2.0**53  # beyond this a float no longer holds every integer

_TRUE = {"true", "yes", "1"}
_FALSE = {"false", "no", "0"}


def _is_blank(series: pd.Series) -> pd.Series:
    if series.dtype != object and not pd.api.types.is_string_dtype(series):
        return series.isna()
    as_text = series.astype("string").str.strip()
    return series.isna() | as_text.isna() | (as_text == "")


def _clean_numbers(series: pd.Series, strip: tuple[str, ...]) -> pd.Series:
    if pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series):
        return series.astype("float64")
    text = series.astype("string").str.strip()
    for chars in strip:
        text = text.str.replace(chars, "", regex=False)
    return pd.to_numeric(text.str.strip(), errors="coerce").astype("float64")


def _parse_datetime(series: pd.Series, fmt: str | None) -> pd.Series:
    if fmt in {"epoch_ms", "epoch_s"}:
        numbers: pd.Series = pd.to_numeric(series, errors="coerce")
        unit: Literal["ms", "s"] = "ms" if fmt == "epoch_ms" else "s"
        within = numbers.abs() < _EPOCH_LIMIT[unit]  # beyond this to_datetime overflows
        return pd.to_datetime(numbers.where(within), unit=unit, errors="coerce")
    if pd.api.types.is_datetime64_any_dtype(series):
        parsed = series
    else:
        parsed = pd.to_datetime(
            series.astype("string"),
            format=fmt or "ISO8601",
            errors="coerce",
            utc=True,
        )
    if getattr(parsed.dt, "tz", None) is not None:
        parsed = parsed.dt.tz_convert("UTC").dt.tz_localize(None)
    return parsed  # in whatever unit holds it; made nanoseconds once its range is checked


def _parse_bool(series: pd.Series) -> pd.Series:
    text = series.astype("string").str.strip().str.lower()
    return text.map(lambda v: True if v in _TRUE else False if v in _FALSE else pd.NA)


_EXPECT = {
    "int": "an integer",
    "float": "a number",
    "date": "a date (YYYY-MM-DD)",
    "datetime": "a date and time",
    "bool": "true or false",
}


def _parser(spec: ColumnSpec) -> Callable[[pd.Series], pd.Series]:
    if spec.type in {"int", "float"}:
        return lambda s: _clean_numbers(s, spec.strip)
    if spec.type in {"date", "datetime"}:
        return lambda s: _parse_datetime(s, spec.format)
    if spec.type == "bool":
        return _parse_bool
    return lambda s: s.astype("string").str.strip().mask(lambda t: t == "")


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _report(
    mask: pd.Series, raw: pd.Series, rows: list[str], column: str, issues: list[Issue], text: str
) -> None:
    for i in mask[mask.fillna(False)].index:
        issues.append((rows[i], column, text.replace("{value}", _shown(raw[i]))))


def _bound(value: float | dt.date) -> float | pd.Timestamp:
    return pd.Timestamp(value) if isinstance(value, dt.date) else value


def _check_range(
    parsed: pd.Series, raw: pd.Series, spec: ColumnSpec, rows: list[str], issues: list[Issue]
) -> pd.Series:
    """Values outside the declared range (or, for dates, what pandas can hold) become missing."""
    outside = pd.Series(False, index=parsed.index)
    if spec.type in {"date", "datetime"}:
        # a date beyond what nanosecond timestamps hold (1677 to 2262) is out of any range
        held = (parsed >= _EARLIEST) & (parsed <= _LATEST)
        _report(
            parsed.notna() & ~held, raw, rows, spec.name, issues, "date {value} is out of range"
        )
        outside |= parsed.notna() & ~held
    for bound, sign, word in (
        (spec.min, 1, "below the minimum"),
        (spec.max, -1, "above the maximum"),
    ):
        if bound is None:
            continue
        limit = _bound(bound)
        beyond = (parsed < limit) if sign == 1 else (parsed > limit)
        beyond &= ~outside & parsed.notna()
        shown = bound.isoformat() if isinstance(bound, dt.date) else bound
        _report(beyond, raw, rows, spec.name, issues, f"value {{value}} is {word} {shown}")
        outside |= beyond
    return parsed.mask(outside)


def _check_column(
    raw: pd.Series, spec: ColumnSpec, rows: list[str], issues: list[Issue]
) -> pd.Series:
    blank = _is_blank(raw)
    parsed = _parser(spec)(raw)
    bad = parsed.isna() & ~blank
    _report(
        bad,
        raw,
        rows,
        spec.name,
        issues,
        f"expected {_EXPECT.get(spec.type, 'text')}, got {{value}}",
    )
    if not spec.nullable:
        _report(
            blank, raw, rows, spec.name, issues, "value is missing (the column is not nullable)"
        )
    if spec.type in {"int", "float"}:
        infinite = parsed.isin([math.inf, -math.inf])
        _report(infinite, raw, rows, spec.name, issues, "expected a finite number, got {value}")
        parsed = parsed.mask(infinite)
    if spec.type == "int":
        fractional = parsed.notna() & ((parsed != parsed.round()) | (parsed.abs() > _INT_LIMIT))
        _report(fractional, raw, rows, spec.name, issues, "expected an integer, got {value}")
        parsed = parsed.mask(fractional)
    if spec.type in {"int", "float", "date", "datetime"}:
        parsed = _check_range(parsed, raw, spec, rows, issues)
    if spec.type in {"date", "datetime"}:
        parsed = parsed.astype("datetime64[ns]")
    if spec.type == "date":
        parsed = parsed.dt.normalize()
    if spec.allowed:
        outside = parsed.notna() & ~parsed.astype("string").isin(spec.allowed)
        _report(
            outside,
            raw,
            rows,
            spec.name,
            issues,
            f"value {{value}} is not one of {list(spec.allowed)}",
        )
    if spec.type == "int":
        return parsed.astype("Int64") if parsed.isna().any() else parsed.astype("int64")
    return parsed


def validate(raw: RawTable, spec: TableSpec) -> tuple[pd.DataFrame, list[Issue]]:
    """The table typed per ``spec``, and every issue found on the way."""
    issues: list[Issue] = []
    frame = raw.frame.reset_index(drop=True)
    present = set(frame.columns)
    typed: dict[str, pd.Series] = {}
    for column in spec.columns:
        if column.source not in present:
            found = ", ".join(repr(c) for c in frame.columns[:12])
            issues.append((None, column.source, f"column is missing (found: {found})"))
            continue
        typed[column.name] = _check_column(frame[column.source], column, raw.rows, issues)
    if len(frame) < spec.min_rows:
        issues.append((None, None, f"has {len(frame)} rows, expected at least {spec.min_rows}"))
    result = pd.DataFrame(typed)
    if spec.drop_identical_rows and not result.empty:
        result = result[~result.duplicated(keep="first")]
    if spec.key and all(k in result for k in spec.key):
        dup = result.duplicated(list(spec.key), keep=False)
        for i in dup[dup].index:
            key = ", ".join(f"{k}={result.at[i, k]!r}" for k in spec.key)
            issues.append((raw.rows[i], ",".join(spec.key), f"duplicate key ({key})"))
    return result, issues
