"""Universities versus companies: whether AI moved from academia to industry, and whether
early AI was confined to corporate labs. From the developers' sector of each notable system
in Epoch AI's database, per publication year.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from analysis.ai.systems import LATEST_YEAR, SNAPSHOT_END
from analysis.result import Assessment, Figures, FigureSpec, Margin, MarginRule, Verdict

MOVE_FIGURES = Figures(
    (
        "industry_share_latest",
        "Systems from companies alone, latest complete year",
        "percent",
    ),
    (
        "academia_share_latest",
        "Systems from universities alone, latest complete year",
        "percent",
    ),
    (
        "industry_involved_share_latest",
        "Systems with a company among the developers, latest complete year",
        "percent",
    ),
    LATEST_YEAR,
    ("systems_latest", "Systems in that year", "count"),
    SNAPSHOT_END,
    (
        "early_academia_share",
        "Systems from universities alone before the deep-learning era",
        "percent",
    ),
    (
        "early_industry_share",
        "Systems from companies alone before the deep-learning era",
        "percent",
    ),
    (
        "industry_lead_year",
        "First year from which industry-involved systems always match academia",
        "year",
    ),
    (
        "years_to_lead",
        "Years from the start of the deep-learning era to industry's lasting lead",
        "count",
    ),
)
MOVE_SUMMARY = (
    "Before {deep_learning_era_start_year}, {early_academia_share} of notable systems came from "
    "universities alone and {early_industry_share} from companies alone; from "
    "{industry_lead_year} systems with industry involvement never fell behind, and in "
    "{latest_year} companies alone produced {industry_share_latest} (AI Index: "
    "{ai_index_industry_share_2023_pct})."
)
NO_MOVE_SUMMARY = (
    "The data do not show a move from universities to companies: before "
    "{deep_learning_era_start_year} companies alone had {early_industry_share} of systems "
    "against {early_academia_share} for universities."
)
NO_SINGLE_FLIP = (
    " No one share would change this verdict: more than one of its conditions fails (a move "
    "from universities early, companies ahead in the latest year, a lead that lasted)."
)
MOVE_METHOD = (
    "Each notable system in Epoch AI's database is classed by its developers' types: "
    "companies alone, universities alone, both, or other. Shares are per publication year. "
    "Industry's lasting lead is the first year from which systems with a company among the "
    "developers (counted by the rule below) are at least as many as university-only "
    "systems in every later year; the "
    "AI Index dates the turn to {ai_index_industry_lead_year}. The move took {years_to_lead} "
    "years from the start of the deep-learning era; in {latest_year} "
    "{industry_involved_share_latest} of the systems whose developers' type is recorded had "
    "a company among the developers and {academia_share_latest} of all {systems_latest} "
    "came from universities alone. Counting rule for 'a company among the developers': a "
    "system counts when any of its developing organisations is of Epoch's type Industry, "
    "whether alone, with universities, with government or with a research collective; "
    "systems whose type is not recorded are left out of that share (they stay in the "
    "sector shares, as 'other'). Rule: "
    "supported if universities alone made more of the early systems than companies alone, "
    "companies alone make more than universities alone in {latest_year}, and industry's "
    "lead has lasted; contradicted otherwise."
)
MOVE_LIMITS = (
    "Epoch's database lists systems notable for citations, state-of-the-art results or "
    "historical importance; its coverage of early decades is thinner and its inclusion "
    "rules favour systems that were later cited. Whether commercial potential caused the "
    "shift cannot be read from counts."
)

EARLY_FIGURES = Figures(
    ("early_academia_share", "Early systems from universities alone", "percent"),
    ("early_industry_share", "Early systems from companies alone", "percent"),
    (
        "early_collaboration_share",
        "Early systems from companies and universities together",
        "percent",
    ),
    ("early_systems", "Notable systems before the deep-learning era", "count"),
)
EARLY_ACADEMIC_SUMMARY = (
    "Before {deep_learning_era_start_year}, universities alone developed "
    "{early_academia_share} of the {early_systems} notable systems and companies alone "
    "{early_industry_share}: early AI was mostly academic, as the article itself says where it "
    "describes AI's centralised infrastructure."
)
EARLY_CORPORATE_SUMMARY = (
    "Before {deep_learning_era_start_year}, companies alone developed "
    "{early_industry_share} of notable systems against {early_academia_share} for universities."
)
EARLY_METHOD = (
    "Notable systems in Epoch AI's database published before the start of the deep-learning "
    "era ({deep_learning_era_start_year}, after Sevilla and others) are classed by their "
    "developers' types; {early_collaboration_share} were joint work. Rule: contradicted "
    "if universities alone developed more of them than companies alone, supported "
    "otherwise."
)
CLUSTERS_UNTESTED = (
    " The sentence's second place, 'centralized computing clusters', is not tested: the "
    "database records training hardware for few early systems and nothing of who owned it."
)
CLUSTERS_NEEDS = (
    "For the clusters: the hardware each early notable system was trained on and who owned "
    "it (a shared university or national machine, a company's data centre, one workstation), "
    "for example from the papers' acknowledgements, tabulated per system."
)
EARLY_LIMITS = (
    "Corporate labs such as Bell Labs and IBM were important early, and the database's "
    "early coverage is selective; the claim may mean the compute-hungry large models of "
    "recent years, which are corporate (see the claims on frontier systems)."
)

_MOVE_FLIP = FigureSpec("move_flip", "Share at which the verdict flips", "percent")
_EARLY_FLIP = FigureSpec(
    "early_industry_flip", "Companies' early share at which the verdict flips", "percent"
)
LATEST_TURNS = MarginRule(
    "industry_share_latest",
    _MOVE_FLIP,
    "below",
    Verdict.CONTRADICTED,
    "Contradicted if companies alone had made no more than {move_flip} of the latest year's "
    "systems, the universities' share.",
)
EARLY_TURNS = MarginRule(
    "early_industry_share",
    _MOVE_FLIP,
    "above",
    Verdict.CONTRADICTED,
    "Contradicted if companies alone had made at least {move_flip} of the early systems, "
    "the universities' share.",
)
LATEST_LEADS = MarginRule(
    "industry_share_latest",
    _MOVE_FLIP,
    "above",
    Verdict.SUPPORTED,
    "Supported (with the early and lasting conditions) if companies alone had made more "
    "than {move_flip} of the latest year's systems.",
)
EARLY_ACADEMIC_LEAD = MarginRule(
    "early_industry_share",
    _MOVE_FLIP,
    "below",
    Verdict.SUPPORTED,
    "Supported (if industry's lead has lasted) if companies alone had made less than "
    "{move_flip} of the early systems, the universities' share.",
)
EARLY_CORPORATE = MarginRule(
    "early_industry_share",
    _EARLY_FLIP,
    "above",
    Verdict.SUPPORTED,
    "Supported if companies alone had made at least {early_industry_flip} of the early "
    "systems, the universities' share.",
)
EARLY_ACADEMIC = MarginRule(
    "early_industry_share",
    _EARLY_FLIP,
    "below",
    Verdict.CONTRADICTED,
    "Contradicted if companies alone had made less than {early_industry_flip} of the early "
    "systems, the universities' share.",
)


def _move_margin(
    early: tuple[float, float], now: tuple[float, float], supported: bool
) -> Margin | None:
    """The nearer of the two share comparisons, in percentage points; for contradicted, the
    one that fails."""
    (early_academia, early_industry), (now_academia, now_industry) = early, now
    if supported:
        if now_industry - now_academia <= early_academia - early_industry:
            return LATEST_TURNS.at(now_academia)
        return EARLY_TURNS.at(early_academia)
    if early_academia > early_industry and now_industry <= now_academia:
        return LATEST_LEADS.at(now_academia)
    if early_academia <= early_industry and now_industry > now_academia:
        return EARLY_ACADEMIC_LEAD.at(early_academia)
    return None


def industry_lead_year(counts: pd.DataFrame) -> int | None:
    """First year from which systems with industry involvement (alone or with academia)
    are at least as many as academia-only systems in every later year."""
    ahead = counts["company_involved"] >= counts["academia"]
    years = counts["year"].tolist()
    for i, year in enumerate(years):
        if ahead.iloc[i:].all():
            return int(year)
    return None


def assess_academia_to_industry(
    sector_counts_by_year: pd.DataFrame,
    notable_last_complete_year: int,
    notable_snapshot_end: pd.Timestamp,
    ai_index_industry_share_2023_pct: float,
    ai_index_industry_lead_year: float,
    deep_learning_era_start_year: float,
) -> Assessment:
    """Did AI move from universities to companies?"""
    counts, latest = sector_counts_by_year, notable_last_complete_year
    now = counts[counts["year"] == latest].iloc[0]
    early = counts[counts["year"] < deep_learning_era_start_year]
    early_total = early["total"].sum()
    early_academia = 100.0 * early["academia"].sum() / early_total
    early_industry = 100.0 * early["industry"].sum() / early_total
    lead = industry_lead_year(counts)
    figures = MOVE_FIGURES.fill(
        industry_share_latest=now["industry_share"],
        academia_share_latest=now["academia_share"],
        industry_involved_share_latest=now["industry_involved_share"],
        latest_year=float(latest),
        systems_latest=float(now["total"]),
        snapshot_end=notable_snapshot_end.toordinal(),
        early_academia_share=early_academia,
        early_industry_share=early_industry,
        industry_lead_year=lead,
        years_to_lead=None if lead is None else float(lead - deep_learning_era_start_year),
    )
    moved = early_academia > early_industry and now["industry_share"] > now["academia_share"]
    supported = moved and lead is not None
    margin = _move_margin(
        (early_academia, early_industry),
        (float(now["academia_share"]), float(now["industry_share"])),
        supported,
    )
    unmoved = NO_MOVE_SUMMARY + ("" if margin is not None else NO_SINGLE_FLIP)
    return Assessment(
        margin=margin,
        verdict=Verdict.SUPPORTED if supported else Verdict.CONTRADICTED,
        summary=MOVE_SUMMARY if supported else unmoved,
        figures=figures,
        method=MOVE_METHOD,
        limits=MOVE_LIMITS,
        tables={"by_year": counts},
    )


def assess_early_corporate_labs(
    notable_systems: pd.DataFrame, deep_learning_era_start_year: float
) -> Assessment:
    """Was early AI development confined to corporate labs?"""
    early = notable_systems[notable_systems["year"] < deep_learning_era_start_year]
    share = early["sector"].value_counts(normalize=True) * 100
    academia = float(share.get("academia", 0.0))
    industry = float(share.get("industry", 0.0))
    figures = EARLY_FIGURES.fill(
        early_academia_share=academia,
        early_industry_share=industry,
        early_collaboration_share=float(share.get("collaboration", 0.0)),
        early_systems=float(len(early)),
    )
    academic = academia > industry
    return Assessment(
        verdict=Verdict.CONTRADICTED if academic else Verdict.SUPPORTED,
        summary=EARLY_ACADEMIC_SUMMARY if academic else EARLY_CORPORATE_SUMMARY,
        figures=figures,
        method=EARLY_METHOD,
        limits=EARLY_LIMITS,
        tables={"early": early[["system", "published", "organization", "sector"]]},
        margin=(EARLY_CORPORATE if academic else EARLY_ACADEMIC).at(academia),
    )


def assess_began_in_corporate_labs(
    notable_systems: pd.DataFrame, deep_learning_era_start_year: float
) -> Assessment:
    """Did AI begin in corporate research labs? The same test as the early-labs claim; the
    sentence's 'centralized computing clusters' is named as untested."""
    labs = assess_early_corporate_labs(notable_systems, deep_learning_era_start_year)
    return replace(labs, summary=labs.summary + CLUSTERS_UNTESTED, needs=CLUSTERS_NEEDS)
