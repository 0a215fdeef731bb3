"""Efficient hardware as a remedy for entry barriers: a prescription, set beside what past
efficiency gains did to the network's size and to one new machine's share of it.
"""

from __future__ import annotations

import pandas as pd

from analysis.hardware.efficiency import best_of_class, first_of_class
from analysis.hardware.figures import date_figure, declared
from analysis.hardware.network import (
    KWH_PER_TWH,
    annual_energy_kwh,
    curated_devices,
    device_shares,
    hashrate_at,
)
from analysis.result import Assessment, Verdict

FIGURES = declared(
    "efficiency_gain_multiple",
    "first_named_asic_date",
    "network_growth_since_first_named",
    "energy_floor_then_twh",
    "energy_floor_now_twh",
    "energy_floor_growth",
    "early_device_share_pct",
    "early_device_date",
    "late_device_share_pct",
    "late_device_date",
    "device_share_fall_multiple",
    "late_device_solo_blocks_per_year",
)
SUMMARY = (
    "A prescription, not a statement of fact. So far better hardware has not lowered the "
    "barrier: since the first named ASIC ({first_named_asic_date}) the best machine's "
    "hashes per joule rose {efficiency_gain_multiple}, while network hashrate rose "
    "{network_growth_since_first_named} and the least energy the network could use rose "
    "{energy_floor_growth}. One new machine's share of the network fell "
    "{device_share_fall_multiple}, from {early_device_share_pct} ({early_device_date}) to "
    "{late_device_share_pct} ({late_device_date}); mining alone, the latest expects "
    "blocks at a rate of {late_device_solo_blocks_per_year}."
)
METHOD = (
    "Efficiency gain is the first named ASIC in CBECI's list over the best machine in the "
    "data. The least energy the network could use is its hashrate at the best machine "
    "then available, over {cbeci_days_per_year} days. A machine's share is its hashrate "
    "over the network's in its release month: the earliest machine on a mining pool's "
    "list of popular machines and the latest in the curated table (rows with one hashrate "
    "figure, sources above low), the largest where several share a month. Blocks a year "
    "mining alone are that machine's share of today's network times "
    "{target_blocks_per_day} blocks a day."
)
LIMITS = (
    "Whether more efficient hardware would reduce entry barriers is a counterfactual; "
    "the figures show only that past gains were absorbed by a larger network. The pool's "
    "list starts with machines still sold in its snapshot, not with the first ASICs."
)
NEEDS = (
    "The size distribution of mining operations over time (hashrate by operator) and the "
    "cost per TH/s by size of operation, to show whether efficiency gains lower the "
    "smallest viable scale."
)


def assess_efficiency_entry_barriers(
    classified_machines: pd.DataFrame,
    asic_models: pd.DataFrame,
    f2pool_efficiency: pd.DataFrame,
    hashrate: pd.DataFrame,
    target_blocks_per_day: float,
    cbeci_days_per_year: float,
) -> Assessment:
    """Efficient hardware as a remedy: a prescription, set beside what past efficiency gains did."""
    first = first_of_class(classified_machines, "ASIC", named_only=True)
    best = best_of_class(classified_machines, "ASIC")
    then = hashrate_at(hashrate, first["available_from"])
    now = float(hashrate.sort_values("date")["hashrate_ths"].iloc[-1])
    floor_then = annual_energy_kwh(then, first["efficiency_j_th"], cbeci_days_per_year)
    floor_now = annual_energy_kwh(now, best["efficiency_j_th"], cbeci_days_per_year)
    listed = f2pool_efficiency[["device", "hashrate_ths", "released"]]
    devices = device_shares(pd.concat([listed, curated_devices(asic_models)]), hashrate)
    ordered = devices.sort_values(["released", "hashrate_ths"], ascending=[True, False])
    early = ordered.iloc[0]
    late = ordered[ordered["released"] == ordered["released"].max()].iloc[0]
    solo = float(late["hashrate_ths"]) / now * target_blocks_per_day * cbeci_days_per_year
    figures = FIGURES.fill(
        efficiency_gain_multiple=first["efficiency_j_th"] / best["efficiency_j_th"],
        first_named_asic_date=date_figure(first["available_from"]),
        network_growth_since_first_named=now / then,
        energy_floor_then_twh=floor_then / KWH_PER_TWH,
        energy_floor_now_twh=floor_now / KWH_PER_TWH,
        energy_floor_growth=floor_now / floor_then,
        early_device_share_pct=early["share_pct"],
        early_device_date=date_figure(early["released"]),
        late_device_share_pct=late["share_pct"],
        late_device_date=date_figure(late["released"]),
        device_share_fall_multiple=early["share_pct"] / late["share_pct"],
        late_device_solo_blocks_per_year=solo,
    )
    return Assessment(
        verdict=Verdict.NOT_CHECKABLE,
        summary=SUMMARY,
        figures=figures,
        method=METHOD,
        limits=LIMITS,
        needs=NEEDS,
        tables={"devices": devices},
    )
