"""Shared chart style: titles wrap to the chart's width without losing a word."""

from __future__ import annotations

from report.render.charts.style import wrap_lines


def test_wrap_keeps_every_word_in_order_within_the_width() -> None:
    text = "The most the best machine could pay for power fell from a high to a low over the decade"
    lines = wrap_lines(text, 30)
    assert " ".join(lines) == text
    assert all(len(line) <= 30 for line in lines)
    assert len(lines) == 4  # 25, 29, 24 and 6 characters: no line could take the next word


def test_a_short_title_stays_one_line_and_a_long_word_keeps_its_own() -> None:
    assert wrap_lines("Short title", 30) == ["Short title"]
    assert wrap_lines("a " + "x" * 40 + " b", 10) == ["a", "x" * 40, "b"]
