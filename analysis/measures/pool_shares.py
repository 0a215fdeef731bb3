"""Pool shares of the blocks by year and quarter, and their concentration: top-n shares,
the Herfindahl-Hirschman index, the Nakamoto coefficient (counted in whole blocks), the
equivalent number of equal pools, and a bound for the blocks no pool is attributed.

Shares are of the blocks a pool is attributed (the 'unknown' blocks are left out of the
denominator, as if they fell to the pools in proportion). Every measure here can be made
from the blocks per pool and period (:func:`block_counts`), so the block table is counted
once per kind of period and the rest works on a table of a few thousand rows. Pool slugs
come from coinbase tags anyone can write: they go into tables, never into prose.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

from analysis.measures.concentration import (
    concentration_by_period,
    period_bounds,
    shares_by_period,
    shares_of_counts,
)
from analysis.measures.periods import (
    PERIODS,
    decimal_year,
    period_end,
    slope_per_year,
    utc_naive,
    with_periods,
)

__all__ = [
    "OTHER_POOLS",
    "PERIODS",
    "RESIDUAL_POOL",
    "TOP_N",
    "UNATTRIBUTED",
    "block_counts",
    "chart_shares",
    "chart_shares_of_counts",
    "complete_periods",
    "concentration_of_counts",
    "decimal_year",
    "leading_pools",
    "nakamoto_by_period",
    "period_end",
    "pool_concentration",
    "pool_shares",
    "shares_by_period",
    "shares_of_pool_counts",
    "slope_per_year",
    "unattributed_share",
    "utc_naive",
    "with_periods",
]

RESIDUAL_POOL = "unknown"
TOP_N = (1, 2, 5)
OTHER_POOLS = "other pools"
UNATTRIBUTED = "unattributed"


def _sorted_codes(column: pd.Series) -> tuple[np.ndarray, pd.Index]:
    """Each row's code among ``column``'s distinct values in sorted order (-1 where missing),
    and those values; a categorical column with sorted categories is already coded."""
    if (
        isinstance(column.dtype, pd.CategoricalDtype)
        and column.cat.categories.is_monotonic_increasing
    ):
        return column.cat.codes.to_numpy(dtype="int64"), column.cat.categories
    codes, values = pd.factorize(column, sort=True)
    return codes, pd.Index(values)


def block_counts(framed: pd.DataFrame, kind: str) -> pd.DataFrame:
    """Blocks per ``kind`` period and pool, the unattributed ones included, from blocks that
    carry their periods (:func:`with_periods`): ``period``, ``pool_slug``, ``count``.

    The rows are those of ``groupby([kind, "pool_slug"]).size()``, made by counting the
    pair of codes of each block with one ``bincount`` instead of grouping the rows."""
    periods, period_values = _sorted_codes(framed[kind])
    pools, pool_values = _sorted_codes(framed["pool_slug"])
    keyed = (periods >= 0) & (pools >= 0)  # rows without a period or pool are not counted
    width = len(pool_values)
    tally = np.bincount(
        periods[keyed].astype("int64") * width + pools[keyed],
        minlength=len(period_values) * width,
    )
    found = np.flatnonzero(tally)  # in period order, then pool order, as a sorted group-by
    return pd.DataFrame(
        {
            "period": period_values.take(found // width),
            "pool_slug": pool_values.take(found % width),
            "count": tally[found].astype("int64"),
        }
    )


def _complete(periods: Iterable[Any], kind: str, last_block: pd.Timestamp) -> list[object]:
    """The periods (sorted) that end by ``last_block``."""
    return [p for p in sorted(set(periods)) if period_end(p, kind) <= last_block]


def complete_periods(blocks: pd.DataFrame, kind: str) -> list[object]:
    """The periods that end before the last block of the table (the last, partial one is left out)."""
    framed = with_periods(blocks)
    return _complete(framed[kind].unique(), kind, utc_naive(framed["date"]).max())


def _by_period(counts: pd.DataFrame) -> tuple[pd.Series, np.ndarray, np.ndarray]:
    """Counts in period order: the periods, each row's block count and whether it is the
    unattributed residual."""
    ordered = counts.sort_values("period", kind="stable")
    unknown = (ordered["pool_slug"] == RESIDUAL_POOL).to_numpy(dtype=bool, na_value=False)
    return ordered["period"], ordered["count"].to_numpy(dtype="int64"), unknown


def _unattributed_of_counts(counts: pd.DataFrame) -> pd.Series:
    periods, blocks, unknown = _by_period(counts)
    shares = {}
    for start, end in period_bounds(periods.to_numpy()):
        found = blocks[start:end]
        shares[periods.iloc[start]] = 100.0 * (
            int(found[unknown[start:end]].sum()) / int(found.sum())
        )
    return pd.Series(shares, dtype="float64")


def unattributed_share(blocks: pd.DataFrame, kind: str) -> pd.Series:
    """Per period, the share (%) of blocks with no pool attributed."""
    return _unattributed_of_counts(block_counts(with_periods(blocks), kind)).rename_axis(kind)


def shares_of_pool_counts(counts: pd.DataFrame) -> pd.DataFrame:
    """Each pool's share (%) of the attributed blocks per period, from :func:`block_counts`."""
    return shares_of_counts(counts[counts["pool_slug"] != RESIDUAL_POOL], "period", "pool_slug")


