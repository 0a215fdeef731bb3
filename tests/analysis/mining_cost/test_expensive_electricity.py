import pandas as pd
import pytest

from analysis.mining_cost.expensive_electricity import assess_expensive_electricity, grid_axes
from analysis.result import Verdict
from tests.analysis import mining_frames as mf


def _assess_expensive(prices: pd.DataFrame):  # type: ignore[no-untyped-def]
    s = mf.series()
    return mf.measured(
        assess_expensive_electricity,
        **s,
        electricity_prices=prices,
        asic_models=mf.asic_models(),
        **mf.PARAMETERS,
    )


def test_expensive_regions_lose_money_when_cost_exceeds_the_bitcoin_price() -> None:
    # break-even at best-in-class: $60,000 / 459,280 kWh = $0.131/kWh
    world = mf.price_row("World, business average", 0.10, location="World", price_basis="business")
    dear = mf.price_row("Dear", 0.20)
    result = _assess_expensive(pd.DataFrame([world, dear]))
    assert result.value("break_even_best") == pytest.approx(mf.PRICE / mf.kwh_per_btc(12.8))
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


def test_real_data_expensive_regions_lose_money(real_tables: dict[str, pd.DataFrame]) -> None:
    t = real_tables
    result = mf.measured(assess_expensive_electricity, **t, **mf.PARAMETERS)
    # the world business average is $0.148/kWh (GlobalPetrolPrices, March 2024)
    assert result.value("world_business_price") == pytest.approx(0.148)
    expensive = result.tables["expensive"]
    assert (expensive["usd_per_kwh_low"] > 0.148).all()
    assert result.verdict in {Verdict.SUPPORTED, Verdict.PARTLY_SUPPORTED}
