"""The claim ledger: each claim of the article beside what the data compute for it.

``plan_ledger`` reads each assessing function's signature to find what it needs (tables,
parameters, the stated values) without loading anything; ``compute_ledger`` calls it.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import pandas as pd

from analysis.result import Assessment, Verdict
from report.datasets import LoadedTable
from report.errors import BuildError, ConfigError
from report.inventory import ClaimSpec
from report.parameters import Parameter
from report.progress import Progress, silent
from report.prose import Value, placeholders, unresolved, without_placeholders
from report.registry import DatasetSpec, Registry

Assessor = Callable[..., Assessment]


@dataclass(frozen=True)
class PlannedClaim:
    """A claim with its assessing function and the inputs that function names."""

    claim: ClaimSpec
    function: Assessor
    tables: tuple[str, ...]
    parameters: tuple[str, ...]
    wants_stated: bool


@dataclass(frozen=True)
class Entry:
    """One row of the ledger."""

    claim: ClaimSpec
    assessment: Assessment
    tables: tuple[str, ...]
    datasets: tuple[str, ...]
    parameters: tuple[Parameter, ...]

    def values(self) -> dict[str, Value]:
        """Everything prose may name: figures, then parameters, then stated values."""
        found: dict[str, Value] = {f.name: (f.value, f.unit) for f in self.assessment.figures}
        found.update({p.name: (p.value, p.unit) for p in self.parameters})
        found.update({f"stated_{k}": (s.value, s.unit) for k, s in self.claim.stated.items()})
        return found

    def value(self, name: str) -> float | None:
        """The number a figure, parameter or ``stated_<name>`` holds, or None if none has it."""
        return self.values().get(name, (None, ""))[0]

    def prose(self) -> dict[str, str]:
        """The prose fields of the assessment by name."""
        a = self.assessment
        return {"summary": a.summary, "method": a.method, "limits": a.limits, "needs": a.needs}


@dataclass(frozen=True)
class Ledger:
    """All entries in article order, with the datasets and parameters they used."""

    entries: tuple[Entry, ...]
    tables: Mapping[str, LoadedTable]
    datasets: Mapping[str, DatasetSpec]  # every dataset some entry used, by id

    def parameters(self) -> dict[str, Parameter]:
        """Every parameter some entry used, by name."""
        return {p.name: p for e in self.entries for p in e.parameters}

    def entry(self, claim_id: str) -> Entry:
        """The entry of the claim ``claim_id``."""
        for item in self.entries:
            if item.claim.id == claim_id:
                return item
        raise KeyError(claim_id)


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


def plan_claim(
    claim: ClaimSpec, registry: Registry, parameters: Mapping[str, Parameter]
) -> PlannedClaim:
    """What ``claim``'s function needs, from the names of its arguments."""
    function = _resolve(claim.assess, claim.id)
    tables: list[str] = []
    params: list[str] = []
    wants_stated = False
    for name in inspect.signature(function).parameters:
        if name == "stated":
            wants_stated = True
        elif name in registry.tables:
            tables.append(name)
        elif name in parameters:
            params.append(name)
        else:
            raise ConfigError(
                f"claim {claim.id!r}: {claim.assess} asks for {name!r}, which is neither a table "
                "in data/datasets, a parameter in data/parameters, nor 'stated'"
            )
    return PlannedClaim(claim, function, tuple(tables), tuple(params), wants_stated)


def plan_ledger(
    claims: list[ClaimSpec], registry: Registry, parameters: Mapping[str, Parameter]
) -> list[PlannedClaim]:
    """The plan of every claim, in article order."""
    return [plan_claim(c, registry, parameters) for c in claims]


def _check(entry: Entry) -> None:
    claim_id = entry.claim.id
    if not isinstance(entry.assessment, Assessment):
        raise BuildError(f"claim {claim_id!r}: the assessing function did not return an Assessment")
    if not isinstance(entry.assessment.verdict, Verdict):
        raise BuildError(f"claim {claim_id!r}: the verdict is not a Verdict")
    names = [f.name for f in entry.assessment.figures]
    if len(names) != len(set(names)):
        raise BuildError(f"claim {claim_id!r}: two figures share a name")
    prose = entry.prose()
    missing = unresolved(prose.values(), entry.values())
    if missing:
        raise BuildError(f"claim {claim_id!r}: prose names unknown values {missing}")
    for field, text in prose.items():
        if any(ch.isdigit() for ch in without_placeholders(text)):
            raise BuildError(
                f"claim {claim_id!r}: the {field} types a number by hand; name a figure in braces instead"
            )


def compute_entry(
    planned: PlannedClaim,
    tables: Mapping[str, LoadedTable],
    registry: Registry,
    parameters: Mapping[str, Parameter],
) -> Entry:
    """Run one claim's assessment on loaded tables."""
    kwargs: dict[str, object] = {}
    for name in planned.tables:
        frame: pd.DataFrame = tables[name].frame
        kwargs[name] = frame.copy()
    for name in planned.parameters:
        kwargs[name] = parameters[name].value
    if planned.wants_stated:
        kwargs["stated"] = dict(planned.claim.stated)
    assessment = planned.function(**kwargs)
    datasets = tuple(sorted({registry.table(t).dataset for t in planned.tables}))
    entry = Entry(
        claim=planned.claim,
        assessment=assessment,
        tables=planned.tables,
        datasets=datasets,
        parameters=tuple(parameters[p] for p in planned.parameters),
    )
    _check(entry)
    return entry


def compute_ledger(
    plan: list[PlannedClaim],
    tables: Mapping[str, LoadedTable],
    registry: Registry,
    parameters: Mapping[str, Parameter],
    progress: Progress = silent,
) -> Ledger:
    """The ledger of every planned claim (each reported to ``progress`` as it is done)."""
    done: list[Entry] = []
    for number, planned in enumerate(plan, start=1):
        done.append(compute_entry(planned, tables, registry, parameters))
        progress(f"assessed {number}/{len(plan)}: {planned.claim.id}")
    entries = tuple(done)
    used = sorted({d for e in entries for d in e.datasets})
    return Ledger(
        entries=entries,
        tables=dict(tables),
        datasets={d: registry.datasets[d] for d in used},
    )


def referenced_names(entry: Entry) -> list[str]:
    """Placeholder names used by an entry's prose (for tests and lints)."""
    return [n for text in entry.prose().values() for n in placeholders(text)]
