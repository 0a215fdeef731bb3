"""Mining hardware: the efficiency gap between consumer hardware and ASICs, the exponential
trend of the best machine's efficiency, and the network's growth since the CPU era.

Efficiency comes from CBECI's hardware table (to May 2020, with round placeholder rows for
CPUs, GPUs and FPGAs) and the curated ASIC table after it; hashrate from blockchain.com.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.issuance import blocks_per_day, interpolate_at
from analysis.mining_energy import JOULES_PER_TH_PER_J_PER_GH, machine_efficiencies
from analysis.result import Assessment, Figure, Verdict

DAYS_PER_MONTH = 365.25 / 12
HOURS_PER_DAY = 24
WATT_HOURS_PER_KWH = 1000
KWH_PER_TWH = 1e9
_PLACEHOLDERS = ("CPU", "GPU", "FPGA", "EARLY ASIC")  # CBECI's round placeholder rows
# "Exponentially greater" read as "by orders of magnitude", plural: at least two (x100).
ORDERS_OF_MAGNITUDE = 2
# "Immediate" read as within a year of the first ASIC's release.
IMMEDIATE_WINDOW_MONTHS = 12
# The years Lerner gives for the single early miner's blocks ("during 2009-2010").
PATOSHI_PERIOD = (pd.Timestamp("2009-01-01"), pd.Timestamp("2011-01-01"))


def hardware_class(machine: str) -> str:
    """CPU, GPU, FPGA or ASIC, from a machine's name in CBECI's or the curated table."""
    name = machine.upper()
    return next((c for c in ("CPU", "GPU", "FPGA") if c in name), "ASIC")


def is_placeholder(machine: str) -> bool:
    """Whether the row is one of CBECI's round placeholder rows rather than a named machine."""
    return any(p in machine.upper() for p in _PLACEHOLDERS)


def classified_machines(cbeci_miners: pd.DataFrame, asic_models: pd.DataFrame) -> pd.DataFrame:
    """Dated machines with efficiency (J/TH), ``hardware_class`` and ``placeholder``."""
    machines = machine_efficiencies(cbeci_miners, asic_models)
    names = machines["machine"].astype(str)
    return machines.assign(
        hardware_class=names.map(hardware_class), placeholder=names.map(is_placeholder)
    )


def best_of_class(machines: pd.DataFrame, hardware: str) -> pd.Series:
    """The most efficient machine of a class (the earliest if several tie)."""
    rows = machines[machines["hardware_class"] == hardware]
    if rows.empty:
        raise ValueError(f"no {hardware} rows")
    return rows.sort_values(["efficiency_j_th", "available_from"]).iloc[0]


def first_of_class(machines: pd.DataFrame, hardware: str, named_only: bool = False) -> pd.Series:
    """The earliest machine of a class (the most efficient on that date)."""
    rows = machines[machines["hardware_class"] == hardware]
    if named_only:
        rows = rows[~rows["placeholder"]]
    if rows.empty:
        raise ValueError(f"no {hardware} rows")
    return rows.sort_values(["available_from", "efficiency_j_th"]).iloc[0]


def frontier_records(machines: pd.DataFrame) -> pd.DataFrame:
    """Machines that were more efficient than every earlier machine on their release date."""
    per_date = machines.sort_values(["available_from", "efficiency_j_th"]).drop_duplicates(
        "available_from"
    )
    earlier_best = per_date["efficiency_j_th"].cummin().shift(fill_value=np.inf)
    return per_date[per_date["efficiency_j_th"] < earlier_best].reset_index(drop=True)


def months_since(dates: pd.Series, start: pd.Timestamp) -> np.ndarray:
    """Months (of average length) from ``start`` to each date."""
    days = (pd.to_datetime(dates) - start).dt.total_seconds().to_numpy() / 86_400
    return np.asarray(days / DAYS_PER_MONTH, dtype="float64")


@dataclass(frozen=True)
class ExponentialFit:
    """Least-squares line through log2(value) against months since ``start``."""

    start: pd.Timestamp
    slope: float  # change in log2(value) per month
    intercept: float  # log2(value) at ``start``
    r_squared: float  # of the fit on the log scale
    points: int

    @property
    def halving_months(self) -> float | None:
        """Months for the value to halve; None when it does not fall."""
        return -1.0 / self.slope if self.slope < 0 else None

    def values_at(self, dates: pd.Series) -> np.ndarray:
        """The fitted values at ``dates``."""
        return np.asarray(2.0 ** (self.intercept + self.slope * months_since(dates, self.start)))


