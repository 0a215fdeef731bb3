"""The dataset registry: one TOML file per dataset in ``data/datasets/``.

A dataset names its source, licence and retrieval date, pins each file by sha256 and
declares the tables read from those files with a schema for each. Code asks for a
table by name (``blocks``, ``hashrate``) and never for a path.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from report.errors import ConfigError

COLUMN_TYPES = frozenset({"int", "float", "str", "date", "datetime", "bool"})


@dataclass(frozen=True)
class ColumnSpec:
    """What one column must hold."""

    name: str
    type: str
    source: str  # the column's name in the file
    nullable: bool = False
    min: float | None = None
    max: float | None = None
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


def _require(entry: Mapping[str, Any], key: str, where: str) -> Any:
    if key not in entry:
        raise ConfigError(f"{where}: missing required key {key!r}")
    return entry[key]


def _column(name: str, raw: Mapping[str, Any], where: str) -> ColumnSpec:
    kind = _require(raw, "type", f"{where}, column {name!r}")
    if kind not in COLUMN_TYPES:
        raise ConfigError(
            f"{where}, column {name!r}: type {kind!r} is not one of {sorted(COLUMN_TYPES)}"
        )
    return ColumnSpec(
        name=name,
        type=kind,
        source=raw.get("source", name),
        nullable=bool(raw.get("nullable", False)),
        min=raw.get("min"),
        max=raw.get("max"),
        allowed=tuple(raw.get("allowed", ())),
        strip=tuple(raw.get("strip", ())),
        format=raw.get("format"),
        description=raw.get("description", ""),
    )


def _table(raw: Mapping[str, Any], dataset: str, where: str) -> TableSpec:
    name = _require(raw, "name", where)
    where = f"{where}, table {name!r}"
    columns = tuple(
        _column(col, spec, where) for col, spec in _require(raw, "columns", where).items()
    )
    key = tuple(raw.get("key", ()))
    unknown = set(key) - {c.name for c in columns}
    if unknown:
        raise ConfigError(f"{where}: key names undeclared columns {sorted(unknown)}")
    return TableSpec(
        name=name,
        dataset=dataset,
        file=_require(raw, "file", where),
        reader=_require(raw, "reader", where),
        columns=columns,
        key=key,
        options=dict(raw.get("options", {})),
        min_rows=int(raw.get("min_rows", 1)),
        drop_identical_rows=bool(raw.get("drop_identical_rows", False)),
        description=raw.get("description", ""),
    )


def parse_dataset(raw: Mapping[str, Any], where: str) -> DatasetSpec:
    """A dataset spec from the parsed TOML of one registry file."""
    ident = _require(raw, "id", where)
    files = tuple(
        FileSpec(
            name=_require(f, "name", where),
            sha256=str(_require(f, "sha256", where)).lower(),
            url=f.get("url"),
            path=f.get("path"),
            mirror_folder=f.get("mirror_folder"),
        )
        for f in _require(raw, "files", where)
    )
    tables = tuple(_table(t, ident, where) for t in raw.get("tables", ()))
    names = {f.name for f in files}
    for table in tables:
        if table.file not in names:
            raise ConfigError(f"{where}: table {table.name!r} reads undeclared file {table.file!r}")
    return DatasetSpec(
        id=ident,
        title=_require(raw, "title", where),
        description=_require(raw, "description", where),
        source=_require(raw, "source", where),
        address=_require(raw, "address", where),
        licence=_require(raw, "licence", where),
        retrieved=str(_require(raw, "retrieved", where)),
        files=files,
        tables=tables,
        commit=raw.get("commit", ""),
        caveats=raw.get("caveats", ""),
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
        where = (
            str(path.relative_to(data_dir.parent)) if data_dir.parent in path.parents else str(path)
        )
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{where}: not valid TOML: {exc}") from None
        spec = parse_dataset(raw, where)
        if spec.id in datasets:
            raise ConfigError(f"{where}: dataset id {spec.id!r} is declared twice")
        datasets[spec.id] = spec
        for table in spec.tables:
            if table.name in tables:
                raise ConfigError(f"{where}: table name {table.name!r} is already used")
            tables[table.name] = table
    return Registry(datasets=datasets, tables=tables)
