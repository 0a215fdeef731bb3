"""The one formatting filter: every number the report shows passes through ``format_value``.

Units decide the style (percent, dollars, thousands separators, significant digits), so
the same figure reads the same in the terminal, the HTML, the PDF and chart titles.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable

MINUS = "\u2212"
MISSING = "n/a"


def _sig(value: float, digits: int) -> str:
    """``value`` rounded to ``digits`` significant digits, with thousands separators."""
    if value == 0:
        return "0"
    magnitude = math.floor(math.log10(abs(value)))
    places = digits - 1 - magnitude
    decimals = max(places, 0)
    rounded = round(value, places)
    text = f"{abs(rounded):,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return (MINUS if rounded < 0 else "") + text


def _fixed(value: float, decimals: int) -> str:
    text = f"{abs(value):,.{decimals}f}"
    return (MINUS if round(value, decimals) < 0 else "") + text


def _percent(value: float) -> str:
    return (_sig(value, 2) if abs(value) < 1 else _fixed(value, 1)) + "%"


def _usd(value: float) -> str:
    body = _fixed(value, 0) if abs(value) >= 100 else _fixed(value, 2)
    return body.replace(MINUS, MINUS + "$") if body.startswith(MINUS) else "$" + body


def _signed(text: str, value: float) -> str:
    return text if value < 0 else "+" + text


_LARGE = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def _multiple(value: float) -> str:
    """A ratio: "4.8×", "340,000×", and in words from a million up ("184 trillion×")."""
    for size, word in _LARGE:
        if abs(value) >= size:
            return f"{_sig(value / size, 3)} {word}\u00d7"
    return _sig(value, 2 if abs(value) < 10 else 3) + "\u00d7"


def _date(value: float) -> str:
    day = dt.date.fromordinal(int(value))
    return f"{day.day} {day:%B %Y}"


_STYLES: dict[str, Callable[[float], str]] = {
    "percent": _percent,
    "percentage_points": lambda v: _signed(_fixed(v, 1), v) + " pp",
    "pp_margin": lambda v: "\u00b1" + _fixed(abs(v), 1) + " pp",
    "usd": _usd,
    "usd_bn": lambda v: "$" + _sig(v, 3) + " billion",
    "usd_per_kwh": lambda v: "$" + _sig(v, 2) + "/kWh",
    "usd_per_th_day": lambda v: "$" + _sig(v, 3) + " per TH/s per day",
    "kwh": lambda v: _sig(v, 3) + " kWh",
    "twh": lambda v: _sig(v, 3) + " TWh",
    "ths": lambda v: _sig(v, 3) + " TH/s",
    "ehs": lambda v: _sig(v, 3) + " EH/s",
    "j_per_th": lambda v: _sig(v, 3) + " J/TH",
    "hhi": lambda v: _fixed(v, 0),
    "count": lambda v: _fixed(v, 0),
    "year": lambda v: str(round(v)),
    "date": _date,
    "month": lambda v: f"{dt.date.fromordinal(int(v)):%B %Y}",
    "ratio": lambda v: _sig(v, 3),
    "multiple": _multiple,
    "elo": lambda v: _fixed(v, 0) + " Elo",
    "months": lambda v: _sig(v, 2) + " months",
    "btc": lambda v: _sig(v, 4) + " BTC",
}

UNIT_NAMES = {
    "percent": "%",
    "percentage_points": "percentage points",
    "pp_margin": "percentage points (margin)",
    "usd": "USD",
    "usd_bn": "USD billion",
    "usd_per_kwh": "USD/kWh",
    "usd_per_th_day": "USD per TH/s per day",
    "kwh": "kWh",
    "twh": "TWh",
    "ths": "TH/s",
    "ehs": "EH/s",
    "j_per_th": "J/TH",
    "hhi": "HHI (0 to 10,000)",
    "count": "count",
    "year": "year",
    "date": "date",
    "month": "month",
    "ratio": "ratio",
    "multiple": "times",
    "elo": "Elo points",
    "months": "months",
    "btc": "BTC",
}


def format_value(value: float | None, unit: str) -> str:
    """``value`` written for a reader, in the style of ``unit``."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return MISSING
    try:
        style = _STYLES[unit]
    except KeyError:
        raise ValueError(f"no format for unit {unit!r}") from None
    return style(float(value))
