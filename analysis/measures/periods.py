"""Calendar periods of timestamped rows: UTC years and quarters, where a period ends, and
time as a decimal year for trends.

Periods are derived with datetime arithmetic on the whole column (months since 1970 floored
to the quarter), not by building dates from parts row by row.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

PERIODS = ("year", "quarter")


def utc_naive(dates: pd.Series) -> pd.Series:
    """Block times as naive UTC timestamps (naive input is taken to be UTC already)."""
    if dates.dt.tz is not None:
        converted: pd.Series = dates.dt.tz_convert("UTC").dt.tz_localize(None)
        return converted
    return dates


def with_periods(blocks: pd.DataFrame) -> pd.DataFrame:
    """``blocks`` with ``year`` (int) and ``quarter`` (the quarter's first day, UTC, naive)."""
    months = utc_naive(blocks["date"]).to_numpy().astype("datetime64[M]").astype("int64")
    quarter_start = (months - months % 3).astype("datetime64[M]").astype("datetime64[us]")
    return blocks.assign(year=months // 12 + 1970, quarter=quarter_start)


def period_end(period: object, kind: str) -> pd.Timestamp:
    """The first instant after the year or quarter ``period``."""
    if kind == "year":
        return pd.Timestamp(year=int(period) + 1, month=1, day=1)  # type: ignore[call-overload]
    if kind == "quarter":
        return pd.Timestamp(str(period)) + pd.DateOffset(months=3)
    raise ValueError(f"unknown period kind {kind!r}; use one of {PERIODS}")


def decimal_year(dates: pd.Series) -> np.ndarray:
    """Dates as years with a fraction (1 July 2022 is about 2022.5)."""
    stamps = pd.to_datetime(dates)
    start = pd.to_datetime(pd.DataFrame({"year": stamps.dt.year, "month": 1, "day": 1}))
    length = np.where(stamps.dt.is_leap_year, 366.0, 365.0)
    return (stamps.dt.year + (stamps - start).dt.total_seconds() / 86_400.0 / length).to_numpy()


def slope_per_year(dates: pd.Series, values: pd.Series) -> float:
    """Least-squares slope of ``values`` against time, in units per year."""
    if len(values) < 2:
        return float("nan")
    slope, _ = np.polyfit(decimal_year(dates), values.astype("float64").to_numpy(), 1)
    return float(slope)
