"""Mining hardware and the network's scale: what a standard computer could do in the CPU
era, the growth of hashrate and energy since then, and efficient hardware as a remedy for
entry barriers. The ASIC divide is in analysis/asic_divide.py; the machine tables and the
efficiency trend in analysis/hardware_efficiency.py; hashrate, energy and block helpers in
analysis/hardware_network.py.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from analysis.hardware.efficiency import (
    best_of_class,
    cbeci_machines,
    classified_machines,
    first_of_class,
)
from analysis.hardware.figures import date_figure, figures_of, multiple_threshold
from analysis.hardware.network import (
    annual_energy_kwh,
    blocks_in_period,
    cpu_era,
    curated_devices,
    device_shares,
    f2pool_efficiency,
    hashrate_at,
    period_median,
)
from analysis.result import Assessment, Verdict

KWH_PER_TWH = 1e9
# The years Lerner gives for the single early miner's blocks ("during 2009-2010").
PATOSHI_PERIOD = (pd.Timestamp("2009-01-01"), pd.Timestamp("2011-01-01"))


def assess_early_cpu_mining(
    cbeci_miners: pd.DataFrame,
    hashrate: pd.DataFrame,
    difficulty: pd.DataFrame,
    hashes_per_unit_difficulty: float,
    cpu_hashrate_low_ths: float,
    cpu_hashrate_high_ths: float,
    patoshi_blocks: float,
    cbeci_days_per_year: float,
) -> Assessment:
    """What a standard computer could do in the CPU era; how distributed mining was is not
    in the data, and a published estimate attributes many early blocks to one miner."""
    machines = cbeci_machines(cbeci_miners)
    start, end = cpu_era(machines, hashrate)
    median = period_median(hashrate, start, end)
    era_blocks = blocks_in_period(hashrate, difficulty, hashes_per_unit_difficulty, start, end)
    share = cpu_hashrate_low_ths / (median + cpu_hashrate_low_ths)
    cpus = machines.loc[machines["hardware_class"] == "CPU", "efficiency_j_th"]
    years = blocks_in_period(hashrate, difficulty, hashes_per_unit_difficulty, *PATOSHI_PERIOD)
    can_earn = share * era_blocks >= 1.0
    values: dict[str, float | None] = {
        "cpu_era_median_ths": median,
        "cpu_era_start": date_figure(start),
        "cpu_era_end": date_figure(end),
        "network_in_cpus_low": median / cpu_hashrate_high_ths,
        "network_in_cpus_high": median / cpu_hashrate_low_ths,
        "cpu_share_pct": 100.0 * share,
        "cpu_era_blocks": era_blocks,
        "cpu_expected_blocks": share * era_blocks,
        "cpu_era_energy_low_kwh": annual_energy_kwh(median, cpus.min(), cbeci_days_per_year),
        "cpu_era_energy_high_kwh": annual_energy_kwh(median, cpus.max(), cbeci_days_per_year),
        "patoshi_period_blocks": years,
        "patoshi_share_min_pct": 100.0 * patoshi_blocks / years,
    }
    return Assessment(
        verdict=Verdict.PARTLY_SUPPORTED if can_earn else Verdict.CONTRADICTED,
        summary=(
            "From {cpu_era_start} to {cpu_era_end} the whole network's median hashrate, "
            "{cpu_era_median_ths}, was {network_in_cpus_low} to {network_in_cpus_high} times one "
            "typical CPU's as cited, and used {cpu_era_energy_low_kwh} to "
            "{cpu_era_energy_high_kwh} a year. One standard computer joining it would have held "
            "{cpu_share_pct} of the hashrate and expected that share of the {cpu_era_blocks} "
            "blocks found, "
            + ("so anyone with a computer could earn rewards. " if can_earn else "not one. ")
            + "Whether mining was 'truly distributed' is not in the data: a published forensic "
            "estimate attributes {patoshi_blocks} blocks to a single miner, at least "
            "{patoshi_share_min_pct} of the {patoshi_period_blocks} blocks of the years it names."
        ),
        figures=figures_of(values),
        method=(
            "The CPU era runs from the first hashrate sample to the date of CBECI's first GPU "
            "row. A typical CPU's hashrate is a cited range ({cpu_hashrate_low_ths} to "
            "{cpu_hashrate_high_ths}). 'Earning rewards' is read as expecting at least one block: "
            "a computer at the slow end of the range joining a network at the era's median "
            "hashrate expects its share of the blocks the era's hashrate and difficulty imply "
            "({cpu_expected_blocks}). The network's energy is its median hashrate at CBECI's "
            "best and worst CPU efficiency. The single miner's share is the cited block count "
            "over the blocks the hashrate and difficulty series imply for the years the estimate "
            "names. Partly supported when a computer could earn rewards, since the 'truly "
            "distributed' part cannot be measured here; contradicted when it could not."
        ),
        limits=(
            "The cited CPU speeds are for miners after later software refinements; the first "
            "client was slower, so one computer's share is overstated, though at any plausible "
            "speed it stays large against a network this small. CBECI's CPU efficiencies are "
            "round placeholders. Hashrate in these years is itself inferred from block times. "
            "The single-miner count is a forensic estimate, not a count from the project's data."
        ),
        needs=(
            "Miner attribution for every block of the CPU era (for example the nonce and "
            "ExtraNonce patterns of the forensic studies applied to each block, or the keys each "
            "coinbase pays), to count distinct miners and the largest miner's share by month."
        ),
    )


def assess_capital_intensive(
    cbeci_miners: pd.DataFrame,
    hashrate: pd.DataFrame,
    asic_efficiency_best_j_per_th: float,
    asic_efficiency_reference_j_per_th: float,
    asic_efficiency_legacy_j_per_th: float,
    cbeci_days_per_year: float,
) -> Assessment:
    """Growth of the network's hashrate and energy since the CPU era; capital is not in the data."""
    machines = cbeci_machines(cbeci_miners)
    _, end = cpu_era(machines, hashrate)
    median = period_median(hashrate, hashrate["date"].min(), end)
    latest = hashrate.sort_values("date").iloc[-1]
    now = float(latest["hashrate_ths"])
    cpus = machines.loc[machines["hardware_class"] == "CPU", "efficiency_j_th"]
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
    values: dict[str, float | None] = {
        "hashrate_growth_multiple": now / median,
        "hashrate_growth_orders": math.log10(now / median),
        "cpu_era_median_ths": median,
        "cpu_era_end": date_figure(end),
        "latest_hashrate_ehs": now / 1e6,
        "latest_date": date_figure(latest["date"]),
        "cpu_era_energy_low_kwh": annual_energy_kwh(median, cpus.min(), cbeci_days_per_year),
        "cpu_era_energy_high_kwh": then_high,
        "energy_now_best_twh": best / KWH_PER_TWH,
        "energy_now_reference_twh": reference / KWH_PER_TWH,
        "energy_now_legacy_twh": legacy / KWH_PER_TWH,
        "energy_growth_min_multiple": best / then_high,
        "exponential_threshold": multiple_threshold(),
    }
    network = hashrate[["date", "hashrate_ths"]].assign(
        era=np.where(hashrate["date"] < end, "CPU era", "after")
    )
    return Assessment(
        verdict=Verdict.PARTLY_SUPPORTED if grew else Verdict.CONTRADICTED,
        summary=(
            "Network hashrate grew {hashrate_growth_multiple} ({hashrate_growth_orders} orders of "
            "magnitude) from the CPU era's median to {latest_hashrate_ehs} on {latest_date}. Then "
            "the whole network used {cpu_era_energy_low_kwh} to {cpu_era_energy_high_kwh} a year; "
            "at today's hashrate it uses {energy_now_best_twh} to {energy_now_legacy_twh}, at "
            "least {energy_growth_min_multiple} more. "
            + (
                "The 'capital-intensive' part, investment in hardware, real estate and energy "
                "infrastructure, is not in the data."
                if grew
                else "That is less than the change of scale the claim describes."
            )
        ),
        figures=figures_of(values),
        method=(
            "Growth is the latest seven-day hashrate over the median of the CPU era (to "
            "{cpu_era_end}, CBECI's first GPU row). Energy a year is hashrate times efficiency "
            "over {cbeci_days_per_year} days: in the CPU era at CBECI's best and worst CPU rows, "
            "now at cited best-in-class ({asic_efficiency_best_j_per_th}), reference "
            "({asic_efficiency_reference_j_per_th}) and older ({asic_efficiency_legacy_j_per_th}) "
            "machines. The least growth sets today's lowest estimate against the CPU era's "
            "highest. The change of scale holds if that is at least {exponential_threshold} "
            "(orders of magnitude); the verdict is then partly supported, because capital "
            "investment is not measured, and contradicted otherwise."
        ),
        limits=(
            "Energy now assumes the whole network runs one kind of machine; the real fleet mixes "
            "generations, so the range brackets it. CBECI's CPU efficiencies are round "
            "placeholders. Growth in energy shows a change of scale, not who pays for it or how "
            "much capital it takes."
        ),
        needs=(
            "Capital spent on mining over time: listed miners' filings (machines, buildings and "
            "power infrastructure, per EH/s added), or a price series for machines per TH/s with "
            "the hashrate added each year."
        ),
        tables={"network": network},
    )


