"""``data/article.toml``: typed, and the article itself pinned (class 5)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from report.data.article import load_article
from report.errors import ConfigError, DataError
from report.settings import load_settings

TEXT = "An article with 12 apples.\n"


def _settings(tmp_path: Path, declaration: str, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    data = tmp_path / "data"
    data.mkdir(exist_ok=True)
    (data / "article.toml").write_text(declaration, encoding="utf-8")
    article = tmp_path / "article.txt"
    article.write_text(TEXT, encoding="utf-8")
    monkeypatch.setenv("REPORT_ARTICLE", str(article))
    return load_settings().with_changes(data_dir=data)


SHA = hashlib.sha256(TEXT.encode()).hexdigest()
GOOD = f'title = "T"\nfile = "article.txt"\nmirror_path = "../a.txt"\nsha256 = "{SHA}"\n'


def test_extra_descriptive_fields_are_accepted_when_text_or_dates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    extra = 'outlet = "A paper"\nauthor = "A. Writer"\npublished = 2025-03-01\n'
    article = load_article(_settings(tmp_path, GOOD + extra, monkeypatch))
    assert article.text == TEXT and article.sha256 == SHA


@pytest.mark.parametrize(
    ("declaration", "words"),
    [
        (GOOD.replace('title = "T"', "title = 1"), ["title", "text"]),
        (GOOD.replace(f'sha256 = "{SHA}"', "sha256 = 5"), ["sha256"]),
        (GOOD.replace(f'sha256 = "{SHA}"', 'sha256 = "abc"'), ["sha256"]),
        (GOOD.replace('file = "article.txt"\n', ""), ["file", "missing"]),
        (GOOD + "author = [1]\n", ["author", "text or a date"]),
        ("title = \n", ["not valid TOML"]),
    ],
)
def test_a_malformed_article_declaration_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, declaration: str, words: list[str]
) -> None:
    with pytest.raises(ConfigError) as caught:
        load_article(_settings(tmp_path, declaration, monkeypatch))
    assert "article.toml" in str(caught.value)
    for word in words:
        assert word in str(caught.value)


def test_a_folder_in_place_of_the_article_or_its_declaration_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = _settings(tmp_path, GOOD, monkeypatch)
    (tmp_path / "folder").mkdir()
    monkeypatch.setenv("REPORT_ARTICLE", str(tmp_path / "folder"))
    with pytest.raises(DataError, match="not a file"):
        load_article(settings)
    (settings.data_dir / "article.toml").unlink()
    (settings.data_dir / "article.toml").mkdir()
    with pytest.raises(ConfigError, match=r"article.toml: expected a TOML file, found a folder"):
        load_article(settings)
