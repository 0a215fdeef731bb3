"""Who builds today's frontier AI systems: whether they come from companies with large
compute budgets, and whether a handful of firms hold the top. From Epoch AI's notable
systems (its frontier-model flag) and the last Chatbot Arena snapshot.
"""

from __future__ import annotations

import pandas as pd

from analysis.ai.arena import ARENA_LAST_SNAPSHOT
from analysis.ai.systems import FRONTIER_COUNT, LATEST_YEAR, SNAPSHOT_END, WINDOW_START
from analysis.result import Assessment, Figures, FigureSpec, Margin, MarginRule, Verdict

# The leading developers and the top Arena models counted.
TOP_DEVELOPERS = 3
ARENA_LEADERS = 10
# The three leading developers hold 'the top' if they made more than this share (percent).
CONCENTRATED_SHARE = 50.0

CORPORATE_FIGURES = Figures(
    ("frontier_industry_share", "Frontier systems from companies alone", "percent"),
    (
        "frontier_industry_involved_share",
        "Frontier systems with a company among the developers",
        "percent",
    ),
    ("frontier_academia_count", "Frontier systems from universities alone", "count"),
    FRONTIER_COUNT,
    WINDOW_START,
    SNAPSHOT_END,
    LATEST_YEAR,
    (
        "frontier_costed",
        "Frontier systems of the latest complete year with a training-cost estimate",
        "count",
    ),
    ("frontier_cost_median", "Median training compute cost of those systems (2023 USD)", "usd"),
    ("frontier_cost_min", "Lowest training compute cost among them (2023 USD)", "usd"),
    ("frontier_cost_max", "Highest training compute cost among them (2023 USD)", "usd"),
)
CORPORATE_SUMMARY = (
    "Of {frontier_count} frontier systems published since {window_start}, "
    "{frontier_industry_share} came from companies alone and none from universities "
    "alone; those of {latest_year} with a cost estimate took {frontier_cost_min} to "
    "{frontier_cost_max} of compute to train (median {frontier_cost_median})."
)
CORPORATE_SUMMARY_PARTLY = (
    "Of {frontier_count} frontier systems since {window_start}, {frontier_industry_share} "
    "came from companies alone and {frontier_academia_count} from universities alone."
)
CORPORATE_METHOD = (
    "Epoch AI flags as frontier models the systems that were among the most compute-"
    "intensive of their time. Those published from {window_start} to {snapshot_end} are "
    "classed by the types of their developing organisations: companies alone, universities "
    "alone, both, or other. {frontier_costed} of those published in {latest_year} carry "
    "Epoch's estimate of the cloud cost of their final training run, in constant dollars of Epoch's base year."
)
CORPORATE_LIMITS = (
    "The data say who trained the systems and at what compute cost, not where: data-centre "
    "ownership and location are not recorded. Cost estimates exist for few systems."
)
CORPORATE_NEEDS = (
    "For the data-centre part: the owners and capacity of the clusters that trained "
    "frontier models (for example Epoch AI's GPU cluster database), which would give the "
    "share of AI compute held by a few companies."
)

