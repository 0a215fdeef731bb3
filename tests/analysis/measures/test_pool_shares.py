import math

import pandas as pd
import pytest

from analysis.measures.pool_shares import (
    OTHER_POOLS,
    UNATTRIBUTED,
    chart_shares,
    complete_periods,
    period_end,
    pool_concentration,
    pool_shares,
    slope_per_year,
    with_periods,
)
from tests.analysis.pool_frames import july_blocks


def test_periods_are_utc_years_and_quarter_starts() -> None:
    blocks = pd.DataFrame(
        {"date": pd.to_datetime(["2022-08-15 12:00", "2022-12-31 23:59"], utc=True)}
    )
    framed = with_periods(blocks)
    assert framed["year"].tolist() == [2022, 2022]
    assert framed["quarter"].tolist() == [pd.Timestamp("2022-07-01"), pd.Timestamp("2022-10-01")]


def test_complete_periods_leave_out_the_last_partial_period() -> None:
    dates = pd.date_range("2021-01-01", "2022-05-01", freq="7D", tz="UTC")
    blocks = pd.DataFrame({"date": dates, "pool_slug": "a"})
    assert complete_periods(blocks, "year") == [2021]
    quarters = complete_periods(blocks, "quarter")
    assert quarters[0] == pd.Timestamp("2021-01-01")
    assert quarters[-1] == pd.Timestamp("2022-01-01")  # the second quarter of 2022 is cut
    assert len(quarters) == 5


def test_period_end_is_the_first_instant_after_the_period() -> None:
    assert period_end(2021, "year") == pd.Timestamp("2022-01-01")
    assert period_end(pd.Timestamp("2021-10-01"), "quarter") == pd.Timestamp("2022-01-01")
    with pytest.raises(ValueError):
        period_end(2021, "month")


def test_shares_leave_unattributed_blocks_out() -> None:
    blocks = july_blocks({2021: {"a": 2, "b": 1, "unknown": 1}})
    shares = pool_shares(blocks, "year")
    year = shares[shares["period"] == 2021].set_index("group")["share_pct"]
    assert year.to_dict() == pytest.approx({"a": 200 / 3, "b": 100 / 3})


def test_concentration_matches_a_hand_calculation() -> None:
    blocks = july_blocks({2021: {"a": 5, "b": 3, "c": 2, "unknown": 2}})
    row = pool_concentration(blocks, "year").iloc[0]
    # attributed shares 50, 30, 20 %
    assert row["hhi"] == pytest.approx(50**2 + 30**2 + 20**2)
    assert row["top1_pct"] == pytest.approx(50)
    assert row["top2_pct"] == pytest.approx(80)
    assert row["nakamoto"] == 2  # 50% alone is not more than half
    assert row["effective_pools"] == pytest.approx(10_000 / 3_800)
    assert row["unattributed_pct"] == pytest.approx(100 * 2 / 12)
    # the two unknown blocks given to the largest pool: 7, 3, 2 of 12 blocks
    assert row["hhi_max"] == pytest.approx((700 / 12) ** 2 + (300 / 12) ** 2 + (200 / 12) ** 2)
    assert len(pool_concentration(blocks, "year")) == 1  # the January block's year is partial


def test_slope_per_year_on_new_year_points() -> None:
    dates = pd.Series(pd.to_datetime(["2021-01-01", "2022-01-01", "2023-01-01"]))
    assert slope_per_year(dates, pd.Series([10.0, 30.0, 50.0])) == pytest.approx(20.0)
    # half a year apart: 2021-01-01 and 2021-07-02 (day 182 of 365)
    half = pd.Series(pd.to_datetime(["2021-01-01", "2021-07-02"]))
    assert slope_per_year(half, pd.Series([0.0, 1.0])) == pytest.approx(365 / 182)
    assert math.isnan(slope_per_year(dates.head(1), pd.Series([1.0])))


def test_chart_shares_sum_to_a_hundred_with_others_and_unattributed() -> None:
    blocks = july_blocks({2021: {"a": 4, "b": 3, "c": 2, "unknown": 1}, 2022: {"a": 1, "c": 1}})
    table = chart_shares(blocks, "year", 1)
    first = table[table["period"] == 2021].set_index("pool")["share_pct"]
    assert first.to_dict() == pytest.approx({"a": 40.0, OTHER_POOLS: 50.0, UNATTRIBUTED: 10.0})
    assert table.groupby("period")["share_pct"].sum().tolist() == pytest.approx([100.0, 100.0])
