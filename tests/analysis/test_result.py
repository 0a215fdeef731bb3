"""Figure declarations: declared once, filled by name, refused when incomplete."""

from __future__ import annotations

import math

import pytest

from analysis.result import Figure, Figures, FigureSpec

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
