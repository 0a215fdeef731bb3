"""The geographic concentration index beside the pool index: country HHI from Cambridge's
months and the latest published map, pool HHI from blocks by full calendar year
(:mod:`analysis.migration.pool_index`).
"""

from __future__ import annotations

import pandas as pd

from analysis.measures.pool_shares import pool_concentration
from analysis.measures.template_sharing import grouped_blocks
from analysis.migration.ban_shock import ordinal_of
from analysis.migration.geo_concentration import MapConcentration
from analysis.migration.pool_index import (
    OVERLAP_FIGURES,
    POOL_INDEX_FIGURES,
    overlap_values,
    pool_index_by_year,
    pool_index_values,
)
from analysis.result import Assessment, Figure, Figures, FigureSpec, Margin, MarginRule, Verdict

COUNTRY_INDEX_FIGURES = Figures(
    (
        "geo_hhi_fall_pct",
        "Fall of the country HHI, first Cambridge month to the latest map (at least)",
        "percent",
    ),
    ("geo_hhi_first_low", "Country HHI, first Cambridge month (low bound)", "hhi"),
    ("geo_hhi_first_high", "Country HHI, first Cambridge month (high bound)", "hhi"),
    ("geo_hhi_last_low", "Country HHI, last Cambridge month (low bound)", "hhi"),
    ("geo_hhi_last_high", "Country HHI, last Cambridge month (high bound)", "hhi"),
    ("map_hhi_low", "Country HHI, {map} (low bound)", "hhi"),
    ("map_hhi_high", "Country HHI, {map} (high bound)", "hhi"),
    ("largest_country_first", "Largest country's share, first Cambridge month", "percent"),
    ("largest_country_last", "Largest country's share, last Cambridge month", "percent"),
    ("largest_country_map", "Largest country's share, {map}", "percent"),
    ("majority_countries_first", "Countries needed to pass half, first Cambridge month", "count"),
    ("majority_countries_map", "Countries needed to pass half, {map}", "count"),
    ("map_residual", "Share not listed in {map}", "percent"),
    ("first_month", "First month of the Cambridge map", "month"),
    ("last_month", "Last month of the Cambridge map", "month"),
    ("map_year", "Year of {map}", "year"),
)

GEO_VS_OPERATIONAL_FIGURES = (
    POOL_INDEX_FIGURES
    + Figures(
        (
            "pool_hhi_last_grouped",
            "Pool HHI, last full year, pools seen sharing a block template as one",
            "hhi",
        )
    )
    + OVERLAP_FIGURES
    + COUNTRY_INDEX_FIGURES
)

DISTRIBUTION_RANGES = (
    "the country HHI went from {geo_hhi_first_low} to {geo_hhi_first_high} in Cambridge's "
    "first month ({first_month}) to {geo_hhi_last_low} to {geo_hhi_last_high} in its last "
    "({last_month}) and {map_hhi_low} to {map_hhi_high} in the latest map ({map_year}); the "
    "largest country's share went from {largest_country_first} to {largest_country_map}."
)
DISTRIBUTION_METHOD = (
    "The HHI is the sum of squared country shares. Cambridge's 'Other' and the share a "
    "published map leaves unlisted ({map_residual}) are residuals, so each HHI is a range: "
    "the residual split into many tiny countries (low) or counted as one (high). The "
    "number of countries needed to pass half went from {majority_countries_first} to "
    "{majority_countries_map}. The claim counts as supported when even the high bound of "
    "the latest map is below the low bound of Cambridge's first month; as partly "
    "supported otherwise."
)
DISTRIBUTION_LIMITS = (
    "Cambridge and the later map are different estimators; the later map is known only "
    "from a news report of its leading countries. Country counts say nothing about how "
    "many operators run the machines inside each country."
)

