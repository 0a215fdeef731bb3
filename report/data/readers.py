"""Turn a file into a raw table of cells plus a label for each row's place in the file.

Readers do not judge values; :mod:`report.data.schema` does. A reader raises
:class:`ReadFailure` when the file cannot be read at all (truncated, not JSON, ragged rows).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd


@dataclass(frozen=True)
class RawTable:
    """Cells as read, with ``rows[i]`` telling where row ``i`` sits in the file."""

    frame: pd.DataFrame
    rows: list[str]


@dataclass(frozen=True)
class ReadIssue:
    """A place in a file that could not be read."""

    row: str | None
    message: str


class ReadFailure(Exception):
    """The file could not be read; carries every issue found."""

    def __init__(self, issues: list[ReadIssue]) -> None:
        self.issues = issues
        super().__init__("; ".join(i.message for i in issues))


Reader = Callable[[Path, Mapping[str, Any]], RawTable]


def _text(path: Path, encoding: str) -> str:
    try:
        return path.read_text(encoding=encoding)
    except UnicodeDecodeError as exc:
        raise ReadFailure([ReadIssue(f"byte {exc.start}", f"not valid {encoding} text")]) from None


def check_size(path: Path, max_bytes: int) -> None:
    """Refuse a file larger than its declared bound before anything reads it."""
    size = path.stat().st_size
    if size > max_bytes:
        raise ReadFailure(
            [
                ReadIssue(
                    None,
                    f"file is {size} bytes, more than the {max_bytes} its registry entry allows "
                    "(max_bytes): is it the right file?",
                )
            ]
        )


def read_csv(path: Path, options: Mapping[str, Any]) -> RawTable:
    """A delimited text file; ``skip_lines`` lines before the header are ignored."""
    text = _text(path, options.get("encoding", "utf-8-sig"))
    skip = int(options.get("skip_lines", 0))
    stream = io.StringIO(text, newline="")  # only CR and LF end a record, not U+2028
    for _ in range(skip):
        stream.readline()
    reader = csv.reader(stream, delimiter=options.get("delimiter", ","), strict=True)
    issues: list[ReadIssue] = []
    records: list[list[str]] = []
    labels: list[str] = []
    header: list[str] | None = None
    try:
        for fields in reader:
            line = reader.line_num + skip
            if header is None:
                header = [name.strip() for name in fields]
                continue
            if not any(f.strip() for f in fields):
                continue
            if len(fields) != len(header):
                cut = "cut short (truncated file?)" if len(fields) < len(header) else "too long"
                issues.append(
                    ReadIssue(
                        f"line {line}",
                        f"row has {len(fields)} fields, the header has {len(header)}: {cut}",
                    )
                )
                continue
            records.append(fields)
            labels.append(f"line {line}")
    except csv.Error as exc:
        issues.append(ReadIssue(f"line {reader.line_num + skip}", f"malformed CSV: {exc}"))
    if header is None:
        raise ReadFailure([ReadIssue(None, "file is empty: no header line")])
    if issues:
        raise ReadFailure(issues)
    frame = pd.DataFrame(records, columns=header, dtype=object)
    return RawTable(frame, labels)


def read_parquet(path: Path, options: Mapping[str, Any]) -> RawTable:
    """A Parquet file, read with pyarrow."""
    try:
        frame = pd.read_parquet(path)
    except Exception as exc:  # pyarrow raises several types for damaged files
        raise ReadFailure([ReadIssue(None, f"not a readable Parquet file: {exc}")]) from None
    return RawTable(frame.reset_index(drop=True), [f"row {i + 1}" for i in range(len(frame))])


def _json(path: Path) -> Any:
    # NaN and Infinity are not JSON; kept as text, the schema reports them where they sit
    try:
        return json.loads(_text(path, "utf-8"), parse_constant=str)
    except json.JSONDecodeError as exc:
        raise ReadFailure(
            [ReadIssue(f"line {exc.lineno}, char {exc.colno}", f"not valid JSON: {exc.msg}")]
        ) from None
    except RecursionError:
        raise ReadFailure([ReadIssue(None, "JSON nested too deeply to be data")]) from None


def read_blockchain_chart(path: Path, options: Mapping[str, Any]) -> RawTable:
    """A blockchain.com Charts API export: ``{"<series>": [{"x": ms, "y": value}, ...]}``."""
    series = options["series"]
    doc = _json(path)
    points = doc.get(series) if isinstance(doc, dict) else None
    if not isinstance(points, list):
        raise ReadFailure([ReadIssue(None, f"no list of points under key {series!r}")])
    issues = [
        ReadIssue(f"point {i + 1} of {series!r}", "expected an object with keys 'x' and 'y'")
        for i, p in enumerate(points)
        if not (isinstance(p, dict) and "x" in p and "y" in p)
    ]
    if issues:
        raise ReadFailure(issues)
    frame = pd.DataFrame(points, columns=["x", "y"], dtype=object)
    return RawTable(frame, [f"point {i + 1} of {series!r}" for i in range(len(points))])


def read_json_records(path: Path, options: Mapping[str, Any]) -> RawTable:
    """A JSON array of flat objects."""
    doc = _json(path)
    if not isinstance(doc, list) or not all(isinstance(r, dict) for r in doc):
        raise ReadFailure([ReadIssue(None, "expected a JSON array of objects")])
    frame = pd.DataFrame(doc, dtype=object)
    return RawTable(frame, [f"record {i + 1}" for i in range(len(doc))])


def read_json_mapping(path: Path, options: Mapping[str, Any]) -> RawTable:
    """Objects keyed by name (under ``section`` when given), one row each with the name as ``key``."""
    doc = _json(path)
    section = options.get("section")
    mapping = doc.get(section) if isinstance(doc, dict) and section else doc
    if not isinstance(mapping, dict):
        raise ReadFailure([ReadIssue(None, f"no object under key {section!r}")])
    bad = [key for key, value in mapping.items() if not isinstance(value, dict)]
    if bad:
        raise ReadFailure([ReadIssue(f"entry {k!r}", "expected an object") for k in bad])
    rows = [{"key": key, **value} for key, value in mapping.items()]
    frame = pd.DataFrame(rows, dtype=object)
    prefix = f"{section} entry" if section else "entry"
    return RawTable(frame, [f"{prefix} {r['key']!r}" for r in rows])


def read_eia_wide(path: Path, options: Mapping[str, Any]) -> RawTable:
    """An EIA Data Browser export: metadata lines, then one row per series, one column per month."""
    wide = read_csv(path, {"skip_lines": options.get("skip_lines", 4)})
    label_col = wide.frame.columns[0]
    wanted = options["row"]
    hits = [i for i, v in enumerate(wide.frame[label_col]) if str(v).strip() == wanted]
    if not hits:
        raise ReadFailure([ReadIssue(None, f"no row labelled {wanted!r}")])
    i = hits[0]
    months = [c for c in wide.frame.columns if c not in {label_col, "units", "source key"}]
    values = [wide.frame.iloc[i][m] for m in months]
    frame = pd.DataFrame({"month": months, "value": values}, dtype=object)
    frame = frame[frame["value"].astype(str).str.strip() != ""].reset_index(drop=True)
    labels = [f"{wide.rows[i]}, month {m!r}" for m in frame["month"]]
    return RawTable(frame, labels)


READERS: dict[str, Reader] = {
    "csv": read_csv,
    "parquet": read_parquet,
    "blockchain_chart": read_blockchain_chart,
    "json_records": read_json_records,
    "json_mapping": read_json_mapping,
    "eia_wide": read_eia_wide,
}
