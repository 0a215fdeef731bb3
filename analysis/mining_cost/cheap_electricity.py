"""Mining profitability became tied to cheap electricity: the break-even electricity price of
the best machine of each date (the most a miner can pay for electricity and still cover it
from what the network pays per hash), year by year over the ASIC era.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from analysis.measures.energy import (
    break_even_usd_per_kwh,
    efficiency_rows,
    full_years,
    row_at_max,
    row_citations,
    trend_pct_per_year,
    yearly_median,
)
from analysis.measures.trend_interval import Trend, as_pct_per_step, theil_sen
from analysis.mining_cost.network_figures import LATEST_DATE
from analysis.result import Assessment, Figures, FigureSpec, Margin, MarginRule, Verdict

FIGURES = Figures(
    (
        "break_even_last_year",
        "Break-even electricity price of the best machine, median of the last full year",
        "usd_per_kwh",
    ),
    ("last_year", "Last full year", "year"),
    (
        "break_even_first_year",
        "Break-even electricity price of the best machine, first full ASIC year",
        "usd_per_kwh",
    ),
    ("first_year", "First full year after the first named ASIC", "year"),
    ("trend_per_year", "Trend of the break-even price a year (Theil-Sen on logarithms)", "percent"),
    ("trend_low", "Lower end of the trend's confidence interval", "percent"),
    ("trend_high", "Upper end of the trend's confidence interval", "percent"),
    ("trend_least_squares", "Trend by least squares on logarithms, for comparison", "percent"),
    ("years_compared", "Years compared", "count"),
    ("year_changes", "Changes from one year to the next", "count"),
    ("years_falling", "Changes from one year to the next that were falls", "count"),
    ("break_even_peak", "Highest yearly break-even price of the best machine", "usd_per_kwh"),
    ("break_even_peak_year", "Year of that peak", "year"),
    LATEST_DATE,
    ("break_even_latest_best", "Break-even price on that date, best-in-class", "usd_per_kwh"),
    ("break_even_latest_legacy", "Break-even price on that date, older generation", "usd_per_kwh"),
    ("revenue_end", "Last date of the miners' revenue series", "date"),
    ("hashprice_latest", "Revenue per unit of hashrate on that date", "usd_per_th_day"),
)
SUMMARY_FELL = (
    "The most the best available machine could pay for electricity and break even fell "
    "from {break_even_first_year} ({first_year}) to {break_even_last_year} "
    "({last_year}), about {trend_per_year} a year on trend (interval {trend_low} to "
    "{trend_high}). By {latest_date} it was "
    "{break_even_latest_best} for the best machine and {break_even_latest_legacy} for "
    "the older generation."
)
SUMMARY_ROSE = "The break-even electricity price of the best machine rose over the ASIC era."
SUMMARY_UNCLEAR = (
    "The break-even electricity price of the best machine moved from "
    "{break_even_first_year} ({first_year}) to {break_even_last_year} ({last_year}) "
    "without a clear fall: {trend_per_year} a year on trend, with an interval from "
    "{trend_low} to {trend_high} that does not exclude no trend."
)
METHOD = (
    "The break-even electricity price is revenue per unit of hashrate (miners' revenue a "
    "day over network hashrate: {hashprice_latest} on {latest_date}) divided by the "
    "electricity that unit uses in a day at a machine's efficiency. For each date the "
    "best machine available is taken (CBECI's hardware list to its end, then dated rows "
    "of the curated ASIC table from sources not rated low), so the line is the most any "
    "miner could pay. Yearly medians run over full calendar years from the first full "
    "year after the first named ASIC in CBECI's list. The trend is the Theil-Sen slope of "
    "their logarithms (the median of the slopes between every pair of years), chosen "
    "because bull-market years stand out from the line and pull a least-squares fit, with "
    "its distribution-free confidence interval from Kendall's S. Rule: supported if the "
    "whole interval is below no change and the last year is below the first; contradicted "
    "if the whole interval is above it and the last year above the first; partly supported "
    "otherwise. Least squares on the logarithms gives {trend_least_squares} a year, for "
    "comparison; its interval is wider because the peak years weigh on it. The chart adds "
    "the reference ({asic_efficiency_reference_j_per_th}) and older-generation "
    "({asic_efficiency_legacy_j_per_th}) machines from the month each was available, and "
    "the EIA's US industrial price."
)
LIMITS = (
    "The line falls unevenly: bull markets lift it for a while (its highest year was "
    "{break_even_peak_year}, at {break_even_peak}); it fell in {years_falling} of the "
    "{year_changes} changes from one year to the next. The interval treats the years as "
    "independent, and a price that stays high for a while makes it too narrow rather than "
    "too wide. Electricity is not the only cost, so a machine "
    "below its break-even price can still lose money once hardware and hosting are paid. "
    "After {revenue_end}, when blockchain.com's revenue series ends, revenue is the "
    "subsidy of the blocks counted plus the median fee per block since the last halving, "
    "an estimate rather than a measurement. Machine dates are release or shipping months, and several rows rest on reseller "
    "sources."
)
NEEDS = (
    "A census of the machines actually running each year (hashrate-weighted), to give "
    "the break-even price of the average miner rather than of the best machine."
)


def break_even_history(
    network_at_frontier: pd.DataFrame, eff: Mapping[str, float], asic_models: pd.DataFrame
) -> pd.DataFrame:
    """Break-even price over time: at the best machine of each date (``frontier``) and at each
    named efficiency from the month its machine was available. Long format: ``date``,
    ``series``, ``usd_per_kwh``."""
    net = network_at_frontier
    parts = [
        pd.DataFrame({"date": net["date"], "series": "frontier", "usd_per_kwh": net["frontier_be"]})
    ]
    rows = efficiency_rows(asic_models, eff)
    for name, efficiency in eff.items():
        since = rows.loc[rows["efficiency_j_th"] == efficiency, "available_from"].min()
        recent = net[net["date"] >= since] if pd.notna(since) else net.iloc[0:0]
        parts.append(
            pd.DataFrame(
                {
                    "date": recent["date"],
                    "series": name,
                    "usd_per_kwh": break_even_usd_per_kwh(
                        recent["hashprice_usd_per_th_day"], efficiency
                    ),
                }
            )
        )
    return pd.concat(parts, ignore_index=True).dropna(subset=["usd_per_kwh"])


def yearly_frontier(history: pd.DataFrame, first_year: int) -> pd.DataFrame:
    """Median break-even price of the best machine per full calendar year from ``first_year``."""
    frontier = history[history["series"] == "frontier"]
    years = [y for y in full_years(frontier["date"]) if y >= first_year]
    yearly = yearly_median(frontier, "usd_per_kwh")
    return yearly[yearly["year"].isin(years)].reset_index(drop=True)


_FLIP = FigureSpec("trend_flip", "Trend interval end at which the verdict flips", "percent")
FALL_LOST = MarginRule(
    "trend_high",
    _FLIP,
    "above",
    Verdict.PARTLY_SUPPORTED,
    "Partly supported if the upper end of the trend's interval were above {trend_flip}, "
    "that is, if the interval did not exclude no change.",
)
FALL_FOUND = MarginRule(
    "trend_high",
    _FLIP,
    "below",
    Verdict.SUPPORTED,
    "Supported if the upper end of the trend's interval were below {trend_flip} (with the "
    "last year below the first).",
)
RISE_LOST = MarginRule(
    "trend_low",
    _FLIP,
    "below",
    Verdict.PARTLY_SUPPORTED,
    "Partly supported if the lower end of the trend's interval were below {trend_flip}.",
)


def yearly_trend(yearly: pd.DataFrame) -> Trend:
    """Theil-Sen trend of the yearly break-even prices, as a percentage a year."""
    logs = np.log(yearly["usd_per_kwh"].astype("float64").to_numpy())
    return as_pct_per_step(theil_sen(yearly["year"].astype("float64").to_numpy(), logs))


def _verdict(trend: Trend, first: float, last: float) -> tuple[Verdict, str, Margin | None]:
    """The verdict from the interval and the two ends, with the margin on the interval's end
    nearest to no change."""
    if trend.high < 0 and last < first:
        return Verdict.SUPPORTED, SUMMARY_FELL, FALL_LOST.at(0.0)
    if trend.low > 0 and last > first:
        return Verdict.CONTRADICTED, SUMMARY_ROSE, RISE_LOST.at(0.0)
    return Verdict.PARTLY_SUPPORTED, SUMMARY_UNCLEAR, FALL_FOUND.at(0.0)


def assess_cheap_electricity(
    network_at_frontier: pd.DataFrame,
    miners_revenue: pd.DataFrame,
    us_industrial_usd: pd.DataFrame,
    asic_models: pd.DataFrame,
    named_efficiencies: dict[str, float],
    first_full_asic_year: int,
    latest_break_even: dict[str, float],
) -> Assessment:
    """Whether the electricity price at which even the best machine breaks even has fallen."""
    history = break_even_history(network_at_frontier, named_efficiencies, asic_models)
    yearly = yearly_frontier(history, first_full_asic_year)
    trend = yearly_trend(yearly)
    first, last = yearly.iloc[0], yearly.iloc[-1]
    latest = network_at_frontier.iloc[-1]
    figures = FIGURES.fill(
        break_even_last_year=last["usd_per_kwh"],
        last_year=last["year"],
        break_even_first_year=first["usd_per_kwh"],
        first_year=first["year"],
        trend_per_year=trend.slope,
        trend_low=trend.low,
        trend_high=trend.high,
        trend_least_squares=trend_pct_per_year(yearly, "usd_per_kwh"),
        years_compared=len(yearly),
        year_changes=len(yearly) - 1,
        years_falling=int((yearly["usd_per_kwh"].diff() < 0).sum()),
        break_even_peak=yearly["usd_per_kwh"].max(),
        break_even_peak_year=row_at_max(yearly, "usd_per_kwh")["year"],
        latest_date=latest["date"].toordinal(),
        break_even_latest_best=latest_break_even["best"],
        break_even_latest_legacy=latest_break_even["legacy"],
        revenue_end=miners_revenue["date"].max().toordinal(),
        hashprice_latest=latest["hashprice_usd_per_th_day"],
    )
    verdict, summary, margin = _verdict(trend, first["usd_per_kwh"], last["usd_per_kwh"])
    return Assessment(
        verdict=verdict,
        summary=summary,
        figures=figures,
        method=METHOD,
        limits=LIMITS,
        needs=NEEDS,
        citations=row_citations(efficiency_rows(asic_models, named_efficiencies)),
        tables={"history": history, "yearly": yearly, "us_price": us_industrial_usd},
        margin=margin,
    )
