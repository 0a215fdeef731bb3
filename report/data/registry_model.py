"""The typed shape of a dataset registry file (``data/datasets/<id>.toml``).

:mod:`report.data.registry` checks each file against :class:`DatasetModel` before it
builds the frozen specs the rest of the code reads.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

COLUMN_TYPES = ("int", "float", "str", "date", "datetime", "bool")
ColumnType = Literal["int", "float", "str", "date", "datetime", "bool"]
ReaderName = Literal[
    "csv", "parquet", "blockchain_chart", "json_records", "json_mapping", "eia_wide"
]

# The options each reader takes: name -> (type, required).
READER_OPTIONS: dict[str, dict[str, tuple[type, bool]]] = {
    "csv": {"encoding": (str, False), "skip_lines": (int, False), "delimiter": (str, False)},
    "parquet": {},
    "blockchain_chart": {"series": (str, True)},
    "json_records": {},
    "json_mapping": {"section": (str, False)},
    "eia_wide": {"row": (str, True), "skip_lines": (int, False)},
}

# A file larger than this is refused before it is read, unless its entry declares max_bytes.
DEFAULT_MAX_BYTES = 64 << 20

_NAME = r"^[A-Za-z0-9][A-Za-z0-9 ._()-]*$"  # a file name: no folders, no leading dot
Text = Annotated[str, Field(min_length=1)]


class _Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", allow_inf_nan=False, frozen=True)


class ColumnModel(_Strict):
    """One column's declaration: its type and what values it may hold."""

    type: ColumnType
    source: Text | None = None
    nullable: bool = False
    min: Any = None
    max: Any = None
    allowed: list[str] = []
    strip: list[Text] = []
    format: Text | None = None
    description: str = ""

    @field_validator("min", "max")
    @classmethod
    def _bound(cls, value: object) -> object:
        if value is None or isinstance(value, dt.date):
            return value
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError("expected a number, or a TOML date such as 2009-01-03")
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError("expected a finite number")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> ColumnModel:
        dated = self.type in {"date", "datetime"}
        for name in ("min", "max"):
            bound = getattr(self, name)
            if bound is None:
                continue
            if dated and not isinstance(bound, dt.date):
                raise ValueError(f"{name!r} of a {self.type} column must be a TOML date")
            if not dated and (isinstance(bound, dt.date) or self.type not in {"int", "float"}):
                raise ValueError(f"{name!r} applies to int, float, date and datetime columns")
        if dated and self.min is None:
            raise ValueError(
                f"a {self.type} column declares 'min', its earliest possible date "
                "(e.g. min = 2009-01-03, the genesis block, for Bitcoin data)"
            )
        if self.min is not None and self.max is not None and _key(self.min) > _key(self.max):
            raise ValueError(f"'min' {self.min} is above 'max' {self.max}")
        if self.strip and self.type not in {"int", "float"}:
            raise ValueError("'strip' applies to int and float columns")
        if self.format is not None and not dated:
            raise ValueError("'format' applies to date and datetime columns")
        return self


def _key(bound: object) -> float:
    if isinstance(bound, dt.datetime):
        return bound.replace(tzinfo=None).timestamp() if bound.tzinfo is None else bound.timestamp()
    if isinstance(bound, dt.date):
        return dt.datetime(bound.year, bound.month, bound.day).timestamp()
    return float(bound)  # type: ignore[arg-type]


class TableModel(_Strict):
    """One table read from one file."""

    name: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]
    file: Text
    reader: ReaderName
    columns: Annotated[dict[str, ColumnModel], Field(min_length=1)]
    key: list[str] = []
    options: dict[str, str | int] = {}
    min_rows: Annotated[int, Field(ge=0)] = 1
    drop_identical_rows: bool = False
    description: str = ""

    @model_validator(mode="after")
    def _consistent(self) -> TableModel:
        unknown = sorted(set(self.key) - set(self.columns))
        if unknown:
            raise ValueError(f"'key' names undeclared columns {unknown}")
        _check_options(self.reader, self.options)
        return self


def _check_options(reader: str, options: dict[str, str | int]) -> None:
    known = READER_OPTIONS[reader]
    for name, value in options.items():
        if name not in known:
            raise ValueError(
                f"reader {reader!r} takes no option {name!r} (it takes {sorted(known) or 'none'})"
            )
        kind = known[name][0]
        if not isinstance(value, kind) or isinstance(value, bool):
            raise ValueError(f"option {name!r} must be {'text' if kind is str else 'a number'}")
    for name, (_, required) in known.items():
        if required and name not in options:
            raise ValueError(f"reader {reader!r} needs option {name!r}")
    if "encoding" in options:
        try:
            codecs.lookup(str(options["encoding"]))
        except LookupError:
            raise ValueError(
                f"option 'encoding': unknown encoding {options['encoding']!r}"
            ) from None
    if "delimiter" in options and len(str(options["delimiter"])) != 1:
        raise ValueError("option 'delimiter' must be one character")
    if int(options.get("skip_lines", 0)) < 0:
        raise ValueError("option 'skip_lines' must be 0 or more")


class FileModel(_Strict):
    """One pinned file."""

    name: Annotated[str, Field(pattern=_NAME)]
    sha256: Annotated[str, Field(pattern=r"^[0-9a-fA-F]{64}$")]
    url: Annotated[str, Field(pattern=r"^(https?|file)://")] | None = None
    path: Annotated[str, Field(pattern=r"^[A-Za-z0-9_][A-Za-z0-9_./ -]*$")] | None = None
    mirror_folder: Annotated[str, Field(pattern=_NAME)] | None = None
    max_bytes: Annotated[int, Field(gt=0)] = DEFAULT_MAX_BYTES

    @field_validator("path")
    @classmethod
    def _inside(cls, value: str | None) -> str | None:
        if value is not None and ".." in value.split("/"):
            raise ValueError("'path' must stay inside the project (no '..')")
        return value


class DatasetModel(_Strict):
    """A whole registry file."""

    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$")]
    title: Text
    description: Text
    source: Text
    address: Text
    licence: Text
    retrieved: dt.date | str
    files: Annotated[list[FileModel], Field(min_length=1)]
    tables: list[TableModel] = []
    commit: str = ""
    caveats: str = ""

    @field_validator("retrieved")
    @classmethod
    def _date(cls, value: dt.date | str) -> dt.date:
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError("expected a date YYYY-MM-DD")
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{value!r} is not a calendar date") from None

    @model_validator(mode="after")
    def _files_read(self) -> DatasetModel:
        names = [f.name for f in self.files]
        if len(set(names)) != len(names):
            raise ValueError("two files have the same name")
        for table in self.tables:
            if table.file not in names:
                raise ValueError(f"table {table.name!r} reads undeclared file {table.file!r}")
        return self
