"""The ledger as a table in the terminal (``python -m report claims``).

The table wraps to the terminal's width; a verdict is never wrapped or cut. Findings
are shown when the terminal is wide enough to read them (or always with ``findings``).
"""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from analysis.result import Verdict
from report.ledger.entry import Ledger
from report.ledger.prose import fill
from report.render.format import format_value

VERDICT_STYLE = {
    Verdict.SUPPORTED: "green",
    Verdict.PARTLY_SUPPORTED: "yellow",
    Verdict.CONTRADICTED: "red",
    Verdict.NOT_CHECKABLE: "dim",
}
VERDICT_WIDTH = max(len(v.value) for v in Verdict)
FINDINGS_FROM = 110  # columns from which the findings fit beside the figures


def ledger_table(ledger: Ledger, findings: bool = True) -> Table:
    """One row per claim: id (and stated figure), verdict, headline figure, finding."""
    table = Table(title="Claim ledger", show_lines=True, expand=True)
    table.add_column("Claim", overflow="fold", ratio=3)
    table.add_column("Verdict", no_wrap=True, min_width=VERDICT_WIDTH)
    table.add_column("Computed", overflow="fold", ratio=3)
    if findings:
        table.add_column("Finding", overflow="fold", ratio=6)
    for entry in ledger.entries:
        a = entry.assessment
        stated = "; ".join(s.text for s in entry.claim.stated.values())
        claim = entry.claim.id + (f"\n[dim]states {stated}[/]" if stated else "")
        head = a.figures[0] if a.figures else None
        computed = (
            f"{format_value(head.value, head.unit)} [dim]{head.label}[/]"
            if head
            else "[dim]not checkable with current data[/]"
        )
        cells = [claim, f"[{VERDICT_STYLE[a.verdict]}]{a.verdict.value}[/]", computed]
        if findings:
            cells.append(fill(a.summary, entry.values()))
        table.add_row(*cells)
    return table


def tally(ledger: Ledger) -> str:
    """``14 supported, 12 partly supported, …`` in the report's verdict order."""
    counts = {v: sum(e.assessment.verdict is v for e in ledger.entries) for v in Verdict}
    return ", ".join(f"{n} {v.value}" for v, n in counts.items())


def print_ledger(
    ledger: Ledger, console: Console | None = None, findings: bool | None = None
) -> None:
    """Print the ledger table and a count of verdicts."""
    console = console or Console()
    show = console.width >= FINDINGS_FROM if findings is None else findings
    console.print(ledger_table(ledger, show))
    console.print(f"{len(ledger.entries)} claims: {tally(ledger)}")
    if not show:
        console.print("[dim]Findings are shown from a terminal width of 110 columns.[/]")
