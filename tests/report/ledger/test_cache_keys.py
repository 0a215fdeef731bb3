"""A claim's cache parts name everything its assessment depends on."""

from __future__ import annotations

from dataclasses import replace

from report.ledger.cache_keys import changed_parts, claim_parts, code_closure, parts_key
from report.ledger.plan import measure_functions
from report.pipeline import Project


def test_code_closure_follows_imports_within_analysis() -> None:
    # analysis/pools/trend.py imports these (and, through its package, analysis.pools)
    assert code_closure("analysis.pools.trend") >= {
        "analysis.pools.trend",
        "analysis.pools.concentration_tables",
        "analysis.measures.trend_interval",
        "analysis.measures.pool_shares",
        "analysis.measures.template_sharing",
        "analysis.result",
    }
    assert not any(m.startswith("report") for m in code_closure("analysis.pools.trend"))


def test_parts_cover_every_table_and_the_code_that_runs(project: Project) -> None:
    planned = max(project.plan, key=lambda p: len(p.tables))
    root = project.settings.project_root
    parts = claim_parts(planned, project.registry, project.parameters, "libs", root)
    for table in planned.tables:
        dataset = project.registry.table(table).dataset
        assert f"dataset {dataset} ({table})" in parts, table
    module = planned.function.__module__.replace(".", "/")
    assert f"code {module}.py" in parts and "code analysis/result.py" in parts
    for measure in planned.measures:
        path = measure_functions()[measure].__module__.replace(".", "/")
        assert f"code {path}.py" in parts
    assert parts["libraries"] == "libs" and "claim declaration" in parts


def test_a_changed_parameter_changes_the_key_and_is_named(project: Project) -> None:
    planned = next(p for p in project.plan if p.parameters)
    root = project.settings.project_root
    name = planned.parameters[0]
    old = claim_parts(planned, project.registry, project.parameters, "libs", root)
    changed = dict(project.parameters)
    changed[name] = replace(changed[name], value=changed[name].value + 1)
    new = claim_parts(planned, project.registry, changed, "libs", root)
    assert parts_key(old) != parts_key(new)
    assert changed_parts(old, new) == [f"parameter {name} changed"]


def test_changed_parts_in_words() -> None:
    assert changed_parts(None, {"a": "1"}) == ["not in the cache"]
    assert changed_parts({"a": "1", "b": "2"}, {"a": "1", "c": "3"}) == [
        "c now read",
        "b no longer read",
    ]
