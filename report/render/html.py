"""The HTML report: one self-contained file rendered by Jinja2 from ``templates/html``.

Autoescaping is on for every template, so text from data (pool names, quotes, source
titles) is always escaped; only the chart SVG, which :mod:`report.render.svg` built and
re-serialised, is marked safe. Fonts and styles are inlined, so the page makes no request.
"""

from __future__ import annotations

import base64
from functools import cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from report.render.context import ReportContext
from report.render.format import format_value
from report.render.jinja import template_environment
from report.render.links import split_address
from report.render.live import script_json, vega_runtime
from report.render.safe_text import printable
from report.render.vega_draw import FONT_DIR

HTML_TEMPLATE = "html/report.html.j2"
FONT_FACES = (
    ("Lato-Regular.ttf", "normal", 400),
    ("Lato-Italic.ttf", "italic", 400),
    ("Lato-Bold.ttf", "normal", 700),
)


@cache
def font_face_css() -> str:
    """``@font-face`` rules with the Lato files embedded as data URLs."""
    rules = []
    for file_name, style, weight in FONT_FACES:
        data = base64.b64encode((FONT_DIR / file_name).read_bytes()).decode("ascii")
        rules.append(
            "@font-face{font-family:'Lato';"
            f"font-style:{style};font-weight:{weight};font-display:swap;"
            f"src:url(data:font/ttf;base64,{data}) format('truetype');}}"
        )
    return "\n".join(rules)


def _printable(value: object) -> object:
    """Data text with the code points no page should hold shown as stand-ins."""
    return printable(value) if type(value) is str else value


def csv_data_url(text: str) -> str:
    """``text`` as a ``data:`` address a download link can carry inside the page (base64,
    a third larger than the text; percent-encoding would double it)."""
    data = base64.b64encode(text.encode("utf-8")).decode("ascii")
    return "data:text/csv;charset=utf-8;base64," + data


def lower_first(text: str) -> str:
    """``text`` with its first letter lower-case, unless it starts an acronym ("HHI")."""
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text


def html_environment(templates_dir: Path) -> jinja2.Environment:
    """The Jinja2 environment of the HTML templates: autoescaped, strict, with ``fmt``."""
    env = template_environment(templates_dir, autoescape=True, finalize=_printable)
    env.filters["fmt"] = format_value
    env.filters["lower_first"] = lower_first
    env.globals["csv_data_url"] = csv_data_url
    env.globals["font_face_css"] = lambda: Markup(font_face_css())
    env.globals["trusted_svg"] = Markup
    env.globals["split_address"] = split_address
    env.globals["script_json"] = lambda value: Markup(script_json(value))
    env.globals["vega_runtime"] = lambda: Markup(vega_runtime())
    return env


def render_html(context: ReportContext, templates_dir: Path) -> str:
    """The report page for ``context``."""
    template = html_environment(templates_dir).get_template(HTML_TEMPLATE)
    return template.render(report=context)
