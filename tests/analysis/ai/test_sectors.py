import pandas as pd
import pytest

from analysis.ai.sectors import (
    assess_academia_to_industry,
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


def test_no_move_when_companies_made_the_early_systems() -> None:
    corporate = SYSTEMS.assign(
        organization_type=SYSTEMS["organization_type"].where(
            SYSTEMS["published"] >= pd.Timestamp("2010-01-01"), "Industry"
        )
    )
    result = assess(assess_academia_to_industry, epoch_measures(corporate), PARAMETERS)
    assert result.value("early_industry_share") == pytest.approx(100)
    assert result.verdict is Verdict.CONTRADICTED


def test_early_corporate_labs() -> None:
    early = assess(assess_early_corporate_labs, epoch_measures(SYSTEMS), PARAMETERS)
    # before 2010: MIT, Stanford (academia), IBM (industry), CMU with Google (joint)
    assert early.value("early_systems") == 4
    assert early.value("early_academia_share") == pytest.approx(50)
    assert early.value("early_collaboration_share") == pytest.approx(25)
    assert early.verdict is Verdict.CONTRADICTED


def test_real_data_match_the_ai_index(real_tables: dict[str, pd.DataFrame]) -> None:
    measures = epoch_measures(real_tables["ml_systems"])
    result = assess(assess_academia_to_industry, measures, PARAMETERS)
    # AI Index 2025: 60% of the notable models of 2023 came from industry
    assert result.value("latest_year") == 2023
    assert result.value("industry_share_latest") == pytest.approx(60, abs=1)
    # AI Index 2023: "Until 2014, most significant machine learning models were released by academia"
    assert result.value("industry_lead_year") == 2014
