"""The Theil–Sen slope and its interval, checked against slopes and ranks counted by hand."""

from __future__ import annotations

import math
from itertools import combinations
from statistics import median

import numpy as np
import pytest

from analysis.measures.trend_interval import Trend, as_pct_per_step, theil_sen


def test_points_on_a_line_give_its_slope_and_no_spread() -> None:
    x = np.arange(6.0)
    trend = theil_sen(x, 3.0 * x + 2.0)
    assert trend == Trend(3.0, 3.0, 3.0, 6)
    assert trend.excludes_no_trend


def test_slope_and_interval_against_a_count_by_hand() -> None:
    x = np.array([0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0])
    y = np.array([1.0, 3.0, 2.0, 5.0, 4.0, 9.0, 6.0, 8.0, 7.0, 12.0])
    slopes = sorted((y[b] - y[a]) / (x[b] - x[a]) for a, b in combinations(range(10), 2))
    # n = 10: 45 slopes; var(S) = 10*9*25/18 = 125; 1.96 * sqrt(125) = 21.9;
    # ranks (45 - 21.9)/2 = 11.55 -> 12th slope, (45 + 21.9)/2 = 33.45 -> 34th slope (1-based).
    trend = theil_sen(x, y)
    assert trend.slope == pytest.approx(median(slopes))
    assert (trend.low, trend.high) == (slopes[11], slopes[33])


def test_an_outlier_does_not_move_the_slope_much() -> None:
    x = np.arange(11.0)
    y = 2.0 * x
    y[6] = 100.0
    assert theil_sen(x, y).slope == pytest.approx(2.0)


def test_noise_without_trend_gives_an_interval_around_zero() -> None:
    y = np.array([5.0, 1.0, 4.0, 2.0, 5.0, 1.0, 3.0, 4.0, 2.0, 3.0])
    trend = theil_sen(np.arange(10.0), y)
    assert trend.low < 0 < trend.high and not trend.excludes_no_trend


def test_logs_as_percent_per_step() -> None:
    x = np.arange(5.0)
    trend = as_pct_per_step(theil_sen(x, np.log(100.0 * 0.9**x)))
    assert trend.slope == pytest.approx(-10.0) and trend.high == pytest.approx(-10.0)
    assert math.isclose(trend.low, -10.0)


def test_too_few_points_is_an_error() -> None:
    with pytest.raises(ValueError, match="three points"):
        theil_sen(np.arange(2.0), np.arange(2.0))
