"""The article under review, resolved and verified like any pinned input."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator

from report.data.declared import read_declaration, shown_path, validated
from report.data.lock import article_pin
from report.errors import DataError, Problem
from report.settings import Settings, env_value

# The article is text of a few pages; anything far larger is not it.
MAX_ARTICLE_BYTES = 4 << 20


class ArticleModel(BaseModel):
    """``data/article.toml``: the pinned article. Descriptive fields beyond these (outlet,
    author, address, publication date, ...) are accepted when they are text or dates."""

    model_config = ConfigDict(strict=True, extra="allow", frozen=True)

    title: Annotated[str, Field(min_length=1)]
    file: Annotated[str, Field(min_length=1)]
    mirror_path: Annotated[str, Field(min_length=1)]
    sha256: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]

    @model_validator(mode="after")
    def _extras_are_text(self) -> ArticleModel:
        for key, value in (self.model_extra or {}).items():
            if not isinstance(value, str | dt.date):
                raise ValueError(f"{key!r} must be text or a date, not {value!r}")
        return self


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


def _problem(path: Path, message: str) -> Problem:
    return Problem("article", str(path), None, None, message)


def _article_path(spec: ArticleModel, settings: Settings) -> Path:
    env = env_value("REPORT_ARTICLE")
    if env is not None:
        return Path(env)
    if settings.mirror_dir is not None:
        return (settings.mirror_dir / spec.mirror_path).resolve()
    return Path(spec.file)


def load_article(settings: Settings) -> Article:
    """The article, refused unless its sha256 matches ``data/article.toml``."""
    declaration = settings.data_dir / "article.toml"
    where = shown_path(declaration, settings.data_dir)
    spec = validated(ArticleModel, read_declaration(declaration, where), where)
    path = _article_path(spec, settings)
    if not path.is_file():
        raise DataError(
            [_problem(path, "the article under review is not there (or is not a file)")],
            hint="set REPORT_ARTICLE to the article's text file, or REPORT_DATA_MIRROR to the data mirror",
        )
    if path.stat().st_size > MAX_ARTICLE_BYTES:
        raise DataError([_problem(path, f"larger than {MAX_ARTICLE_BYTES} bytes: not the article")])
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DataError([_problem(path, f"cannot be read ({exc.strerror or exc})")]) from None
    actual = hashlib.sha256(data).hexdigest()
    expected = article_pin(settings.data_dir, spec.sha256)  # python -m report pin
    if actual != expected:
        raise DataError(
            [_problem(path, f"sha256 is {actual}, expected {expected}")],
            hint="the claim quotes were checked against the pinned text; re-check them before re-pinning",
        )
    extra = {key: _as_text(value) for key, value in (spec.model_extra or {}).items()}
    return Article(
        title=spec.title,
        text=data.decode("utf-8"),
        path=path,
        sha256=actual,
        outlet=extra.get("outlet", ""),
        author=extra.get("author", ""),
        address=extra.get("address", ""),
        published=extra.get("published", ""),
    )


def _as_text(value: object) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)
