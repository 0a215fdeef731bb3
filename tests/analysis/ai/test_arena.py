import pandas as pd
import pytest

from analysis.ai.arena import (
    arena_catch_up_months,
    arena_frontier,
    arena_last_snapshot,
    gap_slope_per_year,
    gap_trend,
    is_proprietary,
    win_probability,
    window_mean,
)
from tests.analysis.ai.frames import D, arena_table

_arena = arena_table

ARENA = _arena(
    [
        ("2023-01-01", "closed-a", 1200, "Proprietary"),
        ("2023-01-01", "open-a", 1000, "Apache 2.0"),
        ("2023-01-01", "open-b", 1050, "Non-commercial"),
        ("2024-01-01", "closed-a", 1190, "Proprietary"),
        ("2024-01-01", "closed-b", 1250, "Propretary"),
        ("2024-01-01", "open-b", 1060, "Non-commercial"),
        ("2024-01-01", "open-c", 1180, "MIT"),
    ]
)


def test_the_misspelt_licence_counts_as_proprietary() -> None:
    licences = pd.Series(
        ["Proprietary", "Propretary", " proprietary ", "MIT", None], dtype="string"
    )
    assert is_proprietary(licences).tolist() == [True, True, True, False, False]


def test_frontier_takes_the_best_of_each_kind_per_snapshot() -> None:
    frontier = arena_frontier(ARENA)
    # 2023: 1200 - 1050; 2024: 1250 (the misspelt licence) - 1180
    assert frontier["gap"].tolist() == [150, 70]
    assert frontier["open_model"].tolist() == ["OPEN-B", "OPEN-C"]
    assert frontier["proprietary_model"].tolist() == ["CLOSED-A", "CLOSED-B"]


def test_slope_is_the_least_squares_line() -> None:
    # three points on a line falling 40 Elo a year, computed from the two-point formula
    frontier = pd.DataFrame(
        {"date": [D("2020-01-01"), D("2021-01-01"), D("2022-01-01")], "gap": [100.0, 60.0, 20.0]}
    )
    days = (D("2022-01-01") - D("2020-01-01")).days
    expected = (20.0 - 100.0) / (days / 365.25)
    assert gap_slope_per_year(frontier) == pytest.approx(expected)


def test_win_probability_follows_the_elo_formula() -> None:
    assert win_probability(0) == pytest.approx(0.5)
    # a 400-point gap is ten-to-one odds
    assert win_probability(400) == pytest.approx(10 / 11)
    assert win_probability(-400) == pytest.approx(1 / 11)


def test_catch_up_dates_from_the_oldest_closed_model_still_ahead() -> None:
    # In 2024 open-c (1180) trails only closed-b (1250), first listed 2024-01-01: no lag;
    # closed-a (1190) is also ahead and was first listed a year earlier.
    months = arena_catch_up_months(ARENA, D("2024-01-01"))
    assert months == pytest.approx((D("2024-01-01") - D("2023-01-01")).days / (365.25 / 12))
    ahead = _arena(
        [
            ("2024-01-01", "closed", 1100, "Proprietary"),
            ("2024-01-01", "open", 1150, "MIT"),
        ]
    )
    assert arena_catch_up_months(ahead, D("2024-01-01")) == 0.0


def test_snapshots_without_both_kinds_have_no_gap() -> None:
    only_closed = _arena([("2025-01-01", "closed-c", 1300, "Proprietary")])
    frontier = arena_frontier(pd.concat([ARENA, only_closed], ignore_index=True))
    assert frontier["date"].tolist() == [D("2023-01-01"), D("2024-01-01")]


def test_last_snapshot_is_ranked_by_rating() -> None:
    last = arena_last_snapshot(ARENA)
    assert last["key"].tolist() == ["closed-b", "closed-a", "open-c", "open-b"]


def test_window_means_average_each_end() -> None:
    frontier = pd.DataFrame(
        {
            "date": [D("2020-01-01"), D("2020-02-01"), D("2021-01-01"), D("2021-02-01")],
            "gap": [100.0, 80.0, 40.0, 20.0],
        }
    )
    assert window_mean(frontier, 40, first=True) == pytest.approx(90.0)
    assert window_mean(frontier, 40, first=False) == pytest.approx(30.0)


def test_the_gap_trend_is_the_median_of_pairwise_slopes() -> None:
    dates = [D("2020-01-01"), D("2021-01-01"), D("2022-01-01"), D("2023-01-01")]
    gaps = [100.0, 70.0, 80.0, 10.0]
    frontier = pd.DataFrame({"date": dates, "gap": gaps})
    years = [(d - dates[0]).days / 365.25 for d in dates]
    slopes = sorted(
        (gaps[j] - gaps[i]) / (years[j] - years[i]) for i in range(4) for j in range(i + 1, 4)
    )
    trend = gap_trend(frontier)
    assert trend.slope == pytest.approx((slopes[2] + slopes[3]) / 2)
    assert trend.low <= trend.slope <= trend.high
