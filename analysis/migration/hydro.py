"""Paraguay and Ethiopia: their hydro surplus in Our World in Data beside the shares of
hashrate later sources give them.
"""

from __future__ import annotations

import pandas as pd

from analysis.migration.ban_shock import date_of_ordinal
from analysis.migration.drivers import row_citations
from analysis.migration.hydro_surplus import country_year, demand_growth_pct, hydro_surplus
from analysis.migration.hydro_surplus import latest_complete_year as latest_energy_year
from analysis.result import Assessment, Figure, Verdict

HYDRO_COUNTRIES = ("Paraguay", "Ethiopia")


def _hydro_figures(surplus: pd.DataFrame, country: str, base: int, year: int) -> list[Figure]:
    key = country.lower()
    now = country_year(surplus, country, year)
    then = country_year(surplus, country, base)
    return [
        Figure(
            f"{key}_surplus_twh", f"{country}: generation minus demand", now["surplus_twh"], "twh"
        ),
        Figure(
            f"{key}_surplus_share",
            f"{country}: surplus share of generation",
            now["surplus_share_pct"],
            "percent",
        ),
        Figure(
            f"{key}_hydro_share",
            f"{country}: hydro share of electricity",
            now["hydro_share_pct"],
            "percent",
        ),
        Figure(f"{key}_net_exports_twh", f"{country}: net exports", now["net_exports_twh"], "twh"),
        Figure(
            f"{key}_net_exports_base_twh",
            f"{country}: net exports in the crackdown year",
            then["net_exports_twh"],
            "twh",
        ),
        Figure(
            f"{key}_demand_growth",
            f"{country}: demand growth since the crackdown year",
            demand_growth_pct(surplus, country, base, year),
            "percent",
        ),
    ]


def map_rank(map_rows: pd.DataFrame, country: str) -> float:
    """``country``'s rank (1 = largest) among the countries one published map lists."""
    ranked = map_rows.sort_values("share_pct_low", ascending=False)["country"].tolist()
    return float(ranked.index(country) + 1)


def country_share_range(recent: pd.DataFrame, country: str) -> pd.DataFrame:
    """``country``'s rows of the curated later table, by basis and year."""
    return recent[recent["country"] == country].sort_values(["basis", "year"])


def assess_hydro_migration(
    owid_energy: pd.DataFrame,
    country_hashrate_recent: pd.DataFrame,
    china_mining_crackdown_date: float,
) -> Assessment:
    """Paraguay and Ethiopia: a hydro surplus in OWID and a rising share in later sources."""
    surplus = hydro_surplus(owid_energy)
    year = latest_energy_year(surplus)
    base = date_of_ordinal(china_mining_crackdown_date).year
    figures = [Figure("energy_year", "Latest year with generation and demand", year, "year")]
    figures.append(Figure("base_year", "The crackdown year", base, "year"))
    for country in HYDRO_COUNTRIES:
        figures += _hydro_figures(surplus, country, base, year)
    recent = country_hashrate_recent
    paraguay = country_share_range(recent, "Paraguay")
    geo = paraguay[paraguay["basis"] == "geographic estimate"]
    in_map = geo[geo["map"].notna()].sort_values("year")
    earliest = geo.sort_values("year").iloc[0]
    in_map_all = recent[recent["map"] == in_map["map"].iloc[-1]]
    ethiopia = country_share_range(recent, "Ethiopia")
    said = ethiopia[ethiopia["basis"] == "statement"]
    figures += [
        Figure(
            "paraguay_map_share",
            "Paraguay's share in the latest map",
            in_map["share_pct_low"].iloc[-1],
            "percent",
        ),
        Figure(
            "paraguay_map_rank",
            "Paraguay's rank in the latest map",
            map_rank(in_map_all, "Paraguay"),
            "count",
        ),
        Figure(
            "paraguay_countries_above",
            "Countries above Paraguay in the latest map",
            map_rank(in_map_all, "Paraguay") - 1.0,
            "count",
        ),
        Figure(
            "paraguay_early_low",
            "Paraguay's earliest estimate, low end",
            earliest["share_pct_low"],
            "percent",
        ),
        Figure(
            "paraguay_early_high",
            "Paraguay's earliest estimate, high end",
            earliest["share_pct_high"],
            "percent",
        ),
        Figure(
            "paraguay_early_year", "Year of Paraguay's earliest estimate", earliest["year"], "year"
        ),
        Figure(
            "ethiopia_stated_low",
            "Lowest share stated for Ethiopia",
            said["share_pct_low"].min(),
            "percent",
        ),
        Figure(
            "ethiopia_stated_high",
            "Highest share stated for Ethiopia",
            said["share_pct_high"].max(),
            "percent",
        ),
        Figure(
            "ethiopia_geographic_rows",
            "Geographic estimates for Ethiopia",
            float((ethiopia["basis"] == "geographic estimate").sum()),
            "count",
        ),
    ]
    both_surplus = all(country_year(surplus, c, year)["surplus_twh"] > 0 for c in HYDRO_COUNTRIES)
    measured = not in_map.empty and bool((ethiopia["basis"] == "geographic estimate").any())
    verdict = Verdict.SUPPORTED if both_surplus and measured else Verdict.PARTLY_SUPPORTED
    return Assessment(
        verdict=verdict,
        summary=(
            "Both countries run on hydro and generate more than they use: in {energy_year} "
            "Paraguay's surplus was {paraguay_surplus_twh} ({paraguay_surplus_share} of generation, "
            "hydro {paraguay_hydro_share}), Ethiopia's {ethiopia_surplus_twh} "
            "({ethiopia_surplus_share}, hydro {ethiopia_hydro_share}). Paraguay's share of "
            "hashrate went from an estimated {paraguay_early_low} to {paraguay_early_high} in "
            "{paraguay_early_year} to {paraguay_map_share} in the latest map, where only "
            "{paraguay_countries_above} countries rank above it; Ethiopia's is given only by "
            "statements, from "
            "{ethiopia_stated_low} to {ethiopia_stated_high}."
        ),
        figures=tuple(figures),
        method=(
            "Surplus is generation minus demand in Our World in Data's energy table; net exports "
            "are its net imports with the sign turned. Since {base_year} Paraguay's demand grew "
            "{paraguay_demand_growth} and its net exports went from {paraguay_net_exports_base_twh} "
            "to {paraguay_net_exports_twh}; Ethiopia's demand grew {ethiopia_demand_growth}. Shares "
            "of hashrate come from the curated later table, read by basis: geographic maps apart "
            "from statements and projections. The claim counts as supported when both countries "
            "generate more than they use and a geographic map gives each a share of hashrate; "
            "as partly supported otherwise."
        ),
        limits=(
            "OWID does not split demand by user, so the growth of demand is consistent with "
            "mining load but does not measure it; its latest years, {energy_year} among them, "
            "are recent Ember estimates that may be revised. Cambridge's map puts both countries inside "
            "'Other'. No geographic map in the curated table gives Ethiopia a share "
            "({ethiopia_geographic_rows} rows); its figures are a miner's statement citing the "
            "utility and an unattributed estimate, which disagree. The latest map's report lists "
            "no Ethiopian share above Paraguay's {paraguay_map_share}, which sits ill with the "
            "estimate of {ethiopia_stated_high} at most."
        ),
        needs=(
            "A geographic hashrate map that lists Ethiopia, and the utilities' sales to miners "
            "(Ethiopian Electric Power, ANDE) by year."
        ),
        citations=row_citations(pd.concat([paraguay, ethiopia])),
        tables={"surplus": surplus},
    )
