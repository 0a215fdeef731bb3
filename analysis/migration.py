"""Regional migration of mining: China's fall and the rise of the United States and
Kazakhstan in Cambridge's map, the later published maps, the hydro surplus of Paraguay and
Ethiopia, the China ban shock, and the geographic index beside the pool index.
"""

from __future__ import annotations

import pandas as pd

from analysis.ban_shock import ban_shock, date_of_ordinal, hashrate_ehs
from analysis.geo_concentration import (
    RESIDUAL_COUNTRY,
    RESIDUAL_POOL,
    bounded_concentration,
    country_shares_by_month,
    geographic_and_pool_index,
    latest_map,
    map_shares,
    pool_shares_by_year,
    published_points,
)
from analysis.hydro_surplus import country_year, demand_growth_pct, hydro_surplus
from analysis.hydro_surplus import latest_complete_year as latest_energy_year
from analysis.result import Assessment, Citation, Figure, Verdict, text_of

HYDRO_COUNTRIES = ("Paraguay", "Ethiopia")


def _ordinal(day: pd.Timestamp | None) -> float | None:
    return None if day is None or pd.isna(day) else float(day.date().toordinal())


def _citations(rows: pd.DataFrame) -> tuple[Citation, ...]:
    return tuple(
        Citation(
            text_of(r["source_title"]),
            text_of(r["source_address"]),
            text_of(r["excerpt"]),
            text_of(r["normalisation"]),
        )
        for _, r in rows.iterrows()
    )


def share_on(shares: pd.DataFrame, country: str, period: pd.Timestamp) -> float:
    """``country``'s Cambridge share (%) in the month ``period`` (shares from
    :func:`country_shares_by_month`); zero when the month lists it at zero."""
    rows = shares[(shares["period"] == period) & (shares["group"] == country)]
    if len(rows) != 1:
        raise ValueError(f"expected one share for {country} in {period:%B %Y}, found {len(rows)}")
    return float(rows["share_pct"].iloc[0])


def last_month_before(shares: pd.DataFrame, day: pd.Timestamp) -> pd.Timestamp:
    """The last month of the table that ends before ``day`` (a full month before it)."""
    months = pd.Series(shares["period"].unique())
    full = months[months + pd.offsets.MonthBegin(1) <= day]
    if full.empty:
        raise ValueError(f"no full month before {day:%d %B %Y}")
    return pd.Timestamp(full.max())


def later_points(country_shares: pd.DataFrame, recent: pd.DataFrame) -> pd.DataFrame:
    """Published geographic shares dated after the last Cambridge month."""
    points = published_points(recent)
    last = pd.Timestamp(country_shares["date"].max()) + pd.offsets.MonthEnd(1)
    later: pd.DataFrame = points[points["date"] > last].reset_index(drop=True)
    return later


def _map_concentration(recent: pd.DataFrame) -> tuple[str, pd.Series]:
    name = latest_map(recent)
    return name, bounded_concentration(map_shares(recent, name), RESIDUAL_COUNTRY).iloc[0]


