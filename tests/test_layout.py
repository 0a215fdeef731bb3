"""The tree is what the README and docs/adding-a-claim.md say it is.

Every claim resolves to a function in its family's analysis package, has a test module
mirroring that function's module, and names a chart of its family (or declares none);
every family TOML has its package; analysis/ holds result.py, measures/ and the families.
"""

from __future__ import annotations

import importlib
import inspect
from pathlib import Path

import pytest

from report.data.inventory import ClaimSpec
from report.pipeline import Project

ROOT = Path(__file__).resolve().parents[1]


def _claims(project: Project) -> list[ClaimSpec]:
    return project.claims


def test_every_family_toml_has_its_analysis_package(project: Project) -> None:
    families = {p.stem for p in (ROOT / "data/claims").glob("*.toml")}
    assert families, "no claim families"
    for family in families:
        assert (ROOT / "analysis" / family / "__init__.py").is_file(), family


def test_analysis_holds_result_measures_and_one_package_per_family() -> None:
    families = {p.stem for p in (ROOT / "data/claims").glob("*.toml")}
    top = {p.name for p in (ROOT / "analysis").iterdir() if p.name != "__pycache__"}
    assert top == {"__init__.py", "result.py", "measures"} | families


def test_every_claim_is_assessed_in_its_family_package(project: Project) -> None:
    for planned in project.plan:
        module = planned.function.__module__
        assert module.startswith(f"analysis.{planned.claim.family}."), (
            f"{planned.claim.id}: {planned.claim.assess} is outside analysis/{planned.claim.family}/"
        )


def test_every_claim_has_a_test_module_mirroring_its_function(project: Project) -> None:
    for planned in project.plan:
        parts = planned.function.__module__.split(".")
        test = ROOT.joinpath("tests", *parts[:-1], f"test_{parts[-1]}.py")
        assert test.is_file(), f"{planned.claim.id}: no {test.relative_to(ROOT)}"
        name = planned.function.__name__
        assert name in test.read_text(encoding="utf-8"), f"{test.name} never calls {name}"


def test_every_claim_names_a_chart_of_its_family_or_none(project: Project) -> None:
    with_chart = [c for c in project.claims if c.chart is not None]
    assert with_chart, "no claim has a chart"
    for claim in with_chart:
        assert claim.chart is not None
        module_name, _, name = claim.chart.partition(".")
        assert module_name == claim.family, f"{claim.id}: chart {claim.chart} is not in its family"
        module = importlib.import_module(f"report.render.charts.{module_name}")
        function = getattr(module, name, None)
        assert callable(function), f"{claim.id}: no chart function {claim.chart}"
        assert list(inspect.signature(function).parameters) == ["entry"]


def test_every_chart_function_is_named_by_some_claim(project: Project) -> None:
    named = {c.chart for c in project.claims if c.chart}
    for path in (ROOT / "report/render/charts").glob("*.py"):
        if path.stem in {"__init__", "style"}:
            continue
        module = importlib.import_module(f"report.render.charts.{path.stem}")
        for name, value in vars(module).items():
            if inspect.isfunction(value) and value.__module__ == module.__name__:
                params = list(inspect.signature(value).parameters)
                if params == ["entry"] and not name.startswith("_"):
                    assert f"{path.stem}.{name}" in named, f"chart {path.stem}.{name} is unused"


@pytest.mark.parametrize("folder", ["analysis", "report"])
def test_tests_mirror_the_package_layout(folder: str) -> None:
    for test in (ROOT / "tests" / folder).rglob("test_*.py"):
        relative = test.relative_to(ROOT / "tests").parent
        assert (ROOT / relative).is_dir(), f"{test.relative_to(ROOT)} mirrors no package"
