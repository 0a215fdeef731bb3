"""Margins: the ledger refuses one that names nothing, flips to the verdict it has, or
types a number; every claim of a family with margins states one."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.result import Assessment, Figure, FigureSpec, Margin, MarginRule, Verdict
from report.data.datasets import load_tables
from report.data.inventory import ClaimSpec
from report.errors import BuildError
from report.ledger.compute import compute_entry
from report.ledger.entry import Entry, Ledger
from report.ledger.plan import plan_claim
from report.pipeline import Project
from report.render.claims_json import entry_json

RULE = MarginRule(
    deciding="latest",
    threshold=FigureSpec("latest_flip", "Hashrate at which it flips", "ehs"),
    direction="below",
    flips_to=Verdict.CONTRADICTED,
    sentence="Contradicted if the latest hashrate were below {latest_flip}.",
)

# Families whose claims all state their margin; the others are listed in MISSING below.
FAMILIES_WITH_MARGINS = {"pools", "mining_cost", "migration", "hardware", "ai", "edge_ai"}


def _assessment(verdict: Verdict, margin: Margin | None, latest: float = 900.0) -> Assessment:
    return Assessment(
        verdict,
        "Latest hashrate is {latest}.",
        (Figure("latest", "Latest", latest, "ehs"),),
        "Reads the last point.",
        "None.",
        margin=margin,
    )


def assess_with_margin(hashrate: pd.DataFrame) -> Assessment:
    return _assessment(Verdict.SUPPORTED, RULE.at(500.0))


def assess_flips_to_itself(hashrate: pd.DataFrame) -> Assessment:
    return _assessment(Verdict.CONTRADICTED, RULE.at(500.0))


def assess_not_checkable_with_margin(hashrate: pd.DataFrame) -> Assessment:
    return _assessment(Verdict.NOT_CHECKABLE, RULE.at(500.0))


def assess_deciding_nothing(hashrate: pd.DataFrame) -> Assessment:
    rule = MarginRule("rainfall", RULE.threshold, "below", Verdict.CONTRADICTED, RULE.sentence)
    return _assessment(Verdict.SUPPORTED, rule.at(500.0))


def assess_wrong_unit(hashrate: pd.DataFrame) -> Assessment:
    spec = FigureSpec("latest_flip", "Flip", "percent")
    rule = MarginRule("latest", spec, "below", Verdict.CONTRADICTED, RULE.sentence)
    return _assessment(Verdict.SUPPORTED, rule.at(50.0))


def assess_typed_margin(hashrate: pd.DataFrame) -> Assessment:
    rule = MarginRule(
        "latest", RULE.threshold, "below", Verdict.CONTRADICTED, "Below {latest_flip} or 12."
    )
    return _assessment(Verdict.SUPPORTED, rule.at(500.0))


def assess_sentence_without_threshold(hashrate: pd.DataFrame) -> Assessment:
    rule = MarginRule("latest", RULE.threshold, "below", Verdict.CONTRADICTED, "Close: {latest}.")
    return _assessment(Verdict.SUPPORTED, rule.at(500.0))


def _entry(project: Project, function: str) -> Entry:
    claim = ClaimSpec("demo", "Demo", "demo", "quote", f"{__name__}.{function}", {}, 0)
    planned = plan_claim(claim, project.registry, project.parameters)
    tables = load_tables(["hashrate"], project.registry, project.settings)
    return compute_entry(planned, tables, project.registry, project.parameters)


def test_a_margin_is_written_into_claims_json(project: Project) -> None:
    margin = entry_json(_entry(project, "assess_with_margin"))["margin"]
    assert margin["deciding"] == "latest" and margin["deciding_value"] == 900.0
    assert margin["threshold"]["value"] == 500.0 and margin["threshold"]["unit"] == "ehs"
    assert margin["flips_to"] == "contradicted" and margin["direction"] == "below"
    assert margin["sentence"] == (
        f"Contradicted if the latest hashrate were below {margin['threshold']['formatted']}."
    )


@pytest.mark.parametrize(
    ("function", "message"),
    [
        ("assess_flips_to_itself", "the verdict it already has"),
        ("assess_not_checkable_with_margin", "not checkable has no margin"),
        ("assess_deciding_nothing", "rainfall"),
        ("assess_wrong_unit", "deciding value's unit"),
        ("assess_typed_margin", "types a number by hand"),
        ("assess_sentence_without_threshold", "must name its threshold"),
    ],
)
def test_a_faulty_margin_is_refused(project: Project, function: str, message: str) -> None:
    with pytest.raises(BuildError, match=message):
        _entry(project, function)


# Claims that are checkable but state no margin yet: the work left for their families.
# Remove an id here when its claim gains a margin; the test fails until you do.
MISSING: frozenset[str] = frozenset()


def _lacking(ledger: Ledger) -> set[str]:
    return {
        e.claim.id
        for e in ledger.entries
        if e.assessment.verdict is not Verdict.NOT_CHECKABLE and e.assessment.margin is None
    }


def test_claims_lacking_a_margin_are_the_listed_ones(ledger: Ledger) -> None:
    lacking = _lacking(ledger)
    assert lacking - MISSING == set(), f"checkable claims without a margin: {sorted(lacking)}"
    gained = sorted(MISSING - lacking)
    assert not gained, (
        f"these now have a margin or are not checkable; drop them from MISSING: {gained}"
    )


def test_every_checkable_claim_of_a_finished_family_has_a_margin(ledger: Ledger) -> None:
    for entry in ledger.entries:
        if entry.claim.family in FAMILIES_WITH_MARGINS:
            if entry.assessment.verdict is Verdict.NOT_CHECKABLE:
                assert entry.assessment.margin is None
            else:
                assert entry.assessment.margin is not None, f"{entry.claim.id} has no margin"


def test_the_report_view_carries_the_filled_margin(project: Project) -> None:
    from report.render.context import claim_view

    entry = _entry(project, "assess_with_margin")
    view = claim_view(entry, None, {})
    assert view.margin is not None
    assert view.margin.text == entry_json(entry)["margin"]["sentence"]
    assert [p.number for p in view.margin.parts if p.is_value] == [500.0]
