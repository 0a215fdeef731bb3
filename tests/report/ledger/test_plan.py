"""Named measures: found by argument name, computed once, shared as copies, checked for cycles."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd
import pytest

from analysis.result import Assessment, Figure, Verdict, measure
from report.data.datasets import load_tables
from report.data.inventory import ClaimSpec
from report.errors import ConfigError
from report.ledger.compute import compute_ledger
from report.ledger.plan import measure_functions, plan_claim
from report.pipeline import Project

CALLS: list[str] = []


@measure
def latest_hashrate_ths(hashrate: pd.DataFrame) -> float:
    CALLS.append("latest_hashrate_ths")
    return float(hashrate["hashrate_ths"].iloc[-1])


@measure
def latest_hashrate_ehs(latest_hashrate_ths: float) -> float:
    CALLS.append("latest_hashrate_ehs")
    return latest_hashrate_ths / 1e6


@measure
def hashrate_copy(hashrate: pd.DataFrame) -> pd.DataFrame:
    CALLS.append("hashrate_copy")
    return hashrate


def assess_with_measure(latest_hashrate_ehs: float) -> Assessment:
    return Assessment(
        Verdict.SUPPORTED,
        "Hashrate is {latest}.",
        (Figure("latest", "Latest", latest_hashrate_ehs, "ehs"),),
        "Reads the last point.",
        "None.",
    )


def assess_that_mutates(hashrate_copy: pd.DataFrame) -> Assessment:
    rows = int((hashrate_copy["hashrate_ths"] > 0).sum())
    hashrate_copy["hashrate_ths"] = 0.0  # a change the next claim must not see
    return Assessment(
        Verdict.SUPPORTED, "{rows} rows.", (Figure("rows", "Rows", rows, "count"),), "m", "l"
    )


def _claim(name: str, function: Callable[..., Any]) -> ClaimSpec:
    return ClaimSpec(name, name, "demo", "quote", f"{__name__}.{function.__name__}", {}, 0)


MEASURES = {f.__name__: f for f in (latest_hashrate_ths, latest_hashrate_ehs, hashrate_copy)}


def test_a_measure_brings_the_tables_it_reads_into_the_claims_plan(project: Project) -> None:
    planned = plan_claim(
        _claim("a", assess_with_measure), project.registry, project.parameters, MEASURES
    )
    assert planned.direct.tables == ()
    assert planned.tables == ("hashrate",)
    assert planned.measures == ("latest_hashrate_ths", "latest_hashrate_ehs")


def test_each_measure_is_computed_once_for_every_claim_that_names_it(project: Project) -> None:
    plan = [
        plan_claim(_claim(n, assess_with_measure), project.registry, project.parameters, MEASURES)
        for n in ("a", "b", "c")
    ]
    tables = load_tables(["hashrate"], project.registry, project.settings)
    CALLS.clear()
    ledger = compute_ledger(plan, tables, project.registry, project.parameters, functions=MEASURES)
    assert CALLS == ["latest_hashrate_ths", "latest_hashrate_ehs"]
    expected = float(tables["hashrate"].frame["hashrate_ths"].iloc[-1]) / 1e6
    assert [e.assessment.value("latest") for e in ledger.entries] == [expected] * 3
    assert all(e.datasets == ("blockchaincom-charts-2026",) for e in ledger.entries)


def test_a_claim_that_changes_a_shared_frame_changes_it_for_no_other(project: Project) -> None:
    plan = [
        plan_claim(_claim(n, assess_that_mutates), project.registry, project.parameters, MEASURES)
        for n in ("first", "second")
    ]
    tables = load_tables(["hashrate"], project.registry, project.settings)
    ledger = compute_ledger(plan, tables, project.registry, project.parameters, functions=MEASURES)
    rows = [e.assessment.value("rows") for e in ledger.entries]
    assert rows[0] == rows[1] == (tables["hashrate"].frame["hashrate_ths"] > 0).sum() > 0


def test_measures_that_depend_on_each_other_in_a_cycle_are_refused(project: Project) -> None:
    def ping(pong: float) -> float:
        return pong

    def pong(ping: float) -> float:
        return ping

    def assess_cycle(ping: float) -> Assessment:
        raise AssertionError("never called")

    globals()["assess_cycle"] = assess_cycle
    with pytest.raises(ConfigError, match="cycle: ping -> pong -> ping"):
        plan_claim(
            _claim("cyc", assess_cycle),
            project.registry,
            project.parameters,
            {"ping": ping, "pong": pong},
        )


def test_a_measure_may_not_ask_for_stated_values(project: Project) -> None:
    def sneaky(stated: dict[str, float]) -> float:
        return 0.0

    def assess_sneaky(sneaky: float) -> Assessment:
        raise AssertionError("never called")

    globals()["assess_sneaky"] = assess_sneaky
    with pytest.raises(ConfigError, match="only claims have stated values"):
        plan_claim(
            _claim("s", assess_sneaky), project.registry, project.parameters, {"sneaky": sneaky}
        )


def test_every_measure_in_analysis_has_a_unique_name_and_is_a_function() -> None:
    found = measure_functions()
    assert all(callable(f) and f.__name__ == name for name, f in found.items())
    assert all(f.__module__.startswith("analysis.") for f in found.values())
