"""Who builds notable AI systems: industry versus academia, a few firms versus many, and
how many systems are released with open weights. From Epoch AI's database of notable
machine-learning systems (snapshot used by its report on open models) and the Chatbot
Arena leaderboard.
"""

from __future__ import annotations

import pandas as pd

from analysis.ai.gap import arena_catch_up_months, is_proprietary
from analysis.result import Assessment, Figure, Verdict

SECTORS = ("academia", "collaboration", "industry", "other")

# Organisation names in Epoch's database that belong to one parent company.
PARENT = {
    "Google Research": "Google",
    "Google DeepMind": "Google",
    "Google Brain": "Google",
    "DeepMind": "Google",
    "Meta AI": "Meta",
    "Facebook": "Meta",
    "Facebook AI Research": "Meta",
    "Facebook AI": "Meta",
    "Microsoft Research": "Microsoft",
}


def sector(organization_type: object) -> str:
    """``industry`` or ``academia`` when every listed organisation is of that type,
    ``collaboration`` when both appear, ``other`` otherwise (government, collectives, unknown).
    """
    if not isinstance(organization_type, str) or not organization_type.strip():
        return "other"
    kinds = {part.strip() for part in organization_type.split(",") if part.strip()}
    if kinds == {"Industry"}:
        return "industry"
    if kinds == {"Academia"}:
        return "academia"
    if {"Industry", "Academia"} <= kinds:
        return "collaboration"
    return "other"


def lead_organisation(organization: object) -> str:
    """The first listed organisation, under its parent company's name where one is known."""
    if not isinstance(organization, str) or not organization.strip():
        return "unknown"
    first = organization.split(",")[0].strip()
    return PARENT.get(first, first)


def is_open_weights(accessibility: pd.Series) -> pd.Series:
    """True where the weights can be downloaded (with or without use restrictions)."""
    return accessibility.fillna("").str.startswith("Open weights").astype(bool)


def _dated(ml_systems: pd.DataFrame) -> pd.DataFrame:
    frame = ml_systems.dropna(subset=["published"]).copy()
    frame["year"] = frame["published"].dt.year.astype(int)
    frame["sector"] = frame["organization_type"].map(sector)
    return frame


def last_complete_year(ml_systems: pd.DataFrame) -> int:
    """The last calendar year the snapshot covers to its end (December)."""
    last = ml_systems["published"].max()
    return int(last.year if last.month == 12 else last.year - 1)


def sector_counts_by_year(ml_systems: pd.DataFrame) -> pd.DataFrame:
    """Systems per year by sector, with each sector's share (percent) of the year's systems."""
    frame = _dated(ml_systems)
    counts = pd.crosstab(frame["year"], frame["sector"]).reindex(
        columns=list(SECTORS), fill_value=0
    )
    counts["total"] = counts.sum(axis=1)
    for name in SECTORS:
        counts[f"{name}_share"] = 100.0 * counts[name] / counts["total"]
    counts["industry_involved_share"] = counts["industry_share"] + counts["collaboration_share"]
    return counts.reset_index()


def industry_lead_year(counts: pd.DataFrame) -> int | None:
    """First year from which systems with industry involvement (alone or with academia)
    are at least as many as academia-only systems in every later year."""
    ahead = (counts["industry"] + counts["collaboration"]) >= counts["academia"]
    years = counts["year"].tolist()
    for i, year in enumerate(years):
        if ahead.iloc[i:].all():
            return int(year)
    return None


def frontier_systems(ml_systems: pd.DataFrame, since: int) -> pd.DataFrame:
    """Systems Epoch flags as frontier models, published in ``since`` or later."""
    frame = _dated(ml_systems)
    return frame[frame["frontier_model"].fillna("").eq("checked") & (frame["year"] >= since)]


