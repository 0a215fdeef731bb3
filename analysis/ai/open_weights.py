"""Open-weight models: whether they are a real counterweight to proprietary ones, and
whether their release is accelerating and community-driven. From the accessibility of
Epoch AI's notable systems and the last Chatbot Arena snapshot.
"""

from __future__ import annotations

import pandas as pd

from analysis.ai.arena import (
    ARENA_CATCH_UP_LATEST,
    ARENA_LAST_SNAPSHOT,
    arena_catch_up_months,
    is_proprietary,
)
from analysis.ai.systems import FRONTIER_COUNT, LATEST_YEAR, SNAPSHOT_END, WINDOW_START
from analysis.result import Assessment, Figures, Verdict

COUNTERFORCE_FIGURES = Figures(
    (
        "open_share_latest",
        "Notable systems with a known accessibility released with open weights, latest "
        "complete year",
        "percent",
    ),
    ("open_count_latest", "Open-weight notable systems in that year", "count"),
    ("known_count_latest", "Notable systems of that year with a known accessibility", "count"),
    ("systems_latest", "Notable systems of that year", "count"),
    LATEST_YEAR,
    ("frontier_open", "Frontier systems with open weights in the window", "count"),
    FRONTIER_COUNT,
    WINDOW_START,
    ("best_open_rank", "Rank of the best open model in the last Arena snapshot", "count"),
    ("arena_models", "Models in the last Arena snapshot", "count"),
    ARENA_CATCH_UP_LATEST,
    ARENA_LAST_SNAPSHOT,
)
COUNTERFORCE_SUMMARY = (
    "Open weights are common and close behind: of the {known_count_latest} notable "
    "systems of {latest_year} whose accessibility is recorded, {open_share_latest} were "
    "released with open weights, and the best open model ranked "
    "{best_open_rank} of {arena_models} on the Arena, about {arena_catch_up_latest} behind "
    "the proprietary frontier. Whether that democratises access is not in the data."
)
COUNTERFORCE_METHOD = (
    "Epoch AI's accessibility field marks weights that can be downloaded (with or without "
    "use restrictions); it is recorded for {known_count_latest} of the {systems_latest} "
    "notable systems of {latest_year}, and shares are of those. Among frontier systems since {window_start}, {frontier_open} of "
    "{frontier_count} had open weights. On the Arena snapshot of {arena_last_date}, the "
    "lag is the time since the earliest-listed proprietary model still rated above the "
    "best open one first appeared. The verdict is partly supported whatever these "
    "figures say: they show that open models exist and how close they are, while the "
    "claim is about access and counterforce, which are not measured."
)
COUNTERFORCE_LIMITS = (
    "Downloadable weights are not access for most users: running a large open model needs "
    "the same kind of data-centre hardware, and most open-weight leaders are themselves "
    "large companies. The data count releases, not users or uses."
)
COUNTERFORCE_NEEDS = (
    "Usage data: downloads and deployments of open-weight models, the share of AI "
    "inference served by open models, and who runs them (individuals, small firms, clouds)."
)

TREND_FIGURES = Figures(
    ("open_count_base", "Open-weight notable systems, first year compared", "count"),
    ("open_count_latest", "Open-weight notable systems, latest complete year", "count"),
    (
        "open_share_base",
        "Open-weight share of systems with a known accessibility, first year compared",
        "percent",
    ),
    (
        "open_share_latest",
        "Open-weight share of systems with a known accessibility, latest complete year",
        "percent",
    ),
    ("base_year", "First year compared", "year"),
    LATEST_YEAR,
    ("open_count_partial", "Open-weight systems in the snapshot's last, partial year", "count"),
    ("open_count_partial_before", "Open-weight systems in the same months a year earlier", "count"),
    SNAPSHOT_END,
    (
        "frontier_open_earlier",
        "Frontier systems with open weights, first year compared to the year before the latest",
        "count",
    ),
    (
        "frontier_earlier",
        "Frontier systems, first year compared to the year before the latest",
        "count",
    ),
    (
        "frontier_open_recent",
        "Frontier systems with open weights, latest complete year to the snapshot's end",
        "count",
    ),
    ("frontier_recent", "Frontier systems, latest complete year to the snapshot's end", "count"),
    (
        "open_industry_share",
        "Open-weight systems from companies alone, since the first year compared",
        "percent",
    ),
    (
        "open_other_share",
        "Open-weight systems from collectives, governments or unknown developers",
        "percent",
    ),
)
TREND_SUMMARY_COUNTS = (
    "Open-weight notable systems went from {open_count_base} ({open_share_base} of those "
    "with a known accessibility) in {base_year} to {open_count_latest} "
    "({open_share_latest}) in {latest_year}; the "
    "snapshot's last months hold {open_count_partial} against {open_count_partial_before} "
    "in the same months a year earlier. "
)
TREND_SUMMARY_COMPANIES = "The releases are not mainly community-driven: companies alone made "
TREND_SUMMARY_COMMUNITY = "Companies alone made "
TREND_SUMMARY_WHO = (
    "{open_industry_share} of the open-weight systems since {base_year}, research "
    "collectives, governments and unrecorded developers {open_other_share}."
)
TREND_METHOD = (
    "Notable systems in Epoch AI's database with a known accessibility are counted per "
    "year, and those with downloadable weights taken as open. The snapshot ends on "
    "{snapshot_end}, so that year is compared with the same months of the year before. "
    "Developers' types show who releases open weights: {open_other_share} came from "
    "research collectives, governments or unrecorded developers. Among the largest models "
    "(Epoch's frontier flag), {frontier_open_recent} of {frontier_recent} published from "
    "{latest_year} on had open weights, against {frontier_open_earlier} of "
    "{frontier_earlier} from {base_year} until then."
)
TREND_LIMITS = (
    "Acceleration needs a rate of change; a few years of counts of notable systems are a "
    "thin base, and the database adds systems with delay, so the latest months are likely "
    "undercounted. Replicating or improving on proprietary architectures is not recorded."
)
TREND_NEEDS = (
    "A complete monthly count of open-weight model releases over several years (for "
    "example Hugging Face uploads with their base-model lineage), with who made each, "
    "to measure the rate of change and the part of community projects against companies."
)


