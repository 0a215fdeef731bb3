"""Whether a few mining pools find a large part of the blocks: the latest complete year's
top-n shares, HHI and Nakamoto coefficient, also with the pools seen sharing a block template
counted as one, and the block counts and shares published by others checked against the table.

Pool slugs come from coinbase tags anyone can write: they go into tables, never into prose.
"""

from __future__ import annotations

import math

import pandas as pd

from analysis.measures.pool_shares import (
    RESIDUAL_POOL,
    TOP_N,
    chart_shares_of_counts,
    leading_pools,
    shares_of_pool_counts,
)
from analysis.measures.template_sharing import grouped_counts, template_citations
from analysis.pools.concentration_tables import (
    SAME_TEMPLATE,
    SEPARATE,
    WITH_POSSIBLE,
    row_of,
    scenario,
    side_of,
)
from analysis.pools.published_checks import (
    check_figures,
    checks_agreeing_later,
    published_checks,
    published_citations,
)
from analysis.result import Assessment, Figures, FigureSpec, Margin, MarginRule, Verdict

LEADING_POOLS_CHARTED = 8

FIGURES = Figures(
    ("top2_latest", "Share of attributed blocks found by the two largest pools", "percent"),
    ("top1_latest", "Share of the largest pool", "percent"),
    ("top5_latest", "Share of the five largest pools", "percent"),
    ("largest_counted", "Largest pools counted together", "count"),
    ("nakamoto_latest", "Fewest pools with more than half the blocks", "count"),
    ("pools_latest", "Pools with at least one block", "count"),
    ("hhi_latest", "Herfindahl-Hirschman index of pool shares", "hhi"),
    ("effective_pools_latest", "Equivalent number of equal pools", "ratio"),
    ("unattributed_latest", "Blocks with no pool attributed", "percent"),
    ("latest_year", "Latest complete year", "year"),
    ("top2_grouped_latest", "Two largest, template groups as one pool", "percent"),
    (
        "nakamoto_grouped_latest",
        "Fewest pools with more than half, template groups as one",
        "count",
    ),
    (
        "nakamoto_grouped_exact_latest",
        "Fewest pools with more than half, only pools with the very same template grouped",
        "count",
    ),
    (
        "top2_grouped_exact_latest",
        "Two largest, only pools with the very same template grouped",
        "percent",
    ),
    ("template_group_latest", "Share of the largest template group", "percent"),
    (
        "top2_latest_se",
        "Standard error of the two largest pools' share from block luck",
        "pp_margin",
    ),
)

SUPPORTED_SUMMARY = (
    "In {latest_year} the two largest pools found {top2_latest} of the attributed blocks and "
    "the five largest {top5_latest}; {nakamoto_latest} pools together passed "
    "{majority_share_pct}. Counting the pools seen sending the same block template as one, "
    "{nakamoto_grouped_latest} pools passed it, the largest two finding {top2_grouped_latest} "
    "({top2_grouped_exact_latest} when the pool named only as possibly sharing is left "
    "apart)."
)
PARTLY_SUMMARY = (
    "In {latest_year} the five largest pools found {top5_latest} of the attributed blocks, "
    "no more than {majority_share_pct}; the two largest found {top2_latest}."
)
CHECKS_SUMMARY = (
    " Read as first transcribed, {published_checks_agreeing} of {published_checks} block "
    "counts and shares published by others agree with the block table"
)
REFIT_SUMMARY = (
    "; a later reading of the period, chosen after seeing the data, fits "
    "{published_checks_refit} more."
)
METHOD = (
    "Each block is credited to the pool its coinbase tag or payout address names. A pool's "
    "share is its part of the attributed blocks in the year, which estimates its part of the "
    "hashing power. The Nakamoto coefficient is the fewest pools whose shares together pass "
    "{majority_share_pct}; the claim counts as supported when the {largest_counted} largest "
    "pools pass it. The HHI is the sum of squared shares ({hhi_latest}, as if "
    "{effective_pools_latest} equal pools mined). The grouped figures treat pools that "
    "block-template observations saw sending the same template as one pool; the largest "
    "such group found {template_group_latest}."
)
LIMITS = (
    "Blocks measure hashing power with luck: over a year of blocks the standard error of the "
    "two largest pools' share is {top2_latest_se}. Published counts are compared within the "
    "blocks the table leaves unattributed in the same window. A pool "
    "is not a miner: its hashers can leave, and a pool does not own their machines. Pool tags "
    "can be written by anyone; {unattributed_latest} of the blocks carry no known tag. The "
    "template observations are from a few days of stratum jobs and may not hold all year. "
    "The quote's 'creating potential single points of failure' is not tested: whether a "
    "pool's failure or capture would stop or bend block production depends on how fast its "
    "hashers move to other pools, which the block data do not show."
)

_TOP5_FLIP = FigureSpec(
    "top5_flip", "Five largest pools' share at which the verdict flips", "percent"
)
MAJORITY_LOST = MarginRule(
    "top5_latest",
    _TOP5_FLIP,
    "below",
    Verdict.PARTLY_SUPPORTED,
    "Partly supported if the five largest pools had found no more than {top5_flip} of the "
    "attributed blocks.",
)
MAJORITY_PASSED = MarginRule(
    "top5_latest",
    _TOP5_FLIP,
    "above",
    Verdict.SUPPORTED,
    "Supported if the five largest pools had found more than {top5_flip} of the attributed blocks.",
)
NEEDS = (
    "Records of the block templates each pool sent through the year, to know which pools "
    "worked as one, and hashrate reported by the pools themselves beside the block counts."
)


