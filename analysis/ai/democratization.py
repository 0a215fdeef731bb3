"""The article's AI thesis, year by year: whether AI is 'beginning a journey toward
democratization' (the leading developers' share of notable and frontier systems, and the
open-weight share, each with a Theil–Sen trend and its interval), and whether developers
worldwide can now use models once held by well-funded organisations. From Epoch AI's
notable systems and the last Chatbot Arena snapshot.
"""

from __future__ import annotations

import pandas as pd

from analysis.ai.arena import ARENA_CATCH_UP_LATEST, arena_catch_up_months
from analysis.ai.systems import LATEST_YEAR, WINDOW_START
from analysis.measures.trend_interval import CONFIDENCE, Trend, theil_sen
from analysis.result import Assessment, Figures, FigureSpec, Margin, MarginRule, Verdict

# The leading developers of each year counted (the same number as the handful claim's).
TOP_DEVELOPERS = 3

# The three series: (prefix, what it measures, the sign of a move toward democratization)
SERIES = (
    ("top_notable", "the leading developers' share of notable systems", -1),
    ("top_frontier", "the leading developers' share of frontier systems", -1),
    ("open_share", "the open-weight share of notable systems", +1),
)

JOURNEY_FIGURES = Figures(
    *(
        spec
        for prefix, what, _ in SERIES
        for spec in (
            (f"{prefix}_slope", f"Trend of {what} (Theil-Sen)", "percentage_points"),
            (f"{prefix}_low", f"Trend of {what}, low end of the interval", "percentage_points"),
            (f"{prefix}_high", f"Trend of {what}, high end of the interval", "percentage_points"),
            (f"{prefix}_first", f"{what.capitalize()}, first year", "percent"),
            (f"{prefix}_last", f"{what.capitalize()}, latest complete year", "percent"),
            (f"{prefix}_years", f"Years in the trend of {what}", "count"),
        )
    ),
    ("first_year", "First year of the trends", "year"),
    ("trend_confidence_pct", "Confidence of the trend intervals", "percent"),
    LATEST_YEAR,
    ("toward_count", "Series moving toward democratization beyond their interval", "count"),
)
JOURNEY_SUMMARY = (
    "From {first_year} to {latest_year} the three leading developers of each year made "
    "{top_notable_first} then {top_notable_last} of notable systems (trend {top_notable_slope} "
    "a year, interval {top_notable_low} to {top_notable_high}) and {top_frontier_first} then "
    "{top_frontier_last} of frontier systems ({top_frontier_slope} a year, {top_frontier_low} "
    "to {top_frontier_high}); open weights went from {open_share_first} to {open_share_last} "
    "of the systems whose accessibility is recorded ({open_share_slope} a year, "
    "{open_share_low} to {open_share_high}). {toward_count} of the three series move toward "
    "democratization with an interval that excludes no trend. The 'edge computing' route "
    "is not tested (see the edge-AI claims)."
)
JOURNEY_METHOD = (
    "Per publication year from the start of the deep-learning era "
    "({deep_learning_era_start_year}) to the latest complete year: the share of notable "
    "systems, and of Epoch's frontier systems, made by that year's three most prolific lead "
    "developers (research units under their parent company), and the share of systems with "
    "a recorded accessibility that have downloadable weights. Each series is trended by "
    "Theil-Sen (the median of pairwise slopes, in percentage points a year) with its "
    "distribution-free interval at {trend_confidence_pct}: yearly shares of a few systems "
    "jump, and the median is not pulled by one such year as least squares is. Years with "
    "no frontier system, or no recorded accessibility, are left out of that series. "
    "Supported if all three series move toward democratization (the leaders' shares down, "
    "the open share up) with intervals that exclude no trend; partly supported if one or "
    "two do; contradicted if none does."
)
JOURNEY_LIMITS = (
    "A year's leading developers change from year to year, so the series says how much the "
    "top three of each year made, not how a fixed set of firms fared. Frontier systems are "
    "few a year (a handful), so that series' interval is wide. Open weights are not access "
    "for most users, and Epoch records accessibility for fewer early systems."
)
JOURNEY_NEEDS = (
    "For the edge-computing route: shipments of devices able to run models locally by year; "
    "for access: downloads or deployments of open models by who runs them."
)


