import pytest

from analysis.hardware.early_cpu_mining import assess_early_cpu_mining
from analysis.result import Assessment, Verdict
from tests.analysis.hardware_frames import CBECI, TH_FOR_144_BLOCKS, TS, every_days, measures

HASHRATE = every_days("2009-01-01", "2010-12-31", 4, TH_FOR_144_BLOCKS, "hashrate_ths")
DIFFICULTY = every_days("2009-01-01", "2010-12-31", 4, 1.0, "difficulty")


def _early(cpu_low_ths: float, cpu_high_ths: float) -> Assessment:
    m = measures(CBECI, HASHRATE, difficulty=DIFFICULTY)
    return assess_early_cpu_mining(
        m["cbeci_machines"],
        m["cpu_era"],
        m["cpu_era_median_ths"],
        m["network_blocks_per_day"],
        cpu_low_ths,
        cpu_high_ths,
        2880.0,
        365.25,
    )


def test_early_cpu_mining_by_hand() -> None:
    result = _early(2e-5, 4e-5)
    days_2009_2010 = 4 * len(HASHRATE)
    assert result.value("patoshi_period_blocks") == pytest.approx(144 * days_2009_2010)
    assert result.value("patoshi_share_min_pct") == pytest.approx(
        100 * 2880 / (144 * days_2009_2010)
    )
    # CPU era ends at the first GPU row (1 January 2010)
    assert result.value("cpu_era_end") == TS("2010-01-01").toordinal()
    era_days = 4 * int((HASHRATE["date"] < TS("2010-01-01")).sum())
    assert result.value("cpu_era_blocks") == pytest.approx(144 * era_days)
    share = 2e-5 / (TH_FOR_144_BLOCKS + 2e-5)
    assert result.value("cpu_share_pct") == pytest.approx(100 * share)
    assert result.value("cpu_expected_blocks") == pytest.approx(share * 144 * era_days)
    # the network in CPUs: the median over the fast and the slow end of the range
    assert result.value("network_in_cpus_low") == pytest.approx(TH_FOR_144_BLOCKS / 4e-5)
    # energy at the best CPU: 1e7 J/TH
    assert result.value("cpu_era_energy_low_kwh") == pytest.approx(
        TH_FOR_144_BLOCKS * 1e7 * 24 * 365.25 / 1000
    )
    assert result.verdict is Verdict.PARTLY_SUPPORTED
    assert "could earn rewards" in result.summary


def test_a_computer_too_slow_to_expect_a_block_contradicts() -> None:
    # a computer a billion times slower expects no reward
    slow = _early(2e-15, 4e-15)
    assert slow.value("cpu_expected_blocks") < 1  # type: ignore[operator]
    assert slow.verdict is Verdict.CONTRADICTED


def test_ledger_entries(ledger) -> None:  # type: ignore[no-untyped-def]
    early = ledger.entry("hardware-early-cpu-mining").assessment
    assert early.verdict is Verdict.PARTLY_SUPPORTED
    # Lerner's estimate of the single miner's blocks is a minority of 2009-2010's blocks
    assert 0 < early.value("patoshi_share_min_pct") < 50  # type: ignore[operator]
