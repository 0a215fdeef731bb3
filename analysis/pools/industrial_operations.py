"""Whether mining power is concentrated in large industrial operations: the block data name
pools, not who owns the machines, so the claim is not checkable with them."""

from __future__ import annotations

from analysis.result import Assessment, Verdict

SUMMARY = "The block data name pools, not the operations that own the machines."
METHOD = (
    "The claim is about who owns the mining machines. A pool combines the hashing power of "
    "many owners, from single machines to large sites, and the blocks record only the pool."
)
LIMITS = (
    "A pool run by a listed mining company for its own machines looks the same in the block "
    "data as a pool open to anyone."
)
NEEDS = (
    "The hashrate of the largest mining companies (for example the realised hashrate in the "
    "monthly production reports of listed miners) beside the network hashrate over the same "
    "months, and a census of mining sites by size, such as the Cambridge mining surveys."
)


def assess_industrial_operations() -> Assessment:
    """Concentration in large industrial operations: pool shares cannot show who owns the machines."""
    return Assessment(
        verdict=Verdict.NOT_CHECKABLE,
        summary=SUMMARY,
        figures=(),
        method=METHOD,
        limits=LIMITS,
        needs=NEEDS,
    )
