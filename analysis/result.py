"""The values every claim assessment returns: figures, a verdict, method and limits.

Prose fields (``summary``, ``method``, ``limits``, ``needs``) never hold typed numbers:
they name figures, parameters or stated values in braces (``{top2_share_latest}``), and
the renderer fills each through the one formatting filter.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, TypeVar

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


@dataclass(frozen=True)
class Assessment:
    """What the data say about one claim."""

    verdict: Verdict
    summary: str
    figures: tuple[Figure, ...]
    method: str
    limits: str
    needs: str = ""
    citations: tuple[Citation, ...] = ()
    tables: Mapping[str, pd.DataFrame] = field(default_factory=dict)

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
