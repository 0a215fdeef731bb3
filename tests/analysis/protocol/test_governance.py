from pathlib import Path

from analysis.protocol.governance import assess_protocol_governance
from analysis.result import Verdict
from report.ledger.entry import Ledger
from report.pipeline import Project


def test_protocol_governance_says_what_would_settle_it() -> None:
    result = assess_protocol_governance()
    assert result.verdict is Verdict.NOT_CHECKABLE
    assert result.margin is None
    assert "reachable full nodes" in result.needs
    assert "merge rights" in result.needs


def test_no_node_data_is_in_the_shared_folder(project: Project, ledger: Ledger) -> None:
    # the claim stays not checkable only while no node census is among the data
    mirror = project.settings.mirror_dir
    assert mirror is not None
    names = " ".join(p.name.lower() for p in Path(mirror).iterdir())
    assert not any(word in names for word in ("node", "bitnodes", "user-agent", "client"))
    entry = ledger.entry("protocol-governance-decentralized")
    assert entry.assessment.verdict is Verdict.NOT_CHECKABLE
