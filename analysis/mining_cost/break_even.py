"""Break-even electricity price: the most a miner can pay for electricity and still cover it
from what the network pays per hash. Assesses the claims that mining became tied to cheap
electricity and that it is increasingly unviable in the United States.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from analysis.measures.energy import (
    asic_era_start,
    break_even_usd_per_kwh,
    efficiency_range,
    efficiency_rows,
    frontier_efficiency,
    full_years,
    machine_efficiencies,
    network_income,
    row_at_max,
    row_at_min,
    row_citations,
    trend_pct_per_year,
    yearly_median,
)
from analysis.result import Assessment, Figure, Verdict

US_INDUSTRIAL = "United States, industrial"  # label of the latest cited US average (curated)
EIA_STATE_ANNUAL = (
    "industrial (average revenue per kWh)"  # consumer_type of EIA's annual state rows
)


def us_state_prices(electricity_prices: pd.DataFrame) -> pd.DataFrame:
    """EIA's annual industrial price rows for US states, latest year only."""
    rows = electricity_prices[
        electricity_prices["location"].str.startswith("United States - ")
        & (electricity_prices["consumer_type"] == EIA_STATE_ANNUAL)
        & electricity_prices["usd_per_kwh_low"].notna()
    ]
    latest: pd.DataFrame = rows[rows["year"] == rows["year"].max()]
    return latest.reset_index(drop=True)


def rounding_half_unit(text: str) -> float:
    """Half a unit of the last digit a price is written to ("0.09" -> 0.005)."""
    digits = "".join(ch for ch in text if ch.isdigit() or ch == ".")
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    return 0.5 * 10.0**-decimals