def open_share_by_year(ml_systems: pd.DataFrame) -> pd.DataFrame:
    """Per year: systems with a known accessibility, those with open weights, and the share."""
    frame = _dated(ml_systems).dropna(subset=["accessibility"])
    frame["open"] = is_open_weights(frame["accessibility"])
    out = frame.groupby("year").agg(known=("open", "size"), open=("open", "sum")).reset_index()
    out["open_share"] = 100.0 * out["open"] / out["known"]
    return out


def _window_start(ml_systems: pd.DataFrame) -> int:
    """The first of the last three complete years: the window for 'today'."""
    return last_complete_year(ml_systems) - 2


def assess_frontier_corporate(ml_systems: pd.DataFrame) -> Assessment:
    """Do today's most capable systems come from companies with large compute budgets?"""
    since = _window_start(ml_systems)
    frontier = frontier_systems(ml_systems, since)
    n = len(frontier)
    shares = frontier["sector"].value_counts()
    industry = float(shares.get("industry", 0))
    involved = industry + float(shares.get("collaboration", 0))
    academia = float(shares.get("academia", 0))
    latest = last_complete_year(ml_systems)
    costs = frontier.loc[frontier["year"] == latest, "training_cost_2023_usd"].dropna()
    figures = (
        Figure(
            "frontier_industry_share",
            "Frontier systems from companies alone",
            100 * industry / n,
            "percent",
        ),
        Figure(
            "frontier_industry_involved_share",
            "Frontier systems with a company among the developers",
            100 * involved / n,
            "percent",
        ),
        Figure(
            "frontier_academia_count", "Frontier systems from universities alone", academia, "count"
        ),
        Figure("frontier_count", "Frontier systems in the window", float(n), "count"),
        Figure("window_start", "First year of the window", float(since), "year"),
        Figure(
            "snapshot_end",
            "Last publication date in the snapshot",
            ml_systems["published"].max().toordinal(),
            "date",
        ),
        Figure("latest_year", "Latest complete year", float(latest), "year"),
        Figure(
            "frontier_costed",
            "Frontier systems of the latest complete year with a training-cost estimate",
            float(len(costs)),
            "count",
        ),
        Figure(
            "frontier_cost_median",
            "Median training compute cost of those systems (2023 USD)",
            float(costs.median()) if len(costs) else None,
            "usd",
        ),
        Figure(
            "frontier_cost_min",
            "Lowest training compute cost among them (2023 USD)",
            float(costs.min()) if len(costs) else None,
            "usd",
        ),
        Figure(
            "frontier_cost_max",
            "Highest training compute cost among them (2023 USD)",
            float(costs.max()) if len(costs) else None,
            "usd",
        ),
    )
    if academia == 0 and industry > n / 2:
        verdict = Verdict.SUPPORTED
        summary = (
            "Of {frontier_count} frontier systems published since {window_start}, "
            "{frontier_industry_share} came from companies alone and none from universities "
            "alone; those of {latest_year} with a cost estimate took {frontier_cost_min} to "
            "{frontier_cost_max} of compute to train (median {frontier_cost_median})."
        )
    else:
        verdict = Verdict.PARTLY_SUPPORTED
        summary = (
            "Of {frontier_count} frontier systems since {window_start}, {frontier_industry_share} "
            "came from companies alone and {frontier_academia_count} from universities alone."
        )
    return Assessment(
        verdict=verdict,
        summary=summary,
        figures=figures,
        method=(
            "Epoch AI flags as frontier models the systems that were among the most compute-"
            "intensive of their time. Those published from {window_start} to {snapshot_end} are "
            "classed by the types of their developing organisations: companies alone, universities "
            "alone, both, or other. {frontier_costed} of those published in {latest_year} carry "
            "Epoch's estimate of the cloud cost of their final training run, in constant dollars of Epoch's base year."
        ),
        limits=(
            "The data say who trained the systems and at what compute cost, not where: data-centre "
            "ownership and location are not recorded. Cost estimates exist for few systems."
        ),
        needs=(
            "For the data-centre part: the owners and capacity of the clusters that trained "
            "frontier models (for example Epoch AI's GPU cluster database), which would give the "
            "share of AI compute held by a few companies."
        ),
        tables={
            "frontier": frontier[["system", "published", "organization", "sector", "accessibility"]]
        },
    )


