import math

import pandas as pd
import pytest

from analysis.edge_ai.market import (
    assess_edge_ai_market,
    assess_iot_expansion,
    growth_path,
    implied_cagr,
    matching_forecasts,
    publisher_growth,
)
from analysis.result import Stated, Verdict

STATED = {
    "base_value": Stated(25, "usd_bn", "$25 billion"),
    "base_year": Stated(2025, "year", "2025"),
    "forecast_value": Stated(119, "usd_bn", "$119 billion"),
    "forecast_year": Stated(2033, "year", "2033"),
}


def _forecasts(**overrides: object) -> pd.DataFrame:
    row = {
        "publisher": "Example Research",
        "market_definition": "edge AI (global)",
        "base_year": 2025,
        "base_value_usd_bn": 24.91,
        "forecast_year": 2033,
        "forecast_value_usd_bn": 118.69,
        "cagr_pct": 21.7,
        "cagr_first_year": 2026,
        "cagr_last_year": 2033,
        "source_title": "t",
        "source_address": "https://example.org",
        "excerpt": "e",
        "notes": pd.NA,
    }
    row.update(overrides)
    return pd.DataFrame([row])


def test_implied_cagr_inverts_compounding() -> None:
    # 100 compounding at 10% for 3 years is 133.1
    assert implied_cagr(100, 133.1, 3) == pytest.approx(0.10)
    # the article's figures, computed with logarithms instead of a power
    expected = math.exp(math.log(119 / 25) / 8) - 1
    assert implied_cagr(25, 119, 8) == pytest.approx(expected)
    with pytest.raises(ValueError):
        implied_cagr(0, 10, 2)


def test_growth_path_ends_at_the_forecast() -> None:
    path = growth_path(25, 2025, 2033, implied_cagr(25, 119, 8))
    assert path["year"].tolist() == list(range(2025, 2034))
    assert path["value"].iloc[0] == pytest.approx(25)
    assert path["value"].iloc[-1] == pytest.approx(119)


def test_matching_allows_only_the_rounding_of_the_article() -> None:
    assert len(matching_forecasts(_forecasts(), 2025, 25, 2033, 119, 0.5, 0.5)) == 1
    far = _forecasts(base_value_usd_bn=25.65, forecast_value_usd_bn=118.69)
    assert matching_forecasts(far, 2025, 25, 2033, 119, 0.5, 0.5).empty
    other_year = _forecasts(forecast_year=2034)
    assert matching_forecasts(other_year, 2025, 25, 2033, 119, 0.5, 0.5).empty


def test_publisher_growth_computes_each_rows_rate() -> None:
    table = publisher_growth(
        _forecasts(
            base_year=2024, base_value_usd_bn=10, forecast_year=2026, forecast_value_usd_bn=12.1
        )
    )
    assert table["implied_cagr_pct"].iloc[0] == pytest.approx(10.0)


def test_assessment_is_supported_when_a_forecast_matches() -> None:
    result = assess_edge_ai_market(_forecasts(), STATED)
    assert result.verdict is Verdict.SUPPORTED
    assert result.value("article_implied_cagr") == pytest.approx(100 * ((119 / 25) ** 0.125 - 1))
    assert result.value("publisher_stated_cagr") == pytest.approx(21.7)
    # the nearest edge of the rounding band: 118.69 + 0.5 = 119.19, 0.19 above the article's
    assert result.margin is not None and result.margin.deciding == "stated_forecast_value"
    assert result.margin.threshold.value == pytest.approx(119.19)
    assert result.margin.direction == "above"
    assert result.margin.flips_to is Verdict.CONTRADICTED
    past = dict(STATED, forecast_value=Stated(119.2, "usd_bn", "$119 billion"))
    assert assess_edge_ai_market(_forecasts(), past).verdict is Verdict.CONTRADICTED


