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
from analysis.result import Assessment, Figures, FigureSpec, Margin, MarginRule, Verdict

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
    ("frontier_open_share", "Frontier systems in the window with open weights", "percent"),
    FRONTIER_COUNT,
    WINDOW_START,
    ("best_open_rank", "Rank of the best open model in the last Arena snapshot", "count"),
    ("arena_models", "Models in the last Arena snapshot", "count"),
    ARENA_CATCH_UP_LATEST,
    ARENA_LAST_SNAPSHOT,
)
COUNTERFORCE_SUMMARY = (
    "Of the {known_count_latest} notable systems of {latest_year} whose accessibility is "
    "recorded, {open_share_latest} were released with open weights; of the "
    "{frontier_count} frontier systems since {window_start}, {frontier_open_share}. The "
    "best open model ranked {best_open_rank} of {arena_models} on the Arena, about "
    "{arena_catch_up_latest} behind the proprietary frontier. "
)
COUNTERFORCE_BOTH = "Open weights hold most of both levels: a counterforce at the top too. "
COUNTERFORCE_RELEASES = (
    "Open weights hold most releases but not the frontier, where proprietary systems "
    "dominate: a counterforce below the top only. "
)
COUNTERFORCE_FRONTIER = "Open weights hold most of the frontier but not of all releases. "
COUNTERFORCE_NEITHER = "Open weights hold most of neither level: no counterforce. "
COUNTERFORCE_ACCESS = "Whether that democratises access is not tested: usage is not in the data."
COUNTERFORCE_METHOD = (
    "Epoch AI's accessibility field marks weights that can be downloaded (with or without "
    "use restrictions); it is recorded for {known_count_latest} of the {systems_latest} "
    "notable systems of {latest_year}, and shares are of those. Among frontier systems since {window_start}, {frontier_open} of "
    "{frontier_count} had open weights. On the Arena snapshot of {arena_last_date}, the "
    "lag is the time since the earliest-listed proprietary model still rated above the "
    "best open one first appeared. Rule for the counterforce half: supported if open "
    "weights are more than {majority_share_pct} of both the notable systems of "
    "{latest_year} and the frontier systems of the window, partly supported if of one, "
    "contradicted if of neither. The 'democratizing access' half is not tested (no usage "
    "data)."
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

_OPEN_FLIP = FigureSpec("open_share_flip", "Open-weight share at which it flips", "percent")


def _rule(deciding: str, direction: str, flips_to: Verdict, level: str) -> MarginRule:
    more = "more" if direction == "above" else "no more"
    return MarginRule(
        deciding,
        _OPEN_FLIP,
        "above" if direction == "above" else "below",
        flips_to,
        f"{flips_to.value.capitalize()} if open weights were {more} than "
        "{open_share_flip} of " + level + ".",
    )


def _counterforce_verdict(
    notable: float, frontier: float, line: float
) -> tuple[Verdict, Margin | None]:
    """Supported, partly or contradicted by how many of the two levels open weights hold;
    the margin moves the level nearer the line of half."""
    releases, top = "the latest year's systems", "frontier systems"
    held = (notable > line, frontier > line)
    if all(held):
        nearer = ("notable", releases) if notable <= frontier else ("frontier", top)
        name = "open_share_latest" if nearer[0] == "notable" else "frontier_open_share"
        return Verdict.SUPPORTED, _rule(name, "below", Verdict.PARTLY_SUPPORTED, nearer[1]).at(line)
    if not any(held):
        nearer = (
            ("open_share_latest", releases) if notable >= frontier else ("frontier_open_share", top)
        )
        return Verdict.CONTRADICTED, _rule(
            nearer[0], "above", Verdict.PARTLY_SUPPORTED, nearer[1]
        ).at(line)
    # one level held: losing it contradicts, gaining the other supports; the nearer wins
    if held[0]:
        lose, gain = (
            ("open_share_latest", releases, notable),
            ("frontier_open_share", top, frontier),
        )
    else:
        lose, gain = (
            ("frontier_open_share", top, frontier),
            ("open_share_latest", releases, notable),
        )
    if lose[2] - line <= line - gain[2]:
        return Verdict.PARTLY_SUPPORTED, _rule(lose[0], "below", Verdict.CONTRADICTED, lose[1]).at(
            line
        )
    return Verdict.PARTLY_SUPPORTED, _rule(gain[0], "above", Verdict.SUPPORTED, gain[1]).at(line)


def assess_open_counterforce(
    open_share_by_year: pd.DataFrame,
    notable_systems: pd.DataFrame,
    notable_last_complete_year: int,
    frontier_window_start: int,
    frontier_window_systems: pd.DataFrame,
    arena_elo: pd.DataFrame,
    arena_last_snapshot: pd.DataFrame,
    majority_share_pct: float,
) -> Assessment:
    """Are open models a real counterweight to proprietary ones? Counted at two levels, all
    notable releases and the frontier; access itself is not measured."""
    latest = notable_last_complete_year
    now = open_share_by_year[open_share_by_year["year"] == latest].iloc[0]
    last_date = arena_last_snapshot["date"].max()
    closed = is_proprietary(arena_last_snapshot["license"]).to_numpy()
    frontier_n = len(frontier_window_systems)
    frontier_share = (
        100.0 * float(frontier_window_systems["open_weights"].sum()) / frontier_n
        if frontier_n
        else 0.0
    )
    verdict, margin = _counterforce_verdict(
        float(now["open_share"]), frontier_share, majority_share_pct
    )
    held = (float(now["open_share"]) > majority_share_pct, frontier_share > majority_share_pct)
    level = {
        (True, True): COUNTERFORCE_BOTH,
        (True, False): COUNTERFORCE_RELEASES,
        (False, True): COUNTERFORCE_FRONTIER,
        (False, False): COUNTERFORCE_NEITHER,
    }[held]
    figures = COUNTERFORCE_FIGURES.fill(
        open_share_latest=now["open_share"],
        open_count_latest=now["open"],
        known_count_latest=now["known"],
        systems_latest=float((notable_systems["year"] == latest).sum()),
        latest_year=float(latest),
        frontier_open=float(frontier_window_systems["open_weights"].sum()),
        frontier_open_share=frontier_share,
        frontier_count=float(frontier_n),
        window_start=float(frontier_window_start),
        best_open_rank=float(list(closed).index(False) + 1),
        arena_models=float(len(arena_last_snapshot)),
        arena_catch_up_latest=arena_catch_up_months(arena_elo, last_date),
        arena_last_date=last_date.toordinal(),
    )
    return Assessment(
        verdict=verdict,
        margin=margin,
        summary=COUNTERFORCE_SUMMARY + level + COUNTERFORCE_ACCESS,
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


# The three signs of acceleration: (latest figure, base figure, what it counts, unit);
# the third holds at equality, the first two only above.
TREND_SIGNS = (
    ("open_count_latest", "open_count_base", "open-weight systems in the latest year", "count"),
    ("open_share_latest", "open_share_base", "the latest year's open-weight share", "percent"),
    (
        "open_count_partial",
        "open_count_partial_before",
        "open-weight systems in the partial year",
        "count",
    ),
)


def _sign_rule(index: int, flips_to: Verdict, rising: bool) -> MarginRule:
    latest, _, what, unit = TREND_SIGNS[index]
    name = f"{latest}_flip"
    edge = (
        ("more than" if index < 2 else "at least")
        if rising
        else ("no more than" if index < 2 else "fewer than")
    )
    return MarginRule(
        latest,
        FigureSpec(name, f"Value of {what} at which the verdict flips", unit),
        "above" if rising else "below",
        flips_to,
        f"{flips_to.value.capitalize()} if {what} were {edge} {{{name}}}.",
    )


def _trend_margin(values: dict[str, float], signs: tuple[bool, ...]) -> Margin | None:
    """The one sign whose change alters the verdict: for supported or contradicted the
    nearest (relative to its base), for partly the lone sign that differs from the rest."""

    def closeness(i: int) -> float:
        latest, base = values[TREND_SIGNS[i][0]], values[TREND_SIGNS[i][1]]
        return abs(latest - base) / base if base else float("inf")

    if all(signs) or not any(signs):
        i = min(range(len(signs)), key=closeness)
        rising = not all(signs)
        rule = _sign_rule(i, Verdict.PARTLY_SUPPORTED, rising)
    elif signs.count(False) == 1:
        i, rule = signs.index(False), _sign_rule(signs.index(False), Verdict.SUPPORTED, True)
    else:
        i, rule = signs.index(True), _sign_rule(signs.index(True), Verdict.CONTRADICTED, False)
    return rule.at(values[TREND_SIGNS[i][1]])


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
    margin = _trend_margin(values, signs)
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
        margin=margin,
    )