def assess_handful_of_giants(ml_systems: pd.DataFrame, arena_elo: pd.DataFrame) -> Assessment:
    """Is advanced AI limited to a handful of large companies?"""
    since = _window_start(ml_systems)
    frontier = frontier_systems(ml_systems, since)
    parents = frontier["organization"].map(lead_organisation).value_counts()
    top = 3
    top_share = 100.0 * parents.head(top).sum() / parents.sum()
    latest = arena_elo[arena_elo["date"] == arena_elo["date"].max()].sort_values(
        "rating", ascending=False
    )
    leaders = 10
    top_orgs = latest.head(leaders)["organization"].nunique()
    recent = _dated(ml_systems)
    recent = recent[recent["year"] >= since]
    notable_orgs = recent["organization"].map(lead_organisation).nunique()
    figures = (
        Figure(
            "frontier_top_share",
            "Frontier systems from the three leading developers",
            top_share,
            "percent",
        ),
        Figure("top_developers", "Leading developers counted", float(top), "count"),
        Figure(
            "frontier_developers",
            "Developers of frontier systems in the window",
            float(len(parents)),
            "count",
        ),
        Figure("frontier_count", "Frontier systems in the window", float(parents.sum()), "count"),
        Figure("window_start", "First year of the window", float(since), "year"),
        Figure(
            "arena_leader_orgs",
            "Organisations behind the top Arena models",
            float(top_orgs),
            "count",
        ),
        Figure("arena_leaders", "Top Arena models counted", float(leaders), "count"),
        Figure(
            "arena_last_date", "Last Arena snapshot", arena_elo["date"].max().toordinal(), "date"
        ),
        Figure(
            "arena_orgs",
            "Organisations with a model in the last Arena snapshot",
            float(latest["organization"].nunique()),
            "count",
        ),
        Figure(
            "notable_developers",
            "Lead developers of notable systems in the window",
            float(notable_orgs),
            "count",
        ),
    )
    concentrated = top_share > 50.0
    if not concentrated:
        verdict = Verdict.CONTRADICTED
        summary = (
            "The top is not held by a handful: the three leading developers made "
            "{frontier_top_share} of frontier systems since {window_start}, of "
            "{frontier_developers} developers in all."
        )
    elif notable_orgs > len(parents):
        verdict = Verdict.PARTLY_SUPPORTED
        summary = (
            "The very top is held by a few firms ({frontier_top_share} of frontier systems since "
            "{window_start} from three developers; the top {arena_leaders} Arena models from "
            "{arena_leader_orgs} organisations), but {notable_developers} lead developers "
            "published notable systems in the same years."
        )
    else:
        verdict = Verdict.SUPPORTED
        summary = (
            "A few firms hold the top ({frontier_top_share} of frontier systems since "
            "{window_start} from three developers), and no more developers publish notable "
            "systems than frontier ones ({notable_developers})."
        )
    return Assessment(
        verdict=verdict,
        summary=summary,
        figures=figures,
        method=(
            "Frontier systems (Epoch AI's flag) are grouped by their first listed developer, with "
            "Google's and Meta's research units counted under the parent company; the share of the "
            "{top_developers} largest is set beside the {frontier_developers} developers in all. "
            "In the last Arena snapshot ({arena_last_date}) the organisations behind the "
            "{arena_leaders} highest-rated models are counted, out of {arena_orgs} organisations "
            "with any rated model. Rule: contradicted if the three leading developers made half "
            "the frontier systems or fewer; partly supported if they made more but more "
            "developers published notable systems than frontier ones (innovation is not limited "
            "to them); supported otherwise."
        ),
        limits=(
            "Counting models says who leads, not why: whether barriers to entry cause the "
            "concentration cannot be read from model counts. Several leaders are young firms "
            "(for example xAI, DeepSeek, Mistral AI) rather than established tech giants, though "
            "many depend on large cloud providers for compute."
        ),
        needs=(
            "Shares of AI training compute or of frontier-model revenue by company over time, "
            "and the cost of entry (compute, data, staff) for a new frontier developer."
        ),
        tables={"developers": parents.rename_axis("developer").reset_index(name="systems")},
    )


