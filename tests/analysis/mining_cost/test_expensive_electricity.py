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


WORLD = mf.price_row("World, business average", 0.10, location="World", price_basis="business")


def test_expensive_regions_are_judged_on_every_day_of_the_year() -> None:
    # on the latest day the best machine breaks even at $60,000 / 459,280 kWh = $0.131/kWh,
    # but around the halving in the hand-made chain one day's income lifted it to $0.235/kWh
    result = _assess_expensive(pd.DataFrame([WORLD, mf.price_row("Dear", 0.20)]))
    assert result.value("break_even_best") == pytest.approx(mf.PRICE / mf.kwh_per_btc(12.8))
    year = result.tables["year"]
    # the daily line, made from price and terahashes per bitcoin, meets the latest
    # break-even price made from revenue per terahash
    assert year["best"].iloc[-1] == pytest.approx(result.value("break_even_best"))
    assert result.value("break_even_best_high") == pytest.approx(year["best"].max())
    assert result.value("break_even_best_high") > 0.20
    assert result.value("expensive_regions") == 1 and result.value("expensive_losing_best") == 1
    # lost on the latest day, covered on the day of the high: partly supported
    assert result.verdict is Verdict.PARTLY_SUPPORTED
    assert result.value("days_all_losing_best") == (year["best"] < 0.20).sum() < len(year)
    assert result.margin is not None and result.margin.flips_to is Verdict.SUPPORTED
    assert result.margin.threshold.value == pytest.approx(0.20)


def test_a_region_dearer_than_the_years_highest_break_even_is_supported() -> None:
    high = _assess_expensive(pd.DataFrame([WORLD, mf.price_row("Dear", 0.20)]))
    above = float(high.value("break_even_best_high") or 0) + 0.01
    result = _assess_expensive(pd.DataFrame([WORLD, mf.price_row("Dearer", above)]))
    assert result.verdict is Verdict.SUPPORTED
    assert result.value("days_all_losing_best") == result.value("days_compared")
    assert result.margin is not None and result.margin.flips_to is Verdict.PARTLY_SUPPORTED
    assert result.margin.threshold.value == pytest.approx(above)


def test_no_region_losing_on_any_day_contradicts_the_claim() -> None:
    # the reference machine's lowest break-even price is the latest day's, $0.0955/kWh
    low_world = mf.price_row(
        "World, business average", 0.08, location="World", price_basis="business"
    )
    cheapish = mf.price_row("Cheapish", 0.09, location="Somewhere")
    result = _assess_expensive(pd.DataFrame([low_world, cheapish]))
    assert result.value("break_even_reference_low") == pytest.approx(
        mf.PRICE / mf.kwh_per_btc(17.5)
    )
    assert result.verdict is Verdict.CONTRADICTED
    assert result.value("days_some_losing_reference") == 0
    assert result.margin is not None and result.margin.deciding == "break_even_reference_low"
    assert result.margin.threshold.value == pytest.approx(0.09)


def test_no_region_dearer_than_the_world_average_is_not_checkable_without_a_margin() -> None:
    result = _assess_expensive(pd.DataFrame([WORLD, mf.price_row("Cheap", 0.05)]))
    assert result.value("expensive_regions") == 0
    assert result.verdict is Verdict.NOT_CHECKABLE and result.margin is None


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
    # the year's range: the highest daily break-even of the best machine, recomputed from
    # the table's own columns
    year = result.tables["year"]
    assert len(year) == result.value("days_compared") > 80  # a date every fourth day
    assert result.value("break_even_best_high") == pytest.approx(year["best"].max())
