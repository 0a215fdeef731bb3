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

from report.render.context import Prose, ReportContext
from report.render.format import format_value
from report.render.jinja import template_environment
from report.render.links import split_address
from report.render.typst_text import TypstMarkup, finalize, string_literal, text_markup
from report.render.vega_draw import FONT_DIR

TYPST_TEMPLATE = "pdf/report.typ.j2"
APPENDIX_TEMPLATE = "pdf/appendix.typ.j2"
TYPST_STYLE = "pdf/style.typ"
HEADLINE_FIGURES = 4  # figures the brief shows per claim; the appendix shows them all
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


def typst_source_line(context: ReportContext) -> TypstMarkup:
    """The article's declared source details, or a note that none are recorded."""
    a = context.article
    known = [value for _, value in context.source_details]
    if not known and not a.address:
        return TypstMarkup(
            text_markup(
                "The article's outlet, author, address and date of publication are not "
                "recorded (data/article.toml leaves them empty rather than guess); its text "
                "is pinned by sha256."
            )
        )
    pieces = [text_markup(v) for v in known]
    if a.address:
        pieces.append(typst_link(a.address, a.address))
    return TypstMarkup("The article: " + " · ".join(pieces))


def typst_citation(context: ReportContext) -> TypstMarkup:
    """How to cite this version of the report."""
    a = context.article
    parts = ["Claim check of "]
    if a.author:
        parts.append(f"{a.author}, ")
    parts.append(f"“{a.title}”")
    parts += [f", {v}" for v in (a.outlet, a.published) if v]
    info = context.info
    parts.append(
        f". claimcheck-report, version {info.version} (code commit {info.code_commit[:12]})"
    )
    if context.newest_data is not None:
        parts.append(f", data to {format_value(context.newest_data, 'date')}")
    return TypstMarkup(text_markup("".join(parts) + "."))


def typst_environment(templates_dir: Path) -> jinja2.Environment:
    """The Jinja2 environment of the Typst templates: data always written as literals."""
    env = template_environment(templates_dir, autoescape=False, finalize=finalize)
    env.filters["fmt"] = format_value
    env.filters["lit"] = _literal
    env.filters["typst_label"] = _label
    env.globals["prose"] = typst_prose
    env.globals["link"] = typst_link
    env.globals["source_line"] = typst_source_line
    env.globals["citation"] = typst_citation
    env.globals["headline_count"] = HEADLINE_FIGURES
    return env


def render_typst(
    context: ReportContext, templates_dir: Path, template_name: str = TYPST_TEMPLATE
) -> str:
    """The Typst source of the brief (or, with ``APPENDIX_TEMPLATE``, the appendix)."""
    style = TypstMarkup((templates_dir / TYPST_STYLE).read_text(encoding="utf-8"))
    template = typst_environment(templates_dir).get_template(template_name)
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
