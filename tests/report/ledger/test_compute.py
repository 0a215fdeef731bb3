"""The ledger wires functions to inputs by argument name and refuses hand-typed numbers."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import pytest

from analysis.result import Assessment, Figure, Stated, Verdict
from report.data.inventory import ClaimSpec
from report.errors import BuildError, ConfigError
from report.ledger.compute import compute_entry
from report.ledger.entry import Ledger
from report.ledger.plan import plan_claim
from report.pipeline import Project


def _claim(assess: str, stated: Mapping[str, Stated] | None = None) -> ClaimSpec:
    return ClaimSpec("demo", "Demo", "demo", "quote", assess, stated or {}, 0)


def assess_good(hashrate: pd.DataFrame, stated: Mapping[str, Stated]) -> Assessment:
    return Assessment(
        Verdict.SUPPORTED,
        "Latest hashrate is {latest} against {stated_level}.",
        (Figure("latest", "Latest", float(hashrate["hashrate_ths"].iloc[-1]) / 1e6, "ehs"),),
        "Reads the last point.",
        "None.",
    )


def assess_typed_number(hashrate: pd.DataFrame) -> Assessment:
    return Assessment(Verdict.SUPPORTED, "Over 9000 blocks.", (), "m", "l")


def assess_unknown_input(rainfall: pd.DataFrame) -> Assessment:
    raise AssertionError("never called")


def test_arguments_name_tables_and_stated_values(project: Project) -> None:
    claim = _claim(f"{__name__}.assess_good", {"level": Stated(1000, "ehs", "1,000 EH/s")})
    planned = plan_claim(claim, project.registry, project.parameters)
    assert planned.tables == ("hashrate",) and planned.wants_stated
    from report.data.datasets import load_tables

    tables = load_tables(["hashrate"], project.registry, project.settings)
    entry = compute_entry(planned, tables, project.registry, project.parameters)
    assert entry.datasets == ("blockchaincom-charts-2026",)
    assert set(entry.values()) == {"latest", "stated_level"}


def test_an_argument_that_names_nothing_is_a_config_error(project: Project) -> None:
    with pytest.raises(ConfigError, match="rainfall"):
        plan_claim(_claim(f"{__name__}.assess_unknown_input"), project.registry, project.parameters)


def test_prose_with_a_typed_number_is_refused(project: Project) -> None:
    from report.data.datasets import load_tables

    planned = plan_claim(
        _claim(f"{__name__}.assess_typed_number"), project.registry, project.parameters
    )
    tables = load_tables(["hashrate"], project.registry, project.settings)
    with pytest.raises(BuildError, match="types a number by hand"):
        compute_entry(planned, tables, project.registry, project.parameters)


def test_real_ledger_entries_are_complete(ledger: Ledger) -> None:
    assert ledger.entries, "the inventory is empty"
    for entry in ledger.entries:
        a = entry.assessment
        assert a.method and a.limits, f"{entry.claim.id} lacks method or limits"
        if a.verdict in (Verdict.NOT_CHECKABLE, Verdict.PARTLY_SUPPORTED):
            assert a.needs, f"{entry.claim.id} does not say what data would settle it"
        else:
            assert a.figures, f"{entry.claim.id} has a verdict but no figure"
            assert entry.datasets or a.citations, f"{entry.claim.id} cites nothing"


def test_entry_value_reads_figures_parameters_and_stated_values(ledger: Ledger) -> None:
    entry = next(e for e in ledger.entries if e.claim.stated and e.assessment.figures)
    figure = entry.assessment.figures[0]
    assert entry.value(figure.name) == figure.value
    name, stated = next(iter(entry.claim.stated.items()))
    assert entry.value(f"stated_{name}") == stated.value
    assert entry.value("no such figure") is None


def test_computing_reports_each_claim_to_the_progress_reporter(project: Project) -> None:
    from report.pipeline import compute

    messages: list[str] = []
    ledger = compute(project, messages.append)
    assessed = [m for m in messages if m.startswith("assessed ")]
    assert len(assessed) == len(ledger.entries)
    assert assessed[-1].startswith(f"assessed {len(ledger.entries)}/{len(ledger.entries)}: ")
