"""The site's own pages from ``templates/site/``: changes between two versions, the version
index, and the published copy of a report with each claim's review state beside it.

Text from data and from editors is autoescaped; figures arrive formatted by ``fmt``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from report.render.format import format_value
from report.render.html import html_environment
from report.review.diff import VersionDiff, diff_document
from report.review.errors import ReviewError
from report.review.state import ClaimState
from report.review.versions import Version
from report.settings import PROJECT_ROOT

SITE_STYLE = (
    ".review-state{font-size:.9rem;border-left:.25rem solid currentColor;padding:.1rem .6rem;"
    "margin:.3rem 0}.site-nav{max-width:48rem;margin:0 auto;padding:.5rem 1.25rem;"
    "font-size:.95rem}.review-forced{font-weight:700}"
)


@dataclass(frozen=True)
class Link:
    href: str
    text: str


def site_environment(templates_dir: Path | None = None) -> jinja2.Environment:
    """The HTML environment (autoescape, ``fmt``, embedded fonts) over the templates."""
    return html_environment(templates_dir or PROJECT_ROOT / "templates")


def _relative_text(rel: float | None) -> str:
    if rel is None:
        return "not a ratio (a side is missing or zero)"
    sign = "+" if rel > 0 else ""
    return sign + format_value(rel * 100, "percent")


def changes_page(
    diff: VersionDiff,
    old_href: str,
    new_href: str,
    nav: list[Link] | None = None,
    templates_dir: Path | None = None,
) -> str:
    """The changes page; ``old_href`` and ``new_href`` address the two reports (a claim's
    section is ``#claim-<id>`` in each)."""
    document = diff_document(diff, 0.0)
    claims: list[dict[str, Any]] = []
    for claim in document["claims"]:
        figures = [
            {
                **f,
                "old_text": f["old_formatted"] or "absent",
                "new_text": f["new_formatted"] or "absent",
                "relative_text": _relative_text(f["relative_change"]),
            }
            for f in claim["figures"]
        ]
        anchor = f"#claim-{claim['id']}"
        claims.append(
            {
                **claim,
                "figures": figures,
                "inputs": claim["inputs_changed"],
                "old_href": None if claim["status"] == "added" else old_href + anchor,
                "new_href": None if claim["status"] == "removed" else new_href + anchor,
            }
        )
    template = site_environment(templates_dir).get_template("site/changes.html.j2")
    inputs = [
        {"dataset": i.dataset, "file": i.file, "old": i.old, "new": i.new} for i in diff.inputs
    ]
    return template.render(
        diff=diff,
        summary=document["summary"],
        claims=claims,
        inputs=inputs,
        nav=nav or [],
        feed_href=None,
    )


def write_diff_page(diff: VersionDiff, old: Version, new: Version, target: Path) -> None:
    """Write the changes page to ``target``, linking the two reports by relative path."""
    base = target.resolve().parent
    old_href = Path(os.path.relpath(old.folder / "report.html", base)).as_posix()
    new_href = Path(os.path.relpath(new.folder / "report.html", base)).as_posix()
    try:
        target.write_text(changes_page(diff, old_href, new_href), encoding="utf-8")
    except OSError as error:
        raise ReviewError(
            f"cannot write {target}: {error.strerror}", "name a file in an existing folder"
        ) from error


def index_page(title: str, rows: list[dict[str, Any]], templates_dir: Path | None = None) -> str:
    """The version index; ``rows`` are newest first."""
    template = site_environment(templates_dir).get_template("site/index.html.j2")
    return template.render(title=title, versions=rows, root_href="../", feed_href="../feed.xml")


def with_review_state(
    html: str,
    states: list[ClaimState],
    links: dict[str, str | None],
    forced: str,
    templates_dir: Path | None = None,
) -> str:
    """The report page with its review state: links to the index, changes and feed after
    the masthead, and each claim's sign-off (or why it awaits one) beside its verdict."""
    env = site_environment(templates_dir)
    state_of = env.get_template("site/review-state.html.j2")
    banner = env.get_template("site/review-banner.html.j2").render(forced=forced, **links)
    page = html.replace("</head>", f"<style>{SITE_STYLE}</style>\n</head>", 1)
    page = page.replace("</header>", "</header>\n" + banner, 1)
    for state in states:
        marker = f'<span class="claim-id">{Markup.escape(state.claim)}</span></p>'
        page = page.replace(marker, marker + "\n  " + state_of.render(state=state).strip(), 1)
    return page
