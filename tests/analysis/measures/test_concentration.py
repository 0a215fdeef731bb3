import numpy as np
import pandas as pd
import pytest

from analysis.measures.concentration import (
    concentration_by_period,
    hhi,
    nakamoto_coefficient,
    period_bounds,
    shares_by_period,
    shares_of_counts,
    top_n_share,
)


def test_shares_by_period_counts_rows_per_group() -> None:
    frame = pd.DataFrame({"year": [1, 1, 1, 1, 2, 2], "pool": ["a", "a", "b", "c", "a", "b"]})
    shares = shares_by_period(frame, "year", "pool")
    first = shares[shares["period"] == 1].set_index("group")["share_pct"]
    assert first.to_dict() == pytest.approx({"a": 50.0, "b": 25.0, "c": 25.0})
    assert shares.groupby("period")["share_pct"].sum().tolist() == pytest.approx([100.0, 100.0])


def test_hhi_of_a_monopoly_is_ten_thousand_and_of_equal_shares_is_ten_thousand_over_n() -> None:
    assert hhi(pd.Series([100.0])) == pytest.approx(10_000)
    assert hhi(pd.Series([25.0] * 4)) == pytest.approx(10_000 / 4)
    # 30^2 + 25^2 + 20^2 + 15^2 + 10^2 = 900 + 625 + 400 + 225 + 100
    assert hhi(pd.Series([30.0, 25, 20, 15, 10])) == pytest.approx(2250)


def test_nakamoto_coefficient_needs_strictly_more_than_half() -> None:
    assert nakamoto_coefficient(pd.Series([30.0, 25, 20, 15, 10])) == 2
    assert nakamoto_coefficient(pd.Series([50.0, 50.0])) == 2
    assert nakamoto_coefficient(pd.Series([51.0, 49.0])) == 1
    assert nakamoto_coefficient(pd.Series([10.0] * 10)) == 6
    with pytest.raises(ValueError):
        nakamoto_coefficient(pd.Series([20.0, 20.0]))


def test_top_n_share_sorts_before_summing() -> None:
    assert top_n_share(pd.Series([5.0, 40, 10, 45]), 2) == pytest.approx(85)


def test_concentration_by_period_agrees_with_the_single_period_functions() -> None:
    frame = pd.DataFrame({"q": ["a"] * 10, "g": list("xxxxyyyzzw")})
    table = concentration_by_period(shares_by_period(frame, "q", "g"), top=(1, 2))
    row = table.iloc[0]
    assert row["top1_pct"] == pytest.approx(40)
    assert row["top2_pct"] == pytest.approx(70)
    assert row["hhi"] == pytest.approx(40**2 + 30**2 + 20**2 + 10**2)
    assert row["nakamoto"] == 2
    assert row["groups"] == 4


def test_nakamoto_counts_a_sum_at_the_threshold_as_not_exceeding_it() -> None:
    # Twelve equal pools: six hold exactly half (not more), so seven are needed.
    assert nakamoto_coefficient(pd.Series([100 / 12] * 12)) == 7
    assert nakamoto_coefficient(pd.Series([25.0, 25.0, 25.0, 25.0])) == 3
    assert nakamoto_coefficient(pd.Series([50.0000001, 49.9999999])) == 1


def test_shares_of_counts_match_counting_the_rows() -> None:
    frame = pd.DataFrame({"year": [1, 1, 1, 1, 2, 2], "pool": ["a", "a", "b", "c", "a", "b"]})
    counts = pd.DataFrame(
        {"year": [1, 1, 1, 2, 2], "pool": list("abcab"), "count": [2, 1, 1, 1, 1]}
    )
    pd.testing.assert_frame_equal(
        shares_of_counts(counts, "year", "pool"), shares_by_period(frame, "year", "pool")
    )
    # 2/4, 1/4, 1/4 then 1/2, 1/2
    assert shares_of_counts(counts, "year", "pool")["share_pct"].tolist() == [50, 25, 25, 50, 50]


def test_period_bounds_are_the_runs_of_equal_periods() -> None:
    assert period_bounds(np.array([2021, 2021, 2022, 2024, 2024, 2024])) == [(0, 2), (2, 3), (3, 6)]
    assert period_bounds(np.array([], dtype="int64")) == []
