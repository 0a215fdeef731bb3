"""'The protocol itself remains decentralized in its governance and transaction
verification': not checkable with the project's data, which hold blocks and their miners,
not the nodes that verify them or the people who change the rules.
"""

from __future__ import annotations

from analysis.result import Assessment, Verdict

GOVERNANCE_SUMMARY = (
    "The project's data cover the mining layer (blocks, pools, hashrate); nothing in them "
    "counts the nodes that verify transactions or who decides changes to the protocol, so "
    "the claim is not checkable."
)
GOVERNANCE_METHOD = (
    "Transaction verification is decentralised when many independently run full nodes "
    "check every block; governance when no one party controls the reference software or "
    "the activation of rule changes. Neither is measured by who mines blocks: a pool "
    "builds blocks, the nodes decide whether to accept them. No node census, client "
    "share or record of who maintains and merges the software is among the project's "
    "datasets or in the shared data folder."
)
GOVERNANCE_LIMITS = (
    "Even with node counts, reachable nodes are a lower bound (nodes behind firewalls do "
    "not accept connections), and many nodes may be run by a few hosting providers."
)
GOVERNANCE_NEEDS = (
    "For verification: a time series of reachable full nodes with their software "
    "version (user agent), country and hosting network, for example Bitnodes snapshots or "
    "Luke Dashjr's node counts, giving the number of nodes, the share of the largest "
    "implementation and of the largest hosting providers. For governance: the number of "
    "people with merge rights on the reference implementation and the spread of commit "
    "authors over time, from its public repository, and the signalling record of past "
    "soft-fork activations (miners' version bits against nodes' adoption)."
)


def assess_protocol_governance() -> Assessment:
    """The protocol's governance and verification: not in the data."""
    return Assessment(
        verdict=Verdict.NOT_CHECKABLE,
        summary=GOVERNANCE_SUMMARY,
        figures=(),
        method=GOVERNANCE_METHOD,
        limits=GOVERNANCE_LIMITS,
        needs=GOVERNANCE_NEEDS,
    )
