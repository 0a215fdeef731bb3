"""The claim inventory (``data/claims/*.toml``): each claim's quote, stated values and
the analysis function that assesses it.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from analysis.result import UNITS, Stated
from report.data.quote_match import quote_mismatch
from report.errors import ConfigError


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


def _stated(raw: Mapping[str, Mapping[str, object]], where: str) -> dict[str, Stated]:
    values: dict[str, Stated] = {}
    for name, entry in raw.items():
        unit = str(entry.get("unit", ""))
        if unit not in UNITS:
            raise ConfigError(f"{where}, stated {name!r}: unknown unit {unit!r}")
        value = entry.get("value")
        if not isinstance(value, int | float):
            raise ConfigError(f"{where}, stated {name!r}: value must be a number")
        values[name] = Stated(value=float(value), unit=unit, text=str(entry.get("text", "")))
    return values


def _chart(entry: Mapping[str, object], where: str) -> str | None:
    """The claim's chart: ``"<module>.<function>"`` of report/render/charts, or false."""
    if "chart" not in entry:
        raise ConfigError(
            f"{where}: missing 'chart'; name its chart function as "
            'chart = "<module>.<function>" (in report/render/charts) or write chart = false'
        )
    chart = entry["chart"]
    if chart is False:
        return None
    if not isinstance(chart, str) or chart.count(".") != 1:
        raise ConfigError(
            f"{where}: 'chart' must be \"<module>.<function>\" (in report/render/charts) "
            f"or false, not {chart!r}"
        )
    return chart


def load_inventory(data_dir: Path, article: str) -> list[ClaimSpec]:
    """Every claim, in the order its quote appears in ``article``."""
    claims: list[ClaimSpec] = []
    flat_article = _normalise(article)
    seen: set[str] = set()
    for path in sorted((data_dir / "claims").glob("*.toml")):
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: not valid TOML: {exc}") from None
        for entry in raw.get("claims", []):
            where = f"{path.name}, claim {entry.get('id', '?')!r}"
            missing = {"id", "title", "quote", "assess"} - set(entry)
            if missing:
                raise ConfigError(f"{where}: missing {sorted(missing)}")
            if entry["id"] in seen:
                raise ConfigError(f"{where}: the id is already used")
            seen.add(entry["id"])
            position = flat_article.find(_normalise(entry["quote"]))
            if position < 0:
                message = quote_mismatch(
                    f"{path}, claim {entry['id']!r}", entry["quote"], article, "the article"
                )
                raise ConfigError(message)
            claims.append(
                ClaimSpec(
                    id=entry["id"],
                    title=entry["title"],
                    family=path.stem,
                    quote=entry["quote"],
                    assess=entry["assess"],
                    stated=_stated(entry.get("stated", {}), where),
                    position=position,
                    chart=_chart(entry, where),
                )
            )
    return sorted(claims, key=lambda c: (c.position, c.id))
