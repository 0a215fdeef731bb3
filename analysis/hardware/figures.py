"""Labels and units of the hardware family's figures, and the reading of 'exponentially
greater' that two of its claims share. One declaration, so a figure named in two
assessments is labelled once; each claim picks its figures from it, in report order, with
:func:`declared`.
"""

from __future__ import annotations

import pandas as pd

from analysis.result import Figures

# "Exponentially greater" read as "by orders of magnitude", plural: at least two (x100).
ORDERS_OF_MAGNITUDE = 2


def multiple_threshold() -> float:
    """The factor that 'exponentially greater' is read as (orders of magnitude, plural)."""
    return float(10**ORDERS_OF_MAGNITUDE)


def date_figure(value: pd.Timestamp) -> float:
    """A date as the ordinal a figure of unit ``date`` holds."""
    return float(pd.Timestamp(value).toordinal())


# Label and unit of every figure the assessments return, by name.
_LABELS: dict[str, tuple[str, str]] = {
    "asic_vs_cpu_multiple": ("Hashes per joule, best ASIC over best CPU", "multiple"),
    "asic_vs_gpu_multiple": ("Hashes per joule, best ASIC over best GPU", "multiple"),
    "asic_vs_cpu_orders": ("Orders of magnitude, best ASIC over best CPU", "ratio"),
    "asic_to_2020_vs_gpu_multiple": (
        "Hashes per joule, best ASIC in CBECI over best GPU",
        "multiple",
    ),
    "exponential_threshold": ("Least multiple read as orders of magnitude", "multiple"),
    "best_cpu_j_th": ("Best CPU (CBECI placeholder)", "j_per_th"),
    "best_gpu_j_th": ("Best GPU (CBECI placeholder)", "j_per_th"),
    "best_fpga_j_th": ("FPGA (CBECI placeholder)", "j_per_th"),
    "best_asic_j_th": ("Best ASIC in the data", "j_per_th"),
    "best_asic_date": ("Best ASIC available from", "date"),
    "first_asic_date": ("First ASIC row (CBECI placeholder)", "date"),
    "first_asic_j_th": ("First ASIC row", "j_per_th"),
    "gpu_vs_cpu_multiple": ("Hashes per joule, best GPU over best CPU", "multiple"),
    "first_asic_vs_gpu_multiple": ("Hashes per joule, first ASIC row over best GPU", "multiple"),
    "first_asic_vs_fpga_multiple": ("Hashes per joule, first ASIC row over FPGA", "multiple"),
    "first_named_asic_date": ("First named ASIC available from", "date"),
    "first_named_asic_vs_gpu_multiple": (
        "Hashes per joule, first named ASIC over best GPU",
        "multiple",
    ),
    "asic_gain_since_first": ("Hashes per joule, best ASIC over first ASIC row", "multiple"),
    "immediate_window_months": ("Window read as 'immediate'", "months"),
    "growth_before_first_asic": ("Hashrate growth in the window before the first ASIC", "multiple"),
    "growth_after_first_asic": ("Hashrate growth in the window after the first ASIC", "multiple"),
    "cbeci_last_date": ("Last release in CBECI's list", "date"),
    "top_device_ths": ("Largest hashrate of one machine on the pool's device list", "ths"),
    "top_device_vs_cpu_multiple": ("That machine's hashrate over a typical CPU's", "multiple"),
    "cpu_era_median_ths": ("Median network hashrate in the CPU era", "ths"),
    "cpu_era_start": ("First hashrate sample", "date"),
    "cpu_era_end": ("First GPU row in CBECI's list", "date"),
    "network_in_cpus_low": ("CPU-era network in typical CPUs (fast end)", "ratio"),
    "network_in_cpus_high": ("CPU-era network in typical CPUs (slow end)", "ratio"),
    "cpu_share_pct": ("One typical CPU's share after joining the CPU-era network", "percent"),
    "cpu_era_blocks": ("Blocks found in the CPU era", "count"),
    "cpu_expected_blocks": ("Blocks one typical CPU would expect in the CPU era", "count"),
    "cpu_era_energy_low_kwh": ("Network energy a year, CPU era, at the best CPU", "kwh"),
    "cpu_era_energy_high_kwh": ("Network energy a year, CPU era, at the worst CPU", "kwh"),
    "patoshi_period_blocks": ("Blocks found in the years the estimate names", "count"),
    "patoshi_share_min_pct": ("Least share of those blocks found by the single miner", "percent"),
    "hashrate_growth_multiple": ("Network hashrate, latest over the CPU-era median", "multiple"),
    "hashrate_growth_orders": ("Orders of magnitude of that growth", "ratio"),
    "latest_hashrate_ehs": ("Latest network hashrate", "ehs"),
    "latest_date": ("Date of the latest hashrate", "date"),
    "energy_now_best_twh": ("Network energy a year now, best-in-class machines", "twh"),
    "energy_now_reference_twh": ("Network energy a year now, reference machine", "twh"),
    "energy_now_legacy_twh": ("Network energy a year now, older machines", "twh"),
    "energy_growth_min_multiple": ("Least growth of the network's energy a year", "multiple"),
    "non_cash_share_low": ("Listed miners' non-cash share of all-in cost, lowest", "percent"),
    "non_cash_share_high": ("Listed miners' non-cash share of all-in cost, highest", "percent"),
    "non_cash_estimates": ("Estimates giving both cash and all-in cost", "count"),
    "efficiency_gain_multiple": ("Hashes per joule, best ASIC over first named ASIC", "multiple"),
    "network_growth_since_first_named": ("Network hashrate growth since then", "multiple"),
    "energy_floor_then_twh": ("Least network energy a year then", "twh"),
    "energy_floor_now_twh": ("Least network energy a year now", "twh"),
    "energy_floor_growth": ("Growth of the least network energy", "multiple"),
    "early_device_share_pct": (
        "Earliest listed machine's share of the network at release",
        "percent",
    ),
    "early_device_date": ("Release month of the earliest listed machine", "date"),
    "late_device_share_pct": ("Latest listed machine's share of the network at release", "percent"),
    "late_device_date": ("Release month of the latest listed machine", "date"),
    "device_share_fall_multiple": ("Fall in a new machine's share of the network", "multiple"),
    "late_device_solo_blocks_per_year": ("Blocks the latest machine expects alone", "per_year"),
}
FITS = {
    "frontier": "All classes",
    "asic": "Named ASICs",
    "early_asic": "Named ASICs to the end of CBECI's list",
    "late_asic": "Named ASICs after CBECI's list",
}
for _prefix, _label in FITS.items():
    _LABELS[f"{_prefix}_halving_months"] = (f"{_label}: months to halve energy per hash", "months")
    _LABELS[f"{_prefix}_r_squared"] = (f"{_label}: R-squared on the log scale", "ratio")
    _LABELS[f"{_prefix}_points"] = (f"{_label}: record machines fitted", "count")


FIGURES = Figures(*((name, label, unit) for name, (label, unit) in _LABELS.items()))


def fit_names(prefix: str) -> tuple[str, str, str]:
    """The names of an exponential fit's figures: halving time, R-squared, records fitted."""
    return (f"{prefix}_halving_months", f"{prefix}_r_squared", f"{prefix}_points")


def declared(*names: str) -> Figures:
    """The family's figures called ``names``, in that order."""
    return Figures(*(FIGURES.spec(name) for name in names))
