"""The build: versioned folders, byte-identical rebuilds, reuse, atomicity, exit statuses."""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from report.pipeline import Project
from report.settings import PROJECT_ROOT, Settings
from report.versions.build import BuildResult, build

REPRODUCIBLE = ("report.html", "report.pdf", "appendix.pdf", "claims.json")


def _run_build(output: Path, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "report", "build", "--quiet", "--output", str(output)],
        cwd=PROJECT_ROOT,
        env={**os.environ, **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _versions(output: Path) -> list[str]:
    return sorted(p.name for p in output.iterdir() if p.is_dir() and not p.is_symlink())


@pytest.fixture(scope="module")
def first(settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    return build(settings.with_changes(output_dir=tmp_path_factory.mktemp("first")))


def test_build_writes_reports_claims_manifest_charts_and_latest(first: BuildResult) -> None:
    names = {p.name for p in first.folder.iterdir()}
    assert {"report.html", "report.pdf", "claims.json", "manifest.json", "charts"} <= names
    assert any(first.folder.joinpath("charts").glob("*.svg"))
    latest = first.folder.parent / "latest"
    assert latest.is_symlink() and latest.resolve() == first.folder.resolve()
    assert first.folder.joinpath("report.pdf").read_bytes().startswith(b"%PDF-")
    assert not first.reused


def test_same_inputs_give_the_same_version_and_identical_bytes(
    first: BuildResult, settings: Settings, tmp_path: Path
) -> None:
    second = build(settings.with_changes(output_dir=tmp_path))
    assert second.version == first.version
    for name in REPRODUCIBLE:
        assert (second.folder / name).read_bytes() == (first.folder / name).read_bytes(), name


def test_a_build_of_an_existing_version_reuses_it(first: BuildResult, settings: Settings) -> None:
    before = _versions(first.folder.parent)
    again = build(settings.with_changes(output_dir=first.folder.parent))
    assert again.reused and again.version == first.version
    assert _versions(first.folder.parent) == before


def test_manifest_pins_inputs_code_packages_and_outputs(
    first: BuildResult, project: Project
) -> None:
    manifest = json.loads((first.folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["version"] == first.version
    pinned = {(d.id, f.name): f.sha256 for d in project.registry.datasets.values() for f in d.files}
    assert manifest["inputs"], "a build has inputs"
    for item in manifest["inputs"]:
        assert pinned[(item["dataset"], item["file"])] == item["sha256"]
    assert re.fullmatch(r"[0-9a-f]{40}|unknown", manifest["code"]["commit"])
    assert isinstance(manifest["code"]["dirty"], bool)
    assert manifest["packages"]["pandas"] == __import__("pandas").__version__
    assert "html/report.html.j2" in manifest["templates"]
    assert manifest["built_at"] is None
    for name, digest in manifest["outputs"].items():
        assert hashlib.sha256((first.folder / name).read_bytes()).hexdigest() == digest


def test_claims_json_lists_every_claim_with_its_numbers(
    first: BuildResult, project: Project
) -> None:
    document = json.loads((first.folder / "claims.json").read_text(encoding="utf-8"))
    claims = document["claims"]
    assert [c["id"] for c in claims] == [c.id for c in project.claims]
    verdicts = {"supported", "partly supported", "contradicted", "not checkable"}
    for claim in claims:
        assert {"id", "quote", "verdict", "stated", "figures", "sources"} <= claim.keys()
        assert claim["verdict"] in verdicts
        assert claim["quote"] in project.article.text
        units = {f["name"]: f["unit"] for f in claim["figure_details"]}
        for name, value in claim["figures"].items():
            expected = str if units[name] in ("date", "month") else int | float
            assert value is None or isinstance(value, expected), name


def test_a_failing_render_leaves_the_output_folder_as_it_was(
    first: BuildResult, settings: Settings, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    output = tmp_path / "out"
    shutil.copytree(first.folder.parent, output, symlinks=True)
    before = sorted(p.relative_to(output).as_posix() for p in output.rglob("*"))

    def broken(title: str, ledger: object, info: object, out_dir: Path, *args: object) -> None:
        (out_dir / "report.html").write_text("half a page", encoding="utf-8")
        raise RuntimeError("renderer crashed")

    monkeypatch.setattr("report.versions.build.render_documents", broken)
    monkeypatch.setattr(
        "report.versions.identity.code_sha256", lambda root, data_dir=None: "changed code"
    )  # a new version
    with pytest.raises(RuntimeError, match="renderer crashed"):
        build(settings.with_changes(output_dir=output))
    assert sorted(p.relative_to(output).as_posix() for p in output.rglob("*")) == before


def test_two_builds_at_once_give_one_complete_version(first: BuildResult, tmp_path: Path) -> None:
    runs = [_run_build(tmp_path), _run_build(tmp_path)]
    results = [run.communicate(timeout=300) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], results
    assert _versions(tmp_path) == [first.version]
    assert not list(tmp_path.glob(".tmp-*"))
    for name in REPRODUCIBLE:
        assert (tmp_path / first.version / name).read_bytes() == (first.folder / name).read_bytes()


def _data_copy(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(PROJECT_ROOT / "data", data)
    return data


def _set_price(csv_path: Path, row: int, value: str) -> None:
    with csv_path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    rows[row]["usd_per_kwh_low"] = value
    with csv_path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def _repin(toml_path: Path, old: str, new_file: Path) -> None:
    digest = hashlib.sha256(new_file.read_bytes()).hexdigest()
    toml_path.write_text(toml_path.read_text(encoding="utf-8").replace(old, digest), "utf-8")


def test_bad_input_exits_2_naming_file_row_and_column_and_writes_nothing(tmp_path: Path) -> None:
    data = _data_copy(tmp_path)
    prices = data / "curated" / "electricity_prices.csv"
    pin = hashlib.sha256(prices.read_bytes()).hexdigest()
    _set_price(prices, 2, "-0.5")
    _repin(data / "datasets" / "curated-electricity-prices.toml", pin, prices)
    output = tmp_path / "out"
    run = _run_build(output, {"REPORT_DATA_DIR": str(data)})
    _, err = run.communicate(timeout=300)
    assert run.returncode == 2, err
    assert "electricity_prices.csv" in err and "usd_per_kwh_low" in err
    assert "line 4" in err  # header is line 1; the third data row is line 4
    assert not output.exists() or not _versions(output)


def test_an_input_whose_sha256_differs_from_its_pin_is_refused(tmp_path: Path) -> None:
    data = _data_copy(tmp_path)
    _set_price(data / "curated" / "electricity_prices.csv", 0, "0.5")
    output = tmp_path / "out"
    run = _run_build(output, {"REPORT_DATA_DIR": str(data)})
    _, err = run.communicate(timeout=300)
    assert run.returncode == 2, err
    assert "sha256" in err and "electricity_prices.csv" in err
    assert not output.exists() or not _versions(output)
