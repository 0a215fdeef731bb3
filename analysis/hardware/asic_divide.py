"""The ASIC divide: how many more hashes per joule ASICs do than CPUs and GPUs, whether the
gap opened at once, and the exponential trend of the best machine's efficiency.
"""

from __future__ import annotations

import math

import pandas as pd

from analysis.hardware.efficiency import (
    ExponentialFit,
    best_of_class,
    first_of_class,
    fit_records,
    frontier_records,
    mark_records,
    split_records,
)
from analysis.hardware.figures import FITS, date_figure, declared, fit_names, multiple_threshold
from analysis.hardware.network import growth_around
from analysis.result import Assessment, FigureSpec, Margin, MarginRule, Verdict

# "Immediate" read as within a year of the first ASIC's release.
IMMEDIATE_WINDOW_MONTHS = 12

FIGURES = declared(
    "first_asic_vs_gpu_multiple",
    "asic_vs_cpu_multiple",
    "asic_vs_gpu_multiple",
    "asic_vs_cpu_orders",
    "asic_to_2020_vs_gpu_multiple",
    "exponential_threshold",
    "best_cpu_j_th",
    "best_gpu_j_th",
    "best_fpga_j_th",
    "best_asic_j_th",
    "best_asic_date",
    "first_asic_date",
    "first_asic_j_th",
    "gpu_vs_cpu_multiple",
    "first_asic_vs_fpga_multiple",
    "first_named_asic_date",
    "first_named_asic_vs_gpu_multiple",
    "asic_gain_since_first",
    "immediate_window_months",
    "growth_before_first_asic",
    "growth_after_first_asic",
    "cbeci_last_date",
    "top_device_ths",
    "top_device_vs_cpu_multiple",
    *(name for prefix in FITS for name in fit_names(prefix)),
)
SUMMARY_GAP = (
    "At their arrival ({first_asic_date}) ASICs did {first_asic_vs_gpu_multiple} as many "
    "hashes per joule as the best GPU, the better consumer class, "
)
SUMMARY_THRESHOLD = (
    " the {exponential_threshold} read as 'exponentially greater' (CBECI's rows, round "
    "placeholders; the first named ASIC, of {first_named_asic_date}, did "
    "{first_named_asic_vs_gpu_multiple}). Network hashrate grew {growth_after_first_asic} in "
    "the {immediate_window_months} after the first ASIC against {growth_before_first_asic} "
    "before, so the divide was "
)
SUMMARY_TREND = (
    ". Most of today's gap came later: the best ASIC in the data ({best_asic_date}) does "
    "{asic_vs_gpu_multiple} as many hashes per joule as the best GPU and "
    "{asic_vs_cpu_multiple} as many as the best CPU, a further {asic_gain_since_first} since "
    "the first ASIC row, and is not what the claim speaks of. "
    "The best ASIC's energy per hash halved every {asic_halving_months} (R-squared "
    "{asic_r_squared}), slowing from {early_asic_halving_months} to {late_asic_halving_months}."
)
METHOD = (
    "Efficiency is energy per hash (J/TH): CBECI's hardware table to {cbeci_last_date}, "
    "then the curated ASIC table (rows from sources rated low left out). The ratio of two "
    "efficiencies is how many times more hashes one machine does per joule. Consumer "
    "hardware is CBECI's best CPU and best GPU rows. The claim speaks of the ASICs' "
    "arrival, so the comparison that decides is the first ASIC row against the best GPU, "
    "both as they were then, not today's machines. 'Exponentially greater' is read as "
    "orders of magnitude, plural: it holds if that first ASIC does at least "
    "{exponential_threshold} as many hashes per joule as the best GPU. 'Immediate' is read as within {immediate_window_months} of the first ASIC row: "
    "it holds if network hashrate grew more in that window after the row's date than in "
    "the same window before. Supported if both hold, partly supported if only the first "
    "does, contradicted otherwise. The trend is a least-squares line through the "
    "logarithm of efficiency against release date, over the record machines (each more "
    "efficient than all earlier ones): over all classes energy per hash halved every "
    "{frontier_halving_months} (R-squared {frontier_r_squared}, {frontier_points} "
    "records); over named ASICs every {asic_halving_months} ({asic_points} records). Per "
    "device, a mining pool's list of popular machines holds machines of up to "
    "{top_device_ths}, {top_device_vs_cpu_multiple} a CPU at the fast end of a cited "
    "range ({cpu_hashrate_high_ths})."
)
LIMITS = (
    "CBECI's CPU, GPU, FPGA and early-ASIC rows are round placeholders a factor of ten "
    "apart, not measured machines: the gap to consumer hardware is good to an order of "
    "magnitude, and so is the early part of the all-class trend. The first ASIC row's "
    "date is CBECI's. No CPU hashrate is in the project's data; the cited range is for CPU "
    "miners after later software refinements. The halving time lengthened after "
    "{cbeci_last_date}, so one exponential describes the ASIC era only roughly. Several "
    "curated ASIC rows rest on reseller pages."
)
NEEDS = (
    "Measured hashrate and power of the CPUs and GPUs used for mining in each year (a "
    "benchmark table of the period) would replace CBECI's placeholder rows."
)


