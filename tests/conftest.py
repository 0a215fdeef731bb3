"""Shared fixtures: the real project opened once, its tables and its computed ledger.

Real-data fixtures read the pinned datasets through the registry (mirror or download),
exactly as a build does; builds in tests write to a temporary output folder.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from report.data.datasets import load_tables
from report.ledger.entry import Ledger
from report.pipeline import Project, compute, open_project
from report.settings import Settings, load_settings


@pytest.fixture(scope="session")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """The project's settings with a scratch output folder."""
    return load_settings().with_changes(output_dir=tmp_path_factory.mktemp("output"), quiet=True)


@pytest.fixture(scope="session")
def project(settings: Settings) -> Project:
    """The real project: registry, parameters, article and claim inventory."""
    return open_project(settings)


@pytest.fixture(scope="session")
def real_tables(project: Project) -> dict[str, pd.DataFrame]:
    """Every registered table, validated, by name."""
    loaded = load_tables(project.registry.tables, project.registry, project.settings)
    return {name: table.frame for name, table in loaded.items()}


@pytest.fixture(scope="session")
def ledger(project: Project) -> Ledger:
    """The ledger computed from the shipped data."""
    return compute(project)


@pytest.fixture()
def write_csv(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Write text to a CSV file in a temporary folder and return its path."""

    def _write(text: str, name: str = "table.csv") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return _write
