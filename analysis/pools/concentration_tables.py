"""The concentration tables the pool claims share, each computed once per build: yearly
measures as separate pools and with the template groups as one pool, the quarterly measures,
and the quarterly indices the trend charts draw.
"""

from __future__ import annotations

import pandas as pd

from analysis.measures.pool_shares import concentration_of_counts
from analysis.measures.template_sharing import EXACT_EVIDENCE, grouped_counts
from analysis.result import measure

SEPARATE = "separate pools"
SAME_TEMPLATE = "template groups (same template)"
WITH_POSSIBLE = "template groups (with possible)"
INDEX_MEASURES = ("hhi", "top2_pct", "effective_pools")


def row_of(table: pd.DataFrame, period: object) -> pd.Series:
    """The row of ``table`` for ``period``."""
    return table.loc[table["period"] == period].iloc[0]


def scenario(yearly: pd.DataFrame, name: str) -> pd.DataFrame:
    """The rows of :func:`yearly_pool_scenarios` for the scenario ``name``."""
    return yearly[yearly["scenario"] == name].reset_index(drop=True)


def side_of(value: float, line: float) -> str:
    """'above' or 'below' (or 'at') ``line``."""
    if value > line:
        return "above"
    return "below" if value < line else "at"


@measure
def yearly_pool_scenarios(
    yearly_pool_counts: pd.DataFrame,
    pool_template_groups: pd.DataFrame,
    last_block_time: pd.Timestamp,
    majority_share_pct: float,
) -> pd.DataFrame:
    """Yearly measures as separate pools and with template groups, side by side."""

    def yearly(counts: pd.DataFrame) -> pd.DataFrame:
        return concentration_of_counts(counts, "year", last_block_time, majority_share_pct)

    exact = grouped_counts(yearly_pool_counts, pool_template_groups, EXACT_EVIDENCE)
    grouped = grouped_counts(yearly_pool_counts, pool_template_groups)
    return pd.concat(
        [
            yearly(yearly_pool_counts).assign(scenario=SEPARATE),
            yearly(exact).assign(scenario=SAME_TEMPLATE),
            yearly(grouped).assign(scenario=WITH_POSSIBLE),
        ],
        ignore_index=True,
    )


@measure
def quarterly_pool_concentration(
    quarterly_pool_counts: pd.DataFrame, last_block_time: pd.Timestamp, majority_share_pct: float
) -> pd.DataFrame:
    """Quarterly measures of the pools as separate pools."""
    return concentration_of_counts(
        quarterly_pool_counts, "quarter", last_block_time, majority_share_pct
    )


@measure
def quarterly_pool_indices(
    quarterly_pool_concentration: pd.DataFrame,
    quarterly_pool_counts: pd.DataFrame,
    pool_template_groups: pd.DataFrame,
    last_block_time: pd.Timestamp,
) -> pd.DataFrame:
    """Quarterly HHI, top-2 share and effective pools, as separate pools and grouped (long form:
    ``period``, ``measure``, ``scenario``, ``value``)."""
    grouped = grouped_counts(quarterly_pool_counts, pool_template_groups)
    frames = []
    for name, table in (
        ("separate pools", quarterly_pool_concentration),
        ("template groups", concentration_of_counts(grouped, "quarter", last_block_time)),
    ):
        for index in INDEX_MEASURES:
            frames.append(
                pd.DataFrame(
                    {
                        "period": table["period"],
                        "measure": index,
                        "scenario": name,
                        "value": table[index],
                    }
                )
            )
    return pd.concat(frames, ignore_index=True)
