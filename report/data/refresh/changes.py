"""What a refresh changed, in words: rows added, the date range, the figures it moves."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path

import pandas as pd

from report.data.datasets import load_table, read_table
from report.data.refresh.run import Outcome
from report.data.registry import Registry, TableSpec
from report.errors import ReportError
from report.pipeline import Project
from report.settings import Settings


def _date_range(spec: TableSpec, frame: pd.DataFrame) -> str:
    for column in spec.columns:
        if column.type in {"date", "datetime"} and column.name in frame and len(frame):
            values = pd.to_datetime(frame[column.name])
            return f"{values.min():%Y-%m-%d} to {values.max():%Y-%m-%d}"
    return ""


def table_changes(spec: TableSpec, old: pd.DataFrame | None, new: pd.DataFrame) -> str:
    """One line on how a table changed: rows before and after and the date range."""
    new_range = _date_range(spec, new)
    if old is None:
        return f"table {spec.name}: {len(new)} rows {new_range} (no earlier snapshot here)"
    added = len(new) - len(old)
    old_range = _date_range(spec, old)
    span = f", dates {old_range} -> {new_range}" if new_range and new_range != old_range else ""
    return f"table {spec.name}: {len(old)} -> {len(new)} rows ({added:+d}){span}"


def describe_tables(outcome: Outcome, before: Registry, settings: Settings) -> list[str]:
    """Lines for every table of the files an updated dataset changed."""
    lines = []
    dataset = before.datasets[outcome.dataset]
    with tempfile.TemporaryDirectory(prefix="claimcheck-changes-") as scratch:
        for item in outcome.files:
            if not item.changed:
                continue
            path = Path(scratch) / item.file
            path.write_bytes(item.body)
            for spec in dataset.tables:
                if spec.file != item.file:
                    continue
                try:
                    old: pd.DataFrame | None = load_table(spec.name, before, settings).frame
                except ReportError:
                    old = None
                lines.append(table_changes(spec, old, read_table(spec, path)))
    return lines


def claim_figures(project: Project, tables: set[str]) -> dict[str, dict[str, float | None]]:
    """The figures of every claim reading one of ``tables`` (through the assessment cache)."""
    from report.ledger.cache import compute_cached

    plan = [p for p in project.plan if tables & set(p.tables)]
    ledger, _ = compute_cached(replace(project, plan=plan))
    return {e.claim.id: {f.name: f.value for f in e.assessment.figures} for e in ledger.entries}


def _number(value: float | None) -> str:
    return "none" if value is None else f"{value:.6g}"


def moved_figures(
    old: dict[str, dict[str, float | None]], new: dict[str, dict[str, float | None]]
) -> list[str]:
    """``claim: figure old -> new`` for every figure whose value differs."""
    lines = []
    for claim_id, figures in new.items():
        before = old.get(claim_id, {})
        for name, value in figures.items():
            if before.get(name) != value:
                lines.append(
                    f"claim {claim_id}: {name} {_number(before.get(name))} -> {_number(value)}"
                )
    return lines
