"""Epoch AI's notable machine-learning systems, read once per build: each system dated and
classed by its developers' sector, its lead developer and whether its weights are open;
the last complete year of the snapshot; the frontier systems of the last three complete
years; and per year, systems by sector and the open-weight share.
"""

from __future__ import annotations

import pandas as pd

from analysis.result import FigureSpec, measure

SECTORS = ("academia", "collaboration", "industry", "other")
# 'Today' is the last three complete years of the snapshot.
WINDOW_YEARS = 3

# Figures that several claims of the family report, declared once.
SNAPSHOT_END = FigureSpec("snapshot_end", "Last publication date in the snapshot", "date")
LATEST_YEAR = FigureSpec("latest_year", "Latest complete year", "year")
WINDOW_START = FigureSpec("window_start", "First year of the window", "year")
FRONTIER_COUNT = FigureSpec("frontier_count", "Frontier systems in the window", "count")

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


def company_involved(organization_type: object) -> bool | None:
    """The counting rule for 'a company involved': True when any developing organisation
    is of Epoch's type Industry (alone, with universities, government or a research
    collective), False when every listed type is another, None (left out of the count)
    when the type is not recorded."""
    if not isinstance(organization_type, str) or not organization_type.strip():
        return None
    return "Industry" in {part.strip() for part in organization_type.split(",")}


def lead_organisation(organization: object) -> str:
    """The first listed organisation, under its parent company's name where one is known."""
    if not isinstance(organization, str) or not organization.strip():
        return "unknown"
    first = organization.split(",")[0].strip()
    return PARENT.get(first, first)


def is_open_weights(accessibility: pd.Series) -> pd.Series:
    """True where the weights can be downloaded (with or without use restrictions)."""
    return accessibility.fillna("").str.startswith("Open weights").astype(bool)


@measure
def notable_systems(ml_systems: pd.DataFrame) -> pd.DataFrame:
    """Systems with a publication date, with ``year``, ``sector``, ``lead_developer`` and
    ``open_weights`` (False where the accessibility is not recorded)."""
    frame = ml_systems.dropna(subset=["published"]).copy()
    frame["year"] = frame["published"].dt.year.astype(int)
    frame["sector"] = frame["organization_type"].map(sector)
    frame["company_involved"] = frame["organization_type"].map(company_involved)
    frame["lead_developer"] = frame["organization"].map(lead_organisation)
    frame["open_weights"] = is_open_weights(frame["accessibility"])
    return frame


@measure
def notable_snapshot_end(notable_systems: pd.DataFrame) -> pd.Timestamp:
    """The last publication date in the snapshot."""
    return pd.Timestamp(notable_systems["published"].max())


@measure
def notable_last_complete_year(notable_snapshot_end: pd.Timestamp) -> int:
    """The last calendar year the snapshot covers to its end (December)."""
    last = notable_snapshot_end
    return int(last.year if last.month == 12 else last.year - 1)


@measure
def frontier_window_start(notable_last_complete_year: int) -> int:
    """The first of the last three complete years: the window for 'today'."""
    return notable_last_complete_year - (WINDOW_YEARS - 1)


def frontier_systems(notable_systems: pd.DataFrame, since: int) -> pd.DataFrame:
    """Systems Epoch flags as frontier models, published in ``since`` or later."""
    frontier = notable_systems["frontier_model"].fillna("").eq("checked")
    return notable_systems[frontier & (notable_systems["year"] >= since)]


@measure
def frontier_window_systems(
    notable_systems: pd.DataFrame, frontier_window_start: int
) -> pd.DataFrame:
    """The frontier systems of the window for 'today'."""
    return frontier_systems(notable_systems, frontier_window_start)


@measure
def sector_counts_by_year(notable_systems: pd.DataFrame) -> pd.DataFrame:
    """Systems per year by sector, with each sector's share (percent) of the year's systems,
    and the share with a company involved (of the systems whose type is recorded)."""
    counts = pd.crosstab(notable_systems["year"], notable_systems["sector"]).reindex(
        columns=list(SECTORS), fill_value=0
    )
    counts["total"] = counts.sum(axis=1)
    for name in SECTORS:
        counts[f"{name}_share"] = 100.0 * counts[name] / counts["total"]
    involved = notable_systems.dropna(subset=["company_involved"])
    by_year = involved.groupby("year")["company_involved"]
    counts["type_known"] = by_year.size().reindex(counts.index, fill_value=0)
    counts["company_involved"] = by_year.sum().astype(int).reindex(counts.index, fill_value=0)
    counts["industry_involved_share"] = 100.0 * counts["company_involved"] / counts["type_known"]
    return counts.reset_index()


@measure
def open_share_by_year(notable_systems: pd.DataFrame) -> pd.DataFrame:
    """Per year: systems with a known accessibility, those with open weights, and the share."""
    frame = notable_systems.dropna(subset=["accessibility"])
    out = (
        frame.groupby("year")
        .agg(known=("open_weights", "size"), open=("open_weights", "sum"))
        .reset_index()
    )
    out["open_share"] = 100.0 * out["open"] / out["known"]
    return out
