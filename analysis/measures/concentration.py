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
    return shares_of_counts(counts, period, group)


def shares_of_counts(counts: pd.DataFrame, period: str, group: str) -> pd.DataFrame:
    """Share (%) of each ``group``'s ``count`` within its ``period``, from counts already made
    (one row per period and group); the same columns and order as :func:`shares_by_period`."""
    totals = counts.groupby(period, observed=True)["count"].transform("sum")
    shares = counts[[period, group, "count"]].assign(share_pct=100.0 * counts["count"] / totals)
    return shares.rename(columns={period: "period", group: "group"}).sort_values(
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
    largest_first = shares_pct.sort_values(ascending=False).to_numpy(dtype="float64")
    return _nakamoto_of_sorted(largest_first, threshold_pct)


def _nakamoto_of_sorted(largest_first: np.ndarray, threshold_pct: float) -> int:
    cumulative = largest_first.cumsum()
    exceeds = (cumulative > threshold_pct) & ~np.isclose(
        cumulative, threshold_pct, rtol=0, atol=1e-9
    )
    if not exceeds.any():
        raise ValueError(f"the shares never sum to more than {threshold_pct}%")
    return int(np.argmax(exceeds)) + 1


def period_bounds(periods: np.ndarray) -> list[tuple[int, int]]:
    """Start and end row of each run of equal ``periods`` (sorted) rows."""
    if len(periods) == 0:
        return []
    changes = np.flatnonzero(periods[1:] != periods[:-1]) + 1
    starts = np.concatenate([[0], changes])
    ends = np.concatenate([changes, [len(periods)]])
    return list(zip(starts.tolist(), ends.tolist(), strict=True))


def concentration_by_period(
    shares: pd.DataFrame, top: tuple[int, ...] = (1, 2, 5), threshold_pct: float = 50.0
) -> pd.DataFrame:
    """Per period: top-n shares, HHI and Nakamoto coefficient from ``shares_by_period`` output."""
    ordered = shares.sort_values("period", kind="stable")
    keys = ordered["period"]
    periods = keys.to_numpy()
    values = ordered["share_pct"].to_numpy(dtype="float64")
    rows = []
    for start, end in period_bounds(periods):
        part = values[start:end]
        largest_first = -np.sort(-part)
        row: dict[str, object] = {"period": keys.iloc[start]}
        for n in top:
            row[f"top{n}_pct"] = float(largest_first[:n].sum())
        row["hhi"] = float((part**2).sum())
        row["nakamoto"] = _nakamoto_of_sorted(largest_first, threshold_pct)
        row["groups"] = end - start
        rows.append(row)
    return pd.DataFrame(rows)
