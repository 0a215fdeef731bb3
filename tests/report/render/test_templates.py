"""Templates hold no hand-typed numbers: every number reaches the page through ``fmt``."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from report.settings import PROJECT_ROOT

TEMPLATES = PROJECT_ROOT / "templates"
# Templates holding words a reader sees. Style files (CSS, style.typ) hold layout only.
CONTENT = sorted(p for p in TEMPLATES.rglob("*.j2"))
JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
HTML_TAG = re.compile(r"<[^>]*>", re.S)
HTML_ENTITY = re.compile(r"&#?\w+;")
NAMES = re.compile(r"\bsha256\b")  # the name of a hash, not a figure


def typed_numbers(source: str, html: bool) -> list[str]:
    """Digits in what a reader sees of a template: outside Jinja (and HTML tags)."""
    text = NAMES.sub(" ", JINJA.sub(" ", source))
    if html:
        text = HTML_ENTITY.sub(" ", HTML_TAG.sub(" ", text))
    return re.findall(r"\S*\d\S*", text)


def test_the_content_templates_are_found() -> None:
    names = {p.relative_to(TEMPLATES).as_posix() for p in CONTENT}
    assert {"html/report.html.j2", "pdf/report.typ.j2"} <= names


@pytest.mark.parametrize("path", CONTENT, ids=lambda p: p.name)
def test_no_number_is_typed_into_a_template(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    assert typed_numbers(source, html=".html" in path.name) == []


@pytest.mark.parametrize("path", CONTENT, ids=lambda p: p.name)
def test_every_value_goes_through_the_format_filter(path: Path) -> None:
    for expression in re.findall(r"\{\{(.*?)\}\}", path.read_text(encoding="utf-8"), re.S):
        if re.search(r"\.(value|number|count)\b", expression):
            assert "|fmt(" in expression.replace(" ", ""), expression


def test_the_checks_catch_a_typed_number() -> None:
    assert typed_numbers("<p>Over {{ x }} 9,000 blocks</p>", html=True) == ["9,000"]
    assert typed_numbers("<h2>Title</h2> {{ n|fmt('count') }} blocks", html=True) == []
    assert typed_numbers("#strong[42%]", html=False) == ["#strong[42%]"]
