from analysis.edge_ai.technology import (
    assess_consumer_devices,
    assess_edge_hardware_efficiency,
    assess_edge_latency,
)
from analysis.result import Verdict
from report.ledger.entry import Ledger


def test_edge_latency_is_not_checkable_and_names_the_measurement_that_would_settle_it() -> None:
    result = assess_edge_latency()
    assert result.verdict is Verdict.NOT_CHECKABLE
    assert result.figures == ()
    assert result.tables == {}
    # the test it asks for times the same task on the device and from the cloud
    assert "single-stream latency" in result.needs
    assert "cloud" in result.needs
    assert "fixes the task" in result.limits
    # prose with no figures may type no number by hand
    prose = (result.summary, result.method, result.limits, result.needs)
    assert not any(ch.isdigit() for text in prose for ch in text)


def test_edge_hardware_efficiency_is_not_checkable_and_names_mlperf() -> None:
    result = assess_edge_hardware_efficiency()
    assert result.verdict is Verdict.NOT_CHECKABLE
    assert result.figures == ()
    assert "MLPerf" in result.needs
    assert "per watt" in result.needs


def test_ledger_edge_technology_claims_read_no_data(ledger: Ledger) -> None:
    for claim_id in ("edge-ai-latency", "edge-ai-hardware-efficiency"):
        entry = ledger.entry(claim_id)
        assert entry.assessment.verdict is Verdict.NOT_CHECKABLE
        assert entry.tables == ()
        assert entry.datasets == ()


def test_consumer_devices_say_what_would_settle_them() -> None:
    result = assess_consumer_devices()
    assert result.verdict is Verdict.NOT_CHECKABLE and result.margin is None
    assert "neural processing unit" in result.needs
