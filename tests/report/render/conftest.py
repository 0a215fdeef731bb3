"""Fixtures for the renderer: the real ledger rendered once, and a ledger with hostile text."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from analysis.result import Citation
from report.build import build_info
from report.buildinfo import BuildInfo
from report.ledger import Ledger
from report.pipeline import Project
from report.render.document import render_documents
from tests.report.render.hostile import HOSTILE


@pytest.fixture(scope="session")
def info(project: Project) -> BuildInfo:
    return build_info(project)


@pytest.fixture(scope="session")
def rendered(
    project: Project, ledger: Ledger, info: BuildInfo, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """A folder holding the real report's documents."""
    out = tmp_path_factory.mktemp("rendered")
    render_documents(project.article.title, ledger, info, out, project.settings.templates_dir)
    return out


@pytest.fixture(scope="session")
def hostile_ledger(ledger: Ledger) -> Ledger:
    """The real ledger with hostile text in the first claim's title, quote and citations."""
    first = ledger.entries[0]
    claim = dataclasses.replace(first.claim, title=HOSTILE, quote=HOSTILE)
    citation = Citation(HOSTILE, "javascript:alert(1)", HOSTILE, HOSTILE)
    web = Citation(HOSTILE, 'https://example.org/"><script>alert(1)</script>', HOSTILE)
    assessment = dataclasses.replace(first.assessment, citations=(citation, web))
    entry = dataclasses.replace(first, claim=claim, assessment=assessment)
    return dataclasses.replace(ledger, entries=(entry, *ledger.entries[1:]))
