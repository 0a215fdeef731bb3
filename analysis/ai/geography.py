"""Where AI innovation comes from: whether notable and frontier systems are concentrated in
one country (the first country Epoch lists for each system's developers), beside the
leading developers' share; and why 'most users interact with curated, simplified versions'
cannot be checked with the project's data.
"""

from __future__ import annotations

import pandas as pd

from analysis.ai.democratization import first_country
from analysis.ai.systems import WINDOW_START
from analysis.result import Assessment, Figures, FigureSpec, Margin, MarginRule, Verdict

ANYWHERE_FIGURES = Figures(
    ("largest_country_notable", "Largest country's share of notable systems, window", "percent"),
    ("largest_country_frontier", "Largest country's share of frontier systems, window", "percent"),
    ("countries_notable", "Countries with a notable system in the window", "count"),
    ("countries_frontier", "Countries with a frontier system in the window", "count"),
    ("country_unknown_share", "Notable systems of the window with no country", "percent"),
    ("notable_window_count", "Notable systems in the window", "count"),
    ("frontier_count", "Frontier systems in the window", "count"),
    WINDOW_START,
)
ANYWHERE_SUMMARY = (
    "Since {window_start} the largest country, {largest_notable_name}, made "
    "{largest_country_notable} of the {notable_window_count} notable systems (from "
    "{countries_notable} countries), and {largest_frontier_name} made "
    "{largest_country_frontier} of the {frontier_count} frontier systems (from "
    "{countries_frontier} countries). "
)
ANYWHERE_LEVELS = {
    (False, False): "Neither level is held by one country: innovation is spread.",
    (True, False): "One country holds most of the notable systems but not of the frontier.",
    (False, True): (
        "Notable work is spread across countries, but the frontier is concentrated in one."
    ),
    (True, True): "One country holds most of both: innovation is geographically concentrated.",
}
ANYWHERE_METHOD = (
    "Each notable system of the window (from {window_start}) is placed in the first country "
    "Epoch lists for its developers; 'Multinational' counts as a place of its own and "
    "systems with no country are left out of the shares ({country_unknown_share} of them). "
    "A level is concentrated when its largest country made more than {majority_share_pct} "
    "of its systems. Supported if neither notable nor frontier systems are concentrated, "
    "partly supported if one level is, contradicted if both are. The corporate half of "
    "the sentence is the handful-of-giants claim's test (the leading developers' shares)."
)
ANYWHERE_LIMITS = (
    "The first listed country is the lead organisation's, so joint work across countries "
    "counts for one of them only. Counting systems is not counting innovation: a "
    "country's share of citations or of compute would weigh systems differently. The "
    "sentence states an aim ('creating an ecosystem where'), checked here against the "
    "state of things."
)
ANYWHERE_NEEDS = (
    "A weighting of systems by what they contributed (citations, or the compute and staff "
    "behind them) by country, and the countries of all authors of joint work, not only "
    "the lead organisation's."
)
_SHARE_FLIP = FigureSpec("country_flip", "Largest country's share at which it flips", "percent")
_NAMES = {
    "largest_country_notable": "notable systems",
    "largest_country_frontier": "frontier systems",
}


def _level_rule(deciding: str, rising: bool, flips_to: Verdict) -> MarginRule:
    words = "more than" if rising else "no more than"
    return MarginRule(
        deciding,
        _SHARE_FLIP,
        "above" if rising else "below",
        flips_to,
        f"{flips_to.value.capitalize()} if the largest country had made {words} "
        f"{{country_flip}} of {_NAMES[deciding]}.",
    )


