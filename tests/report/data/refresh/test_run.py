"""Refresh against a local replay server: new content is locked, faults cost nothing."""

from __future__ import annotations

import json
import time

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from report.data.fetch import RetryPolicy
from report.data.lock import load_lock
from report.data.refresh.run import RefreshBusy, data_folder_lock, refresh
from report.settings import Settings
from tests.report.data.refresh.answers import chart_answer
from tests.report.data.refresh.conftest import CHARTS, folder_bytes

FAST = RetryPolicy(attempts=3, backoff=0.01, max_backoff=0.05, max_retry_after=2, timeout=2)
DATASET = "blockchaincom-charts-2026"


def _serve_charts(server: HTTPServer, drop_last: int = 0, skip: str = "") -> None:
    for metric in ("hash-rate", "difficulty", "market-price"):
        if metric != skip:
            server.expect_request(CHARTS + metric).respond_with_json(
                chart_answer(metric, drop_last)
            )


def _state(settings: Settings) -> tuple[dict[str, bytes], dict[str, bytes]]:
    return folder_bytes(settings.data_dir), folder_bytes(settings.cache_dir)


def test_new_content_is_stored_and_locked(scratch: Settings, httpserver: HTTPServer) -> None:
    _serve_charts(httpserver, drop_last=30)
    outcomes, before, after = refresh(scratch, [DATASET], FAST)
    assert [o.status for o in outcomes] == ["updated"]
    locked = after.get(DATASET, "hash-rate.json")
    assert locked is not None and locked != before.get(DATASET, "hash-rate.json")
    assert locked.address.startswith("https://api.blockchain.info/charts/hash-rate?")
    stored = scratch.cache_dir / locked.sha256[:2] / locked.sha256
    assert stored.stat().st_size == locked.size
    assert load_lock(scratch.data_dir) == after
    doc = json.loads(stored.read_text(encoding="utf-8"))
    assert len(doc["hash-rate"]) == len(chart_answer("hash-rate")["values"]) - 30


def test_identical_content_changes_nothing(scratch: Settings, httpserver: HTTPServer) -> None:
    _serve_charts(httpserver, drop_last=30)
    refresh(scratch, [DATASET], FAST)
    state = _state(scratch)
    outcomes, before, after = refresh(scratch, [DATASET], FAST)
    assert [o.status for o in outcomes] == ["unchanged"] and before == after
    assert _state(scratch) == state


def _fails_and_changes_nothing(settings: Settings, needle: str) -> None:
    state = _state(settings)
    outcomes, before, after = refresh(settings, [DATASET], FAST)
    assert [o.status for o in outcomes] == ["failed"]
    assert needle in outcomes[0].message
    assert "api.blockchain.info/charts/" in outcomes[0].message
    assert before == after and _state(settings) == state


def test_a_server_error_every_time_fails_after_bounded_retries(
    scratch: Settings, httpserver: HTTPServer
) -> None:
    _serve_charts(httpserver, skip="hash-rate")
    httpserver.expect_request(CHARTS + "hash-rate").respond_with_data("oops", status=500)
    _fails_and_changes_nothing(scratch, "HTTP 500 (after 3 attempts)")
    hits = [r for r, _ in httpserver.log if r.path.endswith("hash-rate")]
    assert len(hits) == 3


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_a_passing_server_error_is_retried(
    scratch: Settings, httpserver: HTTPServer, status: int
) -> None:
    _serve_charts(httpserver, skip="hash-rate")
    httpserver.expect_ordered_request(CHARTS + "hash-rate").respond_with_data("", status=status)
    httpserver.expect_ordered_request(CHARTS + "hash-rate").respond_with_json(
        chart_answer("hash-rate", 30)
    )
    outcomes, _, _ = refresh(scratch, [DATASET], FAST)
    assert outcomes[0].status == "updated"


def test_429_waits_as_long_as_retry_after_says(scratch: Settings, httpserver: HTTPServer) -> None:
    _serve_charts(httpserver, skip="hash-rate")
    httpserver.expect_ordered_request(CHARTS + "hash-rate").respond_with_data(
        "slow down", status=429, headers={"Retry-After": "1"}
    )
    httpserver.expect_ordered_request(CHARTS + "hash-rate").respond_with_json(
        chart_answer("hash-rate", 30)
    )
    start = time.monotonic()
    outcomes, _, _ = refresh(scratch, [DATASET], FAST)
    assert outcomes[0].status == "updated"
    assert time.monotonic() - start >= 1.0


def test_429_asking_for_too_long_a_wait_fails_at_once(
    scratch: Settings, httpserver: HTTPServer
) -> None:
    _serve_charts(httpserver, skip="hash-rate")
    httpserver.expect_request(CHARTS + "hash-rate").respond_with_data(
        "", status=429, headers={"Retry-After": "3600"}
    )
    _fails_and_changes_nothing(scratch, "asks to wait 3600 s")


