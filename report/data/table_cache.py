"""Validated tables kept by snapshot, so a snapshot that passed its schema is not read and
validated again on every build.

The key covers the file's sha256, the table's whole declaration (reader, options, columns),
the source of the code that reads and validates it, and the pandas and pyarrow versions.
The value is the typed frame as Parquet. A frame is only kept when all its columns have
dtypes Parquet gives back exactly (integers, nullable integers, floats, booleans,
nanosecond datetimes, strings; tested value for value and dtype for dtype on every real
table), so a table with object columns is simply validated every time. Tables with problems are never kept: their errors are
reported on every build. The cache is off unless a build turns it on.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path

import pandas as pd
import pyarrow

from report.data.registry import TableSpec

_CODE = ("datasets.py", "readers.py", "schema.py", "table_cache.py")
_folder: Path | None = None
# dtypes Parquet stores with their pandas dtype; object columns (mixed values) are not kept
_EXACT_DTYPES = frozenset(
    {"int64", "Int64", "float64", "bool", "boolean", "datetime64[ns]", "string"}
)


@contextlib.contextmanager
def use_table_cache(folder: Path | None) -> Iterator[None]:
    """Keep validated tables in ``folder`` while the block runs (None: validate every time)."""
    global _folder
    previous, _folder = _folder, folder
    try:
        yield
    finally:
        _folder = previous


@cache
def _code_digest() -> str:
    digest = hashlib.sha256(f"{pd.__version__} {pyarrow.__version__}".encode())
    for name in _CODE:
        digest.update((Path(__file__).parent / name).read_bytes())
    return digest.hexdigest()


def table_key(spec: TableSpec, sha256: str) -> str:
    """The cache key of ``spec`` read from the snapshot ``sha256``."""
    declared = json.dumps(dataclasses.asdict(spec), sort_keys=True, default=str)
    return hashlib.sha256(f"{sha256}\n{declared}\n{_code_digest()}".encode()).hexdigest()


def _read(path: Path) -> pd.DataFrame | None:
    try:
        return pd.read_parquet(path)
    except Exception:  # a damaged or partial file is a miss, never an error
        return None


def _exact_in_parquet(frame: pd.DataFrame) -> bool:
    """Whether Parquet gives ``frame`` back exactly: every column of a dtype it stores with
    its pandas dtype (tested for every real table), and no object columns."""
    exact = all(str(dtype) in _EXACT_DTYPES for dtype in frame.dtypes)
    return exact and frame.index.dtype == "int64"


def _store(path: Path, frame: pd.DataFrame) -> None:
    if not _exact_in_parquet(frame):
        return
    with contextlib.suppress(OSError, ValueError, TypeError, pyarrow.ArrowException):
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(dir=path.parent, prefix=".part-")
        os.close(fd)
        try:
            frame.to_parquet(name, index=True)
            os.replace(name, path)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(name)


def cached_table(
    spec: TableSpec, sha256: str, validated: Callable[[], pd.DataFrame]
) -> pd.DataFrame:
    """``validated()``, or the frame kept for the same snapshot and declaration."""
    if _folder is None:
        return validated()
    key = table_key(spec, sha256)
    path = _folder / key[:2] / f"{key}.parquet"
    if path.is_file():
        found = _read(path)
        if found is not None:
            return found
    frame = validated()  # raises on any problem, so nothing is kept
    _store(path, frame)
    return frame