def assess_academia_to_industry(
    ml_systems: pd.DataFrame,
    ai_index_industry_share_2023_pct: float,
    ai_index_industry_lead_year: float,
    deep_learning_era_start_year: float,
) -> Assessment:
    """Did AI move from universities to companies?"""
    counts = sector_counts_by_year(ml_systems)
    latest = last_complete_year(ml_systems)
    now = counts[counts["year"] == latest].iloc[0]
    early = counts[counts["year"] < deep_learning_era_start_year]
    early_total = early["total"].sum()
    early_academia = 100.0 * early["academia"].sum() / early_total
    early_industry = 100.0 * early["industry"].sum() / early_total
    lead = industry_lead_year(counts)
    figures = (
        Figure(
            "industry_share_latest",
            "Systems from companies alone, latest complete year",
            now["industry_share"],
            "percent",
        ),
        Figure(
            "academia_share_latest",
            "Systems from universities alone, latest complete year",
            now["academia_share"],
            "percent",
        ),
        Figure(
            "industry_involved_share_latest",
            "Systems with a company among the developers, latest complete year",
            now["industry_involved_share"],
            "percent",
        ),
        Figure("latest_year", "Latest complete year", float(latest), "year"),
        Figure("systems_latest", "Systems in that year", float(now["total"]), "count"),
        Figure(
            "snapshot_end",
            "Last publication date in the snapshot",
            ml_systems["published"].max().toordinal(),
            "date",
        ),
        Figure(
            "early_academia_share",
            "Systems from universities alone before the deep-learning era",
            early_academia,
            "percent",
        ),
        Figure(
            "early_industry_share",
            "Systems from companies alone before the deep-learning era",
            early_industry,
            "percent",
        ),
        Figure(
            "industry_lead_year",
            "First year from which industry-involved systems always match academia",
            lead,
            "year",
        ),
        Figure(
            "years_to_lead",
            "Years from the start of the deep-learning era to industry's lasting lead",
            None if lead is None else float(lead - deep_learning_era_start_year),
            "count",
        ),
    )
    moved = early_academia > early_industry and now["industry_share"] > now["academia_share"]
    verdict = Verdict.SUPPORTED if moved and lead is not None else Verdict.CONTRADICTED
    summary = (
        "Before {deep_learning_era_start_year}, {early_academia_share} of notable systems came from "
        "universities alone and {early_industry_share} from companies alone; from "
        "{industry_lead_year} systems with industry involvement never fell behind, and in "
        "{latest_year} companies alone produced {industry_share_latest} (AI Index: "
        "{ai_index_industry_share_2023_pct})."
        if verdict is Verdict.SUPPORTED
        else "The data do not show a move from universities to companies: before "
        "{deep_learning_era_start_year} companies alone had {early_industry_share} of systems "
        "against {early_academia_share} for universities."
    )
    return Assessment(
        verdict=verdict,
        summary=summary,
        figures=figures,
        method=(
            "Each notable system in Epoch AI's database is classed by its developers' types: "
            "companies alone, universities alone, both, or other. Shares are per publication year. "
            "Industry's lasting lead is the first year from which systems with a company among the "
            "developers are at least as many as university-only systems in every later year; the "
            "AI Index dates the turn to {ai_index_industry_lead_year}. The move took {years_to_lead} "
            "years from the start of the deep-learning era; in {latest_year} "
            "{industry_involved_share_latest} of {systems_latest} systems had a company among the "
            "developers and {academia_share_latest} came from universities alone. Rule: "
            "supported if universities alone made more of the early systems than companies alone, "
            "companies alone make more than universities alone in {latest_year}, and industry's "
            "lead has lasted; contradicted otherwise."
        ),
        limits=(
            "Epoch's database lists systems notable for citations, state-of-the-art results or "
            "historical importance; its coverage of early decades is thinner and its inclusion "
            "rules favour systems that were later cited. Whether commercial potential caused the "
            "shift cannot be read from counts."
        ),
        tables={"by_year": counts},
    )


