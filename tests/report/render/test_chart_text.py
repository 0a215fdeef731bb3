"""Chart text is at least as large as the captions: 13 px in every SVG, drawn at 85% or
more of its size on a phone and at full size or more on a desktop (11 px and up)."""

from __future__ import annotations

import re
from pathlib import Path

SMALLEST = 13.0  # SVG pixels; report.css keeps charts at 85% or more of their size


def test_no_chart_draws_text_smaller_than_the_captions(rendered: Path) -> None:
    charts = sorted((rendered / "charts").glob("*.svg"))
    assert charts
    for chart in charts:
        sizes = [float(s) for s in re.findall(r'font-size="([0-9.]+)px"', chart.read_text())]
        assert sizes, chart.name
        assert min(sizes) >= SMALLEST, (chart.name, min(sizes))


def test_the_check_reads_the_sizes_vega_writes() -> None:
    svg = '<text font-size="9px">a</text><text font-size="13px">b</text>'
    assert [float(s) for s in re.findall(r'font-size="([0-9.]+)px"', svg)] == [9.0, 13.0]