def assess_efficiency_entry_barriers(
    cbeci_miners: pd.DataFrame,
    asic_models: pd.DataFrame,
    f2pool_devices: pd.DataFrame,
    hashrate: pd.DataFrame,
    target_blocks_per_day: float,
    cbeci_days_per_year: float,
) -> Assessment:
    """Efficient hardware as a remedy: a prescription, set beside what past efficiency gains did."""
    machines = classified_machines(cbeci_miners, asic_models)
    first = first_of_class(machines, "ASIC", named_only=True)
    best = best_of_class(machines, "ASIC")
    then = hashrate_at(hashrate, first["available_from"])
    now = float(hashrate.sort_values("date")["hashrate_ths"].iloc[-1])
    floor_then = annual_energy_kwh(then, first["efficiency_j_th"], cbeci_days_per_year)
    floor_now = annual_energy_kwh(now, best["efficiency_j_th"], cbeci_days_per_year)
    listed = f2pool_efficiency(f2pool_devices)[["device", "hashrate_ths", "released"]]
    devices = device_shares(pd.concat([listed, curated_devices(asic_models)]), hashrate)
    ordered = devices.sort_values(["released", "hashrate_ths"], ascending=[True, False])
    early = ordered.iloc[0]
    late = ordered[ordered["released"] == ordered["released"].max()].iloc[0]
    solo = float(late["hashrate_ths"]) / now * target_blocks_per_day * cbeci_days_per_year
    values: dict[str, float | None] = {
        "efficiency_gain_multiple": first["efficiency_j_th"] / best["efficiency_j_th"],
        "first_named_asic_date": date_figure(first["available_from"]),
        "network_growth_since_first_named": now / then,
        "energy_floor_then_twh": floor_then / KWH_PER_TWH,
        "energy_floor_now_twh": floor_now / KWH_PER_TWH,
        "energy_floor_growth": floor_now / floor_then,
        "early_device_share_pct": early["share_pct"],
        "early_device_date": date_figure(early["released"]),
        "late_device_share_pct": late["share_pct"],
        "late_device_date": date_figure(late["released"]),
        "device_share_fall_multiple": early["share_pct"] / late["share_pct"],
        "late_device_solo_blocks_per_year": solo,
    }
    return Assessment(
        verdict=Verdict.NOT_CHECKABLE,
        summary=(
            "A prescription, not a statement of fact. So far better hardware has not lowered the "
            "barrier: since the first named ASIC ({first_named_asic_date}) the best machine's "
            "hashes per joule rose {efficiency_gain_multiple}, while network hashrate rose "
            "{network_growth_since_first_named} and the least energy the network could use rose "
            "{energy_floor_growth}. One new machine's share of the network fell "
            "{device_share_fall_multiple}, from {early_device_share_pct} ({early_device_date}) to "
            "{late_device_share_pct} ({late_device_date}); mining alone, the latest expects "
            "{late_device_solo_blocks_per_year} blocks a year."
        ),
        figures=figures_of(values),
        method=(
            "Efficiency gain is the first named ASIC in CBECI's list over the best machine in the "
            "data. The least energy the network could use is its hashrate at the best machine "
            "then available, over {cbeci_days_per_year} days. A machine's share is its hashrate "
            "over the network's in its release month: the earliest machine on a mining pool's "
            "list of popular machines and the latest in the curated table (rows with one hashrate "
            "figure, sources above low), the largest where several share a month. Blocks a year "
            "mining alone are that machine's share of today's network times "
            "{target_blocks_per_day} blocks a day."
        ),
        limits=(
            "Whether more efficient hardware would reduce entry barriers is a counterfactual; "
            "the figures show only that past gains were absorbed by a larger network. The pool's "
            "list starts with machines still sold in its snapshot, not with the first ASICs."
        ),
        needs=(
            "The size distribution of mining operations over time (hashrate by operator) and the "
            "cost per TH/s by size of operation, to show whether efficiency gains lower the "
            "smallest viable scale."
        ),
        tables={"devices": devices},
    )
