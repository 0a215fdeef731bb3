"""A scratch copy of the project's data folder, its own store and output, and every
upstream address sent to a local replay server."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from report.settings import PROJECT_ROOT, Settings, load_settings

CHARTS = "/api.blockchain.info/charts/"


@pytest.fixture()
def scratch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, httpserver: HTTPServer) -> Settings:
    """Settings for a copy of ``data/`` with upstream redirected to ``httpserver``."""
    data = tmp_path / "project" / "data"
    shutil.copytree(PROJECT_ROOT / "data", data)
    monkeypatch.setenv("REPORT_DATA_DIR", str(data))
    monkeypatch.setenv("REPORT_DATA_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("REPORT_OUTPUT_DIR", str(tmp_path / "output"))
    monkeypatch.setenv("REPORT_UPSTREAM_BASE", httpserver.url_for("/").rstrip("/"))
    return load_settings()


def folder_bytes(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` by relative path, with its bytes."""
    if not folder.exists():
        return {}
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }
