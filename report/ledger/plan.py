"""What each claim needs, read from the names of its assessing function's arguments.

An argument is a table (``data/datasets``), a parameter (``data/parameters``), the
claim's ``stated`` values, or a named measure: a function in ``analysis`` marked with
:func:`analysis.result.measure`, computed once per build from its own named inputs and
handed to every claim that names it. Nothing is loaded here.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from types import ModuleType
from typing import Any

import analysis
from analysis.result import MEASURE_MARK, Assessment
from report.data.inventory import ClaimSpec
from report.data.parameters import Parameter
from report.data.registry import Registry
from report.errors import ConfigError

Assessor = Callable[..., Assessment]
MeasureFunction = Callable[..., Any]


@dataclass(frozen=True)
class Inputs:
    """The named inputs of one function, sorted by kind."""

    tables: tuple[str, ...]
    parameters: tuple[str, ...]
    measures: tuple[str, ...]
    wants_stated: bool


@dataclass(frozen=True)
class PlannedClaim:
    """A claim with its assessing function and the inputs that function names.

    ``tables`` and ``parameters`` are everything the claim reads, directly or through
    the measures it names, in the order the registry and parameter files declare them; ``direct`` is what its own signature asks for.
    """

    claim: ClaimSpec
    function: Assessor
    direct: Inputs
    tables: tuple[str, ...]
    parameters: tuple[str, ...]
    measures: tuple[str, ...]  # every measure needed, in an order that computes each once

    @property
    def wants_stated(self) -> bool:
        """Whether the function takes the claim's stated values."""
        return self.direct.wants_stated


def _modules(package: ModuleType) -> Iterable[ModuleType]:
    names = sorted(m.name for m in pkgutil.walk_packages(package.__path__, package.__name__ + "."))
    for name in names:
        yield importlib.import_module(name)


@cache
def measure_functions() -> dict[str, MeasureFunction]:
    """Every named measure defined in the ``analysis`` package, by name."""
    found: dict[str, MeasureFunction] = {}
    for module in _modules(analysis):
        for name, value in vars(module).items():
            if not (callable(value) and getattr(value, MEASURE_MARK, False)):
                continue
            if getattr(value, "__module__", None) != module.__name__:
                continue  # imported from elsewhere; counted where it is defined
            if name in found:
                raise ConfigError(
                    f"two measures are called {name!r}: {found[name].__module__} and "
                    f"{module.__name__}; rename one"
                )
            found[name] = value
    return found


def _resolve(dotted: str, claim_id: str) -> Assessor:
    module_name, _, attr = dotted.rpartition(".")
    try:
        module = importlib.import_module(module_name)
        function = getattr(module, attr)
    except (ImportError, AttributeError) as exc:
        raise ConfigError(
            f"claim {claim_id!r}: cannot find assessing function {dotted}: {exc}"
        ) from None
    if not callable(function):
        raise ConfigError(f"claim {claim_id!r}: {dotted} is not a function")
    return function  # type: ignore[no-any-return]


def inputs_of(
    function: Callable[..., Any],
    who: str,
    registry: Registry,
    parameters: Mapping[str, Parameter],
    measures: Mapping[str, MeasureFunction],
) -> Inputs:
    """Sort ``function``'s argument names into tables, parameters, measures and ``stated``."""
    tables: list[str] = []
    params: list[str] = []
    wanted: list[str] = []
    wants_stated = False
    for name in inspect.signature(function).parameters:
        if name == "stated":
            wants_stated = True
        elif name in registry.tables:
            tables.append(name)
        elif name in parameters:
            params.append(name)
        elif name in measures:
            wanted.append(name)
        else:
            raise ConfigError(
                f"{who} asks for {name!r}, which is neither a table in data/datasets, a "
                "parameter in data/parameters, a measure marked @measure in analysis/, "
                "nor 'stated'"
            )
    return Inputs(tuple(tables), tuple(params), tuple(wanted), wants_stated)


def _measure_order(
    roots: Iterable[str],
    registry: Registry,
    parameters: Mapping[str, Parameter],
    measures: Mapping[str, MeasureFunction],
) -> tuple[list[str], set[str], set[str]]:
    """Measures needed by ``roots`` (dependencies first), and the tables and parameters
    they read."""
    order: list[str] = []
    tables: set[str] = set()
    params: set[str] = set()
    visiting: list[str] = []

    def visit(name: str) -> None:
        if name in order:
            return
        if name in visiting:
            cycle = " -> ".join([*visiting[visiting.index(name) :], name])
            raise ConfigError(f"measures depend on each other in a cycle: {cycle}")
        visiting.append(name)
        function = measures[name]
        found = inputs_of(function, f"measure {name!r}", registry, parameters, measures)
        if found.wants_stated:
            raise ConfigError(f"measure {name!r} asks for 'stated'; only claims have stated values")
        tables.update(found.tables)
        params.update(found.parameters)
        for dependency in found.measures:
            visit(dependency)
        visiting.pop()
        order.append(name)

    for root in roots:
        visit(root)
    return order, tables, params


def _in_order_of(declared: Iterable[str], names: set[str]) -> tuple[str, ...]:
    """``names`` in the order they are declared (so no refactoring reorders a report)."""
    return tuple(name for name in declared if name in names)


def plan_claim(
    claim: ClaimSpec,
    registry: Registry,
    parameters: Mapping[str, Parameter],
    measures: Mapping[str, MeasureFunction] | None = None,
) -> PlannedClaim:
    """What ``claim``'s function needs, from the names of its arguments (``measures``:
    the named measures to choose from, by default every one in ``analysis``)."""
    function = _resolve(claim.assess, claim.id)
    measures = measure_functions() if measures is None else measures
    direct = inputs_of(
        function, f"claim {claim.id!r}: {claim.assess}", registry, parameters, measures
    )
    order, tables, params = _measure_order(direct.measures, registry, parameters, measures)
    return PlannedClaim(
        claim=claim,
        function=function,
        direct=direct,
        tables=_in_order_of(registry.tables, tables | set(direct.tables)),
        parameters=_in_order_of(parameters, params | set(direct.parameters)),
        measures=tuple(order),
    )


def plan_ledger(
    claims: list[ClaimSpec], registry: Registry, parameters: Mapping[str, Parameter]
) -> list[PlannedClaim]:
    """The plan of every claim, in article order."""
    return [plan_claim(c, registry, parameters) for c in claims]
