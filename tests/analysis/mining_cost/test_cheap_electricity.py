import numpy as np
import pandas as pd
import pytest

from analysis.measures.energy import machine_efficiencies
from analysis.measures.issuance import interpolate_at
from analysis.mining_cost.cheap_electricity import (
    assess_cheap_electricity,
    break_even_history,
    yearly_frontier,
)
from analysis.mining_cost.efficiencies import network_at_frontier
from analysis.result import Assessment, Verdict
from tests.analysis import mining_frames as mf


def test_break_even_history_starts_each_named_machine_when_it_was_available() -> None:
    net = pd.DataFrame(
        {
            "date": pd.to_datetime(["2023-01-01", "2024-01-01"]),
            "hashprice_usd_per_th_day": [0.06, 0.05],
            "th_per_btc": [1e11, 1e11],
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
    frontier = network_at_frontier(net, machine_efficiencies(cbeci, asic))
    out = break_even_history(frontier, {"reference": 17.5, "legacy": 29.5}, asic)
    ref = out[out["series"] == "reference"]
    assert ref["date"].tolist() == [pd.Timestamp("2024-01-01")]
    # $0.05 per TH/s a day over 17.5 J/TH x 86,400 s / 3.6e6 = 0.42 kWh
    assert ref["usd_per_kwh"].iloc[0] == pytest.approx(0.05 / 0.42)
    frontier = out[out["series"] == "frontier"]
    # best machine on 2024-01-01 is the reference one (17.5 < 29.5 < 29.55)
    assert frontier["usd_per_kwh"].iloc[1] == pytest.approx(0.05 / 0.42)
    assert frontier["usd_per_kwh"].iloc[0] == pytest.approx(0.06 / (29.5 * 0.024))


def test_yearly_frontier_keeps_full_years_from_the_first_asked_for() -> None:
    # the best machine's break-even price every fortnight, 0.30 $/kWh in 2020, 0.20 in 2021
    # and 0.10 in 2022 (to May only); another series is left out
    dates = pd.Series(pd.date_range("2020-01-01", "2022-05-31", freq="14D"))
    level = {2020: 0.30, 2021: 0.20, 2022: 0.10}
    history = pd.concat(
        [
            pd.DataFrame(
                {"date": dates, "series": "frontier", "usd_per_kwh": dates.dt.year.map(level)}
            ),
            pd.DataFrame({"date": dates, "series": "legacy", "usd_per_kwh": 9.0}),
        ],
        ignore_index=True,
    )
    yearly = yearly_frontier(history, 2020)
    assert yearly["year"].tolist() == [2020, 2021]
    assert yearly["usd_per_kwh"].tolist() == pytest.approx([0.30, 0.20])
    assert yearly_frontier(history, 2021)["year"].tolist() == [2021]


def _assessed(levels: dict[int, float]) -> Assessment:
    """The claim on weekly break-even prices at one level a year; the revenue series ends
    on the last date."""
    dates = pd.Series(pd.date_range(f"{min(levels)}-01-01", f"{max(levels)}-12-31", freq="7D"))
    level = dates.dt.year.map(levels)
    net = pd.DataFrame(
        {"date": dates, "frontier_be": level, "hashprice_usd_per_th_day": level * 0.42}
    )
    asic = pd.DataFrame([mf.asic_row("Reference", 17.5, f"{min(levels) + 1}-06-01")])
    return assess_cheap_electricity(
        network_at_frontier=net,
        miners_revenue=pd.DataFrame({"date": dates}),
        us_industrial_usd=pd.DataFrame(),
        asic_models=asic,
        named_efficiencies={"reference": 17.5},
        first_full_asic_year=min(levels),
        latest_break_even={"best": 0.2, "legacy": 0.05},
    )


def _pairwise_median(years: list[int], values: list[float]) -> float:
    """The Theil-Sen slope of ln(values) counted by hand, as a yearly change in percent."""
    logs = np.log(values)
    slopes = [
        (logs[j] - logs[i]) / (years[j] - years[i])
        for i in range(len(years))
        for j in range(i + 1, len(years))
    ]
    return float(100 * (np.exp(np.median(slopes)) - 1))


def test_a_falling_break_even_price_supports_the_claim() -> None:
    # three full years at 0.30, 0.20, 0.10 $/kWh: every pairwise slope is a fall, so with
    # three points the interval (lowest to highest pairwise slope) is below no change
    result = _assessed({2020: 0.30, 2021: 0.20, 2022: 0.10})
    assert result.verdict is Verdict.SUPPORTED
    assert result.value("first_year") == 2020 and result.value("last_year") == 2022
    years, values = [2020, 2021, 2022], [0.3, 0.2, 0.1]
    assert result.value("trend_per_year") == pytest.approx(_pairwise_median(years, values))
    assert result.value("trend_high") == pytest.approx(100 * (0.2 / 0.3 - 1))  # mildest fall
    assert result.value("trend_low") == pytest.approx(100 * (0.1 / 0.2 - 1))  # steepest
    slope = np.polyfit(years, np.log(values), 1)[0]
    assert result.value("trend_least_squares") == pytest.approx(100 * (np.exp(slope) - 1))
    assert result.value("years_falling") == 2
    assert result.margin is not None and result.margin.threshold.value == 0.0
    assert result.margin.deciding == "trend_high" and result.margin.direction == "above"
    assert result.margin.flips_to is Verdict.PARTLY_SUPPORTED
    # the reference machine's line starts in the month it was available
    reference = result.tables["history"].query("series == 'reference'")
    assert reference["date"].min() >= pd.Timestamp("2021-06-01")
    # at 17.5 J/TH a TH/s uses 0.42 kWh a day, so its break-even price is the level itself
    assert reference["usd_per_kwh"].iloc[-1] == pytest.approx(0.10)


def test_a_fall_whose_interval_crosses_no_change_is_partly_supported() -> None:
    # last below first, but a rise in between: pairwise slopes of the logs run from a fall
    # to a rise, so the interval's upper end is above zero: the margin's flip has happened
    result = _assessed({2020: 0.30, 2021: 0.45, 2022: 0.20, 2023: 0.40, 2024: 0.25})
    assert result.value("trend_high") > 0 > result.value("trend_low")
    assert result.verdict is Verdict.PARTLY_SUPPORTED
    assert result.margin is not None and result.margin.flips_to is Verdict.SUPPORTED
    assert result.margin.direction == "below"


def test_a_rising_break_even_price_contradicts_the_claim() -> None:
    result = _assessed({2020: 0.10, 2021: 0.20, 2022: 0.30})
    assert result.value("trend_low") > 0
    assert result.verdict is Verdict.CONTRADICTED
    assert result.margin is not None and result.margin.deciding == "trend_low"
    assert result.margin.flips_to is Verdict.PARTLY_SUPPORTED


# ---- real data -------------------------------------------------------------------------


def test_real_data_break_even_of_the_best_machine_fell(
    real_tables: dict[str, pd.DataFrame],
) -> None:
    t = real_tables
    result = mf.measured(assess_cheap_electricity, **t, **mf.PARAMETERS)
    assert result.verdict is Verdict.SUPPORTED
    # the trend, counted again from the yearly medians: Theil-Sen as the median of pairwise
    # slopes of the logs, least squares by numpy; supported only as the interval's upper end
    # is below no change
    yearly = result.tables["yearly"]
    years, values = yearly["year"].tolist(), yearly["usd_per_kwh"].tolist()
    assert result.value("trend_per_year") == pytest.approx(_pairwise_median(years, values))
    slope = np.polyfit(years, np.log(values), 1)[0]
    assert result.value("trend_least_squares") == pytest.approx(100 * (np.exp(slope) - 1))
    high = result.value("trend_high")
    assert high is not None and high < 0
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
