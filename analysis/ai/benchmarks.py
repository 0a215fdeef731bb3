"""Epoch AI's benchmark table, read once per build: the open models that set a new open
best on MMLU, and how many months each trailed the closed models' frontier.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.ai.arena import DAYS_PER_MONTH
from analysis.result import measure


def best_to_date(scores: pd.DataFrame, column: str) -> pd.DataFrame:
    """Models that set a new best ``column`` score within their own group, in date order."""
    rows = scores.dropna(subset=[column, "date"]).sort_values(
        ["date", column], ascending=[True, False]
    )
    record = rows[column] > rows[column].cummax().shift(fill_value=-np.inf)
    return rows[record]


def open_lag_months(model_benchmarks: pd.DataFrame, column: str = "mmlu") -> pd.DataFrame:
    """For each open model that set a new open best: months it trails the closed frontier.

    The lag is the time from the first date a closed model scored above it to its own
    release; zero when no closed model released before it scored higher, and missing when
    no closed model had a score yet.
    """
    scores = model_benchmarks.dropna(subset=[column, "date", "access"])
    closed = scores[scores["access"] == "Closed"].sort_values("date")
    records = best_to_date(scores[scores["access"] == "Open"], column)
    rows = []
    for record in records.itertuples():
        score, date = getattr(record, column), record.date
        earlier = closed[closed["date"] <= date]
        if earlier.empty:
            lag = float("nan")
            matched = pd.NaT
        else:
            above = earlier[earlier[column] > score]
            matched = above["date"].min() if not above.empty else pd.NaT
            days_behind = (date - above["date"]).dt.days
            lag = float(days_behind.max()) / DAYS_PER_MONTH if not above.empty else 0.0
        rows.append(
            {
                "system": record.system,
                "date": date,
                "score": score,
                "closed_passed": matched,
                "lag_months": lag,
            }
        )
    return pd.DataFrame(rows)


@measure
def mmlu_open_lags(model_benchmarks: pd.DataFrame) -> pd.DataFrame:
    """The open MMLU record holders with the months each trailed the closed frontier."""
    return open_lag_months(model_benchmarks, "mmlu")
