"""The values every claim assessment returns: figures, a verdict, method and limits.

Prose fields (``summary``, ``method``, ``limits``, ``needs``) never hold typed numbers:
they name figures, parameters or stated values in braces (``{top2_share_latest}``), and
the renderer fills each through the one formatting filter.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Literal, TypeVar

import pandas as pd

F = TypeVar("F", bound=Callable[..., Any])
MEASURE_MARK = "__claimcheck_measure__"


class Verdict(StrEnum):
    """How the data bear on a claim."""

    SUPPORTED = "supported"
    PARTLY_SUPPORTED = "partly supported"
    CONTRADICTED = "contradicted"
    NOT_CHECKABLE = "not checkable"


UNITS = frozenset(
    {
        "percent",  # 0-100
        "percentage_points",  # a change, signed: "+1.5 pp"
        "pp_margin",  # a margin of error in percentage points: "±0.2 pp"
        "usd",
        "usd_bn",
        "usd_per_kwh",
        "usd_per_th_day",
        "kwh",
        "twh",
        "ths",
        "ehs",
        "j_per_th",
        "hhi",  # Herfindahl-Hirschman index, 0-10,000
        "count",
        "year",
        "date",  # value is a proleptic ordinal day (datetime.date.toordinal())
        "month",  # the same ordinal, written as its month ("April 2021")
        "ratio",  # plain number without unit
        "multiple",  # "x times"
        "per_year",  # how often a thing happens: "2.5 a year", "1 in 66 years"
        "elo",
        "months",
        "btc",
    }
)


@dataclass(frozen=True)
class Stated:
    """A value the article states, as transcribed in the claim inventory."""

    value: float
    unit: str
    text: str  # the words of the article that state it


@dataclass(frozen=True)
class Figure:
    """One computed number with its unit; ``value`` is None when it cannot be computed."""

    name: str
    label: str
    value: float | None
    unit: str

    def __post_init__(self) -> None:
        if self.unit not in UNITS:
            raise ValueError(f"figure {self.name!r}: unknown unit {self.unit!r}")
        # Accept numpy and pandas scalars; store a plain float, or None for NA/NaN.
        value = None if _is_missing(self.value) else float(self.value)  # type: ignore[arg-type]
        object.__setattr__(self, "value", value)


def _is_missing(value: object) -> bool:
    return value is None or value is pd.NA or value is pd.NaT or value != value


def text_of(value: object) -> str:
    """A cell as text, with NA and None as the empty string."""
    return "" if _is_missing(value) else str(value)


@dataclass(frozen=True)
class Citation:
    """A source row used by an assessment beyond whole datasets (a curated table row)."""

    title: str
    address: str
    excerpt: str = ""
    note: str = ""


Direction = Literal["above", "below"]


@dataclass(frozen=True)
class Margin:
    """How close a verdict came: the value of one deciding input at which it would flip.

    ``deciding`` names the figure, parameter or ``stated_<name>`` value the rule turns on;
    ``threshold`` is the value at which the verdict becomes ``flips_to`` when ``deciding``
    moves ``direction`` it (a Figure, so the one formatter writes it, in the deciding
    value's unit); ``sentence`` says so in prose with placeholders and must name
    ``{<threshold.name>}``. Declare the rule beside the assessing function with
    :class:`MarginRule` and fill it with the threshold the data give.
    """

    deciding: str
    threshold: Figure
    direction: Direction
    flips_to: Verdict
    sentence: str

    def __post_init__(self) -> None:
        if self.flips_to is Verdict.NOT_CHECKABLE:
            raise ValueError(f"margin on {self.deciding!r}: a verdict cannot flip to not checkable")
        if self.direction not in ("above", "below"):
            raise ValueError(f"margin on {self.deciding!r}: direction must be above or below")


@dataclass(frozen=True)
class MarginRule:
    """A margin's declaration, set apart from its threshold value.

    Declare one per verdict branch at module level::

        FEE_MARGIN = MarginRule(
            deciding="fee_per_block",
            threshold=FigureSpec("fee_flip", "Fee per block at which it flips", "btc"),
            direction="above",
            flips_to=Verdict.CONTRADICTED,
            sentence="Contradicted if the fee per block were above {fee_flip}.",
        )

    and fill it in the assessing function: ``margin=FEE_MARGIN.at(threshold)``. The
    threshold is the deciding value at which the rule gives ``flips_to``: compute it by
    solving the rule for the deciding value, not by trial.
    """

    deciding: str
    threshold: FigureSpec
    direction: Direction
    flips_to: Verdict
    sentence: str

    def at(self, threshold: float | None) -> Margin | None:
        """The margin with this threshold; None when the threshold cannot be computed."""
        figure = self.threshold.of(threshold)
        if figure.value is None:
            return None
        return Margin(self.deciding, figure, self.direction, self.flips_to, self.sentence)


@dataclass(frozen=True)
class Assessment:
    """What the data say about one claim; ``margin`` says how close its verdict came
    (None for a claim that is not checkable, or whose family has no margins yet)."""

    verdict: Verdict
    summary: str
    figures: tuple[Figure, ...]
    method: str
    limits: str
    needs: str = ""
    citations: tuple[Citation, ...] = ()
    tables: Mapping[str, pd.DataFrame] = field(default_factory=dict)
    margin: Margin | None = None

    def figure(self, name: str) -> Figure:
        """The figure called ``name``."""
        for fig in self.figures:
            if fig.name == name:
                return fig
        raise KeyError(name)

    def value(self, name: str) -> float | None:
        """The value of the figure called ``name``."""
        return self.figure(name).value


def measure(function: F) -> F:
    """Mark ``function`` as a named measure: a value computed once per build.

    A claim's assessing function (or another measure) that has an argument with this
    function's name is handed its result; the measure's own arguments are tables,
    parameters or other measures, found by name as a claim's are. Its result is shared by
    every claim that names it, so treat it as read-only.
    """
    setattr(function, MEASURE_MARK, True)
    return function


@dataclass(frozen=True)
class FigureSpec:
    """A figure's declaration: its name, label and unit, set apart from its value."""

    name: str
    label: str
    unit: str

    def __post_init__(self) -> None:
        if self.unit not in UNITS:
            raise ValueError(f"figure {self.name!r}: unknown unit {self.unit!r}")

    def of(self, value: float | None) -> Figure:
        """This figure with ``value``."""
        return Figure(self.name, self.label, value, self.unit)


class Figures:
    """The figures a claim declares, in report order, filled from computed values by name.

    Declare them at module level beside the assessing function::

        FIGURES = Figures(
            ("top2_latest", "Share of the two largest pools", "percent"),
            ("latest_year", "Latest complete year", "year"),
        )

    and fill them inside it: ``FIGURES.fill(top2_latest=61.2, latest_year=2025)``.
    """

    def __init__(self, *specs: tuple[str, str, str] | FigureSpec) -> None:
        self.specs: tuple[FigureSpec, ...] = tuple(
            s if isinstance(s, FigureSpec) else FigureSpec(*s) for s in specs
        )
        names = [s.name for s in self.specs]
        if len(names) != len(set(names)):
            raise ValueError(
                f"figures declared twice: {sorted({n for n in names if names.count(n) > 1})}"
            )

    @property
    def names(self) -> tuple[str, ...]:
        """The declared names, in order."""
        return tuple(s.name for s in self.specs)

    def spec(self, name: str) -> FigureSpec:
        """The declaration called ``name``."""
        for spec in self.specs:
            if spec.name == name:
                return spec
        raise KeyError(name)

    def fill(self, **values: float | None) -> tuple[Figure, ...]:
        """Every declared figure with its value; a missing or undeclared name is an error."""
        missing = [n for n in self.names if n not in values]
        extra = sorted(set(values) - set(self.names))
        if missing or extra:
            raise ValueError(f"figures not filled: {missing}; not declared: {extra}")
        return tuple(spec.of(values[spec.name]) for spec in self.specs)

    def __add__(self, other: Figures) -> Figures:
        return Figures(*self.specs, *other.specs)
