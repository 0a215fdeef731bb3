import pytest

from analysis.hardware.early_cpu_mining import assess_early_cpu_mining
from analysis.result import Assessment, Verdict
from tests.analysis.hardware_frames import CBECI, TH_FOR_144_BLOCKS, TS, every_days, measures

HASHRATE = every_days("2009-01-01", "2010-12-31", 4, TH_FOR_144_BLOCKS, "hashrate_ths")
DIFFICULTY = every_days("2009-01-01", "2010-12-31", 4, 1.0, "difficulty")


def _early(cpu_low_ths: float, cpu_high_ths: float, patoshi: float = 2880.0) -> Assessment:
    m = measures(CBECI, HASHRATE, difficulty=DIFFICULTY)
    return assess_early_cpu_mining(
        m["cbeci_machines"],
        m["cpu_era"],
        m["cpu_era_median_ths"],
        m["network_blocks_per_day"],
        cpu_low_ths,
        cpu_high_ths,
        patoshi,
        365.25,
        50.0,
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
    # the single miner's 2880 blocks are 2.7% of the period's: a majority is the nearer flip
    assert result.margin is not None and result.margin.deciding == "patoshi_share_min_pct"
    assert result.margin.threshold.value == 50.0
    assert result.margin.flips_to is Verdict.CONTRADICTED


def test_one_miner_with_a_majority_of_the_blocks_contradicts() -> None:
    blocks = 144 * 4 * len(HASHRATE)
    just_over = _early(2e-5, 4e-5, patoshi=0.501 * blocks)
    assert just_over.value("patoshi_share_min_pct") == pytest.approx(50.1)
    assert just_over.verdict is Verdict.CONTRADICTED
    assert "not 'truly distributed'" in just_over.summary
    assert just_over.margin is not None
    assert just_over.margin.flips_to is Verdict.PARTLY_SUPPORTED
    assert _early(2e-5, 4e-5, patoshi=0.5 * blocks).verdict is Verdict.PARTLY_SUPPORTED


def test_a_computer_too_slow_to_expect_a_block_contradicts() -> None:
    # a computer a billion times slower expects no reward
    slow = _early(2e-15, 4e-15)
    assert slow.value("cpu_expected_blocks") < 1  # type: ignore[operator]
    assert slow.verdict is Verdict.CONTRADICTED
    assert slow.margin is not None and slow.margin.deciding == "cpu_expected_blocks"
    assert slow.margin.flips_to is Verdict.PARTLY_SUPPORTED
    # a computer that expects a few blocks only: the earning test is then the nearer flip
    few = _early(4e-10, 8e-10)
    assert 1 <= few.value("cpu_expected_blocks") < 10  # type: ignore[operator]
    assert few.verdict is Verdict.PARTLY_SUPPORTED
    assert few.margin is not None and few.margin.deciding == "cpu_expected_blocks"


def test_ledger_entries(ledger) -> None:  # type: ignore[no-untyped-def]
    early = ledger.entry("hardware-early-cpu-mining").assessment
    assert early.verdict is Verdict.PARTLY_SUPPORTED
    # Lerner's estimate of the single miner's blocks is a minority of 2009-2010's blocks
    assert 0 < early.value("patoshi_share_min_pct") < 50  # type: ignore[operator]
