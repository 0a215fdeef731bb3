"""Per-claim assessment cache: a claim is recomputed only when a part it depends on
changed (:mod:`report.ledger.cache_keys`); tables are loaded only for the claims that are.

Assessments are stored as pickles under ``<cache>/assessments/`` (the folder is as
trusted as the code: only this project writes it), each named by its key, with an index
of the parts last seen for each claim so ``build --explain`` can say what changed.
"""

from __future__ import annotations

import contextlib
import json
import os
import pickle
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from analysis.result import Assessment
from report.data.datasets import load_tables
from report.ledger.cache_keys import Parts, changed_parts, claim_parts, libraries_digest, parts_key
from report.ledger.compute import MeasureCache, compute_entry, entry_of
from report.ledger.entry import Entry, Ledger
from report.ledger.plan import PlannedClaim
from report.pipeline import Project
from report.progress import Progress, silent
from report.versions.provenance import locked_packages, python_version

_FORMAT = b"claimcheck-assessment-1\n"


@dataclass(frozen=True)
class Decision:
    """Whether one claim came from the cache, and if not, why it was recomputed."""

    claim_id: str
    cached: bool
    reasons: tuple[str, ...] = ()

    def line(self) -> str:
        """One line for ``build --explain``: the claim id, then the decision."""
        if self.cached:
            return f"{self.claim_id} cached"
        return f"{self.claim_id} recomputed: {'; '.join(self.reasons)}"


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=".part-")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(name, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(name)


class AssessmentCache:
    """Assessments by key, and the parts each claim had when last computed."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        try:
            index = json.loads((folder / "index.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            index = {}
        self.index: dict[str, Parts] = index if isinstance(index, dict) else {}

    def load(self, key: str) -> Assessment | None:
        """The stored assessment of ``key``, or None when absent or unreadable."""
        try:
            data = (self.folder / f"{key}.pickle").read_bytes()
            if not data.startswith(_FORMAT):
                return None
            value = pickle.loads(data[len(_FORMAT) :])
        except Exception:  # a damaged entry is only a miss
            return None
        return value if isinstance(value, Assessment) else None

    def store(self, claim_id: str, parts: Parts, assessment: Assessment) -> None:
        """Keep ``assessment`` under the key of ``parts`` (best effort)."""
        self.index[claim_id] = parts
        with contextlib.suppress(OSError, pickle.PicklingError, TypeError, AttributeError):
            data = _FORMAT + pickle.dumps(assessment, protocol=pickle.HIGHEST_PROTOCOL)
            _atomic_write(self.folder / f"{parts_key(parts)}.pickle", data)

    def save_index(self) -> None:
        """Write the index of last-seen parts (best effort)."""
        with contextlib.suppress(OSError):
            text = json.dumps(self.index, indent=1, sort_keys=True)
            _atomic_write(self.folder / "index.json", text.encode())


def assessment_cache(project: Project) -> AssessmentCache:
    """The assessment cache of this project's settings."""
    return AssessmentCache(project.settings.cache_dir / "assessments")


@cache
def _libraries(lock: Path) -> str:
    return libraries_digest(python_version(), locked_packages(lock))


def plan_parts(project: Project) -> dict[str, Parts]:
    """The parts of every planned claim, by claim id."""
    root = project.settings.project_root
    libraries = _libraries(root / "requirements.lock")
    return {
        p.claim.id: claim_parts(p, project.registry, project.parameters, libraries, root)
        for p in project.plan
    }


Choice = tuple[PlannedClaim, Decision, Parts, Assessment | None]


def decide(project: Project, cache: AssessmentCache, use_cache: bool = True) -> list[Choice]:
    """For every claim: its decision, its parts and the stored assessment it may reuse."""
    parts = plan_parts(project)
    choices: list[Choice] = []
    for planned in project.plan:
        claim_id = planned.claim.id
        mine = parts[claim_id]
        stored = cache.load(parts_key(mine)) if use_cache else None
        if not use_cache:
            decision = Decision(claim_id, False, ("--no-cache",))
        elif stored is not None:
            decision = Decision(claim_id, True)
        else:
            reasons = changed_parts(cache.index.get(claim_id), mine)
            decision = Decision(claim_id, False, tuple(reasons or ["its cache entry is missing"]))
        choices.append((planned, decision, mine, stored))
    return choices


def compute_cached(
    project: Project, progress: Progress = silent, use_cache: bool = True
) -> tuple[Ledger, list[Decision]]:
    """The ledger, reusing every assessment whose parts are unchanged."""
    cache = assessment_cache(project)
    choices = decide(project, cache, use_cache)
    redo = [planned for planned, _, _, stored in choices if stored is None]
    needed = sorted({t for planned in redo for t in planned.tables})
    progress(f"{len(choices) - len(redo)} claims cached; loading {len(needed)} tables")
    tables = load_tables(needed, project.registry, project.settings)
    measures = MeasureCache(tables, project.parameters, project.registry)
    entries: list[Entry] = []
    for number, (planned, _, parts, stored) in enumerate(choices, start=1):
        if stored is not None:
            cache.index[planned.claim.id] = parts
            entries.append(entry_of(planned, stored, project.registry, project.parameters))
            continue
        entry = compute_entry(planned, tables, project.registry, project.parameters, measures)
        cache.store(planned.claim.id, parts, entry.assessment)
        entries.append(entry)
        progress(f"assessed {number}/{len(choices)}: {planned.claim.id}")
    cache.save_index()
    used = sorted({d for e in entries for d in e.datasets})
    ledger = Ledger(
        entries=tuple(entries),
        tables=dict(tables),
        datasets={d: project.registry.datasets[d] for d in used},
    )
    return ledger, [decision for _, decision, _, _ in choices]
