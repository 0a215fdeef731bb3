"""Named, cited assumptions (``data/parameters/*.toml``) that analyses take by name."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from analysis.result import UNITS
from report.data.declared import describe, read_declaration, shown_path
from report.errors import ConfigError


@dataclass(frozen=True)
class Parameter:
    """One assumption: its value, unit and where it comes from."""

    name: str
    value: float
    unit: str
    label: str
    source: str
    address: str
    excerpt: str = ""
    note: str = ""


class ParameterModel(BaseModel):
    """One ``[name]`` table of a parameters file."""

    model_config = ConfigDict(strict=True, extra="forbid", allow_inf_nan=False, frozen=True)

    value: float
    unit: str
    label: Annotated[str, Field(min_length=1)]
    source: Annotated[str, Field(min_length=1)]
    address: Annotated[str, Field(min_length=1)]
    excerpt: str = ""
    note: str = ""

    @field_validator("unit")
    @classmethod
    def _known_unit(cls, unit: str) -> str:
        if unit not in UNITS:
            raise ValueError(f"unknown unit {unit!r}; known units: {', '.join(sorted(UNITS))}")
        return unit


def _parameter(name: str, entry: Any, where: str) -> Parameter:
    if not isinstance(entry, dict):
        raise ConfigError(f"{where}: expected a table [{name}] with value, unit, label, ...")
    try:
        model = ParameterModel.model_validate(entry)
    except ValidationError as error:
        missing = sorted(
            str(e["loc"][0]) for e in error.errors(include_url=False) if e["type"] == "missing"
        )
        if missing:  # the whole list at once: what to add
            raise ConfigError(f"{where}: missing {missing}") from None
        raise ConfigError("\n".join(f"{where}, {line}" for line in describe(error))) from None
    return Parameter(name=name, **model.model_dump())


def load_parameters(data_dir: Path) -> dict[str, Parameter]:
    """Every parameter under ``data_dir/parameters``; names are unique across files."""
    found: dict[str, Parameter] = {}
    for path in sorted((data_dir / "parameters").glob("*.toml")):
        file = shown_path(path, data_dir)
        raw = read_declaration(path, file)
        for name, entry in raw.items():
            where = f"{file}, parameter {name!r}"
            if name in found:
                raise ConfigError(f"{where}: the name is already used in another file")
            found[name] = _parameter(name, entry, where)
    return found
