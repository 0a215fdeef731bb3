"""Whether pool concentration rose since the first year of blocks and whether block
production is spread over fewer pools: yearly and quarterly HHI, top-two share, Nakamoto
coefficient and equivalent equal pools, with the pools seen sharing a template as one.

Both claims read the same trend (:func:`pool_trend`, computed once per build) and declare
the same figures; each leads with its own headline.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

import numpy as np
import pandas as pd

from analysis.measures.pool_shares import decimal_year
from analysis.measures.template_sharing import template_citations
from analysis.measures.trend_interval import theil_sen
from analysis.pools.base_years import base_year_counts, base_years
from analysis.pools.concentration_tables import SEPARATE, WITH_POSSIBLE, row_of, scenario, side_of
from analysis.result import (
    Assessment,
    Figure,
    Figures,
    FigureSpec,
    Margin,
    MarginRule,
    Verdict,
    measure,
)

FIGURES = Figures(
    ("hhi_first", "HHI in the first year", "hhi"),
    ("hhi_latest", "HHI in the latest complete year", "hhi"),
    ("hhi_change", "Change of the HHI, first to latest year", "hhi"),
    ("hhi_peak", "Highest yearly HHI", "hhi"),
    ("hhi_peak_year", "Year of the highest HHI", "year"),
    ("hhi_slope", "Trend of the quarterly HHI, per year (Theil-Sen)", "hhi"),
    ("hhi_slope_low", "Lower end of the trend's confidence interval", "hhi"),
    ("hhi_slope_high", "Upper end of the trend's confidence interval", "hhi"),
    ("hhi_slope_since_peak", "Trend of the quarterly HHI since the peak year, per year", "hhi"),
    ("starts_compared", "Base years compared with the latest year", "count"),
    ("starts_higher", "Base years below the latest in both HHI and top-two share", "count"),
    ("starts_fewer", "Base years with more equivalent pools than the latest", "count"),
    ("top2_first", "Two largest pools' share in the first year", "percent"),
    ("top2_latest", "Two largest pools' share in the latest year", "percent"),
    ("top2_change", "Change of the two largest pools' share", "percentage_points"),
    ("nakamoto_first", "Nakamoto coefficient in the first year", "count"),
    ("nakamoto_latest", "Nakamoto coefficient in the latest year", "count"),
    ("effective_pools_first", "Equivalent equal pools in the first year", "ratio"),
    ("effective_pools_latest", "Equivalent equal pools in the latest year", "ratio"),
    ("effective_pools_lowest", "Equivalent equal pools in the year of the highest HHI", "ratio"),
    ("unattributed_first", "Unattributed blocks in the first year", "percent"),
    ("hhi_first_max", "Highest first-year HHI the unattributed blocks allow", "hhi"),
    ("hhi_grouped_first", "First-year HHI, template groups as one pool", "hhi"),
    ("hhi_grouped_latest", "Latest-year HHI, template groups as one pool", "hhi"),
    ("first_year", "First year", "year"),
    ("first_block_date", "Day of the first block in the table", "date"),
    ("latest_year", "Latest complete year", "year"),
    ("quarters", "Complete quarters in the trend", "count"),
)

ROSE_SUMMARY = (
    "Pool concentration rose from {first_year} to {latest_year}: the HHI from {hhi_first} "
    "to {hhi_latest}, the two largest pools' share from {top2_first} to {top2_latest}, "
    "higher than in each of the {starts_compared} base years, on a quarterly trend of "
    "{hhi_slope} a year (interval {hhi_slope_low} to {hhi_slope_high})."
)
PAST_PEAK_SUMMARY = (
    "Pool concentration is higher than in {first_year} but not rising steadily: the HHI went "
    "from {hhi_first} to a peak of {hhi_peak} in {hhi_peak_year} and eased to {hhi_latest} "
    "in {latest_year} (a trend of {hhi_slope_since_peak} a year since the peak). The two "
    "largest pools' share went from {top2_first} to {top2_latest}. Taking each year of the "
    "data as the base, the latest year is more concentrated than {starts_higher} of the "
    "{starts_compared} base years."
)
NOT_ROSE_SUMMARY = (
    "Pool concentration did not rise from {first_year} to {latest_year}: the HHI went from "
    "{hhi_first} to {hhi_latest}, the two largest pools' share from {top2_first} to "
    "{top2_latest}."
)
CONCENTRATION_METHOD = (
    "Pool shares of the attributed blocks per year and per quarter, from {first_year} to the "
    "latest complete year {latest_year}. The claim counts as supported when the HHI and the "
    "two largest pools' share in the latest year are above every earlier year (so above any "
    "base year one might choose) and the confidence interval of the quarterly trend lies "
    "wholly above no change; as contradicted when either is not above the first year; as "
    "partly supported otherwise. The trend is the Theil-Sen slope (the median of the slopes between every "
    "pair of quarters, chosen because the ban year and the peak would pull a least-squares "
    "line) over {quarters} complete quarters: {hhi_slope} a year, with a confidence "
    "interval from Kendall's S of {hhi_slope_low} to {hhi_slope_high}. Grouping the pools "
    "seen sharing a block template, the HHI went from "
    "{hhi_grouped_first} to {hhi_grouped_latest}. The highest yearly HHI is "
)
CONCENTRATION_LIMITS = (
    "In {first_year} {unattributed_first} of the blocks have no known pool; shares leave them "
    "out, as if they fell to pools in proportion. Had they all been the largest pool's, the "
    "first-year HHI would be {hhi_first_max}. The template observations are recent; "
    "applying the grouping to earlier years assumes the pools shared templates then too, "
    "which no source shows. The snapshot starts on {first_block_date}, so the first year lacks "
    "the blocks before that day and the longer history is not seen. Quarters follow one "
    "another, so the trend's interval, which treats them as independent, is too narrow "
    "rather than too wide. The quote's cause, 'primarily due to the economic realities of "
    "the industry', is not tested here: the block data show who found blocks, not why "
    "(the cost of mining is checked in the mining-cost claims)."
)
CONCENTRATION_NEEDS = (
    "Pool attribution for the blocks before {first_year} (the companion table of earlier "
    "blocks), to see the longer trend, and records of the block templates each pool sent "
    "over the whole period, to know which pools worked as one."
)
FEWER_SUMMARY = (
    "At the pool level, block production is spread over fewer pools than in {first_year}: "
    "the pool shares were equivalent to {effective_pools_first} equal pools then and "
    "{effective_pools_latest} in {latest_year}, and {nakamoto_latest} pools passed half the blocks against "
    "{nakamoto_first}. Taking each year of the data as the base, {starts_fewer} of the "
    "{starts_compared} base years had more equivalent pools than the latest."
)
REVERSED_SUMMARY = (
    " The fall stopped at {effective_pools_lowest} in {hhi_peak_year} and has partly "
    "reversed since."
)
NOT_FEWER_SUMMARY = (
    "At the pool level, block production is not spread over fewer pools than in "
    "{first_year}: the pool shares were equivalent to {effective_pools_first} equal pools "
    "then and {effective_pools_latest} in {latest_year}."
)
DISTRIBUTED_METHOD = (
    "The equivalent number of equal pools is ten thousand divided by the HHI of pool shares "
    "of the attributed blocks; the Nakamoto coefficient is the fewest pools passing "
    "{majority_share_pct}. Both are compared between {first_year} and {latest_year}. "
    "Fewer equivalent pools count as partly supporting the claim, since pools are one "
    "layer of mining only; as many or more contradict it."
)

_HHI_FLIP = FigureSpec("hhi_flip", "Latest-year HHI at which the verdict flips", "hhi")
PEAK_LOST = MarginRule(
    "hhi_latest",
    _HHI_FLIP,
    "below",
    Verdict.PARTLY_SUPPORTED,
    "Partly supported if the latest HHI were below {hhi_flip}, the highest earlier year's.",
)
FIRST_LOST = MarginRule(
    "hhi_latest",
    _HHI_FLIP,
    "below",
    Verdict.CONTRADICTED,
    "Contradicted if the latest HHI were below {hhi_flip}, the first year's.",
)
FIRST_PASSED = MarginRule(
    "hhi_latest",
    _HHI_FLIP,
    "above",
    Verdict.PARTLY_SUPPORTED,
    "Partly supported if the latest HHI were above {hhi_flip}, the first year's, with the "
    "two largest pools' share above the first year's too.",
)
_POOLS_FLIP = FigureSpec("pools_flip", "Equivalent pools at which the verdict flips", "ratio")
MORE_POOLS = MarginRule(
    "effective_pools_latest",
    _POOLS_FLIP,
    "above",
    Verdict.CONTRADICTED,
    "Contradicted if the latest year's pools were equivalent to more than {pools_flip} equal "
    "pools, the first year's.",
)
FEWER_POOLS = MarginRule(
    "effective_pools_latest",
    _POOLS_FLIP,
    "below",
    Verdict.PARTLY_SUPPORTED,
    "Partly supported if the latest year's pools were equivalent to fewer than {pools_flip} "
    "equal pools, the first year's.",
)
DISTRIBUTED_LIMITS = (
    "The article's claim is about mining as a whole. Pools coordinate the work of many "
    "independent hashers, who can and do switch pools, so a pool's share is not control of "
    "machines. Who owns the hashing power behind the pools is not in the data."
)
DISTRIBUTED_NEEDS = (
    "Hashrate by operator (the companies and individuals who own the machines), for example "
    "the self-mining hashrate reported by listed miners against the network hashrate, year "
    "by year."
)


def _theil_sen_per_year(quarterly: pd.DataFrame) -> tuple[float, float, float]:
    """Theil-Sen slope of the quarterly HHI per year, with its interval (NaN if too short)."""
    if len(quarterly) < 3:
        return float("nan"), float("nan"), float("nan")
    trend = theil_sen(decimal_year(quarterly["period"]), quarterly["hhi"].to_numpy())
    return trend.slope, trend.low, trend.high


@measure
def pool_trend(
    yearly_pool_scenarios: pd.DataFrame,
    quarterly_pool_concentration: pd.DataFrame,
    first_block_time: pd.Timestamp,
) -> Mapping[str, float]:
    """The values of :data:`FIGURES` (first, peak and latest year, the quarterly trend, the
    other base years), and ``hhi_highest_earlier`` for the margins."""
    alone = scenario(yearly_pool_scenarios, SEPARATE)
    grouped = scenario(yearly_pool_scenarios, WITH_POSSIBLE)
    first, latest = int(alone["period"].min()), int(alone["period"].max())
    start, end = row_of(alone, first), row_of(alone, latest)
    peak = alone.iloc[int(np.argmax(alone["hhi"].to_numpy()))]
    quarterly = quarterly_pool_concentration
    since_peak = quarterly[quarterly["period"].dt.year >= int(peak["period"])]
    slope, low, high = _theil_sen_per_year(quarterly)
    values = {
        "hhi_first": start["hhi"],
        "hhi_latest": end["hhi"],
        "hhi_change": end["hhi"] - start["hhi"],
        "hhi_peak": peak["hhi"],
        "hhi_peak_year": peak["period"],
        "hhi_slope": slope,
        "hhi_slope_low": low,
        "hhi_slope_high": high,
        "hhi_slope_since_peak": _theil_sen_per_year(since_peak)[0],
        "top2_first": start["top2_pct"],
        "top2_latest": end["top2_pct"],
        "top2_change": end["top2_pct"] - start["top2_pct"],
        "nakamoto_first": start["nakamoto"],
        "nakamoto_latest": end["nakamoto"],
        "effective_pools_first": start["effective_pools"],
        "effective_pools_latest": end["effective_pools"],
        "effective_pools_lowest": 10_000.0 / peak["hhi"],
        "unattributed_first": start["unattributed_pct"],
        "hhi_first_max": start["hhi_max"],
        "hhi_grouped_first": row_of(grouped, first)["hhi"],
        "hhi_grouped_latest": row_of(grouped, latest)["hhi"],
        "first_year": first,
        "first_block_date": first_block_time.date().toordinal(),
        "latest_year": latest,
        "quarters": len(quarterly),
        **base_year_counts(alone),
    }
    return MappingProxyType({name: float(value) for name, value in values.items()})


def _figures(trend: Mapping[str, float], headline: str) -> tuple[Figure, ...]:
    """The trend's figures, the one called ``headline`` first."""
    declared = {name: trend[name] for name in FIGURES.names}
    return tuple(sorted(FIGURES.fill(**declared), key=lambda f: f.name != headline))


