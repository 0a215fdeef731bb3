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


FALLING = {2019: 0.30, 2020: 0.25, 2021: 0.20}  # yearly ratios 6, 5, 4 against 0.05
UNCLEAR = {2019: 0.20, 2020: 0.30, 2021: 0.25}  # 4, 6, 5: one pair falls, two rise
RISING = {2019: 0.20, 2020: 0.25, 2021: 0.30}  # 4, 5, 6


def _unviability(  # type: ignore[no-untyped-def]
    break_even_reference: float, latest_be: float, levels: dict[int, float] = FALLING
):
    # the best machine breaks even at ``levels[year]`` $/kWh all year and at ``latest_be``
    # on the last day; the US price is 0.05 every year and the cited latest price "0.09"
    first, last = min(levels), max(levels)
    dates = pd.Series(pd.date_range(f"{first}-01-01", f"{last}-12-31", freq="7D"))
    net = pd.DataFrame({"date": dates, "frontier_be": dates.dt.year.map(levels)})
    net.loc[len(net) - 1, "frontier_be"] = latest_be
    months = pd.Series(pd.date_range(f"{first}-01-01", f"{last}-12-01", freq="MS"))
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
    return assess_us_unviability(net, us, prices, first, be)


def test_supported_needs_a_thinning_margin_and_a_clear_loss() -> None:
    # yearly ratios 6, 5, 4; the latest one 0.27 / 0.09 = 3 is lower, and the trend falls
    result = _unviability(0.08, 0.27)
    assert result.value("lowest_earlier_ratio") == pytest.approx(4.0)
    assert result.value("latest_ratio") == pytest.approx(3.0)
    assert result.value("years_compared") == 3
    # Theil-Sen of log ratios: pairwise slopes ln(5/6), ln(4/5), ln(4/6)/2; their median
    median = sorted([np.log(5 / 6), np.log(4 / 5), np.log(4 / 6) / 2])[1]
    assert result.value("margin_trend") == pytest.approx(100 * (np.exp(median) - 1))
    high = result.value("margin_trend_high")
    assert high is not None and high < 0
    # the reference machine breaks even at 0.08, under 0.09 by more than its rounding (0.005)
    assert result.verdict is Verdict.SUPPORTED
    # Hawaii (0.35) is above every break-even price, Texas (0.066) only above the legacy one
    assert result.value("states_compared") == 2
    assert result.value("states_losing_legacy") == 2
    assert result.value("states_losing_reference") == 1
    # the margin: the price line is the US price less its rounding, 0.09 - 0.005
    assert result.margin is not None and result.margin.threshold.value == pytest.approx(0.085)
    assert result.margin.flips_to is Verdict.PARTLY_SUPPORTED
    assert _unviability(0.0851, 0.27).verdict is Verdict.PARTLY_SUPPORTED


@pytest.mark.parametrize(
    ("reference", "latest_be", "levels", "verdict", "deciding", "threshold", "flips_to"),
    [
        # thinning holds, the reference machine within the price's rounding, then above it
        (0.087, 0.27, FALLING, "partly", "break_even_reference", 0.085, "supported"),
        (0.10, 0.27, FALLING, "partly", "break_even_reference", 0.085, "supported"),
        # not thinning (not the lowest, trend rising) and not clearly unviable
        (0.087, 0.45, RISING, "contradicted", "break_even_reference", 0.085, "partly"),
        (0.10, 0.45, RISING, "contradicted", "break_even_reference", 0.085, "partly"),
        # not thinning, but the machine no longer breaks even
        (0.08, 0.45, RISING, "partly", "break_even_reference", 0.085, "contradicted"),
        # the lowest margin with no clear trend; a clear trend without the lowest margin
        (0.08, 0.27, UNCLEAR, "partly", "margin_trend_high", 0.0, "supported"),
        (0.08, 0.45, FALLING, "partly", "latest_ratio", 4.0, "supported"),
        (0.087, 0.27, UNCLEAR, "partly", "latest_ratio", 4.0, "contradicted"),
        (0.087, 0.45, FALLING, "partly", "margin_trend_high", 0.0, "contradicted"),
    ],
)
def test_every_branch_and_its_margin(
    reference: float,
    latest_be: float,
    levels: dict[int, float],
    verdict: str,
    deciding: str,
    threshold: float,
    flips_to: str,
) -> None:
    names = {
        "supported": Verdict.SUPPORTED,
        "partly": Verdict.PARTLY_SUPPORTED,
        "contradicted": Verdict.CONTRADICTED,
    }
    result = _unviability(reference, latest_be, levels)
    assert result.verdict is names[verdict]
    margin = result.margin
    assert margin is not None and margin.deciding == deciding
    assert margin.threshold.value == pytest.approx(threshold)
    assert margin.flips_to is names[flips_to]
    # moving the deciding figure past its threshold gives the verdict the margin names
    if deciding == "break_even_reference":
        moved = threshold - 0.001 if margin.direction == "below" else threshold + 0.001
        assert _unviability(moved, latest_be, levels).verdict is margin.flips_to
    if deciding == "latest_ratio":  # the latest ratio is latest_be / 0.09
        moved = 0.09 * (threshold - 0.1 if margin.direction == "below" else threshold + 0.1)
        assert _unviability(reference, moved, levels).verdict is margin.flips_to


def test_too_few_years_for_a_trend_is_partly_with_no_single_figure_to_flip_it() -> None:
    result = _unviability(0.08, 0.27, {2021: 0.20})
    assert result.value("years_compared") == 1 and result.value("margin_trend") is None
    assert result.verdict is Verdict.PARTLY_SUPPORTED and result.margin is None
    assert "too few for a trend" in result.summary


def test_the_level_sentence_follows_the_level_test() -> None:
    assert "below {break_even_reference}, under" in _unviability(0.08, 0.27).summary
    assert "within the rounding" in _unviability(0.087, 0.27).summary
    assert "still covered its electricity" in _unviability(0.10, 0.27).summary


# ---- real data -------------------------------------------------------------------------


def test_real_data_us_margin_is_at_its_lowest_and_the_verdict_follows_the_rule(
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
    # the rule, recomputed: the level test against $0.09 +/- $0.005, the thinning test from
    # the record low and the trend's interval
    level = "holds" if be_ref < 0.085 else "fails" if be_ref > 0.095 else "unclear"
    high = result.value("margin_trend_high")
    assert high is not None
    falling = high < 0
    thinning = "holds" if falling else "unclear"  # the latest margin is the lowest (above)
    expected = (
        Verdict.SUPPORTED if (thinning, level) == ("holds", "holds") else Verdict.PARTLY_SUPPORTED
    )
    assert result.verdict is expected
    # the trend's slope is the median of the pairwise slopes of the log yearly ratios
    ratios = result.tables["ratios"]
    points = list(
        zip(ratios["year"].astype(float), np.log(ratios["ratio"].astype(float)), strict=True)
    )
    slopes = [(b[1] - a[1]) / (b[0] - a[0]) for i, a in enumerate(points) for b in points[i + 1 :]]
    assert result.value("margin_trend") == pytest.approx(100 * (np.exp(np.median(slopes)) - 1))
    low = result.value("margin_trend_low")
    assert low is not None and low <= result.value("margin_trend") <= high  # type: ignore[operator]
    # the break-even prices scale inversely with efficiency
    best, legacy = result.value("break_even_best"), result.value("break_even_legacy")
    assert best is not None and legacy is not None
    assert best * 12.8 == pytest.approx(be_ref * 17.5)
    assert legacy * 29.5 == pytest.approx(be_ref * 17.5)
    assert np.isfinite(latest)
