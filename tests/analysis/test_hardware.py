import math

import numpy as np
import pandas as pd
import pytest

from analysis.hardware import (
    annual_energy_kwh,
    assess_asic_divide,
    assess_capital_intensive,
    assess_early_cpu_mining,
    assess_efficiency_entry_barriers,
    blocks_in_period,
    cbeci_machines,
    classified_machines,
    curated_devices,
    exponential_fit,
    f2pool_efficiency,
    frontier_records,
    growth_around,
    hardware_class,
    is_placeholder,
    months_since,
    period_median,
    split_records,
)
from analysis.result import Verdict

TS = pd.Timestamp
TH = 1e12
HASHES_PER_UNIT = 2.0**32
# Hashrate (TH/s) that finds 144 blocks a day at difficulty one.
TH_FOR_144_BLOCKS = 144 * HASHES_PER_UNIT / (86_400 * TH)


def _cbeci(rows: list[tuple[str, str, float]]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "miner": [r[0] for r in rows],
            "released": [TS(r[1]) for r in rows],
            "efficiency_j_gh": [r[2] for r in rows],
            "quantity": 1000,
        }
    )


CBECI = _cbeci(
    [
        ("Worst CPU", "2009-01-01", 100_000.0),
        ("Best CPU", "2009-06-01", 10_000.0),
        ("Worst GPU", "2010-01-01", 10_000.0),
        ("Best GPU", "2010-06-01", 1_000.0),
        ("FPGA", "2011-06-01", 100.0),
        ("early ASICS", "2013-01-01", 10.0),
        ("Maker A1", "2014-01-01", 1.0),
        ("Maker A2", "2016-01-01", 0.25),
    ]
)


def _asic_models(rows: list[tuple[str, float | None, str | None, str, str | None]]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "model": [r[0] for r in rows],
            "efficiency_j_th": [r[1] for r in rows],
            "available_from": [TS(r[2]) if r[2] else pd.NaT for r in rows],
            "source_level": [r[3] for r in rows],
            "hashrate_ths": pd.Series([r[4] for r in rows], dtype="object"),
        }
    )


NO_MODELS = _asic_models([])
MODELS = _asic_models(
    [
        ("Maker B1", 62.5, "2018-01-01", "medium", "400"),  # 0.0625 J/GH
        ("Maker B2", 10.0, "2019-01-01", "low", "900"),  # left out: low source
        ("Maker B3", 80.0, "2019-06-01", "high", "96 / 100"),  # no single hashrate
    ]
)


def _f2pool(rows: list[tuple[str, float, float, int, int]]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "company": "Maker",
            "device": [r[0] for r in rows],
            "hashrate_ths": [r[1] for r in rows],
            "power_w": [r[2] for r in rows],
            "year_released": [r[3] for r in rows],
            "month_released": [r[4] for r in rows],
        }
    )


F2POOL = _f2pool([("Box", 100.0, 3000.0, 2016, 1), ("Small box", 10.0, 1000.0, 2015, 6)])


def _series(points: list[tuple[str, float]], column: str = "hashrate_ths") -> pd.DataFrame:
    return pd.DataFrame({"date": [TS(d) for d, _ in points], column: [v for _, v in points]})


def _every_days(start: str, end: str, days: int, value: float, column: str) -> pd.DataFrame:
    dates = pd.date_range(start, end, freq=f"{days}D")
    return pd.DataFrame({"date": dates, column: value})


def test_classes_and_placeholders_follow_the_names() -> None:
    assert [hardware_class(n) for n in ("Best CPU", "Worst GPU", "FPGA", "early ASICS")] == [
        "CPU",
        "GPU",
        "FPGA",
        "ASIC",
    ]
    assert hardware_class("Bitmain Antminer S9") == "ASIC"
    assert is_placeholder("early ASICS") and is_placeholder("Best GPU")
    assert not is_placeholder("Bitmain Antminer S9")


def test_frontier_records_keep_only_new_bests() -> None:
    machines = pd.DataFrame(
        {
            "machine": ["a", "b", "c", "d", "e", "f"],
            "available_from": [
                TS(d)
                for d in ("2020-01-01",) * 2
                + ("2020-02-01", "2020-03-01", "2020-04-01", "2020-05-01")
            ],
            "efficiency_j_th": [100.0, 80.0, 90.0, 50.0, 50.0, 40.0],
        }
    )
    records = frontier_records(machines)
    # b beats a on the same day; c is worse than b; e only ties d
    assert records["machine"].tolist() == ["b", "d", "f"]


