"""Industrial operations: the listed miners' share, a lower bound, against the majority line;
both verdicts reached, and the margin is the line itself."""

from __future__ import annotations

import pytest

from analysis.pools.industrial_operations import assess_industrial_operations
from analysis.result import Verdict


def test_a_lower_bound_below_the_majority_is_partly_supported() -> None:
    result = assess_industrial_operations(31.5, 50.0)
    assert result.verdict is Verdict.PARTLY_SUPPORTED
    assert result.value("listed_share") == 31.5
    assert result.margin is not None
    assert result.margin.threshold.value == 50.0 and result.margin.flips_to is Verdict.SUPPORTED
    assert result.margin.direction == "above"


def test_a_lower_bound_above_the_majority_is_supported() -> None:
    result = assess_industrial_operations(50.5, 50.0)
    assert result.verdict is Verdict.SUPPORTED
    assert result.margin is not None and result.margin.flips_to is Verdict.PARTLY_SUPPORTED


@pytest.mark.parametrize("share", [49.9, 50.0, 50.1])
def test_the_verdict_flips_where_the_margin_says(share: float) -> None:
    below = assess_industrial_operations(31.5, 50.0)
    assert below.margin is not None
    flipped = assess_industrial_operations(share, 50.0).verdict
    crosses = share > below.margin.threshold.value  # type: ignore[operator]
    assert (flipped is below.margin.flips_to) == crosses


def test_the_claim_says_what_would_settle_it() -> None:
    result = assess_industrial_operations(31.5, 50.0)
    assert "census of mining sites" in result.needs
    assert "could contradict" in result.method
