"""Paraguay and Ethiopia: their hydro surplus in Our World in Data beside the shares of
hashrate later sources give them.
"""

from __future__ import annotations

import pandas as pd

from analysis.migration.geo_concentration import row_citations
from analysis.migration.hydro_surplus import country_year, demand_growth_pct, hydro_surplus
from analysis.migration.hydro_surplus import latest_complete_year as latest_energy_year
from analysis.result import Assessment, Figures, FigureSpec, Margin, MarginRule, Verdict

HYDRO_COUNTRIES = ("Paraguay", "Ethiopia")


def _country_figures(country: str) -> Figures:
    key = country.lower()
    return Figures(
        (f"{key}_surplus_twh", f"{country}: generation minus demand", "twh"),
        (f"{key}_surplus_share", f"{country}: surplus share of generation", "percent"),
        (f"{key}_hydro_share", f"{country}: hydro share of electricity", "percent"),
        (f"{key}_net_exports_twh", f"{country}: net exports", "twh"),
        (f"{key}_net_exports_base_twh", f"{country}: net exports in the crackdown year", "twh"),
        (f"{key}_demand_growth", f"{country}: demand growth since the crackdown year", "percent"),
    )


HYDRO_FIGURES = (
    Figures(
        ("energy_year", "Latest year with generation and demand", "year"),
        ("base_year", "The crackdown year", "year"),
    )
    + _country_figures("Paraguay")
    + _country_figures("Ethiopia")
    + Figures(
        ("paraguay_map_share", "Paraguay's share in the latest map", "percent"),
        ("paraguay_map_rank", "Paraguay's rank in the latest map", "count"),
        ("paraguay_countries_above", "Countries above Paraguay in the latest map", "count"),
        ("paraguay_early_low", "Paraguay's earliest estimate, low end", "percent"),
        ("paraguay_early_high", "Paraguay's earliest estimate, high end", "percent"),
        ("paraguay_early_year", "Year of Paraguay's earliest estimate", "year"),
        ("ethiopia_stated_low", "Lowest share stated for Ethiopia", "percent"),
        ("ethiopia_stated_high", "Highest share stated for Ethiopia", "percent"),
        ("ethiopia_geographic_rows", "Geographic estimates for Ethiopia", "count"),
    )
)

HYDRO_SUMMARY = (
    "Both countries run on hydro and generate more than they use: in {energy_year} "
    "Paraguay's surplus was {paraguay_surplus_twh} ({paraguay_surplus_share} of generation, "
    "hydro {paraguay_hydro_share}), Ethiopia's {ethiopia_surplus_twh} "
    "({ethiopia_surplus_share}, hydro {ethiopia_hydro_share}). Paraguay's share of "
    "hashrate went from an estimated {paraguay_early_low} to {paraguay_early_high} in "
    "{paraguay_early_year} to {paraguay_map_share} in the latest map, where only "
    "{paraguay_countries_above} countries rank above it; Ethiopia's is given only by "
    "statements, from "
    "{ethiopia_stated_low} to {ethiopia_stated_high}."
)
HYDRO_METHOD = (
    "Surplus is generation minus demand in Our World in Data's energy table; net exports "
    "are its net imports with the sign turned. Since {base_year} Paraguay's demand grew "
    "{paraguay_demand_growth} and its net exports went from {paraguay_net_exports_base_twh} "
    "to {paraguay_net_exports_twh}; Ethiopia's demand grew {ethiopia_demand_growth}. Shares "
    "of hashrate come from the curated later table, read by basis: geographic maps apart "
    "from statements and projections. The claim counts as supported when both countries "
    "generate more than they use and a geographic map gives each a share of hashrate; "
    "as partly supported otherwise."
)
HYDRO_LIMITS = (
    "OWID does not split demand by user, so the growth of demand is consistent with "
    "mining load but does not measure it; its latest years, {energy_year} among them, "
    "are recent Ember estimates that may be revised. Cambridge's map puts both countries inside "
    "'Other'. No geographic map in the curated table gives Ethiopia a share "
    "({ethiopia_geographic_rows} rows); its figures are a miner's statement citing the "
    "utility and an unattributed estimate, which disagree. The latest map's report lists "
    "no Ethiopian share above Paraguay's {paraguay_map_share}, which sits ill with the "
    "estimate of {ethiopia_stated_high} at most."
)
HYDRO_NEEDS = (
    "A geographic hashrate map that lists Ethiopia, and the utilities' sales to miners "
    "(Ethiopian Electric Power, ANDE) by year."
)


def map_rank(map_rows: pd.DataFrame, country: str) -> float:
    """``country``'s rank (1 = largest) among the countries one published map lists."""
    ranked = map_rows.sort_values("share_pct_low", ascending=False)["country"].tolist()
    return float(ranked.index(country) + 1)


def country_share_range(recent: pd.DataFrame, country: str) -> pd.DataFrame:
    """``country``'s rows of the curated later table, by basis and year."""
    return recent[recent["country"] == country].sort_values(["basis", "year"])


