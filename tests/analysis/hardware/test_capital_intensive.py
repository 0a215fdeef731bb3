import pandas as pd
import pytest

from analysis.hardware.capital_intensive import assess_capital_intensive
from analysis.result import Assessment, Verdict
from tests.analysis.hardware_frames import CBECI, measures, series

HASHRATE = series(
    [("2009-01-01", 1e-6), ("2009-06-01", 3e-6), ("2010-06-01", 1.0), ("2026-01-01", 1e9)]
)


def _estimates(cash_all_in: list[tuple[str, float, float]]) -> pd.DataFrame:
    """Rows of the curated cost table: each estimator's cash and all-in cost, same date."""
    rows = []
    for name, cash, all_in in cash_all_in:
        for basis, value in (("cash cost", cash), ("all-in", all_in)):
            rows.append((name, basis, value, pd.Timestamp("2024-09-30")))
    rows.append(("Other", "electricity only", 50_000.0, pd.NaT))  # never paired
    frame = pd.DataFrame(rows, columns=["estimator", "basis", "value_usd", "as_of"])
    return frame.assign(source_title="t", source_address="https://example.org", excerpt="e")


SHARES = _estimates([("A", 55_000.0, 100_000.0), ("B", 60_000.0, 150_000.0)])


def _capital(hashrate: pd.DataFrame, estimates: pd.DataFrame = SHARES) -> Assessment:
    m = measures(CBECI, hashrate)
    return assess_capital_intensive(
        m["cbeci_machines"],
        m["cpu_era"],
        m["cpu_era_median_ths"],
        hashrate,
        10.0,
        20.0,
        30.0,
        365.25,
        estimates,
        50.0,
    )


def test_capital_intensive_by_hand() -> None:
    result = _capital(HASHRATE)
    # CPU era (to 1 January 2010): median of 1e-6 and 3e-6
    assert result.value("cpu_era_median_ths") == pytest.approx(2e-6)
    assert result.value("hashrate_growth_multiple") == pytest.approx(5e14)
    assert result.value("hashrate_growth_orders") == pytest.approx(14 + 0.69897, abs=1e-5)
    assert result.value("latest_hashrate_ehs") == pytest.approx(1e3)
    # now: 1e9 TH/s x 10 J/TH = 10 GW for a year; then: 2e-6 TH/s x 1e8 J/TH (worst CPU) = 200 W
    assert result.value("energy_now_best_twh") == pytest.approx(1e10 * 24 * 365.25 / 1e12)
    assert result.value("energy_now_legacy_twh") == pytest.approx(3e10 * 24 * 365.25 / 1e12)
    assert result.value("cpu_era_energy_high_kwh") == pytest.approx(200 * 24 * 365.25 / 1000)
    assert result.value("energy_growth_min_multiple") == pytest.approx(1e10 / 200)
    # non-cash shares: 1 - 55/100 = 45% and 1 - 60/150 = 60%; the lowest is not above half
    assert result.value("non_cash_share_low") == pytest.approx(45.0)
    assert result.value("non_cash_share_high") == pytest.approx(60.0)
    assert result.value("non_cash_estimates") == 2
    assert len(result.citations) == 4
    assert result.verdict is Verdict.PARTLY_SUPPORTED
    assert result.margin is not None and result.margin.threshold.value == 50.0
    assert result.margin.flips_to is Verdict.SUPPORTED
    assert result.tables["network"]["era"].tolist() == ["CPU era", "CPU era", "after", "after"]


def test_capital_above_half_of_the_cost_supports() -> None:
    # 1 - 49.9/100 = 50.1% and 60%: capital is most of the cost in every estimate
    most = _capital(HASHRATE, _estimates([("A", 49_900.0, 100_000.0), ("B", 60_000.0, 150_000.0)]))
    assert most.value("non_cash_share_low") == pytest.approx(50.1)
    assert most.verdict is Verdict.SUPPORTED
    assert most.margin is not None and most.margin.flips_to is Verdict.PARTLY_SUPPORTED
    # exactly half is not most
    half = _capital(HASHRATE, _estimates([("A", 50_000.0, 100_000.0)]))
    assert half.verdict is Verdict.PARTLY_SUPPORTED


def test_a_small_change_of_scale_contradicts() -> None:
    flat = HASHRATE.assign(hashrate_ths=[1e-6, 3e-6, 1e-6, 1e-5])
    contradicted = _capital(flat)
    assert contradicted.verdict is Verdict.CONTRADICTED
    assert contradicted.margin is not None
    assert contradicted.margin.deciding == "energy_growth_min_multiple"
    assert contradicted.margin.threshold.value == 100.0


def test_ledger_entries(ledger) -> None:  # type: ignore[no-untyped-def]
    capital = ledger.entry("hardware-capital-intensive").assessment
    assert capital.verdict is Verdict.PARTLY_SUPPORTED
    assert capital.value("energy_growth_min_multiple") >= 100  # type: ignore[operator]
    # CoinShares Q3 2024: cash $55,950 of $106,000 all-in; Q4 2024: $82,162 of $137,018;
    # CryptoRank late 2025: $74,600 of $137,800
    shares = [1 - 55_950 / 106_000, 1 - 82_162 / 137_018, 1 - 74_600 / 137_800]
    assert capital.value("non_cash_share_low") == pytest.approx(100 * min(shares))
    assert capital.value("non_cash_share_high") == pytest.approx(100 * max(shares))
