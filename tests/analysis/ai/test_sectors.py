import pandas as pd
import pytest

from analysis.ai.sectors import (
    assess_academia_to_industry,
    assess_began_in_corporate_labs,
    assess_early_corporate_labs,
    industry_lead_year,
)
from analysis.result import Verdict
from tests.analysis.ai.frames import SYSTEMS, assess, epoch_measures

PARAMETERS = {
    "ai_index_industry_share_2023_pct": 60.0,
    "ai_index_industry_lead_year": 2014.0,
    "deep_learning_era_start_year": 2010.0,
}


def test_industry_lead_year_is_the_start_of_the_lasting_lead() -> None:
    counts = pd.DataFrame(
        {
            "year": [2010, 2011, 2012, 2013],
            "industry": [1, 3, 0, 4],
            "collaboration": [0, 0, 1, 0],
            "academia": [2, 1, 2, 1],
        }
    )
    counts["company_involved"] = counts["industry"] + counts["collaboration"]
    # 2011 leads but 2012 falls behind (1 < 2); from 2013 on it always leads
    assert industry_lead_year(counts) == 2013
    assert industry_lead_year(counts.assign(academia=[9, 9, 9, 9])) is None


def test_academia_to_industry_by_hand() -> None:
    result = assess(assess_academia_to_industry, epoch_measures(SYSTEMS), PARAMETERS)
    # before 2010: academia 2 of 4 (50%), industry 1 of 4 (25%)
    assert result.value("early_academia_share") == pytest.approx(50)
    assert result.value("early_industry_share") == pytest.approx(25)
    # 2023: three of five from companies alone, one from a university alone
    assert result.value("industry_share_latest") == pytest.approx(60)
    assert result.value("academia_share_latest") == pytest.approx(20)
    assert result.value("systems_latest") == 5
    # academia-only systems lead in 2005 and 2006; from 2007 on (IBM, then CMU with Google)
    # industry-involved systems match them in every listed year, three years before 2010
    assert result.value("industry_lead_year") == 2007
    assert result.value("years_to_lead") == -3
    assert result.verdict is Verdict.SUPPORTED
    # gaps: 60 - 20 = 40 points now against 50 - 25 = 25 early: the early one is nearer
    assert result.margin is not None and result.margin.deciding == "early_industry_share"
    assert result.margin.threshold.value == pytest.approx(50)
    assert result.margin.flips_to is Verdict.CONTRADICTED


def test_no_move_when_companies_made_the_early_systems() -> None:
    corporate = SYSTEMS.assign(
        organization_type=SYSTEMS["organization_type"].where(
            SYSTEMS["published"] >= pd.Timestamp("2010-01-01"), "Industry"
        )
    )
    result = assess(assess_academia_to_industry, epoch_measures(corporate), PARAMETERS)
    assert result.value("early_industry_share") == pytest.approx(100)
    assert result.verdict is Verdict.CONTRADICTED
    assert result.margin is not None and result.margin.flips_to is Verdict.SUPPORTED
    assert result.margin.threshold.value == pytest.approx(0)  # no university system early


def test_early_corporate_labs() -> None:
    early = assess(assess_early_corporate_labs, epoch_measures(SYSTEMS), PARAMETERS)
    # before 2010: MIT, Stanford (academia), IBM (industry), CMU with Google (joint)
    assert early.value("early_systems") == 4
    assert early.value("early_academia_share") == pytest.approx(50)
    assert early.value("early_collaboration_share") == pytest.approx(25)
    assert early.verdict is Verdict.CONTRADICTED
    assert early.margin is not None and early.margin.threshold.value == pytest.approx(50)
    assert early.margin.flips_to is Verdict.SUPPORTED
    # IBM and Google alone before 2010 (MIT becomes a company): 2 of 4 against 1, supported
    corporate = SYSTEMS.assign(
        organization_type=SYSTEMS["organization_type"].where(SYSTEMS["system"] != "s0", "Industry")
    )
    flipped = assess(assess_early_corporate_labs, epoch_measures(corporate), PARAMETERS)
    assert flipped.verdict is Verdict.SUPPORTED
    assert flipped.margin is not None and flipped.margin.flips_to is Verdict.CONTRADICTED


def test_began_in_corporate_labs_names_the_untested_clusters() -> None:
    began = assess(assess_began_in_corporate_labs, epoch_measures(SYSTEMS), PARAMETERS)
    early = assess(assess_early_corporate_labs, epoch_measures(SYSTEMS), PARAMETERS)
    assert began.verdict is early.verdict and began.figures == early.figures
    assert "'centralized computing clusters', is not tested" in began.summary
    assert "hardware each early notable system was trained on" in began.needs


def test_real_data_match_the_ai_index(real_tables: dict[str, pd.DataFrame]) -> None:
    measures = epoch_measures(real_tables["ml_systems"])
    result = assess(assess_academia_to_industry, measures, PARAMETERS)
    # AI Index 2025: 60% of the notable models of 2023 came from industry
    assert result.value("latest_year") == 2023
    assert result.value("industry_share_latest") == pytest.approx(60, abs=1)
    # AI Index 2023: "Until 2014, most significant machine learning models were released by academia"
    assert result.value("industry_lead_year") == 2014


def test_both_conditions_failing_says_no_one_share_flips_it() -> None:
    # companies alone made every early system, universities every 2023 one
    year = SYSTEMS["published"].dt.year
    kinds = (
        SYSTEMS["organization_type"].where(year >= 2010, "Industry").where(year != 2023, "Academia")
    )
    result = assess(
        assess_academia_to_industry,
        epoch_measures(SYSTEMS.assign(organization_type=kinds)),
        PARAMETERS,
    )
    assert result.value("early_industry_share") == pytest.approx(100)
    assert result.value("industry_share_latest") == pytest.approx(0)
    assert result.verdict is Verdict.CONTRADICTED and result.margin is None
    assert "No one share would change this verdict" in result.summary