GEO_VS_OPERATIONAL_METHOD = (
    "Both indexes are sums of squared shares: of hashrate by country (Cambridge monthly, "
    "then the latest published map) and of the attributed blocks found by pool in each "
    "complete calendar year, as in the pool claims. The country residuals ('Other', the "
    "share a map leaves unlisted) are bounded as many tiny countries (low) or one (high); "
    "the unattributed blocks as many tiny pools (low) or all the largest pool's (high). "
    "The claim counts as supported when the country HHI fell, the pool HHI rose and it is "
    "above the {merger_guidelines_hhi_high} line; as partly supported when it rose but "
    "is not above the line. {majority_pools_last} pools pass half of the blocks in "
    "{pool_last_year}, against {majority_countries_map} countries in the latest map. In "
    "the months both tables cover ({overlap_first} to {overlap_last}) the country HHI "
    "went from {overlap_geo_first} to {overlap_geo_last} and the pool HHI from "
    "{overlap_pool_first} to {overlap_pool_last} (low bounds)."
)
GEO_VS_OPERATIONAL_LIMITS = (
    "Pool shares count blocks, which vary by luck; yearly totals smooth that. A pool is a "
    "coordinator, not an owner of machines: miners can leave a pool faster than a "
    "country, so the two indexes measure different kinds of control. Pools are counted by "
    "their tags; the template observations that group some of them date from recent "
    "years, and pools that share templates unseen would raise the pool HHI further."
)
GEO_VS_OPERATIONAL_NEEDS = (
    "Pool shares and country shares from the same months and the same estimator, and "
    "which operators own the machines behind each pool, to measure operational "
    "concentration by owner rather than by coordinator."
)
TABLE_COLUMNS = ["date", "source", "hhi_low", "hhi_high", "largest_pct", "largest_group"]


def country_index_values(
    monthly_country_concentration: pd.DataFrame, latest_map_concentration: MapConcentration
) -> dict[str, float | None]:
    """The values of :data:`COUNTRY_INDEX_FIGURES`: Cambridge's first and last month beside
    the latest published map."""
    geo, mapped = monthly_country_concentration, latest_map_concentration.row
    first, last = geo.iloc[0], geo.iloc[-1]
    return {
        "geo_hhi_fall_pct": 100.0 * (1.0 - mapped["hhi_high"] / first["hhi_low"]),
        "geo_hhi_first_low": first["hhi_low"],
        "geo_hhi_first_high": first["hhi_high"],
        "geo_hhi_last_low": last["hhi_low"],
        "geo_hhi_last_high": last["hhi_high"],
        "map_hhi_low": mapped["hhi_low"],
        "map_hhi_high": mapped["hhi_high"],
        "largest_country_first": first["largest_pct"],
        "largest_country_last": last["largest_pct"],
        "largest_country_map": mapped["largest_pct"],
        "majority_countries_first": first["majority_groups"],
        "majority_countries_map": mapped["majority_groups"],
        "map_residual": mapped["residual_pct"],
        "first_month": ordinal_of(first["period"]),
        "last_month": ordinal_of(last["period"]),
        "map_year": latest_map_concentration.year,
    }


def country_index_table(
    monthly_country_concentration: pd.DataFrame, latest_map_concentration: MapConcentration
) -> pd.DataFrame:
    """The country HHI bounds of each Cambridge month and of the latest map, for the chart."""
    geo, mapped = monthly_country_concentration, latest_map_concentration
    cambridge = geo.assign(source="Cambridge mining map (monthly)", date=geo["period"])
    later = pd.DataFrame([{**mapped.row.to_dict(), "source": mapped.name, "date": mapped.date}])
    return pd.concat([cambridge[TABLE_COLUMNS], later[TABLE_COLUMNS]], ignore_index=True)


def _values(figures: tuple[Figure, ...]) -> dict[str, float]:
    """Figure values by name, a missing one as zero (for the verdict's comparisons)."""
    return {f.name: f.value or 0.0 for f in figures}


def _line_sentence(low: float, high: float, line: float) -> str:
    """Where the latest map's HHI range sits against the line of high concentration."""
    if low > line:
        return " It remains above the {merger_guidelines_hhi_high} line of high concentration."
    if high < line:
        return " It is below the {merger_guidelines_hhi_high} line of high concentration."
    return " Its range straddles the {merger_guidelines_hhi_high} line of high concentration."


GEO_FLIP = FigureSpec("geo_fall_flip", "Latest map's high HHI at which it flips", "hhi")
GEO_FELL = MarginRule(
    "map_hhi_high",
    GEO_FLIP,
    "above",
    Verdict.PARTLY_SUPPORTED,
    "Partly supported if the latest map's high bound were at or above {geo_fall_flip}, "
    "the first month's low bound.",
)
GEO_DID_NOT_FALL = MarginRule(
    "map_hhi_high",
    GEO_FLIP,
    "below",
    Verdict.SUPPORTED,
    "Supported if the latest map's high bound were below {geo_fall_flip}, the first "
    "month's low bound.",
)


