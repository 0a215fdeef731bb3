"""Charts as static, accessible SVG: vl-convert draws them, this module labels them.

vl-convert measures text in Lato (the pinned font, registered once) and escapes every
string it writes. The SVG is then parsed and re-serialised with a text alternative (a
``<title>`` from the chart title, a ``<desc>`` from the claim's summary, ``role="img"``),
ids made unique per chart so several charts can share one HTML page, and a native hover
label (``<title>``) on each bar and point, taken from the description Vega writes for it.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from report.ledger.entry import Entry
from report.ledger.prose import fill
from report.render import charts
from report.render.chart_cache import cached_svg
from report.render.chart_data import chart_csv
from report.render.charts.style import apply_config
from report.render.safe_text import printable, safe_spec, visible
from report.render.vega_draw import vega_svg

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", XLINK_NS)

# Items that stand for one datum get a hover label; lines, areas, rules and text do not.
_NO_HOVER = frozenset({"line mark", "area mark", "rule mark", "text mark", "trail mark"})
_ID_REFERENCE = re.compile(r"url\(#([^)]+)\)")
_SAFE_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class ChartSVG:
    """One claim's chart: its title, subtitle, the finished SVG text and, for charts with
    tooltips, the Vega-Lite spec the page can make interactive."""

    claim_id: str
    title: str
    subtitle: str
    svg: str
    spec: dict[str, object] | None = None
    data_csv: str = ""  # the rows the chart draws, for a download link

    @property
    def file_name(self) -> str:
        """Where the chart is written, relative to the build folder."""
        return f"charts/{self.claim_id}.svg"


def _text(value: object) -> str:
    if isinstance(value, list):
        return " ".join(str(v) for v in value)
    return "" if value is None else str(value)


def spec_title(spec: dict[str, object]) -> tuple[str, str]:
    """The title and subtitle of a Vega-Lite spec (empty strings when absent)."""
    title = spec.get("title")
    if isinstance(title, dict):
        return _text(title.get("text")), _text(title.get("subtitle"))
    return _text(title), ""


def _q(tag: str) -> str:
    return f"{{{SVG_NS}}}{tag}"


def _prefix_ids(root: ET.Element, prefix: str) -> None:
    # Renumbered in document order: Vega's own ids count up across a process, so keeping
    # them would make the same chart differ between the first and a later build.
    renamed: dict[str, str] = {}
    for element in root.iter():
        old = element.get("id")
        if old is not None:
            renamed[old] = f"{prefix}-{len(renamed) + 1}"
            element.set("id", renamed[old])
    if not renamed:
        return
    href = f"{{{XLINK_NS}}}href"
    for element in root.iter():
        for name, value in element.attrib.items():
            if name in ("href", href) and value.startswith("#") and value[1:] in renamed:
                element.set(name, "#" + renamed[value[1:]])
            elif "url(#" in value:
                element.set(
                    name,
                    _ID_REFERENCE.sub(
                        lambda m: f"url(#{renamed.get(m.group(1), m.group(1))})", value
                    ),
                )


def _add_hover_labels(root: ET.Element) -> None:
    for element in root.iter():
        label = element.get("aria-label")
        if (
            label
            and element.get("role") == "graphics-symbol"
            and element.get("aria-roledescription") not in _NO_HOVER
        ):
            hover = ET.Element(_q("title"))
            hover.text = label
            element.insert(0, hover)


def accessible_svg(svg: str, prefix: str, title: str, description: str) -> str:
    """``svg`` with a text alternative, ids prefixed by ``prefix`` and hover labels."""
    root = ET.fromstring(svg)
    _prefix_ids(root, prefix)
    _add_hover_labels(root)
    title, description = visible(title), printable(description)
    root.set("role", "img")
    root.set("aria-label", title)
    title_element = ET.Element(_q("title"), {"id": f"{prefix}-title"})
    title_element.text = title
    desc_element = ET.Element(_q("desc"), {"id": f"{prefix}-desc"})
    desc_element.text = description
    root.insert(0, desc_element)
    root.insert(0, title_element)
    return ET.tostring(root, encoding="unicode")


def safe_claim_id(claim_id: str) -> str:
    """``claim_id`` if it is safe as a file name and an HTML id, else a ValueError."""
    if not _SAFE_ID.match(claim_id):
        raise ValueError(f"claim id {claim_id!r} is not kebab-case; it names a chart file")
    return claim_id


@dataclass(frozen=True)
class ChartDraft:
    """One claim's chart before it is drawn: the Vega-Lite spec vl-convert is given."""

    entry: Entry
    spec: dict[str, object]


def chart_draft(entry: Entry) -> ChartDraft | None:
    """The spec of ``entry``'s chart, made safe to draw, or None when it has none."""
    chart = charts.chart_for(entry)
    if chart is None:
        return None
    safe_claim_id(entry.claim.id)
    return ChartDraft(entry, safe_spec(apply_config(chart)))


def finish_chart(draft: ChartDraft, drawn: str) -> ChartSVG:
    """The finished chart of a draft from the SVG vl-convert drew for it."""
    entry, spec = draft.entry, draft.spec
    claim_id = entry.claim.id
    title, subtitle = spec_title(spec)
    summary = fill(entry.assessment.summary, entry.values())
    svg = accessible_svg(drawn, f"chart-{claim_id}", title or entry.claim.title, summary)
    live = spec if has_tooltips(spec) else None
    return ChartSVG(claim_id, title, subtitle, svg, live, chart_csv(spec))


def chart_svg(entry: Entry) -> ChartSVG | None:
    """The finished chart of ``entry``'s claim, drawn in this process, or None."""
    draft = chart_draft(entry)
    return None if draft is None else finish_chart(draft, cached_svg(draft.spec, vega_svg))


def has_tooltips(spec: object) -> bool:
    """Whether any encoding of a Vega-Lite spec shows a tooltip (worth a live chart)."""
    if isinstance(spec, dict):
        return "tooltip" in spec.get("encoding", {}) or any(has_tooltips(v) for v in spec.values())
    if isinstance(spec, list):
        return any(has_tooltips(v) for v in spec)
    return False
