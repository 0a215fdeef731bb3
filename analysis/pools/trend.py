"""Whether pool concentration rose since the first year of blocks and whether block
production is spread over fewer pools: yearly and quarterly HHI, top-two share, Nakamoto
coefficient and equivalent equal pools, with the pools seen sharing a template as one.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from analysis.measures.pool_shares import pool_concentration, slope_per_year, utc_naive
from analysis.measures.template_sharing import template_citations
from analysis.pools.scenarios import quarterly_indices, row_of, side_of, yearly_scenarios
from analysis.result import Assessment, Figure, Verdict


def _trend_figures(
    blocks: pd.DataFrame, template_groups: pd.DataFrame, majority: float
) -> tuple[list[Figure], pd.DataFrame]:
    yearly = yearly_scenarios(blocks, template_groups, majority)
    alone = yearly[yearly["scenario"] == "separate pools"].reset_index(drop=True)
    grouped = yearly[yearly["scenario"] == "template groups (with possible)"]
    first, latest = int(alone["period"].min()), int(alone["period"].max())
    start, end = row_of(alone, first), row_of(alone, latest)
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
            row_of(grouped, first)["hhi"],
            "hhi",
        ),
        Figure(
            "hhi_grouped_latest",
            "Latest-year HHI, template groups as one pool",
            row_of(grouped, latest)["hhi"],
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
            + side_of(v["hhi_peak"], merger_guidelines_hhi_high)
            + " and the latest "
            + side_of(v["hhi_latest"], merger_guidelines_hhi_high)
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
            "indices_quarterly": quarterly_indices(blocks, pool_template_groups),
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
            "indices_quarterly": quarterly_indices(blocks, pool_template_groups),
            "concentration_yearly": yearly,
        },
    )