GIANTS_FIGURES = Figures(
    ("frontier_top_share", "Frontier systems from the three leading developers", "percent"),
    ("top_developers", "Leading developers counted", "count"),
    ("frontier_developers", "Developers of frontier systems in the window", "count"),
    FRONTIER_COUNT,
    WINDOW_START,
    ("arena_leader_orgs", "Organisations behind the top Arena models", "count"),
    ("arena_leaders", "Top Arena models counted", "count"),
    ARENA_LAST_SNAPSHOT,
    ("arena_orgs", "Organisations with a model in the last Arena snapshot", "count"),
    ("notable_developers", "Lead developers of notable systems in the window", "count"),
    (
        "notable_top_share",
        "Notable systems in the window from the three leading frontier developers",
        "percent",
    ),
    ("notable_window_count", "Notable systems in the window", "count"),
)
GIANTS_SUMMARY_SPREAD = (
    "The top is not held by a handful: the three leading developers made "
    "{frontier_top_share} of frontier systems since {window_start}, of "
    "{frontier_developers} developers in all."
)
GIANTS_SUMMARY_TOP_ONLY = (
    "The very top is held by a few firms ({frontier_top_share} of frontier systems since "
    "{window_start} from three developers; the top {arena_leaders} Arena models from "
    "{arena_leader_orgs} organisations), but the same three made only {notable_top_share} "
    "of the {notable_window_count} notable systems of those years, from "
    "{notable_developers} lead developers."
)
GIANTS_SUMMARY_HANDFUL = (
    "A few firms hold the top ({frontier_top_share} of frontier systems since "
    "{window_start} from three developers), and the same three made {notable_top_share} "
    "of all notable systems of those years."
)
GIANTS_METHOD = (
    "Frontier systems (Epoch AI's flag) are grouped by their first listed developer, with "
    "Google's and Meta's research units counted under the parent company; the share of the "
    "{top_developers} largest is set beside the {frontier_developers} developers in all. "
    "In the last Arena snapshot ({arena_last_date}) the organisations behind the "
    "{arena_leaders} highest-rated models are counted, out of {arena_orgs} organisations "
    "with any rated model. Rule: contradicted if the three leading developers made half "
    "the frontier systems or fewer; partly supported if they made more but the same three "
    "made half or fewer of all notable systems of the window (advanced work is not limited "
    "to them); supported if they made more than half of both."
)
GIANTS_LIMITS = (
    "Counting models says who leads, not why: whether barriers to entry cause the "
    "concentration cannot be read from model counts. Several leaders are young firms "
    "(for example xAI, DeepSeek, Mistral AI) rather than established tech giants, though "
    "many depend on large cloud providers for compute."
)
GIANTS_NEEDS = (
    "Shares of AI training compute or of frontier-model revenue by company over time, "
    "and the cost of entry (compute, data, staff) for a new frontier developer."
)

_ACADEMIA_FLIP = FigureSpec(
    "academia_flip", "University-only frontier systems at which it flips", "count"
)
_INDUSTRY_FLIP = FigureSpec(
    "industry_flip", "Companies' share of frontier systems at which it flips", "percent"
)
ONE_ACADEMIC = MarginRule(
    "frontier_academia_count",
    _ACADEMIA_FLIP,
    "above",
    Verdict.PARTLY_SUPPORTED,
    "Partly supported if more than {academia_flip} frontier systems had come from "
    "universities alone.",
)
NO_ACADEMIC = MarginRule(
    "frontier_academia_count",
    _ACADEMIA_FLIP,
    "below",
    Verdict.SUPPORTED,
    "Supported (if companies alone still made most) were fewer than {academia_flip} "
    "frontier systems from universities alone.",
)
INDUSTRY_MOST = MarginRule(
    "frontier_industry_share",
    _INDUSTRY_FLIP,
    "above",
    Verdict.SUPPORTED,
    "Supported if companies alone had made more than {industry_flip} of frontier systems.",
)


def _corporate_margin(academia: float, industry_share: float) -> Margin | None:
    """Supported flips with one university-only frontier system; partly with none left
    (when that is what fails) or with companies alone passing half."""
    if academia == 0 and industry_share > 50.0:
        return ONE_ACADEMIC.at(0.0)
    if academia > 0:
        return NO_ACADEMIC.at(1.0)
    return INDUSTRY_MOST.at(50.0)


def assess_frontier_corporate(
    frontier_window_systems: pd.DataFrame,
    frontier_window_start: int,
    notable_last_complete_year: int,
    notable_snapshot_end: pd.Timestamp,
) -> Assessment:
    """Do today's most capable systems come from companies with large compute budgets?"""
    frontier, latest = frontier_window_systems, notable_last_complete_year
    n = len(frontier)
    shares = frontier["sector"].value_counts()
    industry = float(shares.get("industry", 0))
    known = frontier["company_involved"].dropna()
    academia = float(shares.get("academia", 0))
    costs = frontier.loc[frontier["year"] == latest, "training_cost_2023_usd"].dropna()
    figures = CORPORATE_FIGURES.fill(
        frontier_industry_share=100 * industry / n,
        frontier_industry_involved_share=100 * float(known.sum()) / len(known)
        if len(known)
        else None,
        frontier_academia_count=academia,
        frontier_count=float(n),
        window_start=float(frontier_window_start),
        snapshot_end=notable_snapshot_end.toordinal(),
        latest_year=float(latest),
        frontier_costed=float(len(costs)),
        frontier_cost_median=float(costs.median()) if len(costs) else None,
        frontier_cost_min=float(costs.min()) if len(costs) else None,
        frontier_cost_max=float(costs.max()) if len(costs) else None,
    )
    corporate = academia == 0 and industry > n / 2
    return Assessment(
        margin=_corporate_margin(academia, 100 * industry / n),
        verdict=Verdict.SUPPORTED if corporate else Verdict.PARTLY_SUPPORTED,
        summary=CORPORATE_SUMMARY if corporate else CORPORATE_SUMMARY_PARTLY,
        figures=figures,
        method=CORPORATE_METHOD,
        limits=CORPORATE_LIMITS,
        needs=CORPORATE_NEEDS,
        tables={
            "frontier": frontier[["system", "published", "organization", "sector", "accessibility"]]
        },
    )


