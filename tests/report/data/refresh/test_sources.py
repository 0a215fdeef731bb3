"""Every connector against the local replay server, with answers in its service's shape."""

from __future__ import annotations

import pandas as pd
import pytest
from pytest_httpserver import HTTPServer

from report.data.datasets import load_table, read_table
from report.data.fetch import RetryPolicy
from report.data.lock import locked_registry
from report.data.refresh.run import refresh
from report.data.refresh.sources import SOURCES
from report.settings import Settings
from tests.report.data.refresh.answers import eia_answer, mirror_bytes

FAST = RetryPolicy(attempts=2, backoff=0.01, timeout=5)
EIA_PATH = "/api.eia.gov/v2/electricity/retail-sales/data/"


def test_every_dataset_with_a_source_declares_the_files_it_refreshes(
    scratch: Settings,
) -> None:
    registry = locked_registry(scratch.data_dir)
    for dataset, sources in SOURCES.items():
        declared = {f.name for f in registry.datasets[dataset].files}
        assert {s.file for s in sources} <= declared, dataset
        assert all(s.address.startswith("https://") for s in sources)


@pytest.mark.parametrize(
    ("dataset", "path", "mirror"),
    [
        (
            "cbeci-mining-map-2019-2022",
            "/ccaf.io/cbeci/api/v1.2.0/download/mining_countries",
            "cbeci-mining-map-2019-2022/global_hash_rates.csv",
        ),
        (
            "owid-energy-eth-pry",
            "/nyc3.digitaloceanspaces.com/owid-public/data/energy/owid-energy-data.csv",
            "owid-energy-eth-pry/owid-energy-data_ETH_PRY_2000-2025.csv",
        ),
    ],
)
def test_an_answer_identical_to_the_lock_changes_nothing(
    scratch: Settings, httpserver: HTTPServer, dataset: str, path: str, mirror: str
) -> None:
    httpserver.expect_request(path).respond_with_data(mirror_bytes(mirror), content_type="text/csv")
    lock_before = (scratch.data_dir / "snapshots.lock").read_bytes()
    outcomes, before, after = refresh(scratch, [dataset], FAST)
    assert [o.status for o in outcomes] == ["unchanged"] and before == after
    assert (scratch.data_dir / "snapshots.lock").read_bytes() == lock_before


def test_epoch_csvs_are_fetched_from_the_repository(
    scratch: Settings, httpserver: HTTPServer
) -> None:
    base = "/raw.githubusercontent.com/epoch-research/open-model-trends/main/data/"
    for name in ("benchmarks_with_model_accessibility.csv", "All ML Systems - full view.csv"):
        httpserver.expect_request(base + name).respond_with_data(
            mirror_bytes(f"epoch-open-model-trends/{name}"), content_type="text/csv"
        )
    outcomes, before, after = refresh(scratch, ["epoch-open-model-trends"], FAST)
    assert [o.status for o in outcomes] == ["unchanged"] and before == after


def test_eia_v2_answer_becomes_the_same_table(
    scratch: Settings, httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EIA_API_KEY", "test-key-123")
    httpserver.expect_request(
        EIA_PATH, query_string={"api_key": "test-key-123"}, method="GET"
    ).respond_with_json(eia_answer())
    httpserver.expect_request(EIA_PATH).respond_with_json(eia_answer())
    registry = locked_registry(scratch.data_dir)
    old = load_table("us_industrial_price", registry, scratch).frame
    outcomes, _, after = refresh(scratch, ["eia-us-industrial-price"], FAST)
    assert [o.status for o in outcomes] == ["updated"]  # the same prices in another file
    request, _ = httpserver.log[0]
    assert request.args.get("api_key") == "test-key-123"
    assert request.args.get("facets[sectorid][]") == "IND"
    snap = after.get("eia-us-industrial-price", "Average_retail_price_of_electricity.csv")
    assert snap is not None and "api_key" not in snap.address
    stored = scratch.cache_dir / snap.sha256[:2] / snap.sha256
    new = read_table(registry.table("us_industrial_price"), stored)
    pd.testing.assert_frame_equal(new.reset_index(drop=True), old.reset_index(drop=True))


def test_eia_without_a_key_fails_saying_which_variable(
    scratch: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("EIA_API_KEY", raising=False)
    outcomes, before, after = refresh(scratch, ["eia-us-industrial-price"], FAST)
    assert outcomes[0].status == "failed" and "set EIA_API_KEY" in outcomes[0].message
    assert before == after


def test_an_api_key_never_appears_in_a_failure(
    scratch: Settings, httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EIA_API_KEY", "secret-key-456")
    httpserver.expect_request(EIA_PATH).respond_with_data("down", status=503)
    outcomes, _, _ = refresh(scratch, ["eia-us-industrial-price"], FAST)
    assert outcomes[0].status == "failed" and "HTTP 503" in outcomes[0].message
    assert "secret-key-456" not in outcomes[0].message and "api_key=***" in outcomes[0].message


def test_a_dataset_without_a_live_source_says_how_to_re_pin(scratch: Settings) -> None:
    outcomes, before, after = refresh(scratch, ["curated-edge-ai-market"], FAST)
    assert outcomes[0].status == "no live source" and "pin" in outcomes[0].message
    assert before == after
