"""The latest year against every earlier year taken as the base: a trend that holds only
from one chosen start (2021, the year of the ban, with a tenth of its blocks unattributed)
is not a trend. Works on the yearly measures of one scenario (``period``, ``hhi``,
``top2_pct``, ``effective_pools``)."""

from __future__ import annotations

import pandas as pd


def base_years(yearly: pd.DataFrame) -> pd.DataFrame:
    """One row per year before the latest: the latest year's HHI, top-two share and
    equivalent pools minus that year's, whether both shares are higher now (``higher``) and
    whether there are fewer equivalent pools now (``fewer``)."""
    ordered = yearly.sort_values("period")
    latest = ordered.iloc[-1]
    earlier = ordered.iloc[:-1]
    table = pd.DataFrame(
        {
            "base_year": earlier["period"].astype(int).to_numpy(),
            "hhi_change": (latest["hhi"] - earlier["hhi"]).to_numpy(),
            "top2_change": (latest["top2_pct"] - earlier["top2_pct"]).to_numpy(),
            "effective_pools_change": (
                latest["effective_pools"] - earlier["effective_pools"]
            ).to_numpy(),
        }
    )
    table["higher"] = (table["hhi_change"] > 0) & (table["top2_change"] > 0)
    table["fewer"] = table["effective_pools_change"] < 0
    return table


def base_year_counts(yearly: pd.DataFrame) -> dict[str, float]:
    """How many base years there are, how many the latest year is more concentrated than
    (HHI and top-two share both higher) and how many had more equivalent pools; with the
    highest HHI of any earlier year."""
    table = base_years(yearly)
    earlier = yearly.sort_values("period").iloc[:-1]
    return {
        "starts_compared": float(len(table)),
        "starts_higher": float(table["higher"].sum()),
        "starts_fewer": float(table["fewer"].sum()),
        "hhi_highest_earlier": float(earlier["hhi"].max()),
    }
