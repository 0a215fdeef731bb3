"""Recorded answers in the services' own shapes, made from the real data in the mirror.

blockchain.com's Charts API answers ``{"status": "ok", "name", "unit", "period",
"description", "values": [{"x": epoch seconds, "y": value}]}``; the mirror holds the
chart-page export of the same series (``x`` in milliseconds), so the answers here are
that export put back into the API's shape. EIA's v2 API answers
``{"response": {"total", "dateFormat", "frequency", "data": [{"period": "YYYY-MM",
"stateid", "sectorid", "price", "price-units", ...}]}, "request": {...}, "apiVersion"}``.
"""

from __future__ import annotations

import csv
import json
from datetime import datetime
from pathlib import Path
from typing import Any

from report.settings import load_settings

MIRROR = load_settings().mirror_dir
assert MIRROR is not None, "the tests need the data mirror (../shared/data)"

CHART_NAMES = {
    "hash-rate": ("Total Hash Rate (TH/s)", "Hash Rate TH/s"),
    "difficulty": ("Network Difficulty", "Difficulty"),
    "market-price": ("Market Price (USD)", "USD"),
    "miners-revenue": ("Miners Revenue (USD)", "USD"),
}
CHART_FILES = {
    "hash-rate": "blockchaincom-charts-2026/hash-rate.json",
    "difficulty": "blockchaincom-charts-2026/difficulty.json",
    "market-price": "blockchaincom-charts-2026/market-price.json",
    "miners-revenue": "blockchaincom-miners-revenue-2024/miners-revenue.json",
}


def chart_points(metric: str) -> list[dict[str, Any]]:
    """The real points of one series, as the mirror's export holds them (x in ms)."""
    doc = json.loads((MIRROR / CHART_FILES[metric]).read_text(encoding="utf-8"))
    points: list[dict[str, Any]] = doc[metric]
    return points


def chart_answer(metric: str, drop_last: int = 0) -> dict[str, Any]:
    """The Charts API answer for ``metric`` (without its last ``drop_last`` points: the
    answer of an earlier day)."""
    points = chart_points(metric)
    if drop_last:
        points = points[:-drop_last]
    name, unit = CHART_NAMES[metric]
    return {
        "status": "ok",
        "name": name,
        "unit": unit,
        "period": "day",
        "description": f"{name}, 7-day average",
        "values": [{"x": p["x"] // 1000, "y": p["y"]} for p in points],
    }


def eia_answer() -> dict[str, Any]:
    """The EIA v2 retail-sales answer holding the mirror's US industrial prices."""
    path = MIRROR / "eia-us-industrial-price" / "Average_retail_price_of_electricity.csv"
    rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()[4:]))
    header = rows[0]
    values = next(r for r in rows[1:] if r and r[0] == "United States : industrial")
    data = []
    for label, price in zip(header[3:], values[3:], strict=True):
        if price.strip():
            period = datetime.strptime(label, "%b %Y").strftime("%Y-%m")
            data.append(
                {
                    "period": period,
                    "stateid": "US",
                    "stateDescription": "U.S. Total",
                    "sectorid": "IND",
                    "sectorName": "industrial",
                    "price": float(price),
                    "price-units": "cents per kilowatt-hour",
                }
            )
    return {
        "response": {
            "total": len(data),
            "dateFormat": "YYYY-MM",
            "frequency": "monthly",
            "data": data,
            "description": "Electricity sales to ultimate customers by state and sector",
        },
        "request": {"command": "/v2/electricity/retail-sales/data/"},
        "apiVersion": "2.1.8",
    }


def mirror_bytes(relative: str) -> bytes:
    """A mirror file's bytes."""
    return Path(MIRROR, relative).read_bytes()
