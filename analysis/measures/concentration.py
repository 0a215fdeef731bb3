"""Concentration measures over shares: top-n share, Herfindahl-Hirschman index, Nakamoto
coefficient. Shared by the pool (operational) and country (geographic) analyses.
"""

from __future__ import annotations

import numpy as np
import pandas as pd


def shares_by_period(frame: pd.DataFrame, period: str, group: str) -> pd.DataFrame:
    """Share (%) of rows per ``group`` within each ``period``.

    Returns columns ``period``, ``group``, ``count``, ``share_pct``; shares of a period sum to 100.
    """
    counts = frame.groupby([period, group], observed=True).size().rename("count").reset_index()
    totals = counts.groupby(period, observed=True)["count"].transform("sum")
    counts["share_pct"] = 100.0 * counts["count"] / totals
    return counts.rename(columns={period: "period", group: "group"}).sort_values(
        ["period", "share_pct", "group"], ascending=[True, False, True], ignore_index=True
    )


def top_n_share(shares_pct: pd.Series, n: int) -> float:
    """Combined share (%) of the ``n`` largest entries."""
    return float(shares_pct.sort_values(ascending=False).head(n).sum())


def hhi(shares_pct: pd.Series) -> float:
    """Herfindahl-Hirschman index on the 0-10,000 scale (shares given in percent)."""
    return float((shares_pct.astype("float64") ** 2).sum())


def nakamoto_coefficient(shares_pct: pd.Series, threshold_pct: float = 50.0) -> int:
    """Fewest entries whose combined share exceeds ``threshold_pct``.

    A sum within rounding of the threshold counts as reaching it, not exceeding it: twelve
    pools of 100/12 % each need seven, though six such floats may add up to 50.000000001.
    """
    cumulative = shares_pct.sort_values(ascending=False).cumsum().to_numpy()
    exceeds = (cumulative > threshold_pct) & ~np.isclose(
        cumulative, threshold_pct, rtol=0, atol=1e-9
    )
    if not exceeds.any():
        raise ValueError(f"the shares never sum to more than {threshold_pct}%")
    return int(np.argmax(exceeds)) + 1


def concentration_by_period(
    shares: pd.DataFrame, top: tuple[int, ...] = (1, 2, 5), threshold_pct: float = 50.0
) -> pd.DataFrame:
    """Per period: top-n shares, HHI and Nakamoto coefficient from ``shares_by_period`` output."""
    rows = []
    for period, part in shares.groupby("period", sort=True, observed=True):
        s = part["share_pct"]
        row: dict[str, object] = {"period": period}
        for n in top:
            row[f"top{n}_pct"] = top_n_share(s, n)
        row["hhi"] = hhi(s)
        row["nakamoto"] = nakamoto_coefficient(s, threshold_pct)
        row["groups"] = len(s)
        rows.append(row)
    return pd.DataFrame(rows)
