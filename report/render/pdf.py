"""The PDF report: Typst source rendered by Jinja2 from ``templates/pdf``, compiled by Typst.

Typst has no autoescape, so the environment writes every ``{{ value }}`` as a Typst string
literal (:mod:`report.render.typst_text`): text from data shows as text and never as
markup. Fonts come only from the pinned Lato package (system fonts are ignored), and the
document carries no date, so the same inputs give the same bytes.
"""

from __future__ import annotations

import re
from pathlib import Path

import jinja2
import typst

from report.render.charts.style import FONT_DIR
from report.render.context import Prose, ReportContext
from report.render.format import format_value
from report.render.jinja import template_environment
from report.render.links import split_address
from report.render.typst_text import TypstMarkup, finalize, string_literal, text_markup

TYPST_TEMPLATE = "pdf/report.typ.j2"
TYPST_STYLE = "pdf/style.typ"
_LABEL = re.compile(r"^[a-z][a-z0-9-]*$")


def _literal(value: object) -> TypstMarkup:
    return string_literal(str(value))


def _label(anchor: str) -> TypstMarkup:
    if not _LABEL.match(anchor):
        raise ValueError(f"{anchor!r} cannot be a Typst label")
    return TypstMarkup(f"<{anchor}>")


def typst_prose(p: Prose) -> TypstMarkup:
    """A prose field as Typst markup: text parts as text, filled values in bold."""
    pieces = [
        f"#strong({string_literal(format_value(part.number, part.unit))})"
        if part.is_value
        else text_markup(part.text)
        for part in p.parts
    ]
    return TypstMarkup("".join(pieces))


def typst_link(text: str, address: str) -> TypstMarkup:
    """``text`` linked to ``address`` when it is a web address, else both as text."""
    url, rest = split_address(address)
    note = f" #text(fill: muted)[{text_markup(rest if url else f'({rest})')}]" if rest else ""
    if url:
        return TypstMarkup(f"#link({string_literal(url)})[{text_markup(text)}]{note}")
    return TypstMarkup(f"{text_markup(text)}{note}")


def typst_environment(templates_dir: Path) -> jinja2.Environment:
    """The Jinja2 environment of the Typst templates: data always written as literals."""
    env = template_environment(templates_dir, autoescape=False, finalize=finalize)
    env.filters["fmt"] = format_value
    env.filters["lit"] = _literal
    env.filters["typst_label"] = _label
    env.globals["prose"] = typst_prose
    env.globals["link"] = typst_link
    return env


def render_typst(context: ReportContext, templates_dir: Path) -> str:
    """The Typst source of the report for ``context``."""
    style = TypstMarkup((templates_dir / TYPST_STYLE).read_text(encoding="utf-8"))
    template = typst_environment(templates_dir).get_template(TYPST_TEMPLATE)
    return template.render(report=context, style=style)


def compile_pdf(source: str, root: Path) -> bytes:
    """The PDF Typst makes of ``source``; images are read relative to ``root``."""
    main = root / "report.typ"
    main.write_text(source, encoding="utf-8")
    try:
        pdf: bytes = typst.compile(
            str(main), root=str(root), font_paths=[str(FONT_DIR)], ignore_system_fonts=True
        )
    finally:
        main.unlink()
    return pdf
