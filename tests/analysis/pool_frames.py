"""Small hand-made block tables for the pool tests: blocks ten minutes apart in July of each
year, template groups, a published-check row, and a way to call a claim or measure with the
named measures it asks for, as the ledger does."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import TypeVar

import pandas as pd

from report.ledger.plan import measure_functions

T = TypeVar("T")
U = TypeVar("U")

GROUPS = pd.DataFrame(
    {
        "pool_slug": ["big", "proxy", "maybe"],
        "template_group": ["big template", "big template", "big template"],
        "evidence": ["template owner", "same template", "possibly same template"],
        "source_title": ["t", "t", "u"],
        "source_address": ["https://a.example", "https://a.example", "https://b.example"],
        "excerpt": ["e", "e", "f"],
    }
)


def july_blocks(years: dict[int, dict[str, int]]) -> pd.DataFrame:
    """Blocks found in July of each year, by pool, plus one block the next January so the
    last year is complete."""
    rows = []
    for year, counts in sorted(years.items()):
        start = pd.Timestamp(year=year, month=7, day=1, tz="UTC")
        slugs = [slug for slug, n in counts.items() for _ in range(n)]
        rows += [(start + pd.Timedelta(minutes=10 * i), slug) for i, slug in enumerate(slugs)]
    last = max(years) + 1
    rows.append((pd.Timestamp(year=last, month=1, day=2, tz="UTC"), "big"))
    frame = pd.DataFrame(rows, columns=["date", "pool_slug"])
    frame["height"] = range(len(frame))
    return frame


RISE_AND_FALL = {
    2021: {"big": 2, "b": 2, "c": 2, "d": 2, "e": 2},  # HHI 2,000
    2022: {"big": 6, "b": 2, "c": 2},  # HHI 4,400
    2023: {"big": 4, "b": 2, "c": 2, "d": 2},  # HHI 2,800
}


def published_row(**row: object) -> pd.DataFrame:
    base: dict[str, object] = {
        "label": "check",
        "pool_slugs": "a",
        "check_kind": "blocks from date",
        "blocks_published": pd.NA,
        "window_blocks": pd.NA,
        "window_date": pd.NaT,
        "year": pd.NA,
        "share_low_pct": float("nan"),
        "source_title": "t",
        "source_address": "https://c.example",
        "excerpt": "e",
        "normalisation": "n",
    }
    base.update(row)
    return pd.DataFrame([base])


NO_PUBLISHED = published_row().iloc[0:0]


def assessed(function: Callable[..., T], blocks: pd.DataFrame, **inputs: object) -> T:
    """``function`` called as the ledger calls it: each argument from ``inputs`` (by default the
    hand-made template groups, no published checks, a majority of 50% and the 1,800 HHI line),
    or else the named measure of that name, computed from them once."""
    values: dict[str, object] = {
        "blocks": blocks,
        "pool_template_groups": GROUPS,
        "pool_share_published": NO_PUBLISHED,
        "majority_share_pct": 50.0,
        "merger_guidelines_hhi_high": 1_800.0,
        **inputs,
    }
    measures = measure_functions()

    def value(name: str) -> object:
        if name not in values:
            values[name] = call(measures[name])
        return values[name]

    def call(target: Callable[..., U]) -> U:
        return target(**{name: value(name) for name in inspect.signature(target).parameters})

    return call(function)
