"""The article under review, resolved and verified like any pinned input."""

from __future__ import annotations

import hashlib
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

from report.data.lock import article_pin
from report.errors import DataError, Problem
from report.settings import Settings


@dataclass(frozen=True)
class Article:
    """The article's text, where it was read from, and its pinned hash."""

    title: str
    text: str
    path: Path
    sha256: str
    # Source details as declared in data/article.toml; empty when unknown, never guessed.
    outlet: str = ""
    author: str = ""
    address: str = ""
    published: str = ""  # ISO date


def load_article(settings: Settings) -> Article:
    """The article, refused unless its sha256 matches ``data/article.toml``."""
    spec = tomllib.loads((settings.data_dir / "article.toml").read_text(encoding="utf-8"))
    env = os.environ.get("REPORT_ARTICLE")
    if env:
        path = Path(env)
    elif settings.mirror_dir is not None:
        path = (settings.mirror_dir / spec["mirror_path"]).resolve()
    else:
        path = Path(spec["file"])
    if not path.is_file():
        raise DataError(
            [Problem("article", str(path), None, None, "the article under review is not there")],
            hint="set REPORT_ARTICLE to the article's text file, or REPORT_DATA_MIRROR to the data mirror",
        )
    data = path.read_bytes()
    actual = hashlib.sha256(data).hexdigest()
    expected = article_pin(settings.data_dir, spec["sha256"])  # python -m report pin
    if actual != expected:
        raise DataError(
            [
                Problem(
                    "article",
                    str(path),
                    None,
                    None,
                    f"sha256 is {actual}, expected {expected}",
                )
            ],
            hint="the claim quotes were checked against the pinned text; re-check them before re-pinning",
        )
    return Article(
        title=spec["title"],
        text=data.decode("utf-8"),
        path=path,
        sha256=actual,
        outlet=str(spec.get("outlet", "")),
        author=str(spec.get("author", "")),
        address=str(spec.get("address", "")),
        published=str(spec.get("published", "")),
    )
