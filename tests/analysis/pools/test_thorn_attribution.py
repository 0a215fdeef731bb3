"""The Thorn attribution: counts of attributed points and every branch of the rule."""

from __future__ import annotations

import pandas as pd

from analysis.pools.thorn_attribution import (
    ATTRIBUTED_POINTS,
    FOUND,
    NOT_FOUND,
    assess_thorn_attribution,
    attribution_counts,
    attribution_verdict,
)
from analysis.result import Verdict


def _points(reports: list[str], own: list[str], contradicted: list[bool]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "point": [f"p{i}" for i in range(len(reports))],
            "in_reports": reports,
            "in_own_post": own,
            "contradicted": contradicted,
        }
    )


def _verdict(points: pd.DataFrame) -> Verdict:
    return attribution_verdict(attribution_counts(points))[0]


def test_the_shipped_points_are_partly_supported_with_the_own_post_as_margin() -> None:
    result = assess_thorn_attribution()
    # counted another way: the rows of the table whose report column says found
    found = sum(1 for value in ATTRIBUTED_POINTS["in_reports"] if value == FOUND)
    assert result.value("points_found") == found == 1
    assert result.value("points_attributed") == len(ATTRIBUTED_POINTS) == 3
    assert result.verdict is Verdict.PARTLY_SUPPORTED
    assert result.margin is not None and result.margin.flips_to is Verdict.SUPPORTED
    assert result.margin.threshold.value == 3
    assert len(result.citations) == 3 and all(c.address for c in result.citations)


def test_every_branch_of_the_rule() -> None:
    all_own = _points([FOUND] * 2, [FOUND] * 2, [False, False])
    assert _verdict(all_own) is Verdict.SUPPORTED
    some = _points([FOUND, NOT_FOUND], [NOT_FOUND] * 2, [False, False])
    assert _verdict(some) is Verdict.PARTLY_SUPPORTED
    none = _points([NOT_FOUND] * 2, [NOT_FOUND] * 2, [False, False])
    assert _verdict(none) is Verdict.NOT_CHECKABLE
    against = _points([FOUND] * 2, [FOUND] * 2, [True, False])
    verdict, _, margin = attribution_verdict(attribution_counts(against))
    assert verdict is Verdict.CONTRADICTED
    assert margin is not None and margin.flips_to is Verdict.PARTLY_SUPPORTED