def _direction(first: float, latest: float) -> str:
    """'rose', 'fell' or 'stayed level' from ``first`` to ``latest``."""
    if latest > first:
        return "rose"
    return "fell" if latest < first else "stayed level"


def _concentration_verdict(v: Mapping[str, float]) -> tuple[Verdict, str, Margin | None]:
    """Supported when above every base year with a trend whose interval excludes none;
    contradicted when not above the first year; partly otherwise. With the margin on the
    latest HHI: the value it would have to cross to flip."""
    rose = v["hhi_latest"] > v["hhi_first"] and v["top2_latest"] > v["top2_first"]
    above_every_base = v["starts_higher"] == v["starts_compared"]
    if rose and above_every_base and v["hhi_slope_low"] > 0:
        return Verdict.SUPPORTED, ROSE_SUMMARY, PEAK_LOST.at(v["hhi_highest_earlier"])
    if rose:
        return Verdict.PARTLY_SUPPORTED, PAST_PEAK_SUMMARY, FIRST_LOST.at(v["hhi_first"])
    return Verdict.CONTRADICTED, NOT_ROSE_SUMMARY, FIRST_PASSED.at(v["hhi_first"])


def assess_progressive_concentration(
    pool_trend: Mapping[str, float],
    yearly_pool_scenarios: pd.DataFrame,
    quarterly_pool_indices: pd.DataFrame,
    pool_template_groups: pd.DataFrame,
    merger_guidelines_hhi_high: float,
) -> Assessment:
    """Whether pool concentration has risen since 2021, and whether it kept rising."""
    v, line = pool_trend, merger_guidelines_hhi_high
    verdict, summary, margin = _concentration_verdict(v)
    summary += (
        " Counting the pools seen sharing a block template as one pool in every year, the HHI "
        + _direction(v["hhi_grouped_first"], v["hhi_grouped_latest"])
        + " from {hhi_grouped_first} to {hhi_grouped_latest}; the sharing was observed only "
        "recently."
    )
    method = (
        CONCENTRATION_METHOD
        + side_of(v["hhi_peak"], line)
        + " and the latest "
        + side_of(v["hhi_latest"], line)
        + " the {merger_guidelines_hhi_high} line of a highly concentrated market in the US "
        "merger guidelines."
    )
    return Assessment(
        verdict=verdict,
        summary=summary,
        figures=_figures(v, "hhi_latest"),
        method=method,
        limits=CONCENTRATION_LIMITS,
        needs=CONCENTRATION_NEEDS,
        citations=template_citations(pool_template_groups),
        tables=_trend_tables(yearly_pool_scenarios, quarterly_pool_indices),
        margin=margin,
    )


