"""The geographic concentration index beside the pool index: country HHI from Cambridge's
months and the latest published map, pool HHI from blocks by full calendar year.
"""

from __future__ import annotations

import pandas as pd

from analysis.measures.pool_shares import pool_concentration, pool_shares
from analysis.measures.template_sharing import grouped_blocks
from analysis.migration.drivers import geo_months, map_concentration, ordinal_of
from analysis.migration.geo_concentration import (
    RESIDUAL_POOL,
    bounded_concentration,
    geographic_and_pool_index,
    pool_shares_by_year,
    published_points,
)
from analysis.result import Assessment, Figure, Verdict


def _geo_figures(country_shares: pd.DataFrame, recent: pd.DataFrame) -> list[Figure]:
    _, geo = geo_months(country_shares)
    first, last = geo.iloc[0], geo.iloc[-1]
    name, mapped = map_concentration(recent)
    return [
        Figure(
            "geo_hhi_fall_pct",
            "Fall of the country HHI, first Cambridge month to the latest map (at least)",
            100.0 * (1.0 - mapped["hhi_high"] / first["hhi_low"]),
            "percent",
        ),
        Figure(
            "geo_hhi_first_low",
            "Country HHI, first Cambridge month (low bound)",
            first["hhi_low"],
            "hhi",
        ),
        Figure(
            "geo_hhi_first_high",
            "Country HHI, first Cambridge month (high bound)",
            first["hhi_high"],
            "hhi",
        ),
        Figure(
            "geo_hhi_last_low",
            "Country HHI, last Cambridge month (low bound)",
            last["hhi_low"],
            "hhi",
        ),
        Figure(
            "geo_hhi_last_high",
            "Country HHI, last Cambridge month (high bound)",
            last["hhi_high"],
            "hhi",
        ),
        Figure("map_hhi_low", f"Country HHI, {name} (low bound)", mapped["hhi_low"], "hhi"),
        Figure("map_hhi_high", f"Country HHI, {name} (high bound)", mapped["hhi_high"], "hhi"),
        Figure(
            "largest_country_first",
            "Largest country's share, first Cambridge month",
            first["largest_pct"],
            "percent",
        ),
        Figure(
            "largest_country_last",
            "Largest country's share, last Cambridge month",
            last["largest_pct"],
            "percent",
        ),
        Figure(
            "largest_country_map",
            f"Largest country's share, {name}",
            mapped["largest_pct"],
            "percent",
        ),
        Figure(
            "majority_countries_first",
            "Countries needed to pass half, first Cambridge month",
            first["majority_groups"],
            "count",
        ),
        Figure(
            "majority_countries_map",
            f"Countries needed to pass half, {name}",
            mapped["majority_groups"],
            "count",
        ),
        Figure("map_residual", f"Share not listed in {name}", mapped["residual_pct"], "percent"),
        Figure(
            "first_month", "First month of the Cambridge map", ordinal_of(first["period"]), "month"
        ),
        Figure(
            "last_month", "Last month of the Cambridge map", ordinal_of(last["period"]), "month"
        ),
        Figure(
            "map_year",
            f"Year of {name}",
            float(recent.loc[recent["map"] == name, "year"].max()),
            "year",
        ),
    ]


def _geo_table(country_shares: pd.DataFrame, recent: pd.DataFrame) -> pd.DataFrame:
    _, geo = geo_months(country_shares)
    name, mapped = map_concentration(recent)
    rows = recent[recent["map"] == name]
    when = published_points(rows)["date"].max()
    cambridge = geo.assign(source="Cambridge mining map (monthly)", date=geo["period"])
    later = pd.DataFrame([{**mapped.to_dict(), "source": name, "date": when}])
    keep = ["date", "source", "hhi_low", "hhi_high", "largest_pct", "largest_group"]
    return pd.concat([cambridge[keep], later[keep]], ignore_index=True)


