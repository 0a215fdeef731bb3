"""Regional migration of mining: China's fall and the rise of the United States and
Kazakhstan in Cambridge's map beside the later published maps, and the China ban shock.
The helpers here are shared by :mod:`analysis.migration.hydro` (Paraguay and Ethiopia) and
:mod:`analysis.migration.index` (the country index beside the pool index).
"""

from __future__ import annotations

import pandas as pd

from analysis.migration.ban_shock import ban_shock, date_of_ordinal, hashrate_ehs
from analysis.migration.geo_concentration import (
    RESIDUAL_COUNTRY,
    bounded_concentration,
    country_shares_by_month,
    latest_map,
    map_shares,
    published_points,
)
from analysis.result import Assessment, Citation, Figure, Verdict, text_of


def ordinal_of(day: pd.Timestamp | None) -> float | None:
    """A day as its proleptic ordinal (the value of a ``date`` or ``month`` figure), or None."""
    return None if day is None or pd.isna(day) else float(day.date().toordinal())


def row_citations(rows: pd.DataFrame) -> tuple[Citation, ...]:
    """One citation per row of the curated country table, with its normalisation note."""
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


def map_concentration(recent: pd.DataFrame) -> tuple[str, pd.Series]:
    """The latest published map's name and its bounded concentration row."""
    name = latest_map(recent)
    return name, bounded_concentration(map_shares(recent, name), RESIDUAL_COUNTRY).iloc[0]


def geo_months(country_shares: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Cambridge's monthly country shares and their bounded concentration per month."""
    shares = country_shares_by_month(country_shares)
    return shares, bounded_concentration(shares, RESIDUAL_COUNTRY)


def assess_cost_driven_migration(
    country_shares: pd.DataFrame,
    country_hashrate_recent: pd.DataFrame,
    hashrate: pd.DataFrame,
    china_mining_crackdown_date: float,
) -> Assessment:
    """A migration happened, but the largest move in the data followed a ban, not prices."""
    shares, _ = geo_months(country_shares)
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
        Figure("first_month", "First month of the Cambridge map", ordinal_of(first), "month"),
        Figure(
            "pre_ban_month", "Last full month before the crackdown", ordinal_of(pre_ban), "month"
        ),
        Figure("last_month", "Last month of the Cambridge map", ordinal_of(last), "month"),
        Figure(
            "ban_drop_pct",
            "Fall of network hashrate from the pre-ban peak",
            shock.drop_pct,
            "percent",
        ),
        Figure(
            "recovery_date",
            "First day back at the pre-ban peak",
            ordinal_of(shock.recovery_date),
            "date",
        ),
    )
    points = later_points(country_shares, country_hashrate_recent)
    moved = china[last] < china[first]
    return Assessment(
        verdict=Verdict.PARTLY_SUPPORTED if moved else Verdict.CONTRADICTED,
        summary=(
            "A migration did reshape the map: from {first_month} to {last_month} China's share "
            "went from {china_share_first} to {china_share_last}, the United States' from "
            "{us_share_first} to {us_share_last} and Kazakhstan's from {kazakhstan_share_first} to "
            "{kazakhstan_share_last}. Part of China's fall ({china_fall_before_ban_pp}) came "
            "before the crackdown, which fits a search for cheaper power among other causes, but "
            "the abrupt part ({china_fall_after_ban_pp}) followed China's crackdown of "
            "{china_mining_crackdown_date}, a regulatory push: network hashrate fell "
            "{ban_drop_pct} from its pre-ban peak and regained it only on {recovery_date}. The "
            "data show the move, not that energy costs forced it."
            if moved
            else "Cambridge's map shows no move away from China: from {first_month} to "
            "{last_month} its share went from {china_share_first} to {china_share_last}."
        ),
        figures=figures,
        method=(
            "Country shares are Cambridge's monthly mining map. China's change is split at the last "
            "full month before the crackdown ({pre_ban_month}): {china_fall_before_ban_pp} before, "
            "{china_fall_after_ban_pp} after. The ban shock is the fall of the network hashrate "
            "from its highest value before the crackdown to its lowest before the peak was "
            "regained. Later published maps are shown beside Cambridge's months as separate "
            "sources. The claim counts as partly supported when China's share fell (a migration "
            "happened, though the data cannot show that energy costs forced it) and as "
            "contradicted when it did not."
        ),
        limits=(
            "Cambridge's map ends in {last_month} and counts only its partner pools' miners by IP "
            "address; it shows China at zero in the summer months after the crackdown, which "
            "VPNs and proxies can explain, and at {china_share_last} by its last month. The data "
            "show where hashrate went, not why each miner moved; the fall before the crackdown "
            "may reflect cheaper power elsewhere, seasonal hydro or earlier Chinese restrictions."
        ),
        needs=(
            "Monthly country shares after Cambridge's map ended, from one estimator with a stated "
            "method, and operators' reasons for relocating (a survey asking whether energy cost or "
            "regulation decided each move)."
        ),
        citations=row_citations(
            country_hashrate_recent[country_hashrate_recent["label"].isin(points["label"])]
        ),
        tables={"shares": shares, "later": points},
    )