def fit_values(prefix: str, fit: ExponentialFit | None) -> dict[str, float | None]:
    """The halving time, R-squared and record count of ``fit``, named with ``prefix``."""
    halving, r_squared, points = fit_names(prefix)
    return {
        halving: fit.halving_months if fit else None,
        r_squared: fit.r_squared if fit else None,
        points: float(fit.points) if fit else 0.0,
    }


def _fit_line(fit: ExponentialFit | None, records: pd.DataFrame, series: str) -> pd.DataFrame:
    if fit is None:
        return pd.DataFrame(columns=["date", "efficiency_j_th", "series"])
    dates = pd.Series(
        pd.date_range(records["available_from"].min(), records["available_from"].max(), freq="MS")
    )
    return pd.DataFrame({"date": dates, "efficiency_j_th": fit.values_at(dates), "series": series})


def _verdict(main: bool, secondary: bool) -> Verdict:
    if not main:
        return Verdict.CONTRADICTED
    return Verdict.SUPPORTED if secondary else Verdict.PARTLY_SUPPORTED


ARRIVAL_FLIP = FigureSpec(
    "arrival_multiple_flip", "First ASIC over best GPU at which the verdict flips", "multiple"
)
GROWTH_FLIP = FigureSpec(
    "growth_after_flip", "Hashrate growth after the first ASIC at which it flips", "multiple"
)
NARROWER = MarginRule(
    "first_asic_vs_gpu_multiple",
    ARRIVAL_FLIP,
    "below",
    Verdict.CONTRADICTED,
    "Contradicted if the first ASIC had done fewer than {arrival_multiple_flip} as many "
    "hashes per joule as the best GPU.",
)
WIDER = MarginRule(
    "first_asic_vs_gpu_multiple",
    ARRIVAL_FLIP,
    "above",
    Verdict.PARTLY_SUPPORTED,
    "Partly supported or better if the first ASIC had done at least {arrival_multiple_flip} "
    "as many hashes per joule as the best GPU.",
)
FASTER = MarginRule(
    "growth_after_first_asic",
    GROWTH_FLIP,
    "above",
    Verdict.SUPPORTED,
    "Supported if hashrate had grown more than {growth_after_flip} in the window after the "
    "first ASIC, its growth in the window before.",
)

SLOWER = MarginRule(
    "growth_after_first_asic",
    GROWTH_FLIP,
    "below",
    Verdict.PARTLY_SUPPORTED,
    "Partly supported if hashrate had grown no more than {growth_after_flip} in the window "
    "after the first ASIC, its growth in the window before.",
)


def _margin(values: dict[str, float | None], wide: bool, immediate: bool) -> Margin | None:
    """Contradicted turns on the multiple at arrival, partly on the growth after it;
    supported on whichever of the two is nearer its threshold, in orders of magnitude."""
    multiple = values["first_asic_vs_gpu_multiple"] or 0.0
    before, after = values["growth_before_first_asic"], values["growth_after_first_asic"]
    if not wide:
        return WIDER.at(multiple_threshold())
    if not immediate:
        return FASTER.at(before)
    if (
        before
        and after
        and math.log10(after / before) < math.log10(multiple / multiple_threshold())
    ):
        return SLOWER.at(before)
    return NARROWER.at(multiple_threshold())