def _toward_rule(prefix: str, sign: int, flips_to: Verdict, now_toward: bool) -> MarginRule:
    """The interval end of one series crossing zero."""
    end = f"{prefix}_{'high' if sign < 0 else 'low'}"
    what = next(w for p, w, _ in SERIES if p == prefix)
    if sign < 0:
        direction, words = ("above", "reached") if now_toward else ("below", "fell below")
    else:
        direction, words = ("below", "fell to") if now_toward else ("above", "rose above")
    return MarginRule(
        end,
        FigureSpec(
            "trend_end_flip", "Interval end at which the verdict flips", "percentage_points"
        ),
        direction,  # type: ignore[arg-type]
        flips_to,
        f"{flips_to.value.capitalize()} if the interval of {what} {words} {{trend_end_flip}} "
        "a year.",
    )


def _journey_verdict(trends: dict[str, Trend]) -> tuple[Verdict, Margin | None]:
    toward = {p: (trends[p].high < 0 if s < 0 else trends[p].low > 0) for p, _, s in SERIES}
    count = sum(toward.values())
    verdict = (
        Verdict.SUPPORTED
        if count == len(SERIES)
        else Verdict.CONTRADICTED
        if count == 0
        else Verdict.PARTLY_SUPPORTED
    )

    def distance(prefix: str, sign: int) -> float:
        t = trends[prefix]
        return abs(t.high if sign < 0 else t.low)

    if verdict is Verdict.PARTLY_SUPPORTED and count == len(SERIES) - 1:
        prefix, _, sign = next(s for s in SERIES if not toward[s[0]])
        return verdict, _toward_rule(prefix, sign, Verdict.SUPPORTED, False).at(0.0)
    pool = [s for s in SERIES if toward[s[0]] == (verdict is not Verdict.CONTRADICTED)]
    prefix, _, sign = min(pool, key=lambda s: distance(s[0], s[2]))
    flips_to = (
        Verdict.PARTLY_SUPPORTED
        if verdict is not Verdict.PARTLY_SUPPORTED
        else (Verdict.CONTRADICTED)
    )
    return verdict, _toward_rule(prefix, sign, flips_to, toward[prefix]).at(0.0)


def yearly_series(notable_systems: pd.DataFrame, first: int, last: int) -> pd.DataFrame:
    """Per year: the three leading developers' share of notable and of frontier systems,
    and the open-weight share of systems with a recorded accessibility (percent)."""
    rows = []
    for year in range(first, last + 1):
        systems = notable_systems[notable_systems["year"] == year]
        frontier = systems[systems["frontier_model"].fillna("").eq("checked")]
        known = systems.dropna(subset=["accessibility"])
        rows.append(
            {
                "year": year,
                "top_notable": _top_share(systems),
                "top_frontier": _top_share(frontier),
                "open_share": 100.0 * float(known["open_weights"].mean()) if len(known) else None,
            }
        )
    return pd.DataFrame(rows)


def _top_share(systems: pd.DataFrame) -> float | None:
    if systems.empty:
        return None
    counts = systems["lead_developer"].value_counts()
    return 100.0 * float(counts.head(TOP_DEVELOPERS).sum()) / float(counts.sum())


def assess_journey_to_democratization(
    notable_systems: pd.DataFrame,
    notable_last_complete_year: int,
    deep_learning_era_start_year: float,
) -> Assessment:
    """Are the leaders' shares falling and the open share rising, beyond their intervals?"""
    first, last = int(deep_learning_era_start_year), notable_last_complete_year
    table = yearly_series(notable_systems, first, last)
    values: dict[str, float | None] = {
        "first_year": float(first),
        "latest_year": float(last),
        "trend_confidence_pct": 100.0 * CONFIDENCE,
    }
    trends: dict[str, Trend] = {}
    for prefix, _, _ in SERIES:
        points = table.dropna(subset=[prefix])
        trend = theil_sen(points["year"].to_numpy(), points[prefix].to_numpy(dtype="float64"))
        trends[prefix] = trend
        values |= {
            f"{prefix}_slope": trend.slope,
            f"{prefix}_low": trend.low,
            f"{prefix}_high": trend.high,
            f"{prefix}_first": float(points[prefix].iloc[0]),
            f"{prefix}_last": float(points[prefix].iloc[-1]),
            f"{prefix}_years": float(len(points)),
        }
    verdict, margin = _journey_verdict(trends)
    values["toward_count"] = float(
        sum((trends[p].high < 0 if s < 0 else trends[p].low > 0) for p, _, s in SERIES)
    )
    return Assessment(
        verdict=verdict,
        summary=JOURNEY_SUMMARY,
        figures=JOURNEY_FIGURES.fill(**values),
        method=JOURNEY_METHOD,
        limits=JOURNEY_LIMITS,
        needs=JOURNEY_NEEDS,
        tables={"by_year": table},
        margin=margin,
    )


