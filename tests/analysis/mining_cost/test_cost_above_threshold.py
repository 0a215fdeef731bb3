import pandas as pd
import pytest

from analysis.mining_cost.cost_above_threshold import assess_cost_above_threshold, names_of
from analysis.result import Stated, Verdict
from tests.analysis import mining_frames as mf

STATED = {"threshold": Stated(100_000, "usd", "$100,000")}


def _estimates() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "label": ["Somebody, somewhere"],
            "value_usd": [50_000.0],
            "value_kind": ["point"],
            "basis": ["electricity only"],
            "as_of": [mf.START + pd.Timedelta(days=20)],
            "electricity_usd_per_kwh": [0.05],
            "price_label": [pd.NA],
            "source_title": ["t"],
            "source_address": ["a"],
            "excerpt": ["e"],
        }
    )


def _assess_cost(prices: pd.DataFrame, asic: pd.DataFrame | None = None):  # type: ignore[no-untyped-def]
    s = mf.series()
    extra = {"target_blocks_per_day": 144.0}
    cbeci = pd.DataFrame({"date": s["hashrate"]["date"], "twh_per_year_at_5_cents": 100.0})
    return mf.measured(
        assess_cost_above_threshold,
        **s,
        electricity_prices=prices,
        mining_cost_estimates=_estimates(),
        cbeci_consumption=cbeci,
        asic_models=mf.asic_models() if asic is None else asic,
        cbeci_days_per_year=365.25,
        cbeci_overhead_factor=1.1,
        stated=STATED,
        **mf.PARAMETERS,
        **extra,
    )


def test_energy_per_bitcoin_is_worked_out_by_hand() -> None:
    result = _assess_cost(pd.DataFrame([mf.price_row("Anywhere", 0.05)]))
    assert result.value("energy_best") == pytest.approx(mf.kwh_per_btc(12.8))  # 459,280 kWh
    assert result.value("energy_legacy") == pytest.approx(mf.kwh_per_btc(29.5))
    assert mf.kwh_per_btc(12.8) == pytest.approx(459_280, rel=1e-4)


def test_supported_when_a_region_is_above_the_threshold_even_at_best_efficiency() -> None:
    # $0.30/kWh x 459,280 kWh = $137,784 > $100,000
    prices = pd.DataFrame([mf.price_row("Dear", 0.30), mf.price_row("Cheap", 0.03)])
    result = _assess_cost(prices)
    assert result.verdict is Verdict.SUPPORTED
    assert result.value("regions_above_best") == 1
    assert result.value("highest_cost_best") == pytest.approx(0.30 * mf.kwh_per_btc(12.8))
    assert "Dear" in result.summary
    # the margin: the threshold would have to reach the dearest best-in-class cost
    assert result.margin is not None and result.margin.deciding == "stated_threshold"
    assert result.margin.threshold.value == pytest.approx(0.30 * mf.kwh_per_btc(12.8))
    assert result.margin.flips_to is Verdict.PARTLY_SUPPORTED


def test_partly_supported_when_only_older_machines_cost_that_much() -> None:
    # $0.15/kWh: $68,892 at best-in-class, $158,775 with older machines
    result = _assess_cost(pd.DataFrame([mf.price_row("Middle", 0.15)]))
    assert result.verdict is Verdict.PARTLY_SUPPORTED
    assert result.value("regions_above_best") == 0
    assert result.value("regions_above_legacy") == 1
    # $100,000 is $31,108 above the best-in-class cost and $58,775 below the older
    # machines' cost: the nearer flip is to supported, if the threshold fell below $68,892
    assert result.margin is not None and result.margin.flips_to is Verdict.SUPPORTED
    assert result.margin.threshold.value == pytest.approx(0.15 * mf.kwh_per_btc(12.8))
    # at $0.10/kWh older machines cost $105,851, $5,851 above the line, and the best
    # $45,928, far below it: the nearer flip is then to contradicted
    near_legacy = _assess_cost(pd.DataFrame([mf.price_row("Low", 0.10)]))
    assert near_legacy.verdict is Verdict.PARTLY_SUPPORTED
    assert near_legacy.margin is not None
    assert near_legacy.margin.flips_to is Verdict.CONTRADICTED
    assert near_legacy.margin.threshold.value == pytest.approx(0.10 * mf.kwh_per_btc(29.5))


