import pandas as pd
import pytest

from analysis.migration.drivers import assess_cost_driven_migration, assess_energy_determinants
from analysis.result import Verdict
from report.ledger.entry import Ledger
from tests.analysis.migration.frames import countries, hashrate, recent, shock_measures


def test_cost_driven_migration_needs_china_to_fall() -> None:
    later = pd.DataFrame(
        {
            "date": pd.to_datetime(["2022-01-01"] * 3),
            "country": ["Mainland China", "United States", "Kazakhstan"],
            "share_pct": [20.0, 40.0, 15.0],
            "hashrate_ehs": [1.0, 1.0, 1.0],
        }
    )
    shares = pd.concat([countries(), later])
    us_kz = pd.DataFrame(
        {
            "date": pd.to_datetime(["2019-09-01"] * 2),
            "country": ["United States", "Kazakhstan"],
            "share_pct": [4.0, 1.0],
            "hashrate_ehs": [1.0, 1.0],
        }
    )
    falls = hashrate([100, 100, 100, 100, 60, 120])
    moved = assess_cost_driven_migration(
        country_hashrate_recent=recent(), **shock_measures(pd.concat([shares, us_kz]), falls)
    )
    # China: 80% (September 2019), 50% (April 2021), 20% (January 2022)
    assert moved.value("china_fall_before_ban_pp") == pytest.approx(-30.0)
    assert moved.value("china_fall_after_ban_pp") == pytest.approx(-30.0)
    assert moved.value("china_share_fall_pp") == pytest.approx(20.0 - 80.0)
    assert moved.value("us_share_last") == 40.0
    assert moved.value("kazakhstan_share_first") == 1.0
    assert moved.value("pre_ban_month") == pd.Timestamp("2021-04-01").toordinal()
    assert moved.value("ban_drop_pct") == pytest.approx(40.0)  # 100 to 60 EH/s
    assert moved.value("recovery_date") == pd.Timestamp("2021-05-22").toordinal()
    assert moved.verdict is Verdict.PARTLY_SUPPORTED
    assert moved.margin is not None and moved.margin.threshold.value == 0.0
    assert moved.margin.flips_to is Verdict.CONTRADICTED
    # the map's points date from Q4 2025, after Cambridge's last month: all three are shown
    assert moved.tables["later"]["label"].tolist() == ["A", "B", "C"]
    assert len(moved.citations) == 3
    stayed = shares.assign(
        share_pct=shares["share_pct"].where(shares["country"] != "Mainland China", 90.0)
    )
    result = assess_cost_driven_migration(
        country_hashrate_recent=recent(), **shock_measures(pd.concat([stayed, us_kz]), falls)
    )
    assert result.verdict is Verdict.CONTRADICTED
    assert result.margin is not None and result.margin.flips_to is Verdict.PARTLY_SUPPORTED


def test_energy_determinants_say_what_would_settle_them() -> None:
    result = assess_energy_determinants()
    assert result.verdict is Verdict.NOT_CHECKABLE
    assert result.figures == ()
    assert "survey" in result.needs


def test_ledger_shows_cambridge_january_2022(ledger: Ledger) -> None:
    entry = ledger.entry("migration-cost-driven-relocation")
    a = entry.assessment
    # Cambridge's published January 2022 shares
    assert a.value("us_share_last") == 37.84
    assert a.value("china_share_last") == 21.11
    assert a.value("kazakhstan_share_last") == 13.22
    assert a.value("china_share_fall_pp") == pytest.approx(21.11 - 75.53)
    assert a.verdict is Verdict.PARTLY_SUPPORTED
    # the measures it names bring their inputs with them: the crackdown parameter
    assert "china_mining_crackdown_date" in [p.name for p in entry.parameters]
    assert set(entry.tables) == {"country_shares", "country_hashrate_recent", "hashrate"}


def test_ledger_energy_determinants_are_not_checkable(ledger: Ledger) -> None:
    entry = ledger.entry("migration-energy-determinants")
    assert entry.assessment.verdict is Verdict.NOT_CHECKABLE
    assert entry.tables == ()