def _trend_tables(
    yearly_pool_scenarios: pd.DataFrame, quarterly_pool_indices: pd.DataFrame
) -> dict[str, pd.DataFrame]:
    """The tables both trend claims chart: quarterly indices, yearly scenarios, base years."""
    return {
        "indices_quarterly": quarterly_pool_indices,
        "concentration_yearly": yearly_pool_scenarios,
        "base_years": base_years(scenario(yearly_pool_scenarios, SEPARATE)),
    }


def _distributed_summary(v: Mapping[str, float]) -> tuple[Verdict, str, Margin | None]:
    first = v["effective_pools_first"]
    if not v["effective_pools_latest"] < first:
        return Verdict.CONTRADICTED, NOT_FEWER_SUMMARY, FEWER_POOLS.at(first)
    summary = FEWER_SUMMARY
    if v["hhi_peak_year"] < v["latest_year"]:
        summary += REVERSED_SUMMARY
    return (
        Verdict.PARTLY_SUPPORTED,
        summary + " Pools are not the miners behind them, so this is one layer only.",
        MORE_POOLS.at(first),
    )


def assess_losing_distributed_nature(
    pool_trend: Mapping[str, float],
    yearly_pool_scenarios: pd.DataFrame,
    quarterly_pool_indices: pd.DataFrame,
    pool_template_groups: pd.DataFrame,
) -> Assessment:
    """Whether block production is spread over fewer pools than before (the pool layer only)."""
    verdict, summary, margin = _distributed_summary(pool_trend)
    return Assessment(
        verdict=verdict,
        summary=summary,
        figures=_figures(pool_trend, "effective_pools_latest"),
        method=DISTRIBUTED_METHOD,
        limits=DISTRIBUTED_LIMITS,
        needs=DISTRIBUTED_NEEDS,
        citations=template_citations(pool_template_groups),
        tables=_trend_tables(yearly_pool_scenarios, quarterly_pool_indices),
        margin=margin,
    )
