"""What a notebook cell calls: the same entry as the ledger, and inputs a reader can change."""

from __future__ import annotations

import pytest

from report.ledger.entry import Ledger
from report.notebook.session import FIGURES_MIME, Session, figures_bundle, figures_of
from report.pipeline import Project
from report.render.claims_json import entry_json


@pytest.fixture(scope="module")
def session(project: Project) -> Session:
    return Session(project)


def test_assessing_in_a_session_gives_the_ledgers_figures(session: Session, ledger: Ledger) -> None:
    for claim_id in ("edge-ai-market-growth", "pools-few-control", "mining-cost-above-100k"):
        assert figures_of(session.assess(claim_id)) == entry_json(ledger.entry(claim_id))["figures"]


def test_a_changed_table_moves_the_figures_that_read_it(session: Session) -> None:
    inputs = session.inputs("edge-ai-market-growth")
    forecasts = inputs["edge_ai_forecasts"]
    base = session.assess("edge-ai-market-growth")
    fewer = session.assess("edge-ai-market-growth", edge_ai_forecasts=forecasts.head(1))
    compared = base.assessment.value("forecasts_compared") or 0
    assert 1 < compared <= len(forecasts)
    assert (fewer.assessment.value("forecasts_compared") or 0) <= 1 < compared


def test_a_changed_parameter_reaches_the_measures_that_read_it(session: Session) -> None:
    name = "majority_share_pct"
    base = session.assess("pools-few-control")
    assert name in session.inputs("pools-few-control")
    lower = session.assess("pools-few-control", **{name: 10.0})
    assert lower.assessment.value("nakamoto_latest") == 1  # the largest pool alone passes 10%
    assert (base.assessment.value("nakamoto_latest") or 0) > 1


def test_unknown_inputs_and_wrong_types_are_refused(session: Session) -> None:
    with pytest.raises(KeyError, match="no input called"):
        session.assess("edge-ai-market-growth", rainfall=1.0)
    with pytest.raises(TypeError, match="pass a DataFrame"):
        session.assess("edge-ai-market-growth", edge_ai_forecasts=3.0)
    with pytest.raises(KeyError, match="no claim"):
        session.assess("no-such-claim")


def test_the_figures_bundle_is_json_for_tools_and_a_table_for_people(session: Session) -> None:
    bundle = figures_bundle(session.assess("edge-ai-market-growth"))
    assert bundle[FIGURES_MIME]["claim"] == "edge-ai-market-growth"
    assert "forecasts_compared" in bundle["text/plain"] and "<table" in bundle["text/html"]