def test_exponential_fit_recovers_a_known_halving_time() -> None:
    dates = pd.Series(pd.date_range("2014-01-01", periods=60, freq="MS"))
    months = months_since(dates, TS("2014-01-01"))
    values = pd.Series(1000.0 * 2.0 ** (-months / 18.0))
    fit = exponential_fit(dates, values)
    assert fit.halving_months == pytest.approx(18.0, rel=1e-9)
    assert fit.r_squared == pytest.approx(1.0)
    assert fit.values_at(dates) == pytest.approx(values.to_numpy())
    # multiplicative noise that cancels out keeps the rate and lowers R-squared
    noisy: pd.Series = values * np.where(np.arange(60) % 2 == 0, 1.25, 1 / 1.25)
    rough = exponential_fit(dates, noisy)
    assert rough.halving_months == pytest.approx(18.0, rel=0.02)
    assert 0.9 < rough.r_squared < 1.0
    # a rising series has no halving time
    assert exponential_fit(dates, 1 / values).halving_months is None
    with pytest.raises(ValueError):
        exponential_fit(dates.head(1), values.head(1))


def test_two_point_fit_matches_the_halving_count_by_hand() -> None:
    dates = pd.Series([TS("2020-01-01"), TS("2022-01-01")])
    fit = exponential_fit(dates, pd.Series([100.0, 25.0]))
    # two halvings in 731 days; a month is 365.25 / 12 days
    assert fit.halving_months == pytest.approx(731 / (365.25 / 12) / 2)


def test_split_records_share_the_record_standing_at_the_split() -> None:
    records = pd.DataFrame(
        {
            "available_from": [TS(d) for d in ("2014-01-01", "2016-01-01", "2021-01-01")],
            "efficiency_j_th": [8.0, 4.0, 2.0],
        }
    )
    early, late = split_records(records, TS("2020-05-01"))
    assert early["available_from"].dt.year.tolist() == [2014, 2016]
    assert late["available_from"].dt.year.tolist() == [2016, 2021]


def test_energy_hashrate_helpers_by_hand() -> None:
    # 1 TH/s at 1,000 J/TH is 1 kW: 24 kWh a day
    assert annual_energy_kwh(1.0, 1000.0, 365.25) == pytest.approx(24 * 365.25)
    frame = _series([("2020-01-01", 1.0), ("2021-01-01", 2.0), ("2022-01-01", 200.0)])
    before, after = growth_around(frame, TS("2021-01-01"), 12)
    assert before == pytest.approx(2.0)
    assert after == pytest.approx(100.0)
    assert period_median(frame, TS("2020-01-01"), TS("2022-01-01")) == pytest.approx(1.5)


def test_blocks_in_period_counts_days_between_samples() -> None:
    hashrate = _every_days("2009-01-01", "2009-02-06", 4, TH_FOR_144_BLOCKS, "hashrate_ths")
    difficulty = _every_days("2009-01-01", "2009-02-06", 4, 1.0, "difficulty")
    # ten samples four days apart, each standing for four days of 144 blocks
    assert len(hashrate) == 10
    blocks = blocks_in_period(
        hashrate, difficulty, HASHES_PER_UNIT, TS("2009-01-01"), TS("2010-01-01")
    )
    assert blocks == pytest.approx(144 * 40)


def test_device_tables() -> None:
    devices = f2pool_efficiency(F2POOL)
    assert devices["efficiency_j_th"].tolist() == pytest.approx([30.0, 100.0])
    assert devices["released"].tolist() == [TS("2016-01-01"), TS("2015-06-01")]
    curated = curated_devices(MODELS)
    assert curated["device"].tolist() == ["Maker B1"]  # B2 is low-rated, B3 lists two bins
    assert curated["hashrate_ths"].tolist() == [400.0]


HASHRATE = _series(
    [
        ("2009-01-01", 1e-6),
        ("2009-12-01", 3e-6),
        ("2012-01-01", 10.0),
        ("2013-01-01", 20.0),
        ("2014-01-01", 2000.0),
        ("2016-01-01", 1e6),
        ("2018-01-01", 4e7),
        ("2020-01-01", 1e8),
    ]
)


def test_asic_divide_on_a_hand_made_table() -> None:
    result = assess_asic_divide(CBECI, MODELS, F2POOL, HASHRATE, 4e-5)
    # best CPU 10,000 J/GH = 1e7 J/TH; best ASIC in the data is B1 at 62.5 J/TH
    assert result.value("asic_vs_cpu_multiple") == pytest.approx(1e7 / 62.5)
    assert result.value("asic_vs_gpu_multiple") == pytest.approx(1e6 / 62.5)
    assert result.value("asic_vs_cpu_orders") == pytest.approx(math.log10(1e7 / 62.5))
    assert result.value("first_asic_vs_gpu_multiple") == pytest.approx(100.0)
    # hashrate grew 2x in the year before the first ASIC row and 100x in the year after
    assert result.value("growth_before_first_asic") == pytest.approx(2.0)
    assert result.value("growth_after_first_asic") == pytest.approx(100.0)
    assert result.value("top_device_vs_cpu_multiple") == pytest.approx(100.0 / 4e-5)
    # named ASIC records: A1 (1,000 J/TH, 2014), A2 (250, 2016), B1 (62.5, 2018): a quarter
    # every two years, so energy per hash halves every twelve months
    assert result.value("asic_points") == 3
    assert result.value("asic_halving_months") == pytest.approx(12.0, rel=0.01)
    assert result.value("asic_r_squared") == pytest.approx(1.0, abs=1e-4)
    assert result.verdict is Verdict.SUPPORTED
    # records: every CBECI row but the worst GPU (no better than the best CPU), then B1
    records = result.tables["machines"].query("record")["machine"].tolist()
    assert records == [*CBECI["miner"].drop(2), "Maker B1"]


