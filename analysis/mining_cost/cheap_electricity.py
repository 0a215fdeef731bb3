"""Mining profitability became tied to cheap electricity: the break-even electricity price of
the best machine of each date (the most a miner can pay for electricity and still cover it
from what the network pays per hash), year by year over the ASIC era.
"""

from __future__ import annotations

from collections.abc import Mapping

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
from analysis.result import Assessment, Figures, Verdict

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
    ("trend_per_year", "Trend of the break-even price a year", "percent"),
    ("years_compared", "Years compared", "count"),
    ("year_changes", "Changes from one year to the next", "count"),
    ("years_falling", "Changes from one year to the next that were falls", "count"),
    ("break_even_peak", "Highest yearly break-even price of the best machine", "usd_per_kwh"),
    ("break_even_peak_year", "Year of that peak", "year"),
    ("latest_date", "Latest date of the network data", "date"),
    ("break_even_latest_best", "Break-even price on that date, best-in-class", "usd_per_kwh"),
    ("break_even_latest_legacy", "Break-even price on that date, older generation", "usd_per_kwh"),
    ("revenue_end", "Last date of the miners' revenue series", "date"),
    ("hashprice_latest", "Revenue per unit of hashrate on that date", "usd_per_th_day"),
)
SUMMARY_FELL = (
    "The most the best available machine could pay for electricity and break even fell "
    "from {break_even_first_year} ({first_year}) to {break_even_last_year} "
    "({last_year}), about {trend_per_year} a year on trend. By {latest_date} it was "
    "{break_even_latest_best} for the best machine and {break_even_latest_legacy} for "
    "the older generation."
)
SUMMARY_ROSE = "The break-even electricity price of the best machine rose over the ASIC era."
SUMMARY_UNCLEAR = (
    "The break-even electricity price of the best machine moved from "
    "{break_even_first_year} ({first_year}) to {break_even_last_year} ({last_year}) "
    "without a clear fall ({trend_per_year} a year on trend)."
)
METHOD = (
    "The break-even electricity price is revenue per unit of hashrate (miners' revenue a "
    "day over network hashrate: {hashprice_latest} on {latest_date}) divided by the "
    "electricity that unit uses in a day at a machine's efficiency. For each date the "
    "best machine available is taken (CBECI's hardware list to its end, then dated rows "
    "of the curated ASIC table from sources not rated low), so the line is the most any "
    "miner could pay. Yearly medians run over full calendar years from the first full "
    "year after the first named ASIC in CBECI's list. Rule: supported if the log-linear "
    "trend of the yearly medians is downward and the last year is below the first; "
    "contradicted if both go the other way; partly supported otherwise. The chart adds "
    "the reference ({asic_efficiency_reference_j_per_th}) and older-generation "
    "({asic_efficiency_legacy_j_per_th}) machines from the month each was available, and "
    "the EIA's US industrial price."
)
LIMITS = (
    "The line falls unevenly: bull markets lift it for a while (its highest year was "
    "{break_even_peak_year}, at {break_even_peak}); it fell in {years_falling} of the "
    "{year_changes} changes from one year to the next. Electricity is not the only cost, so a machine "
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


def _verdict(trend: float, first: float, last: float) -> tuple[Verdict, str]:
    if trend < 0 and last < first:
        return Verdict.SUPPORTED, SUMMARY_FELL
    if trend > 0 and last > first:
        return Verdict.CONTRADICTED, SUMMARY_ROSE
    return Verdict.PARTLY_SUPPORTED, SUMMARY_UNCLEAR


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
    trend = trend_pct_per_year(yearly, "usd_per_kwh")
    first, last = yearly.iloc[0], yearly.iloc[-1]
    latest = network_at_frontier.iloc[-1]
    figures = FIGURES.fill(
        break_even_last_year=last["usd_per_kwh"],
        last_year=last["year"],
        break_even_first_year=first["usd_per_kwh"],
        first_year=first["year"],
        trend_per_year=trend,
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
    verdict, summary = _verdict(trend, first["usd_per_kwh"], last["usd_per_kwh"])
    return Assessment(
        verdict=verdict,
        summary=summary,
        figures=figures,
        method=METHOD,
        limits=LIMITS,
        needs=NEEDS,
        citations=row_citations(efficiency_rows(asic_models, named_efficiencies)),
        tables={"history": history, "yearly": yearly, "us_price": us_industrial_usd},
    )
