"""The rule both industrial-scale claims apply to the published share of hashrate held by
US-listed miners (``migration-industrial-scale``, ``pools-industrial-operations``): that
share is a lower bound of industrial mining, so it can support a claim of industrial scale
when it passes a majority and otherwise only partly support it."""

from __future__ import annotations

from analysis.result import FigureSpec, MarginRule, Verdict

LISTED_FLIP = FigureSpec(
    "listed_flip", "Listed miners' share at which the verdict flips", "percent"
)
LISTED_TO_SUPPORTED = MarginRule(
    "us_listed_miners_share_pct",
    LISTED_FLIP,
    "above",
    Verdict.SUPPORTED,
    "Supported if the listed miners' share were above {listed_flip}.",
)
LISTED_TO_PARTLY = MarginRule(
    "us_listed_miners_share_pct",
    LISTED_FLIP,
    "below",
    Verdict.PARTLY_SUPPORTED,
    "Partly supported if the listed miners' share were no more than {listed_flip}.",
)
