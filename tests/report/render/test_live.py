"""The Vega runtime: made harmless inside <script>, and cached by vl-convert's version."""

from __future__ import annotations

from pathlib import Path

import pytest

from report.render import live


@pytest.fixture()
def bundles(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[str]:
    """Point the runtime cache at a scratch folder and count the bundles vl-convert makes."""
    made: list[str] = []

    def bundle(snippet: str) -> str:
        made.append(snippet)
        return f"var v = 1; // </script> then {snippet}"

    monkeypatch.setenv("REPORT_RUNTIME_CACHE", str(tmp_path / "runtime"))
    monkeypatch.setattr(live.vl_convert, "javascript_bundle", bundle)
    live.vega_runtime.cache_clear()
    yield made
    live.vega_runtime.cache_clear()


def test_bundle_is_made_once_and_read_back(bundles: list[str], tmp_path: Path) -> None:
    first = live.vega_runtime()
    live.vega_runtime.cache_clear()  # a new process
    second = live.vega_runtime()
    assert first == second == "var v = 1; // <\\/script> then window.vegaEmbed = vegaEmbed;"
    assert len(bundles) == 1
    stored = list((tmp_path / "runtime").iterdir())
    assert [p.read_text(encoding="utf-8") for p in stored] == [first]
    assert live.vl_convert.__version__ in stored[0].name


def test_another_vl_convert_version_makes_its_own_bundle(
    bundles: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    live.vega_runtime()
    live.vega_runtime.cache_clear()
    monkeypatch.setattr(live.vl_convert, "__version__", "0.0.0-other")
    live.vega_runtime()
    assert len(bundles) == 2


def test_an_unwritable_cache_only_costs_time(
    bundles: list[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("REPORT_RUNTIME_CACHE", str(blocked / "runtime"))
    assert "<\\/script>" in live.vega_runtime()
    live.vega_runtime.cache_clear()
    live.vega_runtime()
    assert len(bundles) == 2
