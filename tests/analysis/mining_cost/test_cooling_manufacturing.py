"""Cooling and manufacturing: not checkable, saying which data would settle it."""

from __future__ import annotations

from analysis.mining_cost.cooling_manufacturing import assess_cooling_and_manufacturing
from analysis.result import Verdict


def test_cooling_and_manufacturing_are_not_checkable_and_say_what_would_settle_them() -> None:
    result = assess_cooling_and_manufacturing()
    assert result.verdict is Verdict.NOT_CHECKABLE
    assert result.margin is None
    assert "cooling" in result.needs and "shipments" in result.needs
