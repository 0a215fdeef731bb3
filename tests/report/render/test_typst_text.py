"""Typst string literals: any text shows as itself and cannot end the literal early."""

from __future__ import annotations

from pathlib import Path

import pytest

from report.render.pdf import compile_pdf
from report.render.typst_text import TypstMarkup, finalize, string_literal, text_markup
from tests.report.render.test_pdf import pdf_text


@pytest.mark.parametrize(
    ("text", "literal"),
    [
        ('say "hi"', '"say \\"hi\\""'),
        ("a\\b", '"a\\\\b"'),
        ("line\nnext", '"line\\nnext"'),
        ("bell\x07", '"bell\\u{7}"'),
        ("#*_$@<>[]", '"#*_$@<>[]"'),
    ],
)
def test_string_literal_escapes_what_would_end_or_break_it(text: str, literal: str) -> None:
    assert string_literal(text) == literal


def test_finalize_writes_data_as_literals_and_markup_as_is() -> None:
    assert finalize("*x*") == '#"*x*";'
    assert finalize(TypstMarkup("*x*")) == "*x*"
    assert finalize(None) == ""
    assert finalize(3.5) == '#"3.5";'


def test_text_markup_shows_its_characters_in_a_compiled_document(tmp_path: Path) -> None:
    hostile = '#set text(red) *b* "q" \\ ] [ $m$ <l> @r // c'
    source = f'#set text(font: "Lato")\n{text_markup(hostile)}*after*\n'
    (tmp_path / "t.pdf").write_bytes(compile_pdf(source, tmp_path))
    shown = pdf_text(tmp_path / "t.pdf")
    assert hostile + "after" in shown
