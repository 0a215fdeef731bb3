"""Mining in the CPU era: what a standard computer could do, and what the network used; how
distributed mining was is not in the data, and a published estimate attributes many early
blocks to one miner.
"""

from __future__ import annotations

import math

import pandas as pd

from analysis.hardware.figures import date_figure, declared
from analysis.hardware.network import annual_energy_kwh, blocks_between
from analysis.result import Assessment, FigureSpec, Margin, MarginRule, Verdict

# The years Lerner gives for the single early miner's blocks ("during 2009-2010").
PATOSHI_PERIOD = (pd.Timestamp("2009-01-01"), pd.Timestamp("2011-01-01"))

FIGURES = declared(
    "cpu_era_median_ths",
    "cpu_era_start",
    "cpu_era_end",
    "network_in_cpus_low",
    "network_in_cpus_high",
    "cpu_share_pct",
    "cpu_era_blocks",
    "cpu_expected_blocks",
    "cpu_era_energy_low_kwh",
    "cpu_era_energy_high_kwh",
    "patoshi_period_blocks",
    "patoshi_share_min_pct",
)
SUMMARY_ERA = (
    "From {cpu_era_start} to {cpu_era_end} the whole network's median hashrate, "
    "{cpu_era_median_ths}, was {network_in_cpus_low} to {network_in_cpus_high} times one "
    "typical CPU's as cited, and used {cpu_era_energy_low_kwh} to "
    "{cpu_era_energy_high_kwh} a year. One standard computer joining it would have held "
    "{cpu_share_pct} of the hashrate and expected that share of the {cpu_era_blocks} "
    "blocks found, "
)
SUMMARY_CAN_EARN = "so anyone with a computer could earn rewards. "
SUMMARY_CANNOT_EARN = "not one. "
SUMMARY_DISTRIBUTED = (
    "A published forensic estimate attributes {patoshi_blocks} blocks to a single miner, "
    "at least {patoshi_share_min_pct} of the {patoshi_period_blocks} blocks of the years it "
    "names"
)
SUMMARY_NO_MAJORITY = (
    ": no more than {majority_share_pct}, so one miner's dominance does not rule out a "
    "distributed ecosystem, though how many miners there were is not in the data."
)
SUMMARY_MAJORITY = (
    ": more than {majority_share_pct}, so mining was not 'truly distributed' in those years."
)
METHOD = (
    "The CPU era runs from the first hashrate sample to the date of CBECI's first GPU "
    "row. A typical CPU's hashrate is a cited range ({cpu_hashrate_low_ths} to "
    "{cpu_hashrate_high_ths}). 'Earning rewards' is read as expecting at least one block: "
    "a computer at the slow end of the range joining a network at the era's median "
    "hashrate expects its share of the blocks the era's hashrate and difficulty imply "
    "({cpu_expected_blocks}). The network's energy is its median hashrate at CBECI's "
    "best and worst CPU efficiency. The single miner's share is the cited block count "
    "over the blocks the hashrate and difficulty series imply for the years the estimate "
    "names. Contradicted when a computer could not earn rewards, or when that least share "
    "of one miner is above {majority_share_pct} (a majority of the blocks in one hand is "
    "not a distributed ecosystem); partly supported otherwise, since below a majority the "
    "data cannot tell a distributed ecosystem from a few large miners. Supported would "
    "need the number of distinct miners, which is not in the data."
)
LIMITS = (
    "The cited CPU speeds are for miners after later software refinements; the first "
    "client was slower, so one computer's share is overstated, though at any plausible "
    "speed it stays large against a network this small. CBECI's CPU efficiencies are "
    "round placeholders. Hashrate in these years is itself inferred from block times. "
    "The single-miner count is a forensic estimate, not a count from the project's data."
)
NEEDS = (
    "Miner attribution for every block of the CPU era (for example the nonce and "
    "ExtraNonce patterns of the forensic studies applied to each block, or the keys each "
    "coinbase pays), to count distinct miners and the largest miner's share by month."
)

