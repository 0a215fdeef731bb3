"""Who moved: the network share of US-listed mining companies beside the United States'
share of the latest published map. No share of small or home miners is in the data.
"""

from __future__ import annotations

import pandas as pd

from analysis.migration.geo_concentration import latest_map, map_shares
from analysis.result import Assessment, Figures, Verdict

INDUSTRIAL_SCALE_FIGURES = Figures(
    ("us_listed_share", "Network share of US-listed mining companies", "percent"),
    ("us_map_share", "United States share in the latest map", "percent"),
    ("listed_over_us", "US-listed companies' share over the US map share", "ratio"),
)

INDUSTRIAL_SCALE_SUMMARY = (
    "US-listed mining companies alone held {us_listed_share} of the network by "
    "JPMorgan's count, against {us_map_share} for the whole United States, the main "
    "destination of the migration, in the latest map. No source gives the share of "
    "small or home miners, so 'rather than distributed participation' is not measured."
)
INDUSTRIAL_SCALE_METHOD = (
    "Sets the reported network share of US-listed miners (a figure of companies, "
    "wherever their sites are) beside the United States' share in the most recent "
    "published map in the curated table. Their ratio, {listed_over_us}, is a scale, "
    "not a share of the US: listed companies also run sites abroad. The claim counts as "
    "partly supported while only its industrial half is measured: no figure for small "
    "miners can support or contradict the other half."
)
INDUSTRIAL_SCALE_LIMITS = (
    "One secondary report of a bank's estimate; the two figures come from different "
    "estimators and months. Listed firms are not the only industrial miners, so the "
    "industrial share is larger than this, by an unknown amount."
)
INDUSTRIAL_SCALE_NEEDS = (
    "Hashrate by operator size (or by site capacity in megawatts) per country over "
    "time, for example from a census of mining sites or a survey such as Cambridge's "
    "mining industry survey broken down by company size."
)


def assess_industrial_scale(
    country_hashrate_recent: pd.DataFrame, us_listed_miners_share_pct: float
) -> Assessment:
    """Listed mining companies' share of the network beside the US share of the latest map;
    partly supported, since only the industrial half of the claim is measured."""
    newest = latest_map(country_hashrate_recent)
    us_rows = map_shares(country_hashrate_recent, newest)
    us_share = float(us_rows.loc[us_rows["group"] == "United States", "share_pct"].sum())
    return Assessment(
        verdict=Verdict.PARTLY_SUPPORTED,
        summary=INDUSTRIAL_SCALE_SUMMARY,
        figures=INDUSTRIAL_SCALE_FIGURES.fill(
            us_listed_share=us_listed_miners_share_pct,
            us_map_share=us_share,
            listed_over_us=us_listed_miners_share_pct / us_share if us_share > 0 else None,
        ),
        method=INDUSTRIAL_SCALE_METHOD,
        limits=INDUSTRIAL_SCALE_LIMITS,
        needs=INDUSTRIAL_SCALE_NEEDS,
    )
