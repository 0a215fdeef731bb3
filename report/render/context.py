"""The plain values the HTML and Typst templates read: one view per claim, the datasets
and the build. Numbers stay numbers here (value and unit); templates write them through
the ``fmt`` filter (:func:`report.render.format.format_value`), and prose is split into text and
values so a template can mark each filled value.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from analysis.result import Citation, Figure, Stated, Verdict
from report.data.article import Article
from report.data.parameters import Parameter
from report.data.registry import DatasetSpec
from report.ledger.entry import Entry, Ledger
from report.ledger.prose import PLACEHOLDER, Value, fill
from report.render.format import PLAIN_UNITS
from report.render.sources import SourceLine, source_line
from report.render.svg import ChartSVG, safe_claim_id
from report.versions.buildinfo import BuildInfo

MIN_CHART_SCALE = 0.85
_SVG_WIDTH = re.compile(r'<svg[^>]*?\swidth="([0-9.]+)"')
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
    def source_lines(self) -> tuple[SourceLine, ...]:
        """Publisher and dataset of each distinct dataset, for the chart's Source line."""
        return tuple(dict.fromkeys(source_line(d) for d in self.datasets))

    @property
    def chart_min_width(self) -> int:
        """The narrowest the page shows the chart, in pixels: 85% of its drawn width, so
        its 13 px text stays at 11 px or more (report.css uses it on phones)."""
        found = _SVG_WIDTH.search(self.chart.svg) if self.chart is not None else None
        return round(float(found.group(1)) * MIN_CHART_SCALE) if found else 0

    @property
    def stated_text(self) -> str:
        """The figures the article states, joined; empty when it states the claim in words."""
        return "; ".join(s.text for s in self.stated)

    @property
    def headline_note(self) -> str:
        """Words a reader needs beside the headline figure when its unit is an index."""
        return PLAIN_UNITS.get(self.headline.unit, "") if self.headline else ""

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

    article: Article
    claims: tuple[ClaimView, ...]
    counts: tuple[VerdictCount, ...]
    datasets: tuple[DatasetSpec, ...]
    info: BuildInfo
    packages: tuple[tuple[str, str], ...]
    commands: tuple[str, ...]
    newest_data: float | None  # ordinal day of the latest dated figure, if any

    @property
    def title(self) -> str:
        """The article's title as declared in ``data/article.toml``."""
        return self.article.title

    @property
    def source_details(self) -> tuple[tuple[str, str], ...]:
        """The article's declared outlet, author, date and address, those that are known."""
        a = self.article
        rows = (("Outlet", a.outlet), ("Author", a.author), ("Published", a.published))
        return tuple((k, v) for k, v in rows if v)

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


def newest_data_day(ledger: Ledger) -> float | None:
    """The latest date among the computed figures (an ordinal day), or None."""
    days = [
        f.value
        for e in ledger.entries
        for f in e.assessment.figures
        if f.unit in ("date", "month") and f.value is not None
    ]
    return max(days) if days else None


def report_context(
    article: Article, ledger: Ledger, info: BuildInfo, charts: Mapping[str, ChartSVG | None]
) -> ReportContext:
    """The template context for ``ledger`` built as ``info``, with each claim's chart."""
    claims = tuple(claim_view(e, charts.get(e.claim.id), ledger.datasets) for e in ledger.entries)
    counts = tuple(
        VerdictCount(v.value, verdict_slug(v), sum(c.verdict == v.value for c in claims))
        for v in VERDICT_ORDER
    )
    return ReportContext(
        article=article,
        claims=claims,
        counts=counts,
        datasets=tuple(ledger.datasets[d] for d in sorted(ledger.datasets)),
        info=info,
        packages=tuple(sorted(info.packages.items())),
        commands=info.reproduce_commands,
        newest_data=newest_data_day(ledger),
    )