def test_asic_divide_verdict_rules() -> None:
    slow_start = HASHRATE.assign(
        hashrate_ths=np.where(HASHRATE["date"] == TS("2014-01-01"), 30.0, HASHRATE["hashrate_ths"])
    )
    partly = assess_asic_divide(CBECI, NO_MODELS, F2POOL, slow_start, 4e-5)
    assert partly.value("growth_after_first_asic") == pytest.approx(1.5)
    assert partly.verdict is Verdict.PARTLY_SUPPORTED
    # an ASIC only fifty times better than the best GPU is not "exponentially greater"
    narrow = CBECI.assign(efficiency_j_gh=CBECI["efficiency_j_gh"].clip(lower=20.0))
    assert (
        assess_asic_divide(narrow, NO_MODELS, F2POOL, HASHRATE, 4e-5).verdict
        is Verdict.CONTRADICTED
    )


def test_early_cpu_mining_by_hand() -> None:
    hashrate = _every_days("2009-01-01", "2010-12-31", 4, TH_FOR_144_BLOCKS, "hashrate_ths")
    difficulty = _every_days("2009-01-01", "2010-12-31", 4, 1.0, "difficulty")
    result = assess_early_cpu_mining(
        CBECI, hashrate, difficulty, HASHES_PER_UNIT, 2e-5, 4e-5, 2880.0, 365.25
    )
    days_2009_2010 = 4 * len(hashrate)
    assert result.value("patoshi_period_blocks") == pytest.approx(144 * days_2009_2010)
    assert result.value("patoshi_share_min_pct") == pytest.approx(
        100 * 2880 / (144 * days_2009_2010)
    )
    # CPU era ends at the first GPU row (1 January 2010)
    era_days = 4 * int((hashrate["date"] < TS("2010-01-01")).sum())
    assert result.value("cpu_era_blocks") == pytest.approx(144 * era_days)
    share = 2e-5 / (TH_FOR_144_BLOCKS + 2e-5)
    assert result.value("cpu_share_pct") == pytest.approx(100 * share)
    # energy at the best CPU: 1e7 J/TH
    assert result.value("cpu_era_energy_low_kwh") == pytest.approx(
        TH_FOR_144_BLOCKS * 1e7 * 24 * 365.25 / 1000
    )
    assert result.verdict is Verdict.PARTLY_SUPPORTED
    # a computer a billion times slower expects no reward: contradicted
    slow = assess_early_cpu_mining(
        CBECI, hashrate, difficulty, HASHES_PER_UNIT, 2e-15, 4e-15, 2880.0, 365.25
    )
    assert slow.verdict is Verdict.CONTRADICTED


def test_capital_intensive_by_hand() -> None:
    hashrate = _series(
        [("2009-01-01", 1e-6), ("2009-06-01", 3e-6), ("2010-06-01", 1.0), ("2026-01-01", 1e9)]
    )
    result = assess_capital_intensive(CBECI, hashrate, 10.0, 20.0, 30.0, 365.25)
    # CPU era (to 1 January 2010): median of 1e-6 and 3e-6
    assert result.value("cpu_era_median_ths") == pytest.approx(2e-6)
    assert result.value("hashrate_growth_multiple") == pytest.approx(5e14)
    # now: 1e9 TH/s x 10 J/TH = 10 GW for a year; then: 2e-6 TH/s x 1e8 J/TH (worst CPU) = 200 W
    assert result.value("energy_now_best_twh") == pytest.approx(1e10 * 24 * 365.25 / 1e12)
    assert result.value("cpu_era_energy_high_kwh") == pytest.approx(200 * 24 * 365.25 / 1000)
    assert result.value("energy_growth_min_multiple") == pytest.approx(1e10 / 200)
    assert result.verdict is Verdict.PARTLY_SUPPORTED
    flat = hashrate.assign(hashrate_ths=[1e-6, 3e-6, 1e-6, 1e-5])
    assert (
        assess_capital_intensive(CBECI, flat, 10.0, 20.0, 30.0, 365.25).verdict
        is Verdict.CONTRADICTED
    )


