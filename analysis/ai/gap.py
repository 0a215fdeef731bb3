"""Open versus proprietary AI models: how far the best open model trails the best closed one.

Two measures: the Chatbot Arena Elo gap between the best proprietary and the best
open-licence model in each leaderboard snapshot, and on MMLU how many months the best
open model trails the moment the closed frontier first moved past its score.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.result import Assessment, Figure, Verdict

# The compiled leaderboard spells the closed licence twice ("Propretary" once, a typo).
PROPRIETARY_LICENCES = frozenset({"proprietary", "propretary"})
DAYS_PER_MONTH = 365.25 / 12
DAYS_PER_YEAR = 365.25


def is_proprietary(license: pd.Series) -> pd.Series:
    """True where a licence marks a closed model; every other licence has open weights."""
    return license.fillna("").str.strip().str.lower().isin(PROPRIETARY_LICENCES).astype(bool)


def arena_frontier(arena_elo: pd.DataFrame) -> pd.DataFrame:
    """Per snapshot date: the best proprietary and best open rating, their models and the gap."""
    frame = arena_elo.assign(proprietary=is_proprietary(arena_elo["license"]))
    rows = []
    for date, snap in frame.groupby("date", sort=True):
        closed, opened = snap[snap["proprietary"]], snap[~snap["proprietary"]]
        if closed.empty or opened.empty:
            continue
        best_closed = closed.sort_values("rating").iloc[-1]
        best_open = opened.sort_values("rating").iloc[-1]
        rows.append(
            {
                "date": date,
                "best_proprietary": float(best_closed["rating"]),
                "best_open": float(best_open["rating"]),
                "proprietary_model": best_closed["model"],
                "open_model": best_open["model"],
            }
        )
    out = pd.DataFrame(rows)
    out["gap"] = out["best_proprietary"] - out["best_open"]
    return out


def gap_slope_per_year(frontier: pd.DataFrame) -> float:
    """Least-squares slope of the gap against time, in Elo per year."""
    years = (frontier["date"] - frontier["date"].min()).dt.days.to_numpy() / DAYS_PER_YEAR
    slope, _ = np.polyfit(years, frontier["gap"].to_numpy(dtype=float), 1)
    return float(slope)


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


def best_to_date(scores: pd.DataFrame, column: str) -> pd.DataFrame:
    """Models that set a new best ``column`` score within their own group, in date order."""
    rows = scores.dropna(subset=[column, "date"]).sort_values(
        ["date", column], ascending=[True, False]
    )
    record = rows[column] > rows[column].cummax().shift(fill_value=-np.inf)
    return rows[record]


def open_lag_months(model_benchmarks: pd.DataFrame, column: str = "mmlu") -> pd.DataFrame:
    """For each open model that set a new open best: months it trails the closed frontier.

    The lag is the time from the first date a closed model scored above it to its own
    release; zero when no closed model released before it scored higher, and missing when
    no closed model had a score yet.
    """
    scores = model_benchmarks.dropna(subset=[column, "date", "access"])
    closed = scores[scores["access"] == "Closed"].sort_values("date")
    records = best_to_date(scores[scores["access"] == "Open"], column)
    rows = []
    for record in records.itertuples():
        score, date = getattr(record, column), record.date
        earlier = closed[closed["date"] <= date]
        if earlier.empty:
            lag = float("nan")
            matched = pd.NaT
        else:
            above = earlier[earlier[column] > score]
            matched = above["date"].min() if not above.empty else pd.NaT
            days_behind = (date - above["date"]).dt.days
            lag = float(days_behind.max()) / DAYS_PER_MONTH if not above.empty else 0.0
        rows.append(
            {
                "system": record.system,
                "date": date,
                "score": score,
                "closed_passed": matched,
                "lag_months": lag,
            }
        )
    return pd.DataFrame(rows)


def assess_gap_narrowing(
    arena_elo: pd.DataFrame,
    model_benchmarks: pd.DataFrame,
    epoch_open_lag_months: float,
    epoch_eci_open_lag_months: float,
) -> Assessment:
    """Is the gap between proprietary and open models narrowing?"""
    frontier = arena_frontier(arena_elo)
    window = 90
    first_gap = window_mean(frontier, window, first=True)
    last_gap = window_mean(frontier, window, first=False)
    slope = gap_slope_per_year(frontier)
    last_date = frontier["date"].max()
    narrowest = frontier.sort_values("gap").iloc[0]
    lags = open_lag_months(model_benchmarks).dropna(subset=["lag_months"])
    latest_lag = lags.iloc[-1]
    earlier_lags = lags.iloc[:-1]
    earlier_lags = earlier_lags[earlier_lags["lag_months"] > 0]
    figures = (
        Figure("arena_gap_latest_mean", "Arena gap, mean of the last snapshots", last_gap, "elo"),
        Figure("arena_gap_first_mean", "Arena gap, mean of the first snapshots", first_gap, "elo"),
        Figure("window_days", "Days averaged at each end", float(window), "count"),
        Figure("arena_gap_slope", "Linear trend of the Arena gap per year", slope, "elo"),
        Figure(
            "arena_gap_latest", "Arena gap in the last snapshot", frontier["gap"].iloc[-1], "elo"
        ),
        Figure("arena_gap_min", "Narrowest Arena gap", narrowest["gap"], "elo"),
        Figure(
            "arena_gap_min_date",
            "Snapshot of the narrowest gap",
            narrowest["date"].toordinal(),
            "date",
        ),
        Figure("arena_first_date", "First snapshot", frontier["date"].min().toordinal(), "date"),
        Figure("arena_last_date", "Last snapshot", last_date.toordinal(), "date"),
        Figure("snapshots", "Leaderboard snapshots", float(len(frontier)), "count"),
        Figure(
            "proprietary_win_share_latest",
            "Chance the best proprietary model wins a vote against the best open one, last snapshot",
            100 * win_probability(float(frontier["gap"].iloc[-1])),
            "percent",
        ),
        Figure(
            "arena_catch_up_latest",
            "Months the best open model trails the proprietary frontier, last snapshot",
            arena_catch_up_months(arena_elo, last_date),
            "months",
        ),
        Figure(
            "mmlu_lag_latest",
            "MMLU lag of the latest open record holder",
            latest_lag["lag_months"],
            "months",
        ),
        Figure(
            "mmlu_lag_latest_date",
            "Release of the latest open record holder",
            latest_lag["date"].toordinal(),
            "date",
        ),
        Figure(
            "mmlu_lag_earlier_median",
            "Median MMLU lag of earlier open record holders that trailed",
            float(earlier_lags["lag_months"].median()),
            "months",
        ),
        Figure(
            "mmlu_last_date",
            "Last release date with an MMLU score",
            model_benchmarks.dropna(subset=["mmlu"])["date"].max().toordinal(),
            "date",
        ),
        Figure(
            "mmlu_lag_earlier_count",
            "Earlier open record holders that trailed",
            float(len(earlier_lags)),
            "count",
        ),
    )
    narrowing = last_gap < first_gap and slope < 0
    lag_shrank = latest_lag["lag_months"] < earlier_lags["lag_months"].median()
    if narrowing and lag_shrank:
        verdict = Verdict.SUPPORTED
        summary = (
            "Narrowing but not closed: the best proprietary model's Arena lead fell from "
            "{arena_gap_first_mean} to {arena_gap_latest_mean} (trend {arena_gap_slope} a year), "
            "and on MMLU the newest open record holder trailed the closed frontier by "
            "{mmlu_lag_latest} against a median {mmlu_lag_earlier_median} before. The lead "
            "jumps whenever a new proprietary model tops the board: it was {arena_gap_min} on "
            "{arena_gap_min_date} and {arena_gap_latest} in the last snapshot."
        )
    elif narrowing or lag_shrank:
        verdict = Verdict.PARTLY_SUPPORTED
        summary = (
            "Mixed: the Arena lead moved from {arena_gap_first_mean} to {arena_gap_latest_mean}, "
            "the MMLU lag from a median {mmlu_lag_earlier_median} to {mmlu_lag_latest}."
        )
    else:
        verdict = Verdict.CONTRADICTED
        summary = (
            "Not narrowing: the Arena lead moved from {arena_gap_first_mean} to "
            "{arena_gap_latest_mean} and the MMLU lag from {mmlu_lag_earlier_median} to "
            "{mmlu_lag_latest}."
        )
    return Assessment(
        verdict=verdict,
        summary=summary,
        figures=figures,
        method=(
            "Chatbot Arena: in each of {snapshots} leaderboard snapshots from {arena_first_date} to "
            "{arena_last_date}, the gap is the rating of the best model with a proprietary licence "
            "minus that of the best model with any other (open-weight) licence; both are on the "
            "snapshot's own scale. The means over the first and last {window_days} days and a "
            "least-squares line show the direction. The gap was narrowest, {arena_gap_min}, on "
            "{arena_gap_min_date}; in the last snapshot it is {arena_gap_latest}, so the best "
            "proprietary model would win {proprietary_win_share_latest} of votes against the best "
            "open one, and the best open model rates above every proprietary model listed more "
            "than {arena_catch_up_latest} before. MMLU (Epoch AI's benchmark table): for each open "
            "model that set a new open best, the lag is the time since a closed model first scored "
            "higher ({mmlu_lag_earlier_count} earlier record holders trailed; the latest, released "
            "{mmlu_lag_latest_date}, trailed by {mmlu_lag_latest}). Epoch AI put the lag at about "
            "{epoch_open_lag_months} in its report on these data, and at {epoch_eci_open_lag_months} "
            "on its later capability index."
        ),
        limits=(
            "The gap is not monotonic: it widens each time a new proprietary model tops the "
            "leaderboard and shrinks when an open model follows, so the end points depend on "
            "timing. Arena ratings measure chat preference, not capability in general; MMLU scores "
            "come from several evaluation setups and stop on {mmlu_last_date}, and Epoch dates "
            "Google's instruction-tuned Flan models at the release of their base models, years "
            "before the first closed scores, so those records carry no lag. Open here means "
            "downloadable weights, often under licences "
            "with use restrictions, which is not the decentralised control the article implies."
        ),
        tables={"frontier": frontier, "mmlu_lags": open_lag_months(model_benchmarks)},
    )