def exponential_fit(dates: pd.Series, values: pd.Series) -> ExponentialFit:
    """Fit value = 2 ** (intercept + slope x months), by least squares on log2(value)."""
    if len(values) < 2 or (values <= 0).any():
        raise ValueError("an exponential fit needs at least two positive values")
    start = pd.Timestamp(pd.to_datetime(dates).min())
    x = months_since(dates, start)
    y = np.log2(values.to_numpy(dtype="float64"))
    slope, intercept = np.polyfit(x, y, 1)
    residual = float(((y - (intercept + slope * x)) ** 2).sum())
    total = float(((y - y.mean()) ** 2).sum())
    r_squared = 1.0 - residual / total if total > 0 else 1.0
    return ExponentialFit(start, float(slope), float(intercept), r_squared, len(values))


def fit_records(records: pd.DataFrame) -> ExponentialFit | None:
    """The exponential fit of frontier records' efficiency against release date; None with
    fewer than two records."""
    if len(records) < 2:
        return None
    return exponential_fit(records["available_from"], records["efficiency_j_th"])


def split_records(records: pd.DataFrame, split: pd.Timestamp) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Records up to ``split``, and from the last record at or before it onwards."""
    early = records[records["available_from"] <= split]
    late = records[records["available_from"] >= early["available_from"].max()]
    return early, late


def hashrate_at(hashrate: pd.DataFrame, date: pd.Timestamp) -> float:
    """Network hashrate (TH/s) at ``date``, read between samples."""
    return float(interpolate_at(pd.Series([date]), hashrate, "hashrate_ths").iloc[0])


def period_median(hashrate: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp) -> float:
    """Median network hashrate (TH/s) of the samples from ``start`` to before ``end``."""
    inside = hashrate[(hashrate["date"] >= start) & (hashrate["date"] < end)]
    return float(inside["hashrate_ths"].median())


def growth_around(hashrate: pd.DataFrame, date: pd.Timestamp, months: int) -> tuple[float, float]:
    """Hashrate growth multiple over the ``months`` before ``date`` and the ``months`` after."""
    before, after = date - pd.DateOffset(months=months), date + pd.DateOffset(months=months)
    at = hashrate_at(hashrate, date)
    return at / hashrate_at(hashrate, before), hashrate_at(hashrate, after) / at


def annual_energy_kwh(
    hashrate_ths: float, efficiency_j_per_th: float, days_per_year: float
) -> float:
    """Energy a year (kWh) of ``hashrate_ths`` running at ``efficiency_j_per_th`` all year."""
    watts = hashrate_ths * efficiency_j_per_th
    return watts * HOURS_PER_DAY * days_per_year / WATT_HOURS_PER_KWH


def blocks_in_period(
    hashrate: pd.DataFrame,
    difficulty: pd.DataFrame,
    hashes_per_unit_difficulty: float,
    start: pd.Timestamp,
    end: pd.Timestamp,
) -> float:
    """Blocks found from ``start`` to before ``end``: blocks a day from hashrate and
    difficulty, times the days each sample stands for (until the next sample)."""
    daily = blocks_per_day(hashrate, difficulty, hashes_per_unit_difficulty)
    inside = daily[(daily["date"] >= start) & (daily["date"] < end)].reset_index(drop=True)
    gaps = inside["date"].diff().shift(-1).dt.total_seconds() / 86_400
    gaps = gaps.fillna(gaps.median() if gaps.notna().any() else 1.0)
    return float((inside["blocks_per_day"] * gaps).sum())


def f2pool_efficiency(f2pool_devices: pd.DataFrame) -> pd.DataFrame:
    """F2Pool's devices with efficiency (J/TH = W / TH/s) and release month as a date."""
    released = pd.to_datetime(
        {
            "year": f2pool_devices["year_released"],
            "month": f2pool_devices["month_released"],
            "day": 1,
        }
    )
    return f2pool_devices.assign(
        efficiency_j_th=f2pool_devices["power_w"] / f2pool_devices["hashrate_ths"],
        released=released,
    )


def curated_devices(asic_models: pd.DataFrame) -> pd.DataFrame:
    """Curated machines with one hashrate figure (TH/s) and a date, from sources rated above
    'low' (rows listing several hashrate bins have no single figure and are left out)."""
    hashrate = pd.to_numeric(asic_models["hashrate_ths"], errors="coerce")
    keep = hashrate.notna() & asic_models["available_from"].notna()
    keep &= asic_models["source_level"] != "low"
    rows = asic_models[keep]
    return pd.DataFrame(
        {
            "device": rows["model"],
            "hashrate_ths": hashrate[keep],
            "released": pd.to_datetime(rows["available_from"]),
        }
    ).reset_index(drop=True)


def device_shares(devices: pd.DataFrame, hashrate: pd.DataFrame) -> pd.DataFrame:
    """Each device's share (%) of the network's hashrate in its release month."""
    network = interpolate_at(devices["released"], hashrate, "hashrate_ths")
    return devices.assign(share_pct=100.0 * devices["hashrate_ths"] / network)


def multiple_threshold() -> float:
    """The factor that 'exponentially greater' is read as (orders of magnitude, plural)."""
    return float(10**ORDERS_OF_MAGNITUDE)