def assess_early_corporate_labs(
    ml_systems: pd.DataFrame, deep_learning_era_start_year: float
) -> Assessment:
    """Was early AI development confined to corporate labs?"""
    frame = _dated(ml_systems)
    early = frame[frame["year"] < deep_learning_era_start_year]
    n = len(early)
    share = early["sector"].value_counts(normalize=True) * 100
    academia = float(share.get("academia", 0.0))
    industry = float(share.get("industry", 0.0))
    figures = (
        Figure(
            "early_academia_share", "Early systems from universities alone", academia, "percent"
        ),
        Figure("early_industry_share", "Early systems from companies alone", industry, "percent"),
        Figure(
            "early_collaboration_share",
            "Early systems from companies and universities together",
            float(share.get("collaboration", 0.0)),
            "percent",
        ),
        Figure("early_systems", "Notable systems before the deep-learning era", float(n), "count"),
    )
    verdict = Verdict.CONTRADICTED if academia > industry else Verdict.SUPPORTED
    summary = (
        "Before {deep_learning_era_start_year}, universities alone developed "
        "{early_academia_share} of the {early_systems} notable systems and companies alone "
        "{early_industry_share}: early AI was mostly academic, as the article itself says where it "
        "describes AI's centralised infrastructure."
        if verdict is Verdict.CONTRADICTED
        else "Before {deep_learning_era_start_year}, companies alone developed "
        "{early_industry_share} of notable systems against {early_academia_share} for universities."
    )
    return Assessment(
        verdict=verdict,
        summary=summary,
        figures=figures,
        method=(
            "Notable systems in Epoch AI's database published before the start of the deep-learning "
            "era ({deep_learning_era_start_year}, after Sevilla and others) are classed by their "
            "developers' types; {early_collaboration_share} were joint work. Rule: contradicted "
            "if universities alone developed more of them than companies alone, supported "
            "otherwise."
        ),
        limits=(
            "Corporate labs such as Bell Labs and IBM were important early, and the database's "
            "early coverage is selective; the claim may mean the compute-hungry large models of "
            "recent years, which are corporate (see the claims on frontier systems)."
        ),
        tables={"early": early[["system", "published", "organization", "sector"]]},
    )


