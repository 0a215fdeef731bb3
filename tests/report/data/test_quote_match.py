"""A quote that is not verbatim: the closest passage, its marked differences and the hint."""

from __future__ import annotations

from pathlib import Path

import pytest

from report.data.inventory import load_inventory
from report.data.quote_match import closest_passage, marked_difference, quote_mismatch
from report.errors import ConfigError

ARTICLE = (
    "Mining began as a cottage industry. The mining layer has become progressively "
    "concentrated in fewer hands, primarily due to the economic realities of the industry. "
    "Meanwhile AI moves toward the edge."
)


def test_the_closest_passage_is_the_one_the_quote_was_taken_from() -> None:
    quote = "mining layer has become increasingly concentrated in fewer hands"
    passage = closest_passage(quote, ARTICLE)
    assert (
        " ".join(passage.words)
        == "mining layer has become progressively concentrated in fewer hands,"
    )
    # 8 of 9 words agree in the same order: difflib's ratio 2*M/T with M=8, T=18
    assert passage.similarity == pytest.approx(2 * 8 / 18)


def test_differences_are_marked_word_by_word() -> None:
    quote = "mining layer has become increasingly concentrated in fewer hands"
    marked = marked_difference(quote, closest_passage(quote, ARTICLE))
    assert "[-increasingly-] {+progressively+}" in marked
    assert marked.startswith("mining layer has become ")


def test_the_message_names_the_claim_shows_the_passage_and_says_how_to_fix_it() -> None:
    message = quote_mismatch(
        "data/claims/x.toml, claim 'c'", "began as a cotage industry.", ARTICLE, "the article"
    )
    lines = message.splitlines()
    assert lines[0] == "data/claims/x.toml, claim 'c': the quote is not verbatim in the article"
    assert "[-cotage-] {+cottage+}" in lines[2]
    assert lines[3].strip().startswith("hint: copy the passage")


def test_a_quote_from_elsewhere_gets_no_passage_but_a_hint() -> None:
    message = quote_mismatch("w", "pasta cooked al dente tonight", ARTICLE, "the article")
    assert "closest passage" not in message
    assert "hint: no passage" in message


def test_the_inventory_reports_the_closest_passage(tmp_path: Path) -> None:
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "demo.toml").write_text(
        '[[claims]]\nid = "edge"\ntitle = "t"\nquote = "Meanwhile AI moves to the edge."\n'
        'assess = "x.y"\nchart = false\n',
        encoding="utf-8",
    )
    with pytest.raises(ConfigError) as raised:
        load_inventory(tmp_path, ARTICLE)
    text = str(raised.value)
    assert "demo.toml, claim 'edge': the quote is not verbatim" in text
    assert "[-to-] {+toward+}" in text
