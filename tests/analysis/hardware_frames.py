"""Small hand-made frames for the hardware tests: CBECI-like machine rows (round
placeholders a factor of ten apart, then two named ASICs), curated ASIC rows, F2Pool's device
list, and hashrate series on chosen dates; and the family's measures of them.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from analysis.hardware.efficiency import cbeci_machines, classified_machines
from analysis.hardware.network import (
    cpu_era,
    cpu_era_median_ths,
    f2pool_efficiency,
    network_blocks_per_day,
)

TS = pd.Timestamp
TH = 1e12
HASHES_PER_UNIT = 2.0**32
# Hashrate (TH/s) that finds 144 blocks a day at difficulty one.
TH_FOR_144_BLOCKS = 144 * HASHES_PER_UNIT / (86_400 * TH)


def cbeci_table(rows: list[tuple[str, str, float]]) -> pd.DataFrame:
    """CBECI hardware rows of (name, release date, J/GH)."""
    return pd.DataFrame(
        {
            "miner": [r[0] for r in rows],
            "released": [TS(r[1]) for r in rows],
            "efficiency_j_gh": [r[2] for r in rows],
            "quantity": 1000,
        }
    )


CBECI = cbeci_table(
    [
        ("Worst CPU", "2009-01-01", 100_000.0),
        ("Best CPU", "2009-06-01", 10_000.0),
        ("Worst GPU", "2010-01-01", 10_000.0),
        ("Best GPU", "2010-06-01", 1_000.0),
        ("FPGA", "2011-06-01", 100.0),
        ("early ASICS", "2013-01-01", 10.0),
        ("Maker A1", "2014-01-01", 1.0),
        ("Maker A2", "2016-01-01", 0.25),
    ]
)


def asic_table(rows: list[tuple[str, float | None, str | None, str, str | None]]) -> pd.DataFrame:
    """Curated ASIC rows of (model, J/TH, available from, source level, hashrate text)."""
    return pd.DataFrame(
        {
            "model": [r[0] for r in rows],
            "efficiency_j_th": [r[1] for r in rows],
            "available_from": [TS(r[2]) if r[2] else pd.NaT for r in rows],
            "source_level": [r[3] for r in rows],
            "hashrate_ths": pd.Series([r[4] for r in rows], dtype="object"),
        }
    )


NO_MODELS = asic_table([])
MODELS = asic_table(
    [
        ("Maker B1", 62.5, "2018-01-01", "medium", "400"),  # 0.0625 J/GH
        ("Maker B2", 10.0, "2019-01-01", "low", "900"),  # left out: low source
        ("Maker B3", 80.0, "2019-06-01", "high", "96 / 100"),  # no single hashrate
    ]
)


def f2pool_table(rows: list[tuple[str, float, float, int, int]]) -> pd.DataFrame:
    """F2Pool device rows of (device, TH/s, W, release year, release month)."""
    return pd.DataFrame(
        {
            "company": "Maker",
            "device": [r[0] for r in rows],
            "hashrate_ths": [r[1] for r in rows],
            "power_w": [r[2] for r in rows],
            "year_released": [r[3] for r in rows],
            "month_released": [r[4] for r in rows],
        }
    )


F2POOL = f2pool_table([("Box", 100.0, 3000.0, 2016, 1), ("Small box", 10.0, 1000.0, 2015, 6)])


def series(points: list[tuple[str, float]], column: str = "hashrate_ths") -> pd.DataFrame:
    """A dated series from (date, value) pairs."""
    return pd.DataFrame({"date": [TS(d) for d, _ in points], column: [v for _, v in points]})


def every_days(start: str, end: str, days: int, value: float, column: str) -> pd.DataFrame:
    """A constant series sampled every ``days`` days."""
    dates = pd.date_range(start, end, freq=f"{days}D")
    return pd.DataFrame({"date": dates, column: value})


HASHRATE = series(
    [
        ("2009-01-01", 1e-6),
        ("2009-12-01", 3e-6),
        ("2012-01-01", 10.0),
        ("2013-01-01", 20.0),
        ("2014-01-01", 2000.0),
        ("2016-01-01", 1e6),
        ("2018-01-01", 4e7),
        ("2020-01-01", 1e8),
    ]
)


def measures(
    cbeci: pd.DataFrame,
    hashrate: pd.DataFrame,
    models: pd.DataFrame | None = None,
    difficulty: pd.DataFrame | None = None,
) -> dict[str, Any]:
    """The hardware family's measures of these frames, by name, as a build computes them
    (``models`` defaults to no curated rows; blocks a day need a ``difficulty``)."""
    classified = classified_machines(cbeci, NO_MODELS if models is None else models)
    cbeci_only = cbeci_machines(cbeci)
    era = cpu_era(cbeci_only, hashrate)
    found: dict[str, Any] = {
        "classified_machines": classified,
        "cbeci_machines": cbeci_only,
        "f2pool_efficiency": f2pool_efficiency(F2POOL),
        "cpu_era": era,
        "cpu_era_median_ths": cpu_era_median_ths(era, hashrate),
    }
    if difficulty is not None:
        found["network_blocks_per_day"] = network_blocks_per_day(
            hashrate, difficulty, HASHES_PER_UNIT
        )
    return found
