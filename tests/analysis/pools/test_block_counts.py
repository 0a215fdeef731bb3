import pandas as pd

from analysis.pools.block_counts import (
    blocks_with_periods,
    first_block_time,
    last_block_time,
    quarterly_pool_counts,
    yearly_pool_counts,
)
from tests.analysis.pool_frames import july_blocks


def test_the_blocks_carry_their_utc_year_and_quarter() -> None:
    blocks = pd.DataFrame(
        {
            "height": [1, 2],
            "pool_slug": ["a", "b"],
            # half past midnight on New Year's Day in Berlin is still the old year in UTC
            "date": pd.to_datetime(["2022-01-01 00:30", "2022-05-20 12:00"]).tz_localize(
                "Europe/Berlin"
            ),
        }
    )
    framed = blocks_with_periods(blocks)
    assert framed["year"].tolist() == [2021, 2022]
    assert framed["quarter"].tolist() == [pd.Timestamp("2021-10-01"), pd.Timestamp("2022-04-01")]
    assert first_block_time(blocks) == pd.Timestamp("2021-12-31 23:30")
    assert last_block_time(blocks) == pd.Timestamp("2022-05-20 10:00")


def test_counts_per_year_and_quarter_hold_every_block_once() -> None:
    blocks = july_blocks({2021: {"a": 2, "unknown": 1}, 2022: {"b": 3}})
    framed = blocks_with_periods(blocks)
    yearly = yearly_pool_counts(framed).set_index(["period", "pool_slug"])["count"]
    assert yearly.to_dict() == {
        (2021, "a"): 2,
        (2021, "unknown"): 1,
        (2022, "b"): 3,
        (2023, "big"): 1,  # the block of 2 January that closes the last year
    }
    quarterly = quarterly_pool_counts(framed)
    assert int(quarterly["count"].sum()) == len(blocks)
    july_2022 = quarterly[quarterly["period"] == pd.Timestamp("2022-07-01")]
    assert july_2022[["pool_slug", "count"]].values.tolist() == [["b", 3]]
