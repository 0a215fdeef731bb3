import csv

import pandas as pd
import pytest

from analysis.ai.systems import (
    frontier_window_start,
    frontier_window_systems,
    is_open_weights,
    lead_organisation,
    notable_last_complete_year,
    notable_snapshot_end,
    notable_systems,
    open_share_by_year,
    sector,
    sector_counts_by_year,
)
from report.ledger.entry import Ledger
from report.pipeline import Project
from tests.analysis.ai.frames import API, OPEN, SYSTEMS, systems_table


def test_sectors_from_organisation_types() -> None:
    assert sector("Industry") == "industry"
    assert sector("Industry,Industry") == "industry"
    assert sector("Academia, Academia") == "academia"
    assert sector("Academia,Industry,Academia") == "collaboration"
    assert sector("Research collective,Industry") == "other"
    assert sector("Government") == "other"
    assert sector(None) == "other"


def test_lead_organisation_merges_research_units() -> None:
    assert lead_organisation("Google DeepMind") == "Google"
    assert lead_organisation("Meta AI,McGill University") == "Meta"
    assert lead_organisation("Mistral AI") == "Mistral AI"
    assert lead_organisation(None) == "unknown"


def test_open_weights_flag() -> None:
    access = pd.Series(
        [OPEN, "Open weights (non-commercial)", API, "Unreleased", None], dtype="string"
    )
    assert is_open_weights(access).tolist() == [True, True, False, False, False]


def test_notable_systems_drop_undated_rows_and_carry_their_classes() -> None:
    undated = systems_table([("2020-01-01", "Lab", "Industry", OPEN, None, False)]).assign(
        published=[pd.NaT]
    )
    systems = notable_systems(pd.concat([SYSTEMS, undated], ignore_index=True))
    assert len(systems) == len(SYSTEMS)
    first = systems.iloc[4]  # Google Brain, 2021, API access
    assert (first["year"], first["sector"], first["lead_developer"]) == (2021, "industry", "Google")
    assert not first["open_weights"]
    assert systems["open_weights"].sum() == 9  # the rows marked OPEN by hand


def test_last_complete_year_and_window() -> None:
    systems = notable_systems(SYSTEMS)
    end = notable_snapshot_end(systems)
    assert end == pd.Timestamp("2024-03-01")
    # the snapshot stops in March 2024, so 2023 is the last complete year
    assert notable_last_complete_year(end) == 2023
    assert notable_last_complete_year(pd.Timestamp("2023-12-20")) == 2023
    assert frontier_window_start(2023) == 2021
    frontier = frontier_window_systems(systems, 2021)
    assert frontier["system"].tolist() == ["s4", "s7", "s8", "s10", "s11", "s14", "s15"]


def test_sector_counts_and_shares_by_hand() -> None:
    counts = sector_counts_by_year(notable_systems(SYSTEMS)).set_index("year")
    # 2023: industry OpenAI, Mistral, Google DeepMind (3); collaboration 1; academia 1 -> 3/5
    assert counts.loc[2023, "industry"] == 3
    assert counts.loc[2023, "industry_share"] == pytest.approx(60.0)
    assert counts.loc[2023, "industry_involved_share"] == pytest.approx(80.0)
    assert counts.loc[2021, "other"] == 1


def test_open_share_by_year_by_hand() -> None:
    shares = open_share_by_year(notable_systems(SYSTEMS)).set_index("year")
    # 2022: Unreleased, open, open -> 2 of 3
    assert shares.loc[2022, "open"] == 2
    assert shares.loc[2022, "open_share"] == pytest.approx(200 / 3)
    assert 2005 not in shares.index  # no accessibility recorded


def test_real_open_share_is_of_the_ai_index_order(real_tables: dict[str, pd.DataFrame]) -> None:
    # AI Index 2024: 65.7% of the foundation models of 2023 were open (a different, wider set),
    # so the share of notable systems with open weights is checked only to be of that order
    shares = open_share_by_year(notable_systems(real_tables["ml_systems"])).set_index("year")
    assert 55 < shares.loc[2023, "open_share"] < 75


def test_company_involved_counting_rule_by_hand() -> None:
    rows = systems_table(
        [
            ("2023-01-01", "A", "Industry", None, None, False),
            ("2023-01-02", "B", "Academia,Industry", None, None, False),
            ("2023-01-03", "C", "Industry,Government", None, None, False),
            ("2023-01-04", "D", "Research collective,Industry", None, None, False),
            ("2023-01-05", "E", "Academia", None, None, False),
            ("2023-01-06", "F", "Government", None, None, False),
            ("2023-01-07", "G", None, None, None, False),
        ]
    )
    counts = sector_counts_by_year(notable_systems(rows)).set_index("year")
    # a company in A, B, C and D; none in E and F; G has no type and is left out: 4 of 6
    assert counts.loc[2023, "company_involved"] == 4
    assert counts.loc[2023, "type_known"] == 6
    assert counts.loc[2023, "industry_involved_share"] == pytest.approx(400 / 6)
    # C and D are 'other' in the sector classes, yet count as involving a company
    assert counts.loc[2023, "other"] == 4  # C, D, F and G


def test_company_involved_share_matches_a_count_of_the_raw_file(
    project: Project, ledger: Ledger
) -> None:
    # counted another way: the raw CSV read with the csv module, 2023 rows by the date's
    # first four characters, a company where the word Industry appears in the categorisation
    assert project.settings.mirror_dir is not None
    folder = project.settings.mirror_dir / "epoch-open-model-trends"
    with (folder / "All ML Systems - full view.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["Publication date"][:4] == "2023"]
    typed = [r for r in rows if r["Organization categorization"].strip()]
    involved = [r for r in typed if "Industry" in r["Organization categorization"]]
    assert (len(rows), len(typed), len(involved)) == (332, 330, 257)
    share = ledger.entry("ai-academia-to-industry").assessment.value(
        "industry_involved_share_latest"
    )
    assert share == pytest.approx(100 * len(involved) / len(typed))
