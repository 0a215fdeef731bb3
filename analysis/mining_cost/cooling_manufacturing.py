"""The cheap-electricity claim's other two conditions of profitability: industrial-scale
cooling and specialised manufacturing. No dataset of this version measures either, so the
claim is not checkable; its electricity part is checked in ``cheap_electricity``."""

from __future__ import annotations

from analysis.result import Assessment, Verdict

SUMMARY = (
    "No data in this version measure how mining profitability depends on industrial "
    "cooling or on making the machines; the electricity part of the same sentence is "
    "checked on its own."
)
METHOD = (
    "The sentence names cheap electricity, industrial cooling and specialised manufacturing "
    "as conditions of profitability. Cheap electricity is tested from "
    "the break-even electricity price. For cooling, one would need the share of hashrate at "
    "sites with industrial cooling and their costs over time; for manufacturing, who makes "
    "the machines and whether miners that make or first receive them earn more. Neither is "
    "in the registered datasets: the ASIC table gives each machine's efficiency and date, "
    "not who could buy it or how it was cooled."
)
LIMITS = (
    "Not checkable is not contradicted: the conditions may hold; this version cannot show "
    "whether they do."
)
NEEDS = (
    "Survey data on cooling at mining sites (air, hydro, immersion) by hashrate and year, "
    "and the ASIC makers' shipments or market shares over time with the share going to "
    "their own or affiliated mining."
)


def assess_cooling_and_manufacturing() -> Assessment:
    """Industrial-scale cooling and specialised manufacturing: not measured by any dataset."""
    return Assessment(
        verdict=Verdict.NOT_CHECKABLE,
        summary=SUMMARY,
        figures=(),
        method=METHOD,
        limits=LIMITS,
        needs=NEEDS,
    )
