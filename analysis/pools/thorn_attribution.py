"""Whether the analysis the article attributes to Galaxy Research's Alex Thorn exists and says
what the article says. The points it attributes to him are listed with what the sources
that could be read show for each; Thorn's own post could not be read here, only reports of
it. The reports are cited, not quoted at length."""

from __future__ import annotations

import pandas as pd

from analysis.result import Assessment, Citation, Figures, FigureSpec, Margin, MarginRule, Verdict

# One row per point the article attributes to Thorn: found in a report of his analysis,
# found in his own post (which was not read), contradicted by a source.
FOUND, NOT_FOUND = "found", "not found"
ATTRIBUTED_POINTS = pd.DataFrame(
    {
        "point": [
            "mining has become concentrated, from many small participants to industrial farms",
            "the concentration is primarily due to the economic realities of the industry",
            "mining matured into a capital-intensive sector needing hardware, real estate "
            "and energy infrastructure",
        ],
        "in_reports": [FOUND, NOT_FOUND, NOT_FOUND],
        "in_own_post": [NOT_FOUND, NOT_FOUND, NOT_FOUND],
        "contradicted": [False, False, False],
    }
)
REPORTS = (
    Citation(
        "Bitcoin Mining Centralizes as AI Decentralizes: Galaxy Research (Cryptonods)",
        "https://cryptonods.com/bitcoin-mining-centralizes-as-ai-decentralizes-galaxy-research",
        note="Reports that Galaxy Research head Alex Thorn said bitcoin mining began on "
        "personal computers and has become far more centralized, needing ASICs or "
        "industrial-scale farms, while AI may follow the opposite path.",
    ),
    Citation(
        "Bitcoin mining flip AI (Bitcoin Foundation news)",
        "https://bitcoinfoundation.org/news/bitcoin/bitcoin-mining-flip-ai/",
        note="Reports an X post by Thorn (12 April) arguing that bitcoin moved from many small "
        "participants to industrial-scale mining farms with specialised ASIC hardware.",
    ),
    Citation(
        "Bitcoin Mining Centralizes as AI Decentralizes, Says Galaxy Research Head "
        "(CoinAlertNews, 13 April 2026)",
        "https://coinalertnews.com/news/2026/04/13/bitcoin-mining-ai-decentralization-trends",
        note="The same statement, reported again; in the parts of the three reports read, "
        "none gives the economic cause or the capital-intensive sector the article "
        "attributes to him.",
    ),
)
FIGURES = Figures(
    ("points_found", "Attributed points found in reports of Thorn's analysis", "count"),
    ("points_attributed", "Points the article attributes to Thorn", "count"),
    ("points_found_own_post", "Attributed points found in Thorn's own post", "count"),
    ("points_contradicted", "Attributed points a source contradicts", "count"),
)
SUPPORTED_SUMMARY = "Thorn's own post makes every one of the {points_attributed} points."
PARTLY_SUMMARY = (
    "Reports of a post by Galaxy Research's Alex Thorn exist and carry {points_found} of the "
    "{points_attributed} points the article attributes to him: that mining went from many "
    "small participants to industrial farms. The cause ('primarily due to the economic "
    "realities') and the capital-intensive sector could not be found in them, and his own "
    "post could not be read here."
)
CONTRADICTED_SUMMARY = (
    "A source found says the opposite of {points_contradicted} attributed points."
)
NOT_FOUND_SUMMARY = "No analysis by Alex Thorn saying this could be found."
METHOD = (
    "Each point the article attributes to Thorn is looked for in his own post and in reports "
    "of it. Rule: supported if his own post makes every point; contradicted if a source "
    "found says the opposite of any; not checkable if no source of the analysis could be "
    "found; partly supported otherwise (some points found, or found only at second hand)."
)
LIMITS = (
    "Reports paraphrase; the post itself may say more than they carry. The search was of "
    "stored public pages, not of the post on X."
)
NEEDS = "Thorn's post itself on X, or a Galaxy Research note that sets out the analysis."
_FLIP = FigureSpec("thorn_flip", "Points found in his own post for the verdict to flip", "count")
OWN_POST = MarginRule(
    "points_found_own_post",
    _FLIP,
    "above",
    Verdict.SUPPORTED,
    "Supported if his own post were found to make all {thorn_flip} points.",
)
CONTRADICTION_GONE = MarginRule(
    "points_contradicted",
    FigureSpec("contradiction_flip", "Points contradicted for the verdict to flip", "count"),
    "below",
    Verdict.PARTLY_SUPPORTED,
    "Partly supported if no more than {contradiction_flip} points were contradicted.",
)
POINT_LOST = MarginRule(
    "points_found_own_post",
    _FLIP,
    "below",
    Verdict.PARTLY_SUPPORTED,
    "Partly supported if his own post made fewer than {thorn_flip} of the points.",
)


def attribution_counts(points: pd.DataFrame) -> dict[str, float]:
    """How many attributed points are found in reports, in the author's own words, or
    contradicted."""
    return {
        "points_found": float((points["in_reports"] == FOUND).sum()),
        "points_attributed": float(len(points)),
        "points_found_own_post": float((points["in_own_post"] == FOUND).sum()),
        "points_contradicted": float(points["contradicted"].sum()),
    }


def attribution_verdict(counts: dict[str, float]) -> tuple[Verdict, str, Margin | None]:
    """The verdict of the rule in :data:`METHOD`, its summary and margin."""
    total = counts["points_attributed"]
    if counts["points_contradicted"] > 0:
        return Verdict.CONTRADICTED, CONTRADICTED_SUMMARY, CONTRADICTION_GONE.at(0.0)
    if counts["points_found_own_post"] == total and total > 0:
        return Verdict.SUPPORTED, SUPPORTED_SUMMARY, POINT_LOST.at(total)
    if counts["points_found"] + counts["points_found_own_post"] == 0:
        return Verdict.NOT_CHECKABLE, NOT_FOUND_SUMMARY, None
    return Verdict.PARTLY_SUPPORTED, PARTLY_SUMMARY, OWN_POST.at(total)


def assess_thorn_attribution() -> Assessment:
    """Whether the analysis attributed to Alex Thorn exists and says what the article says."""
    counts = attribution_counts(ATTRIBUTED_POINTS)
    verdict, summary, margin = attribution_verdict(counts)
    return Assessment(
        verdict=verdict,
        summary=summary,
        figures=FIGURES.fill(**counts),
        method=METHOD,
        limits=LIMITS,
        needs=NEEDS,
        citations=REPORTS,
        tables={"points": ATTRIBUTED_POINTS},
        margin=margin,
    )