def _surplus_values(surplus: pd.DataFrame, base: int, year: int) -> dict[str, float | None]:
    """Each hydro country's surplus, hydro share, net exports and demand growth."""
    values: dict[str, float | None] = {}
    for country in HYDRO_COUNTRIES:
        key = country.lower()
        now = country_year(surplus, country, year)
        then = country_year(surplus, country, base)
        values[f"{key}_surplus_twh"] = now["surplus_twh"]
        values[f"{key}_surplus_share"] = now["surplus_share_pct"]
        values[f"{key}_hydro_share"] = now["hydro_share_pct"]
        values[f"{key}_net_exports_twh"] = now["net_exports_twh"]
        values[f"{key}_net_exports_base_twh"] = then["net_exports_twh"]
        values[f"{key}_demand_growth"] = demand_growth_pct(surplus, country, base, year)
    return values


def _share_values(
    recent: pd.DataFrame, paraguay: pd.DataFrame, ethiopia: pd.DataFrame
) -> dict[str, float | None]:
    """Paraguay's share in the latest map and its earliest estimate; Ethiopia's statements."""
    geo = paraguay[paraguay["basis"] == "geographic estimate"]
    in_map = geo[geo["map"].notna()].sort_values("year")
    earliest = geo.sort_values("year").iloc[0]
    in_map_all = recent[recent["map"] == in_map["map"].iloc[-1]]
    said = ethiopia[ethiopia["basis"] == "statement"]
    return {
        "paraguay_map_share": in_map["share_pct_low"].iloc[-1],
        "paraguay_map_rank": map_rank(in_map_all, "Paraguay"),
        "paraguay_countries_above": map_rank(in_map_all, "Paraguay") - 1.0,
        "paraguay_early_low": earliest["share_pct_low"],
        "paraguay_early_high": earliest["share_pct_high"],
        "paraguay_early_year": earliest["year"],
        "ethiopia_stated_low": said["share_pct_low"].min(),
        "ethiopia_stated_high": said["share_pct_high"].max(),
        "ethiopia_geographic_rows": float((ethiopia["basis"] == "geographic estimate").sum()),
    }


SURPLUS_GONE = MarginRule(
    "SURPLUS",
    FigureSpec("surplus_flip", "Surplus at which the verdict flips", "twh"),
    "below",
    Verdict.PARTLY_SUPPORTED,
    "Partly supported if the smaller surplus were at or below {surplus_flip}.",
)
ETHIOPIA_MEASURED = MarginRule(
    "ethiopia_geographic_rows",
    FigureSpec("ethiopia_rows_flip", "Geographic estimates for Ethiopia needed", "count"),
    "above",
    Verdict.SUPPORTED,
    "Supported if more than {ethiopia_rows_flip} geographic estimates for Ethiopia "
    "(a map, not a miner's statement) were in the data.",
)


def _hydro_margin(values: dict[str, float | None], verdict: Verdict) -> Margin | None:
    """Supported turns on the smaller surplus staying above zero; partly, with both
    surpluses positive, on a geographic estimate for Ethiopia appearing."""
    surpluses = {c: values[f"{c.lower()}_surplus_twh"] for c in HYDRO_COUNTRIES}
    if verdict is Verdict.SUPPORTED:
        country = min(surpluses, key=lambda c: surpluses[c] or 0.0)
        rule = SURPLUS_GONE
        named = MarginRule(
            f"{country.lower()}_surplus_twh",
            rule.threshold,
            rule.direction,
            rule.flips_to,
            rule.sentence.replace("the smaller surplus", country + "'s surplus"),
        )
        return named.at(0.0)
    if all((v or 0.0) > 0 for v in surpluses.values()) and values["ethiopia_geographic_rows"] == 0:
        return ETHIOPIA_MEASURED.at(0.0)
    return None


def assess_hydro_migration(
    owid_energy: pd.DataFrame,
    country_hashrate_recent: pd.DataFrame,
    china_crackdown_day: pd.Timestamp,
) -> Assessment:
    """Paraguay and Ethiopia: a hydro surplus in OWID and a rising share in later sources."""
    surplus = hydro_surplus(owid_energy)
    year = latest_energy_year(surplus)
    base = china_crackdown_day.year
    paraguay = country_share_range(country_hashrate_recent, "Paraguay")
    ethiopia = country_share_range(country_hashrate_recent, "Ethiopia")
    figures = HYDRO_FIGURES.fill(
        energy_year=year,
        base_year=base,
        **_surplus_values(surplus, base, year),
        **_share_values(country_hashrate_recent, paraguay, ethiopia),
    )
    geo = paraguay[paraguay["basis"] == "geographic estimate"]
    in_map = geo[geo["map"].notna()]
    both_surplus = all(country_year(surplus, c, year)["surplus_twh"] > 0 for c in HYDRO_COUNTRIES)
    measured = not in_map.empty and bool((ethiopia["basis"] == "geographic estimate").any())
    verdict = Verdict.SUPPORTED if both_surplus and measured else Verdict.PARTLY_SUPPORTED
    return Assessment(
        verdict=verdict,
        summary=HYDRO_SUMMARY,
        figures=figures,
        method=HYDRO_METHOD,
        limits=HYDRO_LIMITS,
        needs=HYDRO_NEEDS,
        citations=row_citations(pd.concat([paraguay, ethiopia])),
        tables={"surplus": surplus},
        margin=_hydro_margin({f.name: f.value for f in figures}, verdict),
    )