def test_entry_barriers_by_hand() -> None:
    result = assess_efficiency_entry_barriers(CBECI, MODELS, F2POOL, HASHRATE, 144.0, 365.25)
    # first named ASIC A1 (1,000 J/TH) over the best, B1 (62.5 J/TH)
    assert result.value("efficiency_gain_multiple") == pytest.approx(16.0)
    assert result.value("network_growth_since_first_named") == pytest.approx(1e8 / 2000)
    # the earliest listed machine (June 2015, 10 TH/s) against the network read between
    # the 2014 and 2016 samples; the latest (B1, 400 TH/s, January 2018) against 4e7
    fraction = (TS("2015-06-01") - TS("2014-01-01")).days / (
        TS("2016-01-01") - TS("2014-01-01")
    ).days
    early_network = 2000 + (1e6 - 2000) * fraction
    assert result.value("early_device_share_pct") == pytest.approx(100 * 10 / early_network)
    assert result.value("late_device_share_pct") == pytest.approx(100 * 400 / 4e7)
    assert result.value("late_device_solo_blocks_per_year") == pytest.approx(
        400 / 1e8 * 144 * 365.25
    )
    assert result.verdict is Verdict.NOT_CHECKABLE


def test_cbeci_and_f2pool_agree_on_the_antminer_s19(real_tables: dict[str, pd.DataFrame]) -> None:
    cbeci = cbeci_machines(real_tables["cbeci_miners"]).set_index("machine")["efficiency_j_th"]
    f2pool = f2pool_efficiency(real_tables["f2pool_devices"]).set_index("device")["efficiency_j_th"]
    # CBECI: 0.02955 J/GH; F2Pool: 110 TH/s at 3,250 W
    assert cbeci["Bitmain Antminer S19 Pro (110Th)"] == pytest.approx(3250 / 110, rel=1e-3)
    assert f2pool["Antminer S19 Pro"] == pytest.approx(0.02955 * 1000, rel=1e-3)
    # CBECI: 0.03421 J/GH; F2Pool: 95 TH/s at 3,250 W
    assert cbeci["Bitmain Antminer S19 (95Th)"] == pytest.approx(f2pool["Antminer S19"], rel=1e-3)


def test_real_placeholders_and_frontier(real_tables: dict[str, pd.DataFrame]) -> None:
    machines = classified_machines(real_tables["cbeci_miners"], real_tables["asic_models"])
    cbeci = machines[machines["source"] == "CBECI"]
    # CBECI's placeholder rows: best CPU 10,000 J/GH, best GPU 1,000 J/GH, FPGA 100 J/GH
    best = cbeci.groupby("hardware_class")["efficiency_j_th"].min()
    assert best["CPU"] == pytest.approx(1e7)
    assert best["GPU"] == pytest.approx(1e6)
    assert best["FPGA"] == pytest.approx(1e5)
    # the best machine in CBECI's list is the Antminer S19 Pro at 0.02955 J/GH
    assert best["ASIC"] == pytest.approx(29.55)
    records = frontier_records(machines)
    assert records["efficiency_j_th"].is_monotonic_decreasing
    assert records["available_from"].is_monotonic_increasing


def test_block_count_from_hashrate_reaches_the_block_tables_first_height(
    real_tables: dict[str, pd.DataFrame],
) -> None:
    first = real_tables["blocks"].sort_values("height").iloc[0]  # height 664,063, 2 January 2021
    end = (
        pd.Timestamp(first["date"]).tz_localize(None)
        if pd.Timestamp(first["date"]).tzinfo
        else pd.Timestamp(first["date"])
    )
    estimate = blocks_in_period(
        real_tables["hashrate"], real_tables["difficulty"], HASHES_PER_UNIT, TS("2009-01-01"), end
    )
    assert estimate == pytest.approx(first["height"], rel=0.01)


def test_ledger_entries(ledger) -> None:  # type: ignore[no-untyped-def]
    divide = ledger.entry("hardware-asic-divide").assessment
    assert divide.verdict is Verdict.SUPPORTED
    # the best ASIC in the data is at least the S19 Pro's 29.55 J/TH; CPU over it is >= 338,000x
    assert divide.value("asic_vs_cpu_multiple") >= 1e7 / 29.55 * 0.999
    assert ledger.entry("hardware-early-cpu-mining").assessment.verdict is Verdict.PARTLY_SUPPORTED
    assert ledger.entry("hardware-capital-intensive").assessment.verdict is Verdict.PARTLY_SUPPORTED
    assert (
        ledger.entry("hardware-efficiency-entry-barriers").assessment.verdict
        is Verdict.NOT_CHECKABLE
    )
