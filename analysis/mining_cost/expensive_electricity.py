"""Mining where electricity is expensive is economically unsustainable: in each region whose
cited price is above the world business average, one bitcoin's electricity against the
bitcoin price, with the break-even sensitivity grid over bitcoin price and machine efficiency.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.measures.energy import energy_per_btc_kwh, row_citations, sensitivity_grid
from analysis.mining_cost.network_figures import (
    BREAK_EVEN_BEST,
    BREAK_EVEN_REFERENCE,
    BTC_PRICE_LATEST,
    LATEST_DATE,
)
from analysis.result import Assessment, Figures, FigureSpec, Margin, MarginRule, Verdict

GRID_EFFICIENCY_STEP = 0.1  # J/TH: rows closer than this are one machine class in the grid
FIGURES = Figures(
    (
        "expensive_losing_best",
        "Expensive regions where even the best machine loses money on electricity",
        "count",
    ),
    ("expensive_regions", "Regions with prices above the world business average", "count"),
    (
        "expensive_losing_reference",
        "Expensive regions losing money at the reference efficiency",
        "count",
    ),
    ("world_business_price", "World average business electricity price", "usd_per_kwh"),
    LATEST_DATE,
    BTC_PRICE_LATEST,
    BREAK_EVEN_BEST,
    BREAK_EVEN_REFERENCE,
    ("grid_price_low", "Lowest bitcoin price in the sensitivity grid", "usd"),
    ("grid_price_high", "Highest bitcoin price in the sensitivity grid", "usd"),
    ("year_start", "First day of the year of network data compared", "date"),
    ("days_compared", "Dates of network data in that year", "count"),
    (
        "days_all_losing_best",
        "Dates on which every expensive region lost money even with the best machine",
        "count",
    ),
    (
        "days_some_losing_reference",
        "Dates on which some expensive region lost money at the reference efficiency",
        "count",
    ),
    (
        "break_even_best_high",
        "Highest break-even price of the best machine in the year",
        "usd_per_kwh",
    ),
    ("break_even_best_high_date", "Date of that highest break-even price", "date"),
    (
        "break_even_reference_low",
        "Lowest break-even price of the reference machine in the year",
        "usd_per_kwh",
    ),
    ("expensive_price_lowest", "Cheapest of the expensive regions' prices", "usd_per_kwh"),
    ("expensive_price_highest", "Dearest of the expensive regions' prices", "usd_per_kwh"),
)
SUMMARY_NONE_EXPENSIVE = (
    "No region with a cited price has electricity dearer than the world business average."
)
SUMMARY_ALL_LOSING = (
    "On every one of the {days_compared} network dates from {year_start}, all {expensive_regions} "
    "regions with electricity dearer than the world business average "
    "({world_business_price}) would have lost money on electricity alone, even with the "
    "best machine: its break-even price peaked at {break_even_best_high}, below the "
    "cheapest of them ({expensive_price_lowest})."
)
SUMMARY_SOME_LOSING = (
    "Over the {days_compared} network dates from {year_start}, the answer depends on the "
    "date: all "
    "{expensive_regions} regions with electricity dearer than the world business average "
    "({world_business_price}) lost money with the best machine on {days_all_losing_best} "
    "dates, and some lost money at the reference efficiency on {days_some_losing_reference}. "
    "On {latest_date}, at {btc_price_latest} a bitcoin, {expensive_losing_best} of them lost "
    "money even with the best machine (break-even {break_even_best}); on "
    "{break_even_best_high_date} its break-even price was {break_even_best_high}, above the "
    "cheapest of them ({expensive_price_lowest})."
)
SUMMARY_NONE_LOSING = (
    "Even in the dearest regions, mining covered its electricity on every date from "
    "{year_start}: the reference machine's break-even price never fell below "
    "{break_even_reference_low}."
)
METHOD = (
    "'Expensive' means a cited current price a miner could pay (as for the cost by "
    "region) above the world average business price ({world_business_price}). In each "
    "such region the electricity cost of one bitcoin is compared with the bitcoin price "
    "on every date of the last year of network data, since one day's price is one point of "
    "a range that went from {grid_price_low} to {grid_price_high}. Rule: supported if all "
    "of them lose money even with the best machine ({asic_efficiency_best_j_per_th}) on "
    "every date; contradicted if none loses money at the reference efficiency "
    "({asic_efficiency_reference_j_per_th}) on any date; partly supported otherwise. The "
    "sensitivity grid gives the break-even electricity price for bitcoin prices "
    "from {grid_price_low} to {grid_price_high} (the range of the last year) and for each "
    "dated machine efficiency, at the latest network difficulty."
)
LIMITS = (
    "Electricity only: hardware, hosting and financing make the real loss larger. Prices "
    "are averages; a miner with a special contract in an expensive state pays less. The "
    "regions' prices are held at their cited values through the year."
)

_CHEAPEST = FigureSpec(
    "expensive_flip", "Break-even price at which the verdict flips", "usd_per_kwh"
)
SOME_DAY_COVERED = MarginRule(
    "break_even_best_high",
    _CHEAPEST,
    "above",
    Verdict.PARTLY_SUPPORTED,
    "Partly supported if the best machine's break-even price had at any time risen above "
    "{expensive_flip}, the cheapest expensive region's price.",
)
EVERY_DAY_LOST = MarginRule(
    "break_even_best_high",
    _CHEAPEST,
    "below",
    Verdict.SUPPORTED,
    "Supported if the best machine's break-even price had stayed below {expensive_flip}, "
    "the cheapest expensive region's price, all year.",
)
SOME_DAY_LOST = MarginRule(
    "break_even_reference_low",
    _CHEAPEST,
    "below",
    Verdict.PARTLY_SUPPORTED,
    "Partly supported if the reference machine's break-even price had at any time fallen "
    "below {expensive_flip}, the dearest expensive region's price.",
)
NEEDS = "Miners' contracted electricity prices by region."


def grid_axes(
    net: pd.DataFrame, asic_models: pd.DataFrame, steps: int = 6
) -> tuple[list[float], list[float]]:
    """Bitcoin prices spanning the last year of data (rounded to the thousand) and the distinct
    efficiencies of dated machines from sources not rated low (values within
    GRID_EFFICIENCY_STEP of a smaller one are merged into it)."""
    year = net[net["date"] > net["date"].max() - pd.DateOffset(years=1)]
    prices = np.linspace(year["price_usd"].min(), year["price_usd"].max(), steps)
    usable = asic_models[
        asic_models["available_from"].notna() & (asic_models["source_level"] != "low")
    ]
    efficiencies: list[float] = []
    for value in sorted(usable["efficiency_j_th"].dropna()):
        if not efficiencies or value - efficiencies[-1] > GRID_EFFICIENCY_STEP:
            efficiencies.append(float(value))
    return [float(p) for p in np.round(prices, -3)], efficiencies


def break_even_over_year(
    network_income: pd.DataFrame, named_efficiencies: dict[str, float]
) -> pd.DataFrame:
    """Each day of the last year of network data: the break-even electricity price (the
    price at which one bitcoin's electricity costs the bitcoin) per named efficiency."""
    net = network_income
    year = net[net["date"] > net["date"].max() - pd.DateOffset(years=1)]
    frame = pd.DataFrame({"date": year["date"]})
    for name, efficiency in named_efficiencies.items():
        kwh = energy_per_btc_kwh(year["th_per_btc"], efficiency)
        frame[name] = year["price_usd"] / kwh
    return frame.reset_index(drop=True)


def _verdict(prices: pd.Series, year: pd.DataFrame) -> tuple[Verdict, str, Margin | None]:
    """Over the year: every region losing with the best machine every day, none losing at
    the reference efficiency on any day, or in between; with the margin that would flip it."""
    if prices.empty:
        return Verdict.NOT_CHECKABLE, SUMMARY_NONE_EXPENSIVE, None
    cheapest, dearest = float(prices.min()), float(prices.max())
    if cheapest > year["best"].max():
        return Verdict.SUPPORTED, SUMMARY_ALL_LOSING, SOME_DAY_COVERED.at(cheapest)
    if dearest <= year["reference"].min():
        return Verdict.CONTRADICTED, SUMMARY_NONE_LOSING, SOME_DAY_LOST.at(dearest)
    return Verdict.PARTLY_SUPPORTED, SUMMARY_SOME_LOSING, EVERY_DAY_LOST.at(cheapest)


def assess_expensive_electricity(
    network_income: pd.DataFrame,
    cost_by_region: pd.DataFrame,
    named_efficiencies: dict[str, float],
    latest_break_even: dict[str, float],
    electricity_prices: pd.DataFrame,
    asic_models: pd.DataFrame,
) -> Assessment:
    """Whether mining loses money where electricity costs more than the world business average."""
    latest = network_income.iloc[-1]
    price = float(latest["price_usd"])
    world_row = electricity_prices[electricity_prices["location"] == "World"]
    world = float(world_row["usd_per_kwh_low"].iloc[0])
    regions = cost_by_region[cost_by_region["counted"]]
    expensive = regions[regions["usd_per_kwh_low"] > world]
    losing = {n: int((expensive[f"cost_{n}_low"] > price).sum()) for n in named_efficiencies}
    prices = expensive["usd_per_kwh_low"]
    year = break_even_over_year(network_income, named_efficiencies)
    high = year.iloc[int(year["best"].to_numpy().argmax())] if len(year) else None
    btc_prices, efficiencies = grid_axes(network_income, asic_models)
    grid = sensitivity_grid(float(latest["th_per_btc"]), btc_prices, efficiencies)
    figures = FIGURES.fill(
        expensive_losing_best=losing["best"],
        expensive_regions=len(expensive),
        expensive_losing_reference=losing["reference"],
        world_business_price=world,
        latest_date=latest["date"].toordinal(),
        btc_price_latest=price,
        break_even_best=latest_break_even["best"],
        break_even_reference=latest_break_even["reference"],
        grid_price_low=min(btc_prices),
        grid_price_high=max(btc_prices),
        year_start=year["date"].min().toordinal() if len(year) else None,
        days_compared=len(year),
        days_all_losing_best=int((year["best"] < prices.min()).sum()) if len(prices) else 0,
        days_some_losing_reference=(
            int((year["reference"] < prices.max()).sum()) if len(prices) else 0
        ),
        break_even_best_high=high["best"] if high is not None else None,
        break_even_best_high_date=high["date"].toordinal() if high is not None else None,
        break_even_reference_low=year["reference"].min() if len(year) else None,
        expensive_price_lowest=prices.min() if len(prices) else None,
        expensive_price_highest=prices.max() if len(prices) else None,
    )
    verdict, summary, margin = _verdict(prices, year)
    return Assessment(
        verdict=verdict,
        summary=summary,
        figures=figures,
        method=METHOD,
        limits=LIMITS,
        needs=NEEDS,
        citations=row_citations(pd.concat([world_row, expensive])),
        tables={"grid": grid, "expensive": expensive, "year": year},
        margin=margin,
    )