def break_even_history(
    net: pd.DataFrame, machines: pd.DataFrame, eff: Mapping[str, float], asic_models: pd.DataFrame
) -> pd.DataFrame:
    """Break-even price over time: at the best machine of each date (``frontier``) and at each
    named efficiency from the month its machine was available. Long format: ``date``,
    ``series``, ``usd_per_kwh``."""
    frontier = frontier_efficiency(net["date"], machines)
    parts = [
        pd.DataFrame(
            {
                "date": net["date"],
                "series": "frontier",
                "usd_per_kwh": break_even_usd_per_kwh(net["hashprice_usd_per_th_day"], frontier),
            }
        )
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


def yearly_margins(net: pd.DataFrame, us_price: pd.DataFrame, first_year: int) -> pd.DataFrame:
    """Per full calendar year from ``first_year``: the best machine's median break-even price
    (``frontier_be``), the mean US industrial price (``usd_per_kwh``) and their ``ratio``.

    Only years that both series cover from January to December count, so a partial year is
    never set beside full ones.
    """
    be_year = yearly_median(net, "frontier_be")
    price_year = (
        us_price.groupby(us_price["month"].dt.year.rename("year"))["usd_per_kwh"]
        .mean()
        .reset_index()
    )
    years = set(full_years(net["date"])) & set(full_years(us_price["month"]))
    ratios = be_year.merge(price_year, on="year")
    keep = ratios["year"].isin(years) & (ratios["year"] >= first_year)
    return ratios[keep].assign(ratio=lambda f: f["frontier_be"] / f["usd_per_kwh"])


def _network(
    hashrate: pd.DataFrame,
    difficulty: pd.DataFrame,
    market_price: pd.DataFrame,
    miners_revenue: pd.DataFrame,
    blocks: pd.DataFrame,
    initial_block_subsidy_btc: float,
    subsidy_halving_interval_blocks: float,
    hashes_per_unit_difficulty: float,
) -> pd.DataFrame:
    return network_income(
        hashrate,
        difficulty,
        market_price,
        miners_revenue,
        blocks,
        initial_block_subsidy_btc,
        int(subsidy_halving_interval_blocks),
        hashes_per_unit_difficulty,
    )


def assess_cheap_electricity(
    hashrate: pd.DataFrame,
    difficulty: pd.DataFrame,
    market_price: pd.DataFrame,
    miners_revenue: pd.DataFrame,
    blocks: pd.DataFrame,
    us_industrial_price: pd.DataFrame,
    cbeci_miners: pd.DataFrame,
    asic_models: pd.DataFrame,
    initial_block_subsidy_btc: float,
    subsidy_halving_interval_blocks: float,
    hashes_per_unit_difficulty: float,
    asic_efficiency_best_j_per_th: float,
    asic_efficiency_reference_j_per_th: float,
    asic_efficiency_legacy_j_per_th: float,
) -> Assessment:
    """Whether the electricity price at which even the best machine breaks even has fallen."""
    net = _network(
        hashrate,
        difficulty,
        market_price,
        miners_revenue,
        blocks,
        initial_block_subsidy_btc,
        subsidy_halving_interval_blocks,
        hashes_per_unit_difficulty,
    )
    eff = efficiency_range(
        asic_efficiency_best_j_per_th,
        asic_efficiency_reference_j_per_th,
        asic_efficiency_legacy_j_per_th,
    )
    machines = machine_efficiencies(cbeci_miners, asic_models)
    history = break_even_history(net, machines, eff, asic_models)
    frontier = history[history["series"] == "frontier"]
    start = asic_era_start(cbeci_miners).year + 1
    years = [y for y in full_years(frontier["date"]) if y >= start]
    yearly = yearly_median(frontier, "usd_per_kwh")
    yearly = yearly[yearly["year"].isin(years)].reset_index(drop=True)
    trend = trend_pct_per_year(yearly, "usd_per_kwh")
    first, last = yearly.iloc[0], yearly.iloc[-1]
    fell = int((yearly["usd_per_kwh"].diff() < 0).sum())
    latest = net.iloc[-1]
    figures = [
        Figure(
            "break_even_last_year",
            "Break-even electricity price of the best machine, median of the last full year",
            last["usd_per_kwh"],
            "usd_per_kwh",
        ),
        Figure("last_year", "Last full year", last["year"], "year"),
        Figure(
            "break_even_first_year",
            "Break-even electricity price of the best machine, first full ASIC year",
            first["usd_per_kwh"],
            "usd_per_kwh",
        ),
        Figure("first_year", "First full year after the first named ASIC", first["year"], "year"),
        Figure("trend_per_year", "Trend of the break-even price a year", trend, "percent"),
        Figure("years_compared", "Years compared", len(yearly), "count"),
        Figure("year_changes", "Changes from one year to the next", len(yearly) - 1, "count"),
        Figure("years_falling", "Changes from one year to the next that were falls", fell, "count"),
        Figure(
            "break_even_peak",
            "Highest yearly break-even price of the best machine",
            yearly["usd_per_kwh"].max(),
            "usd_per_kwh",
        ),
        Figure(
            "break_even_peak_year",
            "Year of that peak",
            row_at_max(yearly, "usd_per_kwh")["year"],
            "year",
        ),
        Figure(
            "latest_date", "Latest date of the network data", latest["date"].toordinal(), "date"
        ),
        Figure(
            "break_even_latest_best",
            "Break-even price on that date, best-in-class",
            break_even_usd_per_kwh(float(latest["hashprice_usd_per_th_day"]), eff["best"]),
            "usd_per_kwh",
        ),
        Figure(
            "break_even_latest_legacy",
            "Break-even price on that date, older generation",
            break_even_usd_per_kwh(float(latest["hashprice_usd_per_th_day"]), eff["legacy"]),
            "usd_per_kwh",
        ),
        Figure(
            "revenue_end",
            "Last date of the miners' revenue series",
            miners_revenue["date"].max().toordinal(),
            "date",
        ),
        Figure(
            "hashprice_latest",
            "Revenue per unit of hashrate on that date",
            latest["hashprice_usd_per_th_day"],
            "usd_per_th_day",
        ),
    ]
    if trend < 0 and last["usd_per_kwh"] < first["usd_per_kwh"]:
        verdict = Verdict.SUPPORTED
        summary = (
            "The most the best available machine could pay for electricity and break even fell "
            "from {break_even_first_year} ({first_year}) to {break_even_last_year} "
            "({last_year}), about {trend_per_year} a year on trend. By {latest_date} it was "
            "{break_even_latest_best} for the best machine and {break_even_latest_legacy} for "
            "the older generation."
        )
    elif trend > 0 and last["usd_per_kwh"] > first["usd_per_kwh"]:
        verdict = Verdict.CONTRADICTED
        summary = "The break-even electricity price of the best machine rose over the ASIC era."
    else:
        verdict = Verdict.PARTLY_SUPPORTED
        summary = (
            "The break-even electricity price of the best machine moved from "
            "{break_even_first_year} ({first_year}) to {break_even_last_year} ({last_year}) "
            "without a clear fall ({trend_per_year} a year on trend)."
        )
    us = us_industrial_price.assign(usd_per_kwh=us_industrial_price["cents_per_kwh"] / 100.0)
    return Assessment(
        verdict=verdict,
        summary=summary,
        figures=tuple(figures),
        method=(
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
        ),
        limits=(
            "The line falls unevenly: bull markets lift it for a while (its highest year was "
            "{break_even_peak_year}, at {break_even_peak}); it fell in {years_falling} of the "
            "{year_changes} changes from one year to the next. Electricity is not the only cost, so a machine "
            "below its break-even price can still lose money once hardware and hosting are paid. "
            "After {revenue_end}, when blockchain.com's revenue series ends, revenue is the "
            "subsidy of the blocks counted plus the median fee per block since the last halving, "
            "an estimate rather than a measurement. Machine dates are release or shipping months, and several rows rest on reseller "
            "sources."
        ),
        needs=(
            "A census of the machines actually running each year (hashrate-weighted), to give "
            "the break-even price of the average miner rather than of the best machine."
        ),
        citations=row_citations(efficiency_rows(asic_models, eff)),
        tables={"history": history, "yearly": yearly, "us_price": us},
    )


def assess_us_unviability(
    hashrate: pd.DataFrame,
    difficulty: pd.DataFrame,
    market_price: pd.DataFrame,
    miners_revenue: pd.DataFrame,
    blocks: pd.DataFrame,
    us_industrial_price: pd.DataFrame,
    electricity_prices: pd.DataFrame,
    cbeci_miners: pd.DataFrame,
    asic_models: pd.DataFrame,
    initial_block_subsidy_btc: float,
    subsidy_halving_interval_blocks: float,
    hashes_per_unit_difficulty: float,
    asic_efficiency_best_j_per_th: float,
    asic_efficiency_reference_j_per_th: float,
    asic_efficiency_legacy_j_per_th: float,
) -> Assessment:
    """Whether mining at US industrial prices has become less and less viable."""
    net = _network(
        hashrate,
        difficulty,
        market_price,
        miners_revenue,
        blocks,
        initial_block_subsidy_btc,
        subsidy_halving_interval_blocks,
        hashes_per_unit_difficulty,
    )
    eff = efficiency_range(
        asic_efficiency_best_j_per_th,
        asic_efficiency_reference_j_per_th,
        asic_efficiency_legacy_j_per_th,
    )
    net["frontier_be"] = break_even_usd_per_kwh(
        net["hashprice_usd_per_th_day"],
        frontier_efficiency(net["date"], machine_efficiencies(cbeci_miners, asic_models)),
    )
    us = us_industrial_price.assign(usd_per_kwh=us_industrial_price["cents_per_kwh"] / 100.0)
    start = asic_era_start(cbeci_miners).year + 1
    ratios = yearly_margins(net, us, start)
    latest = net.iloc[-1]
    us_row = electricity_prices[electricity_prices["label"] == US_INDUSTRIAL]
    us_latest = float(us_row["usd_per_kwh_low"].iloc[0])
    be = {
        n: float(break_even_usd_per_kwh(float(latest["hashprice_usd_per_th_day"]), e))
        for n, e in eff.items()
    }
    latest_ratio = float(latest["frontier_be"]) / us_latest
    states = us_state_prices(electricity_prices)
    lowest = row_at_min(ratios, "ratio")
    margin = pd.concat(
        [
            pd.DataFrame(
                {
                    "period": ratios["year"].astype(int).astype(str),
                    "ratio": ratios["ratio"],
                    "kind": "yearly median",
                }
            ),
            pd.DataFrame(
                {
                    "period": [latest["date"].strftime("%Y-%m-%d")],
                    "ratio": [latest_ratio],
                    "kind": ["latest"],
                }
            ),
        ],
        ignore_index=True,
    )
    falling = latest_ratio < float(ratios["ratio"].min())
    tolerance = rounding_half_unit(str(us_row["price"].iloc[0]))
    below = be["reference"] < us_latest - tolerance
    figures = [
        Figure(
            "break_even_reference",
            "Break-even electricity price, reference machine",
            be["reference"],
            "usd_per_kwh",
        ),
        Figure(
            "us_industrial_latest",
            "Latest cited US average industrial price",
            us_latest,
            "usd_per_kwh",
        ),
        Figure(
            "break_even_best",
            "Break-even electricity price, best-in-class",
            be["best"],
            "usd_per_kwh",
        ),
        Figure(
            "break_even_legacy",
            "Break-even electricity price, older generation",
            be["legacy"],
            "usd_per_kwh",
        ),
        Figure(
            "latest_date", "Latest date of the network data", latest["date"].toordinal(), "date"
        ),
        Figure(
            "latest_ratio",
            "Best machine's break-even price over the US industrial price, latest",
            latest_ratio,
            "ratio",
        ),
        Figure(
            "lowest_earlier_ratio",
            "Lowest value of that ratio in a full year before",
            lowest["ratio"],
            "ratio",
        ),
        Figure("lowest_earlier_year", "Year of that lowest value", lowest["year"], "year"),
        Figure(
            "highest_earlier_ratio",
            "Highest value of that ratio in a full year",
            ratios["ratio"].max(),
            "ratio",
        ),
        Figure(
            "highest_earlier_year",
            "Year of that highest value",
            row_at_max(ratios, "ratio")["year"],
            "year",
        ),
        Figure("states_compared", "US states with a cited industrial price", len(states), "count"),
        Figure(
            "states_losing_reference",
            "States whose industrial price is above the reference machine's break-even price",
            int((states["usd_per_kwh_low"] > be["reference"]).sum()),
            "count",
        ),
        Figure(
            "states_losing_legacy",
            "States whose industrial price is above the older generation's break-even price",
            int((states["usd_per_kwh_low"] > be["legacy"]).sum()),
            "count",
        ),
        Figure(
            "states_losing_best",
            "States whose industrial price is above the best machine's break-even price",
            int((states["usd_per_kwh_low"] > be["best"]).sum()),
            "count",
        ),
    ]
    if falling and below:
        verdict = Verdict.SUPPORTED
    elif falling or below:
        verdict = Verdict.PARTLY_SUPPORTED
    else:
        verdict = Verdict.CONTRADICTED
    level = (
        "the reference machine broke even only below {break_even_reference}, under the US "
        "average industrial price of {us_industrial_latest}"
        if below
        else "the reference machine broke even below {break_even_reference}, within the "
        "rounding of the US average industrial price ({us_industrial_latest}), so whether it "
        "still covers its electricity there cannot be told"
    )
    trend = (
        "The best machine's break-even price is now {latest_ratio} times the US price, below "
        "its median in every full year compared (lowest {lowest_earlier_ratio} in "
        "{lowest_earlier_year}; highest {highest_earlier_ratio} in {highest_earlier_year})."
        if falling
        else "The best machine's margin over the US price ({latest_ratio}) is not the lowest "
        "it has been ({lowest_earlier_ratio} in {lowest_earlier_year})."
    )
    summary = (
        "On {latest_date} "
        + level
        + "; the older generation needed under {break_even_legacy}, less than the industrial "
        "price in {states_losing_legacy} of {states_compared} US states with a cited price, and "
        "even the best machine (break-even {break_even_best}) would lose money in "
        "{states_losing_best} of them. "
        + trend
        + " The KuCoin report the article cites was not found, so this checks what the data "
        "say, not what the report says."
    )
    return Assessment(
        verdict=verdict,
        summary=summary,
        figures=tuple(figures),
        method=(
            "The break-even electricity price is revenue per unit of hashrate divided by the "
            "electricity that unit uses in a day at a machine's efficiency. The margin is the "
            "best available machine's break-even price over the US average industrial price: "
            "yearly medians against the EIA's yearly averages, over the full calendar years "
            "both series cover, and on the latest date against the latest cited US industrial "
            "price. Rule: supported if the latest margin is below every yearly one (increasing "
            "unviability) and the reference machine "
            "({asic_efficiency_reference_j_per_th}) no longer breaks even at the US average "
            "industrial price, by more than the rounding of that price; partly supported if only one holds; contradicted if neither. "
            "Before, the lowest yearly margin was {lowest_earlier_ratio} ({lowest_earlier_year})."
        ),
        limits=(
            "The latest US price is rounded to the cent by its source, and the break-even price "
            "of the reference machine is close to it, so that test is near its edge. Averages "
            "hide the cheap contracts large miners sign; state prices are annual averages of an "
            "earlier year. The states with a cited price are not a sample of the country: they "
            "include the dearest and several of the cheapest in EIA's table, so counts of states "
            "are not shares of the United States. The latest margin is one day's, the earlier ones "
            "are yearly medians. Electricity is not the only cost."
        ),
        needs=(
            "Recent industrial prices by state (EIA monthly) and the prices US miners actually "
            "pay (company filings), to set against the break-even price month by month."
        ),
        citations=row_citations(pd.concat([us_row, states])),
        tables={"ratios": ratios, "states": states, "margin": margin},
    )