def _geo_months(country_shares: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    shares = country_shares_by_month(country_shares)
    return shares, bounded_concentration(shares, RESIDUAL_COUNTRY)


def full_years(blocks: pd.DataFrame) -> list[int]:
    """Calendar years the block table covers from January to December."""
    dates = blocks["date"]
    years = dates.dt.year
    first = dates.groupby(years).min().dt.month
    last = dates.groupby(years).max().dt.month
    return [int(y) for y in first.index if first[y] == 1 and last[y] == 12]


def assess_cost_driven_migration(
    country_shares: pd.DataFrame,
    country_hashrate_recent: pd.DataFrame,
    hashrate: pd.DataFrame,
    china_mining_crackdown_date: float,
) -> Assessment:
    """A migration happened, but the largest move in the data followed a ban, not prices."""
    shares, _ = _geo_months(country_shares)
    first, last = shares["period"].min(), shares["period"].max()
    ban = date_of_ordinal(china_mining_crackdown_date)
    pre_ban = last_month_before(shares, ban)
    shock = ban_shock(hashrate, ban)
    china = {p: share_on(shares, "China", p) for p in (first, pre_ban, last)}
    figures = (
        Figure(
            "china_share_fall_pp",
            "Change in China's share",
            china[last] - china[first],
            "percentage_points",
        ),
        Figure("china_share_first", "China's share, first month", china[first], "percent"),
        Figure(
            "china_share_pre_ban",
            "China's share, last full month before the crackdown",
            china[pre_ban],
            "percent",
        ),
        Figure("china_share_last", "China's share, last month", china[last], "percent"),
        Figure(
            "china_fall_before_ban_pp",
            "Change in China's share before the crackdown",
            china[pre_ban] - china[first],
            "percentage_points",
        ),
        Figure(
            "china_fall_after_ban_pp",
            "Change in China's share after the crackdown",
            china[last] - china[pre_ban],
            "percentage_points",
        ),
        Figure(
            "us_share_first",
            "United States' share, first month",
            share_on(shares, "United States", first),
            "percent",
        ),
        Figure(
            "us_share_last",
            "United States' share, last month",
            share_on(shares, "United States", last),
            "percent",
        ),
        Figure(
            "kazakhstan_share_first",
            "Kazakhstan's share, first month",
            share_on(shares, "Kazakhstan", first),
            "percent",
        ),
        Figure(
            "kazakhstan_share_last",
            "Kazakhstan's share, last month",
            share_on(shares, "Kazakhstan", last),
            "percent",
        ),
        Figure("first_month", "First month of the Cambridge map", _ordinal(first), "date"),
        Figure("pre_ban_month", "Last full month before the crackdown", _ordinal(pre_ban), "date"),
        Figure("last_month", "Last month of the Cambridge map", _ordinal(last), "date"),
        Figure(
            "ban_drop_pct",
            "Fall of network hashrate from the pre-ban peak",
            shock.drop_pct,
            "percent",
        ),
        Figure(
            "recovery_date",
            "First day back at the pre-ban peak",
            _ordinal(shock.recovery_date),
            "date",
        ),
    )
    points = later_points(country_shares, country_hashrate_recent)
    return Assessment(
        verdict=Verdict.PARTLY_SUPPORTED,
        summary=(
            "A migration did reshape the map: from {first_month} to {last_month} China's share "
            "went from {china_share_first} to {china_share_last}, the United States' from "
            "{us_share_first} to {us_share_last} and Kazakhstan's from {kazakhstan_share_first} to "
            "{kazakhstan_share_last}. Part of China's fall ({china_fall_before_ban_pp}) came "
            "before the crackdown, which fits a search for cheaper power among other causes, but "
            "the abrupt part "
            "({china_fall_after_ban_pp}) followed China's crackdown of "
            "{china_mining_crackdown_date}, a regulatory push: network hashrate fell "
            "{ban_drop_pct} from its pre-ban peak and regained it only on {recovery_date}. The "
            "data show the move, not that energy costs forced it."
        ),
        figures=figures,
        method=(
            "Country shares are Cambridge's monthly mining map. China's change is split at the last "
            "full month before the crackdown ({pre_ban_month}): {china_fall_before_ban_pp} before, "
            "{china_fall_after_ban_pp} after. The ban shock is the fall of the network hashrate "
            "from its highest value before the crackdown to its lowest before the peak was "
            "regained. Later published maps are shown beside Cambridge's months as separate sources."
        ),
        limits=(
            "Cambridge's map ends in {last_month} and counts only its partner pools' miners by IP "
            "address; it shows China at zero in the summer months after the crackdown, which VPNs and proxies can "
            "explain, and at {china_share_last} by its last month. The data show where hashrate "
            "went, not why each miner moved; the fall before the crackdown may reflect cheaper "
            "power elsewhere, seasonal hydro or earlier Chinese restrictions."
        ),
        needs=(
            "Monthly country shares after Cambridge's map ended, from one estimator with a stated "
            "method, and operators' reasons for relocating (a survey asking whether energy cost or "
            "regulation decided each move)."
        ),
        citations=_citations(
            country_hashrate_recent[country_hashrate_recent["label"].isin(points["label"])]
        ),
        tables={"shares": shares, "later": points},
    )


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
    verdict = Verdict.SUPPORTED if both_surplus and not in_map.empty else Verdict.PARTLY_SUPPORTED
    return Assessment(
        verdict=verdict,
        summary=(
            "Both countries run on hydro and generate more than they use: in {energy_year} "
            "Paraguay's surplus was {paraguay_surplus_twh} ({paraguay_surplus_share} of generation, "
            "hydro {paraguay_hydro_share}), Ethiopia's {ethiopia_surplus_twh} "
            "({ethiopia_surplus_share}, hydro {ethiopia_hydro_share}). Paraguay's share of "
            "hashrate went from an estimated {paraguay_early_low} to {paraguay_early_high} in "
            "{paraguay_early_year} to {paraguay_map_share} in the latest map, where it ranks "
            "{paraguay_map_rank}th; Ethiopia's is given only by statements, from "
            "{ethiopia_stated_low} to {ethiopia_stated_high}."
        ),
        figures=tuple(figures),
        method=(
            "Surplus is generation minus demand in Our World in Data's energy table; net exports "
            "are its net imports with the sign turned. Since {base_year} Paraguay's demand grew "
            "{paraguay_demand_growth} and its net exports went from {paraguay_net_exports_base_twh} "
            "to {paraguay_net_exports_twh}; Ethiopia's demand grew {ethiopia_demand_growth}. Shares "
            "of hashrate come from the curated later table, read by basis: geographic maps apart "
            "from statements and projections."
        ),
        limits=(
            "OWID does not split demand by user, so the growth of demand is consistent with "
            "mining load but does not measure it. Cambridge's map puts both countries inside "
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
        citations=_citations(pd.concat([paraguay, ethiopia])),
        tables={"surplus": surplus},
    )


def _geo_figures(country_shares: pd.DataFrame, recent: pd.DataFrame) -> list[Figure]:
    _, geo = _geo_months(country_shares)
    first, last = geo.iloc[0], geo.iloc[-1]
    name, mapped = _map_concentration(recent)
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
            "first_month", "First month of the Cambridge map", _ordinal(first["period"]), "date"
        ),
        Figure("last_month", "Last month of the Cambridge map", _ordinal(last["period"]), "date"),
        Figure(
            "map_year",
            f"Year of {name}",
            float(recent.loc[recent["map"] == name, "year"].max()),
            "year",
        ),
    ]


