"""The block table as the pool claims count it, made once per build: the blocks with their
UTC year and quarter, the time of the first and last block, and the blocks per pool in each
year and quarter (the unattributed ones included). Every share and index of the family is
made from these counts.
"""

from __future__ import annotations

import pandas as pd

from analysis.measures.pool_shares import block_counts, utc_naive, with_periods
from analysis.result import measure


@measure
def blocks_with_periods(blocks: pd.DataFrame) -> pd.DataFrame:
    """The block table with ``year`` and ``quarter`` (the quarter's first day), in UTC, and
    the pool slugs as categories (sorted), so both counts read codes made once."""
    framed = with_periods(blocks)
    return framed.assign(pool_slug=pd.Categorical(framed["pool_slug"]))


@measure
def first_block_time(blocks: pd.DataFrame) -> pd.Timestamp:
    """When the first block of the table was found (naive UTC)."""
    return pd.Timestamp(utc_naive(blocks["date"]).min())


@measure
def last_block_time(blocks: pd.DataFrame) -> pd.Timestamp:
    """When the last block of the table was found (naive UTC): periods ending later are partial."""
    return pd.Timestamp(utc_naive(blocks["date"]).max())


@measure
def yearly_pool_counts(blocks_with_periods: pd.DataFrame) -> pd.DataFrame:
    """Blocks per year and pool (``period``, ``pool_slug``, ``count``), unattributed included."""
    return block_counts(blocks_with_periods, "year")


@measure
def quarterly_pool_counts(blocks_with_periods: pd.DataFrame) -> pd.DataFrame:
    """Blocks per quarter and pool (``period``, ``pool_slug``, ``count``), unattributed included."""
    return block_counts(blocks_with_periods, "quarter")
