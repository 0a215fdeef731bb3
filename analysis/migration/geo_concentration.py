"""Geographic concentration of hashrate (countries) beside operational concentration (pools),
both measured with :mod:`analysis.measures.concentration`, with a residual group read as a bound.

Cambridge's 'Other' and the pools' 'unknown' are residual groups, not a country or a pool.
The HHI is bounded on both sides: at least the sum of squares of the named groups (the
residual split into many tiny groups) and at most that plus the residual's square (the
residual as one group). The share of the largest named group is exact whenever it exceeds
the residual's whole share.

The named measures here (``monthly_country_shares``, ``monthly_country_concentration``,
``latest_map_concentration``) are computed once per build for every migration claim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import pandas as pd

from analysis.measures.concentration import hhi, nakamoto_coefficient, shares_by_period, top_n_share
from analysis.result import Citation, Figure, measure, text_of

RESIDUAL_COUNTRY = "Other"
RESIDUAL_POOL = "unknown"

# Cambridge's names, written as the curated sources write them.
COUNTRY_NAMES = {
    "Mainland China": "China",
    "Russian Federation": "Russia",
    "Iran, Islamic Rep.": "Iran",
    "Germany *": "Germany",
    "Ireland *": "Ireland",
}


def country_shares_by_month(country_shares: pd.DataFrame) -> pd.DataFrame:
    """Cambridge's monthly shares as ``period``, ``group`` (common country names), ``share_pct``."""
    frame = country_shares.rename(columns={"date": "period", "country": "group"})
    frame["group"] = frame["group"].astype("string").replace(COUNTRY_NAMES)
    return frame[["period", "group", "share_pct"]].sort_values(
        ["period", "share_pct"], ascending=[True, False], ignore_index=True
    )


def pool_shares_by_month(blocks: pd.DataFrame) -> pd.DataFrame:
    """Each pool's share (%) of the blocks found in each calendar month (``period`` = month start)."""
    frame = blocks.assign(month=blocks["date"].dt.to_period("M").dt.to_timestamp())
    return shares_by_period(frame, "month", "pool_slug")


def pool_shares_by_year(blocks: pd.DataFrame) -> pd.DataFrame:
    """Each pool's share (%) of the blocks found in each calendar year (``period`` = year)."""
    frame = blocks.assign(year=blocks["date"].dt.year)
    return shares_by_period(frame, "year", "pool_slug")


def bounded_concentration(shares: pd.DataFrame, residual: str) -> pd.DataFrame:
    """Per period: HHI bounds with ``residual`` as many tiny groups or as one, and the largest share.

    ``shares`` has columns ``period``, ``group``, ``share_pct`` (shares of the whole, residual
    included). Returns ``period``, ``hhi_low``, ``hhi_high``, ``hhi_without_residual`` (named
    groups rescaled to sum to 100), ``largest_pct``, ``largest_group``, ``largest_is_exact``,
    ``top2_pct``, ``majority_groups`` (named groups needed to pass half), ``residual_pct``.
    """
    rows = []
    # which rows are the residual, found once for the whole table (string comparisons are slow)
    marked = shares.assign(_residual=(shares["group"] == residual).to_numpy(bool, na_value=False))
    for period, part in marked.groupby("period", sort=True, observed=True):
        is_residual = part["_residual"].to_numpy()
        named = part[~is_residual]
        s = named["share_pct"].astype("float64")
        rest = float(part.loc[is_residual, "share_pct"].sum())
        leader = str(named["group"].iloc[int(s.to_numpy().argmax())]) if len(named) else None
        largest = top_n_share(s, 1)
        low = hhi(s)
        try:
            majority: float = float(nakamoto_coefficient(s))
        except ValueError:  # the named groups alone never pass half
            majority = float("nan")
        rows.append(
            {
                "period": period,
                "hhi_low": low,
                "hhi_high": low + rest**2,
                "hhi_without_residual": hhi(100.0 * s / s.sum()) if s.sum() > 0 else float("nan"),
                "largest_pct": largest,
                "largest_group": leader,
                "largest_is_exact": largest >= rest,
                "top2_pct": top_n_share(s, 2),
                "majority_groups": majority,
                "residual_pct": rest,
            }
        )
    return pd.DataFrame(rows)


def map_shares(recent: pd.DataFrame, map_name: str) -> pd.DataFrame:
    """The countries of one published map as ``period``, ``group``, ``share_pct``, with the
    unlisted remainder as the residual group ``Other``."""
    rows = recent[recent["map"] == map_name]
    if rows.empty:
        raise ValueError(f"no rows of the map {map_name!r}")
    if (rows["share_pct_low"] != rows["share_pct_high"]).any():
        raise ValueError(f"the map {map_name!r} holds a range; its shares must be points")
    listed = pd.DataFrame(
        {
            "period": map_name,
            "group": rows["country"].astype(str),
            "share_pct": rows["share_pct_low"],
        }
    )
    rest = max(0.0, 100.0 - float(listed["share_pct"].sum()))
    residual = pd.DataFrame(
        {"period": [map_name], "group": [RESIDUAL_COUNTRY], "share_pct": [rest]}
    )
    return pd.concat([listed, residual], ignore_index=True)


