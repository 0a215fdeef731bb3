"""What mining costs and pays on the latest network date, named measures computed once per
build: the electricity cost of one bitcoin in each priced region, and the break-even
electricity price at each named efficiency.
"""

from __future__ import annotations

import pandas as pd

from analysis.measures.energy import break_even_usd_per_kwh, regional_costs
from analysis.mining_cost.regions import one_row_per_region
from analysis.result import measure


@measure
def cost_by_region(
    miner_electricity_prices: pd.DataFrame,
    network_income: pd.DataFrame,
    named_efficiencies: dict[str, float],
) -> pd.DataFrame:
    """Electricity cost of one bitcoin on the latest network date, per cited miner price and
    named efficiency (:func:`regional_costs`: ``cost_<name>_low`` and ``cost_<name>_high``),
    with each row's region and kind of source and whether it is the one row counted for its
    region (:func:`one_row_per_region`)."""
    latest = network_income.iloc[-1]
    costs = regional_costs(
        miner_electricity_prices, float(latest["th_per_btc"]), named_efficiencies
    )
    return one_row_per_region(costs)


@measure
def latest_break_even(
    network_income: pd.DataFrame, named_efficiencies: dict[str, float]
) -> dict[str, float]:
    """Break-even electricity price (USD/kWh) on the latest network date, per named efficiency."""
    hashprice = float(network_income.iloc[-1]["hashprice_usd_per_th_day"])
    return {
        name: float(break_even_usd_per_kwh(hashprice, efficiency))
        for name, efficiency in named_efficiencies.items()
    }
