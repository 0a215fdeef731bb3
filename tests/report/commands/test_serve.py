"""``python -m report serve`` announces where it listens and serves the site from there."""

from __future__ import annotations

import subprocess
import sys
import urllib.request
from pathlib import Path

from report.settings import PROJECT_ROOT


def test_serve_listens_on_the_loopback_and_serves_the_site(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "site.json").write_text('{"format": 1, "versions": []}', encoding="utf-8")
    (site / "index.html").write_text("<p>the site</p>", encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "report", "serve", "--site", str(site), "--port", "0", "--no-watch"],
        cwd=PROJECT_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert " at http://127.0.0.1:" in line, line + (
            process.stderr.read() if process.stderr else ""
        )
        address = line.split(" at ", 1)[1].split()[0]
        with urllib.request.urlopen(address, timeout=30) as response:
            assert response.read() == b"<p>the site</p>"
    finally:
        process.terminate()
        process.wait(timeout=30)
