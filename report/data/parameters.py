"""Named, cited assumptions (``data/parameters/*.toml``) that analyses take by name."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from analysis.result import UNITS
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


def load_parameters(data_dir: Path) -> dict[str, Parameter]:
    """Every parameter under ``data_dir/parameters``; names are unique across files."""
    found: dict[str, Parameter] = {}
    for path in sorted((data_dir / "parameters").glob("*.toml")):
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: not valid TOML: {exc}") from None
        for name, entry in raw.items():
            where = f"{path.name}, parameter {name!r}"
            missing = {"value", "unit", "label", "source", "address"} - set(entry)
            if missing:
                raise ConfigError(f"{where}: missing {sorted(missing)}")
            if entry["unit"] not in UNITS:
                raise ConfigError(f"{where}: unknown unit {entry['unit']!r}")
            if name in found:
                raise ConfigError(f"{where}: the name is already used in another file")
            found[name] = Parameter(
                name=name,
                value=float(entry["value"]),
                unit=entry["unit"],
                label=entry["label"],
                source=entry["source"],
                address=entry["address"],
                excerpt=entry.get("excerpt", ""),
                note=entry.get("note", ""),
            )
    return found