ACCESS_FIGURES = Figures(
    ("frontier_open", "Frontier systems with open weights in the window", "count"),
    ("frontier_count", "Frontier systems in the window", "count"),
    WINDOW_START,
    ARENA_CATCH_UP_LATEST,
    ("open_countries", "Countries of the lead developers of open-weight systems, window", "count"),
)
ACCESS_SUMMARY = (
    "Models of the kind once held by well-funded organisations are downloadable: "
    "{frontier_open} of the {frontier_count} frontier systems since {window_start} have open "
    "weights, and the best open model on the Arena is about {arena_catch_up_latest} behind "
    "the proprietary frontier. Their lead developers are in {open_countries} countries. "
    "Whether developers worldwide use them is not tested: no download or usage data are in "
    "the project."
)
NO_ACCESS_SUMMARY = (
    "No frontier system since {window_start} has open weights: the most sophisticated "
    "models stay with the organisations that trained them."
)
ACCESS_METHOD = (
    "'Sophisticated models' are read as Epoch's frontier systems of the window (the most "
    "compute-intensive of their time, all from well-funded developers); those with "
    "downloadable weights are counted. The Arena lag is the time since the earliest-listed "
    "proprietary model still rated above the best open one first appeared. Countries are "
    "the first listed in Epoch's country field for each open-weight system's developers "
    "('Multinational' counted as one). Contradicted if no frontier system has open "
    "weights; partly supported otherwise, since the 'developers worldwide' who use them "
    "are not in the data."
)
ACCESS_LIMITS = (
    "Downloadable weights of a frontier model still need data-centre hardware to run at "
    "full size; access in practice may be through hosted copies. Epoch's countries are "
    "those of the developers, not of the users."
)
ACCESS_NEEDS = (
    "Downloads of open-weight models by the downloader's country and kind (individual, "
    "start-up, university), for example from Hugging Face's download statistics."
)
ANY_OPEN_FRONTIER = MarginRule(
    "frontier_open",
    FigureSpec("frontier_open_flip", "Open frontier systems at which it flips", "count"),
    "below",
    Verdict.CONTRADICTED,
    "Contradicted if fewer than {frontier_open_flip} frontier systems had open weights.",
)
NO_OPEN_FRONTIER = MarginRule(
    "frontier_open",
    FigureSpec("frontier_open_flip", "Open frontier systems at which it flips", "count"),
    "above",
    Verdict.PARTLY_SUPPORTED,
    "Partly supported if at least {frontier_open_flip} frontier system had open weights.",
)


def first_country(country: object) -> str:
    """The first country listed in Epoch's field, or 'unknown'."""
    if not isinstance(country, str) or not country.strip():
        return "unknown"
    return country.split(",")[0].strip()


def assess_developers_worldwide_access(
    notable_systems: pd.DataFrame,
    frontier_window_systems: pd.DataFrame,
    frontier_window_start: int,
    arena_elo: pd.DataFrame,
    arena_last_snapshot: pd.DataFrame,
) -> Assessment:
    """Can developers get models once held by well-funded organisations? Open frontier
    systems and the Arena lag; who uses them is not in the data."""
    frontier = frontier_window_systems
    opened = int(frontier["open_weights"].sum())
    window = notable_systems[
        (notable_systems["year"] >= frontier_window_start) & notable_systems["open_weights"]
    ]
    countries = {c for c in window["country"].map(first_country) if c != "unknown"}
    figures = ACCESS_FIGURES.fill(
        frontier_open=float(opened),
        frontier_count=float(len(frontier)),
        window_start=float(frontier_window_start),
        arena_catch_up_latest=arena_catch_up_months(arena_elo, arena_last_snapshot["date"].max()),
        open_countries=float(len(countries)),
    )
    verdict = Verdict.PARTLY_SUPPORTED if opened > 0 else Verdict.CONTRADICTED
    margin = (ANY_OPEN_FRONTIER if opened > 0 else NO_OPEN_FRONTIER).at(1.0)
    return Assessment(
        verdict=verdict,
        summary=ACCESS_SUMMARY if opened > 0 else NO_ACCESS_SUMMARY,
        figures=figures,
        method=ACCESS_METHOD,
        limits=ACCESS_LIMITS,
        needs=ACCESS_NEEDS,
        margin=margin,
        tables={"open_frontier": frontier[frontier["open_weights"]][["system", "organization"]]},
    )
