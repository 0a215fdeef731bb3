"""The KuCoin attribution: the report was not found, which the claim says, with no margin."""

from __future__ import annotations

from analysis.mining_cost.kucoin_attribution import assess_kucoin_attribution
from analysis.result import Verdict


def test_a_report_that_could_not_be_found_is_not_checkable() -> None:
    result = assess_kucoin_attribution()
    assert result.verdict is Verdict.NOT_CHECKABLE
    assert "could not be found" in result.summary
    assert result.margin is None and result.figures == ()
    assert "report itself" in result.needs
    assert result.citations[0].address.startswith("https://")