_TOP_FLIP = FigureSpec("top_share_flip", "Leading developers' share at which it flips", "percent")
FRONTIER_SPREAD = MarginRule(
    "frontier_top_share",
    _TOP_FLIP,
    "below",
    Verdict.CONTRADICTED,
    "Contradicted if the three leading developers had made no more than {top_share_flip} "
    "of frontier systems.",
)
FRONTIER_HELD = MarginRule(
    "frontier_top_share",
    _TOP_FLIP,
    "above",
    Verdict.PARTLY_SUPPORTED,
    "Partly supported or better if the three leading developers had made more than "
    "{top_share_flip} of frontier systems.",
)
NOTABLE_HELD = MarginRule(
    "notable_top_share",
    _TOP_FLIP,
    "above",
    Verdict.SUPPORTED,
    "Supported if the three leading developers had made more than {top_share_flip} of all "
    "notable systems of the window.",
)
NOTABLE_SPREAD = MarginRule(
    "notable_top_share",
    _TOP_FLIP,
    "below",
    Verdict.PARTLY_SUPPORTED,
    "Partly supported if the three leading developers had made no more than "
    "{top_share_flip} of all notable systems of the window.",
)


def _giants_margin(frontier_top: float, notable_top: float) -> Margin | None:
    """The share nearer the line of half that would change the verdict."""
    line = CONCENTRATED_SHARE
    if frontier_top <= line:
        return FRONTIER_HELD.at(line)
    if notable_top <= line:
        return NOTABLE_HELD.at(line)
    if frontier_top - line < notable_top - line:
        return FRONTIER_SPREAD.at(line)
    return NOTABLE_SPREAD.at(line)


def assess_handful_of_giants(
    notable_systems: pd.DataFrame,
    frontier_window_systems: pd.DataFrame,
    frontier_window_start: int,
    arena_last_snapshot: pd.DataFrame,
) -> Assessment:
    """Is advanced AI limited to a handful of large companies?"""
    parents = frontier_window_systems["lead_developer"].value_counts()
    top_share = 100.0 * parents.head(TOP_DEVELOPERS).sum() / parents.sum()
    recent = notable_systems[notable_systems["year"] >= frontier_window_start]
    notable_orgs = recent["lead_developer"].nunique()
    leaders = parents.head(TOP_DEVELOPERS).index
    notable_top = 100.0 * float(recent["lead_developer"].isin(leaders).mean())
    figures = GIANTS_FIGURES.fill(
        frontier_top_share=top_share,
        top_developers=float(TOP_DEVELOPERS),
        frontier_developers=float(len(parents)),
        frontier_count=float(parents.sum()),
        window_start=float(frontier_window_start),
        arena_leader_orgs=float(arena_last_snapshot.head(ARENA_LEADERS)["organization"].nunique()),
        arena_leaders=float(ARENA_LEADERS),
        arena_last_date=arena_last_snapshot["date"].max().toordinal(),
        arena_orgs=float(arena_last_snapshot["organization"].nunique()),
        notable_developers=float(notable_orgs),
        notable_top_share=notable_top,
        notable_window_count=float(len(recent)),
    )
    concentrated = top_share > CONCENTRATED_SHARE
    if not concentrated:
        verdict, summary = Verdict.CONTRADICTED, GIANTS_SUMMARY_SPREAD
    elif notable_top <= CONCENTRATED_SHARE:
        verdict, summary = Verdict.PARTLY_SUPPORTED, GIANTS_SUMMARY_TOP_ONLY
    else:
        verdict, summary = Verdict.SUPPORTED, GIANTS_SUMMARY_HANDFUL
    return Assessment(
        margin=_giants_margin(top_share, notable_top),
        verdict=verdict,
        summary=summary,
        figures=figures,
        method=GIANTS_METHOD,
        limits=GIANTS_LIMITS,
        needs=GIANTS_NEEDS,
        tables={"developers": parents.rename_axis("developer").reset_index(name="systems")},
    )
