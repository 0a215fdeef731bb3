from analysis.pools.industrial_operations import assess_industrial_operations
from analysis.result import Verdict


def test_industrial_claim_says_what_would_settle_it() -> None:
    result = assess_industrial_operations()
    assert result.verdict is Verdict.NOT_CHECKABLE
    assert result.figures == ()
    assert "hashrate" in result.needs
