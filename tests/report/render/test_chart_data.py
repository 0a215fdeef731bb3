"""Each chart's rows as CSV for the page's download link."""

from __future__ import annotations

import csv
import io

from report.render.chart_data import chart_csv


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_one_dataset_gives_its_rows_with_a_header() -> None:
    spec = {"datasets": {"d1": [{"year": 2021.0, "share": 12.5}, {"year": 2022.0, "share": None}]}}
    assert _rows(chart_csv(spec)) == [["year", "share"], ["2021", "12.5"], ["2022", ""]]


def test_layered_datasets_are_numbered_and_share_the_union_of_columns() -> None:
    spec = {"datasets": {"a": [{"x": 1}], "b": [{"x": 2, "label": "line"}]}}
    assert _rows(chart_csv(spec)) == [["layer", "x", "label"], ["1", "1", ""], ["2", "2", "line"]]


def test_text_a_spreadsheet_would_run_as_a_formula_is_defused() -> None:
    spec = {"datasets": {"a": [{"pool": "=HYPERLINK(1)"}]}}
    assert _rows(chart_csv(spec))[1] == ["'=HYPERLINK(1)"]


def test_a_chart_without_inline_data_has_no_csv() -> None:
    assert chart_csv({"data": {"url": "x.csv"}}) == ""
