"""Pool shares of the blocks by year and quarter, and their concentration: top-n shares,
the Herfindahl-Hirschman index, the Nakamoto coefficient (counted in whole blocks), the
equivalent number of equal pools, and a bound for the blocks no pool is attributed.

Shares are of the blocks a pool is attributed (the 'unknown' blocks are left out of the
denominator, as if they fell to the pools in proportion). Pool slugs come from coinbase tags
anyone can write: they go into tables, never into prose.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.measures.concentration import concentration_by_period, shares_by_period

RESIDUAL_POOL = "unknown"
TOP_N = (1, 2, 5)
PERIODS = ("year", "quarter")
OTHER_POOLS = "other pools"
UNATTRIBUTED = "unattributed"


def utc_naive(dates: pd.Series) -> pd.Series:
    """Block times as naive UTC timestamps (naive input is taken to be UTC already)."""
    if dates.dt.tz is not None:
        converted: pd.Series = dates.dt.tz_convert("UTC").dt.tz_localize(None)
        return converted
    return dates


def with_periods(blocks: pd.DataFrame) -> pd.DataFrame:
    """``blocks`` with ``year`` (int) and ``quarter`` (the quarter's first day, UTC, naive)."""
    dates = utc_naive(blocks["date"])
    quarter_start = pd.to_datetime(
        pd.DataFrame({"year": dates.dt.year, "month": 3 * (dates.dt.quarter - 1) + 1, "day": 1})
    )
    return blocks.assign(year=dates.dt.year.astype("int64"), quarter=quarter_start)


def period_end(period: object, kind: str) -> pd.Timestamp:
    """The first instant after the year or quarter ``period``."""
    if kind == "year":
        return pd.Timestamp(year=int(period) + 1, month=1, day=1)  # type: ignore[call-overload]
    if kind == "quarter":
        return pd.Timestamp(str(period)) + pd.DateOffset(months=3)
    raise ValueError(f"unknown period kind {kind!r}; use one of {PERIODS}")


def complete_periods(blocks: pd.DataFrame, kind: str) -> list[object]:
    """The periods that end before the last block of the table (the last, partial one is left out)."""
    framed = with_periods(blocks)
    last = utc_naive(framed["date"]).max()
    return [p for p in sorted(framed[kind].unique()) if period_end(p, kind) <= last]


def unattributed_share(blocks: pd.DataFrame, kind: str) -> pd.Series:
    """Per period, the share (%) of blocks with no pool attributed."""
    framed = with_periods(blocks)
    return 100.0 * (framed["pool_slug"] == RESIDUAL_POOL).groupby(framed[kind]).mean()


def pool_shares(blocks: pd.DataFrame, kind: str) -> pd.DataFrame:
    """Each pool's share (%) of the attributed blocks per period (``period``, ``group``, ...)."""
    framed = with_periods(blocks[blocks["pool_slug"] != RESIDUAL_POOL])
    return shares_by_period(framed, kind, "pool_slug")


def _highest_hhi(blocks: pd.DataFrame, kind: str) -> pd.Series:
    """Per period, the HHI if every unattributed block belonged to the largest pool."""
    framed = with_periods(blocks)
    rows = {}
    for period, part in framed.groupby(kind):
        counts = part["pool_slug"].value_counts()
        unknown = int(counts.get(RESIDUAL_POOL, 0))
        named = counts.drop(RESIDUAL_POOL, errors="ignore").astype("float64")
        if named.empty:
            rows[period] = float("nan")
            continue
        named.iloc[int(np.argmax(named.to_numpy()))] += unknown
        rows[period] = float(((100.0 * named / len(part)) ** 2).sum())
    return pd.Series(rows)


def nakamoto_by_period(shares: pd.DataFrame, majority_share_pct: float) -> pd.Series:
    """Per period, the fewest pools whose blocks together are more than ``majority_share_pct``
    of the attributed blocks, counted in whole blocks so that exactly half is never rounded
    into 'more than half' (six of twelve equal pools hold half, not more)."""
    fewest = {}
    for period, part in shares.groupby("period", sort=True):
        counts = part["count"].sort_values(ascending=False).to_numpy()
        passes = 100 * counts.cumsum() > majority_share_pct * counts.sum()
        fewest[period] = int(np.argmax(passes)) + 1 if passes.any() else float("nan")
    return pd.Series(fewest, dtype="float64")


def pool_concentration(
    blocks: pd.DataFrame, kind: str, majority_share_pct: float = 50.0
) -> pd.DataFrame:
    """Per complete period: top-n shares, HHI, Nakamoto coefficient, pools, effective pools,
    the unattributed share and the highest HHI the unattributed blocks allow."""
    shares = pool_shares(blocks, kind)
    table = concentration_by_period(shares, TOP_N, majority_share_pct)
    table = table.rename(columns={"groups": "pools"})
    table["nakamoto"] = table["period"].map(nakamoto_by_period(shares, majority_share_pct))
    table["effective_pools"] = 10_000.0 / table["hhi"]
    table["unattributed_pct"] = table["period"].map(unattributed_share(blocks, kind))
    table["hhi_max"] = table["period"].map(_highest_hhi(blocks, kind))
    keep = set(complete_periods(blocks, kind))
    return table[table["period"].isin(keep)].reset_index(drop=True)


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


def leading_pools(blocks: pd.DataFrame, count: int) -> list[str]:
    """The ``count`` pools with the most attributed blocks over the whole table."""
    named = blocks.loc[blocks["pool_slug"] != RESIDUAL_POOL, "pool_slug"]
    return [str(p) for p in named.value_counts().head(count).index]


def chart_shares(blocks: pd.DataFrame, kind: str, count: int) -> pd.DataFrame:
    """Shares (%) of all blocks per complete period: the leading pools, the other pools together,
    and the unattributed blocks (``period``, ``pool``, ``share_pct``, ``order``)."""
    leaders = leading_pools(blocks, count)
    framed = with_periods(blocks)
    slug = framed["pool_slug"].astype(str)
    label = slug.where(slug.isin(leaders), OTHER_POOLS).mask(slug == RESIDUAL_POOL, UNATTRIBUTED)
    shares = shares_by_period(framed.assign(pool=label), kind, "pool")
    shares = shares[shares["period"].isin(set(complete_periods(blocks, kind)))]
    order = {name: i for i, name in enumerate([*leaders, OTHER_POOLS, UNATTRIBUTED])}
    return (
        shares.rename(columns={"group": "pool"})
        .assign(order=lambda f: f["pool"].map(order))
        .loc[:, ["period", "pool", "share_pct", "order"]]
        .reset_index(drop=True)
    )
