import pandas as pd
import pytest

from analysis.mining_cost.expensive_electricity import assess_expensive_electricity, grid_axes
from analysis.result import Verdict
from tests.analysis import mining_frames as mf

EFF = {"best": 12.8, "reference": 17.5, "legacy": 29.5}
PARAMS = {
    "initial_block_subsidy_btc": 50.0,
    "subsidy_halving_interval_blocks": 210_000.0,
    "hashes_per_unit_difficulty": mf.HASHES_PER_DIFFICULTY,
    "asic_efficiency_best_j_per_th": EFF["best"],
    "asic_efficiency_reference_j_per_th": EFF["reference"],
    "asic_efficiency_legacy_j_per_th": EFF["legacy"],
    "electricity_price_oldest_year": 2023.0,
}
# Hand calculation for the hand-made chain: a block takes 1e14 x 2^32 hashes
# (429,496,729,600 TH) and earns 3.125 + 0.2 BTC, so a bitcoin takes 1.2917e11 TH.
TH_PER_BTC = 1e14 * 2**32 / 1e12 / 3.325


def _kwh(efficiency: float) -> float:
    return TH_PER_BTC * efficiency / 3.6e6


def _asic() -> pd.DataFrame:
    return pd.DataFrame(
        [
            mf.asic_row("Best", EFF["best"], "2025-10-01", "high"),
            mf.asic_row("Reference", EFF["reference"], "2023-09-01"),
            mf.asic_row("Legacy", EFF["legacy"], "2021-12-01"),
        ]
    )


def _assess_expensive(prices: pd.DataFrame):  # type: ignore[no-untyped-def]
    s = mf.series()
    params = {k: v for k, v in PARAMS.items()}
    return mf.measured(
        assess_expensive_electricity, **s, electricity_prices=prices, asic_models=_asic(), **params
    )


def test_expensive_regions_lose_money_when_cost_exceeds_the_bitcoin_price() -> None:
    # break-even at best-in-class: $60,000 / 459,280 kWh = $0.131/kWh
    world = mf.price_row("World, business average", 0.10, location="World", price_basis="business")
    dear = mf.price_row("Dear", 0.20)
    result = _assess_expensive(pd.DataFrame([world, dear]))
    assert result.value("break_even_best") == pytest.approx(mf.PRICE / _kwh(12.8))
    assert result.value("expensive_regions") == 1
    assert result.verdict is Verdict.SUPPORTED
    # at $0.12/kWh the best machine covers its power (0.12 < 0.131) but the reference one
    # does not (break-even $0.0955/kWh)
    middling = mf.price_row("Middling", 0.12)
    assert _assess_expensive(pd.DataFrame([world, middling])).verdict is Verdict.PARTLY_SUPPORTED
    cheapish = mf.price_row("Cheapish", 0.09, location="Somewhere")
    low_world = mf.price_row(
        "World, business average", 0.08, location="World", price_basis="business"
    )
    assert _assess_expensive(pd.DataFrame([low_world, cheapish])).verdict is Verdict.CONTRADICTED


def test_grid_axes_span_the_last_year_and_merge_near_equal_efficiencies() -> None:
    net = pd.DataFrame(
        {
            "date": pd.date_range("2025-01-01", periods=3, freq="200D"),
            "price_usd": [50_400.0, 80_000.0, 99_600.0],
        }
    )
    asic = pd.DataFrame(
        [
            mf.asic_row("A", 29.5, "2021-12-01"),
            mf.asic_row("B", 29.55, "2020-02-01"),
            mf.asic_row("C", 17.5, "2023-09-01"),
            mf.asic_row("D", 12.0, "2024-12-01", level="low"),
        ]
    )
    prices, effs = grid_axes(net, asic, steps=3)
    # the first date is more than a year before the last, so its price is left out
    assert prices == [80_000.0, 90_000.0, 100_000.0]
    assert effs == [17.5, 29.5]


# ---- real data -------------------------------------------------------------------------


def _params_real() -> dict[str, float]:
    return {**PARAMS, "hashes_per_unit_difficulty": 2.0**32}


def test_real_data_expensive_regions_lose_money(real_tables: dict[str, pd.DataFrame]) -> None:
    t = real_tables
    result = mf.measured(assess_expensive_electricity, **t, **_params_real())
    # the world business average is $0.148/kWh (GlobalPetrolPrices, March 2024)
    assert result.value("world_business_price") == pytest.approx(0.148)
    expensive = result.tables["expensive"]
    assert (expensive["usd_per_kwh_low"] > 0.148).all()
    assert result.verdict in {Verdict.SUPPORTED, Verdict.PARTLY_SUPPORTED}
