import pandas as pd
import pytest

from analysis.ai.democratization import (
    assess_developers_worldwide_access,
    assess_journey_to_democratization,
    yearly_series,
)
from analysis.measures.trend_interval import theil_sen
from analysis.result import Verdict
from tests.analysis.ai.frames import (
    API,
    OPEN,
    SYSTEMS,
    arena_measures,
    arena_table,
    assess,
    epoch_measures,
    systems_table,
)

PARAMETERS = {"deep_learning_era_start_year": 2019.0}


def _years(reverse: bool = False, spread_frontier: bool = False) -> pd.DataFrame:
    """2019 to 2023: labs A, B and C make four closed systems a year; 3k single-system
    labs (k = 0..4 by year) add open ones, so the leaders' share falls 100, 80, 66.7,
    57.1, 50% and the open share rises 0, 20, 33.3, 42.9, 50%. A's first two systems of
    each year are frontier ones, or (``spread_frontier``) three of each leader's and k of
    the small labs'."""
    rows = []
    for year in range(2019, 2024):
        k = (2023 - year) if reverse else (year - 2019)
        for lab in "ABC":
            for i in range(4):
                frontier = (i < 3) if spread_frontier else (lab == "A" and i < 2)
                rows.append((f"{year}-03-0{i + 1}", lab, "Industry", API, None, frontier))
        for j in range(3 * k):
            frontier = spread_frontier and j < k
            rows.append((f"{year}-06-01", f"Lab {year}-{j}", "Academia", OPEN, None, frontier))
    rows.append(("2024-01-01", "A", "Industry", API, None, False))  # the snapshot's end
    return systems_table(rows)


def test_yearly_series_by_hand() -> None:
    table = yearly_series(epoch_measures(_years())["notable_systems"], 2019, 2023)
    assert table["top_notable"].tolist() == pytest.approx([100, 80, 200 / 3, 400 / 7, 50])
    assert table["open_share"].tolist() == pytest.approx([0, 20, 100 / 3, 300 / 7, 50])
    assert table["top_frontier"].tolist() == [100.0] * 5


def test_two_series_moving_is_partly_supported() -> None:
    result = assess(assess_journey_to_democratization, epoch_measures(_years()), PARAMETERS)
    # the open share's trend is the median pairwise slope, as computed here independently
    by_hand = theil_sen(pd.Series(range(2019, 2024)).to_numpy(), [0, 20, 100 / 3, 300 / 7, 50])
    assert result.value("open_share_slope") == pytest.approx(by_hand.slope)
    assert result.value("open_share_low") > 0  # type: ignore[operator]
    assert result.value("top_notable_high") < 0  # type: ignore[operator]
    assert result.value("top_frontier_slope") == 0
    assert result.value("toward_count") == 2
    assert result.verdict is Verdict.PARTLY_SUPPORTED
    # the frontier series is the one that would complete it
    assert result.margin is not None and result.margin.deciding == "top_frontier_high"
    assert result.margin.flips_to is Verdict.SUPPORTED


def test_all_three_moving_is_supported() -> None:
    result = assess(
        assess_journey_to_democratization, epoch_measures(_years(spread_frontier=True)), PARAMETERS
    )
    # frontier: the leaders' nine of 9 + k
    assert result.value("top_frontier_last") == pytest.approx(900 / 13)
    assert result.verdict is Verdict.SUPPORTED
    assert result.margin is not None and result.margin.flips_to is Verdict.PARTLY_SUPPORTED


def test_the_reverse_is_contradicted() -> None:
    result = assess(
        assess_journey_to_democratization, epoch_measures(_years(reverse=True)), PARAMETERS
    )
    assert result.value("toward_count") == 0
    assert result.verdict is Verdict.CONTRADICTED
    assert result.margin is not None and result.margin.flips_to is Verdict.PARTLY_SUPPORTED


def test_developers_worldwide_access() -> None:
    arena = arena_table(
        [("2025-01-01", "a", 1300, "Proprietary"), ("2025-01-01", "b", 1200, "MIT")],
        orgs=["x", "y"],
    )
    countries = ["United States of America"] * 8 + ["France,United States of America"] * 9
    systems = SYSTEMS.assign(country=pd.array(countries, dtype="string"))
    result = assess(
        assess_developers_worldwide_access, epoch_measures(systems), arena_measures(arena)
    )
    # frontier since 2021 with open weights: Meta (2022), Meta-McGill, xAI
    assert result.value("frontier_open") == 3
    # open systems since 2021: rows 5 and 6 (United States), 8, 9, 11, 12, 13, 15, 16 (France)
    assert result.value("open_countries") == 2
    assert result.verdict is Verdict.PARTLY_SUPPORTED
    assert result.margin is not None and result.margin.flips_to is Verdict.CONTRADICTED
    closed = systems.assign(accessibility=pd.array([API] * len(systems), dtype="string"))
    none = assess(assess_developers_worldwide_access, epoch_measures(closed), arena_measures(arena))
    assert none.verdict is Verdict.CONTRADICTED
    assert none.margin is not None and none.margin.flips_to is Verdict.PARTLY_SUPPORTED


def test_ledger_entries(ledger) -> None:  # type: ignore[no-untyped-def]
    journey = ledger.entry("ai-journey-to-democratization").assessment
    assert journey.value("first_year") == 2010
    assert journey.margin is not None
    access = ledger.entry("ai-developers-worldwide-access").assessment
    assert access.value("frontier_open") == ledger.entry("ai-open-counterforce").assessment.value(
        "frontier_open"
    )