def assess_open_counterforce(ml_systems: pd.DataFrame, arena_elo: pd.DataFrame) -> Assessment:
    """Are open models a real counterweight to proprietary ones?"""
    shares = open_share_by_year(ml_systems)
    latest = last_complete_year(ml_systems)
    now = shares[shares["year"] == latest].iloc[0]
    since = _window_start(ml_systems)
    frontier = frontier_systems(ml_systems, since)
    frontier_open = float(is_open_weights(frontier["accessibility"]).sum())
    last_date = arena_elo["date"].max()
    snap = arena_elo[arena_elo["date"] == last_date].sort_values("rating", ascending=False)
    closed = is_proprietary(snap["license"]).to_numpy()
    best_open_rank = int(list(closed).index(False)) + 1
    figures = (
        Figure(
            "open_share_latest",
            "Notable systems with a known accessibility released with open weights, latest "
            "complete year",
            now["open_share"],
            "percent",
        ),
        Figure(
            "open_count_latest", "Open-weight notable systems in that year", now["open"], "count"
        ),
        Figure(
            "known_count_latest",
            "Notable systems of that year with a known accessibility",
            now["known"],
            "count",
        ),
        Figure(
            "systems_latest",
            "Notable systems of that year",
            float((_dated(ml_systems)["year"] == latest).sum()),
            "count",
        ),
        Figure("latest_year", "Latest complete year", float(latest), "year"),
        Figure(
            "frontier_open",
            "Frontier systems with open weights in the window",
            frontier_open,
            "count",
        ),
        Figure("frontier_count", "Frontier systems in the window", float(len(frontier)), "count"),
        Figure("window_start", "First year of the window", float(since), "year"),
        Figure(
            "best_open_rank",
            "Rank of the best open model in the last Arena snapshot",
            float(best_open_rank),
            "count",
        ),
        Figure("arena_models", "Models in the last Arena snapshot", float(len(snap)), "count"),
        Figure(
            "arena_catch_up_latest",
            "Months the best open model trails the proprietary frontier, last snapshot",
            arena_catch_up_months(arena_elo, last_date),
            "months",
        ),
        Figure("arena_last_date", "Last Arena snapshot", last_date.toordinal(), "date"),
    )
    return Assessment(
        verdict=Verdict.PARTLY_SUPPORTED,
        summary=(
            "Open weights are common and close behind: of the {known_count_latest} notable "
            "systems of {latest_year} whose accessibility is recorded, {open_share_latest} were "
            "released with open weights, and the best open model ranked "
            "{best_open_rank} of {arena_models} on the Arena, about {arena_catch_up_latest} behind "
            "the proprietary frontier. Whether that democratises access is not in the data."
        ),
        figures=figures,
        method=(
            "Epoch AI's accessibility field marks weights that can be downloaded (with or without "
            "use restrictions); it is recorded for {known_count_latest} of the {systems_latest} "
            "notable systems of {latest_year}, and shares are of those. Among frontier systems since {window_start}, {frontier_open} of "
            "{frontier_count} had open weights. On the Arena snapshot of {arena_last_date}, the "
            "lag is the time since the earliest-listed proprietary model still rated above the "
            "best open one first appeared. The verdict is partly supported whatever these "
            "figures say: they show that open models exist and how close they are, while the "
            "claim is about access and counterforce, which are not measured."
        ),
        limits=(
            "Downloadable weights are not access for most users: running a large open model needs "
            "the same kind of data-centre hardware, and most open-weight leaders are themselves "
            "large companies. The data count releases, not users or uses."
        ),
        needs=(
            "Usage data: downloads and deployments of open-weight models, the share of AI "
            "inference served by open models, and who runs them (individuals, small firms, clouds)."
        ),
        tables={"open_by_year": shares},
    )


