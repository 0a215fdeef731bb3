import pandas as pd
import pytest

from analysis.migration.hydro import assess_hydro_migration, country_share_range, map_rank
from analysis.result import Verdict
from report.ledger.entry import Ledger
from tests.analysis.migration.frames import CRACKDOWN_DAY


def _energy() -> pd.DataFrame:
    # 2021 and 2025: Paraguay generates 50 TWh and uses 20 then 30; Ethiopia 10 and 9 then 9.5
    return pd.DataFrame(
        {
            "country": ["Paraguay", "Paraguay", "Ethiopia", "Ethiopia"],
            "year": [2021, 2025, 2021, 2025],
            "electricity_generation_twh": [50.0, 50.0, 10.0, 10.0],
            "electricity_demand_twh": [20.0, 30.0, 9.0, 9.5],
            "hydro_share_elec_pct": [100.0, 100.0, 95.0, 95.0],
            "net_elec_imports_twh": [-30.0, -20.0, -1.0, -0.5],
        }
    )


def _hydro_recent(ethiopia_basis: str) -> pd.DataFrame:
    rows = [
        ("Paraguay", 1.0, 2022, "geographic estimate", None),
        ("Paraguay", 4.0, 2025, "geographic estimate", "M Q4 2025"),
        ("United States", 40.0, 2025, "geographic estimate", "M Q4 2025"),
        ("Ethiopia", 2.0, 2024, ethiopia_basis, None),
    ]
    frame = pd.DataFrame(rows, columns=["country", "share_pct_low", "year", "basis", "map"])
    return frame.assign(
        share_pct_high=frame["share_pct_low"],
        label=frame["country"] + frame["year"].astype(str),
        source_title="t",
        source_address="https://example.org",
        excerpt="e",
        normalisation=None,
    )


def test_hydro_claim_needs_a_measured_share_for_each_country() -> None:
    stated = assess_hydro_migration(_energy(), _hydro_recent("statement"), CRACKDOWN_DAY)
    assert stated.value("energy_year") == 2025
    assert stated.value("base_year") == 2021  # the crackdown's year
    assert stated.value("paraguay_surplus_twh") == pytest.approx(20.0)  # 50 - 30
    assert stated.value("paraguay_demand_growth") == pytest.approx(50.0)  # 20 -> 30
    assert stated.value("paraguay_net_exports_base_twh") == pytest.approx(30.0)
    assert stated.value("ethiopia_surplus_share") == pytest.approx(5.0)  # 0.5 of 10
    assert stated.value("ethiopia_demand_growth") == pytest.approx(100 * (9.5 / 9 - 1))
    assert stated.value("paraguay_map_share") == 4.0
    assert stated.value("paraguay_early_low") == 1.0  # the 2022 estimate
    assert stated.value("paraguay_map_rank") == 2
    assert stated.value("paraguay_countries_above") == 1  # only the United States
    assert stated.value("ethiopia_stated_high") == 2.0
    assert stated.value("ethiopia_geographic_rows") == 0
    assert stated.verdict is Verdict.PARTLY_SUPPORTED
    assert len(stated.citations) == 3  # Paraguay's two rows and Ethiopia's one
    # partly: both surpluses positive, so one geographic estimate for Ethiopia would flip it
    assert stated.margin is not None and stated.margin.deciding == "ethiopia_geographic_rows"
    assert stated.margin.threshold.value == 0 and stated.margin.flips_to is Verdict.SUPPORTED
    mapped = assess_hydro_migration(_energy(), _hydro_recent("geographic estimate"), CRACKDOWN_DAY)
    assert mapped.verdict is Verdict.SUPPORTED
    # supported: Ethiopia's surplus (0.5 TWh) is the smaller; at zero the verdict would flip
    assert mapped.margin is not None and mapped.margin.deciding == "ethiopia_surplus_twh"
    assert mapped.margin.threshold.value == 0.0
    dry = _energy().assign(electricity_demand_twh=[20.0, 30.0, 9.0, 10.0])  # no surplus
    flipped = assess_hydro_migration(dry, _hydro_recent("geographic estimate"), CRACKDOWN_DAY)
    assert flipped.verdict is mapped.margin.flips_to is Verdict.PARTLY_SUPPORTED


def test_map_rank_orders_by_share() -> None:
    rows = pd.DataFrame({"country": ["A", "B", "C"], "share_pct_low": [2.0, 9.0, 5.0]})
    assert map_rank(rows, "A") == 3
    assert map_rank(rows, "B") == 1


def test_country_share_range_sorts_by_basis_and_year() -> None:
    rows = country_share_range(_hydro_recent("statement"), "Paraguay")
    assert rows["year"].tolist() == [2022, 2025]
    assert set(rows["country"]) == {"Paraguay"}


def test_ledger_hydro_claim_on_the_real_tables(ledger: Ledger) -> None:
    hydro = ledger.entry("migration-hydro-paraguay-ethiopia").assessment
    # OWID: Paraguay exports far more than Ethiopia, both run mostly on hydro
    paraguay = hydro.value("paraguay_net_exports_twh") or 0.0
    ethiopia = hydro.value("ethiopia_net_exports_twh") or 0.0
    assert paraguay > ethiopia > 0
    assert hydro.value("paraguay_map_share") == pytest.approx(3.9)
    # no geographic map in the curated table gives Ethiopia a share: partly supported
    assert hydro.value("ethiopia_geographic_rows") == 0
    assert hydro.verdict is Verdict.PARTLY_SUPPORTED
