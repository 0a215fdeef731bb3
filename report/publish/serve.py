"""``serve``: the published site over HTTP on this machine, rebuilt when its sources change.

Only files inside the site folder are served (see :func:`file_in_site`); version folders
are sent as immutable, everything else as to be checked again.
"""

from __future__ import annotations

import mimetypes
import threading
from collections.abc import Callable, Iterable
from functools import partial
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from report.publish.paths import file_in_site

TYPES = {
    ".xml": "application/atom+xml",
    ".jsonl": "application/x-ndjson",
    ".json": "application/json",
}


class SiteHandler(BaseHTTPRequestHandler):
    """GET and HEAD of files inside one folder; anything else is 404 or 405."""

    server_version = "claimcheck-report"

    def __init__(self, *args: object, root: Path, quiet: bool = True, **kwargs: object) -> None:
        self.root = root
        self.quiet = quiet
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def _send(self, head_only: bool) -> None:
        path = file_in_site(self.root, self.path)
        if path is None:
            self.send_error(HTTPStatus.NOT_FOUND, "not in the site")
            return
        body = path.read_bytes()
        kind = (
            TYPES.get(path.suffix)
            or mimetypes.guess_type(path.name)[0]
            or "application/octet-stream"
        )
        if kind.startswith("text/") or kind.endswith(("json", "xml", "javascript")):
            kind += "; charset=utf-8"
        immutable = (
            path.relative_to(self.root.resolve()).parts[:1] == ("versions",)
            and path.parent.name != "versions"
        )
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header(
            "Cache-Control", "public, max-age=31536000, immutable" if immutable else "no-cache"
        )
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        if not head_only:
            self.wfile.write(body)

    def do_GET(self) -> None:
        self._send(head_only=False)

    def do_HEAD(self) -> None:
        self._send(head_only=True)

    def log_message(self, format: str, *args: object) -> None:
        if not self.quiet:
            super().log_message(format, *args)


def site_server(
    site: Path, host: str = "127.0.0.1", port: int = 8000, quiet: bool = True
) -> ThreadingHTTPServer:
    """A server of ``site`` bound to ``host:port`` (port 0: any free port), not yet running."""
    handler = partial(SiteHandler, root=site.resolve(), quiet=quiet)
    return ThreadingHTTPServer((host, port), handler)


def serve(
    server: ThreadingHTTPServer,
    watched: Iterable[Path],
    rebuild: Callable[[], None] | None,
    stop: threading.Event | None = None,
) -> None:
    """Serve until interrupted (or ``stop`` is set); call ``rebuild`` after every batch of
    changes under ``watched`` (no watching when ``rebuild`` is None)."""
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    stop = stop or threading.Event()
    try:
        if rebuild is None:
            stop.wait()
        else:
            from watchfiles import watch

            for _changes in watch(*watched, stop_event=stop):
                rebuild()
    finally:
        server.shutdown()
        server.server_close()
