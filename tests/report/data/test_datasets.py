"""Bad input stops the run with a message naming dataset, file, row and column.

Each test copies a real input into a scratch folder, damages it one way, and reads it
with the table's real schema.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from report.data.datasets import read_table
from report.data.fetch import resolve_file
from report.errors import DataError
from report.pipeline import Project


def _copy_of(project: Project, table: str, tmp_path: Path) -> tuple[Path, object]:
    spec = project.registry.table(table)
    dataset = project.registry.datasets[spec.dataset]
    source = resolve_file(dataset, dataset.file(spec.file), project.settings)
    target = tmp_path / source.name
    shutil.copyfile(source, target)
    return target, spec


def _problems(spec: object, path: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        read_table(spec, path)  # type: ignore[arg-type]
    return [str(p) for p in caught.value.problems]


def _replace_line(path: Path, number: int, new: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[number - 1] = new
    path.write_text("".join(lines), encoding="utf-8")


# --- CSV (Cambridge mining map) -------------------------------------------------------


def test_csv_missing_column_is_named(project: Project, tmp_path: Path) -> None:
    path, spec = _copy_of(project, "country_shares", tmp_path)
    text = path.read_text(encoding="utf-8").replace("monthly_absolute_hashrate_EH/S", "absolute", 1)
    path.write_text(text, encoding="utf-8")
    problems = _problems(spec, path)
    assert any("column 'monthly_absolute_hashrate_EH/S'" in p and "missing" in p for p in problems)
    assert all("cbeci-mining-map-2019-2022" in p for p in problems)


def test_csv_wrong_type_names_line_and_column(project: Project, tmp_path: Path) -> None:
    path, spec = _copy_of(project, "country_shares", tmp_path)
    _replace_line(path, 5, "2019-09-01,United States,four%,3.59\n")
    problems = _problems(spec, path)
    assert problems == [
        f"dataset 'cbeci-mining-map-2019-2022', file {path}, line 5, column 'share_pct': "
        "expected a number, got 'four%'"
    ]


def test_csv_negative_hashrate_is_below_the_minimum(project: Project, tmp_path: Path) -> None:
    path, spec = _copy_of(project, "country_shares", tmp_path)
    _replace_line(path, 3, "2019-09-01,Other,6.1%,-5.39\n")
    (problem,) = _problems(spec, path)
    assert "line 3" in problem and "column 'hashrate_ehs'" in problem
    assert "below the minimum 0" in problem


def test_csv_duplicate_key_names_both_rows(project: Project, tmp_path: Path) -> None:
    path, spec = _copy_of(project, "country_shares", tmp_path)
    _replace_line(path, 3, "2019-09-01,Mainland China,6.1%,5.39\n")
    problems = _problems(spec, path)
    assert {p.split(", column")[0].rsplit(", ", 1)[1] for p in problems} == {"line 2", "line 3"}
    assert all("duplicate key" in p for p in problems)


def test_csv_truncated_file_names_the_cut_row(project: Project, tmp_path: Path) -> None:
    path, spec = _copy_of(project, "country_shares", tmp_path)
    data = path.read_bytes()
    path.write_bytes(data[: data.rfind(b",")])  # cut inside the last row
    (problem,) = _problems(spec, path)
    assert "line 291" in problem and "cut short" in problem


def test_csv_every_problem_is_reported_not_only_the_first(project: Project, tmp_path: Path) -> None:
    path, spec = _copy_of(project, "country_shares", tmp_path)
    _replace_line(path, 4, "2019-09-01,Russian Federation,x,5.24\n")
    _replace_line(path, 6, "2019-09-01,Malaysia,3.25%,-1\n")
    problems = _problems(spec, path)
    assert len(problems) == 2


# --- Parquet (blocks) -----------------------------------------------------------------


def _write_blocks(frame: pd.DataFrame, path: Path) -> None:
    pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), path)


def test_parquet_missing_column(project: Project, tmp_path: Path) -> None:
    path, spec = _copy_of(project, "blocks", tmp_path)
    frame = pd.read_parquet(path).head(2000).drop(columns=["pool_slug"])
    _write_blocks(frame, path)
    (problem,) = _problems(spec, path)
    assert "column 'pool_slug'" in problem and "missing" in problem


def test_parquet_wrong_type_and_negative_height(project: Project, tmp_path: Path) -> None:
    path, spec = _copy_of(project, "blocks", tmp_path)
    frame = pd.read_parquet(path).head(2000)
    frame["height"] = frame["height"].astype("float64")
    frame.loc[10, "height"] = 664073.5
    frame.loc[20, "height"] = -1
    _write_blocks(frame, path)
    problems = _problems(spec, path)
    assert any("row 11" in p and "expected an integer" in p for p in problems)
    assert any("row 21" in p and "below the minimum" in p for p in problems)


def test_parquet_duplicate_height(project: Project, tmp_path: Path) -> None:
    path, spec = _copy_of(project, "blocks", tmp_path)
    frame = pd.read_parquet(path).head(2000)
    frame.loc[5, "height"] = frame.loc[4, "height"]
    _write_blocks(frame, path)
    problems = _problems(spec, path)
    assert len(problems) == 2 and all("duplicate key (height=" in p for p in problems)


def test_parquet_truncated_file(project: Project, tmp_path: Path) -> None:
    path, spec = _copy_of(project, "blocks", tmp_path)
    path.write_bytes(path.read_bytes()[:100_000])
    (problem,) = _problems(spec, path)
    assert "not a readable Parquet file" in problem and str(path) in problem


# --- blockchain.com chart JSON (hashrate) ---------------------------------------------


def _chart(path: Path) -> dict[str, object]:
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def test_chart_negative_hashrate_names_the_point(project: Project, tmp_path: Path) -> None:
    path, spec = _copy_of(project, "hashrate", tmp_path)
    doc = _chart(path)
    doc["hash-rate"][41]["y"] = -3.0  # type: ignore[index]
    path.write_text(json.dumps(doc), encoding="utf-8")
    (problem,) = _problems(spec, path)
    assert "point 42 of 'hash-rate'" in problem and "column 'hashrate_ths'" in problem


def test_chart_wrong_type_and_duplicate_date(project: Project, tmp_path: Path) -> None:
    path, spec = _copy_of(project, "hashrate", tmp_path)
    doc = _chart(path)
    points = doc["hash-rate"]
    points[3]["y"] = "fast"  # type: ignore[index]
    points[8]["x"] = points[7]["x"]  # type: ignore[index]
    path.write_text(json.dumps(doc), encoding="utf-8")
    problems = _problems(spec, path)
    assert any(
        "point 4 of 'hash-rate'" in p and "expected a number, got 'fast'" in p for p in problems
    )
    assert sum("duplicate key" in p for p in problems) == 2


def test_chart_missing_series_and_truncated_json(project: Project, tmp_path: Path) -> None:
    path, spec = _copy_of(project, "hashrate", tmp_path)
    original = path.read_text(encoding="utf-8")
    path.write_text(original.replace('"hash-rate":', '"hashrate":', 1), encoding="utf-8")
    (problem,) = _problems(spec, path)
    assert "no list of points under key 'hash-rate'" in problem
    path.write_text(original[: len(original) // 2], encoding="utf-8")
    (problem,) = _problems(spec, path)
    assert "not valid JSON" in problem and "line 1" in problem


# --- EIA wide export, JSON mapping, curated CSV ---------------------------------------


def test_eia_wrong_type_names_the_month(project: Project, tmp_path: Path) -> None:
    path, spec = _copy_of(project, "us_industrial_price", tmp_path)
    text = path.read_text(encoding="utf-8")
    row_start = text.index('"United States : industrial"')
    row_end = text.find("\n", row_start)
    row_end = len(text) if row_end < 0 else row_end  # the row is the file's last line
    row = text[row_start:row_end].split(",")
    row[3] = '"cheap"'  # the first month column, Jan 2001
    path.write_text(text[:row_start] + ",".join(row) + text[row_end:], encoding="utf-8")
    (problem,) = _problems(spec, path)
    assert "month 'Jan 2001'" in problem and "column 'cents_per_kwh'" in problem


def test_json_mapping_entry_of_the_wrong_shape(project: Project, tmp_path: Path) -> None:
    path, spec = _copy_of(project, "pool_directory", tmp_path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["Foundry USA"] = "not an object"
    path.write_text(json.dumps(doc), encoding="utf-8")
    (problem,) = _problems(spec, path)
    assert "entry 'Foundry USA'" in problem and "expected an object" in problem


def test_curated_csv_value_out_of_range(project: Project, tmp_path: Path) -> None:
    path, spec = _copy_of(project, "edge_ai_forecasts", tmp_path)
    text = path.read_text(encoding="utf-8").replace(
        ",24.91,2033,118.69,21.7,", ",24.91,2033,-118.69,21.7,", 1
    )
    path.write_text(text, encoding="utf-8")
    (problem,) = _problems(spec, path)
    assert "line 2" in problem and "column 'forecast_value_usd_bn'" in problem
