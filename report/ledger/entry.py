"""The rows of the ledger: each claim beside what the data computed for it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from analysis.result import Assessment
from report.data.datasets import LoadedTable
from report.data.inventory import ClaimSpec
from report.data.parameters import Parameter
from report.data.registry import DatasetSpec
from report.ledger.prose import Value, placeholders


@dataclass(frozen=True)
class Entry:
    """One row of the ledger."""

    claim: ClaimSpec
    assessment: Assessment
    tables: tuple[str, ...]  # every table read, directly or through a measure
    datasets: tuple[str, ...]
    parameters: tuple[Parameter, ...]  # every parameter used, directly or through a measure

    def values(self) -> dict[str, Value]:
        """Everything prose may name: figures, the margin's threshold, then parameters,
        then stated values."""
        found: dict[str, Value] = {f.name: (f.value, f.unit) for f in self.assessment.figures}
        margin = self.assessment.margin
        if margin is not None:
            found[margin.threshold.name] = (margin.threshold.value, margin.threshold.unit)
        found.update({p.name: (p.value, p.unit) for p in self.parameters})
        found.update({f"stated_{k}": (s.value, s.unit) for k, s in self.claim.stated.items()})
        return found

    def value(self, name: str) -> float | None:
        """The number a figure, parameter or ``stated_<name>`` holds, or None if none has it."""
        return self.values().get(name, (None, ""))[0]

    def prose(self) -> dict[str, str]:
        """The prose fields of the assessment by name."""
        a = self.assessment
        fields = {"summary": a.summary, "method": a.method, "limits": a.limits, "needs": a.needs}
        if a.margin is not None:
            fields["margin"] = a.margin.sentence
        return fields


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


def referenced_names(entry: Entry) -> list[str]:
    """Placeholder names used by an entry's prose (for tests and lints)."""
    return [n for text in entry.prose().values() for n in placeholders(text)]
