"""Chart SVGs are drawn once per spec while the cache is on, and always when it is off."""

from __future__ import annotations

from pathlib import Path

from report.render.chart_cache import cached_svg, spec_key, use_chart_cache

SPEC: dict[str, object] = {"mark": "bar", "data": {"values": [{"a": 1}]}}


def test_an_identical_spec_is_drawn_once(tmp_path: Path) -> None:
    calls: list[dict[str, object]] = []

    def draw(spec: dict[str, object]) -> str:
        calls.append(spec)
        return f"<svg>{len(calls)}</svg>"

    with use_chart_cache(tmp_path):
        assert cached_svg(SPEC, draw) == "<svg>1</svg>"
        assert cached_svg(dict(SPEC), draw) == "<svg>1</svg>"
        assert cached_svg({**SPEC, "mark": "line"}, draw) == "<svg>2</svg>"
    assert len(calls) == 2
    assert cached_svg(SPEC, draw) == "<svg>3</svg>"  # off outside the block


def test_the_key_changes_with_any_value_of_the_spec() -> None:
    other = {"mark": "bar", "data": {"values": [{"a": 2}]}}
    assert spec_key(SPEC) != spec_key(other)
    assert spec_key(SPEC) == spec_key({"data": {"values": [{"a": 1}]}, "mark": "bar"})
