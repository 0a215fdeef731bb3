"""From cottage industry to capital-intensive sector: the growth of the network's hashrate
and energy since the CPU era. Capital itself is not in the data.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from analysis.hardware.figures import date_figure, declared, multiple_threshold
from analysis.hardware.network import KWH_PER_TWH, annual_energy_kwh
from analysis.result import Assessment, Verdict

FIGURES = declared(
    "hashrate_growth_multiple",
    "hashrate_growth_orders",
    "cpu_era_median_ths",
    "cpu_era_end",
    "latest_hashrate_ehs",
    "latest_date",
    "cpu_era_energy_low_kwh",
    "cpu_era_energy_high_kwh",
    "energy_now_best_twh",
    "energy_now_reference_twh",
    "energy_now_legacy_twh",
    "energy_growth_min_multiple",
    "exponential_threshold",
)
SUMMARY_GROWTH = (
    "Network hashrate grew {hashrate_growth_multiple} ({hashrate_growth_orders} orders of "
    "magnitude) from the CPU era's median to {latest_hashrate_ehs} on {latest_date}. Then "
    "the whole network used {cpu_era_energy_low_kwh} to {cpu_era_energy_high_kwh} a year; "
    "at today's hashrate it uses {energy_now_best_twh} to {energy_now_legacy_twh}, at "
    "least {energy_growth_min_multiple} more. "
)
SUMMARY_GREW = (
    "The 'capital-intensive' part, investment in hardware, real estate and energy "
    "infrastructure, is not in the data."
)
SUMMARY_DID_NOT_GROW = "That is less than the change of scale the claim describes."
METHOD = (
    "Growth is the latest seven-day hashrate over the median of the CPU era (to "
    "{cpu_era_end}, CBECI's first GPU row). Energy a year is hashrate times efficiency "
    "over {cbeci_days_per_year} days: in the CPU era at CBECI's best and worst CPU rows, "
    "now at cited best-in-class ({asic_efficiency_best_j_per_th}), reference "
    "({asic_efficiency_reference_j_per_th}) and older ({asic_efficiency_legacy_j_per_th}) "
    "machines. The least growth sets today's lowest estimate against the CPU era's "
    "highest. The change of scale holds if that is at least {exponential_threshold} "
    "(orders of magnitude); the verdict is then partly supported, because capital "
    "investment is not measured, and contradicted otherwise."
)
LIMITS = (
    "Energy now assumes the whole network runs one kind of machine; the real fleet mixes "
    "generations, so the range brackets it. CBECI's CPU efficiencies are round "
    "placeholders. Growth in energy shows a change of scale, not who pays for it or how "
    "much capital it takes."
)
NEEDS = (
    "Capital spent on mining over time: listed miners' filings (machines, buildings and "
    "power infrastructure, per EH/s added), or a price series for machines per TH/s with "
    "the hashrate added each year."
)


def assess_capital_intensive(
    cbeci_machines: pd.DataFrame,
    cpu_era: tuple[pd.Timestamp, pd.Timestamp],
    cpu_era_median_ths: float,
    hashrate: pd.DataFrame,
    asic_efficiency_best_j_per_th: float,
    asic_efficiency_reference_j_per_th: float,
    asic_efficiency_legacy_j_per_th: float,
    cbeci_days_per_year: float,
) -> Assessment:
    """Growth of the network's hashrate and energy since the CPU era; capital is not in the data."""
    end, median = cpu_era[1], cpu_era_median_ths
    latest = hashrate.sort_values("date").iloc[-1]
    now = float(latest["hashrate_ths"])
    cpus = cbeci_machines.loc[cbeci_machines["hardware_class"] == "CPU", "efficiency_j_th"]
    then_high = annual_energy_kwh(median, cpus.max(), cbeci_days_per_year)
    best, reference, legacy = (
        annual_energy_kwh(now, e, cbeci_days_per_year)
        for e in (
            asic_efficiency_best_j_per_th,
            asic_efficiency_reference_j_per_th,
            asic_efficiency_legacy_j_per_th,
        )
    )
    grew = best / then_high >= multiple_threshold()
    figures = FIGURES.fill(
        hashrate_growth_multiple=now / median,
        hashrate_growth_orders=math.log10(now / median),
        cpu_era_median_ths=median,
        cpu_era_end=date_figure(end),
        latest_hashrate_ehs=now / 1e6,
        latest_date=date_figure(latest["date"]),
        cpu_era_energy_low_kwh=annual_energy_kwh(median, cpus.min(), cbeci_days_per_year),
        cpu_era_energy_high_kwh=then_high,
        energy_now_best_twh=best / KWH_PER_TWH,
        energy_now_reference_twh=reference / KWH_PER_TWH,
        energy_now_legacy_twh=legacy / KWH_PER_TWH,
        energy_growth_min_multiple=best / then_high,
        exponential_threshold=multiple_threshold(),
    )
    network = hashrate[["date", "hashrate_ths"]].assign(
        era=np.where(hashrate["date"] < end, "CPU era", "after")
    )
    return Assessment(
        verdict=Verdict.PARTLY_SUPPORTED if grew else Verdict.CONTRADICTED,
        summary=SUMMARY_GROWTH + (SUMMARY_GREW if grew else SUMMARY_DID_NOT_GROW),
        figures=figures,
        method=METHOD,
        limits=LIMITS,
        needs=NEEDS,
        tables={"network": network},
    )