def pool_shares(blocks: pd.DataFrame, kind: str) -> pd.DataFrame:
    """Each pool's share (%) of the attributed blocks per period (``period``, ``group``, ...)."""
    return shares_of_pool_counts(block_counts(with_periods(blocks), kind))


def _highest_hhi_of_counts(counts: pd.DataFrame) -> pd.Series:
    """Per period, the HHI if every unattributed block belonged to the largest pool."""
    periods, blocks, unknown = _by_period(counts)
    rows = {}
    for start, end in period_bounds(periods.to_numpy()):
        found, residual = blocks[start:end], unknown[start:end]
        named = -np.sort(-found[~residual].astype("float64"))
        if len(named) == 0:
            rows[periods.iloc[start]] = float("nan")
            continue
        named[0] += int(found[residual].sum())
        rows[periods.iloc[start]] = float(((100.0 * named / int(found.sum())) ** 2).sum())
    return pd.Series(rows, dtype="float64")


def nakamoto_by_period(shares: pd.DataFrame, majority_share_pct: float) -> pd.Series:
    """Per period, the fewest pools whose blocks together are more than ``majority_share_pct``
    of the attributed blocks, counted in whole blocks so that exactly half is never rounded
    into 'more than half' (six of twelve equal pools hold half, not more)."""
    ordered = shares.sort_values("period", kind="stable")
    keys, counts = ordered["period"], ordered["count"].to_numpy()
    fewest: dict[object, float] = {}
    for start, end in period_bounds(keys.to_numpy()):
        largest_first = -np.sort(-counts[start:end])
        passes = 100 * largest_first.cumsum() > majority_share_pct * largest_first.sum()
        fewest[keys.iloc[start]] = int(np.argmax(passes)) + 1 if passes.any() else float("nan")
    return pd.Series(fewest, dtype="float64")


def concentration_of_counts(
    counts: pd.DataFrame, kind: str, last_block: pd.Timestamp, majority_share_pct: float = 50.0
) -> pd.DataFrame:
    """:func:`pool_concentration` from :func:`block_counts` and the time of the table's last
    block (which says which periods are complete)."""
    shares = shares_of_pool_counts(counts)
    table = concentration_by_period(shares, TOP_N, majority_share_pct)
    table = table.rename(columns={"groups": "pools"})
    table["nakamoto"] = table["period"].map(nakamoto_by_period(shares, majority_share_pct))
    table["effective_pools"] = 10_000.0 / table["hhi"]
    table["unattributed_pct"] = table["period"].map(_unattributed_of_counts(counts))
    table["hhi_max"] = table["period"].map(_highest_hhi_of_counts(counts))
    keep = set(_complete(counts["period"], kind, last_block))
    return table[table["period"].isin(keep)].reset_index(drop=True)


def pool_concentration(
    blocks: pd.DataFrame, kind: str, majority_share_pct: float = 50.0
) -> pd.DataFrame:
    """Per complete period: top-n shares, HHI, Nakamoto coefficient, pools, effective pools,
    the unattributed share and the highest HHI the unattributed blocks allow."""
    framed = with_periods(blocks)
    last = utc_naive(framed["date"]).max()
    return concentration_of_counts(block_counts(framed, kind), kind, last, majority_share_pct)


def leading_pools(blocks: pd.DataFrame, count: int) -> list[str]:
    """The ``count`` pools with the most attributed blocks over the whole table."""
    named = blocks.loc[blocks["pool_slug"] != RESIDUAL_POOL, "pool_slug"]
    return [str(p) for p in named.value_counts().head(count).index]


def chart_shares_of_counts(
    counts: pd.DataFrame, leaders: list[str], kind: str, last_block: pd.Timestamp
) -> pd.DataFrame:
    """:func:`chart_shares` from :func:`block_counts`, the leading pools and the time of the
    last block."""
    slug = counts["pool_slug"].astype(str)
    label = slug.where(slug.isin(leaders), OTHER_POOLS).mask(slug == RESIDUAL_POOL, UNATTRIBUTED)
    together = counts.assign(pool=label).groupby(["period", "pool"], as_index=False)
    labelled: pd.DataFrame = together[["count"]].sum()
    shares = shares_of_counts(labelled, "period", "pool")
    shares = shares[shares["period"].isin(set(_complete(counts["period"], kind, last_block)))]
    order = {name: i for i, name in enumerate([*leaders, OTHER_POOLS, UNATTRIBUTED])}
    return (
        shares.rename(columns={"group": "pool"})
        .assign(order=lambda f: f["pool"].map(order))
        .loc[:, ["period", "pool", "share_pct", "order"]]
        .reset_index(drop=True)
    )


def chart_shares(blocks: pd.DataFrame, kind: str, count: int) -> pd.DataFrame:
    """Shares (%) of all blocks per complete period: the leading pools, the other pools together,
    and the unattributed blocks (``period``, ``pool``, ``share_pct``, ``order``)."""
    framed = with_periods(blocks)
    last = utc_naive(framed["date"]).max()
    return chart_shares_of_counts(
        block_counts(framed, kind), leading_pools(blocks, count), kind, last
    )
