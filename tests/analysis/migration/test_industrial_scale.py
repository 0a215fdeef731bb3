import pandas as pd

from analysis.migration.industrial_scale import assess_industrial_scale
from report.ledger.entry import Ledger


def test_industrial_scale_sets_listed_miners_beside_the_latest_us_share() -> None:
    rows = pd.DataFrame(
        {
            "country": ["United States", "Russia", "United States"],
            "share_pct_low": [40.0, 20.0, 30.0],
            "share_pct_high": [40.0, 20.0, 30.0],
            "map": ["Map 2025", "Map 2025", "Map 2023"],
            "basis": ["geographic estimate"] * 3,
            "year": [2025, 2025, 2023],
        }
    )
    result = assess_industrial_scale(rows, 30.0, 50.0)
    assert result.value("us_map_share") == 40.0  # the newer map, not 2023's 30
    assert result.value("listed_over_us") == 0.75  # 30 / 40
    assert result.verdict.value == "partly supported"
    assert result.margin is not None and result.margin.threshold.value == 50.0
    assert result.margin.flips_to.value == "supported"
    # a map without the United States: the ratio is missing, not a division by zero
    no_us = rows.assign(country=["Canada", "Russia", "United States"])
    assert assess_industrial_scale(no_us, 30.0, 50.0).value("listed_over_us") is None


def test_industrial_scale_flips_just_past_the_majority() -> None:
    rows = pd.DataFrame(
        {
            "country": ["United States"],
            "share_pct_low": [40.0],
            "share_pct_high": [40.0],
            "map": ["Map 2025"],
            "basis": ["geographic estimate"],
            "year": [2025],
        }
    )
    above = assess_industrial_scale(rows, 50.1, 50.0)
    assert above.verdict.value == "supported"
    assert above.margin is not None and above.margin.flips_to.value == "partly supported"
    assert assess_industrial_scale(rows, 50.0, 50.0).verdict.value == "partly supported"


def test_industrial_scale_on_the_real_tables(ledger: Ledger) -> None:
    entry = next(e for e in ledger.entries if e.claim.id == "migration-industrial-scale")
    assert entry.assessment.value("us_map_share") == 37.8  # Hashrate Index map, Q4 2025
    assert entry.assessment.value("us_listed_share") == 31.5  # JPMorgan, as reported
    pools = next(e for e in ledger.entries if e.claim.id == "pools-industrial-operations")
    assert entry.assessment.verdict == pools.assessment.verdict  # the same rule, one share