def assess_geographic_distribution(
    monthly_country_concentration: pd.DataFrame,
    latest_map_concentration: MapConcentration,
    merger_guidelines_hhi_high: float,
) -> Assessment:
    """The country HHI fell, bounded on both sides for the unlisted remainder."""
    geo, mapped = monthly_country_concentration, latest_map_concentration
    figures = mapped.named_in(COUNTRY_INDEX_FIGURES.fill(**country_index_values(geo, mapped)))
    value = _values(figures)
    fell = value["map_hhi_high"] < value["geo_hhi_first_low"]
    lead = (
        "Geographic concentration fell by at least {geo_hhi_fall_pct}: "
        if fell
        else "Geographic concentration did not clearly fall: "
    )
    return Assessment(
        verdict=Verdict.SUPPORTED if fell else Verdict.PARTLY_SUPPORTED,
        summary=lead
        + DISTRIBUTION_RANGES
        + _line_sentence(value["map_hhi_low"], value["map_hhi_high"], merger_guidelines_hhi_high),
        figures=figures,
        method=DISTRIBUTION_METHOD,
        limits=DISTRIBUTION_LIMITS,
        tables={"hhi": country_index_table(geo, mapped)},
        margin=(GEO_FELL if fell else GEO_DID_NOT_FALL).at(value["geo_hhi_first_low"]),
    )


def _side(value: float, line: float) -> str:
    """'above', 'below' or 'at' ``line``."""
    if value > line:
        return "above"
    return "below" if value < line else "at"


def _layers_compared(v: dict[str, float]) -> str:
    """Which layer is the more concentrated, from the bounds of both indexes."""
    if v["pool_hhi_last_high"] < v["map_hhi_low"]:
        return (
            " The countries are still the more concentrated layer: even the low bound of the map "
            "({map_hhi_low}) is above the pools' high bound ({pool_hhi_last_high})."
        )
    if v["pool_hhi_last"] > v["map_hhi_high"]:
        return (
            " The pools are now the more concentrated layer: {pool_hhi_last} against the map's "
            "{map_hhi_high}."
        )
    return (
        " The ranges of the two indexes overlap, so neither layer is clearly the more concentrated."
    )


def _geo_vs_operational_summary(v: dict[str, float], line: float) -> str:
    geo = (
        "The country HHI fell from {geo_hhi_first_low} ({first_month}) to {map_hhi_low} to "
        "{map_hhi_high} in the latest map"
        if v["map_hhi_high"] < v["geo_hhi_first_low"]
        else "The country HHI did not clearly fall: {geo_hhi_first_low} ({first_month}) against "
        "{map_hhi_low} to {map_hhi_high} in the latest map"
    )
    rose = "rose" if v["pool_hhi_last"] > v["pool_hhi_first"] else "did not rise"
    pools = (
        "; the pool HHI " + rose + " from {pool_hhi_first} ({pool_first_year}) to "
        "{pool_hhi_last} ({pool_last_year}), with a peak of {pool_hhi_peak} in {pool_peak_year}, "
        "the two largest pools holding {pool_top2_last} in the last year."
    )
    high = (
        " The pool HHI is "
        + _side(v["pool_hhi_last"], line)
        + " the {merger_guidelines_hhi_high} line of high concentration, and "
        + _side(v["pool_hhi_last_grouped"], line)
        + " it ({pool_hhi_last_grouped}) with the pools seen sharing a block template as one."
    )
    return geo + pools + _layers_compared(v) + high


def _geo_vs_operational_verdict(v: dict[str, float], line: float) -> Verdict:
    """Supported when the country HHI fell and the pool HHI rose above ``line``."""
    geo_fell = v["map_hhi_high"] < v["geo_hhi_first_low"]
    pool_rose = v["pool_hhi_last"] > v["pool_hhi_first"]
    if geo_fell and pool_rose and v["pool_hhi_last"] > line:
        return Verdict.SUPPORTED
    if geo_fell and pool_rose:
        return Verdict.PARTLY_SUPPORTED
    return Verdict.CONTRADICTED


