"""Fill the ``{name}`` placeholders of prose with formatted figures.

Prose is written without typed numbers; each placeholder names a figure, a parameter or
a stated value, and is replaced by :func:`report.render.format.format_value` output.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from report.render.format import format_value

PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}")

Value = tuple[float | None, str]  # (number, unit)


def placeholders(text: str) -> list[str]:
    """The names ``text`` refers to, in order."""
    return PLACEHOLDER.findall(text)


def unresolved(texts: Iterable[str], values: Mapping[str, Value]) -> list[str]:
    """Placeholder names in ``texts`` with no value."""
    return sorted({n for t in texts for n in placeholders(t) if n not in values})


def fill(text: str, values: Mapping[str, Value]) -> str:
    """``text`` with each placeholder replaced by its formatted value."""

    def _one(match: re.Match[str]) -> str:
        number, unit = values[match.group(1)]
        return format_value(number, unit)

    return PLACEHOLDER.sub(_one, text)


def without_placeholders(text: str) -> str:
    """``text`` with placeholders removed; what remains must hold no digit."""
    return PLACEHOLDER.sub("", text)
