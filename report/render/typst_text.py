"""Text for Typst markup that cannot inject markup: every data string becomes a string literal.

Typst has no autoescape, so the PDF templates get one here: every ``{{ value }}`` passes
through :func:`finalize`, which writes the value as an embedded string literal
(``#"..."``) ended by ``;`` so no following character can extend the expression. A string
literal shows its characters as text: ``*``, ``_``, ``$``, ``#``, ``@``, ``<`` and ``[`` are
inert inside it. Only the template's own markup, marked with :class:`TypstMarkup`, passes
through unchanged.
"""

from __future__ import annotations

import re

from report.render.safe_text import is_unsafe, stand_in

_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}
# What may need escaping: the escaped characters, controls and anything beyond ASCII (most
# of which is kept; _escape_char decides). Plain ASCII text is copied in one pass.
_MAY_NEED_ESCAPE = re.compile(r'[\\"\x00-\x1f\x7f-\U0010ffff]')


class TypstMarkup(str):
    """Typst source written by this package (never data), emitted as is."""

    __slots__ = ()


def _escape_char(char: str) -> str:
    """How one character is written inside a Typst string literal."""
    if char in _ESCAPES:
        return _ESCAPES[char]
    if ord(char) < 0x20 or ord(char) == 0x7F:  # other control characters, as \u{..}
        return f"\\u{{{ord(char):x}}}"
    return stand_in(char) if is_unsafe(char) else char  # separators, surrogates, overrides


def string_literal(text: str) -> TypstMarkup:
    """``text`` as a Typst string literal (for code: arguments of ``link``, ``image``)."""
    return TypstMarkup('"' + _MAY_NEED_ESCAPE.sub(lambda m: _escape_char(m[0]), text) + '"')


def text_markup(text: str) -> TypstMarkup:
    """``text`` as markup that shows exactly these characters: ``#"...";``."""
    return TypstMarkup("#" + string_literal(text) + ";")


def finalize(value: object) -> str:
    """What a ``{{ value }}`` of a Typst template writes: data as text, markup as is."""
    if isinstance(value, TypstMarkup):
        return value
    if value is None:
        return ""
    return text_markup(str(value))