def _anywhere_verdict(shares: dict[str, float], line: float) -> tuple[Verdict, Margin | None]:
    """By the number of concentrated levels; the margin moves the level nearer the line."""
    held = {k: v > line for k, v in shares.items()}
    count = sum(held.values())
    verdict = (Verdict.SUPPORTED, Verdict.PARTLY_SUPPORTED, Verdict.CONTRADICTED)[count]
    nearest = min(shares, key=lambda k: abs(shares[k] - line))
    if count == 1:
        # moving the nearer level across the line: back to supported, or on to contradicted
        flips_to = Verdict.SUPPORTED if held[nearest] else Verdict.CONTRADICTED
    else:
        flips_to = Verdict.PARTLY_SUPPORTED
    return verdict, _level_rule(nearest, not held[nearest], flips_to).at(line)


def _largest(countries: pd.Series) -> tuple[str, float, int]:
    known = countries[countries != "unknown"]
    if known.empty:
        return "unknown", 0.0, 0
    counts = known.value_counts()
    return str(counts.index[0]), 100.0 * float(counts.iloc[0]) / len(known), len(counts)


def assess_innovation_from_anywhere(
    notable_systems: pd.DataFrame,
    frontier_window_systems: pd.DataFrame,
    frontier_window_start: int,
    majority_share_pct: float,
) -> Assessment:
    """Is AI innovation spread across countries, or concentrated in one?"""
    window = notable_systems[notable_systems["year"] >= frontier_window_start]
    notable_places = window["country"].map(first_country)
    frontier_places = frontier_window_systems["country"].map(first_country)
    notable_name, notable_share, notable_n = _largest(notable_places)
    frontier_name, frontier_share, frontier_n = _largest(frontier_places)
    shares = {"largest_country_notable": notable_share, "largest_country_frontier": frontier_share}
    verdict, margin = _anywhere_verdict(shares, majority_share_pct)
    held = (notable_share > majority_share_pct, frontier_share > majority_share_pct)
    summary = (
        ANYWHERE_SUMMARY.replace("{largest_notable_name}", _prose_name(notable_name)).replace(
            "{largest_frontier_name}", _prose_name(frontier_name)
        )
        + ANYWHERE_LEVELS[held]
    )
    return Assessment(
        verdict=verdict,
        summary=summary,
        figures=ANYWHERE_FIGURES.fill(
            largest_country_notable=notable_share,
            largest_country_frontier=frontier_share,
            countries_notable=float(notable_n),
            countries_frontier=float(frontier_n),
            country_unknown_share=100.0 * float((notable_places == "unknown").mean()),
            notable_window_count=float(len(window)),
            frontier_count=float(len(frontier_window_systems)),
            window_start=float(frontier_window_start),
        ),
        method=ANYWHERE_METHOD,
        limits=ANYWHERE_LIMITS,
        needs=ANYWHERE_NEEDS,
        margin=margin,
        tables={"countries": notable_places.value_counts().rename_axis("country").reset_index()},
    )


def _prose_name(name: str) -> str:
    """A country name safe in prose: braces removed, digits spelled out of the way."""
    cleaned = "".join(ch for ch in name if ch not in "{}")
    return "".join(ch for ch in cleaned if not ch.isdigit()) or "an unnamed country"


CURATED_SUMMARY = (
    "How most users reach AI (a consumer app, a hosted API, a model run on their own "
    "machine) is not in the project's data; the claim is not checkable."
)
CURATED_METHOD = (
    "The claim is about users: the share who use AI through curated consumer products "
    "rather than models they can inspect or run. The project holds who builds models and "
    "whether weights are downloadable, not who uses what."
)
CURATED_LIMITS = "Counts of models released say nothing about how many people use each."
CURATED_NEEDS = (
    "Usage by channel: monthly active users of consumer AI apps beside API customers and "
    "downloads of open-weight models (for example app analytics and Hugging Face download "
    "counts), or a survey of AI users asking how they reach the model."
)


def assess_curated_simplified_versions() -> Assessment:
    """'Most users interact with highly curated, simplified versions': not checkable."""
    return Assessment(
        verdict=Verdict.NOT_CHECKABLE,
        summary=CURATED_SUMMARY,
        figures=(),
        method=CURATED_METHOD,
        limits=CURATED_LIMITS,
        needs=CURATED_NEEDS,
    )
