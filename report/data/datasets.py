"""Load tables by name: resolve the pinned file, read it, validate it against its schema.

``load_tables`` reads every requested table before failing, so one run reports every
problem in every file.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from report.data.fetch import resolve_file
from report.data.readers import READERS, ReadFailure, check_size
from report.data.registry import Registry, TableSpec
from report.data.schema import validate
from report.data.table_cache import cached_table
from report.errors import DataError, Problem
from report.settings import Settings


@dataclass(frozen=True)
class LoadedTable:
    """A validated table with the file it came from."""

    spec: TableSpec
    path: Path
    sha256: str
    frame: pd.DataFrame


def read_table(
    spec: TableSpec, path: Path, display_name: str | None = None, max_bytes: int | None = None
) -> pd.DataFrame:
    """Read and validate one table from ``path`` (refused unread when larger than
    ``max_bytes``); raise :class:`DataError` on any defect."""
    shown = display_name or str(path)
    reader = READERS.get(spec.reader)
    if reader is None:
        known = ", ".join(sorted(READERS))
        problem = Problem(
            spec.dataset, shown, None, None, f"unknown reader {spec.reader!r} ({known})"
        )
        raise DataError([problem])
    try:
        if max_bytes is not None:
            check_size(path, max_bytes)
        raw = reader(path, spec.options)
    except ReadFailure as failure:
        problems = [Problem(spec.dataset, shown, i.row, None, i.message) for i in failure.issues]
        raise DataError(problems, hint="re-fetch or restore the file") from None
    frame, issues = validate(raw, spec)
    if issues:
        problems = [Problem(spec.dataset, shown, row, col, msg) for row, col, msg in issues]
        raise DataError(
            problems, hint=f"fix the rows above, or the schema in data/datasets/{spec.dataset}.toml"
        )
    return frame


def load_table(name: str, registry: Registry, settings: Settings) -> LoadedTable:
    """The table called ``name``, verified against its pinned sha256 and its schema."""
    spec = registry.table(name)
    dataset = registry.datasets[spec.dataset]
    file_spec = dataset.file(spec.file)
    path = resolve_file(dataset, file_spec, settings)
    shown = file_spec.path or f"{dataset.id}/{file_spec.name}"
    frame = cached_table(
        spec, file_spec.sha256, lambda: read_table(spec, path, shown, file_spec.max_bytes)
    )
    return LoadedTable(spec=spec, path=path, sha256=file_spec.sha256, frame=frame)


def load_tables(
    names: Iterable[str], registry: Registry, settings: Settings
) -> dict[str, LoadedTable]:
    """Every named table, or one :class:`DataError` listing the problems of all of them."""
    loaded: dict[str, LoadedTable] = {}
    problems: list[Problem] = []
    hints: list[str] = []
    for name in sorted(set(names)):
        try:
            loaded[name] = load_table(name, registry, settings)
        except DataError as error:
            problems.extend(error.problems)
            if error.hint and error.hint not in hints:
                hints.append(error.hint)
    if problems:
        raise DataError(problems, hint="; ".join(hints))
    return loaded
