"""Chart SVG: a text alternative, escaped data, unique and stable ids."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import altair as alt
import pandas as pd

from report.render.charts.style import apply_config
from report.render.svg import SVG_NS, accessible_svg, vega_svg
from tests.report.render.hostile import HOSTILE


def _spec() -> dict[str, object]:
    frame = pd.DataFrame({"pool": [HOSTILE, "Foundry USA"], "share": [30.0, 25.0]})
    chart = alt.Chart(frame, title="Shares").mark_bar().encode(x="share:Q", y="pool:N")
    return apply_config(chart)


def test_the_svg_has_a_title_description_and_role() -> None:
    svg = accessible_svg(vega_svg(_spec()), "chart-demo", "The title", "The finding")
    root = ET.fromstring(svg)
    assert root.get("role") == "img" and root.get("aria-label") == "The title"
    assert root.find(f"{{{SVG_NS}}}title").text == "The title"  # type: ignore[union-attr]
    assert root.find(f"{{{SVG_NS}}}desc").text == "The finding"  # type: ignore[union-attr]


def test_hostile_labels_stay_text() -> None:
    svg = accessible_svg(vega_svg(_spec()), "chart-demo", HOSTILE, HOSTILE)
    root = ET.fromstring(svg)
    tags = {element.tag.split("}")[-1] for element in root.iter()}
    assert "script" not in tags and "img" not in tags
    assert "<script>" not in svg
    texts = "".join(root.itertext())
    assert '<script>alert("x")</script>' in texts


def test_ids_are_prefixed_unique_and_the_same_on_every_draw() -> None:
    first = accessible_svg(vega_svg(_spec()), "chart-a", "t", "d")
    again = accessible_svg(vega_svg(_spec()), "chart-a", "t", "d")
    assert first == again
    ids = [e.get("id") for e in ET.fromstring(first).iter() if e.get("id")]
    assert ids and all(i.startswith("chart-a-") for i in ids)
    assert len(ids) == len(set(ids))
    other = accessible_svg(vega_svg(_spec()), "chart-b", "t", "d")
    assert not set(ids) & {e.get("id") for e in ET.fromstring(other).iter()}
