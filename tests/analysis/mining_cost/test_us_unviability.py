import numpy as np
import pandas as pd
import pytest

from analysis.mining_cost.us_unviability import (
    assess_us_unviability,
    margin_table,
    rounding_half_unit,
    yearly_margins,
)
from analysis.result import Verdict
from tests.analysis import mining_frames as mf


def test_rounding_half_unit_reads_the_written_precision() -> None:
    assert rounding_half_unit("0.09") == pytest.approx(0.005)
    assert rounding_half_unit("0.148") == pytest.approx(0.0005)
    assert rounding_half_unit("6") == pytest.approx(0.5)


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


def test_margin_table_ends_with_the_latest_day() -> None:
    ratios = pd.DataFrame({"year": [2021.0, 2022.0], "ratio": [4.0, 3.0]})
    table = margin_table(ratios, pd.Timestamp("2025-12-30"), 1.5)
    assert table["period"].tolist() == ["2021", "2022", "2025-12-30"]
    assert table["kind"].tolist() == ["yearly median", "yearly median", "latest"]
    assert table["ratio"].tolist() == [4.0, 3.0, 1.5]


def _unviability(break_even_reference: float, latest_be: float):  # type: ignore[no-untyped-def]
    # the best machine breaks even at 0.20 $/kWh all of 2021 and at ``latest_be`` on the
    # last day; the US price is 0.05 all year and the cited latest price "0.09"
    dates = pd.Series(pd.date_range("2021-01-01", "2021-12-31", freq="7D"))
    net = pd.DataFrame({"date": dates, "frontier_be": 0.20})
    net.loc[len(net) - 1, "frontier_be"] = latest_be
    months = pd.Series(pd.date_range("2021-01-01", "2021-12-01", freq="MS"))
    us = pd.DataFrame({"month": months, "usd_per_kwh": 0.05})
    annual = "industrial (average revenue per kWh)"
    prices = pd.DataFrame(
        [
            mf.price_row("United States, industrial", 0.09, price="0.09"),
            mf.price_row("Texas", 0.066, location="United States - Texas", consumer_type=annual),
            mf.price_row("Hawaii", 0.35, location="United States - Hawaii", consumer_type=annual),
        ]
    )
    be = {"best": 0.12, "reference": break_even_reference, "legacy": 0.05}
    return assess_us_unviability(net, us, prices, 2021, be)


def test_the_us_verdict_needs_a_record_low_margin_and_a_clear_loss() -> None:
    # 2021's yearly ratio is 0.20 / 0.05 = 4; the latest one 0.27 / 0.09 = 3 is lower
    result = _unviability(0.08, 0.27)
    assert result.value("lowest_earlier_ratio") == pytest.approx(4.0)
    assert result.value("latest_ratio") == pytest.approx(3.0)
    # the reference machine breaks even at 0.08, under 0.09 by more than its rounding (0.005)
    assert result.verdict is Verdict.SUPPORTED
    # Hawaii (0.35) is above every break-even price, Texas (0.066) only above the legacy one
    assert result.value("states_compared") == 2
    assert result.value("states_losing_legacy") == 2
    assert result.value("states_losing_reference") == 1
    # the margin: the price line is the US price less its rounding, 0.09 - 0.005
    assert result.margin is not None and result.margin.threshold.value == pytest.approx(0.085)
    assert result.margin.flips_to is Verdict.PARTLY_SUPPORTED
    # within the rounding of the US price only one test holds, and the margin is that line
    within = _unviability(0.087, 0.27)
    assert within.verdict is Verdict.PARTLY_SUPPORTED
    assert within.margin is not None and within.margin.flips_to is Verdict.SUPPORTED
    assert within.margin.deciding == "break_even_reference"
    assert within.margin.threshold.value == pytest.approx(0.085)
    # below the line but not a record low margin: the margin is the lowest yearly ratio
    not_low = _unviability(0.08, 0.45)
    assert not_low.verdict is Verdict.PARTLY_SUPPORTED
    assert not_low.margin is not None and not_low.margin.deciding == "latest_ratio"
    assert not_low.margin.threshold.value == pytest.approx(4.0)
    # and neither, with a latest margin above every yearly one
    neither = _unviability(0.087, 0.45)
    assert neither.verdict is Verdict.CONTRADICTED
    assert neither.margin is not None and neither.margin.flips_to is Verdict.PARTLY_SUPPORTED


# ---- real data -------------------------------------------------------------------------


def test_real_data_us_margin_shrank_but_the_reference_test_is_within_rounding(
    real_tables: dict[str, pd.DataFrame],
) -> None:
    t = real_tables
    result = mf.measured(assess_us_unviability, **t, **mf.PARAMETERS)
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