def assess_open_counterforce(
    open_share_by_year: pd.DataFrame,
    notable_systems: pd.DataFrame,
    notable_last_complete_year: int,
    frontier_window_start: int,
    frontier_window_systems: pd.DataFrame,
    arena_elo: pd.DataFrame,
    arena_last_snapshot: pd.DataFrame,
) -> Assessment:
    """Are open models a real counterweight to proprietary ones?"""
    latest = notable_last_complete_year
    now = open_share_by_year[open_share_by_year["year"] == latest].iloc[0]
    last_date = arena_last_snapshot["date"].max()
    closed = is_proprietary(arena_last_snapshot["license"]).to_numpy()
    figures = COUNTERFORCE_FIGURES.fill(
        open_share_latest=now["open_share"],
        open_count_latest=now["open"],
        known_count_latest=now["known"],
        systems_latest=float((notable_systems["year"] == latest).sum()),
        latest_year=float(latest),
        frontier_open=float(frontier_window_systems["open_weights"].sum()),
        frontier_count=float(len(frontier_window_systems)),
        window_start=float(frontier_window_start),
        best_open_rank=float(list(closed).index(False) + 1),
        arena_models=float(len(arena_last_snapshot)),
        arena_catch_up_latest=arena_catch_up_months(arena_elo, last_date),
        arena_last_date=last_date.toordinal(),
    )
    return Assessment(
        verdict=Verdict.PARTLY_SUPPORTED,
        summary=COUNTERFORCE_SUMMARY,
        figures=figures,
        method=COUNTERFORCE_METHOD,
        limits=COUNTERFORCE_LIMITS,
        needs=COUNTERFORCE_NEEDS,
        tables={"open_by_year": open_share_by_year},
    )


def _open_trend_values(
    shares: pd.DataFrame,
    notable_systems: pd.DataFrame,
    frontier: pd.DataFrame,
    base: int,
    latest: int,
    end: pd.Timestamp,
) -> dict[str, float]:
    def at(year: int, column: str) -> float:
        return float(shares.loc[shares["year"] == year, column].iloc[0])

    known = notable_systems.dropna(subset=["accessibility"])
    opened = known[known["open_weights"]]
    now = opened[(opened["year"] == end.year) & (opened["published"] <= end)]
    year_before = end - pd.DateOffset(years=1)
    before = opened[(opened["year"] == end.year - 1) & (opened["published"] <= year_before)]
    recent = opened[opened["year"] >= base]
    earlier = frontier["year"] < latest
    return {
        "open_count_base": at(base, "open"),
        "open_count_latest": at(latest, "open"),
        "open_share_base": at(base, "open_share"),
        "open_share_latest": at(latest, "open_share"),
        "base_year": float(base),
        "latest_year": float(latest),
        "open_count_partial": float(len(now)),
        "open_count_partial_before": float(len(before)),
        "snapshot_end": end.toordinal(),
        "frontier_open_earlier": float(frontier["open_weights"][earlier].sum()),
        "frontier_earlier": float(earlier.sum()),
        "frontier_open_recent": float(frontier["open_weights"][~earlier].sum()),
        "frontier_recent": float((~earlier).sum()),
        "open_industry_share": 100.0 * float((recent["sector"] == "industry").mean()),
        "open_other_share": 100.0 * float((recent["sector"] == "other").mean()),
    }


def assess_open_trend_accelerating(
    open_share_by_year: pd.DataFrame,
    notable_systems: pd.DataFrame,
    notable_last_complete_year: int,
    notable_snapshot_end: pd.Timestamp,
    frontier_window_start: int,
    frontier_window_systems: pd.DataFrame,
) -> Assessment:
    """Is the release of open models accelerating, and is it community-driven?

    The first year compared is the first of the window for 'today'."""
    values = _open_trend_values(
        open_share_by_year,
        notable_systems,
        frontier_window_systems,
        frontier_window_start,
        notable_last_complete_year,
        notable_snapshot_end,
    )
    signs = (
        values["open_count_latest"] > values["open_count_base"],
        values["open_share_latest"] > values["open_share_base"],
        values["open_count_partial"] >= values["open_count_partial_before"],
    )
    if all(signs):
        verdict = Verdict.SUPPORTED
    elif any(signs):
        verdict = Verdict.PARTLY_SUPPORTED
    else:
        verdict = Verdict.CONTRADICTED
    companies = values["open_industry_share"] > values["open_other_share"]
    who = TREND_SUMMARY_COMPANIES if companies else TREND_SUMMARY_COMMUNITY
    return Assessment(
        verdict=verdict,
        summary=TREND_SUMMARY_COUNTS + who + TREND_SUMMARY_WHO,
        figures=TREND_FIGURES.fill(**values),
        method=TREND_METHOD,
        limits=TREND_LIMITS,
        needs=TREND_NEEDS,
        tables={"open_by_year": open_share_by_year},
    )
