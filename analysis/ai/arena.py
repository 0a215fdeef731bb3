"""The Chatbot Arena leaderboard, read once per build: which licences are proprietary, the
best proprietary and best open model of each snapshot with the gap between them, the last
snapshot ranked, and how many months the best open model trails the closed frontier.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.measures.trend_interval import Trend, theil_sen
from analysis.result import FigureSpec, measure

# The compiled leaderboard spells the closed licence twice ("Propretary" once, a typo).
PROPRIETARY_LICENCES = frozenset({"proprietary", "propretary"})
# Figures that several claims of the family report, declared once.
ARENA_LAST_SNAPSHOT = FigureSpec("arena_last_date", "Last Arena snapshot", "date")
ARENA_CATCH_UP_LATEST = FigureSpec(
    "arena_catch_up_latest",
    "Months the best open model trails the proprietary frontier, last snapshot",
    "months",
)
DAYS_PER_MONTH = 365.25 / 12
DAYS_PER_YEAR = 365.25


def is_proprietary(license: pd.Series) -> pd.Series:
    """True where a licence marks a closed model; every other licence has open weights."""
    return license.fillna("").str.strip().str.lower().isin(PROPRIETARY_LICENCES).astype(bool)


@measure
def arena_frontier(arena_elo: pd.DataFrame) -> pd.DataFrame:
    """Per snapshot date with both kinds rated: the best proprietary and best open rating,
    their models and the gap (of models tied on rating, the last listed)."""
    frame = arena_elo.assign(proprietary=is_proprietary(arena_elo["license"]))
    ordered = frame.sort_values(["date", "rating"], kind="stable")
    best = ordered.groupby(["date", "proprietary"], sort=True).tail(1).set_index("date")
    closed, opened = best[best["proprietary"]], best[~best["proprietary"]]
    out = pd.DataFrame(
        {
            "best_proprietary": closed["rating"].astype(float),
            "best_open": opened["rating"].astype(float),
            "proprietary_model": closed["model"].astype(str),
            "open_model": opened["model"].astype(str),
        }
    ).dropna(subset=["best_proprietary", "best_open"])
    out = out.sort_index().rename_axis("date").reset_index()
    out["gap"] = out["best_proprietary"] - out["best_open"]
    return out


@measure
def arena_last_snapshot(arena_elo: pd.DataFrame) -> pd.DataFrame:
    """The models of the last leaderboard snapshot, highest rated first."""
    last: pd.DataFrame = arena_elo[arena_elo["date"] == arena_elo["date"].max()]
    return last.sort_values("rating", ascending=False)


def gap_slope_per_year(frontier: pd.DataFrame) -> float:
    """Least-squares slope of the gap against time, in Elo per year."""
    years = (frontier["date"] - frontier["date"].min()).dt.days.to_numpy() / DAYS_PER_YEAR
    slope, _ = np.polyfit(years, frontier["gap"].to_numpy(dtype=float), 1)
    return float(slope)


def gap_trend(frontier: pd.DataFrame) -> Trend:
    """Theil–Sen slope of the gap against time, in Elo per year, with its 95% interval (the
    gap jumps when a new proprietary model tops the board; the median of pairwise slopes is
    not pulled by those jumps as a least-squares line is)."""
    years = (frontier["date"] - frontier["date"].min()).dt.days.to_numpy() / DAYS_PER_YEAR
    return theil_sen(years, frontier["gap"].to_numpy(dtype=float))


def window_mean(frontier: pd.DataFrame, days: int, first: bool) -> float:
    """Mean gap over the first (or last) ``days`` days of snapshots."""
    dates = frontier["date"]
    if first:
        keep = dates <= dates.min() + pd.Timedelta(days=days)
    else:
        keep = dates >= dates.max() - pd.Timedelta(days=days)
    return float(frontier.loc[keep, "gap"].mean())


def win_probability(gap: float) -> float:
    """The chance (0-1) that the higher-rated model wins one vote, from an Elo gap."""
    return float(1.0 / (1.0 + 10.0 ** (-gap / 400.0)))


def arena_catch_up_months(arena_elo: pd.DataFrame, date: pd.Timestamp) -> float:
    """Months since the earliest-listed proprietary model still rated above the best open one.

    Within one snapshot, so ratings are on one scale: the best open model is as good as the
    closed frontier was when the oldest closed model that still beats it first appeared.
    """
    frame = arena_elo[arena_elo["date"] <= date].assign(
        proprietary=is_proprietary(arena_elo["license"])
    )
    first_seen = frame.groupby("key")["date"].min()
    snap = frame[frame["date"] == date]
    best_open = snap.loc[~snap["proprietary"], "rating"].max()
    above = snap[snap["proprietary"] & (snap["rating"] > best_open)]
    if above.empty:
        return 0.0
    earliest = first_seen.loc[above["key"]].min()
    return float((date - earliest).days / DAYS_PER_MONTH)
