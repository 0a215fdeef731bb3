"""A build of the shipped data in a scratch output folder, for the notebook tests."""

from __future__ import annotations

import pytest

from report.settings import Settings
from report.versions.build import BuildResult, build


@pytest.fixture(scope="package")
def notebook_settings(settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """Settings whose output folder holds one fresh build."""
    return settings.with_changes(output_dir=tmp_path_factory.mktemp("notebook-output"))


@pytest.fixture(scope="package")
def built(notebook_settings: Settings) -> BuildResult:
    """The version this checkout builds."""
    return build(notebook_settings)
