"""Mining-pool concentration claims: how much of the blocks a few pools find (also with the
pools seen sharing a block template counted as one), and why pool data cannot say who owns
the machines; the yearly scenarios both this module and :mod:`analysis.pools.trend` use.

The trend claims are in :mod:`analysis.pools.trend`, the measures in
:mod:`analysis.measures.pool_shares`, the published cross-checks in :mod:`analysis.pools.checks`, the
template grouping in :mod:`analysis.measures.template_sharing`.
Pool slugs come from coinbase tags anyone can write: they go into tables, never into prose.
"""

from __future__ import annotations

import math

import pandas as pd

from analysis.measures.pool_shares import (
    RESIDUAL_POOL,
    TOP_N,
    chart_shares,
    pool_concentration,
    pool_shares,
    with_periods,
)
from analysis.measures.template_sharing import EXACT_EVIDENCE, grouped_blocks, template_citations
from analysis.pools.checks import (
    check_figures,
    checks_agreeing_later,
    published_checks,
    published_citations,
)
from analysis.result import Assessment, Figure, Verdict

LEADING_POOLS_CHARTED = 8


def row_of(table: pd.DataFrame, period: object) -> pd.Series:
    """The row of ``table`` for ``period``."""
    return table.loc[table["period"] == period].iloc[0]


def yearly_scenarios(
    blocks: pd.DataFrame, template_groups: pd.DataFrame, majority: float
) -> pd.DataFrame:
    """Yearly measures as separate pools and with template groups, side by side."""
    alone = pool_concentration(blocks, "year", majority)
    grouped = pool_concentration(grouped_blocks(blocks, template_groups), "year", majority)
    exact = pool_concentration(
        grouped_blocks(blocks, template_groups, EXACT_EVIDENCE), "year", majority
    )
    return pd.concat(
        [
            alone.assign(scenario="separate pools"),
            exact.assign(scenario="template groups (same template)"),
            grouped.assign(scenario="template groups (with possible)"),
        ],
        ignore_index=True,
    )


def quarterly_indices(blocks: pd.DataFrame, template_groups: pd.DataFrame) -> pd.DataFrame:
    """Quarterly HHI, top-2 share and effective pools, as separate pools and grouped (long form)."""
    frames = []
    for scenario, frame in (
        ("separate pools", blocks),
        ("template groups", grouped_blocks(blocks, template_groups)),
    ):
        table = pool_concentration(frame, "quarter")
        for measure in ("hhi", "top2_pct", "effective_pools"):
            frames.append(
                pd.DataFrame(
                    {
                        "period": table["period"],
                        "measure": measure,
                        "scenario": scenario,
                        "value": table[measure],
                    }
                )
            )
    return pd.concat(frames, ignore_index=True)


def _group_share(blocks: pd.DataFrame, template_groups: pd.DataFrame, year: int) -> float:
    """Largest share (%) of attributed blocks held by one template group in ``year``."""
    shares = pool_shares(grouped_blocks(blocks, template_groups), "year")
    names = set(template_groups["template_group"].astype(str))
    rows = shares[(shares["period"] == year) & shares["group"].isin(names)]
    return float(rows["share_pct"].max()) if not rows.empty else 0.0


