"""claims.json: counts and years as integers, dates as ISO strings, every value with a unit."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from report.render.claims_json import FORMAT_VERSION, SCHEMA_DOC, json_value
from report.settings import PROJECT_ROOT


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (737792.0, "date", "2021-01-02"),
        (dt.date(2021, 4, 17).toordinal(), "month", "2021-04"),
        (2021.0, "year", 2021),
        (53.0, "count", 53),
        (166.714285714, "count", 166.714285714),  # a mean count stays a number
        (10.0, "percent", 10.0),
        (1 / 3, "ratio", 0.333333333333),
        (None, "date", None),
        (float("nan"), "usd", None),
    ],
)
def test_each_value_takes_the_form_its_unit_calls_for(
    value: float | None, unit: str, expected: object
) -> None:
    found = json_value(value, unit)
    assert found == expected and type(found) is type(expected)


def test_the_rendered_file_carries_its_format_and_schema(rendered: Path) -> None:
    document = json.loads((rendered / "claims.json").read_text(encoding="utf-8"))
    assert document["format"] == FORMAT_VERSION
    assert (PROJECT_ROOT / document["schema"]).is_file()
    assert document["schema"] == SCHEMA_DOC
    for claim in document["claims"]:
        for figure in claim["figure_details"]:
            value, unit = figure["value"], figure["unit"]
            if unit == "date" and value is not None:
                assert dt.date.fromisoformat(value)
            elif unit in ("count", "year") and value is not None and value == int(value):
                assert isinstance(value, int), figure["name"]
            assert claim["figures"][figure["name"]] == value


def test_the_schema_document_names_the_format_version() -> None:
    text = (PROJECT_ROOT / SCHEMA_DOC).read_text(encoding="utf-8")
    assert f"format {FORMAT_VERSION}" in text
