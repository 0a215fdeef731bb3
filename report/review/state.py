"""Which claims of a version need an editor, and why; the QA log as CSV.

A claim is signed off when the log holds a sign-off of its current fingerprint. Otherwise
it awaits review: as new (absent from the version before), never signed off, or with the
parts that changed since its last sign-off (figures, verdict, wording, chart, inputs).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from report.review.fingerprint import REASONS, Fingerprint, fingerprints
from report.review.log import SignOff, approved_fingerprints, latest_signoffs, read_log
from report.review.versions import Version


@dataclass(frozen=True)
class ClaimState:
    """One claim's review state in one version."""

    claim: str
    title: str
    fingerprint: Fingerprint
    signoff: SignOff | None
    reasons: tuple[str, ...]

    @property
    def signed_off(self) -> bool:
        return self.signoff is not None


def _reasons(fp: Fingerprint, last: SignOff | None, is_new: bool) -> tuple[str, ...]:
    if last is None:
        return ("new",) if is_new else ("never signed off",)
    found: list[str] = []
    for part in fp.changed_parts(last.parts):
        if REASONS[part] not in found:
            found.append(REASONS[part])
    return tuple(found)


def review_states(version: Version, before: Version | None, log: Path) -> list[ClaimState]:
    """Every claim of ``version`` with its state, in report order."""
    entries = read_log(log)
    approved = approved_fingerprints(entries)
    last = latest_signoffs(entries)
    states = []
    for claim_id, fp in fingerprints(version).items():
        title = str(version.claims[claim_id].get("title", claim_id))
        signoff = approved.get((claim_id, fp.digest))
        is_new = before is not None and claim_id not in before.claims
        reasons = () if signoff else _reasons(fp, last.get(claim_id), is_new)
        states.append(ClaimState(claim_id, title, fp, signoff, reasons))
    return states


def awaiting(states: list[ClaimState]) -> list[ClaimState]:
    """The claims that still need an editor."""
    return [s for s in states if not s.signed_off]


QA_COLUMNS = (
    "entry",
    "signed_at_utc",
    "checked_by",
    "claim",
    "version",
    "fingerprint",
    "note",
    "entry_sha256",
)


def qa_csv(entries: list[SignOff]) -> str:
    """The QA log: who checked which claim, when, against which version, one row each."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(QA_COLUMNS)
    for e in entries:
        row = [e.seq, e.at, e.by, e.claim, e.version, e.fingerprint, e.note, e.hash]
        writer.writerow([_inert(str(cell)) for cell in row])
    return buffer.getvalue()


def _inert(cell: str) -> str:
    """A cell a spreadsheet will not run as a formula (a leading ' when it could be one)."""
    return "'" + cell if cell[:1] in {"=", "+", "-", "@", "\t", "\r"} else cell
