"""Shapes turn each service's answer into the layout the registry reads, and refuse others."""

from __future__ import annotations

import json

import pytest

from report.data.refresh.shapes import ShapeError, blockchain_chart, csv_rows, eia_wide


def test_blockchain_answer_becomes_the_chart_export_in_milliseconds() -> None:
    answer = {"status": "ok", "values": [{"x": 1231459200, "y": 0.5}, {"x": 1231545600, "y": 2}]}
    doc = json.loads(blockchain_chart("hash-rate")(json.dumps(answer).encode()))
    assert doc == {
        "metric1": "hash-rate",
        "hash-rate": [{"x": 1231459200000, "y": 0.5}, {"x": 1231545600000, "y": 2}],
    }


def test_csv_rows_keeps_matching_lines_byte_for_byte() -> None:
    body = b'country,year,v\nEthiopia,1999,1\nEthiopia,2000,"1,5"\nChad,2001,3\nParaguay,2024,4\n'
    keep = {"country": lambda c: c in {"Ethiopia", "Paraguay"}, "year": lambda y: int(y) >= 2000}
    assert csv_rows(keep)(body) == b'country,year,v\nEthiopia,2000,"1,5"\nParaguay,2024,4\n'


def test_csv_rows_refuses_a_header_without_the_columns() -> None:
    with pytest.raises(ShapeError, match="no column 'year'"):
        csv_rows({"year": lambda y: True})(b"country,v\nChad,1\n")


def test_eia_rows_become_one_wide_row_in_month_order() -> None:
    answer = {
        "response": {
            "data": [
                {"period": "2001-02", "price": 5.1},
                {"period": "2001-01", "price": 5.0},
                {"period": "2001-03", "price": None},
            ]
        }
    }
    text = eia_wide("United States : industrial", "KEY", "https://x")(json.dumps(answer).encode())
    lines = text.decode().splitlines()
    assert lines[4] == '"description","units","source key","Jan 2001","Feb 2001"'
    assert lines[5] == '"United States : industrial","cents per kilowatt-hour","KEY","5.0","5.1"'


@pytest.mark.parametrize(
    "answer", [{"response": {}}, {"response": {"data": [{"period": "May 2001", "price": 1}]}}]
)
def test_eia_refuses_answers_in_another_shape(answer: object) -> None:
    with pytest.raises(ShapeError):
        eia_wide("row", "KEY", "https://x")(json.dumps(answer).encode())
