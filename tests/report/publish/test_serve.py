"""The local server: the site's files on 127.0.0.1, nothing outside the site folder."""

from __future__ import annotations

import http.client
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from report.publish.serve import serve, site_server


@pytest.fixture()
def served(tmp_path: Path) -> Iterator[tuple[str, int]]:
    site = tmp_path / "site"
    (site / "versions" / "v1").mkdir(parents=True)
    (site / "index.html").write_text("<p>root</p>", encoding="utf-8")
    (site / "feed.xml").write_text("<feed/>", encoding="utf-8")
    (site / "versions" / "v1" / "index.html").write_text("<p>v1</p>", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("secret", encoding="utf-8")
    server = site_server(site, port=0)
    stop = threading.Event()
    thread = threading.Thread(target=serve, args=(server, [], None, stop), daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    yield str(host), int(port)
    stop.set()
    thread.join(timeout=10)


def _get(where: tuple[str, int], path: str) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection(*where, timeout=10)
    connection.request("GET", path)  # the raw path, as a hostile client would send it
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, dict(response.getheaders()), body


def test_it_listens_on_the_loopback_only_by_default(served: tuple[str, int]) -> None:
    assert served[0] == "127.0.0.1"


def test_site_files_are_served_with_their_types_and_caching(served: tuple[str, int]) -> None:
    status, headers, body = _get(served, "/")
    assert (status, body) == (200, b"<p>root</p>")
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert headers["Cache-Control"] == "no-cache"
    status, headers, _ = _get(served, "/versions/v1/")
    assert status == 200 and "immutable" in headers["Cache-Control"]
    assert _get(served, "/feed.xml")[1]["Content-Type"].startswith("application/atom+xml")


@pytest.mark.parametrize(
    "path", ["/../secret.txt", "/%2e%2e/secret.txt", "/versions/../../secret.txt"]
)
def test_nothing_outside_the_site_is_served(served: tuple[str, int], path: str) -> None:
    status, _, body = _get(served, path)
    assert status == 404 and b"secret" not in body


def test_a_change_under_a_watched_folder_rebuilds(tmp_path: Path) -> None:
    watched = tmp_path / "templates"
    watched.mkdir()
    server = site_server(tmp_path, port=0)
    stop = threading.Event()
    calls: list[int] = []

    def rebuild() -> None:
        calls.append(1)
        stop.set()

    thread = threading.Thread(target=serve, args=(server, [watched], rebuild, stop), daemon=True)
    thread.start()
    for _ in range(100):  # until the watcher notices (it starts in its own time)
        (watched / "page.html.j2").write_text(f"edit {_}", encoding="utf-8")
        if stop.wait(0.3):
            break
    thread.join(timeout=10)
    assert calls == [1]
