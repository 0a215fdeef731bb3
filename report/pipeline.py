"""From settings to a computed ledger: the data -> analysis -> ledger part of the flow."""

from __future__ import annotations

from dataclasses import dataclass

from report.data.article import Article, load_article
from report.data.datasets import load_tables
from report.data.inventory import ClaimSpec, load_inventory
from report.data.lock import locked_registry
from report.data.parameters import Parameter, load_parameters
from report.data.registry import Registry
from report.ledger.compute import compute_ledger
from report.ledger.entry import Ledger
from report.ledger.plan import PlannedClaim, plan_ledger
from report.progress import Progress, silent
from report.settings import Settings


@dataclass(frozen=True)
class Project:
    """Everything declared about the project before any data is read."""

    settings: Settings
    article: Article
    registry: Registry
    parameters: dict[str, Parameter]
    claims: list[ClaimSpec]
    plan: list[PlannedClaim]

    def tables_needed(self) -> list[str]:
        """Every table some claim asks for."""
        return sorted({t for p in self.plan for t in p.tables})


def open_project(settings: Settings) -> Project:
    """Read the registry, parameters, article and claim inventory; plan every claim."""
    article = load_article(settings)
    registry = locked_registry(settings.data_dir)  # the registry with the lock applied
    parameters = load_parameters(settings.data_dir)
    claims = load_inventory(settings.data_dir, article.text)
    plan = plan_ledger(claims, registry, parameters)
    return Project(settings, article, registry, parameters, claims, plan)


def compute(project: Project, progress: Progress = silent) -> Ledger:
    """Load and validate every needed table, then assess every claim."""
    progress(f"loading {len(project.tables_needed())} tables")
    tables = load_tables(project.tables_needed(), project.registry, project.settings)
    progress(f"assessing {len(project.plan)} claims")
    return compute_ledger(project.plan, tables, project.registry, project.parameters, progress)