def test_a_better_machine_from_a_low_rated_source_is_reported_beside_the_verdict() -> None:
    # $0.23/kWh: 459,280 kWh x 0.23 = $105,634 at 12.8 J/TH, but at 10 J/TH (a low-rated row)
    # 358,813 kWh x 0.23 = $82,527, under the threshold
    asic = pd.concat([mf.asic_models(), pd.DataFrame([mf.asic_row("Hydro", 10.0, None, "low")])])
    result = _assess_cost(pd.DataFrame([mf.price_row("Dear", 0.23)]), asic)
    assert result.verdict is Verdict.SUPPORTED
    assert result.value("regions_above_best") == 1
    assert result.value("best_any_source_j_th") == 10.0
    assert result.value("regions_above_any_source") == 0
    assert mf.kwh_per_btc(10.0) * 0.23 == pytest.approx(82_527, rel=1e-4)


def test_contradicted_when_no_region_reaches_the_threshold() -> None:
    result = _assess_cost(pd.DataFrame([mf.price_row("Cheap", 0.05)]))
    assert result.verdict is Verdict.CONTRADICTED
    assert result.margin is not None and result.margin.flips_to is Verdict.PARTLY_SUPPORTED
    assert result.margin.threshold.value == pytest.approx(0.05 * mf.kwh_per_btc(29.5))


def test_prices_that_are_not_a_miners_are_left_out() -> None:
    prices = pd.DataFrame(
        [
            mf.price_row("Household", 0.40, price_basis="household"),
            mf.price_row("Old", 0.40, year=2019),
            mf.price_row("Cheap", 0.05),
        ]
    )
    result = _assess_cost(prices)
    assert result.value("regions_compared") == 1
    assert result.verdict is Verdict.CONTRADICTED


def test_names_of_keeps_prose_free_of_digits() -> None:
    labels = pd.Series(
        ["Hawaii, industrial", "Route 66", "Hawaii, industrial", "Alaska", "Maine", "Ohio"]
    )
    assert names_of(labels, most=3) == "Hawaii, industrial; Alaska; Maine and others"


# ---- real data -------------------------------------------------------------------------


def test_real_data_find_regions_above_the_threshold(
    real_tables: dict[str, pd.DataFrame],
) -> None:
    t = real_tables
    result = mf.measured(
        assess_cost_above_threshold,
        **t,
        cbeci_days_per_year=365.25,
        cbeci_overhead_factor=1.1,
        stated=STATED,
        target_blocks_per_day=144.0,
        **mf.PARAMETERS,
    )
    assert result.verdict is Verdict.SUPPORTED
    # Hawaii's 2023 industrial price (EIA, 35.28 cents) is the dearest: its cost at
    # best-in-class is that price times the energy per bitcoin
    assert result.value("highest_cost_best") == pytest.approx(
        0.3528 * result.value("energy_best")  # type: ignore[operator]
    )
    # Hashrate Index published $114,587 for Hawaii in Q1 2023. With EIA's 2023 price
    # (35.28 cents) that implies 38 J/TH, between this project's older-generation machine
    # (29.5) and CBECI's implied fleet; its figure must lie above ours for older machines
    assert result.value("hawaii_published") == 114_587
    assert result.value("hawaii_ours_legacy") < 114_587  # type: ignore[operator]
    assert 29.5 < result.value("hawaii_implied_efficiency") < 45  # type: ignore[operator]
    # Bitnewsbot's US cost at $0.14/kWh ($94,746) implies 676,757 kWh a bitcoin
    energies = result.tables["published"]
    us = energies[energies["label"] == "Bitnewsbot, United States all sectors"]
    assert us["implied_kwh_per_btc"].iloc[0] == pytest.approx(94_746 / 0.14)


def test_real_data_count_regions_not_rows(real_tables: dict[str, pd.DataFrame]) -> None:
    t = real_tables
    result = mf.measured(
        assess_cost_above_threshold,
        **t,
        cbeci_days_per_year=365.25,
        cbeci_overhead_factor=1.1,
        stated=STATED,
        target_blocks_per_day=144.0,
        **mf.PARAMETERS,
    )
    rows = result.tables["regions"]
    counted = rows[rows["counted"]]
    # counted another way: the distinct locations of the rows, less those pricing no region
    # (the world average, the miners' survey, a company's cost), with the national US rows
    # as one region
    locations = set(rows["location"].astype(str)) - {
        "World",
        "Global (surveyed miners)",
        "United States (TeraWulf)",
    }
    assert len(counted) == len(locations) == result.value("regions_compared")
    assert (counted["location"] == "United States - New York").sum() == 1
    assert (rows["location"] == "United States - New York").sum() == 3
    assert result.value("rows_cited") == len(rows)
    assert result.value("rows_not_regions") == 3
    assert result.value("rows_superseded") == len(rows) - 3 - len(counted)
    # the regions above the threshold at best-in-class, counted from the prices by hand
    energy = result.value("energy_best")
    assert energy is not None
    by_hand = {
        loc
        for loc, p in zip(counted["location"], counted["usd_per_kwh_low"], strict=True)
        if p * energy > 100_000
    }
    assert result.value("regions_above_best") == len(by_hand)