def test_real_data_reproduce_the_publishers_figures(real_tables: dict[str, pd.DataFrame]) -> None:
    result = assess_edge_ai_market(real_tables["edge_ai_forecasts"], STATED)
    assert result.verdict is Verdict.SUPPORTED
    # Grand View Research: US$24.91B (2025) to US$118.69B (2033), stated CAGR 21.7%
    assert result.value("publisher_base") == pytest.approx(24.91)
    assert result.value("publisher_forecast") == pytest.approx(118.69)
    assert result.value("publisher_stated_cagr") == pytest.approx(21.7)
    # the two rates differ by less than the publisher's stated rate's own rounding plus period shift
    assert abs(result.value("publisher_implied_cagr") - 21.7) < 0.5  # type: ignore[operator]


def test_assessment_without_a_matching_forecast() -> None:
    # a forecast for the same years that does not round to the article's: contradicted
    mismatched = assess_edge_ai_market(_forecasts(forecast_value_usd_bn=143.06), STATED)
    assert mismatched.verdict is Verdict.CONTRADICTED
    # it misses on the forecast value only: the margin is the edge of that value's band,
    # 143.06 - 0.5, and an article value past it matches
    margin = mismatched.margin
    assert margin is not None and margin.deciding == "stated_forecast_value"
    assert margin.direction == "above" and margin.threshold.value == pytest.approx(142.56)
    assert margin.flips_to is Verdict.SUPPORTED
    near = dict(STATED, forecast_value=Stated(142.6, "usd_bn", "$119 billion"))
    assert assess_edge_ai_market(_forecasts(forecast_value_usd_bn=143.06), near).verdict is (
        Verdict.SUPPORTED
    )
    # missing on both values, no one value makes a match: no margin
    both = _forecasts(base_value_usd_bn=40.0, forecast_value_usd_bn=143.06)
    assert assess_edge_ai_market(both, STATED).verdict is Verdict.CONTRADICTED
    assert assess_edge_ai_market(both, STATED).margin is None
    assert "No one of the article's two values" in assess_edge_ai_market(both, STATED).summary
    assert "No one" not in mismatched.summary
    # too high on the base value only: the lower edge of its band, 20 + 0.5
    high = assess_edge_ai_market(_forecasts(base_value_usd_bn=20.0), STATED).margin
    assert high is not None and high.deciding == "stated_base_value"
    assert high.direction == "below" and high.threshold.value == pytest.approx(20.5)
    # no forecast for those years at all: not checkable
    result = assess_edge_ai_market(_forecasts(forecast_year=2030), STATED)
    assert result.verdict is Verdict.NOT_CHECKABLE
    # no publisher figures without a match; the spread of the publishers is still given
    names = [f.name for f in result.figures]
    assert "publisher_base" not in names
    assert names[:3] == ["article_implied_cagr", "years", "growth_multiple"]
    assert names[-3:] == ["forecasts_compared", "lowest_publisher_cagr", "highest_publisher_cagr"]
    assert result.citations == ()


def test_publisher_figures_and_spread_on_two_forecasts() -> None:
    # a second publisher: 10 to 14.4 in two years is 20% a year (1.2 x 1.2 = 1.44)
    other = _forecasts(
        publisher="Other",
        base_year=2024,
        base_value_usd_bn=10.0,
        forecast_year=2026,
        forecast_value_usd_bn=14.4,
        cagr_pct=20.0,
    )
    result = assess_edge_ai_market(pd.concat([_forecasts(), other], ignore_index=True), STATED)
    assert result.verdict is Verdict.SUPPORTED
    assert result.value("years") == 8
    assert result.value("growth_multiple") == pytest.approx(119 / 25)
    # 24.91 to 118.69 over eight years, by logarithms
    by_logs = 100 * (math.exp(math.log(118.69 / 24.91) / 8) - 1)
    assert result.value("publisher_implied_cagr") == pytest.approx(by_logs)
    assert result.value("publisher_cagr_first_year") == 2026
    assert result.value("forecasts_compared") == 2
    assert result.value("lowest_publisher_cagr") == pytest.approx(20.0)
    assert result.value("highest_publisher_cagr") == pytest.approx(by_logs)
    assert [c.address for c in result.citations] == ["https://example.org"]


def test_iot_expansion_says_what_would_settle_it() -> None:
    result = assess_iot_expansion()
    assert result.verdict is Verdict.NOT_CHECKABLE
    assert result.figures == ()
    assert "IoT" in result.needs
