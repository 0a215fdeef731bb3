"""Every setting is validated before anything is written (class 8)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from report.errors import ConfigError
from report.settings import PROJECT_ROOT, check_output_dir, load_settings

VARIABLES = [
    "REPORT_OUTPUT_DIR",
    "REPORT_DATA_DIR",
    "REPORT_PROJECT_ROOT",
    "REPORT_DATA_MIRROR",
    "REPORT_DATA_CACHE",
]


@pytest.mark.parametrize("name", VARIABLES)
@pytest.mark.parametrize("value", ["", "   "])
def test_a_variable_set_but_empty_is_refused_by_name(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str
) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError, match=f"{name} is set but empty"):
        load_settings()


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("REPORT_DATA_DIR", "is not a folder"),
        ("REPORT_PROJECT_ROOT", "is not a folder"),
        ("REPORT_DATA_MIRROR", "is not a folder"),
    ],
)
def test_a_folder_that_is_not_there_is_refused_by_name(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, name: str, words: str
) -> None:
    monkeypatch.setenv(name, str(tmp_path / "nowhere"))
    with pytest.raises(ConfigError, match=f"{name}=.*{words}"):
        load_settings()


def test_a_file_in_place_of_a_folder_is_refused(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    for name in ("REPORT_DATA_DIR", "REPORT_PROJECT_ROOT", "REPORT_DATA_MIRROR"):
        monkeypatch.setenv(name, str(tmp_path / "file"))
        with pytest.raises(ConfigError, match=name):
            load_settings()
        monkeypatch.delenv(name)
    monkeypatch.setenv("REPORT_DATA_CACHE", str(tmp_path / "file"))
    with pytest.raises(ConfigError, match="REPORT_DATA_CACHE"):
        load_settings()


@pytest.mark.parametrize(
    ("name", "missing"),
    [("REPORT_DATA_DIR", "datasets"), ("REPORT_PROJECT_ROOT", "templates")],
)
def test_a_folder_without_what_it_must_hold_is_refused(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, name: str, missing: str
) -> None:
    monkeypatch.setenv(name, str(tmp_path))
    with pytest.raises(ConfigError, match=f"holds no {missing}"):
        load_settings()


@pytest.mark.parametrize("value", ["maybe", "2", "offline"])
def test_an_unknown_offline_switch_is_refused(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("REPORT_OFFLINE", value)
    with pytest.raises(ConfigError, match="REPORT_OFFLINE"):
        load_settings()


@pytest.mark.parametrize(("value", "offline"), [("1", True), ("TRUE", True), ("no", False)])
def test_the_offline_switch_reads_yes_and_no(
    monkeypatch: pytest.MonkeyPatch, value: str, offline: bool
) -> None:
    monkeypatch.setenv("REPORT_OFFLINE", value)
    assert load_settings().allow_download is not offline


def test_the_output_folder_may_not_be_the_project_or_its_data(tmp_path: Path) -> None:
    settings = load_settings()
    for folder in (PROJECT_ROOT, PROJECT_ROOT / "data", PROJECT_ROOT / "templates", Path("/")):
        with pytest.raises(ConfigError, match="a folder of its own"):
            check_output_dir(settings.with_changes(output_dir=folder))
    check_output_dir(settings.with_changes(output_dir=tmp_path / "new" / "out"))


def test_an_output_folder_that_is_a_file_or_has_a_real_latest_is_refused(tmp_path: Path) -> None:
    settings = load_settings()
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(ConfigError, match="is a file"):
        check_output_dir(settings.with_changes(output_dir=tmp_path / "file"))
    (tmp_path / "out" / "latest").mkdir(parents=True)
    with pytest.raises(ConfigError, match="not the link"):
        check_output_dir(settings.with_changes(output_dir=tmp_path / "out"))


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_an_unwritable_output_folder_is_refused(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        with pytest.raises(ConfigError, match="not writable"):
            check_output_dir(load_settings().with_changes(output_dir=locked / "out"))
    finally:
        locked.chmod(0o700)
