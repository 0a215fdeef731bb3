"""Registry files are checked against a typed model: every malformed declaration is a
ConfigError naming the file, the key and what was expected (class 5)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from report.data.registry import load_registry
from report.errors import ConfigError
from report.settings import PROJECT_ROOT

BLOCKS = "pool-blocks-sorukumar.toml"
CHARTS = "blockchaincom-charts-2026.toml"


def _data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(PROJECT_ROOT / "data" / "datasets", data / "datasets")
    return data


def _edit(data: Path, name: str, old: str, new: str) -> None:
    path = data / "datasets" / name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# (file, text replaced, replacement, words the message must hold)
MALFORMED = [
    (
        BLOCKS,
        'height = { type = "int", min = 0 }',
        'height = { type = "int", min = "zero" }',
        ["min", "number"],
    ),
    (BLOCKS, "min_rows = 1000", 'min_rows = "ten"', ["min_rows", "whole number"]),
    (BLOCKS, "min_rows = 1000", "min_rows = 10.5", ["min_rows", "whole number"]),
    (BLOCKS, "min_rows = 1000", "min_rows = -1", ["min_rows"]),
    (BLOCKS, "min_rows = 1000", "min_rows = true", ["min_rows"]),
    (BLOCKS, "[tables.columns]\nheight", "columns = 5\n[tables.options]\nheight", ["columns"]),
    (
        BLOCKS,
        'height = { type = "int", min = 0 }',
        'height = { type = "integer" }',
        ["type", "int"],
    ),
    (
        BLOCKS,
        'height = { type = "int", min = 0 }',
        'height = { type = "int", min = inf }',
        ["min", "finite"],
    ),
    (BLOCKS, 'height = { type = "int", min = 0 }', 'height = { type = "int", min = nan }', ["min"]),
    (
        BLOCKS,
        'height = { type = "int", min = 0 }',
        'height = { type = "int", min = 5, max = 1 }',
        ["min", "max"],
    ),
    (
        BLOCKS,
        'height = { type = "int", min = 0 }',
        'height = { type = "int", nullable = "no" }',
        ["nullable", "true or false"],
    ),
    (
        BLOCKS,
        'height = { type = "int", min = 0 }',
        'height = { type = "int", allowed = "a" }',
        ["allowed", "list"],
    ),
    (
        BLOCKS,
        'height = { type = "int", min = 0 }',
        'height = { typ = "int" }',
        ["typ", "unknown key"],
    ),
    (
        BLOCKS,
        'date = { type = "datetime", min = 2009-01-03 }',
        'date = { type = "datetime" }',
        ["date", "min"],
    ),
    (
        BLOCKS,
        'date = { type = "datetime", min = 2009-01-03 }',
        'date = { type = "datetime", min = 5 }',
        ["TOML date"],
    ),
    (
        BLOCKS,
        'date = { type = "datetime", min = 2009-01-03 }',
        'date = { type = "datetime", min = "2009-01-03" }',
        ["TOML date"],
    ),
    (BLOCKS, 'key = ["height"]', 'key = ["hieght"]', ["key", "hieght"]),
    (BLOCKS, 'key = ["height"]', 'key = "height"', ["key", "list"]),
    (BLOCKS, 'reader = "parquet"', 'reader = "excel"', ["reader", "parquet"]),
    (BLOCKS, 'reader = "parquet"', "reader = 3", ["reader"]),
    (BLOCKS, 'file = "blocks_post_2021.parquet"', 'file = "missing.parquet"', ["undeclared file"]),
    (BLOCKS, 'retrieved = "2026-11-25"', 'retrieved = "last week"', ["retrieved", "YYYY-MM-DD"]),
    (BLOCKS, 'retrieved = "2026-11-25"', 'retrieved = "2026-02-30"', ["retrieved", "calendar"]),
    (BLOCKS, 'retrieved = "2026-11-25"', "retrieved = 2026", ["retrieved"]),
    (BLOCKS, 'id = "pool-blocks-sorukumar"', "id = 7", ["id"]),
    (BLOCKS, 'licence = "BSD-2-Clause"', "", ["licence", "missing"]),
    (BLOCKS, 'sha256 = "ef53c3c9', 'sha256 = "zz53c3c9', ["sha256"]),
    (BLOCKS, 'name = "blocks_post_2021.parquet"', 'name = "../../etc/passwd"', ["name"]),
    (BLOCKS, 'name = "blocks_post_2021.parquet"', "name = [1, 2]", ["name"]),
    (CHARTS, 'options = { series = "hash-rate" }', "options = { }", ["series"]),
    (
        CHARTS,
        'options = { series = "hash-rate" }',
        'options = { series = "hash-rate", sheet = 2 }',
        ["sheet"],
    ),
    (CHARTS, 'options = { series = "hash-rate" }', "options = { series = 5 }", ["series", "text"]),
    (CHARTS, 'options = { series = "hash-rate" }', 'options = "hash-rate"', ["options"]),
    (
        CHARTS,
        '[[files]]\nname = "hash-rate.json"',
        'files = ["hash-rate.json"]\n[[nothing]]\nname = "hash-rate.json"',
        ["files"],
    ),
]


@pytest.mark.parametrize(("name", "old", "new", "words"), MALFORMED)
def test_a_malformed_registry_entry_names_file_key_and_expectation(
    tmp_path: Path, name: str, old: str, new: str, words: list[str]
) -> None:
    data = _data(tmp_path)
    _edit(data, name, old, new)
    with pytest.raises(ConfigError) as caught:
        load_registry(data)
    message = str(caught.value)
    assert f"data/datasets/{name}" in message
    for word in words:
        assert word in message, message


def test_a_non_utf8_byte_names_the_file_and_the_byte(tmp_path: Path) -> None:
    data = _data(tmp_path)
    path = data / "datasets" / BLOCKS
    path.write_bytes(path.read_bytes().replace(b"Bitcoin", b"Bitc\xffin", 1))
    with pytest.raises(ConfigError, match=rf"data/datasets/{BLOCKS}: byte \d+ is not valid UTF-8"):
        load_registry(data)


def test_a_folder_in_place_of_a_registry_file_is_named(tmp_path: Path) -> None:
    data = _data(tmp_path)
    (data / "datasets" / "zzz.toml").mkdir()
    with pytest.raises(ConfigError, match=r"zzz.toml: expected a TOML file, found a folder"):
        load_registry(data)


def test_an_oversized_declaration_is_refused_unparsed(tmp_path: Path) -> None:
    data = _data(tmp_path)
    (data / "datasets" / "huge.toml").write_text("# " + "x" * (2 << 20), encoding="utf-8")
    with pytest.raises(ConfigError, match="too large for a declaration"):
        load_registry(data)


def test_every_defect_of_one_file_is_listed_at_once(tmp_path: Path) -> None:
    data = _data(tmp_path)
    _edit(data, BLOCKS, "min_rows = 1000", 'min_rows = "ten"')
    _edit(data, BLOCKS, 'licence = "BSD-2-Clause"', "licence = 2")
    with pytest.raises(ConfigError) as caught:
        load_registry(data)
    assert "min_rows" in str(caught.value) and "licence" in str(caught.value)


def test_the_shipped_registry_declares_a_range_for_every_date_column() -> None:
    registry = load_registry(PROJECT_ROOT / "data")
    for table in registry.tables.values():
        for column in table.columns:
            if column.type in {"date", "datetime"}:
                assert column.min is not None and column.max is not None, (table.name, column.name)
    blocks = {c.name: c for c in registry.table("blocks").columns}
    assert str(blocks["date"].min) == "2009-01-03"  # the genesis block
