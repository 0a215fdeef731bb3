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


VALID = '[[claims]]\nid = "x"\ntitle = "t"\nquote = "12 apples"\nassess = "x.y"\nchart = false\n'


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (VALID.replace('title = "t"', "title = 5"), ["claim 'x'", "title", "text"]),
        (VALID.replace('id = "x"', "id = 3"), ["claims[0]", "id"]),
        (VALID.replace('id = "x"', 'id = "Has Spaces"'), ["id"]),
        (VALID.replace('assess = "x.y"', 'assess = ["x.y"]'), ["assess"]),
        (
            VALID + '[claims.stated.n]\nvalue = "fifty"\nunit = "count"\n',
            ["stated.n.value", "number"],
        ),
        (VALID + '[claims.stated.n]\nvalue = true\nunit = "count"\n', ["stated.n.value"]),
        (VALID + '[claims.stated.n]\nvalue = inf\nunit = "count"\n', ["stated.n.value"]),
        (VALID + '[claims.stated.n]\nunit = "count"\n', ["stated.n.value", "missing"]),
        (VALID + "stated = 5\n", ["stated"]),
        (VALID + 'colour = "red"\n', ["colour", "unknown key"]),
        ('claims = "none"\n', ["claims", "list"]),
        ("claims = [1, 2]\n", ["claims[0]"]),
        ("[[claims]\n", ["not valid TOML"]),
    ],
)
def test_a_malformed_claim_names_file_key_and_expectation(
    tmp_path: Path, text: str, words: list[str]
) -> None:
    with pytest.raises(ConfigError) as caught:
        load_inventory(_write(tmp_path, text), ARTICLE)
    message = str(caught.value)
    assert "claims/demo.toml" in message
    for word in words:
        assert word in message, message


def test_a_folder_or_a_non_utf8_inventory_file_is_named(tmp_path: Path) -> None:
    data = _write(tmp_path, VALID)
    (data / "claims" / "demo.toml").write_bytes(VALID.encode().replace(b"apples", b"appl\xe9s"))
    with pytest.raises(ConfigError, match=r"demo.toml: byte 48 is not valid UTF-8"):
        load_inventory(data, ARTICLE)
    (data / "claims" / "demo.toml").unlink()
    (data / "claims" / "demo.toml").mkdir()
    with pytest.raises(ConfigError, match=r"demo.toml: expected a TOML file, found a folder"):
        load_inventory(data, ARTICLE)
