"""Finished charts kept by everything they are drawn from, so a rebuild after one dataset
changed does not build the other claims' charts again.

A chart function reads one ledger entry, so the key is a digest of the whole entry (the
claim's declaration, every figure, every prose field, every table value, dtype and column
name, the margin, the citations and the parameters), of the source of the code that turns
an entry into a chart (``report/render/``, the prose filler and the entry itself), and of
the versions of Altair, pandas, NumPy and vl-convert with the font files. An entry holding
anything this digest does not know is never kept. The value is the finished
:class:`~report.render.svg.ChartSVG` as JSON. The cache is off unless a build turns it on.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import enum
import hashlib
import json
import os
import tempfile
from collections.abc import Iterator, Mapping
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from report.ledger.entry import Entry
from report.render.svg import ChartSVG

_REPORT = Path(__file__).resolve().parents[1]
_CODE_FILES = ("ledger/entry.py", "ledger/prose.py")
_LIBRARIES = ("altair", "narwhals", "pandas", "pyarrow", "numpy", "vl-convert-python", "font-lato")
_FORMAT = "claimcheck-finished-chart-1"
_folder: Path | None = None


class _Unknown(TypeError):
    """A value the digest cannot describe exactly."""


@contextlib.contextmanager
def use_finished_charts(folder: Path | None) -> Iterator[None]:
    """Keep finished charts in ``folder`` while the block runs (None: build every chart)."""
    global _folder
    previous, _folder = _folder, folder
    try:
        yield
    finally:
        _folder = previous


@cache
def _code_digest() -> str:
    digest = hashlib.sha256(_FORMAT.encode())
    files = sorted((_REPORT / "render").rglob("*.py")) + [_REPORT / f for f in _CODE_FILES]
    for path in files:
        digest.update(path.relative_to(_REPORT).as_posix().encode() + path.read_bytes())
    for name in _LIBRARIES:
        with contextlib.suppress(metadata.PackageNotFoundError):
            digest.update(f"{name}={metadata.version(name)}".encode())
    from report.render.chart_cache import renderer_digest

    digest.update(renderer_digest().encode())
    return digest.hexdigest()


def _feed_column(digest: Any, values: pd.Series | pd.Index) -> None:
    series = values.to_series(index=None) if isinstance(values, pd.Index) else values
    digest.update(f"{series.dtype}|{len(series)}|{series.name}|".encode())
    if isinstance(series.dtype, pd.DatetimeTZDtype):  # the instants, in nanoseconds
        digest.update(series.array.asi8.tobytes())
    elif isinstance(series.dtype, np.dtype) and series.dtype.kind in "biufcmM":
        digest.update(np.ascontiguousarray(series.to_numpy()).tobytes())
    elif isinstance(series.dtype, pd.StringDtype):  # text or missing, nothing else
        digest.update(pd.util.hash_pandas_object(series, index=False).to_numpy().tobytes())
        digest.update(np.packbits(series.isna().to_numpy()).tobytes())
    elif isinstance(series.dtype, pd.CategoricalDtype):
        _feed(digest, [bool(series.cat.ordered), *series.cat.categories])
        digest.update(np.ascontiguousarray(series.cat.codes.to_numpy()).tobytes())
    else:  # objects: each value must be one the digest knows
        _feed(digest, series.tolist())


def _feed(digest: Any, value: object) -> None:
    kind = type(value).__qualname__
    digest.update(kind.encode() + b":")
    if value is None or value is pd.NA or value is pd.NaT:
        pass
    elif isinstance(value, bool | int | float | str | enum.Enum):
        digest.update(repr(value).encode())
    elif isinstance(value, np.generic):
        digest.update(repr(value.item()).encode())
    elif isinstance(value, pd.Timestamp | dt.date | dt.datetime):
        digest.update(value.isoformat().encode())
    elif isinstance(value, pd.DataFrame):
        _feed(digest, [str(c) for c in value.columns])
        _feed(digest, [str(n) for n in value.index.names])
        _feed_column(digest, value.index)
        for position in range(value.shape[1]):
            _feed_column(digest, value.iloc[:, position])
    elif isinstance(value, pd.Series):
        _feed(digest, str(value.name))
        _feed_column(digest, value.index)
        _feed_column(digest, value)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            _feed(digest, field.name)
            _feed(digest, getattr(value, field.name))
    elif isinstance(value, Mapping):
        digest.update(str(len(value)).encode())
        for key, item in value.items():
            _feed(digest, key)
            _feed(digest, item)
    elif isinstance(value, tuple | list | frozenset | set):
        items = sorted(value, key=repr) if isinstance(value, frozenset | set) else value
        digest.update(str(len(items)).encode())
        for item in items:
            _feed(digest, item)
    else:
        raise _Unknown(f"no digest for {kind}")
    digest.update(b";")


def chart_key(entry: Entry) -> str | None:
    """The key of ``entry``'s finished chart, or None when the entry holds a value the
    digest cannot describe exactly (its chart is then always built)."""
    digest = hashlib.sha256(_code_digest().encode())
    try:
        _feed(digest, entry)
    except (_Unknown, RecursionError):
        return None
    return digest.hexdigest()


def _path(key: str) -> Path | None:
    return None if _folder is None else _folder / key[:2] / f"{key}.json"


def load_finished(entry: Entry) -> tuple[str | None, ChartSVG | None]:
    """The key of ``entry``'s chart and the finished chart kept for it (None: build it)."""
    key = chart_key(entry) if _folder is not None else None
    path = _path(key) if key is not None else None
    if path is None:
        return key, None
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
        return key, ChartSVG(**stored)
    except (OSError, ValueError, TypeError):  # absent or damaged: a miss
        return key, None


def store_finished(key: str | None, chart: ChartSVG) -> None:
    """Keep ``chart`` under ``key`` (best effort; nothing when the cache is off)."""
    path = _path(key) if key is not None else None
    if path is None:
        return
    with contextlib.suppress(OSError, ValueError, TypeError):
        text = json.dumps(dataclasses.asdict(chart), ensure_ascii=False, allow_nan=True)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(dir=path.parent, prefix=".part-")
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(name, path)
