"""Hand-made Epoch and Arena tables for the AI family's tests, and a way to call an
assessing function the way the planner does: every argument found by name among the
tables, parameters and measures given."""

from __future__ import annotations

import inspect
import math
from collections.abc import Callable
from typing import Any

import pandas as pd

from analysis.ai.arena import arena_frontier, arena_last_snapshot
from analysis.ai.benchmarks import mmlu_open_lags
from analysis.ai.systems import (
    frontier_window_start,
    frontier_window_systems,
    notable_last_complete_year,
    notable_snapshot_end,
    notable_systems,
    open_share_by_year,
    sector_counts_by_year,
)
from analysis.result import Assessment

D = pd.Timestamp
OPEN = "Open weights (unrestricted)"
API = "API access"


def systems_table(
    rows: list[tuple[str, str, str, str | None, str | None, bool]],
    countries: list[str | None] | None = None,
) -> pd.DataFrame:
    """Rows of (date, organisation, organisation type, accessibility, cost, frontier), with
    each row's country from ``countries`` (none recorded by default)."""
    frame = pd.DataFrame(
        {
            "system": [f"s{i}" for i in range(len(rows))],
            "published": [D(r[0]) for r in rows],
            "organization": pd.array([r[1] for r in rows], dtype="string"),
            "organization_type": pd.array([r[2] for r in rows], dtype="string"),
            "accessibility": pd.array([r[3] for r in rows], dtype="string"),
            "training_compute_flop": [None] * len(rows),
            "training_cost_2023_usd": [float(r[4]) if r[4] else None for r in rows],
            "frontier_model": pd.array(["checked" if r[5] else None for r in rows], dtype="string"),
        }
    )
    frame["country"] = pd.array(countries or [None] * len(rows), dtype="string")
    return frame


SYSTEMS = systems_table(
    [
        ("2005-03-01", "MIT", "Academia", None, None, False),
        ("2006-03-01", "Stanford", "Academia", None, None, False),
        ("2007-03-01", "IBM", "Industry", None, None, False),
        ("2008-03-01", "CMU,Google", "Academia,Industry", None, None, False),
        ("2021-05-01", "Google Brain", "Industry", API, "10", True),
        ("2021-06-01", "Stanford", "Academia", OPEN, None, False),
        ("2021-07-01", "EleutherAI", "Research collective", OPEN, None, False),
        ("2022-05-01", "DeepMind", "Industry", "Unreleased", None, True),
        ("2022-06-01", "Meta AI", "Industry", OPEN, None, True),
        ("2022-07-01", "MIT", "Academia", OPEN, None, False),
        ("2023-02-01", "OpenAI", "Industry", API, "40", True),
        ("2023-03-01", "Meta AI,McGill University", "Industry,Academia", OPEN, "20", True),
        ("2023-04-01", "Mistral AI", "Industry", OPEN, None, False),
        ("2023-05-01", "Tsinghua", "Academia", OPEN, None, False),
        ("2023-12-20", "Google DeepMind", "Industry", API, "30", True),
        ("2024-02-01", "xAI", "Industry", OPEN, None, True),
        ("2024-03-01", "Meta AI", "Industry", OPEN, None, False),
    ]
)


def arena_table(
    rows: list[tuple[str, str, float, str]], orgs: list[str] | None = None
) -> pd.DataFrame:
    """Rows of (date, key, rating, licence), with each row's organisation from ``orgs``."""
    return pd.DataFrame(
        {
            "key": [r[1] for r in rows],
            "model": [r[1].upper() for r in rows],
            "rating": [float(r[2]) for r in rows],
            "license": pd.array([r[3] for r in rows], dtype="string"),
            "organization": pd.array(orgs or ["org"] * len(rows), dtype="string"),
            "date": [D(r[0]) for r in rows],
        }
    )


def bench_table(rows: list[tuple[str, str, str, float]]) -> pd.DataFrame:
    """Rows of (system, date, access, mmlu)."""
    return pd.DataFrame(
        {
            "system": [r[0] for r in rows],
            "date": [D(r[1]) for r in rows],
            "access": [r[2] for r in rows],
            "mmlu": [r[3] for r in rows],
            "gpqa": [math.nan] * len(rows),
            "bbh": [math.nan] * len(rows),
            "training_compute_flop": [math.nan] * len(rows),
        }
    )


def epoch_measures(ml_systems: pd.DataFrame) -> dict[str, Any]:
    """The family's Epoch measures of ``ml_systems``, by name, as a build computes them."""
    systems = notable_systems(ml_systems)
    end = notable_snapshot_end(systems)
    latest = notable_last_complete_year(end)
    start = frontier_window_start(latest)
    return {
        "ml_systems": ml_systems,
        "notable_systems": systems,
        "notable_snapshot_end": end,
        "notable_last_complete_year": latest,
        "frontier_window_start": start,
        "frontier_window_systems": frontier_window_systems(systems, start),
        "sector_counts_by_year": sector_counts_by_year(systems),
        "open_share_by_year": open_share_by_year(systems),
    }


def arena_measures(arena_elo: pd.DataFrame) -> dict[str, Any]:
    """The family's Arena measures of ``arena_elo``, by name."""
    return {
        "arena_elo": arena_elo,
        "arena_frontier": arena_frontier(arena_elo),
        "arena_last_snapshot": arena_last_snapshot(arena_elo),
    }


def bench_measures(model_benchmarks: pd.DataFrame) -> dict[str, Any]:
    """The family's benchmark measures of ``model_benchmarks``, by name."""
    return {
        "model_benchmarks": model_benchmarks,
        "mmlu_open_lags": mmlu_open_lags(model_benchmarks),
    }


def assess(
    function: Callable[..., Assessment], *inputs: dict[str, Any], **values: Any
) -> Assessment:
    """Call ``function`` with each argument taken by name from ``inputs`` and ``values``."""
    available: dict[str, Any] = {}
    for found in inputs:
        available.update(found)
    available.update(values)
    names = inspect.signature(function).parameters
    return function(**{name: available[name] for name in names})
