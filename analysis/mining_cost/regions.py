"""One row per region: the cited prices mix US states, national and world averages, a
miners' survey and a company's own cost, and hold some regions more than once (New York
three times). Each row gets the kind of source it is and the region it prices, if any; of
the rows pricing one region only the newest counts, so that a verdict counts regions, not
rows."""

from __future__ import annotations

import pandas as pd

US_STATE = "United States - "
US_NATIONAL = "United States (national)"
WORLD = "World"
# price bases that price no region: a survey of miners' costs, a company's or miners' own cost
NOT_A_REGION = {
    "miner survey median": "survey of miners",
    "miner reported": "miners' or a company's own cost",
}


def source_kind(location: str, price_basis: str) -> str:
    """What kind of figure a price row is: a state, national or world average, a tariff,
    a survey or a company's cost."""
    if price_basis in NOT_A_REGION:
        return NOT_A_REGION[price_basis]
    if location == WORLD:
        return "world average"
    if location.startswith(US_STATE):
        return "state average"
    if price_basis == "miner tariff":
        return "tariff for miners"
    return "national average"


def region_of(location: str, price_basis: str) -> str | None:
    """The region a row prices (a US state by its name, the United States for the national
    average), or None for the world average, a survey or a company."""
    if price_basis in NOT_A_REGION or location == WORLD:
        return None
    if location.startswith(US_STATE):
        return location.removeprefix(US_STATE)
    if location == US_NATIONAL:
        return "United States"
    return location


def one_row_per_region(prices: pd.DataFrame) -> pd.DataFrame:
    """``prices`` with ``region``, ``source_kind`` and ``counted``: True on one row per
    region, the newest (latest year, then the latest of a series), False on the others and
    on rows that price no region."""
    frame = prices.copy()
    pairs = zip(frame["location"].astype(str), frame["price_basis"].astype(str), strict=True)
    kinds, regions = [], []
    for location, basis in pairs:
        kinds.append(source_kind(location, basis))
        regions.append(region_of(location, basis))
    frame["source_kind"] = kinds
    frame["region"] = pd.Series(regions, index=frame.index, dtype="string")
    order = frame.assign(
        _year=frame["year"].fillna(-1).astype(int),
        _order=frame["series_order"].fillna(0).astype(int),
    ).sort_values(["_year", "_order"], kind="stable")
    newest = order[order["region"].notna()].groupby("region").tail(1).index
    frame["counted"] = frame.index.isin(newest)
    return frame
