import numpy as np
import pandas as pd
import pytest

from analysis.measures.issuance import (
    assumed_fee_per_block,
    block_subsidy_btc,
    blocks_per_day,
    fee_per_block_since_halving,
    fees_by_date,
    interpolate_at,
    revenue_fees,
    subsidy_by_height,
    trailing_issuance,
)
from tests.analysis import mining_frames as mf

INITIAL, INTERVAL = 50.0, 210_000


def test_subsidy_schedule_matches_the_protocol() -> None:
    assert block_subsidy_btc(0, INITIAL, INTERVAL) == 50.0
    assert block_subsidy_btc(209_999, INITIAL, INTERVAL) == 50.0
    assert block_subsidy_btc(210_000, INITIAL, INTERVAL) == 25.0
    assert block_subsidy_btc(420_000, INITIAL, INTERVAL) == 12.5
    assert block_subsidy_btc(630_000, INITIAL, INTERVAL) == 6.25
    assert block_subsidy_btc(839_999, INITIAL, INTERVAL) == 6.25
    # the April 2024 halving
    assert block_subsidy_btc(840_000, INITIAL, INTERVAL) == 3.125
    assert block_subsidy_btc(1_049_999, INITIAL, INTERVAL) == 3.125
    assert block_subsidy_btc(1_050_000, INITIAL, INTERVAL) == 1.5625
    # satoshis are whole: after 32 halvings one satoshi is left, after 33 none
    assert block_subsidy_btc(32 * INTERVAL, INITIAL, INTERVAL) == 1e-8
    assert block_subsidy_btc(33 * INTERVAL, INITIAL, INTERVAL) == 0.0
    assert block_subsidy_btc(64 * INTERVAL, INITIAL, INTERVAL) == 0.0
    with pytest.raises(ValueError):
        block_subsidy_btc(-1, INITIAL, INTERVAL)


def test_the_schedule_adds_up_to_the_known_supply_cap() -> None:
    # The published total of all subsidies is 20,999,999.9769 BTC (just under 21 million),
    # because each halving rounds down to whole satoshis.
    total = sum(block_subsidy_btc(k * INTERVAL, INITIAL, INTERVAL) * INTERVAL for k in range(64))
    assert total == pytest.approx(20_999_999.9769, abs=1e-6)


def test_vectorised_subsidy_agrees_with_the_scalar_one() -> None:
    heights = pd.Series([0, 209_999, 210_000, 629_999, 630_000, 839_999, 840_000, 64 * INTERVAL])
    expected = [block_subsidy_btc(int(h), INITIAL, INTERVAL) for h in heights]
    assert subsidy_by_height(heights, INITIAL, INTERVAL).tolist() == expected


def test_blocks_per_day_is_hashes_a_day_over_hashes_per_block() -> None:
    frame = blocks_per_day(
        pd.DataFrame({"date": [mf.START], "hashrate_ths": [mf.HASHRATE_THS]}),
        pd.DataFrame({"date": [mf.START], "difficulty": [mf.DIFFICULTY]}),
        mf.HASHES_PER_DIFFICULTY,
    )
    assert frame["blocks_per_day"].iloc[0] == pytest.approx(144)
    # doubling the hashrate at the same difficulty finds twice the blocks
    doubled = blocks_per_day(
        pd.DataFrame({"date": [mf.START], "hashrate_ths": [2 * mf.HASHRATE_THS]}),
        pd.DataFrame({"date": [mf.START], "difficulty": [mf.DIFFICULTY]}),
        mf.HASHES_PER_DIFFICULTY,
    )
    assert doubled["blocks_per_day"].iloc[0] == pytest.approx(288)


def test_trailing_issuance_counts_blocks_and_subsidy_across_the_halving() -> None:
    blocks = mf.chain()
    # 1,000 blocks of 6.25 then 3.125: the halving block is mined at START + 1,000 x 600 s
    halving_time = mf.START + pd.Timedelta(seconds=1_000 * 600)
    dates = pd.Series(
        [
            mf.START + pd.Timedelta(days=3),
            mf.START + pd.Timedelta(days=8),
            halving_time + pd.Timedelta(days=7),
        ]
    )
    out = trailing_issuance(dates, blocks, INITIAL, INTERVAL)
    assert np.isnan(out["blocks_counted"].iloc[0])  # window starts before the table
    assert out["blocks_counted"].iloc[1] == pytest.approx(144)
    # window [day 1, day 8): 1,000 - 144 blocks before the halving, the rest after
    before = 1_000 - 144
    expected = (before * 6.25 + (1_008 - before) * 3.125) / 7
    assert out["subsidy_btc_per_day"].iloc[1] == pytest.approx(expected)
    assert out["subsidy_btc_per_day"].iloc[2] == pytest.approx(144 * 3.125)