def assess_open_trend_accelerating(ml_systems: pd.DataFrame) -> Assessment:
    """Is the release of open models accelerating, and is it community-driven?"""
    shares = open_share_by_year(ml_systems)
    latest = last_complete_year(ml_systems)
    base = latest - 2

    def at(year: int, column: str) -> float:
        return float(shares.loc[shares["year"] == year, column].iloc[0])

    frame = _dated(ml_systems).dropna(subset=["accessibility"])
    frame = frame[is_open_weights(frame["accessibility"])]
    end = ml_systems["published"].max()
    partial_year = int(end.year)
    same_months_now = frame[(frame["year"] == partial_year) & (frame["published"] <= end)]
    same_months_before = frame[
        (frame["year"] == partial_year - 1) & (frame["published"] <= end - pd.DateOffset(years=1))
    ]
    recent = frame[frame["year"] >= base]
    frontier = frontier_systems(ml_systems, base)
    frontier_open = is_open_weights(frontier["accessibility"])
    earlier = frontier["year"] < latest
    industry_share = 100.0 * float((recent["sector"] == "industry").mean())
    community_share = 100.0 * float((recent["sector"] == "other").mean())
    figures = (
        Figure(
            "open_count_base",
            "Open-weight notable systems, first year compared",
            at(base, "open"),
            "count",
        ),
        Figure(
            "open_count_latest",
            "Open-weight notable systems, latest complete year",
            at(latest, "open"),
            "count",
        ),
        Figure(
            "open_share_base",
            "Open-weight share of systems with a known accessibility, first year compared",
            at(base, "open_share"),
            "percent",
        ),
        Figure(
            "open_share_latest",
            "Open-weight share of systems with a known accessibility, latest complete year",
            at(latest, "open_share"),
            "percent",
        ),
        Figure("base_year", "First year compared", float(base), "year"),
        Figure("latest_year", "Latest complete year", float(latest), "year"),
        Figure(
            "open_count_partial",
            "Open-weight systems in the snapshot's last, partial year",
            float(len(same_months_now)),
            "count",
        ),
        Figure(
            "open_count_partial_before",
            "Open-weight systems in the same months a year earlier",
            float(len(same_months_before)),
            "count",
        ),
        Figure("snapshot_end", "Last publication date in the snapshot", end.toordinal(), "date"),
        Figure(
            "frontier_open_earlier",
            "Frontier systems with open weights, first year compared to the year before the latest",
            float(frontier_open[earlier].sum()),
            "count",
        ),
        Figure(
            "frontier_earlier",
            "Frontier systems, first year compared to the year before the latest",
            float(earlier.sum()),
            "count",
        ),
        Figure(
            "frontier_open_recent",
            "Frontier systems with open weights, latest complete year to the snapshot's end",
            float(frontier_open[~earlier].sum()),
            "count",
        ),
        Figure(
            "frontier_recent",
            "Frontier systems, latest complete year to the snapshot's end",
            float((~earlier).sum()),
            "count",
        ),
        Figure(
            "open_industry_share",
            "Open-weight systems from companies alone, since the first year compared",
            industry_share,
            "percent",
        ),
        Figure(
            "open_other_share",
            "Open-weight systems from collectives, governments or unknown developers",
            community_share,
            "percent",
        ),
    )
    signs = (
        bool(at(latest, "open") > at(base, "open")),
        bool(at(latest, "open_share") > at(base, "open_share")),
        len(same_months_now) >= len(same_months_before),
    )
    if all(signs):
        verdict = Verdict.SUPPORTED
    elif any(signs):
        verdict = Verdict.PARTLY_SUPPORTED
    else:
        verdict = Verdict.CONTRADICTED
    return Assessment(
        verdict=verdict,
        summary=(
            "Open-weight notable systems went from {open_count_base} ({open_share_base} of those "
            "with a known accessibility) in {base_year} to {open_count_latest} "
            "({open_share_latest}) in {latest_year}; the "
            "snapshot's last months hold {open_count_partial} against {open_count_partial_before} "
            "in the same months a year earlier. "
            + (
                "The releases are not mainly community-driven: companies alone made "
                if industry_share > community_share
                else "Companies alone made "
            )
            + "{open_industry_share} of the open-weight systems since {base_year}, research "
            "collectives, governments and unrecorded developers {open_other_share}."
        ),
        figures=figures,
        method=(
            "Notable systems in Epoch AI's database with a known accessibility are counted per "
            "year, and those with downloadable weights taken as open. The snapshot ends on "
            "{snapshot_end}, so that year is compared with the same months of the year before. "
            "Developers' types show who releases open weights: {open_other_share} came from "
            "research collectives, governments or unrecorded developers. Among the largest models "
            "(Epoch's frontier flag), {frontier_open_recent} of {frontier_recent} published from "
            "{latest_year} on had open weights, against {frontier_open_earlier} of "
            "{frontier_earlier} from {base_year} until then."
        ),
        limits=(
            "Acceleration needs a rate of change; a few years of counts of notable systems are a "
            "thin base, and the database adds systems with delay, so the latest months are likely "
            "undercounted. Replicating or improving on proprietary architectures is not recorded."
        ),
        needs=(
            "A complete monthly count of open-weight model releases over several years (for "
            "example Hugging Face uploads with their base-model lineage), with who made each, "
            "to measure the rate of change and the part of community projects against companies."
        ),
        tables={"open_by_year": shares},
    )
