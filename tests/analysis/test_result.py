"""Figure declarations: declared once, filled by name, refused when incomplete."""

from __future__ import annotations

import math

import pytest

from analysis.result import Figure, Figures, FigureSpec, Margin, MarginRule, Verdict

DECLARED = Figures(
    ("share", "Share of the largest", "percent"),
    FigureSpec("year", "Latest year", "year"),
)


def test_filling_gives_the_figures_in_declared_order() -> None:
    assert DECLARED.fill(year=2025, share=61.5) == (
        Figure("share", "Share of the largest", 61.5, "percent"),
        Figure("year", "Latest year", 2025.0, "year"),
    )


def test_a_missing_value_is_kept_as_none() -> None:
    share, _ = DECLARED.fill(share=math.nan, year=2025)
    assert share.value is None


@pytest.mark.parametrize("values", [{"share": 1.0}, {"share": 1.0, "year": 2025, "extra": 3.0}])
def test_a_missing_or_undeclared_name_is_an_error(values: dict[str, float]) -> None:
    with pytest.raises(ValueError, match=r"not filled|not declared"):
        DECLARED.fill(**values)


def test_names_are_declared_once_with_known_units() -> None:
    with pytest.raises(ValueError, match="declared twice"):
        Figures(("a", "A", "count"), ("a", "A again", "count"))
    with pytest.raises(ValueError, match="unknown unit"):
        FigureSpec("a", "A", "furlongs")


def test_declarations_add_up_in_order() -> None:
    more = DECLARED + Figures(("count", "Count", "count"))
    assert more.names == ("share", "year", "count")
    assert more.spec("count").label == "Count"


FLIP = MarginRule(
    deciding="share",
    threshold=FigureSpec("share_flip", "Share at which it flips", "percent"),
    direction="below",
    flips_to=Verdict.CONTRADICTED,
    sentence="Contradicted if the share were below {share_flip}.",
)


def test_a_margin_rule_is_filled_with_its_threshold() -> None:
    margin = FLIP.at(50.0)
    assert margin == Margin(
        "share",
        Figure("share_flip", "Share at which it flips", 50.0, "percent"),
        "below",
        Verdict.CONTRADICTED,
        "Contradicted if the share were below {share_flip}.",
    )


def test_a_threshold_that_cannot_be_computed_gives_no_margin() -> None:
    assert FLIP.at(None) is None
    assert FLIP.at(math.nan) is None


def test_a_margin_cannot_flip_to_not_checkable() -> None:
    with pytest.raises(ValueError, match="not checkable"):
        Margin("share", Figure("x", "X", 1.0, "percent"), "above", Verdict.NOT_CHECKABLE, "{x}")