def assess_political_vulnerability(
    country_shares: pd.DataFrame,
    country_hashrate_recent: pd.DataFrame,
    hashrate: pd.DataFrame,
    china_mining_crackdown_date: float,
) -> Assessment:
    """The ban showed the risk of one jurisdiction; the largest jurisdiction's share has halved."""
    shares, geo = geo_months(country_shares)
    ban = date_of_ordinal(china_mining_crackdown_date)
    shock = ban_shock(hashrate, ban)
    name, mapped = map_concentration(country_hashrate_recent)
    pools = country_hashrate_recent[country_hashrate_recent["basis"] == "pool headquarters"]
    china_pools = pools[pools["country"] == "China"]
    china_pre_ban = share_on(shares, "China", last_month_before(shares, ban))
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
            china_pre_ban,
            "percent",
        ),
        Figure("peak_ehs", "Pre-ban peak hashrate", shock.peak_ehs, "ehs"),
        Figure("peak_date", "Date of the pre-ban peak", ordinal_of(shock.peak_date), "date"),
        Figure("trough_ehs", "Lowest hashrate after the crackdown", shock.trough_ehs, "ehs"),
        Figure("trough_date", "Date of the lowest hashrate", ordinal_of(shock.trough_date), "date"),
        Figure(
            "recovery_date",
            "First day back at the pre-ban peak",
            ordinal_of(shock.recovery_date),
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
    verdict, summary = _vulnerability_verdict(
        shock.drop_pct, float(mapped["largest_pct"]), china_pre_ban
    )
    return Assessment(
        verdict=verdict,
        summary=summary,
        figures=figures,
        method=(
            "The network hashrate (blockchain.com's seven-day average) is read around the crackdown date "
            "({china_mining_crackdown_date}): its highest value before ({peak_date}), its lowest "
            "after ({trough_date}) and the first day back at the peak, {days_to_recover} days "
            "after it. The largest country's share is taken from Cambridge's first month and from "
            "the latest published map. The claim counts as supported when the crackdown cut the "
            "hashrate and the largest country now holds less than China held when it acted; as "
            "partly supported when only one of the two holds."
        ),
        limits=(
            "A smaller largest share lowers the exposure to one state's action; it does not "
            "measure it, and other shocks (storms, grid curtailment) are not in the data. Where "
            "the machines are is not where the pools are based: pools based in China were "
            "reported at about {china_pools_share} of hashrate, so the operational layer keeps a "
            "single-jurisdiction exposure."
        ),
        citations=row_citations(china_pools),
        tables={"hashrate": window},
    )


def _vulnerability_verdict(
    drop_pct: float, largest_now_pct: float, china_pre_ban_pct: float
) -> tuple[Verdict, str]:
    """Supported when the ban cut the hashrate and no country now holds as much as China did."""
    shock = drop_pct > 0
    smaller = largest_now_pct < china_pre_ban_pct
    first = (
        "The one test in the data shows the risk the sentence describes: with China at "
        "{china_share_pre_ban}, its crackdown cut network hashrate by {ban_drop_pct}, from "
        "{peak_ehs} to {trough_ehs}, and the peak was regained only on {recovery_date}."
        if shock
        else "China's crackdown, with China at {china_share_pre_ban}, did not lower the network "
        "hashrate in the data."
    )
    second = (
        " The largest country's share has since fallen from {largest_country_first} to "
        "{largest_country_map}, so one government's action now reaches less of the network."
        if smaller
        else " The largest country now holds {largest_country_map}, no less than China held "
        "when it acted, so the exposure to one government has not shrunk."
    )
    if shock and smaller:
        return Verdict.SUPPORTED, first + second
    if shock or smaller:
        return Verdict.PARTLY_SUPPORTED, first + second
    return Verdict.CONTRADICTED, first + second


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


def assess_industrial_scale(
    country_hashrate_recent: pd.DataFrame, us_listed_miners_share_pct: float
) -> Assessment:
    """Who moved: listed mining companies' share of the network beside the US share of the
    latest map. No share of small or home miners is in the data."""
    newest = latest_map(country_hashrate_recent)
    us_rows = map_shares(country_hashrate_recent, newest)
    us_share = float(us_rows.loc[us_rows["group"] == "United States", "share_pct"].sum())
    figures = (
        Figure(
            "us_listed_share",
            "Network share of US-listed mining companies",
            us_listed_miners_share_pct,
            "percent",
        ),
        Figure("us_map_share", "United States share in the latest map", us_share, "percent"),
        Figure(
            "listed_over_us",
            "US-listed companies' share over the US map share",
            us_listed_miners_share_pct / us_share if us_share > 0 else None,
            "ratio",
        ),
    )
    return Assessment(
        verdict=Verdict.PARTLY_SUPPORTED,
        summary=(
            "US-listed mining companies alone held {us_listed_share} of the network by "
            "JPMorgan's count, against {us_map_share} for the whole United States, the main "
            "destination of the migration, in the latest map. No source gives the share of "
            "small or home miners, so 'rather than distributed participation' is not measured."
        ),
        figures=figures,
        method=(
            "Sets the reported network share of US-listed miners (a figure of companies, "
            "wherever their sites are) beside the United States' share in the most recent "
            "published map in the curated table. Their ratio, {listed_over_us}, is a scale, "
            "not a share of the US: listed companies also run sites abroad. The claim counts as "
            "partly supported while only its industrial half is measured: no figure for small "
            "miners can support or contradict the other half."
        ),
        limits=(
            "One secondary report of a bank's estimate; the two figures come from different "
            "estimators and months. Listed firms are not the only industrial miners, so the "
            "industrial share is larger than this, by an unknown amount."
        ),
        needs=(
            "Hashrate by operator size (or by site capacity in megawatts) per country over "
            "time, for example from a census of mining sites or a survey such as Cambridge's "
            "mining industry survey broken down by company size."
        ),
    )
