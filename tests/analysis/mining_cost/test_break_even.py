import numpy as np
import pandas as pd
import pytest

from analysis.measures.energy import machine_efficiencies
from analysis.measures.issuance import interpolate_at
from analysis.mining_cost.break_even import (
    assess_cheap_electricity,
    assess_us_unviability,
    break_even_history,
    rounding_half_unit,
    us_state_prices,
    yearly_margins,
)
from analysis.result import Verdict
from tests.analysis import mining_frames as mf

EFF = {"best": 12.8, "reference": 17.5, "legacy": 29.5}
PARAMS = {
    "initial_block_subsidy_btc": 50.0,
    "subsidy_halving_interval_blocks": 210_000.0,
    "hashes_per_unit_difficulty": 2.0**32,
    "asic_efficiency_best_j_per_th": EFF["best"],
    "asic_efficiency_reference_j_per_th": EFF["reference"],
    "asic_efficiency_legacy_j_per_th": EFF["legacy"],
}


def test_rounding_half_unit_reads_the_written_precision() -> None:
    assert rounding_half_unit("0.09") == pytest.approx(0.005)
    assert rounding_half_unit("0.148") == pytest.approx(0.0005)
    assert rounding_half_unit("6") == pytest.approx(0.5)


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


def test_break_even_history_starts_each_named_machine_when_it_was_available() -> None:
    net = pd.DataFrame(
        {
            "date": pd.to_datetime(["2023-01-01", "2024-01-01"]),
            "hashprice_usd_per_th_day": [0.06, 0.05],
        }
    )
    asic = pd.DataFrame(
        [
            mf.asic_row("Reference", 17.5, "2023-09-01"),
            mf.asic_row("Legacy", 29.5, "2021-12-01"),
        ]
    )
    cbeci = pd.DataFrame(
        {
            "miner": ["Antminer S19 Pro"],
            "released": pd.to_datetime(["2020-05-01"]),
            "efficiency_j_gh": [0.02955],
            "quantity": [1],
        }
    )
    machines = machine_efficiencies(cbeci, asic)
    out = break_even_history(net, machines, {"reference": 17.5, "legacy": 29.5}, asic)
    ref = out[out["series"] == "reference"]
    assert ref["date"].tolist() == [pd.Timestamp("2024-01-01")]
    # $0.05 per TH/s a day over 17.5 J/TH x 86,400 s / 3.6e6 = 0.42 kWh
    assert ref["usd_per_kwh"].iloc[0] == pytest.approx(0.05 / 0.42)
    frontier = out[out["series"] == "frontier"]
    # best machine on 2024-01-01 is the reference one (17.5 < 29.5 < 29.55)
    assert frontier["usd_per_kwh"].iloc[1] == pytest.approx(0.05 / 0.42)
    assert frontier["usd_per_kwh"].iloc[0] == pytest.approx(0.06 / (29.5 * 0.024))


def test_yearly_margins_keep_only_years_both_series_cover_in_full() -> None:
    # break-even every fortnight from 2020 to May 2022 (0.20 $/kWh in 2020, 0.30 in 2021,
    # 0.10 in 2022); US prices monthly from January 2020 to May 2022 at 0.05, 0.06, 0.08
    dates = pd.Series(pd.date_range("2020-01-01", "2022-05-31", freq="14D"))
    level = {2020: 0.20, 2021: 0.30, 2022: 0.10}
    net = pd.DataFrame({"date": dates, "frontier_be": dates.dt.year.map(level)})
    months = pd.Series(pd.date_range("2020-01-01", "2022-05-01", freq="MS"))
    us = pd.DataFrame(
        {"month": months, "usd_per_kwh": months.dt.year.map({2020: 0.05, 2021: 0.06, 2022: 0.08})}
    )
    margins = yearly_margins(net, us, 2021)
    # 2020 is before the first year asked for; 2022 covers only January to May
    assert margins["year"].tolist() == [2021]
    assert margins["ratio"].iloc[0] == pytest.approx(0.30 / 0.06)
    assert yearly_margins(net, us, 2020)["ratio"].tolist() == pytest.approx([4.0, 5.0])


# ---- real data -------------------------------------------------------------------------


def test_real_data_break_even_of_the_best_machine_fell(
    real_tables: dict[str, pd.DataFrame],
) -> None:
    t = real_tables
    result = assess_cheap_electricity(
        hashrate=t["hashrate"],
        difficulty=t["difficulty"],
        market_price=t["market_price"],
        miners_revenue=t["miners_revenue"],
        blocks=t["blocks"],
        us_industrial_price=t["us_industrial_price"],
        cbeci_miners=t["cbeci_miners"],
        asic_models=t["asic_models"],
        **PARAMS,
    )
    assert result.verdict is Verdict.SUPPORTED
    # the first full year after CBECI's first named ASIC (Antminer S3, July 2014)
    assert result.value("first_year") == 2015
    # recomputed by hand for one date: 1 January 2016, when the best machine in CBECI's
    # list was the Antminer S7 (0.27336 J/GH = 273.36 J/TH): revenue / hashrate / energy
    day = pd.Series([pd.Timestamp("2016-01-01")])
    revenue = interpolate_at(day, t["miners_revenue"], "revenue_usd_per_day").iloc[0]
    hashrate = interpolate_at(day, t["hashrate"], "hashrate_ths").iloc[0]
    by_hand = revenue / hashrate / (273.36 * 86_400 / 3.6e6)
    history = result.tables["history"]
    frontier = history[history["series"] == "frontier"]
    nearby = frontier[(frontier["date"] - day.iloc[0]).abs() <= pd.Timedelta(days=2)]
    assert not nearby.empty
    # the hashrate grid date is within two days, so allow the few percent a day moves it
    assert nearby["usd_per_kwh"].iloc[0] == pytest.approx(by_hand, rel=0.05)


def test_real_data_us_margin_shrank_but_the_reference_test_is_within_rounding(
    real_tables: dict[str, pd.DataFrame],
) -> None:
    t = real_tables
    result = assess_us_unviability(
        hashrate=t["hashrate"],
        difficulty=t["difficulty"],
        market_price=t["market_price"],
        miners_revenue=t["miners_revenue"],
        blocks=t["blocks"],
        us_industrial_price=t["us_industrial_price"],
        electricity_prices=t["electricity_prices"],
        cbeci_miners=t["cbeci_miners"],
        asic_models=t["asic_models"],
        **PARAMS,
    )
    latest = result.value("latest_ratio")
    lowest = result.value("lowest_earlier_ratio")
    assert latest is not None and lowest is not None and latest < lowest
    # the EIA series ends in May 2023, so 2022 is the last full year set beside the latest day
    assert result.tables["ratios"]["year"].max() == 2022
    # nineteen state rows from EIA's 2023 annual table are in the curated prices
    assert result.value("states_compared") == 19
    be_ref = result.value("break_even_reference")
    assert be_ref is not None
    # the verdict follows the rule: the reference machine's break-even price must be below
    # the US price by more than its rounding ($0.09 +/- $0.005) to count as "unviable"
    below = be_ref < 0.09 - 0.005
    assert result.verdict is (Verdict.SUPPORTED if below else Verdict.PARTLY_SUPPORTED)
    # the break-even prices scale inversely with efficiency
    best, legacy = result.value("break_even_best"), result.value("break_even_legacy")
    assert best is not None and legacy is not None
    assert best * 12.8 == pytest.approx(be_ref * 17.5)
    assert legacy * 29.5 == pytest.approx(be_ref * 17.5)
    assert np.isfinite(latest)