def _geo_table(country_shares: pd.DataFrame, recent: pd.DataFrame) -> pd.DataFrame:
    _, geo = _geo_months(country_shares)
    name, mapped = _map_concentration(recent)
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
    value = {f.name: f.value for f in figures}
    fell = (value["map_hhi_high"] or 0.0) < (value["geo_hhi_first_low"] or 0.0)
    return Assessment(
        verdict=Verdict.SUPPORTED if fell else Verdict.PARTLY_SUPPORTED,
        summary=(
            "Geographic concentration fell by at least {geo_hhi_fall_pct}: the country HHI "
            "went from {geo_hhi_first_low} to "
            "{geo_hhi_first_high} in Cambridge's first month ({first_month}) to {geo_hhi_last_low} "
            "to {geo_hhi_last_high} in its last ({last_month}) and {map_hhi_low} to {map_hhi_high} in the latest map ({map_year}); "
            "the largest country's share fell from {largest_country_first} to "
            "{largest_country_map}. It remains above the {merger_guidelines_hhi_high} line of "
            "high concentration."
        ),
        figures=tuple(figures),
        method=(
            "The HHI is the sum of squared country shares. Cambridge's 'Other' and the share a "
            "published map leaves unlisted ({map_residual}) are residuals, so each HHI is a range: "
            "the residual split into many tiny countries (low) or counted as one (high). The "
            "number of countries needed to pass half went from {majority_countries_first} to "
            "{majority_countries_map}."
        ),
        limits=(
            "Cambridge and the later map are different estimators; the later map is known only "
            "from a news report of its leading countries. Country counts say nothing about how "
            "many operators run the machines inside each country."
        ),
        tables={"hhi": _geo_table(country_shares, country_hashrate_recent)},
    )


