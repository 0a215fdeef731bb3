"""The ASIC divide: how many more hashes per joule ASICs do than CPUs and GPUs, whether the
gap opened at once, and the exponential trend of the best machine's efficiency.
"""

from __future__ import annotations

import math

import pandas as pd

from analysis.hardware.efficiency import (
    ExponentialFit,
    best_of_class,
    classified_machines,
    first_of_class,
    fit_records,
    frontier_records,
    mark_records,
    split_records,
)
from analysis.hardware.figures import date_figure, figures_of, multiple_threshold
from analysis.hardware.network import f2pool_efficiency, growth_around
from analysis.result import Assessment, Verdict

# "Immediate" read as within a year of the first ASIC's release.
IMMEDIATE_WINDOW_MONTHS = 12


def fit_values(prefix: str, fit: ExponentialFit | None) -> dict[str, float | None]:
    """The halving time, R-squared and record count of ``fit``, named with ``prefix``."""
    return {
        f"{prefix}_halving_months": fit.halving_months if fit else None,
        f"{prefix}_r_squared": fit.r_squared if fit else None,
        f"{prefix}_points": float(fit.points) if fit else 0.0,
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


def assess_asic_divide(
    cbeci_miners: pd.DataFrame,
    asic_models: pd.DataFrame,
    f2pool_devices: pd.DataFrame,
    hashrate: pd.DataFrame,
    cpu_hashrate_high_ths: float,
) -> Assessment:
    """The ASIC's advantage over CPUs and GPUs in hashes per joule, whether it came at once,
    and the exponential trend of the best machine's efficiency."""
    machines = classified_machines(cbeci_miners, asic_models)
    cpu, gpu, fpga, asic = (
        float(best_of_class(machines, c)["efficiency_j_th"]) for c in ("CPU", "GPU", "FPGA", "ASIC")
    )
    best = best_of_class(machines, "ASIC")
    first = first_of_class(machines, "ASIC")
    first_named = first_of_class(machines, "ASIC", named_only=True)
    to_2020 = best_of_class(machines[machines["source"] == "CBECI"], "ASIC")["efficiency_j_th"]
    before, after = growth_around(hashrate, first["available_from"], IMMEDIATE_WINDOW_MONTHS)
    records = frontier_records(machines)
    asic_records = records[(records["hardware_class"] == "ASIC") & ~records["placeholder"]]
    cbeci_last = pd.Timestamp(cbeci_miners["released"].max()).normalize()
    early, late = split_records(asic_records, cbeci_last)
    fits = {"frontier": records, "asic": asic_records, "early_asic": early, "late_asic": late}
    fitted = {prefix: fit_records(rows) for prefix, rows in fits.items()}
    devices = f2pool_efficiency(f2pool_devices)
    top = float(devices["hashrate_ths"].max())
    first_eff = float(first["efficiency_j_th"])
    values: dict[str, float | None] = {
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
        "immediate_window_months": float(IMMEDIATE_WINDOW_MONTHS),
        "growth_before_first_asic": before,
        "growth_after_first_asic": after,
        "cbeci_last_date": date_figure(cbeci_last),
        "top_device_ths": top,
        "top_device_vs_cpu_multiple": top / cpu_hashrate_high_ths,
    }
    for prefix, fit in fitted.items():
        values.update(fit_values(prefix, fit))
    wide = gpu / asic >= multiple_threshold()
    immediate = after > before
    summary = (
        "The best ASIC in the data ({best_asic_date}) does {asic_vs_cpu_multiple} as many hashes "
        "per joule as CBECI's best CPU and {asic_vs_gpu_multiple} as many as its best GPU, "
        + ("beyond" if wide else "short of")
        + " the {exponential_threshold} read as 'exponentially greater'. The first ASIC row "
        "already did {first_asic_vs_gpu_multiple} as many as the best GPU, and network hashrate "
        "grew {growth_after_first_asic} in the {immediate_window_months} after it against "
        "{growth_before_first_asic} before, so the divide was "
        + ("immediate" if immediate else "not immediate")
        + "; most of today's gap came later, as ASICs gained a further {asic_gain_since_first}. "
        "The best ASIC's energy per hash halved every {asic_halving_months} (R-squared "
        "{asic_r_squared}), slowing from {early_asic_halving_months} to {late_asic_halving_months}."
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
        figures=figures_of(values),
        method=(
            "Efficiency is energy per hash (J/TH): CBECI's hardware table to {cbeci_last_date}, "
            "then the curated ASIC table (rows from sources rated low left out). The ratio of two "
            "efficiencies is how many times more hashes one machine does per joule. Consumer "
            "hardware is CBECI's best CPU and best GPU rows. 'Exponentially greater' is read as "
            "orders of magnitude, plural: it holds if the best ASIC does at least "
            "{exponential_threshold} as many hashes per joule as the best GPU, the better consumer "
            "class. 'Immediate' is read as within {immediate_window_months} of the first ASIC row: "
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
        ),
        limits=(
            "CBECI's CPU, GPU, FPGA and early-ASIC rows are round placeholders a factor of ten "
            "apart, not measured machines: the gap to consumer hardware is good to an order of "
            "magnitude, and so is the early part of the all-class trend. The first ASIC row's "
            "date is CBECI's. No CPU hashrate is in the project's data; the cited range is for CPU "
            "miners after later software refinements. The halving time lengthened after "
            "{cbeci_last_date}, so one exponential describes the ASIC era only roughly. Several "
            "curated ASIC rows rest on reseller pages."
        ),
        needs=(
            "Measured hashrate and power of the CPUs and GPUs used for mining in each year (a "
            "benchmark table of the period) would replace CBECI's placeholder rows."
        ),
        tables={"machines": mark_records(machines, records), "fit": lines, "records": records},
    )
