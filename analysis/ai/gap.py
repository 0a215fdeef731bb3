"""Is the gap between proprietary and open models narrowing? Two measures: the Chatbot
Arena Elo gap between the best proprietary and the best open-licence model in each
leaderboard snapshot, and on MMLU how many months the best open model trails the moment
the closed frontier first moved past its score.
"""

from __future__ import annotations

import pandas as pd

from analysis.ai.arena import (
    ARENA_CATCH_UP_LATEST,
    arena_catch_up_months,
    gap_slope_per_year,
    gap_trend,
    win_probability,
    window_mean,
)
from analysis.result import Assessment, Figures, FigureSpec, Margin, MarginRule, Verdict

# Days averaged at each end of the Arena series.
WINDOW_DAYS = 90

FIGURES = Figures(
    ("arena_gap_latest_mean", "Arena gap, mean of the last snapshots", "elo"),
    ("arena_gap_first_mean", "Arena gap, mean of the first snapshots", "elo"),
    ("window_days", "Days averaged at each end", "count"),
    ("arena_gap_trend", "Trend of the Arena gap per year (Theil-Sen)", "elo"),
    ("arena_gap_trend_low", "Lower end of the trend's 95% confidence interval", "elo"),
    ("arena_gap_trend_high", "Upper end of the trend's 95% confidence interval", "elo"),
    ("arena_gap_slope", "Trend of the Arena gap per year by least squares, for comparison", "elo"),
    ("arena_gap_latest", "Arena gap in the last snapshot", "elo"),
    ("arena_gap_min", "Narrowest Arena gap", "elo"),
    ("arena_gap_min_date", "Snapshot of the narrowest gap", "date"),
    ("arena_first_date", "First snapshot", "date"),
    ("arena_last_date", "Last snapshot", "date"),
    ("snapshots", "Leaderboard snapshots", "count"),
    (
        "proprietary_win_share_latest",
        "Chance the best proprietary model wins a vote against the best open one, last snapshot",
        "percent",
    ),
    ARENA_CATCH_UP_LATEST,
    ("mmlu_lag_latest", "MMLU lag of the latest open record holder", "months"),
    ("mmlu_lag_latest_date", "Release of the latest open record holder", "date"),
    (
        "mmlu_lag_earlier_median",
        "Median MMLU lag of earlier open record holders that trailed",
        "months",
    ),
    ("mmlu_last_date", "Last release date with an MMLU score", "date"),
    ("mmlu_lag_earlier_count", "Earlier open record holders that trailed", "count"),
)

