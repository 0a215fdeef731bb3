"""The one formatting filter: every number the report shows passes through ``format_value``.

The unit decides the style and the formatter picks the scale: SI prefixes for hashrates
and energies (5.68 MH/s, 1.19 GWh), words for large money and ratios ($13.0 million,
184 trillion×), "1 in 66 years" for rare events and "1 in 3.5 million" for tiny shares.
Three significant digits unless the unit says otherwise; money is rounded to three, the
precision its inputs (prices, efficiencies, estimates) support. The same figure reads the
same in the terminal, the HTML, the PDF and chart titles.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable

MINUS = "\u2212"
TIMES = "\u00d7"
MISSING = "n/a"
DIGITS = 3


def significant(value: float, digits: int = DIGITS) -> str:
    """``value`` rounded to ``digits`` significant digits, with thousands separators."""
    if value == 0:
        return "0"
    magnitude = math.floor(math.log10(abs(value)))
    places = digits - 1 - magnitude
    rounded = round(value, places)
    if rounded != 0 and math.floor(math.log10(abs(rounded))) > magnitude:
        places -= 1  # 9.996 rounds up to 10.0: keep the digit count
        rounded = round(value, places)
    text = f"{abs(rounded):,.{max(places, 0)}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return (MINUS if rounded < 0 else "") + text


def _fixed(value: float, decimals: int) -> str:
    text = f"{abs(value):,.{decimals}f}"
    return (MINUS if round(value, decimals) < 0 else "") + text


# Largest first: (factor, word). Used for money, ratios and "1 in N".
_WORDS = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def in_words(value: float, digits: int = DIGITS) -> str:
    """A large number with its scale in words from a million up: "3.53 million"."""
    for size, word in _WORDS:
        if abs(value) >= size * (1 - 0.5 * 10 ** (1 - digits)):
            return f"{significant(value / size, digits)} {word}"
    return significant(value, digits)


def with_prefix(value: float, base: str, prefixes: tuple[tuple[float, str], ...]) -> str:
    """``value`` (in ``base`` units) with the largest SI prefix that keeps it at 1 or more."""
    if value == 0:
        return f"0 {base}"
    for factor, prefix in prefixes:
        if abs(value) >= factor * (1 - 0.0005):
            return f"{significant(value / factor)} {prefix}{base}"
    factor, prefix = prefixes[-1]
    return f"{significant(value / factor)} {prefix}{base}"


_HASH_PREFIXES = (
    (1e18, "E"),
    (1e15, "P"),
    (1e12, "T"),
    (1e9, "G"),
    (1e6, "M"),
    (1e3, "k"),
    (1, ""),
)
_ENERGY_PREFIXES = ((1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k"), (1, ""))


def _hashrate(hashes_per_second: float) -> str:
    return with_prefix(hashes_per_second, "H/s", _HASH_PREFIXES)


def _energy(watt_hours: float) -> str:
    return with_prefix(watt_hours, "Wh", _ENERGY_PREFIXES)


def one_in(value: float) -> str:
    """A small share of one written as odds: 2.8e-7 -> "1 in 3.53 million"."""
    return "1 in " + in_words(1 / value, 2 if 1 / value >= 1e6 else DIGITS)


def _percent(value: float) -> str:
    if 0 < abs(value) < 0.01:
        return one_in(abs(value) / 100)
    return (significant(value, 2) if abs(value) < 1 else _fixed(value, 1)) + "%"


def _usd(value: float) -> str:
    if abs(value) >= 1e6:
        body = in_words(value)
    elif abs(value) >= 1000:
        body = significant(value)
    elif abs(value) >= 100:
        body = _fixed(value, 0)
    else:
        body = _fixed(value, 2)
    return body.replace(MINUS, MINUS + "$") if body.startswith(MINUS) else "$" + body


def _signed(text: str, value: float) -> str:
    return text if value < 0 else "+" + text


def _multiple(value: float) -> str:
    """A ratio: "4.8×", "340,000×", and in words from a million up ("184 trillion times")."""
    if abs(value) >= 1e6:
        return in_words(value) + " times"
    return significant(value, 2 if abs(value) < 10 else DIGITS) + TIMES


def _per_year(value: float) -> str:
    """How often a thing happens: "2.5 a year", or for rare events "1 in 66 years"."""
    if 0 < value < 1:
        years = 1 / value
        return f"1 in {significant(years, 2 if years < 100 else DIGITS)} years"
    return significant(value) + " a year"


def _date(value: float) -> str:
    day = dt.date.fromordinal(int(value))
    return f"{day.day} {day:%B %Y}"


def _count(value: float) -> str:
    if value == int(value) or abs(value) >= 10:
        return _fixed(value, 0)
    return significant(value)


_STYLES: dict[str, Callable[[float], str]] = {
    "percent": _percent,
    "percentage_points": lambda v: _signed(_fixed(v, 1), v) + " pp",
    "pp_margin": lambda v: "\u00b1" + _fixed(abs(v), 1) + " pp",
    "usd": _usd,
    "usd_bn": lambda v: _usd(v * 1e9),
    "usd_per_kwh": lambda v: "$" + significant(v, 2) + "/kWh",
    "usd_per_th_day": lambda v: "$" + significant(v) + " per TH/s per day",
    "kwh": lambda v: _energy(v * 1e3),
    "twh": lambda v: _energy(v * 1e12),
    "ths": lambda v: _hashrate(v * 1e12),
    "ehs": lambda v: _hashrate(v * 1e18),
    "j_per_th": lambda v: significant(v) + " J/TH",
    "hhi": lambda v: _fixed(v, 0),
    "count": _count,
    "year": lambda v: str(round(v)),
    "date": _date,
    "month": lambda v: f"{dt.date.fromordinal(int(v)):%B %Y}",
    "ratio": lambda v: significant(v),
    "multiple": _multiple,
    "per_year": _per_year,
    "elo": lambda v: _fixed(v, 0) + " Elo",
    "months": lambda v: significant(v, 2) + " months",
    "btc": lambda v: significant(v, 4) + " BTC",
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
    "per_year": "per year",
    "elo": "Elo points",
    "months": "months",
    "btc": "BTC",
}

# What a reader needs beside a bare number whose unit the number itself does not show.
PLAIN_UNITS = {
    "hhi": "on a concentration index from 0 to 10,000",
    "elo": "Arena rating points",
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