def assess_few_pools_control(
    blocks: pd.DataFrame,
    pool_template_groups: pd.DataFrame,
    pool_share_published: pd.DataFrame,
    majority_share_pct: float,
    merger_guidelines_hhi_high: float,
) -> Assessment:
    """Whether a few pools find a large part of the blocks, in the latest complete year."""
    yearly = yearly_scenarios(blocks, pool_template_groups, majority_share_pct)
    alone = yearly[yearly["scenario"] == "separate pools"]
    grouped = yearly[yearly["scenario"] == "template groups (with possible)"]
    latest = int(alone["period"].max())
    now, now_grouped = row_of(alone, latest), row_of(grouped, latest)
    exact = row_of(yearly[yearly["scenario"] == "template groups (same template)"], latest)
    top = max(TOP_N)
    checks = published_checks(blocks, pool_share_published)
    attributed = with_periods(blocks[blocks["pool_slug"] != RESIDUAL_POOL])
    n_latest = int((attributed["year"] == latest).sum())
    p2 = float(now["top2_pct"]) / 100.0
    figures = (
        Figure(
            "top2_latest",
            "Share of attributed blocks found by the two largest pools",
            now["top2_pct"],
            "percent",
        ),
        Figure("top1_latest", "Share of the largest pool", now["top1_pct"], "percent"),
        Figure("top5_latest", "Share of the five largest pools", now["top5_pct"], "percent"),
        Figure("largest_counted", "Largest pools counted together", float(top), "count"),
        Figure(
            "nakamoto_latest",
            "Fewest pools with more than half the blocks",
            now["nakamoto"],
            "count",
        ),
        Figure("pools_latest", "Pools with at least one block", now["pools"], "count"),
        Figure("hhi_latest", "Herfindahl-Hirschman index of pool shares", now["hhi"], "hhi"),
        Figure(
            "effective_pools_latest",
            "Equivalent number of equal pools",
            now["effective_pools"],
            "ratio",
        ),
        Figure(
            "unattributed_latest",
            "Blocks with no pool attributed",
            now["unattributed_pct"],
            "percent",
        ),
        Figure("latest_year", "Latest complete year", float(latest), "year"),
        Figure(
            "top2_grouped_latest",
            "Two largest, template groups as one pool",
            now_grouped["top2_pct"],
            "percent",
        ),
        Figure(
            "nakamoto_grouped_latest",
            "Fewest pools with more than half, template groups as one",
            now_grouped["nakamoto"],
            "count",
        ),
        Figure(
            "nakamoto_grouped_exact_latest",
            "Fewest pools with more than half, only pools with the very same template grouped",
            exact["nakamoto"],
            "count",
        ),
        Figure(
            "top2_grouped_exact_latest",
            "Two largest, only pools with the very same template grouped",
            exact["top2_pct"],
            "percent",
        ),
        Figure(
            "template_group_latest",
            "Share of the largest template group",
            _group_share(blocks, pool_template_groups, latest),
            "percent",
        ),
        Figure(
            "top2_latest_se",
            "Standard error of the two largest pools' share from block luck",
            100.0 * math.sqrt(p2 * (1.0 - p2) / n_latest),
            "pp_margin",
        ),
        *check_figures(checks),
    )
    if now["top5_pct"] > majority_share_pct:
        verdict = Verdict.SUPPORTED
        summary = (
            "In {latest_year} the two largest pools found {top2_latest} of the attributed blocks and "
            "the five largest {top5_latest}; {nakamoto_latest} pools together passed "
            "{majority_share_pct}. Counting the pools seen sending the same block template as one, "
            "{nakamoto_grouped_latest} pools passed it, the largest two finding {top2_grouped_latest} "
            "({top2_grouped_exact_latest} when the pool named only as possibly sharing is left "
            "apart)."
        )
    else:
        verdict = Verdict.PARTLY_SUPPORTED
        summary = (
            "In {latest_year} the five largest pools found {top5_latest} of the attributed blocks, "
            "no more than {majority_share_pct}; the two largest found {top2_latest}."
        )
    summary += (
        " The pools' HHI, {hhi_latest}, is "
        + side_of(now["hhi"], merger_guidelines_hhi_high)
        + " the {merger_guidelines_hhi_high} line of a highly concentrated market in the US merger "
        "guidelines."
    )
    if len(checks):
        summary += (
            " Read as first transcribed, {published_checks_agreeing} of {published_checks} block "
            "counts and shares published by others agree with the block table"
        )
        later = checks_agreeing_later(checks)
        summary += (
            "; a later reading of the period, chosen after seeing the data, fits "
            "{published_checks_refit} more."
            if later
            else "."
        )
    passages = published_citations(pool_share_published[pool_share_published["check_kind"].notna()])
    return Assessment(
        verdict=verdict,
        summary=summary,
        figures=figures,
        method=(
            "Each block is credited to the pool its coinbase tag or payout address names. A pool's "
            "share is its part of the attributed blocks in the year, which estimates its part of the "
            "hashing power. The Nakamoto coefficient is the fewest pools whose shares together pass "
            "{majority_share_pct}; the claim counts as supported when the {largest_counted} largest "
            "pools pass it. The HHI is the sum of squared shares ({hhi_latest}, as if "
            "{effective_pools_latest} equal pools mined). The grouped figures treat pools that "
            "block-template observations saw sending the same template as one pool; the largest "
            "such group found {template_group_latest}."
        ),
        limits=(
            "Blocks measure hashing power with luck: over a year of blocks the standard error of the "
            "two largest pools' share is {top2_latest_se}. Published counts are compared within the "
            "blocks the table leaves unattributed in the same window. A pool "
            "is not a miner: its hashers can leave, and a pool does not own their machines. Pool tags "
            "can be written by anyone; {unattributed_latest} of the blocks carry no known tag. The "
            "template observations are from a few days of stratum jobs and may not hold all year."
        ),
        needs=(
            "Records of the block templates each pool sent through the year, to know which pools "
            "worked as one, and hashrate reported by the pools themselves beside the block counts."
        ),
        citations=template_citations(pool_template_groups) + passages,
        tables={
            "shares_quarterly": chart_shares(blocks, "quarter", LEADING_POOLS_CHARTED),
            "pool_shares_yearly": pool_shares(blocks, "year"),
            "pool_shares_quarterly": pool_shares(blocks, "quarter"),
            "concentration_yearly": yearly,
            "concentration_quarterly": pool_concentration(blocks, "quarter", majority_share_pct),
            "published_checks": checks,
        },
    )


def side_of(value: float, line: float) -> str:
    """'above' or 'below' (or 'at') ``line``."""
    if value > line:
        return "above"
    return "below" if value < line else "at"


def assess_industrial_operations() -> Assessment:
    """Concentration in large industrial operations: pool shares cannot show who owns the machines."""
    return Assessment(
        verdict=Verdict.NOT_CHECKABLE,
        summary="The block data name pools, not the operations that own the machines.",
        figures=(),
        method=(
            "The claim is about who owns the mining machines. A pool combines the hashing power of "
            "many owners, from single machines to large sites, and the blocks record only the pool."
        ),
        limits=(
            "A pool run by a listed mining company for its own machines looks the same in the block "
            "data as a pool open to anyone."
        ),
        needs=(
            "The hashrate of the largest mining companies (for example the realised hashrate in the "
            "monthly production reports of listed miners) beside the network hashrate over the same "
            "months, and a census of mining sites by size, such as the Cambridge mining surveys."
        ),
    )