SUMMARY_NARROWING = (
    "Narrowing but not closed: the best proprietary model's Arena lead fell from "
    "{arena_gap_first_mean} to {arena_gap_latest_mean} (trend {arena_gap_trend} a year, "
    "interval {arena_gap_trend_low} to {arena_gap_trend_high}), "
    "and on MMLU the newest open record holder trailed the closed frontier by "
    "{mmlu_lag_latest} against a median {mmlu_lag_earlier_median} before. The lead "
    "jumps whenever a new proprietary model tops the board: it was {arena_gap_min} on "
    "{arena_gap_min_date} and {arena_gap_latest} in the last snapshot."
)
SUMMARY_MIXED = (
    "Mixed: the Arena lead moved from {arena_gap_first_mean} to {arena_gap_latest_mean}, "
    "the MMLU lag from a median {mmlu_lag_earlier_median} to {mmlu_lag_latest}."
)
SUMMARY_NOT_NARROWING = (
    "Not narrowing: the Arena lead moved from {arena_gap_first_mean} to "
    "{arena_gap_latest_mean} and the MMLU lag from {mmlu_lag_earlier_median} to "
    "{mmlu_lag_latest}."
)
METHOD = (
    "Chatbot Arena: in each of {snapshots} leaderboard snapshots from {arena_first_date} to "
    "{arena_last_date}, the gap is the rating of the best model with a proprietary licence "
    "minus that of the best model with any other (open-weight) licence; both are on the "
    "snapshot's own scale. The means over the first and last {window_days} days and the "
    "Theil-Sen trend show the direction: the Arena gap counts as narrowing only when the last "
    "days' mean is below the first days' and the trend's whole confidence interval is below "
    "zero (Theil-Sen, the median of the slopes between every pair of snapshots, because the "
    "gap jumps whenever a new proprietary model tops the board, and such jumps pull a "
    "least-squares line, shown beside it as {arena_gap_slope} a year). The gap was narrowest, {arena_gap_min}, on "
    "{arena_gap_min_date}; in the last snapshot it is {arena_gap_latest}, so the best "
    "proprietary model would win {proprietary_win_share_latest} of votes against the best "
    "open one, and the best open model rates above every proprietary model listed more "
    "than {arena_catch_up_latest} before. MMLU (Epoch AI's benchmark table): for each open "
    "model that set a new open best, the lag is the time since a closed model first scored "
    "higher ({mmlu_lag_earlier_count} earlier record holders trailed; the latest, released "
    "{mmlu_lag_latest_date}, trailed by {mmlu_lag_latest}). Epoch AI put the lag at about "
    "{epoch_open_lag_months} in its report on these data, and at {epoch_eci_open_lag_months} "
    "on its later capability index."
)
LIMITS = (
    "The gap is not monotonic: it widens each time a new proprietary model tops the "
    "leaderboard and shrinks when an open model follows, so the end points depend on "
    "timing. Arena ratings measure chat preference, not capability in general; MMLU scores "
    "come from several evaluation setups and stop on {mmlu_last_date}, and Epoch dates "
    "Google's instruction-tuned Flan models at the release of their base models, years "
    "before the first closed scores, so those records carry no lag. Open here means "
    "downloadable weights, often under licences "
    "with use restrictions, which is not the decentralised control the article implies."
)


def _trend_values(arena_frontier: pd.DataFrame) -> dict[str, float]:
    trend = gap_trend(arena_frontier)
    return {
        "arena_gap_trend": trend.slope,
        "arena_gap_trend_low": trend.low,
        "arena_gap_trend_high": trend.high,
    }


def _arena_values(arena_elo: pd.DataFrame, arena_frontier: pd.DataFrame) -> dict[str, float]:
    last_date = arena_frontier["date"].max()
    narrowest = arena_frontier.sort_values("gap").iloc[0]
    latest_gap = float(arena_frontier["gap"].iloc[-1])
    return {
        "arena_gap_latest_mean": window_mean(arena_frontier, WINDOW_DAYS, first=False),
        "arena_gap_first_mean": window_mean(arena_frontier, WINDOW_DAYS, first=True),
        "window_days": float(WINDOW_DAYS),
        "arena_gap_slope": gap_slope_per_year(arena_frontier),
        **_trend_values(arena_frontier),
        "arena_gap_latest": arena_frontier["gap"].iloc[-1],
        "arena_gap_min": narrowest["gap"],
        "arena_gap_min_date": narrowest["date"].toordinal(),
        "arena_first_date": arena_frontier["date"].min().toordinal(),
        "arena_last_date": last_date.toordinal(),
        "snapshots": float(len(arena_frontier)),
        "proprietary_win_share_latest": 100 * win_probability(latest_gap),
        "arena_catch_up_latest": arena_catch_up_months(arena_elo, last_date),
    }


def _mmlu_values(mmlu_open_lags: pd.DataFrame, model_benchmarks: pd.DataFrame) -> dict[str, float]:
    lags = mmlu_open_lags.dropna(subset=["lag_months"])
    latest = lags.iloc[-1]
    earlier = lags.iloc[:-1]
    earlier = earlier[earlier["lag_months"] > 0]
    return {
        "mmlu_lag_latest": latest["lag_months"],
        "mmlu_lag_latest_date": latest["date"].toordinal(),
        "mmlu_lag_earlier_median": float(earlier["lag_months"].median()),
        "mmlu_last_date": model_benchmarks.dropna(subset=["mmlu"])["date"].max().toordinal(),
        "mmlu_lag_earlier_count": float(len(earlier)),
    }


