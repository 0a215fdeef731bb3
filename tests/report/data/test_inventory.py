"""The claim inventory: verbatim quotes, stated values, article order."""

from __future__ import annotations

from pathlib import Path

import pytest

from report.data.inventory import load_inventory
from report.errors import ConfigError
from report.pipeline import Project


def _write(tmp_path: Path, text: str) -> Path:
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "demo.toml").write_text(text, encoding="utf-8")
    return tmp_path


ARTICLE = "First sentence with 12 apples.\nSecond sentence about  pears."


def test_claims_come_in_article_order_and_whitespace_is_normalised(tmp_path: Path) -> None:
    data = _write(
        tmp_path,
        """
[[claims]]
id = "pears"
title = "p"
quote = "Second sentence about pears."
assess = "x.y"
chart = false

[[claims]]
id = "apples"
title = "a"
quote = "with 12 apples."
assess = "x.y"
chart = false
[claims.stated.apples]
value = 12
unit = "count"
text = "12 apples"
""",
    )
    claims = load_inventory(data, ARTICLE)
    assert [c.id for c in claims] == ["apples", "pears"]
    assert claims[0].stated["apples"].value == 12
    assert claims[0].family == "demo"


def test_a_quote_not_in_the_article_is_refused(tmp_path: Path) -> None:
    data = _write(
        tmp_path,
        '[[claims]]\nid = "x"\ntitle = "t"\nquote = "13 apples"\nassess = "x.y"\nchart = false\n',
    )
    with pytest.raises(ConfigError, match="not verbatim"):
        load_inventory(data, ARTICLE)


def test_unknown_units_and_duplicate_ids_are_refused(tmp_path: Path) -> None:
    bad_unit = (
        '[[claims]]\nid = "x"\ntitle = "t"\nquote = "12 apples"\nassess = "x.y"\nchart = false\n'
        '[claims.stated.n]\nvalue = 12\nunit = "apples"\ntext = "12"\n'
    )
    with pytest.raises(ConfigError, match="unknown unit"):
        load_inventory(_write(tmp_path, bad_unit), ARTICLE)


def test_every_stated_value_is_written_in_its_quote(project: Project) -> None:
    for claim in project.claims:
        for name, stated in claim.stated.items():
            assert stated.text, f"{claim.id}: stated {name} has no text"
            assert stated.text in claim.quote, f"{claim.id}: {stated.text!r} is not in the quote"


def test_every_quantity_in_a_quote_is_a_stated_value(project: Project) -> None:
    """A number in a quote that no stated value transcribes is a claim left unchecked."""
    import re

    for claim in project.claims:
        numbers = re.findall(r"\d[\d,.]*", claim.quote)
        covered = " ".join(s.text for s in claim.stated.values())
        for number in numbers:
            assert number.rstrip(".,") in covered, f"{claim.id}: {number} is not transcribed"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("", "missing 'chart'"),
        ('chart = "pools"', "must be"),
        ("chart = 3", "must be"),
        ('chart = "a.b.c"', "must be"),
    ],
)
def test_a_claim_must_name_its_chart_or_declare_none(
    tmp_path: Path, line: str, message: str
) -> None:
    text = f'[[claims]]\nid = "x"\ntitle = "t"\nquote = "12 apples"\nassess = "x.y"\n{line}\n'
    with pytest.raises(ConfigError, match=message):
        load_inventory(_write(tmp_path, text), ARTICLE)
