"""The shared look of every chart: fonts, colours, sizes and a few helpers.

Text in charts is Lato (from the pinned ``font-lato`` package), so the SVG measures and
renders the same in the browser, in vl-convert and in Typst.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from report.ledger.entry import Entry
from report.ledger.prose import fill
from report.render.format import format_value

FONT = "Lato"
WIDTH = 560
HEIGHT = 300
# Text sizes in SVG pixels. The page shows a chart at its drawn width or wider on a desktop
# and at no less than 85% of it on a phone, so 13 px stays at least 11 px, the captions' size.
TEXT_SIZE = 13
TITLE_SIZE = 17

INK = "#1d2733"
MUTED = "#5b6572"
GRID = "#e3e6ea"
ACCENT = "#b3261e"  # thresholds and the claim's own figure
PALETTE = [
    "#2f6690",
    "#d1495b",
    "#edae49",
    "#00798c",
    "#6a4c93",
    "#8f8f8f",
    "#3a7d44",
    "#9c6644",
    "#c0c0c0",
    "#30343f",
]

CONFIG: dict[str, object] = {
    "font": FONT,
    "background": "white",
    "padding": 8,
    "view": {"stroke": None, "continuousWidth": WIDTH, "continuousHeight": HEIGHT},
    "title": {
        "anchor": "start",
        "fontSize": TITLE_SIZE,
        "fontWeight": "bold",
        "color": INK,
        "subtitleFontSize": TEXT_SIZE,
        "subtitleColor": MUTED,
        "offset": 12,
    },
    "axis": {
        "labelFontSize": TEXT_SIZE,
        "titleFontSize": TEXT_SIZE,
        "titleFontWeight": "normal",
        "labelColor": MUTED,
        "titleColor": MUTED,
        "gridColor": GRID,
        "domainColor": MUTED,
        "tickColor": MUTED,
    },
    "legend": {
        "labelFontSize": TEXT_SIZE,
        "titleFontSize": TEXT_SIZE,
        "orient": "bottom",
        "columns": 3,
    },
    "header": {"labelFontSize": TEXT_SIZE, "titleFontSize": TEXT_SIZE, "labelColor": INK},
    "text": {"fontSize": TEXT_SIZE},
    "range": {"category": PALETTE},
    "line": {"strokeWidth": 2},
}


# Characters per title line that fit the chart width (bold 17 px and plain 13 px Lato).
TITLE_CHARS = 60
SUBTITLE_CHARS = 80


def wrap_lines(text: str, width: int) -> list[str]:
    """``text`` broken at spaces into lines of at most ``width`` characters (a longer word
    keeps its own line)."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def titled(
    chart: alt.TopLevelMixin, entry: Entry, title: str, subtitle: str = ""
) -> alt.TopLevelMixin:
    """``chart`` with a title (and subtitle) whose ``{figure}`` placeholders are filled,
    wrapped to the chart's width."""
    values = entry.values()
    text = wrap_lines(fill(title, values), TITLE_CHARS)
    if subtitle:
        params = alt.TitleParams(
            text=text, subtitle=wrap_lines(fill(subtitle, values), SUBTITLE_CHARS)
        )
    else:
        params = alt.TitleParams(text=text)
    return chart.properties(title=params)


def threshold_rule(value: float, unit: str, label: str, axis: str = "y") -> alt.LayerChart:
    """A labelled reference line (for example the $100,000 line) at ``value``."""
    data = pd.DataFrame({"value": [value], "label": [f"{label} ({format_value(value, unit)})"]})
    base = alt.Chart(data)
    rule = base.mark_rule(color=ACCENT, strokeDash=[6, 4], strokeWidth=1.5).encode(
        **{axis: alt.Y("value:Q") if axis == "y" else alt.X("value:Q")}
    )
    text = base.mark_text(align="left", dx=4, dy=-6, color=ACCENT, fontSize=TEXT_SIZE).encode(
        **{axis: alt.Y("value:Q") if axis == "y" else alt.X("value:Q")},
        text="label:N",
    )
    return alt.LayerChart(layer=[rule, text])


DIRECT_LABELS_FROM = 5  # series; fewer are told apart by a small legend


