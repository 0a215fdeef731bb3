"""The dataset registry: one TOML file per dataset in ``data/datasets/``.

A dataset names its source, licence and retrieval date, pins each file by sha256 and
declares the tables read from those files with a schema for each. Code asks for a
table by name (``blocks``, ``hashrate``) and never for a path.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from report.data.declared import read_declaration, shown_path, validated
from report.data.registry_model import (
    COLUMN_TYPES,
    DEFAULT_MAX_BYTES,
    ColumnModel,
    DatasetModel,
    TableModel,
)
from report.errors import ConfigError

__all__ = ["COLUMN_TYPES", "ColumnSpec", "DatasetSpec", "FileSpec", "Registry", "TableSpec"]


@dataclass(frozen=True)
class ColumnSpec:
    """What one column must hold."""

    name: str
    type: str
    source: str  # the column's name in the file
    nullable: bool = False
    min: float | dt.date | None = None  # a date (or date and time) for date columns
    max: float | dt.date | None = None
    allowed: tuple[str, ...] = ()
    strip: tuple[str, ...] = ()  # characters removed before parsing numbers ("%", "$", ",")
    format: str | None = None  # strptime format for dates
    description: str = ""


@dataclass(frozen=True)
class TableSpec:
    """A table read from one file of a dataset, with its schema."""

    name: str
    dataset: str
    file: str
    reader: str
    columns: tuple[ColumnSpec, ...]
    key: tuple[str, ...] = ()
    options: Mapping[str, Any] = field(default_factory=dict)
    min_rows: int = 1
    drop_identical_rows: bool = False  # rows equal in every column count once
    description: str = ""


@dataclass(frozen=True)
class FileSpec:
    """One pinned file of a dataset."""

    name: str
    sha256: str
    url: str | None = None  # upstream address for download
    path: str | None = None  # project-relative path for files shipped in the repository
    mirror_folder: str | None = None  # the mirror's folder for it, when not the dataset's id
    max_bytes: int = DEFAULT_MAX_BYTES  # a larger file is refused before it is read


@dataclass(frozen=True)
class DatasetSpec:
    """One dataset: provenance, pinned files and the tables read from them."""

    id: str
    title: str
    description: str
    source: str
    address: str
    licence: str
    retrieved: str
    files: tuple[FileSpec, ...]
    tables: tuple[TableSpec, ...]
    commit: str = ""
    caveats: str = ""
    registry_file: str = ""

    def file(self, name: str) -> FileSpec:
        """The file spec called ``name``."""
        for spec in self.files:
            if spec.name == name:
                return spec
        raise ConfigError(f"dataset {self.id!r} declares no file {name!r}")


@dataclass(frozen=True)
class Registry:
    """All datasets, with lookup by dataset id and by table name."""

    datasets: Mapping[str, DatasetSpec]
    tables: Mapping[str, TableSpec]

    def dataset_of(self, table: str) -> DatasetSpec:
        """The dataset that provides ``table``."""
        return self.datasets[self.table(table).dataset]

    def table(self, name: str) -> TableSpec:
        """The table spec called ``name``."""
        try:
            return self.tables[name]
        except KeyError:
            known = ", ".join(sorted(self.tables))
            raise ConfigError(
                f"no dataset provides a table {name!r}; known tables: {known}"
            ) from None


def _column(name: str, model: ColumnModel, retrieved: dt.date) -> ColumnSpec:
    high = model.max
    if high is None and model.type in {"date", "datetime"}:
        high = retrieved + dt.timedelta(days=1) if model.type == "datetime" else retrieved
    return ColumnSpec(
        name=name,
        type=model.type,
        source=model.source or name,
        nullable=model.nullable,
        min=model.min,
        max=high,
        allowed=tuple(model.allowed),
        strip=tuple(model.strip),
        format=model.format,
        description=model.description,
    )


def _table(model: TableModel, dataset: str, retrieved: dt.date) -> TableSpec:
    return TableSpec(
        name=model.name,
        dataset=dataset,
        file=model.file,
        reader=model.reader,
        columns=tuple(_column(n, c, retrieved) for n, c in model.columns.items()),
        key=tuple(model.key),
        options=dict(model.options),
        min_rows=model.min_rows,
        drop_identical_rows=model.drop_identical_rows,
        description=model.description,
    )


def parse_dataset(raw: Mapping[str, Any], where: str) -> DatasetSpec:
    """A dataset spec from the parsed TOML of one registry file, checked against its model.

    Dates in a date column default to lying no later than the retrieval date.
    """
    model = validated(DatasetModel, raw, where)
    retrieved = model.retrieved
    assert isinstance(retrieved, dt.date)  # the model's validator makes it one
    files = tuple(
        FileSpec(
            name=f.name,
            sha256=f.sha256.lower(),
            url=f.url,
            path=f.path,
            mirror_folder=f.mirror_folder,
            max_bytes=f.max_bytes,
        )
        for f in model.files
    )
    return DatasetSpec(
        id=model.id,
        title=model.title,
        description=model.description,
        source=model.source,
        address=model.address,
        licence=model.licence,
        retrieved=retrieved.isoformat(),
        files=files,
        tables=tuple(_table(t, model.id, retrieved) for t in model.tables),
        commit=model.commit,
        caveats=model.caveats,
        registry_file=where,
    )


def load_registry(data_dir: Path) -> Registry:
    """Every dataset declared under ``data_dir/datasets``."""
    folder = data_dir / "datasets"
    if not folder.is_dir():
        raise ConfigError(f"no dataset registry at {folder}; is the data folder right?")
    datasets: dict[str, DatasetSpec] = {}
    tables: dict[str, TableSpec] = {}
    for path in sorted(folder.glob("*.toml")):
        where = shown_path(path, data_dir)
        spec = parse_dataset(read_declaration(path, where), where)
        if spec.id in datasets:
            raise ConfigError(f"{where}: dataset id {spec.id!r} is declared twice")
        datasets[spec.id] = spec
        for table in spec.tables:
            if table.name in tables:
                raise ConfigError(f"{where}: table name {table.name!r} is already used")
            tables[table.name] = table
    return Registry(datasets=datasets, tables=tables)
