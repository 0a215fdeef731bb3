import datetime as dt

import pytest

from report.render.format import MINUS, format_value


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (26.98, "percent", "27.0%"),
        (0.754, "percent", "0.75%"),
        (-3.21, "percentage_points", f"{MINUS}3.2 pp"),
        (3.21, "percentage_points", "+3.2 pp"),
        (104237.4, "usd", "$104,237"),
        (-250.0, "usd", f"{MINUS}$250"),
        (0.5, "usd", "$0.50"),
        (24.91, "usd_bn", "$24.9 billion"),
        (118.69, "usd_bn", "$119 billion"),
        (0.0655, "usd_per_kwh", "$0.066/kWh"),
        (17.5, "j_per_th", "17.5 J/TH"),
        (1234.56, "hhi", "1,235"),
        (282174, "count", "282,174"),
        (2033.0, "year", "2033"),
        (4.76, "multiple", "4.8\u00d7"),
        (340123.0, "multiple", "340,000\u00d7"),
        (738_011.0, "month", "August 2021"),
        (0.23, "pp_margin", "\u00b10.2 pp"),
        (1.84e14, "multiple", "184 trillion\u00d7"),
        (2_500_000.0, "multiple", "2.5 million\u00d7"),
        (1043.0e0, "ehs", "1,040 EH/s"),
        (13.51, "months", "14 months"),
        (3.125, "btc", "3.125 BTC"),
        (None, "percent", "n/a"),
        (float("nan"), "usd", "n/a"),
    ],
)
def test_each_unit_has_one_style(value: float | None, unit: str, expected: str) -> None:
    assert format_value(value, unit) == expected


def test_dates_are_ordinal_days() -> None:
    assert format_value(dt.date(2022, 1, 1).toordinal(), "date") == "1 January 2022"


def test_unknown_unit_is_an_error() -> None:
    with pytest.raises(ValueError, match="no format"):
        format_value(1.0, "furlongs")
