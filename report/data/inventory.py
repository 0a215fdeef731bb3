"""The claim inventory (``data/claims/*.toml``): each claim's quote, stated values and
the analysis function that assesses it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from analysis.result import UNITS, Stated
from report.data.declared import read_declaration, shown_path, validated
from report.data.quote_match import quote_mismatch
from report.errors import ConfigError

_CHART_HINT = (
    'name its chart function as chart = "<module>.<function>" (in report/render/charts) '
    "or write chart = false"
)


class _Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", allow_inf_nan=False, frozen=True)


class StatedModel(_Strict):
    """A value the article states."""

    value: float
    unit: str
    text: str = ""

    @field_validator("unit")
    @classmethod
    def _known_unit(cls, unit: str) -> str:
        if unit not in UNITS:
            raise ValueError(f"unknown unit {unit!r}; known units: {', '.join(sorted(UNITS))}")
        return unit


class ClaimModel(_Strict):
    """One ``[[claims]]`` entry."""

    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$")]
    title: Annotated[str, Field(min_length=1)]
    quote: Annotated[str, Field(min_length=1)]
    assess: Annotated[str, Field(pattern=r"^[A-Za-z_][\w]*(\.[A-Za-z_]\w*)+$")]
    stated: dict[str, StatedModel] = {}
    chart: Any = None

    @field_validator("chart", mode="before")
    @classmethod
    def _chart(cls, chart: object) -> str | None:
        if chart is False:
            return None
        if not isinstance(chart, str) or chart.count(".") != 1 or "" in chart.split("."):
            raise ValueError(f"'chart' must be \"<module>.<function>\" or false, not {chart!r}")
        return chart


class InventoryFile(_Strict):
    """A whole inventory file: a list of claims (each checked on its own)."""

    claims: list[dict[str, Any]] = []


@dataclass(frozen=True)
class ClaimSpec:
    """One claim of the article and where it is assessed."""

    id: str
    title: str
    family: str  # the inventory file and, by convention, the analysis module
    quote: str
    assess: str  # dotted path of the assessing function, e.g. analysis.pools.scenarios.assess_x
    stated: Mapping[str, Stated]
    position: int  # offset of the quote in the article; the ledger's order
    chart: str | None = None  # "<module>.<function>" in report/render/charts, or None


def _normalise(text: str) -> str:
    return " ".join(text.split())


def _claim(entry: Mapping[str, Any], where: str) -> ClaimModel:
    ident = entry.get("id")
    where = f"{where}, claim {ident!r}" if isinstance(ident, str) else where
    if "chart" not in entry:
        raise ConfigError(f"{where}: missing 'chart'; {_CHART_HINT}")
    return validated(ClaimModel, entry, where)


def _spec(model: ClaimModel, family: str, position: int) -> ClaimSpec:
    stated = {
        name: Stated(value=float(s.value), unit=s.unit, text=s.text)
        for name, s in model.stated.items()
    }
    return ClaimSpec(
        id=model.id,
        title=model.title,
        family=family,
        quote=model.quote,
        assess=model.assess,
        stated=stated,
        position=position,
        chart=model.chart,
    )


def load_inventory(data_dir: Path, article: str) -> list[ClaimSpec]:
    """Every claim, in the order its quote appears in ``article``."""
    claims: list[ClaimSpec] = []
    flat_article = _normalise(article)
    seen: set[str] = set()
    for path in sorted((data_dir / "claims").glob("*.toml")):
        where = shown_path(path, data_dir)
        raw = validated(InventoryFile, read_declaration(path, where), where)
        for number, entry in enumerate(raw.claims, start=1):
            model = _claim(entry, f"{where}, claims[{number - 1}]")
            here = f"{where}, claim {model.id!r}"
            if model.id in seen:
                raise ConfigError(f"{here}: the id is already used")
            seen.add(model.id)
            position = flat_article.find(_normalise(model.quote))
            if position < 0:
                raise ConfigError(quote_mismatch(here, model.quote, article, "the article"))
            claims.append(_spec(model, path.stem, position))
    return sorted(claims, key=lambda c: (c.position, c.id))