def assess_geographic_distribution(
    country_shares: pd.DataFrame,
    country_hashrate_recent: pd.DataFrame,
    merger_guidelines_hhi_high: float,
) -> Assessment:
    """The country HHI fell, bounded on both sides for the unlisted remainder."""
    figures = _geo_figures(country_shares, country_hashrate_recent)
    value = {f.name: f.value or 0.0 for f in figures}
    fell = value["map_hhi_high"] < value["geo_hhi_first_low"]
    ranges = (
        "the country HHI went from {geo_hhi_first_low} to {geo_hhi_first_high} in Cambridge's "
        "first month ({first_month}) to {geo_hhi_last_low} to {geo_hhi_last_high} in its last "
        "({last_month}) and {map_hhi_low} to {map_hhi_high} in the latest map ({map_year}); the "
        "largest country's share went from {largest_country_first} to {largest_country_map}."
    )
    lead = (
        "Geographic concentration fell by at least {geo_hhi_fall_pct}: "
        if fell
        else "Geographic concentration did not clearly fall: "
    )
    return Assessment(
        verdict=Verdict.SUPPORTED if fell else Verdict.PARTLY_SUPPORTED,
        summary=lead
        + ranges
        + _line_sentence(value["map_hhi_low"], value["map_hhi_high"], merger_guidelines_hhi_high),
        figures=tuple(figures),
        method=(
            "The HHI is the sum of squared country shares. Cambridge's 'Other' and the share a "
            "published map leaves unlisted ({map_residual}) are residuals, so each HHI is a range: "
            "the residual split into many tiny countries (low) or counted as one (high). The "
            "number of countries needed to pass half went from {majority_countries_first} to "
            "{majority_countries_map}. The claim counts as supported when even the high bound of "
            "the latest map is below the low bound of Cambridge's first month; as partly "
            "supported otherwise."
        ),
        limits=(
            "Cambridge and the later map are different estimators; the later map is known only "
            "from a news report of its leading countries. Country counts say nothing about how "
            "many operators run the machines inside each country."
        ),
        tables={"hhi": _geo_table(country_shares, country_hashrate_recent)},
    )


def pool_index_by_year(blocks: pd.DataFrame) -> pd.DataFrame:
    """Per complete calendar year, the pool HHI as the pool family computes it (shares of the
    attributed blocks) with its bounds for the unattributed blocks: ``hhi_low`` with them as
    many tiny pools, ``hhi_high`` with them all given to the largest pool. Also ``top2_pct``,
    ``nakamoto``, ``largest_pct`` and ``largest_group`` (a pool slug: untrusted text)."""
    table = pool_concentration(blocks, "year")
    low = bounded_concentration(pool_shares_by_year(blocks), RESIDUAL_POOL).set_index("period")
    shares = pool_shares(blocks, "year").drop_duplicates("period").set_index("period")
    periods = table["period"]
    return pd.DataFrame(
        {
            "period": periods.astype("int64"),
            "hhi": table["hhi"],
            "hhi_low": periods.map(low["hhi_low"]),
            "hhi_high": table["hhi_max"],
            "top2_pct": table["top2_pct"],
            "nakamoto": table["nakamoto"],
            "largest_pct": table["top1_pct"],
            "largest_group": periods.map(shares["group"]),
        }
    )


def _line_sentence(low: float, high: float, line: float) -> str:
    """Where the latest map's HHI range sits against the line of high concentration."""
    if low > line:
        return " It remains above the {merger_guidelines_hhi_high} line of high concentration."
    if high < line:
        return " It is below the {merger_guidelines_hhi_high} line of high concentration."
    return " Its range straddles the {merger_guidelines_hhi_high} line of high concentration."


def _pool_figures(blocks: pd.DataFrame) -> tuple[list[Figure], pd.DataFrame]:
    yearly = pool_index_by_year(blocks)
    first, last = yearly.iloc[0], yearly.iloc[-1]
    peak = yearly.iloc[int(yearly["hhi"].to_numpy().argmax())]
    return [
        Figure("pool_hhi_last", "Pool HHI, last full year", last["hhi"], "hhi"),
        Figure("pool_hhi_first", "Pool HHI, first full year", first["hhi"], "hhi"),
        Figure("pool_first_year", "First full year of blocks", first["period"], "year"),
        Figure("pool_hhi_peak", "Pool HHI, highest year", peak["hhi"], "hhi"),
        Figure("pool_peak_year", "Year of the highest pool HHI", peak["period"], "year"),
        Figure(
            "pool_hhi_last_high",
            "Pool HHI, last full year, unattributed blocks all the largest pool's (high bound)",
            last["hhi_high"],
            "hhi",
        ),
        Figure("pool_last_year", "Last full year of blocks", last["period"], "year"),
        Figure(
            "pool_top2_last",
            "Two largest pools' share of attributed blocks, last full year",
            last["top2_pct"],
            "percent",
        ),
        Figure(
            "majority_pools_last",
            "Pools needed to pass half, last full year",
            last["nakamoto"],
            "count",
        ),
    ], yearly