def assess_political_vulnerability(
    country_shares: pd.DataFrame,
    country_hashrate_recent: pd.DataFrame,
    hashrate: pd.DataFrame,
    china_mining_crackdown_date: float,
) -> Assessment:
    """The ban showed the risk of one jurisdiction; the largest jurisdiction's share has halved."""
    shares, geo = _geo_months(country_shares)
    ban = date_of_ordinal(china_mining_crackdown_date)
    shock = ban_shock(hashrate, ban)
    name, mapped = _map_concentration(country_hashrate_recent)
    pools = country_hashrate_recent[country_hashrate_recent["basis"] == "pool headquarters"]
    china_pools = pools[pools["country"] == "China"]
    figures = (
        Figure(
            "ban_drop_pct",
            "Fall of network hashrate from the pre-ban peak",
            shock.drop_pct,
            "percent",
        ),
        Figure(
            "china_share_pre_ban",
            "China's share, last full month before the crackdown",
            share_on(shares, "China", last_month_before(shares, ban)),
            "percent",
        ),
        Figure("peak_ehs", "Pre-ban peak hashrate", shock.peak_ehs, "ehs"),
        Figure("peak_date", "Date of the pre-ban peak", _ordinal(shock.peak_date), "date"),
        Figure("trough_ehs", "Lowest hashrate after the crackdown", shock.trough_ehs, "ehs"),
        Figure("trough_date", "Date of the lowest hashrate", _ordinal(shock.trough_date), "date"),
        Figure(
            "recovery_date",
            "First day back at the pre-ban peak",
            _ordinal(shock.recovery_date),
            "date",
        ),
        Figure(
            "days_to_recover", "Days from the peak to the recovery", shock.days_to_recover, "count"
        ),
        Figure(
            "largest_country_first",
            "Largest country's share, first Cambridge month",
            geo["largest_pct"].iloc[0],
            "percent",
        ),
        Figure(
            "largest_country_map",
            f"Largest country's share, {name}",
            mapped["largest_pct"],
            "percent",
        ),
        Figure(
            "china_pools_share",
            "Share of pools based in China (reported)",
            china_pools["share_pct_low"].max(),
            "percent",
        ),
    )
    series = hashrate_ehs(hashrate)
    window = series[
        (series["date"] >= ban - pd.DateOffset(years=1))
        & (series["date"] <= (shock.recovery_date or ban) + pd.DateOffset(months=6))
    ]
    return Assessment(
        verdict=Verdict.SUPPORTED,
        summary=(
            "The one test in the data shows the risk the sentence describes: with China at "
            "{china_share_pre_ban}, its crackdown cut network hashrate by {ban_drop_pct}, from "
            "{peak_ehs} to {trough_ehs}, and the peak was regained only on {recovery_date}. The "
            "largest country's share has since fallen from {largest_country_first} to "
            "{largest_country_map}, so one government's action now reaches less of the network."
        ),
        figures=figures,
        method=(
            "The network hashrate (blockchain.com) is read around the crackdown date "
            "({china_mining_crackdown_date}): its highest value before ({peak_date}), its lowest "
            "after ({trough_date}) and the first day back at the peak, {days_to_recover} days "
            "after it. The largest country's share is taken from Cambridge's first month and from "
            "the latest published map."
        ),
        limits=(
            "A smaller largest share lowers the exposure to one state's action; it does not "
            "measure it, and other shocks (storms, grid curtailment) are not in the data. Where "
            "the machines are is not where the pools are based: pools based in China were "
            "reported at about {china_pools_share} of hashrate, so the operational layer keeps a "
            "single-jurisdiction exposure."
        ),
        citations=_citations(china_pools),
        tables={"hashrate": window},
    )


def _pool_figures(blocks: pd.DataFrame) -> tuple[list[Figure], pd.DataFrame]:
    years = full_years(blocks)
    yearly = bounded_concentration(pool_shares_by_year(blocks), RESIDUAL_POOL)
    yearly = yearly[yearly["period"].isin(years)].reset_index(drop=True)
    first, last = yearly.iloc[0], yearly.iloc[-1]
    peak = yearly.iloc[int(yearly["hhi_low"].to_numpy().argmax())]
    return [
        Figure("pool_hhi_last", "Pool HHI, last full year (low bound)", last["hhi_low"], "hhi"),
        Figure("pool_hhi_first", "Pool HHI, first full year (low bound)", first["hhi_low"], "hhi"),
        Figure("pool_first_year", "First full year of blocks", first["period"], "year"),
        Figure("pool_hhi_peak", "Pool HHI, highest year (low bound)", peak["hhi_low"], "hhi"),
        Figure("pool_peak_year", "Year of the highest pool HHI", peak["period"], "year"),
        Figure(
            "pool_hhi_last_high", "Pool HHI, last full year (high bound)", last["hhi_high"], "hhi"
        ),
        Figure("pool_last_year", "Last full year of blocks", last["period"], "year"),
        Figure(
            "pool_top2_last",
            "Two largest pools' share, last full year",
            last["top2_pct"],
            "percent",
        ),
        Figure(
            "majority_pools_last",
            "Pools needed to pass half, last full year",
            last["majority_groups"],
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
            "overlap_first", "First month both indexes cover", _ordinal(first["period"]), "date"
        ),
        Figure("overlap_last", "Last month both indexes cover", _ordinal(last["period"]), "date"),
        Figure("overlap_geo_first", "Country HHI, first common month", first["geo_hhi_low"], "hhi"),
        Figure("overlap_geo_last", "Country HHI, last common month", last["geo_hhi_low"], "hhi"),
        Figure("overlap_pool_first", "Pool HHI, first common month", first["pool_hhi_low"], "hhi"),
        Figure("overlap_pool_last", "Pool HHI, last common month", last["pool_hhi_low"], "hhi"),
    ]


