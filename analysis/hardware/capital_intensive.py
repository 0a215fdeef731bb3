"""From cottage industry to capital-intensive sector: the growth of the network's hashrate
and energy since the CPU era, and the share of listed miners' all-in cost that is not cash
(depreciation of machines and buildings, stock pay), where estimators give both.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from analysis.hardware.figures import date_figure, declared, multiple_threshold
from analysis.hardware.network import KWH_PER_TWH, annual_energy_kwh
from analysis.result import Assessment, Citation, FigureSpec, Margin, MarginRule, Verdict

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
    "non_cash_share_low",
    "non_cash_share_high",
    "non_cash_estimates",
)
SUMMARY_GROWTH = (
    "Network hashrate grew {hashrate_growth_multiple} ({hashrate_growth_orders} orders of "
    "magnitude) from the CPU era's median to {latest_hashrate_ehs} on {latest_date}. Then "
    "the whole network used {cpu_era_energy_low_kwh} to {cpu_era_energy_high_kwh} a year; "
    "at today's hashrate it uses {energy_now_best_twh} to {energy_now_legacy_twh}, at "
    "least {energy_growth_min_multiple} more. "
)
SUMMARY_CAPITAL = (
    "Of listed miners' all-in cost per bitcoin, {non_cash_share_low} to "
    "{non_cash_share_high} is not cash ({non_cash_estimates} estimates giving both), mostly "
    "the depreciation of machines and sites: "
)
SUMMARY_MOST = "most of the cost is capital, so the sector is capital-intensive."
SUMMARY_NOT_MOST = (
    "a large part, but in at least one estimate no more than {majority_share_pct}, so "
    "capital is not shown to be most of the cost."
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
    "(orders of magnitude); contradicted otherwise. Capital intensity is read from the "
    "estimates that give listed miners' cash cost and all-in cost (with depreciation and "
    "stock pay) for the same period: one minus their ratio is the non-cash share. "
    "Supported when the scale changed and the lowest non-cash share is above "
    "{majority_share_pct} (capital is most of the cost), partly supported when the scale "
    "changed but it is not."
)
LIMITS = (
    "The non-cash share counts stock pay beside depreciation, and impairments where the "
    "estimator includes them; it covers listed miners only, from secondary reports of the "
    "estimators' documents. Depreciation is capital spent, spread over the machines' "
    "lives; it does not say how much capital the whole sector holds. Energy now assumes the whole network runs one kind of machine; the real fleet mixes "
    "generations, so the range brackets it. CBECI's CPU efficiencies are round "
    "placeholders. Growth in energy shows a change of scale, not who pays for it or how "
    "much capital it takes."
)
NEEDS = (
    "Capital spent on mining over time: listed miners' filings (machines, buildings and "
    "power infrastructure, per EH/s added), or a price series for machines per TH/s with "
    "the hashrate added each year."
)

_SHARE_FLIP = FigureSpec(
    "non_cash_flip", "Lowest non-cash share at which the verdict flips", "percent"
)
_SCALE_FLIP = FigureSpec(
    "scale_flip", "Least growth of energy at which the verdict flips", "multiple"
)
CAPITAL_BELOW_MOST = MarginRule(
    "non_cash_share_low",
    _SHARE_FLIP,
    "below",
    Verdict.PARTLY_SUPPORTED,
    "Partly supported if the lowest non-cash share were no more than {non_cash_flip}.",
)
CAPITAL_MOST = MarginRule(
    "non_cash_share_low",
    _SHARE_FLIP,
    "above",
    Verdict.SUPPORTED,
    "Supported if the lowest non-cash share were above {non_cash_flip}.",
)
SCALE_GREW = MarginRule(
    "energy_growth_min_multiple",
    _SCALE_FLIP,
    "above",
    Verdict.PARTLY_SUPPORTED,
    "Partly supported or better if the least growth of energy were at least {scale_flip}.",
)


def non_cash_shares(mining_cost_estimates: pd.DataFrame) -> pd.DataFrame:
    """Each estimator and period with both a cash cost and an all-in cost: their values and
    the non-cash share of the all-in cost, in percent."""
    rows = mining_cost_estimates.dropna(subset=["value_usd"])
    # one estimator and one date (or both undated): the same report's two figures
    rows = rows.assign(as_of=rows["as_of"].astype(str))
    key = ["estimator", "as_of"]
    cash = rows[rows["basis"] == "cash cost"].set_index(key)["value_usd"]
    all_in = rows[rows["basis"] == "all-in"].set_index(key)["value_usd"]
    pairs = pd.concat({"cash": cash, "all_in": all_in}, axis=1, join="inner").reset_index()
    return pairs.assign(non_cash_pct=100.0 * (1.0 - pairs["cash"] / pairs["all_in"]))


def _capital_verdict(
    grew: bool, low: float | None, majority_share_pct: float
) -> tuple[Verdict, Margin | None]:
    if not grew:
        return Verdict.CONTRADICTED, SCALE_GREW.at(multiple_threshold())
    if low is not None and low > majority_share_pct:
        return Verdict.SUPPORTED, CAPITAL_BELOW_MOST.at(majority_share_pct)
    return Verdict.PARTLY_SUPPORTED, CAPITAL_MOST.at(majority_share_pct)


def assess_capital_intensive(
    cbeci_machines: pd.DataFrame,
    cpu_era: tuple[pd.Timestamp, pd.Timestamp],
    cpu_era_median_ths: float,
    hashrate: pd.DataFrame,
    asic_efficiency_best_j_per_th: float,
    asic_efficiency_reference_j_per_th: float,
    asic_efficiency_legacy_j_per_th: float,
    cbeci_days_per_year: float,
    mining_cost_estimates: pd.DataFrame,
    majority_share_pct: float,
) -> Assessment:
    """Growth of the network's hashrate and energy since the CPU era, and whether capital
    (the non-cash part of listed miners' cost) is most of the cost."""
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
    pairs = non_cash_shares(mining_cost_estimates)
    low = float(pairs["non_cash_pct"].min()) if not pairs.empty else None
    verdict, margin = _capital_verdict(grew, low, majority_share_pct)
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
        non_cash_share_low=low,
        non_cash_share_high=float(pairs["non_cash_pct"].max()) if not pairs.empty else None,
        non_cash_estimates=float(len(pairs)),
    )
    cited = mining_cost_estimates[
        mining_cost_estimates["estimator"].isin(pairs["estimator"])
        & mining_cost_estimates["basis"].isin(["cash cost", "all-in"])
    ]
    network = hashrate[["date", "hashrate_ths"]].assign(
        era=np.where(hashrate["date"] < end, "CPU era", "after")
    )
    if not grew:
        tail = SUMMARY_DID_NOT_GROW
    elif low is None:
        tail = "No estimate in the data gives both the cash and the all-in cost."
    else:
        tail = SUMMARY_CAPITAL + (
            SUMMARY_MOST if verdict is Verdict.SUPPORTED else SUMMARY_NOT_MOST
        )
    return Assessment(
        verdict=verdict,
        summary=SUMMARY_GROWTH + tail,
        figures=figures,
        method=METHOD,
        limits=LIMITS,
        needs=NEEDS,
        citations=tuple(
            Citation(str(r["source_title"]), str(r["source_address"]), str(r["excerpt"]))
            for _, r in cited.iterrows()
        ),
        tables={"network": network},
        margin=margin,
    )
