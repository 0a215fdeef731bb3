"""What changed between two versions, claim by claim: figures (old, new, relative change),
verdicts, claims added or removed, reworded text, and input files whose snapshot changed.

``diff_versions`` returns plain frozen values; ``diff_document`` turns them into the JSON
document described in ``docs/diff-json.md``.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Any

from report.review.fingerprint import words
from report.review.versions import Version

FORMAT = 1
TEXT_FIELDS = ("title", "quote", "method", "limits", "needs")
# Calendar figures have no meaningful relative change: a moved date is always shown.
CALENDAR_UNITS = frozenset({"date", "month", "year"})
Value = float | int | str | None


@dataclass(frozen=True)
class FigureChange:
    """One figure whose value differs (``old`` or ``new`` is None if it appeared or went)."""

    name: str
    label: str
    unit: str
    old: Value
    new: Value
    old_text: str
    new_text: str

    @property
    def relative(self) -> float | None:
        """(new - old) / |old|; None when either side is missing or not a number, the old
        value is 0, or the figure is a date, month or year."""
        old, new = self.old, self.new
        if self.unit in CALENDAR_UNITS or not (_is_number(old) and _is_number(new)):
            return None
        assert isinstance(old, int | float) and isinstance(new, int | float)
        if old == 0:
            return None
        try:
            change = (new - old) / abs(old)
        except OverflowError:  # a hand-edited integer beyond any float
            return None
        return change if math.isfinite(change) else None

    def shown_at(self, rtol: float) -> bool:
        """Whether the change is at least ``rtol`` (changes without a ratio always are)."""
        rel = self.relative
        return rel is None or abs(rel) >= rtol


@dataclass(frozen=True)
class InputChange:
    """One input file whose sha256 differs, appeared or went."""

    dataset: str
    file: str
    old: str | None
    new: str | None


@dataclass(frozen=True)
class ClaimDiff:
    """How one claim differs; ``status`` is added, removed, changed or unchanged."""

    id: str
    title: str
    status: str
    figures: tuple[FigureChange, ...] = ()
    verdict: tuple[str, str] | None = None
    reworded: tuple[str, ...] = ()
    stated_changed: bool = False
    inputs: tuple[str, ...] = ()


@dataclass(frozen=True)
class VersionDiff:
    """Every claim's difference between ``old`` and ``new``."""

    old: str
    new: str
    claims: tuple[ClaimDiff, ...]
    inputs: tuple[InputChange, ...]

    def changed(self) -> tuple[ClaimDiff, ...]:
        return tuple(c for c in self.claims if c.status != "unchanged")

    def filtered(self, rtol: float) -> VersionDiff:
        """The same, without figure changes smaller than ``rtol`` (a claim left with no
        change at all counts as unchanged)."""
        claims = []
        for claim in self.claims:
            figures = tuple(f for f in claim.figures if f.shown_at(rtol))
            kept = _with_figures(claim, figures)
            claims.append(kept)
        return VersionDiff(self.old, self.new, tuple(claims), self.inputs)


def _with_figures(claim: ClaimDiff, figures: tuple[FigureChange, ...]) -> ClaimDiff:
    still = figures or claim.verdict or claim.reworded or claim.stated_changed or claim.inputs
    status = claim.status if claim.status != "changed" or still else "unchanged"
    return ClaimDiff(
        claim.id,
        claim.title,
        status,
        figures,
        claim.verdict,
        claim.reworded,
        claim.stated_changed,
        claim.inputs,
    )


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _calendar_text(value: object, unit: str) -> object:
    """A date or month written as a day ordinal (``claims.json`` format 1) as the ISO text
    format 2 writes, so versions of either format compare; anything else as it is."""
    if unit not in {"date", "month"} or not _is_number(value):
        return value
    try:
        text = dt.date.fromordinal(int(value)).isoformat()  # type: ignore[call-overload]
    except (ValueError, OverflowError):
        return value
    return text if unit == "date" else text[:7]


def _details(claim: dict[str, Any]) -> dict[str, dict[str, Any]]:
    found = claim.get("figure_details", [])
    rows = (
        [d for d in found if isinstance(d, dict) and "name" in d] if isinstance(found, list) else []
    )
    details = {str(d["name"]): d for d in rows}
    figures = claim.get("figures", {})
    for name, value in figures.items() if isinstance(figures, dict) else ():
        details.setdefault(name, {"name": name, "label": name, "unit": "", "value": value})
    return {
        name: {**d, "value": _calendar_text(d.get("value"), str(d.get("unit", "")))}
        for name, d in details.items()
    }


def _same(a: object, b: object) -> bool:
    if a is None or b is None:
        return a is b
    nan = isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b)
    return a == b or nan


