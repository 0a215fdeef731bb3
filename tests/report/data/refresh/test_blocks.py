"""The per-block table grows by the blocks mempool.space's blocks API answers after it."""

from __future__ import annotations

import io
import json
import re

import pyarrow.parquet as pq
import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from report.data.fetch import RetryPolicy, fetch_bytes
from report.data.lock import Snapshot, load_lock, write_lock
from report.data.refresh.blocks import extend_blocks
from report.data.refresh.run import refresh
from report.data.refresh.shapes import ShapeError
from report.data.snapshots import store_snapshot
from report.settings import Settings
from tests.report.data.refresh.answers import mirror_bytes

FAST = RetryPolicy(attempts=2, backoff=0.01, timeout=5)
REAL = pq.read_table(io.BytesIO(mirror_bytes("pool-blocks-sorukumar/blocks_post_2021.parquet")))
NEW = 40  # the last forty real blocks play the new ones


def _older() -> bytes:
    out = io.BytesIO()
    pq.write_table(REAL.slice(0, REAL.num_rows - NEW), out)
    return out.getvalue()


def _serve(server: HTTPServer, leave_out: int | None = None) -> None:
    rows = {r["height"]: r for r in REAL.slice(REAL.num_rows - 100).to_pylist()}
    tip = max(rows)

    def page(request: Request) -> Response:
        start = int(request.path.rsplit("/", 1)[1])
        blocks = [
            {
                "height": h,
                "timestamp": int(rows[h]["date"].timestamp()),
                "tx_count": None,
                "extras": {"pool": {"name": rows[h]["pool_slug"], "slug": rows[h]["pool_slug"]}},
            }
            for h in range(start, start - 15, -1)
            if h in rows and h != leave_out
        ]
        return Response(json.dumps(blocks), content_type="application/json")

    server.expect_request("/mempool.space/api/blocks/tip/height").respond_with_data(str(tip))
    server.expect_request(re.compile(r"/mempool\.space/api/v1/blocks/\d+")).respond_with_handler(
        page
    )


def _fetch(url: str) -> bytes:
    return fetch_bytes(url, policy=FAST)


def test_new_blocks_are_appended_in_the_tables_schema(
    scratch: Settings, httpserver: HTTPServer
) -> None:
    _serve(httpserver)
    grown = pq.read_table(io.BytesIO(extend_blocks(_older(), _fetch)))
    assert grown.schema.equals(REAL.schema, check_metadata=False)
    assert grown.select(["height", "pool_slug", "date"]).equals(REAL)


def test_a_missing_block_is_refused(scratch: Settings, httpserver: HTTPServer) -> None:
    left_out = REAL["height"][REAL.num_rows - 7].as_py()
    _serve(httpserver, leave_out=left_out)
    with pytest.raises(ShapeError, match=f"left out height {left_out}"):
        extend_blocks(_older(), _fetch)


def test_refresh_locks_the_longer_table(scratch: Settings, httpserver: HTTPServer) -> None:
    older = _older()
    store_snapshot(scratch, older)
    import hashlib

    lock = load_lock(scratch.data_dir).with_file(
        "pool-blocks-sorukumar",
        "blocks_post_2021.parquet",
        Snapshot(hashlib.sha256(older).hexdigest(), len(older), "test", "2026-04-22"),
    )
    write_lock(scratch.data_dir, lock)
    _serve(httpserver)
    outcomes, before, after = refresh(scratch, ["pool-blocks-sorukumar"], FAST)
    assert [o.status for o in outcomes] == ["updated"]
    snap = after.get("pool-blocks-sorukumar", "blocks_post_2021.parquet")
    assert snap is not None and snap != before.get(
        "pool-blocks-sorukumar", "blocks_post_2021.parquet"
    )
    stored = scratch.cache_dir / snap.sha256[:2] / snap.sha256
    assert pq.read_table(stored).num_rows == REAL.num_rows
