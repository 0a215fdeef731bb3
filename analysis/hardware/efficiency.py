"""Mining machines by efficiency: CPU, GPU, FPGA or ASIC from their names, CBECI's round
placeholder rows, the machines that set a new efficiency record, and the exponential trend
of those records (energy per hash halving every so many months).

Efficiency comes from CBECI's hardware table (to May 2020) and the curated ASIC table after it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.measures.energy import JOULES_PER_TH_PER_J_PER_GH, machine_efficiencies
from analysis.result import measure

DAYS_PER_MONTH = 365.25 / 12
_PLACEHOLDERS = ("CPU", "GPU", "FPGA", "EARLY ASIC")  # CBECI's round placeholder rows


def hardware_class(machine: str) -> str:
    """CPU, GPU, FPGA or ASIC, from a machine's name in CBECI's or the curated table."""
    name = machine.upper()
    return next((c for c in ("CPU", "GPU", "FPGA") if c in name), "ASIC")


def is_placeholder(machine: str) -> bool:
    """Whether the row is one of CBECI's round placeholder rows rather than a named machine."""
    return any(p in machine.upper() for p in _PLACEHOLDERS)


@measure
def classified_machines(cbeci_miners: pd.DataFrame, asic_models: pd.DataFrame) -> pd.DataFrame:
    """Dated machines with efficiency (J/TH), ``hardware_class`` and ``placeholder``."""
    machines = machine_efficiencies(cbeci_miners, asic_models)
    names = machines["machine"].astype(str)
    return machines.assign(
        hardware_class=names.map(hardware_class), placeholder=names.map(is_placeholder)
    )


@measure
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


def mark_records(machines: pd.DataFrame, records: pd.DataFrame) -> pd.DataFrame:
    """``machines`` with a ``record`` column: True for the frontier records."""
    keys = set(zip(records["machine"], records["available_from"], strict=True))
    pairs = zip(machines["machine"], machines["available_from"], strict=True)
    return machines.assign(record=[pair in keys for pair in pairs])