def figure_changes(old: dict[str, Any], new: dict[str, Any]) -> tuple[FigureChange, ...]:
    """The figures of one claim whose values differ, in the new version's order."""
    before, after = _details(old), _details(new)
    names = list(after) + [n for n in before if n not in after]
    changes = []
    for name in names:
        a, b = before.get(name, {}), after.get(name, {})
        old_value, new_value = a.get("value"), b.get("value")
        if _same(old_value, new_value):
            continue
        meta = b or a
        changes.append(
            FigureChange(
                name,
                str(meta.get("label", name)),
                str(meta.get("unit", "")),
                old_value,
                new_value,
                str(a.get("formatted", "")),
                str(b.get("formatted", "")),
            )
        )
    return tuple(changes)


def _changed_inputs(old: Version, new: Version, claim: dict[str, Any]) -> tuple[str, ...]:
    sources = sorted(set(claim.get("sources", [])))
    return tuple(s for s in sources if old.input_hashes.get(s) != new.input_hashes.get(s))


def claim_diff(old: Version, new: Version, claim_id: str) -> ClaimDiff:
    """How one claim present in both versions differs."""
    a, b = old.claims[claim_id], new.claims[claim_id]
    figures = figure_changes(a, b)
    verdict = (a["verdict"], b["verdict"]) if a["verdict"] != b["verdict"] else None
    reworded = tuple(f for f in TEXT_FIELDS if words(a.get(f, "")) != words(b.get(f, "")))
    stated = a.get("stated", {}) != b.get("stated", {})
    inputs = _changed_inputs(old, new, b)
    changed = bool(figures or verdict or reworded or stated or inputs)
    status = "changed" if changed else "unchanged"
    return ClaimDiff(
        claim_id, b.get("title", claim_id), status, figures, verdict, reworded, stated, inputs
    )


def input_changes(old: Version, new: Version) -> tuple[InputChange, ...]:
    """Every input file whose sha256 differs between the versions."""
    a, b = old.input_hashes, new.input_hashes
    changes = []
    for dataset in sorted(set(a) | set(b)):
        files_a, files_b = a.get(dataset, {}), b.get(dataset, {})
        for name in sorted(set(files_a) | set(files_b)):
            if files_a.get(name) != files_b.get(name):
                changes.append(InputChange(dataset, name, files_a.get(name), files_b.get(name)))
    return tuple(changes)


def diff_versions(old: Version, new: Version) -> VersionDiff:
    """Every claim's difference from ``old`` to ``new``, in the new version's order, with
    removed claims last."""
    claims = []
    for claim_id, claim in new.claims.items():
        if claim_id in old.claims:
            claims.append(claim_diff(old, new, claim_id))
        else:
            claims.append(ClaimDiff(claim_id, claim.get("title", claim_id), "added"))
    for claim_id, claim in old.claims.items():
        if claim_id not in new.claims:
            claims.append(ClaimDiff(claim_id, claim.get("title", claim_id), "removed"))
    return VersionDiff(old.id, new.id, tuple(claims), input_changes(old, new))


def _json_safe(value: Value) -> Value:
    """Strict JSON has no NaN or infinity: such a value is written as its text."""
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    return value


def _figure_json(change: FigureChange) -> dict[str, Any]:
    return {
        "name": change.name,
        "label": change.label,
        "unit": change.unit,
        "old": _json_safe(change.old),
        "new": _json_safe(change.new),
        "old_formatted": change.old_text,
        "new_formatted": change.new_text,
        "relative_change": change.relative,
    }


def _claim_json(claim: ClaimDiff) -> dict[str, Any]:
    return {
        "id": claim.id,
        "title": claim.title,
        "status": claim.status,
        "figures": [_figure_json(f) for f in claim.figures],
        "verdict": None
        if claim.verdict is None
        else {"old": claim.verdict[0], "new": claim.verdict[1]},
        "reworded": list(claim.reworded),
        "stated_changed": claim.stated_changed,
        "inputs_changed": list(claim.inputs),
    }


def diff_document(diff: VersionDiff, rtol: float) -> dict[str, Any]:
    """The diff as one JSON-ready document (only claims that changed)."""
    changed = diff.changed()
    return {
        "format": FORMAT,
        "old": diff.old,
        "new": diff.new,
        "rtol": rtol,
        "summary": {
            "claims_changed": sum(c.status == "changed" for c in changed),
            "claims_added": sum(c.status == "added" for c in changed),
            "claims_removed": sum(c.status == "removed" for c in changed),
            "figures_changed": sum(len(c.figures) for c in changed),
            "verdicts_flipped": sum(c.verdict is not None for c in changed),
            "inputs_changed": len(diff.inputs),
        },
        "claims": [_claim_json(c) for c in changed],
        "inputs": [
            {"dataset": i.dataset, "file": i.file, "old_sha256": i.old, "new_sha256": i.new}
            for i in diff.inputs
        ],
    }
