import pandas as pd
import pytest

from analysis.ai.geography import (
    assess_curated_simplified_versions,
    assess_innovation_from_anywhere,
)
from analysis.result import Verdict
from tests.analysis.ai.frames import SYSTEMS, assess, epoch_measures

US, CN, FR = "United States of America", "China", "France"


def _anywhere(countries: list[str | None], line: float = 50.0):  # type: ignore[no-untyped-def]
    systems = SYSTEMS.assign(country=pd.array(countries, dtype="string"))
    return assess(assess_innovation_from_anywhere, epoch_measures(systems), majority_share_pct=line)


# SYSTEMS rows 4 to 16 are the window (from 2021); frontier rows 4, 7, 8, 10, 11, 14, 15
SPREAD = [None] * 4 + [US, CN, FR, US, CN, FR, US, CN, FR, US, CN, FR, US]


def test_spread_across_countries_is_supported() -> None:
    result = _anywhere(SPREAD)
    # notable: US 5 of 13; frontier rows 4, 7, 8, 10, 11, 14, 15: US, US, CN, US, CN, CN, FR
    assert result.value("largest_country_notable") == pytest.approx(500 / 13)
    assert result.value("largest_country_frontier") == pytest.approx(300 / 7)
    assert result.value("countries_notable") == 3
    assert result.verdict is Verdict.SUPPORTED
    # the frontier (42.9%) is nearer the line than the notable systems (38.5%)
    assert result.margin is not None and result.margin.deciding == "largest_country_frontier"
    assert result.margin.flips_to is Verdict.PARTLY_SUPPORTED
    assert "United States of America" in result.summary


def test_concentration_at_one_or_both_levels() -> None:
    # the seven frontier rows all in the United States, the other six of the window abroad:
    # the frontier is 100% American, the notable systems 7 of 13 (53.8%)
    countries = list(SPREAD)
    for row in (4, 7, 8, 10, 11, 14, 15):
        countries[row] = US
    for row in (5, 6, 9, 12, 13, 16):
        countries[row] = FR if row % 2 else CN
    result = _anywhere(countries)
    assert result.value("largest_country_frontier") == pytest.approx(100)
    assert result.value("largest_country_notable") == pytest.approx(700 / 13)
    assert result.verdict is Verdict.CONTRADICTED  # both levels above half
    # with a line of 60%: only the frontier is concentrated
    partly = _anywhere(countries, line=60.0)
    assert partly.verdict is Verdict.PARTLY_SUPPORTED
    assert partly.margin is not None and partly.margin.deciding == "largest_country_notable"
    assert partly.margin.flips_to is Verdict.CONTRADICTED
    assert result.margin is not None and result.margin.flips_to is Verdict.PARTLY_SUPPORTED


def test_unknown_countries_are_left_out() -> None:
    countries = list(SPREAD)
    countries[5] = None  # a notable system of the window with no country
    result = _anywhere(countries)
    assert result.value("country_unknown_share") == pytest.approx(100 / 13)
    assert result.value("largest_country_notable") == pytest.approx(500 / 12)


def test_curated_versions_say_what_would_settle_them() -> None:
    result = assess_curated_simplified_versions()
    assert result.verdict is Verdict.NOT_CHECKABLE and result.margin is None
    assert "monthly active users" in result.needs


def test_ledger_entry(ledger) -> None:  # type: ignore[no-untyped-def]
    anywhere = ledger.entry("ai-innovation-from-anywhere").assessment
    assert 0 < anywhere.value("largest_country_notable") < 100  # type: ignore[operator]
    assert anywhere.margin is not None
