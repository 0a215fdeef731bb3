import pandas as pd
import pytest

from analysis.hardware.capital_intensive import assess_capital_intensive
from analysis.result import Assessment, Verdict
from tests.analysis.hardware_frames import CBECI, measures, series

HASHRATE = series(
    [("2009-01-01", 1e-6), ("2009-06-01", 3e-6), ("2010-06-01", 1.0), ("2026-01-01", 1e9)]
)


def _capital(hashrate: pd.DataFrame) -> Assessment:
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
    assert result.verdict is Verdict.PARTLY_SUPPORTED
    assert result.tables["network"]["era"].tolist() == ["CPU era", "CPU era", "after", "after"]


def test_a_small_change_of_scale_contradicts() -> None:
    flat = HASHRATE.assign(hashrate_ths=[1e-6, 3e-6, 1e-6, 1e-5])
    assert _capital(flat).verdict is Verdict.CONTRADICTED


def test_ledger_entries(ledger) -> None:  # type: ignore[no-untyped-def]
    capital = ledger.entry("hardware-capital-intensive").assessment
    assert capital.verdict is Verdict.PARTLY_SUPPORTED
    assert capital.value("energy_growth_min_multiple") >= 100  # type: ignore[operator]
