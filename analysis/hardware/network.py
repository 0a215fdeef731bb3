"""The network around mining hardware: hashrate read at a date or over a period, the CPU
era and its median hashrate, the energy a hashrate uses in a year, the blocks found in a
period, and the hashrate of single machines (F2Pool's device list and the curated ASIC
table) against the network's.
"""

from __future__ import annotations

import pandas as pd

from analysis.hardware.efficiency import first_of_class
from analysis.measures.issuance import blocks_per_day, interpolate_at
from analysis.result import measure

HOURS_PER_DAY = 24
WATT_HOURS_PER_KWH = 1000
KWH_PER_TWH = 1e9


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
    return blocks_between(
        network_blocks_per_day(hashrate, difficulty, hashes_per_unit_difficulty), start, end
    )


@measure
def network_blocks_per_day(
    hashrate: pd.DataFrame, difficulty: pd.DataFrame, hashes_per_unit_difficulty: float
) -> pd.DataFrame:
    """Blocks a day the network's hashrate and difficulty imply, at each hashrate sample."""
    return blocks_per_day(hashrate, difficulty, hashes_per_unit_difficulty)


def blocks_between(daily: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp) -> float:
    """Blocks found from ``start`` to before ``end``, from a series of blocks a day
    (``date``, ``blocks_per_day``), each sample standing for the days until the next."""
    inside = daily[(daily["date"] >= start) & (daily["date"] < end)].reset_index(drop=True)
    gaps = inside["date"].diff().shift(-1).dt.total_seconds() / 86_400
    gaps = gaps.fillna(gaps.median() if gaps.notna().any() else 1.0)
    return float((inside["blocks_per_day"] * gaps).sum())


@measure
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


@measure
def cpu_era(
    cbeci_machines: pd.DataFrame, hashrate: pd.DataFrame
) -> tuple[pd.Timestamp, pd.Timestamp]:
    """From the first hashrate sample to the release date of CBECI's first GPU row."""
    first_gpu = first_of_class(cbeci_machines, "GPU")["available_from"]
    return pd.Timestamp(hashrate["date"].min()), pd.Timestamp(first_gpu)


@measure
def cpu_era_median_ths(cpu_era: tuple[pd.Timestamp, pd.Timestamp], hashrate: pd.DataFrame) -> float:
    """Median network hashrate (TH/s) of the CPU era."""
    return period_median(hashrate, *cpu_era)
