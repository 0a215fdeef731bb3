"""Mining-pool concentration claims: how much of the blocks a few pools find, whether
concentration rose since 2021, and whether block production is spread over fewer pools,
each also with the pools seen sharing a block template counted as one.

The measures are in :mod:`analysis.pool_shares`, the published cross-checks in
:mod:`analysis.pool_checks`, the template grouping in :mod:`analysis.template_sharing`.
Pool slugs come from coinbase tags anyone can write: they go into tables, never into prose.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pandas as pd

from analysis.pool_checks import (
    check_figures,
    checks_agreeing_later,
    published_checks,
    published_citations,
)
from analysis.pool_shares import (
    RESIDUAL_POOL,
    TOP_N,
    chart_shares,
    pool_concentration,
    pool_shares,
    slope_per_year,
    utc_naive,
    with_periods,
)
from analysis.result import Assessment, Figure, Verdict
from analysis.template_sharing import EXACT_EVIDENCE, grouped_blocks, template_citations

# --- Assessments --------------------------------------------------------------------------

LEADING_POOLS_CHARTED = 8


def _row(table: pd.DataFrame, period: object) -> pd.Series:
    return table.loc[table["period"] == period].iloc[0]


def _yearly(blocks: pd.DataFrame, template_groups: pd.DataFrame, majority: float) -> pd.DataFrame:
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


def _quarterly_indices(blocks: pd.DataFrame, template_groups: pd.DataFrame) -> pd.DataFrame:
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
    yearly = _yearly(blocks, pool_template_groups, majority_share_pct)
    alone = yearly[yearly["scenario"] == "separate pools"]
    grouped = yearly[yearly["scenario"] == "template groups (with possible)"]
    latest = int(alone["period"].max())
    now, now_grouped = _row(alone, latest), _row(grouped, latest)
    exact = _row(yearly[yearly["scenario"] == "template groups (same template)"], latest)
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
            "percentage_points",
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
        + _side(now["hhi"], merger_guidelines_hhi_high)
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


def _trend_figures(
    blocks: pd.DataFrame, template_groups: pd.DataFrame, majority: float
) -> tuple[list[Figure], pd.DataFrame]:
    yearly = _yearly(blocks, template_groups, majority)
    alone = yearly[yearly["scenario"] == "separate pools"].reset_index(drop=True)
    grouped = yearly[yearly["scenario"] == "template groups (with possible)"]
    first, latest = int(alone["period"].min()), int(alone["period"].max())
    start, end = _row(alone, first), _row(alone, latest)
    peak = alone.iloc[int(np.argmax(alone["hhi"].to_numpy()))]
    quarterly = pool_concentration(blocks, "quarter", majority)
    since_peak = quarterly[quarterly["period"].dt.year >= int(peak["period"])]
    figures = [
        Figure("hhi_first", "HHI in the first year", start["hhi"], "hhi"),
        Figure("hhi_latest", "HHI in the latest complete year", end["hhi"], "hhi"),
        Figure(
            "hhi_change",
            "Change of the HHI, first to latest year",
            end["hhi"] - start["hhi"],
            "hhi",
        ),
        Figure("hhi_peak", "Highest yearly HHI", peak["hhi"], "hhi"),
        Figure("hhi_peak_year", "Year of the highest HHI", peak["period"], "year"),
        Figure(
            "hhi_slope",
            "Trend of the quarterly HHI, per year",
            slope_per_year(quarterly["period"], quarterly["hhi"]),
            "hhi",
        ),
        Figure(
            "hhi_slope_since_peak",
            "Trend of the quarterly HHI since the peak year, per year",
            slope_per_year(since_peak["period"], since_peak["hhi"]),
            "hhi",
        ),
        Figure(
            "top2_first", "Two largest pools' share in the first year", start["top2_pct"], "percent"
        ),
        Figure(
            "top2_latest", "Two largest pools' share in the latest year", end["top2_pct"], "percent"
        ),
        Figure(
            "top2_change",
            "Change of the two largest pools' share",
            end["top2_pct"] - start["top2_pct"],
            "percentage_points",
        ),
        Figure(
            "nakamoto_first", "Nakamoto coefficient in the first year", start["nakamoto"], "count"
        ),
        Figure(
            "nakamoto_latest", "Nakamoto coefficient in the latest year", end["nakamoto"], "count"
        ),
        Figure(
            "effective_pools_first",
            "Equivalent equal pools in the first year",
            start["effective_pools"],
            "ratio",
        ),
        Figure(
            "effective_pools_latest",
            "Equivalent equal pools in the latest year",
            end["effective_pools"],
            "ratio",
        ),
        Figure(
            "effective_pools_lowest",
            "Equivalent equal pools in the year of the highest HHI",
            10_000.0 / peak["hhi"],
            "ratio",
        ),
        Figure(
            "unattributed_first",
            "Unattributed blocks in the first year",
            start["unattributed_pct"],
            "percent",
        ),
        Figure(
            "hhi_first_max",
            "Highest first-year HHI the unattributed blocks allow",
            start["hhi_max"],
            "hhi",
        ),
        Figure(
            "hhi_grouped_first",
            "First-year HHI, template groups as one pool",
            _row(grouped, first)["hhi"],
            "hhi",
        ),
        Figure(
            "hhi_grouped_latest",
            "Latest-year HHI, template groups as one pool",
            _row(grouped, latest)["hhi"],
            "hhi",
        ),
        Figure("first_year", "First year", float(first), "year"),
        Figure(
            "first_block_date",
            "Day of the first block in the table",
            float(utc_naive(blocks["date"]).min().date().toordinal()),
            "date",
        ),
        Figure("latest_year", "Latest complete year", float(latest), "year"),
        Figure("quarters", "Complete quarters in the trend", float(len(quarterly)), "count"),
    ]
    return figures, yearly


def _side(value: float, line: float) -> str:
    """'above' or 'below' (or 'at') ``line``."""
    if value > line:
        return "above"
    return "below" if value < line else "at"


def _direction(first: float, latest: float) -> str:
    """'rose', 'fell' or 'stayed level' from ``first`` to ``latest``."""
    if latest > first:
        return "rose"
    return "fell" if latest < first else "stayed level"


def _lead(figures: Sequence[Figure], name: str) -> tuple[Figure, ...]:
    """``figures`` with the one called ``name`` first (the headline)."""
    return tuple(sorted(figures, key=lambda f: f.name != name))


def _figure_values(figures: Sequence[Figure]) -> dict[str, float]:
    return {f.name: float("nan") if f.value is None else f.value for f in figures}


def assess_progressive_concentration(
    blocks: pd.DataFrame,
    pool_template_groups: pd.DataFrame,
    majority_share_pct: float,
    merger_guidelines_hhi_high: float,
) -> Assessment:
    """Whether pool concentration has risen since 2021, and whether it kept rising."""
    figures, yearly = _trend_figures(blocks, pool_template_groups, majority_share_pct)
    v = _figure_values(figures)
    rose = v["hhi_latest"] > v["hhi_first"] and v["top2_latest"] > v["top2_first"]
    at_peak = v["hhi_latest"] >= v["hhi_peak"]
    if rose and at_peak:
        verdict = Verdict.SUPPORTED
        summary = (
            "Pool concentration rose from {first_year} to {latest_year}: the HHI from {hhi_first} "
            "to {hhi_latest}, the two largest pools' share from {top2_first} to {top2_latest}."
        )
    elif rose:
        verdict = Verdict.PARTLY_SUPPORTED
        summary = (
            "Pool concentration is higher than in {first_year} but not rising steadily: the HHI went "
            "from {hhi_first} to a peak of {hhi_peak} in {hhi_peak_year} and eased to {hhi_latest} "
            "in {latest_year} (a trend of {hhi_slope_since_peak} a year since the peak). The two "
            "largest pools' share went from {top2_first} to {top2_latest}."
        )
    else:
        verdict = Verdict.CONTRADICTED
        summary = (
            "Pool concentration did not rise from {first_year} to {latest_year}: the HHI went from "
            "{hhi_first} to {hhi_latest}, the two largest pools' share from {top2_first} to "
            "{top2_latest}."
        )
    summary += (
        " Counting the pools seen sharing a block template as one pool in every year, the HHI "
        + _direction(v["hhi_grouped_first"], v["hhi_grouped_latest"])
        + " from {hhi_grouped_first} to {hhi_grouped_latest}; the sharing was observed only "
        "recently."
    )
    return Assessment(
        verdict=verdict,
        summary=summary,
        figures=_lead(figures, "hhi_latest"),
        method=(
            "Pool shares of the attributed blocks per year and per quarter, from {first_year} to the "
            "latest complete year {latest_year}. The claim counts as supported when the HHI and the "
            "two largest pools' share are both higher in the latest year than in the first and the "
            "HHI is at its highest; as partly supported when they are higher but past their peak. "
            "Over {quarters} complete quarters the least-squares trend of the HHI is {hhi_slope} a "
            "year. Grouping the pools seen sharing a block template, the HHI went from "
            "{hhi_grouped_first} to {hhi_grouped_latest}. The highest yearly HHI is "
            + _side(v["hhi_peak"], merger_guidelines_hhi_high)
            + " and the latest "
            + _side(v["hhi_latest"], merger_guidelines_hhi_high)
            + " the {merger_guidelines_hhi_high} line of a highly concentrated market in the US "
            "merger guidelines."
        ),
        limits=(
            "In {first_year} {unattributed_first} of the blocks have no known pool; shares leave them "
            "out, as if they fell to pools in proportion. Had they all been the largest pool's, the "
            "first-year HHI would be {hhi_first_max}. The template observations are recent; "
            "applying the grouping to earlier years assumes the pools shared templates then too, "
            "which no source shows. The snapshot starts on {first_block_date}, so the first year lacks "
            "the blocks before that day and the longer history is not seen."
        ),
        needs=(
            "Pool attribution for the blocks before {first_year} (the companion table of earlier "
            "blocks), to see the longer trend, and records of the block templates each pool sent "
            "over the whole period, to know which pools worked as one."
        ),
        citations=template_citations(pool_template_groups),
        tables={
            "indices_quarterly": _quarterly_indices(blocks, pool_template_groups),
            "concentration_yearly": yearly,
        },
    )


def assess_losing_distributed_nature(
    blocks: pd.DataFrame, pool_template_groups: pd.DataFrame, majority_share_pct: float
) -> Assessment:
    """Whether block production is spread over fewer pools than before (the pool layer only)."""
    figures, yearly = _trend_figures(blocks, pool_template_groups, majority_share_pct)
    v = _figure_values(figures)
    fewer = v["effective_pools_latest"] < v["effective_pools_first"]
    if fewer:
        verdict = Verdict.PARTLY_SUPPORTED
        summary = (
            "At the pool level, block production is spread over fewer pools than in {first_year}: "
            "the pool shares were equivalent to {effective_pools_first} equal pools then and "
            "{effective_pools_latest} in {latest_year}, and {nakamoto_latest} pools passed half the blocks against "
            "{nakamoto_first}."
        )
        if v["hhi_peak_year"] < v["latest_year"]:
            summary += (
                " The fall stopped at {effective_pools_lowest} in {hhi_peak_year} and has partly "
                "reversed since."
            )
        summary += " Pools are not the miners behind them, so this is one layer only."
    else:
        verdict = Verdict.CONTRADICTED
        summary = (
            "At the pool level, block production is not spread over fewer pools than in "
            "{first_year}: the pool shares were equivalent to {effective_pools_first} equal pools "
            "then and {effective_pools_latest} in {latest_year}."
        )
    return Assessment(
        verdict=verdict,
        summary=summary,
        figures=_lead(figures, "effective_pools_latest"),
        method=(
            "The equivalent number of equal pools is ten thousand divided by the HHI of pool shares "
            "of the attributed blocks; the Nakamoto coefficient is the fewest pools passing "
            "{majority_share_pct}. Both are compared between {first_year} and {latest_year}. "
            "Fewer equivalent pools count as partly supporting the claim, since pools are one "
            "layer of mining only; as many or more contradict it."
        ),
        limits=(
            "The article's claim is about mining as a whole. Pools coordinate the work of many "
            "independent hashers, who can and do switch pools, so a pool's share is not control of "
            "machines. Who owns the hashing power behind the pools is not in the data."
        ),
        needs=(
            "Hashrate by operator (the companies and individuals who own the machines), for example "
            "the self-mining hashrate reported by listed miners against the network hashrate, year "
            "by year."
        ),
        citations=template_citations(pool_template_groups),
        tables={
            "indices_quarterly": _quarterly_indices(blocks, pool_template_groups),
            "concentration_yearly": yearly,
        },
    )


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
