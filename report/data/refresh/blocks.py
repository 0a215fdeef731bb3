"""Extend the per-block pool table with new blocks from the mempool.space blocks API.

``GET /api/blocks/tip/height`` gives the tip; ``GET /api/v1/blocks/{height}`` gives up to
15 blocks from ``height`` down, each with ``height``, ``timestamp`` (seconds) and
``extras.pool.slug`` (mempool's attribution by its ``pools-v2.json``). The blocks after the
locked table's last height are appended, in the table's own schema; every height up to
the tip must be there, or the answer is refused.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Callable
from typing import Any

from report.data.refresh.shapes import ShapeError

MEMPOOL_API = "https://mempool.space/api"
PAGE = 15
MAX_PAGES = 4000  # about 60,000 blocks, 14 months: refresh more often than that

Fetch = Callable[[str], bytes]


def _page(fetch: Fetch, height: int) -> list[dict[str, Any]]:
    url = f"{MEMPOOL_API}/v1/blocks/{height}"
    try:
        blocks = json.loads(fetch(url).decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise ShapeError(f"{url}: not valid JSON: {exc}") from None
    if not isinstance(blocks, list):
        raise ShapeError(f"{url}: expected a list of blocks")
    rows = []
    for number, block in enumerate(blocks, start=1):
        pool = block.get("extras", {}).get("pool", {}) if isinstance(block, dict) else {}
        height_, time_ = (block.get("height"), block.get("timestamp")) if pool else (None, None)
        slug = pool.get("slug") if isinstance(pool, dict) else None
        if not (isinstance(height_, int) and isinstance(time_, int) and isinstance(slug, str)):
            raise ShapeError(
                f"{url}: block {number}: expected 'height', 'timestamp' and 'extras.pool.slug'"
            )
        rows.append({"height": height_, "pool_slug": slug, "timestamp": time_})
    return rows


def new_blocks(last: int, fetch: Fetch) -> list[dict[str, Any]]:
    """Every block after height ``last`` up to the tip, in height order."""
    try:
        tip = int(fetch(f"{MEMPOOL_API}/blocks/tip/height").decode("ascii").strip())
    except (UnicodeDecodeError, ValueError):
        raise ShapeError(f"{MEMPOOL_API}/blocks/tip/height: expected a block height") from None
    if tip <= last:
        return []
    pages = (tip - last + PAGE - 1) // PAGE
    if pages > MAX_PAGES:
        raise ShapeError(f"{tip - last} new blocks need more than {MAX_PAGES} pages")
    found: dict[int, dict[str, Any]] = {}
    for start in range(last + PAGE, tip + PAGE, PAGE):
        for row in _page(fetch, min(start, tip)):
            if last < row["height"] <= tip:
                found[row["height"]] = row
    missing = [h for h in range(last + 1, tip + 1) if h not in found]
    if missing:
        raise ShapeError(
            f"the blocks API left out height {missing[0]} (and {len(missing) - 1} more)"
        )
    return [found[h] for h in range(last + 1, tip + 1)]


def extend_blocks(old: bytes, fetch: Fetch) -> bytes:
    """The locked parquet table with the new blocks appended (``old`` when there are none)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pq.read_table(io.BytesIO(old))
    last = int(pa.compute.max(table["height"]).as_py())
    rows = new_blocks(last, fetch)
    if not rows:
        return old
    date_type = table.schema.field("date").type
    added = pa.table(
        {
            "height": pa.array([r["height"] for r in rows], type=table.schema.field("height").type),
            "pool_slug": pa.array([r["pool_slug"] for r in rows], type=pa.string()),
            "date": pa.array(
                [dt.datetime.fromtimestamp(r["timestamp"], dt.UTC) for r in rows], type=date_type
            ),
        }
    )
    combined = pa.concat_tables([table, added.cast(table.schema)])
    out = io.BytesIO()
    pq.write_table(combined, out)
    return out.getvalue()
