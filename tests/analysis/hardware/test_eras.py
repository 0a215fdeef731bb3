import pytest

from analysis.hardware.eras import (
    assess_capital_intensive,
    assess_early_cpu_mining,
    assess_efficiency_entry_barriers,
)
from analysis.result import Verdict
from tests.analysis.hardware_frames import (
    CBECI,
    F2POOL,
    HASHES_PER_UNIT,
    HASHRATE,
    MODELS,
    TH_FOR_144_BLOCKS,
    TS,
    every_days,
    series,
)


def test_early_cpu_mining_by_hand() -> None:
    hashrate = every_days("2009-01-01", "2010-12-31", 4, TH_FOR_144_BLOCKS, "hashrate_ths")
    difficulty = every_days("2009-01-01", "2010-12-31", 4, 1.0, "difficulty")
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
    hashrate = series(
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