def test_interpolation_reads_between_samples_and_not_beyond() -> None:
    frame = pd.DataFrame({"date": pd.to_datetime(["2024-01-01", "2024-01-05"]), "v": [10.0, 30.0]})
    at = pd.Series(pd.to_datetime(["2024-01-02", "2024-01-05", "2024-01-06"]))
    out = interpolate_at(at, frame, "v")
    assert out.iloc[0] == pytest.approx(15.0)
    assert out.iloc[1] == pytest.approx(30.0)
    assert np.isnan(out.iloc[2])


def test_fees_are_revenue_in_bitcoin_less_the_counted_subsidy() -> None:
    s = mf.series()
    fees = fees_by_date(s["miners_revenue"], s["market_price"], s["blocks"], INITIAL, INTERVAL)
    assert len(fees) > 0
    assert fees["fee_btc_per_block"].to_numpy() == pytest.approx(mf.FEE_PER_BLOCK)
    fee, halving_date = fee_per_block_since_halving(fees, s["blocks"], INTERVAL)
    assert fee == pytest.approx(mf.FEE_PER_BLOCK)
    assert halving_date == mf.START + pd.Timedelta(seconds=1_000 * 600)


def test_the_fee_measures_use_the_project_parameters() -> None:
    s = mf.series()
    fees = revenue_fees(
        s["miners_revenue"], s["market_price"], s["blocks"], INITIAL, float(INTERVAL)
    )
    assert fees["fee_btc_per_block"].to_numpy() == pytest.approx(mf.FEE_PER_BLOCK)
    # the hand-made chain pays 0.2 BTC a block in fees on every day of the revenue series
    assert assumed_fee_per_block(fees, s["blocks"], float(INTERVAL)) == pytest.approx(0.2)


# ---- real data -------------------------------------------------------------------------


def test_blocks_a_day_from_hashrate_and_difficulty_match_the_block_table(
    real_tables: dict[str, pd.DataFrame],
) -> None:
    net = blocks_per_day(real_tables["hashrate"], real_tables["difficulty"], 2.0**32)
    net = net[(net["date"] >= "2021-01-12") & (net["date"] <= real_tables["blocks"]["date"].max())]
    counted = trailing_issuance(net["date"], real_tables["blocks"], INITIAL, INTERVAL)
    gap = net["blocks_per_day"].to_numpy() - counted["blocks_counted"].to_numpy()
    # blockchain.com derives hashrate from the blocks of the 7 days before each date; where
    # a difficulty change falls inside that window the two differ by a block or so a day
    assert np.nanmedian(np.abs(gap)) < 0.01
    assert np.nanpercentile(np.abs(gap), 95) < 0.5
    # and the network runs near the protocol's 144 blocks a day (600-second target)
    assert np.median(net["blocks_per_day"]) == pytest.approx(144, rel=0.03)


def test_the_block_table_puts_the_fourth_halving_on_20_april_2024(
    real_tables: dict[str, pd.DataFrame],
) -> None:
    blocks = real_tables["blocks"]
    halving = blocks.loc[blocks["height"] == 840_000, "date"].iloc[0]
    assert halving.date() == pd.Timestamp("2024-04-20").date()
    june = trailing_issuance(pd.Series([pd.Timestamp("2024-06-01")]), blocks, INITIAL, INTERVAL)
    ratio = june["subsidy_btc_per_day"].iloc[0] / june["blocks_counted"].iloc[0]
    assert ratio == pytest.approx(3.125)


def test_fees_since_the_halving_are_a_fraction_of_the_subsidy(
    real_tables: dict[str, pd.DataFrame],
) -> None:
    fees = fees_by_date(
        real_tables["miners_revenue"],
        real_tables["market_price"],
        real_tables["blocks"],
        INITIAL,
        INTERVAL,
    )
    fee, halving_date = fee_per_block_since_halving(fees, real_tables["blocks"], INTERVAL)
    assert halving_date.date() == pd.Timestamp("2024-04-20").date()
    # positive and well below the 3.125 subsidy; the series is noisy (7-day averages on
    # drifting grids), so only a few estimates may fall below zero
    assert 0 < fee < 1.0
    assert (fees["fee_btc_per_block"] < 0).mean() < 0.05
