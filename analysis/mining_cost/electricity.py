"""Electricity prices the mining-cost claims compare against: the EIA's monthly US industrial
price in USD, the latest cited US industrial average, EIA's annual state rows, and the cited
prices a miner could pay today.
"""

from __future__ import annotations

import pandas as pd

from analysis.measures.energy import miner_prices
from analysis.result import measure

US_INDUSTRIAL = "United States, industrial"  # label of the latest cited US average (curated)
EIA_STATE_ANNUAL = (
    "industrial (average revenue per kWh)"  # consumer_type of EIA's annual state rows
)


@measure
def us_industrial_usd(us_industrial_price: pd.DataFrame) -> pd.DataFrame:
    """The EIA's monthly US industrial price with ``usd_per_kwh`` (cents / 100)."""
    return us_industrial_price.assign(usd_per_kwh=us_industrial_price["cents_per_kwh"] / 100.0)


@measure
def miner_electricity_prices(
    electricity_prices: pd.DataFrame, electricity_price_oldest_year: float
) -> pd.DataFrame:
    """Cited USD prices a miner could pay now, from the oldest year allowed on
    (:func:`miner_prices`)."""
    return miner_prices(electricity_prices, int(electricity_price_oldest_year))


def cited_us_industrial(electricity_prices: pd.DataFrame) -> pd.DataFrame:
    """The row of the latest cited US average industrial price (empty if there is none)."""
    rows: pd.DataFrame = electricity_prices[electricity_prices["label"] == US_INDUSTRIAL]
    return rows


def us_state_prices(electricity_prices: pd.DataFrame) -> pd.DataFrame:
    """EIA's annual industrial price rows for US states, latest year only."""
    rows = electricity_prices[
        electricity_prices["location"].str.startswith("United States - ")
        & (electricity_prices["consumer_type"] == EIA_STATE_ANNUAL)
        & electricity_prices["usd_per_kwh_low"].notna()
    ]
    latest: pd.DataFrame = rows[rows["year"] == rows["year"].max()]
    return latest.reset_index(drop=True)
