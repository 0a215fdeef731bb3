"""Mining where electricity is expensive is economically unsustainable: in each region whose
cited price is above the world business average, one bitcoin's electricity against the
bitcoin price, with the break-even sensitivity grid over bitcoin price and machine efficiency.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.measures.energy import row_citations, sensitivity_grid
from analysis.result import Assessment, Figures, Verdict

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
    ("latest_date", "Latest date of the network data", "date"),
    ("btc_price_latest", "Bitcoin price on that date", "usd"),
    ("break_even_best", "Break-even electricity price, best-in-class", "usd_per_kwh"),
    ("break_even_reference", "Break-even electricity price, reference machine", "usd_per_kwh"),
    ("grid_price_low", "Lowest bitcoin price in the sensitivity grid", "usd"),
    ("grid_price_high", "Highest bitcoin price in the sensitivity grid", "usd"),
)
SUMMARY_NONE_EXPENSIVE = (
    "No region with a cited price has electricity dearer than the world business average."
)
SUMMARY_ALL_LOSING = (
    "In all {expensive_regions} regions with electricity dearer than the world business "
    "average ({world_business_price}), one bitcoin's electricity cost more than the "
    "bitcoin itself ({btc_price_latest}) on {latest_date}, even with the best machine, "
    "which breaks even only below {break_even_best}."
)
SUMMARY_SOME_LOSING = (
    "Of {expensive_regions} regions with electricity dearer than the world business "
    "average, {expensive_losing_reference} lose money at the reference efficiency but "
    "only {expensive_losing_best} with the best machine (break-even {break_even_best})."
)
SUMMARY_NONE_LOSING = (
    "Even in the dearest regions, mining covered its electricity on {latest_date}."
)
METHOD = (
    "'Expensive' means a cited current price a miner could pay (as for the cost by "
    "region) above the world average business price ({world_business_price}). In each "
    "such region the electricity cost of one bitcoin is compared with the bitcoin price "
    "on the latest date. Rule: supported if all of them lose money even with the best "
    "machine ({asic_efficiency_best_j_per_th}); partly supported if some lose money at the "
    "reference efficiency ({asic_efficiency_reference_j_per_th}); contradicted if none "
    "does. The sensitivity grid gives the break-even electricity price for bitcoin prices "
    "from {grid_price_low} to {grid_price_high} (the range of the last year) and for each "
    "dated machine efficiency, at the latest network difficulty."
)
LIMITS = (
    "Electricity only: hardware, hosting and financing make the real loss larger. Prices "
    "are averages; a miner with a special contract in an expensive state pays less. The "
    "bitcoin price on the latest date was low for the year, which deepens the losses."
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


def _verdict(expensive: pd.DataFrame, losing: dict[str, int]) -> tuple[Verdict, str]:
    if expensive.empty:
        return Verdict.NOT_CHECKABLE, SUMMARY_NONE_EXPENSIVE
    if losing["best"] == len(expensive):
        return Verdict.SUPPORTED, SUMMARY_ALL_LOSING
    if losing["reference"] > 0:
        return Verdict.PARTLY_SUPPORTED, SUMMARY_SOME_LOSING
    return Verdict.CONTRADICTED, SUMMARY_NONE_LOSING


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
    regions = cost_by_region
    expensive = regions[(regions["usd_per_kwh_low"] > world) & (regions["location"] != "World")]
    losing = {n: int((expensive[f"cost_{n}_low"] > price).sum()) for n in named_efficiencies}
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
    )
    verdict, summary = _verdict(expensive, losing)
    return Assessment(
        verdict=verdict,
        summary=summary,
        figures=figures,
        method=METHOD,
        limits=LIMITS,
        needs=NEEDS,
        citations=row_citations(pd.concat([world_row, expensive])),
        tables={"grid": grid, "expensive": expensive},
    )
