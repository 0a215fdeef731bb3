"""Every file of a build folder except the manifest: charts, HTML, PDF and claims.json."""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from report.data.article import Article
from report.errors import BuildError
from report.ledger.entry import Ledger
from report.progress import Progress, silent
from report.render.chart_cache import cached_svg
from report.render.claims_json import dumps, ledger_json
from report.render.context import report_context
from report.render.finished_charts import load_finished, store_finished
from report.render.html import render_html
from report.render.pdf import APPENDIX_TEMPLATE, TYPST_TEMPLATE, compile_pdf, render_typst
from report.render.svg import ChartDraft, ChartSVG, chart_draft, finish_chart
from report.render.svg_pool import current_pool
from report.render.vega_draw import vega_svg
from report.versions.buildinfo import BuildInfo


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))
    return path


def _failed(claim_id: str, error: Exception) -> BuildError:
    return BuildError(f"drawing the chart of claim {claim_id!r} failed: {error}")


def draw_charts(ledger: Ledger, progress: Progress = silent) -> dict[str, ChartSVG | None]:
    """Each claim's chart as accessible SVG (None for claims without one).

    A chart kept for an identical entry (:mod:`report.render.finished_charts`) is reused.
    With drawing processes running (:func:`~report.render.svg_pool.drawing_processes`),
    each other spec is sent to them as soon as it is made, and the next spec is made while
    they draw; otherwise each chart is drawn here in turn.
    """
    pool = current_pool()
    draw = pool.draw if pool is not None else vega_svg
    kept: dict[str, ChartSVG] = {}
    drafts: dict[str, tuple[str | None, ChartDraft]] = {}
    drawing: dict[str, Future[str]] = {}
    with ThreadPoolExecutor(max_workers=pool.size if pool else 1) as threads:
        try:
            for entry in ledger.entries:
                claim_id = entry.claim.id
                if entry.claim.chart is None:
                    continue
                try:
                    key, finished = load_finished(entry)
                    if finished is not None:
                        kept[claim_id] = finished
                        continue
                    draft = chart_draft(entry)
                except Exception as error:  # a chart bug must name its claim
                    raise _failed(claim_id, error) from error
                if draft is not None:
                    drafts[claim_id] = (key, draft)
                    drawing[claim_id] = threads.submit(cached_svg, draft.spec, draw)
            for number, (claim_id, (key, draft)) in enumerate(drafts.items(), start=1):
                try:
                    kept[claim_id] = finish_chart(draft, drawing[claim_id].result())
                except Exception as error:
                    raise _failed(claim_id, error) from error
                store_finished(key, kept[claim_id])
                progress(f"drew {number}/{len(drafts)}: the chart of {claim_id}")
        except BaseException:  # interrupted or failed: stop the processes the threads wait on
            threads.shutdown(wait=False, cancel_futures=True)
            if pool is not None:
                pool.kill()
            raise
    return {e.claim.id: kept.get(e.claim.id) for e in ledger.entries}


_PDFS = ((TYPST_TEMPLATE, "report.pdf"), (APPENDIX_TEMPLATE, "appendix.pdf"))


def _compile_all(sources: list[tuple[str, str]], out_dir: Path) -> list[tuple[str, bytes]]:
    """Each ``(name, Typst source)`` compiled in turn (Typst releases the GIL, so this runs
    beside the HTML render on another core)."""
    compiled = []
    for name, source in sources:
        try:
            compiled.append((name, compile_pdf(source, out_dir)))
        except RuntimeError as error:
            raise BuildError(f"Typst could not compile {name}: {error}") from error
    return compiled


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
    sources = [(name, render_typst(context, templates_dir, template)) for template, name in _PDFS]
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="typst") as typst:
        pdfs: Future[list[tuple[str, bytes]]] = typst.submit(_compile_all, sources, out_dir)
        written.append(_write(out_dir / "claims.json", dumps(ledger_json(ledger, info.version))))
        written.append(_write(out_dir / "report.html", render_html(context, templates_dir)))
        progress("wrote report.html")
        for name, pdf in pdfs.result():
            (out_dir / name).write_bytes(pdf)
            written.append(out_dir / name)
            progress(f"wrote {name}")
    return written