def assess_geo_vs_operational(
    country_shares: pd.DataFrame,
    country_hashrate_recent: pd.DataFrame,
    blocks: pd.DataFrame,
    merger_guidelines_hhi_high: float,
) -> Assessment:
    """The country HHI fell while the pool HHI rose; which one is higher today."""
    geo = _geo_figures(country_shares, country_hashrate_recent)
    pool, yearly = _pool_figures(blocks)
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
        summary=(
            "The two indexes moved the way the sentence says: the country HHI fell from "
            "{geo_hhi_first_low} ({first_month}) to {map_hhi_low} to {map_hhi_high} in the latest "
            "map, while the pool HHI rose from {pool_hhi_first} ({pool_first_year}) to "
            "{pool_hhi_peak} ({pool_peak_year}) and stood at {pool_hhi_last} in {pool_last_year}, "
            "with the two largest pools holding {pool_top2_last}. But the countries are still "
            "the more concentrated layer: even the low bound of the map ({map_hhi_low}) is above "
            "the pools, which sit below the {merger_guidelines_hhi_high} line of high "
            "concentration. Operational concentration rose toward the geography rather than "
            "remaining above it."
        ),
        figures=tuple([*pool, *geo]),
        method=(
            "Both indexes are sums of squared shares: of hashrate by country (Cambridge monthly, "
            "then the latest published map) and of blocks found by pool in each full calendar "
            "year. Residual groups ('Other', unidentified blocks) are bounded as many tiny groups "
            "(low) or one group (high). {majority_pools_last} pools pass half of the blocks in "
            "{pool_last_year}, against {majority_countries_map} countries in the latest map. In "
            "the months both tables cover ({overlap_first} to {overlap_last}) the country HHI "
            "went from {overlap_geo_first} to {overlap_geo_last} and the pool HHI from "
            "{overlap_pool_first} to {overlap_pool_last} (low bounds)."
        ),
        limits=(
            "Pool shares count blocks, which vary by luck; yearly totals smooth that. A pool is a "
            "coordinator, not an owner of machines: miners can leave a pool faster than a "
            "country, so the two indexes measure different kinds of control. Pools are counted by "
            "their tags; pools reported to build blocks from one operator's templates would count "
            "as one and raise the pool HHI, so the pool index here is a lower reading."
        ),
        needs=(
            "Pool shares and country shares from the same months and the same estimator, and "
            "which operators own the machines behind each pool, to measure operational "
            "concentration by owner rather than by coordinator."
        ),
        tables={"hhi": table},
    )


def assess_energy_determinants() -> Assessment:
    """Energy cost as the primary determinant of siting: no siting-decision data here."""
    return Assessment(
        verdict=Verdict.NOT_CHECKABLE,
        summary=(
            "The data show where hashrate went, not what decided it; no series of miners' "
            "power prices by site or of reasons for moving is in the project."
        ),
        figures=(),
        method=(
            "The claim ranks causes of siting. Country shares, hydro surpluses and national "
            "price tables can show that miners sit where power is cheap or spare, but not that "
            "cost outranks regulation, grid access, climate or political risk."
        ),
        limits="The largest move in the data followed a ban, which is not an energy cost.",
        needs=(
            "Contracted electricity prices of mining sites by country and date matched to their "
            "hashrate, or a survey of operators' reasons for siting and relocation (for example "
            "the questions of the Cambridge digital mining industry survey)."
        ),
    )