_GAP_FLIP = FigureSpec("gap_flip", "Latest mean Arena gap at which the verdict flips", "elo")
_LAG_FLIP = FigureSpec("lag_flip", "Latest MMLU lag at which the verdict flips", "months")


def _gap_rule(flips_to: Verdict, direction: str) -> MarginRule:
    word = "at or above" if direction == "above" else "below"
    return MarginRule(
        "arena_gap_latest_mean",
        _GAP_FLIP,
        "above" if direction == "above" else "below",
        flips_to,
        f"{flips_to.value.capitalize()} if the latest mean Arena gap were {word} "
        "{gap_flip}, the first window's (with the trend's interval following).",
    )


def _lag_rule(flips_to: Verdict, direction: str) -> MarginRule:
    word = "at or above" if direction == "above" else "below"
    return MarginRule(
        "mmlu_lag_latest",
        _LAG_FLIP,
        "above" if direction == "above" else "below",
        flips_to,
        f"{flips_to.value.capitalize()} if the latest MMLU lag were {word} {{lag_flip}}, "
        "the earlier median.",
    )


def _gap_margin(v: dict[str, float], narrowing: bool, lag_shrank: bool) -> Margin | None:
    """Which of the two tests, moved to its threshold, changes the verdict; when both could,
    the one nearer its threshold relative to it."""
    gap, first = v["arena_gap_latest_mean"], v["arena_gap_first_mean"]
    lag, median = v["mmlu_lag_latest"], v["mmlu_lag_earlier_median"]
    gap_close = abs(first - gap) / first if first else float("inf")
    lag_close = abs(median - lag) / median if median else float("inf")
    if narrowing and lag_shrank:
        if gap_close <= lag_close:
            return _gap_rule(Verdict.PARTLY_SUPPORTED, "above").at(first)
        return _lag_rule(Verdict.PARTLY_SUPPORTED, "above").at(median)
    if narrowing:
        return _lag_rule(Verdict.SUPPORTED, "below").at(median)
    if lag_shrank:
        return _gap_rule(Verdict.SUPPORTED, "below").at(first)
    if gap_close <= lag_close:
        return _gap_rule(Verdict.PARTLY_SUPPORTED, "below").at(first)
    return _lag_rule(Verdict.PARTLY_SUPPORTED, "below").at(median)


def assess_gap_narrowing(
    arena_elo: pd.DataFrame,
    arena_frontier: pd.DataFrame,
    model_benchmarks: pd.DataFrame,
    mmlu_open_lags: pd.DataFrame,
    epoch_open_lag_months: float,
    epoch_eci_open_lag_months: float,
) -> Assessment:
    """Is the gap between proprietary and open models narrowing?"""
    values = _arena_values(arena_elo, arena_frontier) | _mmlu_values(
        mmlu_open_lags, model_benchmarks
    )
    narrowing = (
        values["arena_gap_latest_mean"] < values["arena_gap_first_mean"]
        and values["arena_gap_trend_high"] < 0
    )
    lag_shrank = values["mmlu_lag_latest"] < values["mmlu_lag_earlier_median"]
    if narrowing and lag_shrank:
        verdict, summary = Verdict.SUPPORTED, SUMMARY_NARROWING
    elif narrowing or lag_shrank:
        verdict, summary = Verdict.PARTLY_SUPPORTED, SUMMARY_MIXED
    else:
        verdict, summary = Verdict.CONTRADICTED, SUMMARY_NOT_NARROWING
    return Assessment(
        verdict=verdict,
        summary=summary,
        figures=FIGURES.fill(**values),
        method=METHOD,
        limits=LIMITS,
        tables={"frontier": arena_frontier, "mmlu_lags": mmlu_open_lags},
        margin=_gap_margin(values, narrowing, lag_shrank),
    )
