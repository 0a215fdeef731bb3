"""Read a declaration file (``data/**/*.toml``) and check it against a typed model.

Every way a declaration can be wrong (not a file, not UTF-8, not TOML, a key of the
wrong type or shape, a missing or unknown key) becomes one :class:`ConfigError` naming the
file, each key and what was expected, never a traceback.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from report.errors import ConfigError

M = TypeVar("M", bound=BaseModel)

# Declarations are small; anything larger is not one (and is not parsed).
MAX_DECLARATION_BYTES = 1 << 20

_EXPECTED = {
    "string_type": "expected text in quotes",
    "float_type": "expected a number",
    "int_type": "expected a whole number",
    "int_from_float": "expected a whole number",
    "bool_type": "expected true or false",
    "list_type": "expected a list [...]",
    "dict_type": "expected a table {...}",
    "model_type": "expected a table {...}",
    "model_attributes_type": "expected a table {...}",
    "date_type": "expected a TOML date such as 2009-01-03",
    "missing": "missing required key",
    "extra_forbidden": "unknown key (a typo?)",
}


def shown_path(path: Path, data_dir: Path) -> str:
    """``path`` as the user knows it: from the data folder's parent (``data/claims/x.toml``)."""
    try:
        return path.relative_to(data_dir.parent).as_posix()
    except ValueError:
        return str(path)


def read_declaration(path: Path, where: str) -> dict[str, Any]:
    """The parsed TOML of ``path``; a :class:`ConfigError` naming ``where`` otherwise."""
    if not path.is_file():
        kind = "a folder" if path.is_dir() else "missing"
        raise ConfigError(f"{where}: expected a TOML file, found {kind}")
    size = path.stat().st_size
    if size > MAX_DECLARATION_BYTES:
        raise ConfigError(
            f"{where}: {size} bytes is too large for a declaration "
            f"(at most {MAX_DECLARATION_BYTES}); is it the right file?"
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{where}: cannot be read ({exc.strerror or exc})") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(
            f"{where}: byte {exc.start} is not valid UTF-8; save the file as UTF-8"
        ) from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{where}: not valid TOML: {exc}") from None


def _place(loc: Sequence[int | str]) -> str:
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def describe(error: ValidationError) -> list[str]:
    """One line per defect: the key (as a dotted path), what was expected, what was found."""
    lines = []
    for item in error.errors(include_url=False):
        expected = _EXPECTED.get(item["type"], item["msg"].removeprefix("Value error, "))
        place = _place(item["loc"])
        found = "" if item["type"] == "missing" else f", got {_shown(item['input'])}"
        lines.append(f"key {place!r}: {expected}{found}" if place else f"{expected}{found}")
    return lines


def validated(model: type[M], raw: Mapping[str, Any], where: str) -> M:
    """``raw`` checked against ``model``; one :class:`ConfigError` listing every defect."""
    try:
        return model.model_validate(raw)
    except ValidationError as error:
        lines = [f"{where}, {line}" for line in describe(error)]
        raise ConfigError("\n".join(lines)) from None
