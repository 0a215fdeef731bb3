"""vl-convert itself: the pinned font, the pinned time zone and one spec drawn as SVG.

Kept apart from the chart definitions (which need Altair and pandas) so a drawing process
(:mod:`report.render.svg_pool`) starts with nothing but vl-convert.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import font_lato
import vl_convert

from report.render.safe_text import draw_in_utc

FONT_DIR = Path(font_lato.__file__).resolve().parent / "files"


@cache
def register_fonts() -> None:
    """Make vl-convert measure and name text in Lato, and read dates in UTC rather than
    the machine's time zone (once per process, before its JavaScript engine starts)."""
    draw_in_utc()
    vl_convert.register_font_directory(str(FONT_DIR))


def vega_svg(spec: dict[str, object]) -> str:
    """The SVG vl-convert draws for a Vega-Lite spec."""
    register_fonts()
    svg: str = vl_convert.vegalite_to_svg(spec)
    return svg
