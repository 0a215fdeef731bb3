"""``refresh`` and ``update`` against a local replay server: newer blockchain.com answers
give a new version whose hashrate figures move; faults exit non-zero with data/ unchanged."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer

from report.pipeline import Project
from tests.report.commands.conftest import Scratch, make_scratch, version_of
from tests.report.data.refresh.answers import chart_answer
from tests.report.data.refresh.conftest import CHARTS, folder_bytes

DATASET = "blockchaincom-charts-2026"
METRICS = ("hash-rate", "difficulty", "market-price")
TABLES = ("hashrate", "difficulty", "market_price")


def _serve(server: HTTPServer, drop_last: int) -> None:
    server.clear()
    for metric in METRICS:
        server.expect_request(CHARTS + metric).respond_with_json(chart_answer(metric, drop_last))


def _figures(output: Path, version: str) -> dict[str, Any]:
    doc = json.loads((output / version / "claims.json").read_text(encoding="utf-8"))
    return {c["id"]: c["figures"] for c in doc["claims"]}


@pytest.fixture()
def replay(tmp_path: Path, httpserver: HTTPServer) -> Scratch:
    return make_scratch(tmp_path, REPORT_UPSTREAM_BASE=httpserver.url_for("/").rstrip("/"))


def test_newer_answers_lock_a_snapshot_and_move_the_hashrate_figures(
    replay: Scratch, httpserver: HTTPServer, project: Project
) -> None:
    _serve(httpserver, drop_last=60)  # the answer of two hundred-odd days ago
    updated = replay.run("update", DATASET, "--quiet")
    assert updated.returncode == 0, updated.stdout + updated.stderr
    older = version_of(updated)

    _serve(httpserver, drop_last=0)  # today's answer: sixty more points
    refreshed = replay.run("refresh", DATASET)
    assert refreshed.returncode == 0, refreshed.stderr
    assert f"{DATASET}: updated" in refreshed.stdout
    count = len(chart_answer("hash-rate")["values"])
    assert f"table hashrate: {count - 60} -> {count} rows (+60), dates " in refreshed.stdout
    assert "claim " in refreshed.stdout and " -> " in refreshed.stdout  # figures that move

    rebuilt = replay.run("build", "--quiet")
    newer = version_of(rebuilt)
    assert newer != older
    readers = {p.claim.id for p in project.plan if "hashrate" in p.tables}
    touched = {p.claim.id for p in project.plan if set(p.tables) & set(TABLES)}
    before, after = _figures(replay.output, older), _figures(replay.output, newer)
    assert any(before[c] != after[c] for c in readers)
    assert all(before[c] == after[c] for c in before if c not in touched)

    again = replay.run("update", DATASET, "--quiet")
    assert again.returncode == 3 and "nothing new" in again.stdout


def _fault(server: HTTPServer, fault: str) -> None:
    server.clear()
    for metric in METRICS[1:]:
        server.expect_request(CHARTS + metric).respond_with_json(chart_answer(metric, 5))
    path = CHARTS + "hash-rate"
    if fault == "500":
        server.expect_request(path).respond_with_data("internal error", status=500)
    elif fault == "truncated":
        text = json.dumps(chart_answer("hash-rate", 5))
        server.expect_request(path).respond_with_data(text[: len(text) // 2])
    else:
        answer = chart_answer("hash-rate", 5)
        answer["values"] = [{"time": p["x"], "value": p["y"]} for p in answer["values"]]
        server.expect_request(path).respond_with_json(answer)


@pytest.mark.parametrize("fault", ["500", "truncated", "wrong schema"])
def test_a_fault_exits_non_zero_and_leaves_data_unchanged(
    replay: Scratch, httpserver: HTTPServer, fault: str
) -> None:
    _fault(httpserver, fault)
    data, store = folder_bytes(replay.data), folder_bytes(replay.cache)
    done = replay.run("refresh", DATASET)
    assert done.returncode == 1
    assert (
        f"{DATASET}: failed" in done.stderr
        and "api.blockchain.info/charts/hash-rate" in done.stderr
    )
    assert "lock entries and snapshots are unchanged" in done.stderr
    assert folder_bytes(replay.data) == data
    assert {k: v for k, v in folder_bytes(replay.cache).items() if "stat-cache" not in k} == {
        k: v for k, v in store.items() if "stat-cache" not in k
    }
    failed_update = replay.run("update", DATASET, "--quiet")
    assert failed_update.returncode == 1 and "the build was not run" in failed_update.stderr


def test_an_unknown_dataset_exits_2_naming_the_known_ones(replay: Scratch) -> None:
    done = replay.run("refresh", "no-such-dataset")
    assert done.returncode == 2 and "known datasets:" in done.stderr