def latest_map(recent: pd.DataFrame) -> str:
    """The name of the most recent published geographic map in the curated table."""
    maps = recent[recent["map"].notna() & (recent["basis"] == "geographic estimate")]
    if maps.empty:
        raise ValueError("the curated table holds no geographic map")
    return str(maps.sort_values(["year", "map"]).iloc[-1]["map"])


def geographic_and_pool_index(
    monthly_country_concentration: pd.DataFrame, blocks: pd.DataFrame
) -> pd.DataFrame:
    """The country and pool concentration bounds for the months both tables cover.

    Columns ``period``, then ``geo_`` and ``pool_`` versions of the
    :func:`bounded_concentration` columns.
    """
    geo = monthly_country_concentration
    pool = bounded_concentration(pool_shares_by_month(blocks), RESIDUAL_POOL)
    merged = geo.add_prefix("geo_").merge(
        pool.add_prefix("pool_"), left_on="geo_period", right_on="pool_period", how="inner"
    )
    merged = merged.rename(columns={"geo_period": "period"}).drop(columns="pool_period")
    return merged.sort_values("period", ignore_index=True)


_MONTH_YEAR = re.compile(
    r"^(January|February|March|April|May|June|July|August|September|October|November|December) (\d{4})$"
)
_QUARTER = re.compile(r"^Q([1-4]) (\d{4})")


def period_midpoint(date_or_period: str, year: int) -> pd.Timestamp:
    """A date to plot a published value at: the middle of its quarter or month when the text
    names one ("Q4 2025", "May 2023"), else the middle of ``year``."""
    text = date_or_period.strip()
    quarter = _QUARTER.match(text)
    if quarter:
        first_month = 3 * int(quarter.group(1)) - 2
        return pd.Timestamp(int(quarter.group(2)), first_month + 1, 15)
    month = _MONTH_YEAR.match(text)
    if month:
        return pd.Timestamp(f"15 {month.group(1)} {month.group(2)}")
    return pd.Timestamp(year, 7, 1)


def published_points(recent: pd.DataFrame) -> pd.DataFrame:
    """The curated later shares of where machines are (geographic estimates) as points:
    ``date``, ``country``, ``share_pct`` (the middle of a range), ``low``, ``high``,
    ``estimator``, ``label``. Survey, projection, pool-headquarters and bare statement rows
    are left out: they measure something else."""
    rows = recent[recent["basis"] == "geographic estimate"]
    low = rows["share_pct_low"].fillna(rows["share_pct_high"])
    high = rows["share_pct_high"].fillna(rows["share_pct_low"])
    dates = [
        period_midpoint(str(p), int(y))
        for p, y in zip(rows["date_or_period"], rows["year"], strict=True)
    ]
    return pd.DataFrame(
        {
            "date": pd.to_datetime(pd.Series(dates, index=rows.index)),
            "country": rows["country"].astype(str),
            "share_pct": (low + high) / 2.0,
            "low": low,
            "high": high,
            "estimator": rows["estimator"].astype(str),
            "label": rows["label"].astype(str),
        }
    ).reset_index(drop=True)


def later_points(monthly_country_shares: pd.DataFrame, recent: pd.DataFrame) -> pd.DataFrame:
    """Published geographic shares dated after the last Cambridge month."""
    points = published_points(recent)
    last = pd.Timestamp(monthly_country_shares["period"].max()) + pd.offsets.MonthEnd(1)
    later: pd.DataFrame = points[points["date"] > last].reset_index(drop=True)
    return later


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


@dataclass(frozen=True)
class MapConcentration:
    """The latest published map: its name, year, the day to plot it at, and its
    :func:`bounded_concentration` row (the unlisted remainder as the residual)."""

    name: str
    year: float
    date: pd.Timestamp
    row: pd.Series

    def named_in(self, figures: tuple[Figure, ...]) -> tuple[Figure, ...]:
        """``figures`` with the map's name in place of ``{map}`` in their declared labels."""
        return tuple(replace(f, label=f.label.replace("{map}", self.name)) for f in figures)


@measure
def monthly_country_shares(country_shares: pd.DataFrame) -> pd.DataFrame:
    """Cambridge's monthly country shares (see :func:`country_shares_by_month`)."""
    return country_shares_by_month(country_shares)


@measure
def monthly_country_concentration(monthly_country_shares: pd.DataFrame) -> pd.DataFrame:
    """The bounded country concentration of each Cambridge month."""
    return bounded_concentration(monthly_country_shares, RESIDUAL_COUNTRY)


@measure
def latest_map_concentration(country_hashrate_recent: pd.DataFrame) -> MapConcentration:
    """The bounded country concentration of the latest published map."""
    recent = country_hashrate_recent
    name = latest_map(recent)
    rows = recent[recent["map"] == name]
    return MapConcentration(
        name=name,
        year=float(rows["year"].max()),
        date=published_points(rows)["date"].max(),
        row=bounded_concentration(map_shares(recent, name), RESIDUAL_COUNTRY).iloc[0],
    )
