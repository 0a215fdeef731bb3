"""Parameter files: typed values with units and sources; malformed ones are named (class 5)."""

from __future__ import annotations

from pathlib import Path

import pytest

from report.data.parameters import load_parameters
from report.errors import ConfigError
from report.settings import PROJECT_ROOT

GOOD = (
    '[fee]\nvalue = 0.5\nunit = "percent"\nlabel = "Fee"\nsource = "A paper"\n'
    'address = "https://example.org"\n'
)


def _data(tmp_path: Path, text: str) -> Path:
    (tmp_path / "parameters").mkdir()
    (tmp_path / "parameters" / "demo.toml").write_text(text, encoding="utf-8")
    return tmp_path


def test_a_well_formed_parameter_is_read_with_its_unit_and_source(tmp_path: Path) -> None:
    fee = load_parameters(_data(tmp_path, GOOD))["fee"]
    assert (fee.value, fee.unit, fee.source) == (0.5, "percent", "A paper")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (GOOD.replace("value = 0.5", 'value = "fifty"'), ["parameter 'fee'", "value", "number"]),
        (GOOD.replace("value = 0.5", "value = false"), ["value"]),
        (GOOD.replace("value = 0.5", "value = nan"), ["value"]),
        (GOOD.replace("value = 0.5", "value = [1]"), ["value"]),
        (GOOD.replace('unit = "percent"', 'unit = "furlongs"'), ["unknown unit"]),
        (GOOD.replace('label = "Fee"', "label = 1"), ["label", "text"]),
        (GOOD.replace('label = "Fee"\n', ""), ["missing", "label"]),
        (GOOD + 'typo = "x"\n', ["typo", "unknown key"]),
        ("fee = 5\n", ["parameter 'fee'", "expected a table"]),
    ],
)
def test_a_malformed_parameter_names_file_key_and_expectation(
    tmp_path: Path, text: str, words: list[str]
) -> None:
    with pytest.raises(ConfigError) as caught:
        load_parameters(_data(tmp_path, text))
    message = str(caught.value)
    assert "parameters/demo.toml" in message
    for word in words:
        assert word in message, message


def test_the_shipped_parameters_all_load() -> None:
    assert len(load_parameters(PROJECT_ROOT / "data")) >= 20