def _date(value: pd.Timestamp) -> float:
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
    "late_device_solo_blocks_per_year": ("Blocks a year the latest machine expects alone", "ratio"),
}
_FITS = {
    "frontier": "All classes",
    "asic": "Named ASICs",
    "early_asic": "Named ASICs to the end of CBECI's list",
    "late_asic": "Named ASICs after CBECI's list",
}
for _prefix, _label in _FITS.items():
    _LABELS[f"{_prefix}_halving_months"] = (f"{_label}: months to halve energy per hash", "months")
    _LABELS[f"{_prefix}_r_squared"] = (f"{_label}: R-squared on the log scale", "ratio")
    _LABELS[f"{_prefix}_points"] = (f"{_label}: record machines fitted", "count")


def figures_of(values: Mapping[str, float | None]) -> tuple[Figure, ...]:
    """Figures in the order of ``values``, labelled from the module's label table."""
    return tuple(Figure(n, _LABELS[n][0], v, _LABELS[n][1]) for n, v in values.items())


def fit_values(prefix: str, fit: ExponentialFit | None) -> dict[str, float | None]:
    """The halving time, R-squared and record count of ``fit``, named with ``prefix``."""
    return {
        f"{prefix}_halving_months": fit.halving_months if fit else None,
        f"{prefix}_r_squared": fit.r_squared if fit else None,
        f"{prefix}_points": float(fit.points) if fit else 0.0,
    }


def cbeci_machines(cbeci_miners: pd.DataFrame) -> pd.DataFrame:
    """CBECI's rows alone, in the columns of ``classified_machines``."""
    names = cbeci_miners["miner"].astype(str)
    return pd.DataFrame(
        {
            "machine": names,
            "available_from": cbeci_miners["released"].dt.normalize(),
            "efficiency_j_th": cbeci_miners["efficiency_j_gh"] * JOULES_PER_TH_PER_J_PER_GH,
            "source": "CBECI",
            "hardware_class": names.map(hardware_class),
            "placeholder": names.map(is_placeholder),
        }
    )


def cpu_era(machines: pd.DataFrame, hashrate: pd.DataFrame) -> tuple[pd.Timestamp, pd.Timestamp]:
    """From the first hashrate sample to the release date of the first GPU row."""
    first_gpu = first_of_class(machines, "GPU")["available_from"]
    return pd.Timestamp(hashrate["date"].min()), pd.Timestamp(first_gpu)


def _fit_line(fit: ExponentialFit | None, records: pd.DataFrame, series: str) -> pd.DataFrame:
    if fit is None:
        return pd.DataFrame(columns=["date", "efficiency_j_th", "series"])
    dates = pd.Series(
        pd.date_range(records["available_from"].min(), records["available_from"].max(), freq="MS")
    )
    return pd.DataFrame({"date": dates, "efficiency_j_th": fit.values_at(dates), "series": series})


def mark_records(machines: pd.DataFrame, records: pd.DataFrame) -> pd.DataFrame:
    """``machines`` with a ``record`` column: True for the frontier records."""
    keys = set(zip(records["machine"], records["available_from"], strict=True))
    pairs = zip(machines["machine"], machines["available_from"], strict=True)
    return machines.assign(record=[pair in keys for pair in pairs])


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
        "best_asic_date": _date(best["available_from"]),
        "first_asic_date": _date(first["available_from"]),
        "first_asic_j_th": first_eff,
        "gpu_vs_cpu_multiple": cpu / gpu,
        "first_asic_vs_gpu_multiple": gpu / first_eff,
        "first_asic_vs_fpga_multiple": fpga / first_eff,
        "first_named_asic_date": _date(first_named["available_from"]),
        "first_named_asic_vs_gpu_multiple": gpu / float(first_named["efficiency_j_th"]),
        "asic_gain_since_first": first_eff / asic,
        "immediate_window_months": float(IMMEDIATE_WINDOW_MONTHS),
        "growth_before_first_asic": before,
        "growth_after_first_asic": after,
        "cbeci_last_date": _date(cbeci_last),
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
        "cpu_era_start": _date(start),
        "cpu_era_end": _date(end),
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
        "cpu_era_end": _date(end),
        "latest_hashrate_ehs": now / 1e6,
        "latest_date": _date(latest["date"]),
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
        "first_named_asic_date": _date(first["available_from"]),
        "network_growth_since_first_named": now / then,
        "energy_floor_then_twh": floor_then / KWH_PER_TWH,
        "energy_floor_now_twh": floor_now / KWH_PER_TWH,
        "energy_floor_growth": floor_now / floor_then,
        "early_device_share_pct": early["share_pct"],
        "early_device_date": _date(early["released"]),
        "late_device_share_pct": late["share_pct"],
        "late_device_date": _date(late["released"]),
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