@pytest.mark.parametrize(
    ("body", "needle"),
    [
        (b'{"status":"ok","values":[{"x":1231545600,"y":1.0},{"x":12', "not valid JSON"),
        (b"<html>Service Unavailable</html>", "not valid JSON"),
        (b'{"status":"ok","name":"Hash Rate","data":[]}', "list under 'values'"),
        (b'{"status":"ok","values":[{"x":1231545600,"y":"fast"}]}', "finite numbers"),
        (b'{"status":"ok","values":[{"x":1231545600,"y":1e999}]}', "finite numbers"),
        (b'{"status":"error","values":[]}', "status 'error'"),
    ],
)
def test_a_malformed_or_truncated_answer_is_refused(
    scratch: Settings, httpserver: HTTPServer, body: bytes, needle: str
) -> None:
    _serve_charts(httpserver, skip="hash-rate")
    httpserver.expect_request(CHARTS + "hash-rate").respond_with_data(
        body, content_type="application/json"
    )
    _fails_and_changes_nothing(scratch, needle)


@pytest.mark.parametrize(
    ("change", "needle"),
    [
        (lambda v: [{**v[0], "y": -5.0}, *v[1:]], "below the minimum 0"),  # out of range
        (lambda v: v[:20], "rows"),  # far too few rows for the schema
        (lambda v: [v[0], *v], "duplicate"),  # the key repeats
    ],
)
def test_a_valid_answer_that_breaks_the_schema_is_refused(
    scratch: Settings, httpserver: HTTPServer, change, needle: str
) -> None:  # type: ignore[no-untyped-def]
    answer = chart_answer("hash-rate")
    answer["values"] = change(answer["values"])
    _serve_charts(httpserver, skip="hash-rate")
    httpserver.expect_request(CHARTS + "hash-rate").respond_with_json(answer)
    _fails_and_changes_nothing(scratch, needle)


def test_an_answer_far_larger_than_expected_is_cut_off(
    scratch: Settings, httpserver: HTTPServer
) -> None:
    _serve_charts(httpserver, skip="hash-rate")
    httpserver.expect_request(CHARTS + "hash-rate").respond_with_data(b"[" + b" " * (5 << 20))
    _fails_and_changes_nothing(scratch, "byte cap")


def test_a_timeout_fails_after_bounded_retries(scratch: Settings, httpserver: HTTPServer) -> None:
    def slow(_: Request) -> Response:
        time.sleep(0.6)
        return Response("{}", content_type="application/json")

    _serve_charts(httpserver, skip="hash-rate")
    httpserver.expect_request(CHARTS + "hash-rate").respond_with_handler(slow)
    policy = RetryPolicy(attempts=2, backoff=0.01, timeout=0.2)
    state = _state(scratch)
    outcomes, before, after = refresh(scratch, [DATASET], policy)
    assert outcomes[0].status == "failed" and "timed out (after 2 attempts)" in outcomes[0].message
    assert before == after and _state(scratch) == state


def test_a_good_dataset_in_the_same_run_is_still_locked(
    scratch: Settings, httpserver: HTTPServer
) -> None:
    _serve_charts(httpserver, skip="hash-rate")
    httpserver.expect_request(CHARTS + "hash-rate").respond_with_data("", status=503)
    httpserver.expect_request(CHARTS + "miners-revenue").respond_with_json(
        chart_answer("miners-revenue", 10)
    )
    outcomes, before, after = refresh(scratch, [DATASET, "blockchaincom-miners-revenue-2024"], FAST)
    assert [o.status for o in outcomes] == ["failed", "updated"]
    assert after.datasets[DATASET] == before.datasets[DATASET]
    assert (
        after.datasets["blockchaincom-miners-revenue-2024"]
        != before.datasets["blockchaincom-miners-revenue-2024"]
    )


def test_two_refreshes_at_once_do_not_interleave(scratch: Settings) -> None:
    state = _state(scratch)
    with data_folder_lock(scratch.data_dir), pytest.raises(RefreshBusy, match="another refresh"):
        refresh(scratch, [DATASET], FAST)
    assert _state(scratch) == state


def test_an_interrupted_lock_write_leaves_the_old_lock(
    scratch: Settings, httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    _serve_charts(httpserver, drop_last=30)
    lock_file = scratch.data_dir / "snapshots.lock"
    old = lock_file.read_bytes()

    def killed(*_: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("report.data.lock.os.replace", killed)
    with pytest.raises(KeyboardInterrupt):
        refresh(scratch, [DATASET], FAST)
    assert lock_file.read_bytes() == old
    assert not list(scratch.data_dir.glob(".snapshots-lock-*")), "no temporary file is left"
