"""A chart's data as CSV, for the download link beside each chart in the web page.

The rows are the ones the chart draws: every inline dataset of its Vega-Lite spec, in
order. Where a chart layers several datasets, a first column names the one a row comes
from. Cells that a spreadsheet would read as a formula are prefixed with an apostrophe.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value == int(value) and abs(value) < 1e15:
        return str(int(value))
    text = str(value)
    if isinstance(value, str) and text.startswith(_FORMULA_START):
        return "'" + text
    return text


def _datasets(spec: Mapping[str, object]) -> list[tuple[str, Sequence[Mapping[str, object]]]]:
    found = spec.get("datasets")
    if not isinstance(found, dict):
        return []
    return [(name, rows) for name, rows in found.items() if isinstance(rows, list) and rows]


def chart_csv(spec: Mapping[str, object]) -> str:
    """The rows behind ``spec`` as CSV text (empty when the chart has no inline data)."""
    tables = _datasets(spec)
    if not tables:
        return ""
    columns: list[str] = []
    for _, rows in tables:
        for row in rows:
            columns.extend(k for k in row if k not in columns)
    several = len(tables) > 1
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow((["layer"] if several else []) + columns)
    for number, (_, rows) in enumerate(tables, start=1):
        for row in rows:
            cells = [_cell(row.get(c)) for c in columns]
            writer.writerow(([str(number)] if several else []) + cells)
    return out.getvalue()