POOL_FLIP = FigureSpec("pool_hhi_flip", "Latest pool HHI at which it flips", "hhi")
POOL_FELL_UNDER_LINE = MarginRule(
    "pool_hhi_last",
    POOL_FLIP,
    "below",
    Verdict.PARTLY_SUPPORTED,
    "Partly supported if the latest pool HHI were at or below {pool_hhi_flip}, the line "
    "of high concentration.",
)
POOL_ROSE_OVER_LINE = MarginRule(
    "pool_hhi_last",
    POOL_FLIP,
    "above",
    Verdict.SUPPORTED,
    "Supported if the latest pool HHI were above {pool_hhi_flip}, the line of high concentration.",
)
POOL_DID_NOT_RISE = MarginRule(
    "pool_hhi_last",
    POOL_FLIP,
    "below",
    Verdict.CONTRADICTED,
    "Contradicted if the latest pool HHI were at or below {pool_hhi_flip}, the first year's.",
)
POOL_ROSE = MarginRule(
    "pool_hhi_last",
    POOL_FLIP,
    "above",
    Verdict.PARTLY_SUPPORTED,
    "Partly supported if the latest pool HHI were above {pool_hhi_flip}, the first year's.",
)
MAP_FELL = MarginRule(
    "map_hhi_high",
    GEO_FLIP,
    "below",
    Verdict.PARTLY_SUPPORTED,
    "Partly supported or better if the latest map's high bound were below {geo_fall_flip}, "
    "the first month's low bound.",
)


def _geo_vs_operational_margin(v: dict[str, float], line: float, verdict: Verdict) -> Margin | None:
    """The nearest threshold of the pool HHI (or, when the countries did not fall, of the
    map's high bound) at which the verdict changes."""
    last, first = v["pool_hhi_last"], v["pool_hhi_first"]
    if verdict is Verdict.SUPPORTED:
        if line >= first:
            return POOL_FELL_UNDER_LINE.at(line)
        return POOL_DID_NOT_RISE.at(first)
    if verdict is Verdict.PARTLY_SUPPORTED:
        if line - last <= last - first:
            return POOL_ROSE_OVER_LINE.at(line)
        return POOL_DID_NOT_RISE.at(first)
    if v["map_hhi_high"] < v["geo_hhi_first_low"]:
        return POOL_ROSE.at(first)
    if last > first:
        return MAP_FELL.at(v["geo_hhi_first_low"])
    return None


def assess_geo_vs_operational(
    monthly_country_concentration: pd.DataFrame,
    latest_map_concentration: MapConcentration,
    blocks: pd.DataFrame,
    pool_template_groups: pd.DataFrame,
    merger_guidelines_hhi_high: float,
) -> Assessment:
    """The country HHI fell while the pool HHI rose; whether the pool HHI is high, and which
    layer is the more concentrated."""
    geo, mapped, line = (
        monthly_country_concentration,
        latest_map_concentration,
        merger_guidelines_hhi_high,
    )
    yearly = pool_index_by_year(blocks)
    grouped = pool_concentration(grouped_blocks(blocks, pool_template_groups), "year")
    figures = mapped.named_in(
        GEO_VS_OPERATIONAL_FIGURES.fill(
            **pool_index_values(yearly),
            pool_hhi_last_grouped=grouped["hhi"].iloc[-1],
            **overlap_values(geo, blocks),
            **country_index_values(geo, mapped),
        )
    )
    v = _values(figures)
    pool_table = yearly.assign(
        date=pd.to_datetime(yearly["period"].astype(str) + "-07-01"), source="Mining pools (blocks)"
    )[TABLE_COLUMNS]
    verdict = _geo_vs_operational_verdict(v, line)
    return Assessment(
        verdict=verdict,
        summary=_geo_vs_operational_summary(v, line),
        figures=figures,
        method=GEO_VS_OPERATIONAL_METHOD,
        limits=GEO_VS_OPERATIONAL_LIMITS,
        needs=GEO_VS_OPERATIONAL_NEEDS,
        tables={"hhi": pd.concat([country_index_table(geo, mapped), pool_table])},
        margin=_geo_vs_operational_margin(v, line, verdict),
    )
