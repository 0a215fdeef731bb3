import pandas as pd
import pytest

from analysis.mining_cost.electricity import (
    cited_us_industrial,
    miner_electricity_prices,
    us_industrial_usd,
    us_state_prices,
)
from tests.analysis import mining_frames as mf


def test_us_industrial_usd_is_cents_over_a_hundred() -> None:
    us = pd.DataFrame({"month": pd.to_datetime(["2023-05-01"]), "cents_per_kwh": [8.26]})
    assert us_industrial_usd(us)["usd_per_kwh"].tolist() == pytest.approx([0.0826])


def test_miner_prices_keep_kinds_a_miner_pays_from_the_oldest_year() -> None:
    prices = pd.DataFrame(
        [
            mf.price_row("Household", 0.40, price_basis="household"),
            mf.price_row("Old", 0.40, year=2019),
            mf.price_row("Tariff", 0.05, price_basis="miner tariff", year=2023),
            mf.price_row("United States, industrial", 0.09),
        ]
    )
    kept = miner_electricity_prices(prices, 2023.0)
    assert kept["label"].tolist() == ["Tariff", "United States, industrial"]
    assert cited_us_industrial(prices)["usd_per_kwh_low"].tolist() == [0.09]
    assert cited_us_industrial(prices.iloc[:2]).empty


def test_us_state_prices_keep_eia_annual_state_rows_of_the_latest_year() -> None:
    annual = "industrial (average revenue per kWh)"
    prices = pd.DataFrame(
        [
            mf.price_row(
                "Texas", 0.066, location="United States - Texas", consumer_type=annual, year=2023
            ),
            mf.price_row(
                "Texas", 0.06, location="United States - Texas", consumer_type=annual, year=2022
            ),
            mf.price_row(
                "NY",
                0.0826,
                location="United States - New York",
                consumer_type="industrial (ytd)",
                year=2024,
            ),
            mf.price_row("US", 0.09, location="United States (national)", year=2025),
        ]
    )
    out = us_state_prices(prices)
    assert out["usd_per_kwh_low"].tolist() == [0.066]


# ---- real data -------------------------------------------------------------------------


def test_curated_prices_convert_the_source_units_faithfully(
    real_tables: dict[str, pd.DataFrame],
) -> None:
    prices = real_tables["electricity_prices"]
    per_unit = {"USD/kWh": 1.0, "US cents/kWh": 0.01, "USD/MWh": 0.001}
    checked = 0
    for _, row in prices[prices["currency"] == "USD"].iterrows():
        text = str(row["price"])
        try:
            number = float(text)
        except ValueError:
            continue  # ranges and pairs were split by hand; see the normalisation column
        if row["unit"] in per_unit and pd.notna(row["usd_per_kwh_low"]):
            assert row["usd_per_kwh_low"] == pytest.approx(number * per_unit[row["unit"]])
            checked += 1
    assert checked >= 25
    # the state rows added from EIA's 2023 table quote the number they hold
    added = prices[prices["notes"].fillna("").str.startswith("added row")]
    assert len(added) == 13
    for _, row in added.iterrows():
        assert f"{row['usd_per_kwh_low'] * 100:.2f}" in row["excerpt"]
    # no price in another currency has a USD value (no cited exchange rate)
    assert prices.loc[prices["currency"] != "USD", "usd_per_kwh_low"].isna().all()
