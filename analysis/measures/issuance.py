"""Bitcoin issuance: the block subsidy by height, blocks found a day, and what miners earn
in bitcoin a day (subsidy plus fees).

The subsidy follows Bitcoin Core's ``GetBlockSubsidy``: an initial amount in satoshis
shifted right once per halving interval, and zero from the 64th halving on.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.result import measure

SATOSHIS_PER_BTC = 100_000_000
MAX_HALVINGS = 64  # GetBlockSubsidy: "if (halvings >= 64) return 0"
SECONDS_PER_DAY = 86_400
TH = 1e12  # hashes in a terahash
WINDOW_DAYS = 7  # blockchain.com's charts are 7-day averages (see the registry)


def block_subsidy_btc(height: int, initial_subsidy_btc: float, halving_interval: int) -> float:
    """The subsidy (BTC) of the block at ``height``, computed in satoshis as Bitcoin Core does."""
    if height < 0:
        raise ValueError("block heights start at 0")
    halvings = height // int(halving_interval)
    if halvings >= MAX_HALVINGS:
        return 0.0
    satoshis = round(initial_subsidy_btc * SATOSHIS_PER_BTC) >> halvings
    return satoshis / SATOSHIS_PER_BTC


def subsidy_by_height(
    heights: pd.Series, initial_subsidy_btc: float, halving_interval: int
) -> pd.Series:
    """The subsidy (BTC) of every block height in ``heights``."""
    halvings = heights.to_numpy(dtype="int64") // int(halving_interval)
    initial = np.int64(round(initial_subsidy_btc * SATOSHIS_PER_BTC))
    shift = np.minimum(halvings, MAX_HALVINGS - 1)
    satoshis = np.where(halvings >= MAX_HALVINGS, 0, np.right_shift(initial, shift))
    return pd.Series(satoshis / SATOSHIS_PER_BTC, index=heights.index, name="subsidy_btc")


def blocks_per_day(
    hashrate: pd.DataFrame, difficulty: pd.DataFrame, hashes_per_unit_difficulty: float
) -> pd.DataFrame:
    """Blocks a day implied by hashrate and difficulty: hashes a day / hashes per block.

    Returns ``date``, ``hashrate_ths``, ``difficulty``, ``blocks_per_day`` for dates in both.
    """
    frame = hashrate.merge(difficulty, on="date", how="inner").sort_values("date")
    frame = frame[(frame["hashrate_ths"] > 0) & (frame["difficulty"] > 0)].reset_index(drop=True)
    hashes_per_day = frame["hashrate_ths"] * TH * SECONDS_PER_DAY
    frame["blocks_per_day"] = hashes_per_day / (frame["difficulty"] * hashes_per_unit_difficulty)
    return frame


def _window_bounds(dates: pd.Series, times: np.ndarray, days: int) -> tuple[np.ndarray, np.ndarray]:
    start = (dates - pd.Timedelta(days=days)).to_numpy(dtype="datetime64[ns]")
    end = dates.to_numpy(dtype="datetime64[ns]")
    return np.searchsorted(times, start, side="left"), np.searchsorted(times, end, side="left")


def trailing_issuance(
    dates: pd.Series,
    blocks: pd.DataFrame,
    initial_subsidy_btc: float,
    halving_interval: int,
    days: int = WINDOW_DAYS,
) -> pd.DataFrame:
    """Blocks and subsidy counted from the block table in the ``days`` before each date.

    The window is [date - days, date), the window blockchain.com's 7-day averages use.
    Returns ``date``, ``blocks_counted`` (a day) and ``subsidy_btc_per_day``; NaN where the
    window is not fully inside the block table.
    """
    ordered = blocks.sort_values("date")
    times = ordered["date"].to_numpy(dtype="datetime64[ns]")
    subsidy = subsidy_by_height(ordered["height"], initial_subsidy_btc, halving_interval)
    cumulative = np.concatenate([[0.0], np.cumsum(subsidy.to_numpy())])
    left, right = _window_bounds(dates.reset_index(drop=True), times, days)
    covered = (
        dates.reset_index(drop=True) - pd.Timedelta(days=days) >= ordered["date"].iloc[0]
    ) & (dates.reset_index(drop=True) <= ordered["date"].iloc[-1])
    counted = (right - left) / days
    subsidy_per_day = (cumulative[right] - cumulative[left]) / days
    return pd.DataFrame(
        {
            "date": dates.reset_index(drop=True),
            "blocks_counted": np.where(covered, counted, np.nan),
            "subsidy_btc_per_day": np.where(covered, subsidy_per_day, np.nan),
        }
    )


def nearest(
    left: pd.DataFrame, right: pd.DataFrame, tolerance_days: int = 2, on: str = "date"
) -> pd.DataFrame:
    """``left`` with the columns of the row of ``right`` nearest in date (within the tolerance)."""
    return pd.merge_asof(
        left.sort_values(on),
        right.sort_values(on),
        on=on,
        direction="nearest",
        tolerance=pd.Timedelta(days=tolerance_days),
    )


def interpolate_at(dates: pd.Series, frame: pd.DataFrame, column: str) -> pd.Series:
    """``frame[column]`` interpolated linearly in time at ``dates``; NaN outside its dates.

    blockchain.com's series are sampled every four days on grids that drift by a day or two,
    so values are read between samples rather than from the nearest one.
    """
    known = frame.dropna(subset=[column]).sort_values("date")
    x = known["date"].to_numpy(dtype="datetime64[ns]").astype("int64")
    at = dates.to_numpy(dtype="datetime64[ns]").astype("int64")
    values = np.interp(at, x, known[column].to_numpy(dtype="float64"))
    inside = (at >= x.min()) & (at <= x.max()) if len(x) else np.zeros(len(at), dtype=bool)
    return pd.Series(np.where(inside, values, np.nan), index=dates.index, name=column)


def fees_by_date(
    miners_revenue: pd.DataFrame,
    market_price: pd.DataFrame,
    blocks: pd.DataFrame,
    initial_subsidy_btc: float,
    halving_interval: int,
) -> pd.DataFrame:
    """Fees (BTC) on the dates of the revenue series that the block table covers.

    Revenue (USD a day) / price is what miners earned in BTC a day; the subsidy counted from
    the block table over the same 7-day window is taken off, leaving fees.
    Returns ``date``, ``income_btc_per_day``, ``subsidy_btc_per_day``, ``blocks_counted``,
    ``fees_btc_per_day``, ``fee_btc_per_block``.
    """
    prices = market_price[market_price["price_usd"] > 0]
    frame = miners_revenue.sort_values("date").reset_index(drop=True)
    frame["price_usd"] = interpolate_at(frame["date"], prices, "price_usd")
    frame = frame[frame["price_usd"] > 0].copy()
    frame["income_btc_per_day"] = frame["revenue_usd_per_day"] / frame["price_usd"]
    counted = trailing_issuance(frame["date"], blocks, initial_subsidy_btc, halving_interval)
    frame = frame.reset_index(drop=True).join(counted.drop(columns="date"))
    frame = frame.dropna(subset=["subsidy_btc_per_day"])
    frame["fees_btc_per_day"] = frame["income_btc_per_day"] - frame["subsidy_btc_per_day"]
    frame["fee_btc_per_block"] = frame["fees_btc_per_day"] / frame["blocks_counted"]
    return frame[
        [
            "date",
            "income_btc_per_day",
            "subsidy_btc_per_day",
            "blocks_counted",
            "fees_btc_per_day",
            "fee_btc_per_block",
        ]
    ].reset_index(drop=True)


def last_halving_height(height: int, halving_interval: int) -> int:
    """The height of the latest halving at or before ``height``."""
    return (height // int(halving_interval)) * int(halving_interval)


def fee_per_block_since_halving(
    fees: pd.DataFrame, blocks: pd.DataFrame, halving_interval: int
) -> tuple[float, pd.Timestamp]:
    """Median fee per block (BTC) from the last halving before the fee series ends, and that
    halving's date (the first block at the halving height)."""
    end = fees["date"].max()
    tip = int(blocks.loc[blocks["date"] <= end, "height"].max())
    halving = last_halving_height(tip, halving_interval)
    halving_date = pd.Timestamp(blocks.loc[blocks["height"] == halving, "date"].iloc[0])
    after = fees[fees["date"] - pd.Timedelta(days=WINDOW_DAYS) >= halving_date]
    return float(after["fee_btc_per_block"].median()), halving_date


@measure
def revenue_fees(
    miners_revenue: pd.DataFrame,
    market_price: pd.DataFrame,
    blocks: pd.DataFrame,
    initial_block_subsidy_btc: float,
    subsidy_halving_interval_blocks: float,
) -> pd.DataFrame:
    """Fees (BTC) on the dates of the revenue series (:func:`fees_by_date`), once per build."""
    return fees_by_date(
        miners_revenue,
        market_price,
        blocks,
        initial_block_subsidy_btc,
        int(subsidy_halving_interval_blocks),
    )


@measure
def assumed_fee_per_block(
    revenue_fees: pd.DataFrame, blocks: pd.DataFrame, subsidy_halving_interval_blocks: float
) -> float:
    """The fee per block (BTC) assumed after the revenue series ends: the median since the
    last halving before it ends (:func:`fee_per_block_since_halving`)."""
    fee, _ = fee_per_block_since_halving(revenue_fees, blocks, int(subsidy_halving_interval_blocks))
    return fee
