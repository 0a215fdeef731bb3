"""Turn each service's answer into the file layout its registry entry reads.

Each shape checks the answer it is given (a wrong shape raises :class:`ShapeError`
saying what was expected) and returns bytes that are the same for the same answer.
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any, cast

Shape = Callable[[bytes], bytes]


class ShapeError(ValueError):
    """An answer is not in the shape its service documents."""


def _json(body: bytes) -> Any:
    try:
        return json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise ShapeError(f"not valid JSON (truncated or malformed answer?): {exc}") from None


def _finite(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def passthrough(body: bytes) -> bytes:
    """The answer as it came (CSV files published as they are read)."""
    return body


def blockchain_chart(metric: str) -> Shape:
    """A blockchain.com Charts API answer (``{"status": "ok", "values": [{"x": seconds,
    "y": value}, ...]}``) as the chart export the registry reads: ``{"metric1": metric,
    metric: [{"x": milliseconds, "y": value}, ...]}``."""

    def shape(body: bytes) -> bytes:
        doc = _json(body)
        if not isinstance(doc, dict) or not isinstance(doc.get("values"), list):
            raise ShapeError("expected an object with a list under 'values'")
        if doc.get("status", "ok") != "ok":
            raise ShapeError(f"the service answered status {doc.get('status')!r}")
        points = []
        for number, point in enumerate(doc["values"], start=1):
            x = point.get("x") if isinstance(point, dict) else None
            y = point.get("y") if isinstance(point, dict) else None
            if not (_finite(x) and _finite(y)):
                raise ShapeError(f"point {number} of 'values': expected finite numbers 'x' and 'y'")
            points.append({"x": int(cast(float, x)) * 1000, "y": y})
        text = json.dumps({"metric1": metric, metric: points}, separators=(",", ":"))
        return text.encode("utf-8")

    return shape


def csv_rows(keep: Mapping[str, Callable[[str], bool]]) -> Shape:
    """The header and the rows of a CSV answer whose named columns pass ``keep``, byte
    for byte (OWID's full energy file cut to the countries and years read)."""

    def shape(body: bytes) -> bytes:
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ShapeError(f"not UTF-8 text: {exc}") from None
        lines = text.splitlines(keepends=True)
        if not lines:
            raise ShapeError("empty answer")
        header = next(csv.reader([lines[0]]))
        missing = [c for c in keep if c not in header]
        if missing:
            raise ShapeError(f"the header has no column {missing[0]!r}")
        where = {c: header.index(c) for c in keep}
        kept = [lines[0]]
        for line in lines[1:]:
            fields = next(csv.reader([line]), [])
            if len(fields) != len(header):
                continue
            if all(test(fields[where[c]]) for c, test in keep.items()):
                kept.append(line)
        if len(kept) == 1:
            raise ShapeError("no row matches the countries and years read")
        return "".join(kept).encode("utf-8")

    return shape


_MONTH = "%b %Y"


def eia_wide(row_label: str, source_key: str, address: str) -> Shape:
    """An EIA v2 API answer (``{"response": {"data": [{"period": "2023-05", "price":
    7.9, ...}]}}``) as the Electricity Data Browser export the registry reads: four
    metadata lines, then one row with a column per month."""

    def shape(body: bytes) -> bytes:
        doc = _json(body)
        data = doc.get("response", {}).get("data") if isinstance(doc, dict) else None
        if not isinstance(data, list) or not data:
            raise ShapeError("expected a non-empty list under response.data")
        prices: dict[str, str] = {}
        for number, row in enumerate(data, start=1):
            period = row.get("period") if isinstance(row, dict) else None
            price = row.get("price") if isinstance(row, dict) else None
            try:
                month = datetime.strptime(str(period), "%Y-%m").replace(tzinfo=UTC)
            except ValueError:
                raise ShapeError(f"row {number}: period {period!r} is not YYYY-MM") from None
            if price is None:
                continue
            prices[month.strftime("%Y-%m")] = str(price)
        months = sorted(prices)
        labels = [datetime.strptime(m, "%Y-%m").strftime(_MONTH) for m in months]
        out = io.StringIO()
        writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n")
        for line in (
            "Average retail price of electricity",
            address,
            "EIA API v2",
            "Source: U.S. Energy Information Administration",
        ):
            writer.writerow([line])
        writer.writerow(["description", "units", "source key", *labels])
        writer.writerow(
            [row_label, "cents per kilowatt-hour", source_key, *(prices[m] for m in months)]
        )
        return out.getvalue().encode("utf-8")

    return shape
