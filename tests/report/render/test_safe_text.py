"""Hostile text never stops a build: every code point a writer cannot take is shown as a
visible stand-in before it reaches vl-convert, SVG, Typst, HTML or a terminal (class 3)."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import textwrap
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from hypothesis import given, settings
from hypothesis import strategies as st

from report.render.safe_text import chart_text, is_unsafe, printable, safe_spec, stand_in, visible
from report.settings import PROJECT_ROOT
from tests.report.commands.corpus import make_sandbox

# every kind of code point, lone surrogates included
ANY_CHAR = st.one_of(
    st.characters(codec=None, exclude_categories=[]), st.characters(categories=["Cs"])
)
ANY_TEXT = st.text(ANY_CHAR, max_size=40)
NAMED = [
    "a\x00b",
    "000000000000\x1f\x80\x80\U00010000",  # an emoji cut when the label is shortened
    "0" * 30 + "\U0001f41f\U0001f41f",
    "bell\x07",
    "esc\x1b[31mred",
    "line\u2028sep",
    "para\u2029sep",
    "nel\x85",
    "lone\ud800",
    "\udfff",
    "non\ufffe",
    "\uffff",
    "rtl\u202eoverride",
    "zw\u200bsp",
    "bom\ufeff",
    "del\x7f",
    "c1\x9b",
    "cr\rlf\n",
    "tab\t",
    "tag\U000e0041",
]


@settings(max_examples=300)
@given(ANY_TEXT)
def test_visible_text_holds_no_unsafe_code_point_and_drops_nothing(text: str) -> None:
    shown = visible(text)
    assert not any(is_unsafe(c) for c in shown)
    shown.encode("utf-8")  # a lone surrogate would raise here
    ET.fromstring(
        f"<t a='{shown.replace('&', '&amp;').replace('<', '&lt;').replace(chr(39), '&#39;')}'/>"
    )
    assert len(shown) >= len(text)
    assert sum(1 for c in text if is_unsafe(c)) <= sum(
        shown.count(stand_in(c)) for c in set(text) if is_unsafe(c)
    )
    assert visible(shown) == shown


@settings(max_examples=300)
@given(ANY_TEXT)
def test_printable_keeps_lines_and_tabs_and_nothing_else_unsafe(text: str) -> None:
    shown = printable(text)
    assert [c for c in shown if is_unsafe(c)] == [c for c in shown if c in "\n\t"]
    assert shown.count("\n") == text.count("\n")
    shown.encode("utf-8")


@given(st.text(st.characters(categories=["L", "N", "P", "S", "Zs"]), max_size=40))
def test_ordinary_text_is_left_exactly_as_it_is(text: str) -> None:
    assert visible(text) == text == printable(text)


def test_each_named_hostile_character_is_shown_by_a_stand_in() -> None:
    for name in NAMED:
        shown = visible(name)
        assert not any(is_unsafe(c) for c in shown), name
        assert all(unicodedata.category(c) != "Cc" for c in shown)
    assert visible("bell\x07") == "bell\u2407"
    assert visible("line\u2028sep") == "line\u27e8U+2028\u27e9sep"
    assert visible("lone\ud800") == "lone\u27e8U+D800\u27e9"


def test_chart_text_shows_characters_beyond_the_basic_plane_as_stand_ins() -> None:
    assert chart_text("fish \U0001f41f\x07") == "fish \u27e8U+1F41F\u27e9\u2407"
    assert chart_text("Foundry USA") == "Foundry USA"


def test_a_spec_is_made_safe_everywhere_but_keeps_its_shape() -> None:
    spec = {"title": {"text": ["a\x07", "b"]}, "data": {"values": [{"pool": "x\u2028y", "n": 3}]}}
    safe = safe_spec(spec)
    assert safe == {
        "title": {"text": ["a\u2407", "b"]},
        "data": {"values": [{"pool": "x\u27e8U+2028\u27e9y", "n": 3}]},
    }


# Run in a child process: before the fix a hostile name aborted the whole process (134).
_CHILD = textwrap.dedent(
    """
    import xml.etree.ElementTree as ET
    import typst, tempfile, pathlib
    from hypothesis import given, settings, strategies as st
    from report.render.safe_text import safe_spec
    from report.render.svg import accessible_svg, vega_svg
    from report.render.typst_text import text_markup

    NAMED = {named!r}

    def draw(name):
        spec = {{"data": {{"values": [{{"pool": name, "n": 1}}, {{"pool": "b", "n": 2}}]}},
                "title": name, "mark": "bar",
                "encoding": {{"x": {{"field": "pool", "type": "nominal"}},
                              "y": {{"field": "n", "type": "quantitative"}},
                              "tooltip": [{{"field": "pool"}}]}}}}
        svg = accessible_svg(vega_svg(safe_spec(spec)), "c", name, name)
        ET.fromstring(svg.encode("utf-8"))
        folder = pathlib.Path(tempfile.mkdtemp())
        (folder / "t.typ").write_text(str(text_markup(name)), encoding="utf-8")
        assert typst.compile(str(folder / "t.typ")).startswith(b"%PDF")

    for name in NAMED:
        draw(name)

    @settings(max_examples=40, deadline=None)
    @given(st.text(st.one_of(st.characters(codec=None), st.characters(categories=["Cs", "Cc", "Zl"])), min_size=1, max_size=20))
    def prop(name):
        draw(name)

    prop()
    print("drew", len(NAMED) + 40)
    """
)


def test_hostile_names_draw_as_charts_svg_and_typst_without_stopping_the_process() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _CHILD.format(named=NAMED)],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "drew" in done.stdout


HOSTILE_POOL = "vi\x00a\x07b\x1b[31mtc\u2028\u2029\x85\u202e\ufffe\U0001f41f[/bold]"


def test_a_build_whose_pool_names_are_hostile_succeeds_and_shows_them(tmp_path: Path) -> None:
    """End to end: a coinbase tag with control characters, separators and an emoji."""
    box = make_sandbox(tmp_path)
    path = box.own_copy("pool-blocks-sorukumar", "blocks_post_2021.parquet")
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    table = pq.read_table(path)
    slugs = [HOSTILE_POOL if s == "viabtc" else s for s in table.column("pool_slug").to_pylist()]
    pq.write_table(table.set_column(1, "pool_slug", pa.array(slugs, pa.string())), path)
    box.edit(
        "datasets/pool-blocks-sorukumar.toml", before, hashlib.sha256(path.read_bytes()).hexdigest()
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("REPORT_")}
    done = subprocess.run(
        [sys.executable, "-m", "report", "build", "--quiet"],
        cwd=PROJECT_ROOT,
        env={**env, **box.env},
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    latest = box.output / "latest"
    charts = "".join(p.read_text(encoding="utf-8") for p in (latest / "charts").glob("*.svg"))
    assert chart_text(HOSTILE_POOL) in charts  # shown, not dropped
    for svg in (latest / "charts").glob("*.svg"):
        ET.fromstring(svg.read_bytes())
    assert (latest / "report.pdf").read_bytes().startswith(b"%PDF")
    assert not [
        p for p in box.output.iterdir() if p.name.startswith(".tmp-") and p.name.endswith(".lock")
    ]