_SHARE_FLIP = FigureSpec(
    "single_miner_flip", "Single miner's least share at which the verdict flips", "percent"
)
_BLOCKS_FLIP = FigureSpec(
    "expected_blocks_flip", "Blocks a computer expects at which the verdict flips", "count"
)
ONE_MINER_MAJORITY = MarginRule(
    "patoshi_share_min_pct",
    _SHARE_FLIP,
    "above",
    Verdict.CONTRADICTED,
    "Contradicted if the single miner's least share were above {single_miner_flip}.",
)
ONE_MINER_MINORITY = MarginRule(
    "patoshi_share_min_pct",
    _SHARE_FLIP,
    "below",
    Verdict.PARTLY_SUPPORTED,
    "Partly supported if the single miner's least share were no more than {single_miner_flip}.",
)
COMPUTER_CANNOT_EARN = MarginRule(
    "cpu_expected_blocks",
    _BLOCKS_FLIP,
    "below",
    Verdict.CONTRADICTED,
    "Contradicted if one computer could expect fewer than {expected_blocks_flip} blocks.",
)
COMPUTER_EARNS = MarginRule(
    "cpu_expected_blocks",
    _BLOCKS_FLIP,
    "above",
    Verdict.PARTLY_SUPPORTED,
    "Partly supported if one computer could expect {expected_blocks_flip} or more blocks "
    "(and no one miner held a majority).",
)


def _verdict_and_margin(
    expected_blocks: float, share_pct: float, majority_share_pct: float
) -> tuple[Verdict, Margin | None]:
    """Partly supported only when a computer could expect a block and no miner held a
    majority; the margin of partly is whichever test is nearer, in orders of magnitude."""
    if expected_blocks < 1.0:
        return Verdict.CONTRADICTED, COMPUTER_EARNS.at(1.0)
    if share_pct > majority_share_pct:
        return Verdict.CONTRADICTED, ONE_MINER_MINORITY.at(majority_share_pct)
    if share_pct > 0 and math.log10(expected_blocks) < math.log10(majority_share_pct / share_pct):
        return Verdict.PARTLY_SUPPORTED, COMPUTER_CANNOT_EARN.at(1.0)
    return Verdict.PARTLY_SUPPORTED, ONE_MINER_MAJORITY.at(majority_share_pct)


def assess_early_cpu_mining(
    cbeci_machines: pd.DataFrame,
    cpu_era: tuple[pd.Timestamp, pd.Timestamp],
    cpu_era_median_ths: float,
    network_blocks_per_day: pd.DataFrame,
    cpu_hashrate_low_ths: float,
    cpu_hashrate_high_ths: float,
    patoshi_blocks: float,
    cbeci_days_per_year: float,
    majority_share_pct: float,
) -> Assessment:
    """What a standard computer could do in the CPU era, and whether a published estimate
    puts a majority of the early blocks in one miner's hands."""
    start, end = cpu_era
    median = cpu_era_median_ths
    era_blocks = blocks_between(network_blocks_per_day, start, end)
    share = cpu_hashrate_low_ths / (median + cpu_hashrate_low_ths)
    cpus = cbeci_machines.loc[cbeci_machines["hardware_class"] == "CPU", "efficiency_j_th"]
    years = blocks_between(network_blocks_per_day, *PATOSHI_PERIOD)
    can_earn = share * era_blocks >= 1.0
    figures = FIGURES.fill(
        cpu_era_median_ths=median,
        cpu_era_start=date_figure(start),
        cpu_era_end=date_figure(end),
        network_in_cpus_low=median / cpu_hashrate_high_ths,
        network_in_cpus_high=median / cpu_hashrate_low_ths,
        cpu_share_pct=100.0 * share,
        cpu_era_blocks=era_blocks,
        cpu_expected_blocks=share * era_blocks,
        cpu_era_energy_low_kwh=annual_energy_kwh(median, cpus.min(), cbeci_days_per_year),
        cpu_era_energy_high_kwh=annual_energy_kwh(median, cpus.max(), cbeci_days_per_year),
        patoshi_period_blocks=years,
        patoshi_share_min_pct=100.0 * patoshi_blocks / years,
    )
    share_pct = 100.0 * patoshi_blocks / years
    verdict, margin = _verdict_and_margin(share * era_blocks, share_pct, majority_share_pct)
    return Assessment(
        verdict=verdict,
        summary=SUMMARY_ERA
        + (SUMMARY_CAN_EARN if can_earn else SUMMARY_CANNOT_EARN)
        + SUMMARY_DISTRIBUTED
        + (SUMMARY_MAJORITY if share_pct > majority_share_pct else SUMMARY_NO_MAJORITY),
        figures=figures,
        method=METHOD,
        limits=LIMITS,
        needs=NEEDS,
        margin=margin,
    )