def end_labels(
    frame: pd.DataFrame, x: str, y: str, series: str, colour: alt.Color, x_type: str = "T"
) -> alt.Chart:
    """A text label at the last point of each series, in the series' colour: a legend
    the eye does not have to travel to."""
    last = frame.sort_values(x).groupby(series, sort=False).tail(1)
    labels: alt.Chart = (
        alt.Chart(last)
        .mark_text(align="left", dx=5, fontSize=TEXT_SIZE, fontWeight="bold")
        .encode(x=f"{x}:{x_type}", y=f"{y}:Q", text=f"{series}:N", color=colour)
    )
    return labels


# Words for the column names charts use, for tooltips that name no title of their own.
FIELD_WORDS = {
    "date": "Date",
    "period": "Period",
    "year": "Year",
    "country": "Country",
    "pool": "Pool",
    "series": "Series",
    "source": "Source",
    "label": "Estimate",
    "estimator": "Estimated by",
    "sector": "Sector",
    "rating": "Arena rating (Elo)",
    "gap": "Gap (Elo)",
    "value": "Value",
    "share": "Share (%)",
    "ehs": "Hashrate (EH/s)",
    "twh": "Electricity (TWh)",
    "hhi_low": "HHI, low bound",
    "hhi_mid": "HHI, midpoint",
    "hhi_high": "HHI, high bound",
}
_SUFFIX_UNITS = {"pct": "%", "twh": "TWh", "kwh": "kWh", "usd": "USD", "ehs": "EH/s", "ths": "TH/s"}


def field_words(field: str) -> str:
    """A column name as a reader's label: ``share_pct`` -> "Share (%)"."""
    if field in FIELD_WORDS:
        return FIELD_WORDS[field]
    words = field.split("_")
    unit = _SUFFIX_UNITS.get(words[-1]) if len(words) > 1 else None
    text = " ".join(words[:-1] if unit else words)
    text = text[:1].upper() + text[1:]
    return f"{text} ({unit})" if unit else text


def _tooltip_item(item: object) -> object:
    if isinstance(item, str):
        field, _, kind = item.partition(":")
        item = {"field": field, "type": {"T": "temporal", "Q": "quantitative"}.get(kind, "nominal")}
    if not isinstance(item, dict) or "field" not in item:
        return item
    out = dict(item)
    out.setdefault("title", field_words(str(out["field"])))
    if out.get("type") == "quantitative":
        out.setdefault("format", ",.3~r")  # three significant digits, as the report writes
    if out.get("type") == "temporal":
        out.setdefault("format", "%-d %B %Y")
    return out


def human_tooltips(spec: object) -> object:
    """``spec`` with every tooltip field titled in words and its numbers formatted."""
    if isinstance(spec, list):
        return [human_tooltips(v) for v in spec]
    if not isinstance(spec, dict):
        return spec
    out: dict[str, object] = {
        k: v if k == "datasets" else human_tooltips(v) for k, v in spec.items()
    }
    encoding = out.get("encoding")
    if isinstance(encoding, dict):
        tooltip = encoding.get("tooltip")
        if isinstance(tooltip, list):
            out["encoding"] = {**encoding, "tooltip": [_tooltip_item(t) for t in tooltip]}
        elif isinstance(tooltip, dict):
            out["encoding"] = {**encoding, "tooltip": _tooltip_item(tooltip)}
    return out


def apply_config(chart: alt.TopLevelMixin, validate: bool = False) -> dict[str, object]:
    """The chart as a Vega-Lite dict with the shared configuration and readable tooltips.

    Builds skip Altair's check of the spec against the Vega-Lite schema (a third of the
    spec's cost); ``tests/report/render/charts/test_specs.py`` makes it for every chart of
    the real ledger, and vl-convert refuses a spec it cannot draw, naming the claim.
    """
    spec = human_tooltips(chart.to_dict(validate=validate))
    if not isinstance(spec, dict):
        raise TypeError("a chart's spec is a mapping")
    extra = spec.get("config", {})
    spec["config"] = {**CONFIG, **(extra if isinstance(extra, dict) else {})}
    return spec
