"""The ledger as a table in the terminal (``python -m report claims``)."""

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


def ledger_table(ledger: Ledger) -> Table:
    """One row per claim: id, verdict, stated, headline figure and the finding."""
    table = Table(title="Claim ledger", show_lines=True, expand=True)
    table.add_column("Claim", overflow="fold", ratio=2)
    table.add_column("Verdict", ratio=1)
    table.add_column("Stated", overflow="fold", ratio=2)
    table.add_column("Computed", overflow="fold", ratio=2)
    table.add_column("Finding", overflow="fold", ratio=5)
    for entry in ledger.entries:
        a = entry.assessment
        stated = "; ".join(s.text for s in entry.claim.stated.values()) or "(no figure)"
        head = a.figures[0] if a.figures else None
        computed = f"{head.label}: {format_value(head.value, head.unit)}" if head else "n/a"
        table.add_row(
            entry.claim.id,
            f"[{VERDICT_STYLE[a.verdict]}]{a.verdict.value}[/]",
            stated,
            computed,
            fill(a.summary, entry.values()),
        )
    return table


def print_ledger(ledger: Ledger, console: Console | None = None) -> None:
    """Print the ledger table and a count of verdicts."""
    console = console or Console()
    console.print(ledger_table(ledger))
    counts = {v: sum(e.assessment.verdict is v for e in ledger.entries) for v in Verdict}
    console.print(", ".join(f"{n} {v.value}" for v, n in counts.items()))
