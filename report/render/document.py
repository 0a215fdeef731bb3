"""Every file of a build folder except the manifest: charts, HTML, PDF and claims.json."""

from __future__ import annotations

from pathlib import Path

from report.data.article import Article
from report.errors import BuildError
from report.ledger.entry import Ledger
from report.progress import Progress, silent
from report.render.claims_json import dumps, ledger_json
from report.render.context import report_context
from report.render.html import render_html
from report.render.pdf import APPENDIX_TEMPLATE, TYPST_TEMPLATE, compile_pdf, render_typst
from report.render.svg import ChartSVG, chart_svg
from report.versions.buildinfo import BuildInfo


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))
    return path


def draw_charts(ledger: Ledger, progress: Progress = silent) -> dict[str, ChartSVG | None]:
    """Each claim's chart as accessible SVG (None for claims without one)."""
    found: dict[str, ChartSVG | None] = {}
    total = sum(e.claim.chart is not None for e in ledger.entries)
    done = 0
    for entry in ledger.entries:
        try:
            found[entry.claim.id] = chart_svg(entry)
        except Exception as error:  # a chart bug must name its claim
            raise BuildError(
                f"drawing the chart of claim {entry.claim.id!r} failed: {error}"
            ) from error
        if entry.claim.chart is not None:
            done += 1
            progress(f"drew {done}/{total}: the chart of {entry.claim.id}")
    return found


def render_documents(
    article: Article,
    ledger: Ledger,
    info: BuildInfo,
    out_dir: Path,
    templates_dir: Path,
    progress: Progress = silent,
) -> list[Path]:
    """Write charts, ``report.html``, ``report.pdf`` and ``claims.json`` into ``out_dir``."""
    charts = draw_charts(ledger, progress)
    written = [_write(out_dir / c.file_name, c.svg) for c in charts.values() if c is not None]
    context = report_context(article, ledger, info, charts)
    written.append(_write(out_dir / "claims.json", dumps(ledger_json(ledger, info.version))))
    written.append(_write(out_dir / "report.html", render_html(context, templates_dir)))
    progress("wrote report.html")
    for template, name in ((TYPST_TEMPLATE, "report.pdf"), (APPENDIX_TEMPLATE, "appendix.pdf")):
        try:
            pdf = compile_pdf(render_typst(context, templates_dir, template), out_dir)
        except RuntimeError as error:
            raise BuildError(f"Typst could not compile {name}: {error}") from error
        (out_dir / name).write_bytes(pdf)
        written.append(out_dir / name)
        progress(f"wrote {name}")
    return written
