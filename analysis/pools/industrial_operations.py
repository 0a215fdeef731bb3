"""Whether mining power is concentrated in large industrial operations. The block data name
pools, not who owns the machines; the one published figure that bears on it is the network
share of US-listed mining companies (the same parameter the migration family's
industrial-scale claim reads), a lower bound of the industrial share, since listed firms are
not the only large operations."""

from __future__ import annotations

from analysis.measures.listed_miners import LISTED_TO_PARTLY, LISTED_TO_SUPPORTED
from analysis.result import Assessment, Figures, Verdict

FIGURES = Figures(
    ("listed_share", "Network share of US-listed mining companies (a lower bound)", "percent"),
)
SUPPORTED_SUMMARY = (
    "US-listed mining companies alone held {listed_share} of the network's hashrate, more "
    "than {majority_share_pct}: large industrial operations hold most of the mining power."
)
PARTLY_SUMMARY = (
    "US-listed mining companies alone held {listed_share} of the network's hashrate: a large "
    "part in industrial hands, but no more than {majority_share_pct}, and the share of the "
    "other large operations (unlisted firms, sites abroad) is not in any cited source."
)
METHOD = (
    "The claim is about who owns the mining machines, which the blocks do not record (a "
    "pool combines the hashing power of many owners). The reported network share of "
    "US-listed miners ({us_listed_miners_share_pct}, JPMorgan as reported, the figure the "
    "migration claim on industrial scale also uses) is a lower bound of the share held by "
    "large industrial operations. Rule: supported if that lower bound passes "
    "{majority_share_pct}; partly supported otherwise, since a lower bound cannot show that "
    "industrial operations hold less. No cited figure could contradict the claim: that would "
    "need an upper bound, such as the hashrate of small and home miners."
)
LIMITS = (
    "One secondary report of a bank's estimate, of companies wherever their sites are. "
    "A pool run by a listed company for its own machines looks the same in the block data "
    "as a pool open to anyone."
)
NEEDS = (
    "The hashrate of every large mining company (for example the realised hashrate in the "
    "monthly production reports of listed and unlisted miners) beside the network hashrate "
    "over the same months, and a census of mining sites by size, such as the Cambridge "
    "mining surveys."
)


def assess_industrial_operations(
    us_listed_miners_share_pct: float, majority_share_pct: float
) -> Assessment:
    """Concentration in large industrial operations, from the listed miners' share (a lower bound)."""
    supported = us_listed_miners_share_pct > majority_share_pct
    return Assessment(
        verdict=Verdict.SUPPORTED if supported else Verdict.PARTLY_SUPPORTED,
        summary=SUPPORTED_SUMMARY if supported else PARTLY_SUMMARY,
        figures=FIGURES.fill(listed_share=us_listed_miners_share_pct),
        method=METHOD,
        limits=LIMITS,
        needs=NEEDS,
        margin=(LISTED_TO_PARTLY if supported else LISTED_TO_SUPPORTED).at(majority_share_pct),
    )
