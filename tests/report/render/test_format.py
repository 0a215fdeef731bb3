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
        (104237.4, "usd", "$104,000"),
        (250.4, "usd", "$250"),
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
        (1.84e14, "multiple", "184 trillion times"),
        (2_500_000.0, "multiple", "2.5 million times"),
        (1043.0e0, "ehs", "1,040 EH/s"),
        (13.51, "months", "14 months"),
        (3.125, "btc", "3.125 BTC"),
        (None, "percent", "n/a"),
        (float("nan"), "usd", "n/a"),
    ],
)
def test_each_unit_has_one_style(value: float | None, unit: str, expected: str) -> None:
    assert format_value(value, unit) == expected


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        # the examples: one fixed scale per unit gave these
        (5.68117367196e-06, "ths", "5.68 MH/s"),
        (2.83459874858e-05, "percent", "1 in 3.5 million"),
        (0.0151269534608, "per_year", "1 in 66 years"),
        (12961959.0, "usd", "$13 million"),
        # SI prefixes for rates and energies
        (110.0, "ths", "110 TH/s"),
        (0.0021, "ths", "2.1 GH/s"),
        (87.62, "ehs", "87.6 EH/s"),
        (1193000.0, "kwh", "1.19 GWh"),
        (4980.1, "kwh", "4.98 MWh"),
        (498.0, "kwh", "498 kWh"),
        (0.816, "twh", "816 GWh"),
        (269.7, "twh", "270 TWh"),
        # words for large money, odds for tiny shares, rare events as "1 in N years"
        (40586592.58, "usd", "$40.6 million"),
        (2.4e9, "usd", "$2.4 billion"),
        (0.00085, "percent", "1 in 118,000"),
        (0.01, "percent", "0.01%"),
        (0.5, "per_year", "1 in 2 years"),
        (3.0, "per_year", "3 a year"),
        # three significant digits, kept when rounding carries over a power of ten
        (9.996, "ratio", "10"),
        (0.0360593515, "usd_per_th_day", "$0.0361 per TH/s per day"),
        (166.714, "count", "167"),
    ],
)
def test_the_formatter_picks_the_scale(value: float, unit: str, expected: str) -> None:
    assert format_value(value, unit) == expected


def test_scales_agree_with_the_unit_they_replace() -> None:
    # 1 TWh is 1e9 kWh: the same energy written from either unit reads the same
    assert format_value(1.5, "twh") == format_value(1.5e9, "kwh") == "1.5 TWh"
    # 1 EH/s is 1e6 TH/s
    assert format_value(2.0, "ehs") == format_value(2.0e6, "ths") == "2 EH/s"


def test_dates_are_ordinal_days() -> None:
    assert format_value(dt.date(2022, 1, 1).toordinal(), "date") == "1 January 2022"


def test_unknown_unit_is_an_error() -> None:
    with pytest.raises(ValueError, match="no format"):
        format_value(1.0, "furlongs")
