import pandas as pd
import pytest

from analysis.mining_cost.costs import cost_by_region, latest_break_even
from tests.analysis import mining_frames as mf

EFF = {"best": 12.8, "legacy": 29.5}


def _net() -> pd.DataFrame:
    # only the last date counts: 1.2917e11 TH a bitcoin, $0.05 per TH/s a day
    return pd.DataFrame(
        {
            "date": pd.to_datetime(["2025-01-01", "2025-01-05"]),
            "th_per_btc": [5e10, 1.2917e11],
            "hashprice_usd_per_th_day": [0.09, 0.05],
        }
    )


def test_cost_by_region_is_energy_per_bitcoin_times_each_price() -> None:
    prices = pd.DataFrame(
        [mf.price_row("Dear", 0.30), mf.price_row("Range", 0.05, usd_per_kwh_high=0.07)]
    )
    out = cost_by_region(prices, _net(), EFF)
    # sorted by price; 1.2917e11 TH x 12.8 J/TH / 3.6e6 = 459,271 kWh a bitcoin
    assert out["label"].tolist() == ["Range", "Dear"]
    kwh_best = 1.2917e11 * 12.8 / 3.6e6
    assert out["cost_best_low"].tolist() == pytest.approx([0.05 * kwh_best, 0.30 * kwh_best])
    assert out["cost_legacy_high"].iloc[0] == pytest.approx(0.07 * 1.2917e11 * 29.5 / 3.6e6)


def test_latest_break_even_is_hashprice_over_daily_energy() -> None:
    out = latest_break_even(_net(), EFF)
    # 12.8 J/TH x 86,400 s = 0.3072 kWh per TH/s a day
    assert out == pytest.approx({"best": 0.05 / 0.3072, "legacy": 0.05 / 0.708})
