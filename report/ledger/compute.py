"""Compute the ledger: each named measure once, then each claim's assessment."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from analysis.result import Assessment, Margin, Verdict
from report.data.datasets import LoadedTable
from report.data.parameters import Parameter
from report.data.registry import Registry
from report.errors import BuildError
from report.ledger.entry import Entry, Ledger
from report.ledger.plan import (
    Inputs,
    MeasureFunction,
    PlannedClaim,
    inputs_of,
    measure_functions,
)
from report.ledger.prose import unresolved, without_placeholders
from report.progress import Progress, silent


def _check_margin(claim_id: str, verdict: Verdict, margin: Margin | None, entry: Entry) -> None:
    """A margin names a value the claim has, in its unit, flips to another verdict, and
    its sentence names the threshold; a claim that is not checkable has none."""
    if margin is None:
        return
    where = f"claim {claim_id!r}: the margin"
    if verdict is Verdict.NOT_CHECKABLE:
        raise BuildError(f"{where}: a claim that is not checkable has no margin; drop it")
    if margin.flips_to is verdict:
        raise BuildError(f"{where} flips to {verdict.value!r}, the verdict it already has")
    values = entry.values()
    if margin.deciding not in values or margin.deciding == margin.threshold.name:
        raise BuildError(
            f"{where} is decided by {margin.deciding!r}, which is no figure, parameter or "
            "stated value of the claim; name one of them"
        )
    unit = values[margin.deciding][1]
    if unit != margin.threshold.unit:
        raise BuildError(
            f"{where}: the threshold is in {margin.threshold.unit!r} but {margin.deciding!r} "
            f"is in {unit!r}; give it the deciding value's unit"
        )
    if f"{{{margin.threshold.name}}}" not in margin.sentence:
        raise BuildError(
            f"{where}: the sentence must name its threshold {{{margin.threshold.name}}}"
        )


def _check(entry: Entry) -> None:
    claim_id = entry.claim.id
    if not isinstance(entry.assessment, Assessment):
        raise BuildError(f"claim {claim_id!r}: the assessing function did not return an Assessment")
    if not isinstance(entry.assessment.verdict, Verdict):
        raise BuildError(f"claim {claim_id!r}: the verdict is not a Verdict")
    names = [f.name for f in entry.assessment.figures]
    if len(names) != len(set(names)):
        raise BuildError(f"claim {claim_id!r}: two figures share a name")
    margin = entry.assessment.margin
    if margin is not None and margin.threshold.name in names:
        raise BuildError(f"claim {claim_id!r}: the margin's threshold shares a figure's name")
    _check_margin(claim_id, entry.assessment.verdict, margin, entry)
    prose = entry.prose()
    missing = unresolved(prose.values(), entry.values())
    if missing:
        raise BuildError(f"claim {claim_id!r}: prose names unknown values {missing}")
    for field, text in prose.items():
        if any(ch.isdigit() for ch in without_placeholders(text)):
            raise BuildError(
                f"claim {claim_id!r}: the {field} types a number by hand; name a figure in braces instead"
            )


def _handed_out(value: Any) -> Any:
    """A copy of a frame, so that no function can change what another is handed."""
    return value.copy() if isinstance(value, pd.DataFrame | pd.Series) else value


class MeasureCache:
    """Each named measure's value, computed on first use and kept for the build."""

    def __init__(
        self,
        tables: Mapping[str, LoadedTable],
        parameters: Mapping[str, Parameter],
        registry: Registry,
        functions: Mapping[str, MeasureFunction] | None = None,
    ) -> None:
        self._functions = measure_functions() if functions is None else functions
        self._tables = tables
        self._parameters = parameters
        self._registry = registry
        self._values: dict[str, Any] = {}

    def arguments(self, inputs: Inputs) -> dict[str, Any]:
        """The keyword arguments a function with ``inputs`` is called with."""
        kwargs: dict[str, Any] = {}
        for name in inputs.tables:
            kwargs[name] = self._tables[name].frame.copy()
        for name in inputs.parameters:
            kwargs[name] = self._parameters[name].value
        for name in inputs.measures:
            kwargs[name] = _handed_out(self.value(name))
        return kwargs

    def value(self, name: str) -> Any:
        """The value of the measure ``name``, computed once."""
        if name not in self._values:
            function = self._functions[name]
            inputs = inputs_of(
                function, f"measure {name!r}", self._registry, self._parameters, self._functions
            )
            self._values[name] = function(**self.arguments(inputs))
        return self._values[name]


def compute_entry(
    planned: PlannedClaim,
    tables: Mapping[str, LoadedTable],
    registry: Registry,
    parameters: Mapping[str, Parameter],
    measures: MeasureCache | None = None,
) -> Entry:
    """Run one claim's assessment on loaded tables (sharing ``measures`` if given)."""
    cache = measures if measures is not None else MeasureCache(tables, parameters, registry)
    kwargs = cache.arguments(planned.direct)
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
    functions: Mapping[str, MeasureFunction] | None = None,
) -> Ledger:
    """The ledger of every planned claim (each reported to ``progress`` as it is done);
    each named measure (from ``functions``, by default all of ``analysis``) is computed once."""
    measures = MeasureCache(tables, parameters, registry, functions)
    done: list[Entry] = []
    for number, planned in enumerate(plan, start=1):
        done.append(compute_entry(planned, tables, registry, parameters, measures))
        progress(f"assessed {number}/{len(plan)}: {planned.claim.id}")
    entries = tuple(done)
    used = sorted({d for e in entries for d in e.datasets})
    return Ledger(
        entries=entries,
        tables=dict(tables),
        datasets={d: registry.datasets[d] for d in used},
    )