def _group_share(
    yearly_pool_counts: pd.DataFrame, template_groups: pd.DataFrame, year: int
) -> float:
    """Largest share (%) of attributed blocks held by one template group in ``year``."""
    shares = shares_of_pool_counts(grouped_counts(yearly_pool_counts, template_groups))
    names = set(template_groups["template_group"].astype(str))
    rows = shares[(shares["period"] == year) & shares["group"].isin(names)]
    return float(rows["share_pct"].max()) if not rows.empty else 0.0


def _attributed_in(yearly_pool_counts: pd.DataFrame, year: int) -> int:
    """Blocks attributed to a pool in ``year``."""
    counts = yearly_pool_counts
    named = (counts["period"] == year) & (counts["pool_slug"] != RESIDUAL_POOL)
    return int(counts.loc[named, "count"].sum())


def _summary(
    top5_pct: float, hhi: float, checks: pd.DataFrame, majority: float, line: float
) -> tuple[Verdict, str, Margin | None]:
    """The verdict, the summary naming the figures it rests on, and the margin: the five
    largest pools' share crossing the majority line."""
    supported = top5_pct > majority
    summary = SUPPORTED_SUMMARY if supported else PARTLY_SUMMARY
    summary += (
        " The pools' HHI, {hhi_latest}, is "
        + side_of(hhi, line)
        + " the {merger_guidelines_hhi_high} line of a highly concentrated market in the US merger "
        "guidelines."
    )
    if len(checks):
        summary += CHECKS_SUMMARY + (REFIT_SUMMARY if checks_agreeing_later(checks) else ".")
    if supported:
        return Verdict.SUPPORTED, summary, MAJORITY_LOST.at(majority)
    return Verdict.PARTLY_SUPPORTED, summary, MAJORITY_PASSED.at(majority)


def assess_few_pools_control(
    yearly_pool_scenarios: pd.DataFrame,
    quarterly_pool_concentration: pd.DataFrame,
    yearly_pool_counts: pd.DataFrame,
    quarterly_pool_counts: pd.DataFrame,
    last_block_time: pd.Timestamp,
    blocks: pd.DataFrame,
    pool_template_groups: pd.DataFrame,
    pool_share_published: pd.DataFrame,
    majority_share_pct: float,
    merger_guidelines_hhi_high: float,
) -> Assessment:
    """Whether a few pools find a large part of the blocks, in the latest complete year."""
    alone = scenario(yearly_pool_scenarios, SEPARATE)
    latest = int(alone["period"].max())
    now = row_of(alone, latest)
    grouped = row_of(scenario(yearly_pool_scenarios, WITH_POSSIBLE), latest)
    exact = row_of(scenario(yearly_pool_scenarios, SAME_TEMPLATE), latest)
    checks = published_checks(blocks, pool_share_published)
    p2 = float(now["top2_pct"]) / 100.0
    figures = FIGURES.fill(
        top2_latest=now["top2_pct"],
        top1_latest=now["top1_pct"],
        top5_latest=now["top5_pct"],
        largest_counted=float(max(TOP_N)),
        nakamoto_latest=now["nakamoto"],
        pools_latest=now["pools"],
        hhi_latest=now["hhi"],
        effective_pools_latest=now["effective_pools"],
        unattributed_latest=now["unattributed_pct"],
        latest_year=float(latest),
        top2_grouped_latest=grouped["top2_pct"],
        nakamoto_grouped_latest=grouped["nakamoto"],
        nakamoto_grouped_exact_latest=exact["nakamoto"],
        top2_grouped_exact_latest=exact["top2_pct"],
        template_group_latest=_group_share(yearly_pool_counts, pool_template_groups, latest),
        top2_latest_se=100.0
        * math.sqrt(p2 * (1.0 - p2) / _attributed_in(yearly_pool_counts, latest)),
    ) + check_figures(checks)
    verdict, summary, margin = _summary(
        now["top5_pct"], now["hhi"], checks, majority_share_pct, merger_guidelines_hhi_high
    )
    passages = published_citations(pool_share_published[pool_share_published["check_kind"].notna()])
    leaders = leading_pools(blocks, LEADING_POOLS_CHARTED)
    return Assessment(
        verdict=verdict,
        summary=summary,
        figures=figures,
        method=METHOD,
        limits=LIMITS,
        needs=NEEDS,
        citations=template_citations(pool_template_groups) + passages,
        tables={
            "shares_quarterly": chart_shares_of_counts(
                quarterly_pool_counts, leaders, "quarter", last_block_time
            ),
            "pool_shares_yearly": shares_of_pool_counts(yearly_pool_counts),
            "pool_shares_quarterly": shares_of_pool_counts(quarterly_pool_counts),
            "concentration_yearly": yearly_pool_scenarios,
            "concentration_quarterly": quarterly_pool_concentration,
            "published_checks": checks,
        },
        margin=margin,
    )
