"""Who moved: the network share of US-listed mining companies beside the United States'
share of the latest published map. No share of small or home miners is in the data.
"""

from __future__ import annotations

import pandas as pd

from analysis.measures.listed_miners import LISTED_TO_PARTLY, LISTED_TO_SUPPORTED
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
    "destination of the migration, in the latest map. "
)
MAJORITY_INDUSTRIAL = (
    "That lower bound of the industrial share is above {majority_share_pct}: most of the "
    "network is industrial, so distributed participation cannot be the larger part."
)
NOT_SHOWN_MAJORITY = (
    "That lower bound of the industrial share is no more than {majority_share_pct}, and no "
    "source gives the share of small or home miners, so 'rather than distributed "
    "participation' is not shown."
)
INDUSTRIAL_SCALE_METHOD = (
    "Sets the reported network share of US-listed miners (a figure of companies, "
    "wherever their sites are) beside the United States' share in the most recent "
    "published map in the curated table. Their ratio, {listed_over_us}, is a scale, "
    "not a share of the US: listed companies also run sites abroad. The listed share is a "
    "lower bound of the industrial share, read by the same rule as the pools' "
    "industrial-operations claim: supported when it is above {majority_share_pct} (then "
    "industrial operations hold most of the network, whatever the rest is), partly "
    "supported otherwise, since a lower bound cannot show that small miners are few. No "
    "figure in the data could contradict the claim: that would need the share of small "
    "miners."
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
    country_hashrate_recent: pd.DataFrame,
    us_listed_miners_share_pct: float,
    majority_share_pct: float,
) -> Assessment:
    """Listed mining companies' share of the network (a lower bound of the industrial
    share) beside the US share of the latest map; supported above a majority."""
    newest = latest_map(country_hashrate_recent)
    us_rows = map_shares(country_hashrate_recent, newest)
    us_share = float(us_rows.loc[us_rows["group"] == "United States", "share_pct"].sum())
    majority = us_listed_miners_share_pct > majority_share_pct
    return Assessment(
        verdict=Verdict.SUPPORTED if majority else Verdict.PARTLY_SUPPORTED,
        summary=INDUSTRIAL_SCALE_SUMMARY
        + (MAJORITY_INDUSTRIAL if majority else NOT_SHOWN_MAJORITY),
        figures=INDUSTRIAL_SCALE_FIGURES.fill(
            us_listed_share=us_listed_miners_share_pct,
            us_map_share=us_share,
            listed_over_us=us_listed_miners_share_pct / us_share if us_share > 0 else None,
        ),
        method=INDUSTRIAL_SCALE_METHOD,
        limits=INDUSTRIAL_SCALE_LIMITS,
        needs=INDUSTRIAL_SCALE_NEEDS,
        margin=(LISTED_TO_PARTLY if majority else LISTED_TO_SUPPORTED).at(majority_share_pct),
    )
