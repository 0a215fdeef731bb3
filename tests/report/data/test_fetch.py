"""Files resolve from the project, the store, the mirror or a download, and are refused
unless their sha256 matches the pin; fetching retries within bounds and honours
Retry-After; every address can be redirected."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from report.data.fetch import (
    FetchError,
    RetryPolicy,
    cache_path,
    fetch_bytes,
    resolve_file,
    upstream_url,
)
from report.data.registry import DatasetSpec, FileSpec
from report.data.statcache import StatCache
from report.errors import DataError
from report.settings import Settings

CONTENT = b"date,value\n2024-01-01,1\n"
SHA = hashlib.sha256(CONTENT).hexdigest()
FAST = RetryPolicy(attempts=3, backoff=0.01, max_backoff=0.02, timeout=2)


def _dataset(spec: FileSpec) -> DatasetSpec:
    return DatasetSpec(
        id="example",
        title="t",
        description="d",
        source="s",
        address="a",
        licence="l",
        retrieved="2026-01-01",
        files=(spec,),
        tables=(),
        registry_file="data/datasets/example.toml",
    )


def _settings(settings: Settings, tmp_path: Path, mirror: Path | None) -> Settings:
    return settings.with_changes(
        mirror_dir=mirror, cache_dir=tmp_path / "cache", allow_download=True
    )


@pytest.fixture()
def upstream(httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch) -> HTTPServer:
    monkeypatch.setenv("REPORT_UPSTREAM_BASE", httpserver.url_for("/"))
    return httpserver


def test_upstream_base_redirects_host_path_and_query() -> None:
    url = "https://api.blockchain.info/charts/hash-rate?timespan=all&format=json"
    assert upstream_url(url, "http://127.0.0.1:8765") == (
        "http://127.0.0.1:8765/api.blockchain.info/charts/hash-rate?timespan=all&format=json"
    )
    assert upstream_url(url, "http://127.0.0.1:8765/") == upstream_url(url, "http://127.0.0.1:8765")
    assert upstream_url(url, "") == url


def test_mirror_file_with_the_pinned_hash_is_used(settings: Settings, tmp_path: Path) -> None:
    mirror = tmp_path / "mirror"
    (mirror / "example").mkdir(parents=True)
    (mirror / "example" / "f.csv").write_bytes(CONTENT)
    spec = FileSpec("f.csv", SHA)
    path = resolve_file(_dataset(spec), spec, _settings(settings, tmp_path, mirror))
    assert path == mirror / "example" / "f.csv"


def test_mirror_file_with_another_hash_is_refused(settings: Settings, tmp_path: Path) -> None:
    mirror = tmp_path / "mirror"
    (mirror / "example").mkdir(parents=True)
    (mirror / "example" / "f.csv").write_bytes(CONTENT + b"2024-01-02,2\n")
    spec = FileSpec("f.csv", SHA)
    with pytest.raises(DataError) as caught:
        resolve_file(_dataset(spec), spec, _settings(settings, tmp_path, mirror))
    assert f"expected {SHA}" in str(caught.value)
    assert "python -m report pin" in caught.value.hint


def test_a_stored_snapshot_wins_over_a_stale_mirror(settings: Settings, tmp_path: Path) -> None:
    mirror = tmp_path / "mirror"
    (mirror / "example").mkdir(parents=True)
    (mirror / "example" / "f.csv").write_bytes(b"older content\n")
    local = _settings(settings, tmp_path, mirror)
    stored = cache_path(local, SHA)
    stored.parent.mkdir(parents=True)
    stored.write_bytes(CONTENT)
    spec = FileSpec("f.csv", SHA)
    assert resolve_file(_dataset(spec), spec, local) == stored


def test_download_lands_in_the_content_addressed_cache(
    settings: Settings, tmp_path: Path, upstream: HTTPServer
) -> None:
    upstream.expect_oneshot_request("/example.org/f.csv").respond_with_data(CONTENT)
    spec = FileSpec("f.csv", SHA, url="https://example.org/f.csv")
    local = _settings(settings, tmp_path, None)
    path = resolve_file(_dataset(spec), spec, local)
    assert path == cache_path(local, SHA) and path.read_bytes() == CONTENT
    assert resolve_file(_dataset(spec), spec, local) == path  # no second request
    upstream.check_assertions()


def test_download_with_another_hash_is_refused_and_not_cached(
    settings: Settings, tmp_path: Path, upstream: HTTPServer
) -> None:
    upstream.expect_request("/example.org/f.csv").respond_with_data(b"tampered\n")
    spec = FileSpec("f.csv", SHA, url="https://example.org/f.csv")
    local = _settings(settings, tmp_path, None)
    with pytest.raises(DataError, match="sha256 is"):
        resolve_file(_dataset(spec), spec, local)
    assert not cache_path(local, SHA).exists()
    assert not any((tmp_path / "cache").rglob(".part-*"))


def test_missing_everywhere_without_download_says_where_it_looked(
    settings: Settings, tmp_path: Path
) -> None:
    spec = FileSpec("f.csv", SHA, url="https://example.invalid/f.csv")
    local = _settings(settings, tmp_path, tmp_path / "mirror").with_changes(allow_download=False)
    with pytest.raises(DataError) as caught:
        resolve_file(_dataset(spec), spec, local)
    assert "not found" in str(caught.value) and str(tmp_path / "mirror") in str(caught.value)


def test_project_file_is_verified_too(settings: Settings, tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "f.csv").write_bytes(CONTENT + b"x")
    spec = FileSpec("f.csv", SHA, path="data/f.csv")
    local = settings.with_changes(project_root=tmp_path, data_dir=tmp_path / "data")
    with pytest.raises(DataError, match="changed or truncated"):
        resolve_file(_dataset(spec), spec, local, StatCache(None))


def test_retry_after_is_honoured_and_attempts_are_bounded(upstream: HTTPServer) -> None:
    waits: list[float] = []
    for _ in range(3):
        upstream.expect_ordered_request("/example.org/x").respond_with_data(
            "", status=429, headers={"Retry-After": "7"}
        )
    policy = RetryPolicy(attempts=3, backoff=0.5, max_retry_after=10)
    with pytest.raises(FetchError, match=r"HTTP 429 \(after 3 attempts\)"):
        fetch_bytes("https://example.org/x", policy=policy, sleep=waits.append)
    assert waits == [7.0, 7.0]


def test_backoff_doubles_up_to_its_bound(upstream: HTTPServer) -> None:
    waits: list[float] = []
    upstream.expect_request("/example.org/x").respond_with_data("", status=502)
    policy = RetryPolicy(attempts=5, backoff=1.0, max_backoff=3.0)
    with pytest.raises(FetchError, match="HTTP 502"):
        fetch_bytes("https://example.org/x", policy=policy, sleep=waits.append)
    assert waits == [1.0, 2.0, 3.0, 3.0]


def test_a_client_error_is_not_retried(upstream: HTTPServer) -> None:
    upstream.expect_request("/example.org/x").respond_with_data("", status=404)
    with pytest.raises(FetchError, match="HTTP 404 \\(not retried\\)"):
        fetch_bytes("https://example.org/x", policy=FAST)
    assert len(upstream.log) == 1


def test_a_declared_length_over_the_cap_is_refused_before_reading(upstream: HTTPServer) -> None:
    upstream.expect_request("/example.org/x").respond_with_data(b"x" * 2000)
    with pytest.raises(FetchError, match="2000 bytes is over the 1000-byte cap"):
        fetch_bytes("https://example.org/x", max_bytes=1000, policy=FAST)


def test_a_reset_connection_is_retried_then_reported(tmp_path: Path) -> None:
    import socket
    import threading

    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    port = server.getsockname()[1]
    accepted: list[int] = []

    def reset_all() -> None:
        while len(accepted) < 2:
            conn, _ = server.accept()
            conn.setsockopt(
                socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00"
            )
            accepted.append(1)
            conn.close()  # RST instead of an answer

    thread = threading.Thread(target=reset_all, daemon=True)
    thread.start()
    policy = RetryPolicy(attempts=2, backoff=0.01, timeout=2)
    with pytest.raises(FetchError, match=r"connection failed .*\(after 2 attempts\)"):
        fetch_bytes(f"http://127.0.0.1:{port}/x", policy=policy)
    thread.join(timeout=5)
    server.close()
    assert len(accepted) == 2
