"""Whether the KuCoin findings the article cites exist and say what it says: the report
could not be found, so the attribution is not checkable. The figures themselves are
checked from data in the other mining-cost claims."""

from __future__ import annotations

from analysis.result import Assessment, Citation, Verdict

MENTION = Citation(
    "Bitcoin Mining Centralizes as AI Decentralizes, Says Galaxy Research Head "
    "(CoinAlertNews, 13 April 2026)",
    "https://coinalertnews.com/news/2026/04/13/bitcoin-mining-ai-decentralization-trends",
    note="A news summary that mentions a report from the exchange KuCoin on mining; only the "
    "opening of that mention could be read, and it names no title, date or address.",
)
SUMMARY = (
    "The KuCoin report could not be found: a news summary mentions a report from the "
    "exchange, but neither its title, date nor text could be found, so what it says about "
    "the United States or about a cost above the article's figure cannot be told."
)
METHOD = (
    "The stored public pages and documentation were searched for a KuCoin report or "
    "research note on the unviability of mining in developed markets and the cost to mine "
    "one bitcoin. The claims on US unviability, the cost above the threshold and surging "
    "energy costs check the figures from data instead."
)
LIMITS = "The search could reach stored public pages only, not KuCoin's own site."
NEEDS = (
    "The KuCoin report itself (title, date and address), to compare its figures and its "
    "reasoning with the data."
)


def assess_kucoin_attribution() -> Assessment:
    """The KuCoin report the article cites: not found, so not checkable."""
    return Assessment(
        verdict=Verdict.NOT_CHECKABLE,
        summary=SUMMARY,
        figures=(),
        method=METHOD,
        limits=LIMITS,
        needs=NEEDS,
        citations=(MENTION,),
    )
