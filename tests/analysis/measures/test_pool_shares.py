import pandas as pd
import pytest

from analysis.measures.periods import with_periods
from analysis.measures.pool_shares import (
    OTHER_POOLS,
    RESIDUAL_POOL,
    UNATTRIBUTED,
    block_counts,
    chart_shares,
    complete_periods,
    concentration_of_counts,
    pool_concentration,
    pool_shares,
    unattributed_share,
)
from tests.analysis.pool_frames import july_blocks


def test_complete_periods_leave_out_the_last_partial_period() -> None:
    dates = pd.date_range("2021-01-01", "2022-05-01", freq="7D", tz="UTC")
    blocks = pd.DataFrame({"date": dates, "pool_slug": "a"})
    assert complete_periods(blocks, "year") == [2021]
    quarters = complete_periods(blocks, "quarter")
    assert quarters[0] == pd.Timestamp("2021-01-01")
    assert quarters[-1] == pd.Timestamp("2022-01-01")  # the second quarter of 2022 is cut
    assert len(quarters) == 5


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


def test_chart_shares_sum_to_a_hundred_with_others_and_unattributed() -> None:
    blocks = july_blocks({2021: {"a": 4, "b": 3, "c": 2, "unknown": 1}, 2022: {"a": 1, "c": 1}})
    table = chart_shares(blocks, "year", 1)
    first = table[table["period"] == 2021].set_index("pool")["share_pct"]
    assert first.to_dict() == pytest.approx({"a": 40.0, OTHER_POOLS: 50.0, UNATTRIBUTED: 10.0})
    assert table.groupby("period")["share_pct"].sum().tolist() == pytest.approx([100.0, 100.0])


def test_block_counts_count_every_pool_per_period_unattributed_included() -> None:
    blocks = july_blocks({2021: {"a": 2, "unknown": 1}, 2022: {"a": 1, "b": 3}})
    counts = block_counts(with_periods(blocks), "year")
    by_pair = {(p, s): c for p, s, c in counts.itertuples(index=False)}
    # the extra block of 2 January 2023 (pool 'big') closes the last year
    assert by_pair == {
        (2021, "a"): 2,
        (2021, RESIDUAL_POOL): 1,
        (2022, "a"): 1,
        (2022, "b"): 3,
        (2023, "big"): 1,
    }
    quarters = block_counts(with_periods(blocks), "quarter")
    assert set(quarters["period"]) == {
        pd.Timestamp("2021-07-01"),
        pd.Timestamp("2022-07-01"),
        pd.Timestamp("2023-01-01"),
    }


def test_unattributed_share_is_the_residual_part_of_all_blocks() -> None:
    blocks = july_blocks({2021: {"a": 3, "unknown": 1}, 2022: {"a": 1}})
    shares = unattributed_share(blocks, "year")
    assert shares.to_dict() == pytest.approx({2021: 25.0, 2022: 0.0, 2023: 0.0})


def test_concentration_of_counts_needs_only_the_counts_and_the_last_block() -> None:
    # 2021: a 6, b 3, c 1 blocks (60/30/10 %), unknown 2; the table ends on 2 January 2022
    counts = pd.DataFrame(
        {
            "period": [2021, 2021, 2021, 2021, 2022],
            "pool_slug": ["a", "b", "c", RESIDUAL_POOL, "a"],
            "count": [6, 3, 1, 2, 1],
        }
    )
    table = concentration_of_counts(counts, "year", pd.Timestamp("2022-01-02"))
    assert table["period"].tolist() == [2021]  # 2022 has not ended
    row = table.iloc[0]
    assert row["hhi"] == pytest.approx(60**2 + 30**2 + 10**2)
    assert row["top2_pct"] == pytest.approx(90)
    assert row["nakamoto"] == 1  # 60% alone passes half
    assert row["pools"] == 3
    assert row["unattributed_pct"] == pytest.approx(100 * 2 / 12)
    # the two unknown blocks given to a: 8, 3, 1 of 12
    assert row["hhi_max"] == pytest.approx((800 / 12) ** 2 + (300 / 12) ** 2 + (100 / 12) ** 2)
    later = concentration_of_counts(counts, "year", pd.Timestamp("2023-01-01"))
    assert later["period"].tolist() == [2021, 2022]


def test_block_counts_are_those_of_a_sorted_group_by() -> None:
    # unsorted periods, a missing pool and slugs of a nullable string column
    blocks = pd.DataFrame(
        {
            "date": pd.to_datetime(
                [
                    "2023-05-01",
                    "2021-02-01",
                    "2023-05-02",
                    "2021-03-01",
                    "2022-09-09",
                    "2021-01-05",
                ],
                utc=True,
            ),
            "pool_slug": pd.array(["f2pool", "antpool", "f2pool", None, "antpool", "unknown"]),
        }
    )
    framed = with_periods(blocks)
    coded = framed.assign(pool_slug=pd.Categorical(framed["pool_slug"]))  # as the measure has it
    for kind in ("year", "quarter"):
        grouped = framed.groupby([kind, "pool_slug"], observed=True).size().rename("count")
        expected = grouped.reset_index().rename(columns={kind: "period"})
        pd.testing.assert_frame_equal(block_counts(framed, kind), expected)
        pd.testing.assert_frame_equal(block_counts(coded, kind), expected)
    assert block_counts(framed, "year")["count"].sum() == 5  # the block without a pool is left out
