"""Untrusted text made safe for every place the report writes it, and shown, not dropped.

Pool names come from coinbase tags anyone can write. Some code points break a writer
rather than its markup: control characters make vl-convert abort the process, line and
paragraph separators fail its export, XML 1.0 forbids most C0 controls and
noncharacters, a lone surrogate cannot be encoded as UTF-8 at all, and escape sequences
or bidirectional overrides take over a terminal. Each such code point is replaced by a
visible stand-in: a C0 control by its Unicode control picture (``\\x07`` -> ``␇``), any
other by ``⟨U+XXXX⟩``. Markup (``<``, ``#``, ``[``) is left to each writer's own escaping.

The one thing a chart's bytes could take from the machine besides text, its time zone,
is pinned here too (:func:`draw_in_utc`).
"""

from __future__ import annotations

import os
import time
import unicodedata
from typing import TypeVar

T = TypeVar("T")

_UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
_KEPT_IN_PROSE = frozenset({"\n", "\t"})


def _is_noncharacter(point: int) -> bool:
    return 0xFDD0 <= point <= 0xFDEF or (point & 0xFFFE) == 0xFFFE


def is_unsafe(char: str) -> bool:
    """Whether ``char`` is a code point some writer of the report cannot take as text."""
    return unicodedata.category(char) in _UNSAFE_CATEGORIES or _is_noncharacter(ord(char))


def stand_in(char: str) -> str:
    """The visible replacement of one unsafe code point."""
    point = ord(char)
    if point < 0x20:
        return chr(0x2400 + point)
    if point == 0x7F:
        return "\u2421"
    return f"\u27e8U+{point:04X}\u27e9"


def visible(text: str) -> str:
    """``text`` on one line with every unsafe code point (newlines and tabs too) shown as a
    stand-in: for chart labels, SVG attributes and terminal cells."""
    if text.isprintable() and text.isascii():
        return text
    return "".join(stand_in(c) if is_unsafe(c) else c for c in text)


def printable(text: str) -> str:
    """``text`` with unsafe code points shown as stand-ins, keeping newlines and tabs: for
    prose in documents."""
    if text.isprintable() and text.isascii():
        return text
    return "".join(stand_in(c) if is_unsafe(c) and c not in _KEPT_IN_PROSE else c for c in text)


def chart_text(text: str) -> str:
    """:func:`visible` text that vl-convert can also shorten: a code point beyond the Basic
    Multilingual Plane (an emoji) is two UTF-16 units in its engine, and a label cut
    between them fails the export, so it is shown as ``⟨U+1F41F⟩`` (Lato draws none)."""
    shown = visible(text)
    if shown.isascii():
        return shown
    return "".join(stand_in(c) if ord(c) > 0xFFFF else c for c in shown)


def safe_spec(value: T) -> T:
    """A chart spec (nested dicts, lists and strings) with every string made :func:`chart_text`."""
    if isinstance(value, str):
        return chart_text(value)  # type: ignore[return-value]
    if isinstance(value, dict):
        return {key: safe_spec(item) for key, item in value.items()}  # type: ignore[return-value]
    if isinstance(value, list | tuple):
        return type(value)(safe_spec(item) for item in value)
    return value


def draw_in_utc() -> None:
    """Make this process read and write local time as UTC, so that charts drawn by
    vl-convert (whose engine takes the process time zone when it starts) are the same
    bytes in every time zone."""
    if os.environ.get("TZ") != "UTC":
        os.environ["TZ"] = "UTC"
        time.tzset()
