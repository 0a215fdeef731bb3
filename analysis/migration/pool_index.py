"""The pool index set beside the country index: the pool HHI by full calendar year (as the
pool claims compute it, with bounds for the unattributed blocks) and the months both the
pool and the country tables cover.
"""

from __future__ import annotations

import pandas as pd

from analysis.measures.pool_shares import pool_concentration
from analysis.migration.ban_shock import ordinal_of
from analysis.migration.geo_concentration import (
    RESIDUAL_POOL,
    bounded_concentration,
    geographic_and_pool_index,
    pool_shares_by_year,
)
from analysis.result import Figures

POOL_INDEX_FIGURES = Figures(
    ("pool_hhi_last", "Pool HHI, last full year", "hhi"),
    ("pool_hhi_first", "Pool HHI, first full year", "hhi"),
    ("pool_first_year", "First full year of blocks", "year"),
    ("pool_hhi_peak", "Pool HHI, highest year", "hhi"),
    ("pool_peak_year", "Year of the highest pool HHI", "year"),
    (
        "pool_hhi_last_high",
        "Pool HHI, last full year, unattributed blocks all the largest pool's (high bound)",
        "hhi",
    ),
    ("pool_last_year", "Last full year of blocks", "year"),
    (
        "pool_top2_last",
        "Two largest pools' share of attributed blocks, last full year",
        "percent",
    ),
    ("majority_pools_last", "Pools needed to pass half, last full year", "count"),
)

OVERLAP_FIGURES = Figures(
    ("overlap_first", "First month both indexes cover", "month"),
    ("overlap_last", "Last month both indexes cover", "month"),
    ("overlap_geo_first", "Country HHI, first common month", "hhi"),
    ("overlap_geo_last", "Country HHI, last common month", "hhi"),
    ("overlap_pool_first", "Pool HHI, first common month", "hhi"),
    ("overlap_pool_last", "Pool HHI, last common month", "hhi"),
)


def pool_index_by_year(blocks: pd.DataFrame) -> pd.DataFrame:
    """Per complete calendar year, the pool HHI as the pool family computes it (shares of the
    attributed blocks) with its bounds for the unattributed blocks: ``hhi_low`` with them as
    many tiny pools, ``hhi_high`` with them all given to the largest pool. Also ``top2_pct``,
    ``nakamoto``, ``largest_pct`` and ``largest_group`` (a pool slug: untrusted text)."""
    table = pool_concentration(blocks, "year")
    by_year = pool_shares_by_year(blocks)
    low = bounded_concentration(by_year, RESIDUAL_POOL).set_index("period")
    # the largest attributed pool of each year (shares are sorted by size, then by name)
    named = by_year[by_year["group"] != RESIDUAL_POOL]
    largest = named.drop_duplicates("period").set_index("period")["group"]
    periods = table["period"]
    return pd.DataFrame(
        {
            "period": periods.astype("int64"),
            "hhi": table["hhi"],
            "hhi_low": periods.map(low["hhi_low"]),
            "hhi_high": table["hhi_max"],
            "top2_pct": table["top2_pct"],
            "nakamoto": table["nakamoto"],
            "largest_pct": table["top1_pct"],
            "largest_group": periods.map(largest),
        }
    )


def pool_index_values(yearly: pd.DataFrame) -> dict[str, float | None]:
    """The values of :data:`POOL_INDEX_FIGURES` from :func:`pool_index_by_year`."""
    first, last = yearly.iloc[0], yearly.iloc[-1]
    peak = yearly.iloc[int(yearly["hhi"].to_numpy().argmax())]
    return {
        "pool_hhi_last": last["hhi"],
        "pool_hhi_first": first["hhi"],
        "pool_first_year": first["period"],
        "pool_hhi_peak": peak["hhi"],
        "pool_peak_year": peak["period"],
        "pool_hhi_last_high": last["hhi_high"],
        "pool_last_year": last["period"],
        "pool_top2_last": last["top2_pct"],
        "majority_pools_last": last["nakamoto"],
    }


def overlap_values(
    monthly_country_concentration: pd.DataFrame, blocks: pd.DataFrame
) -> dict[str, float | None]:
    """The values of :data:`OVERLAP_FIGURES`: the first and last month both indexes cover,
    with their low bounds; all missing when no month is common."""
    both = geographic_and_pool_index(monthly_country_concentration, blocks)
    if both.empty:  # no common month: the figures are n/a
        both = pd.DataFrame([dict.fromkeys(["period", "geo_hhi_low", "pool_hhi_low"])])
    first, last = both.iloc[0], both.iloc[-1]
    return {
        "overlap_first": ordinal_of(first["period"]),
        "overlap_last": ordinal_of(last["period"]),
        "overlap_geo_first": first["geo_hhi_low"],
        "overlap_geo_last": last["geo_hhi_low"],
        "overlap_pool_first": first["pool_hhi_low"],
        "overlap_pool_last": last["pool_hhi_low"],
    }