def _class_values(machines: pd.DataFrame) -> dict[str, float]:
    """The best of each class, the first ASICs and the multiples between them."""
    cpu, gpu, fpga, asic = (
        float(best_of_class(machines, c)["efficiency_j_th"]) for c in ("CPU", "GPU", "FPGA", "ASIC")
    )
    best = best_of_class(machines, "ASIC")
    first = first_of_class(machines, "ASIC")
    first_named = first_of_class(machines, "ASIC", named_only=True)
    to_2020 = best_of_class(machines[machines["source"] == "CBECI"], "ASIC")["efficiency_j_th"]
    first_eff = float(first["efficiency_j_th"])
    return {
        "asic_vs_cpu_multiple": cpu / asic,
        "asic_vs_gpu_multiple": gpu / asic,
        "asic_vs_cpu_orders": math.log10(cpu / asic),
        "asic_to_2020_vs_gpu_multiple": gpu / float(to_2020),
        "exponential_threshold": multiple_threshold(),
        "best_cpu_j_th": cpu,
        "best_gpu_j_th": gpu,
        "best_fpga_j_th": fpga,
        "best_asic_j_th": asic,
        "best_asic_date": date_figure(best["available_from"]),
        "first_asic_date": date_figure(first["available_from"]),
        "first_asic_j_th": first_eff,
        "gpu_vs_cpu_multiple": cpu / gpu,
        "first_asic_vs_gpu_multiple": gpu / first_eff,
        "first_asic_vs_fpga_multiple": fpga / first_eff,
        "first_named_asic_date": date_figure(first_named["available_from"]),
        "first_named_asic_vs_gpu_multiple": gpu / float(first_named["efficiency_j_th"]),
        "asic_gain_since_first": first_eff / asic,
    }


def _record_fits(
    machines: pd.DataFrame, cbeci_last: pd.Timestamp
) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, ExponentialFit | None]]:
    """The record machines, the named-ASIC records, and the fit of each series in ``FITS``."""
    records = frontier_records(machines)
    asic_records = records[(records["hardware_class"] == "ASIC") & ~records["placeholder"]]
    early, late = split_records(asic_records, cbeci_last)
    series = {"frontier": records, "asic": asic_records, "early_asic": early, "late_asic": late}
    return records, asic_records, {prefix: fit_records(series[prefix]) for prefix in FITS}


def assess_asic_divide(
    classified_machines: pd.DataFrame,
    cbeci_miners: pd.DataFrame,
    f2pool_efficiency: pd.DataFrame,
    hashrate: pd.DataFrame,
    cpu_hashrate_high_ths: float,
) -> Assessment:
    """The ASIC's advantage over CPUs and GPUs in hashes per joule, whether it came at once,
    and the exponential trend of the best machine's efficiency."""
    machines = classified_machines
    first = first_of_class(machines, "ASIC")
    before, after = growth_around(hashrate, first["available_from"], IMMEDIATE_WINDOW_MONTHS)
    cbeci_last = pd.Timestamp(cbeci_miners["released"].max()).normalize()
    records, asic_records, fitted = _record_fits(machines, cbeci_last)
    top = float(f2pool_efficiency["hashrate_ths"].max())
    classes = _class_values(machines)
    values: dict[str, float | None] = {
        **classes,
        "immediate_window_months": float(IMMEDIATE_WINDOW_MONTHS),
        "growth_before_first_asic": before,
        "growth_after_first_asic": after,
        "cbeci_last_date": date_figure(cbeci_last),
        "top_device_ths": top,
        "top_device_vs_cpu_multiple": top / cpu_hashrate_high_ths,
    }
    for prefix, fit in fitted.items():
        values.update(fit_values(prefix, fit))
    wide = classes["first_asic_vs_gpu_multiple"] >= multiple_threshold()
    immediate = after > before
    summary = (
        SUMMARY_GAP
        + ("reaching" if wide else "short of")
        + SUMMARY_THRESHOLD
        + ("immediate" if immediate else "not immediate")
        + SUMMARY_TREND
    )
    lines = pd.concat(
        [
            _fit_line(fitted["asic"], asic_records, "Fitted trend, named ASICs"),
            _fit_line(fitted["frontier"], records, "Fitted trend, all classes"),
        ],
        ignore_index=True,
    )
    return Assessment(
        verdict=_verdict(wide, immediate),
        summary=summary,
        figures=FIGURES.fill(**values),
        method=METHOD,
        limits=LIMITS,
        needs=NEEDS,
        tables={"machines": mark_records(machines, records), "fit": lines, "records": records},
        margin=_margin(values, wide, immediate),
    )
