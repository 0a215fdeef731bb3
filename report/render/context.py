"""The plain values the HTML and Typst templates read: one view per claim, the datasets
and the build. Numbers stay numbers here (value and unit); templates write them through
the ``fmt`` filter (:func:`report.render.format.format_value`), and prose is split into text and
values so a template can mark each filled value.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from analysis.result import Citation, Figure, Stated, Verdict
from report.data.parameters import Parameter
from report.data.registry import DatasetSpec
from report.ledger.entry import Entry, Ledger
from report.ledger.prose import PLACEHOLDER, Value, fill
from report.render.svg import ChartSVG, safe_claim_id
from report.versions.buildinfo import BuildInfo

VERDICT_ORDER = (
    Verdict.SUPPORTED,
    Verdict.PARTLY_SUPPORTED,
    Verdict.CONTRADICTED,
    Verdict.NOT_CHECKABLE,
)


@dataclass(frozen=True)
class Part:
    """A piece of prose: plain text, or a value (number and unit) to format."""

    text: str = ""
    number: float | None = None
    unit: str = ""

    @property
    def is_value(self) -> bool:
        """Whether this part is a filled placeholder."""
        return bool(self.unit)


@dataclass(frozen=True)
class Prose:
    """One prose field: its parts, and the same text filled (for plain-text uses)."""

    parts: tuple[Part, ...]
    text: str

    def __bool__(self) -> bool:
        return bool(self.text.strip())


def prose(text: str, values: Mapping[str, Value]) -> Prose:
    """``text`` split at its ``{placeholders}``, each resolved to its value and unit."""
    parts: list[Part] = []
    last = 0
    for match in PLACEHOLDER.finditer(text):
        if match.start() > last:
            parts.append(Part(text=text[last : match.start()]))
        number, unit = values[match.group(1)]
        parts.append(Part(number=number, unit=unit))
        last = match.end()
    if last < len(text):
        parts.append(Part(text=text[last:]))
    return Prose(tuple(parts), fill(text, values))


@dataclass(frozen=True)
class ClaimView:
    """Everything one claim section shows."""

    id: str
    anchor: str
    title: str
    quote: str
    verdict: str
    verdict_slug: str
    stated: tuple[Stated, ...]
    figures: tuple[Figure, ...]
    headline: Figure | None
    summary: Prose
    method: Prose
    limits: Prose
    needs: Prose
    chart: ChartSVG | None
    datasets: tuple[DatasetSpec, ...]
    citations: tuple[Citation, ...]
    parameters: tuple[Parameter, ...]
    margin: Prose | None = None  # how close the verdict came, if the claim states it

    @property
    def sources(self) -> tuple[str, ...]:
        """The distinct sources of the claim's datasets, in order (for chart captions)."""
        return tuple(dict.fromkeys(d.source for d in self.datasets))

    @property
    def chart_alt(self) -> str:
        """The chart's text alternative: its title, then the finding."""
        title = self.chart.title if self.chart is not None else self.title
        return f"{title}. {self.summary.text}"


@dataclass(frozen=True)
class VerdictCount:
    """How many claims got one verdict."""

    verdict: str
    slug: str
    count: int


@dataclass(frozen=True)
class ReportContext:
    """The whole report, ready for a template."""

    title: str
    claims: tuple[ClaimView, ...]
    counts: tuple[VerdictCount, ...]
    datasets: tuple[DatasetSpec, ...]
    info: BuildInfo
    packages: tuple[tuple[str, str], ...]
    commands: tuple[str, ...]

    @property
    def has_live_charts(self) -> bool:
        """Whether any chart comes with a spec for an interactive view."""
        return any(c.chart is not None and c.chart.spec is not None for c in self.claims)


def verdict_slug(verdict: Verdict) -> str:
    """The verdict as a CSS class and Typst key: ``partly-supported``."""
    return verdict.value.replace(" ", "-")


def claim_view(
    entry: Entry, chart: ChartSVG | None, datasets: Mapping[str, DatasetSpec]
) -> ClaimView:
    """The view of one ledger entry."""
    a = entry.assessment
    values = entry.values()
    claim_id = safe_claim_id(entry.claim.id)
    return ClaimView(
        id=claim_id,
        anchor=f"claim-{claim_id}",
        title=entry.claim.title,
        quote=entry.claim.quote,
        verdict=a.verdict.value,
        verdict_slug=verdict_slug(a.verdict),
        stated=tuple(entry.claim.stated.values()),
        figures=a.figures,
        headline=a.figures[0] if a.figures else None,
        summary=prose(a.summary, values),
        method=prose(a.method, values),
        limits=prose(a.limits, values),
        needs=prose(a.needs, values),
        chart=chart,
        datasets=tuple(datasets[d] for d in entry.datasets if d in datasets),
        citations=a.citations,
        parameters=entry.parameters,
        margin=prose(a.margin.sentence, values) if a.margin is not None else None,
    )


def report_context(
    title: str, ledger: Ledger, info: BuildInfo, charts: Mapping[str, ChartSVG | None]
) -> ReportContext:
    """The template context for ``ledger`` built as ``info``, with each claim's chart."""
    claims = tuple(claim_view(e, charts.get(e.claim.id), ledger.datasets) for e in ledger.entries)
    counts = tuple(
        VerdictCount(v.value, verdict_slug(v), sum(c.verdict == v.value for c in claims))
        for v in VERDICT_ORDER
    )
    return ReportContext(
        title=title,
        claims=claims,
        counts=counts,
        datasets=tuple(ledger.datasets[d] for d in sorted(ledger.datasets)),
        info=info,
        packages=tuple(sorted(info.packages.items())),
        commands=info.reproduce_commands,
    )
