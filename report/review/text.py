"""The diff and the review state as lines for the terminal."""

from __future__ import annotations

from report.review.diff import ClaimDiff, VersionDiff
from report.review.state import ClaimState


def _percent(rel: float | None) -> str:
    return "new ratio undefined" if rel is None else f"{rel:+.2%}"


def _claim_lines(claim: ClaimDiff) -> list[str]:
    lines = [f"{claim.status:>9}  {claim.id}: {claim.title}"]
    for f in claim.figures:
        old = f.old_text or ("absent" if f.old is None else repr(f.old))
        new = f.new_text or ("absent" if f.new is None else repr(f.new))
        rel = "" if f.relative is None else f" ({_percent(f.relative)})"
        lines.append(f"           figure {f.name} ({f.label}): {old} -> {new}{rel}")
    if claim.verdict:
        lines.append(f"           verdict: {claim.verdict[0]} -> {claim.verdict[1]}")
    if claim.reworded:
        lines.append("           reworded: " + ", ".join(claim.reworded))
    if claim.stated_changed:
        lines.append("           stated values changed")
    if claim.inputs:
        lines.append("           inputs changed: " + ", ".join(claim.inputs))
    return lines


def diff_lines(diff: VersionDiff) -> list[str]:
    """Every changed claim, then every changed input file."""
    changed = diff.changed()
    lines = [f"diff {diff.old} -> {diff.new}: {len(changed)} claims changed"]
    for claim in changed:
        lines.extend(_claim_lines(claim))
    for item in diff.inputs:
        old, new = (item.old or "absent")[:12], (item.new or "absent")[:12]
        lines.append(f"    input  {item.dataset}/{item.file}: {old} -> {new}")
    if not changed and not diff.inputs:
        lines.append("no claim, figure or input changed")
    return lines


def review_lines(version: str, states: list[ClaimState]) -> list[str]:
    """The claims awaiting review and why, or a line saying none is."""
    waiting = [s for s in states if not s.signed_off]
    if not waiting:
        return [f"version {version}: all {len(states)} claims signed off"]
    lines = [f"version {version}: {len(waiting)} of {len(states)} claims need an editor"]
    lines += [f"  {s.claim}: {', '.join(s.reasons)}" for s in waiting]
    return lines