def _overlap_figures(country_shares: pd.DataFrame, blocks: pd.DataFrame) -> list[Figure]:
    both = geographic_and_pool_index(country_shares, blocks)
    if both.empty:  # no common month: the figures are n/a
        both = pd.DataFrame([dict.fromkeys(["period", "geo_hhi_low", "pool_hhi_low"])])
    first, last = both.iloc[0], both.iloc[-1]
    return [
        Figure(
            "overlap_first", "First month both indexes cover", ordinal_of(first["period"]), "month"
        ),
        Figure(
            "overlap_last", "Last month both indexes cover", ordinal_of(last["period"]), "month"
        ),
        Figure("overlap_geo_first", "Country HHI, first common month", first["geo_hhi_low"], "hhi"),
        Figure("overlap_geo_last", "Country HHI, last common month", last["geo_hhi_low"], "hhi"),
        Figure("overlap_pool_first", "Pool HHI, first common month", first["pool_hhi_low"], "hhi"),
        Figure("overlap_pool_last", "Pool HHI, last common month", last["pool_hhi_low"], "hhi"),
    ]


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


def assess_geo_vs_operational(
    country_shares: pd.DataFrame,
    country_hashrate_recent: pd.DataFrame,
    blocks: pd.DataFrame,
    pool_template_groups: pd.DataFrame,
    merger_guidelines_hhi_high: float,
) -> Assessment:
    """The country HHI fell while the pool HHI rose; whether the pool HHI is high, and which
    layer is the more concentrated."""
    geo = _geo_figures(country_shares, country_hashrate_recent)
    pool, yearly = _pool_figures(blocks)
    grouped = pool_index_by_year(grouped_blocks(blocks, pool_template_groups))
    pool.append(
        Figure(
            "pool_hhi_last_grouped",
            "Pool HHI, last full year, pools seen sharing a block template as one",
            grouped["hhi"].iloc[-1],
            "hhi",
        )
    )
    pool += _overlap_figures(country_shares, blocks)
    v = {f.name: f.value or 0.0 for f in [*geo, *pool]}
    geo_fell = v["map_hhi_high"] < v["geo_hhi_first_low"]
    pool_rose = v["pool_hhi_last"] > v["pool_hhi_first"]
    high_now = v["pool_hhi_last"] > merger_guidelines_hhi_high
    if geo_fell and pool_rose and high_now:
        verdict = Verdict.SUPPORTED
    elif geo_fell and pool_rose:
        verdict = Verdict.PARTLY_SUPPORTED
    else:
        verdict = Verdict.CONTRADICTED
    pool_table = yearly.assign(
        date=pd.to_datetime(yearly["period"].astype(str) + "-07-01"), source="Mining pools (blocks)"
    )[["date", "source", "hhi_low", "hhi_high", "largest_pct", "largest_group"]]
    table = pd.concat([_geo_table(country_shares, country_hashrate_recent), pool_table])
    return Assessment(
        verdict=verdict,
        summary=_geo_vs_operational_summary(v, merger_guidelines_hhi_high),
        figures=tuple([*pool, *geo]),
        method=(
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
        ),
        limits=(
            "Pool shares count blocks, which vary by luck; yearly totals smooth that. A pool is a "
            "coordinator, not an owner of machines: miners can leave a pool faster than a "
            "country, so the two indexes measure different kinds of control. Pools are counted by "
            "their tags; the template observations that group some of them date from recent "
            "years, and pools that share templates unseen would raise the pool HHI further."
        ),
        needs=(
            "Pool shares and country shares from the same months and the same estimator, and "
            "which operators own the machines behind each pool, to measure operational "
            "concentration by owner rather than by coordinator."
        ),
        tables={"hhi": table},
    )
