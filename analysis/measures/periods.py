"""Calendar periods of timestamped rows: UTC years and quarters, where a period ends, and
time as a decimal year for trends.

Periods are derived with datetime arithmetic on the whole column (months since 1970 floored
to the quarter), not by building dates from parts row by row.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

PERIODS = ("year", "quarter")


def utc_naive(dates: pd.Series) -> pd.Series:
    """Block times as naive UTC timestamps (naive input is taken to be UTC already)."""
    if dates.dt.tz is not None:
        converted: pd.Series = dates.dt.tz_convert("UTC").dt.tz_localize(None)
        return converted
    return dates


# Above this many distinct values between the lowest and the highest, a lookup table would
# cost more than it saves: the values are converted row by row instead.
_MAX_LOOKUP = 10_000_000


def _looked_up(codes: np.ndarray, of_range: Callable[[np.ndarray], np.ndarray]) -> np.ndarray:
    """``of_range(codes)`` for an element-wise ``of_range`` over int64 ``codes``, computed once
    per value from ``codes.min()`` to ``codes.max()`` and looked up for each row."""
    if len(codes) == 0:
        return of_range(codes)
    low, high = int(codes.min()), int(codes.max())
    if high - low > _MAX_LOOKUP:  # also a missing time (NaT is the lowest int64)
        return of_range(codes)
    table = of_range(np.arange(low, high + 1, dtype="int64"))
    looked_up: np.ndarray = table[codes - low]
    return looked_up


def months_since_1970(dates: pd.Series) -> np.ndarray:
    """Each date's calendar month (UTC) counted from January 1970 (int64)."""
    days = utc_naive(dates).to_numpy().astype("datetime64[D]").astype("int64")
    return _looked_up(
        days, lambda d: d.astype("datetime64[D]").astype("datetime64[M]").astype("int64")
    )


def with_periods(blocks: pd.DataFrame) -> pd.DataFrame:
    """``blocks`` with ``year`` (int) and ``quarter`` (the quarter's first day, UTC, naive).

    The month of each row is looked up from its day, and each quarter's first day from
    the quarter's number, so the calendar arithmetic runs once per day and per quarter,
    not once per row.
    """
    months = months_since_1970(blocks["date"])
    quarter_start = _looked_up(
        months // 3, lambda q: (q * 3).astype("datetime64[M]").astype("datetime64[us]")
    )
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
