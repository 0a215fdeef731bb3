import pytest

from analysis.hardware.entry_barriers import assess_efficiency_entry_barriers
from analysis.result import Verdict
from report.render.format import format_value
from tests.analysis.hardware_frames import CBECI, F2POOL, HASHRATE, MODELS, TS, measures


def test_entry_barriers_by_hand() -> None:
    m = measures(CBECI, HASHRATE, MODELS)
    result = assess_efficiency_entry_barriers(
        m["classified_machines"], MODELS, m["f2pool_efficiency"], HASHRATE, 144.0, 365.25
    )
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
    # a rare event reads as "1 in N years": 400 TH/s of 4e7 expects 0.21 blocks a year
    solo = result.figure("late_device_solo_blocks_per_year")
    assert solo.unit == "per_year"
    assert format_value(solo.value, solo.unit) == "1 in 4.8 years"  # 1 / 0.2104 = 4.75
    assert len(result.tables["devices"]) == len(F2POOL) + 1  # with B1 from the curated rows


def test_ledger_entries(ledger) -> None:  # type: ignore[no-untyped-def]
    barriers = ledger.entry("hardware-efficiency-entry-barriers").assessment
    assert barriers.verdict is Verdict.NOT_CHECKABLE
    assert barriers.value("device_share_fall_multiple") > 1  # type: ignore[operator]
