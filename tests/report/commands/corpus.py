"""Broken declarations, inputs and settings, each made in a sandbox (a copy of the data
folder, a mirror of links to the real one, an output folder with a previous version)."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from report.settings import PROJECT_ROOT, load_settings

SHARED_MIRROR = load_settings().mirror_dir


@dataclass
class Sandbox:
    """A copy of the data folder, a mirror of links to the real one, an output folder."""

    root: Path
    env: dict[str, str] = field(default_factory=dict)
    args: list[str] = field(default_factory=lambda: ["build", "--quiet"])

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def mirror(self) -> Path:
        return self.root / "mirror"

    @property
    def output(self) -> Path:
        return self.root / "out"

    def edit(self, relative: str, old: str, new: str) -> None:
        path = self.data / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, (relative, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def own_copy(self, dataset: str, name: str) -> Path:
        """The mirror's file as a real file of its own (to be damaged)."""
        link = self.mirror / dataset / name
        target = link.resolve()
        link.unlink()
        shutil.copyfile(target, link)
        return link


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_sandbox(root: Path) -> Sandbox:
    assert SHARED_MIRROR is not None
    box = Sandbox(root)
    shutil.copytree(PROJECT_ROOT / "data", box.data)
    for folder in SHARED_MIRROR.iterdir():
        if folder.is_dir():
            (box.mirror / folder.name).mkdir(parents=True)
            for file in folder.iterdir():
                (box.mirror / folder.name / file.name).symlink_to(file)
    previous = box.output / "0123456789ab"
    previous.mkdir(parents=True)
    (previous / "manifest.json").write_text('{"version": "0123456789ab"}\n', encoding="utf-8")
    (box.output / "latest").symlink_to("0123456789ab")
    (box.output / ".tmp-a-users-own-folder").mkdir()
    box.env = {
        "REPORT_DATA_DIR": str(box.data),
        "REPORT_DATA_MIRROR": str(box.mirror),
        "REPORT_ARTICLE": str((SHARED_MIRROR / ".." / "source" / "article.txt").resolve()),
        "REPORT_DATA_CACHE": str(root / "cache"),
        "REPORT_OFFLINE": "1",
        "REPORT_OUTPUT_DIR": str(box.output),
    }
    return box


def _set_cell(path: Path, row: int, column: str, value: str) -> None:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    rows[row][column] = value
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def _curated(box: Sandbox, file: str, registry: str, row: int, column: str, value: str) -> None:
    path = box.data / "curated" / file
    before = _sha(path)
    _set_cell(path, row, column, value)
    box.edit(f"datasets/{registry}", before, _sha(path))


def _chart_point(box: Sandbox, x: object, y: object) -> None:
    path = box.own_copy("blockchaincom-charts-2026", "hash-rate.json")
    before = _sha(path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["hash-rate"][5] = {"x": x, "y": y}
    path.write_text(json.dumps(doc), encoding="utf-8")  # allow_nan: writes Infinity, NaN
    box.edit("datasets/blockchaincom-charts-2026.toml", before, _sha(path))


def _block_date(box: Sandbox, moment: object, unit: str = "us") -> None:
    path = box.own_copy("pool-blocks-sorukumar", "blocks_post_2021.parquet")
    before = _sha(path)
    table = pq.read_table(path)
    dates = table.column("date").to_pylist()
    dates[10] = moment
    column = pa.array(dates, type=pa.timestamp(unit, tz="UTC"))
    pq.write_table(table.set_column(2, "date", column), path)
    box.edit("datasets/pool-blocks-sorukumar.toml", before, _sha(path))


def _folder_instead(box: Sandbox, relative: str) -> None:
    path = box.data / relative
    if path.exists():
        path.unlink()
    path.mkdir()
    (path / "x").write_text("x", encoding="utf-8")


def _bad_byte(box: Sandbox, relative: str) -> None:
    path = box.data / relative
    path.write_bytes(b"# caf\xe9\n" + path.read_bytes())


def _real_latest(box: Sandbox) -> None:
    (box.output / "latest").unlink()
    (box.output / "latest").mkdir()


def _env(name: str, value: str) -> Callable[[Sandbox], None]:
    return lambda box: box.env.__setitem__(name, value)


POOLS = "datasets/pool-blocks-sorukumar.toml"
HEIGHT = 'height = { type = "int", min = 0 }'

# name -> (how to break the sandbox, words the message must hold)
CORPUS: dict[str, tuple[Callable[[Sandbox], None], list[str]]] = {
    "min is text": (
        lambda b: b.edit(POOLS, HEIGHT, 'height = { type = "int", min = "zero" }'),
        [POOLS, "min"],
    ),
    "min_rows is text": (
        lambda b: b.edit(POOLS, "min_rows = 1000", 'min_rows = "ten"'),
        [POOLS, "min_rows"],
    ),
    "columns is a number": (
        lambda b: b.edit(
            POOLS, "[tables.columns]\nheight", "columns = 5\n[tables.options]\nheight"
        ),
        [POOLS, "columns"],
    ),
    "files of strings": (
        lambda b: b.edit(
            POOLS,
            '[[files]]\nname = "pool_metrics.json"',
            'files = ["pool_metrics.json"]\n[[x]]\nname = "pool_metrics.json"',
        ),
        [POOLS, "files"],
    ),
    "date without min": (
        lambda b: b.edit(
            POOLS, 'date = { type = "datetime", min = 2009-01-03 }', 'date = { type = "datetime" }'
        ),
        [POOLS, "min"],
    ),
    "unknown reader": (
        lambda b: b.edit(POOLS, 'reader = "parquet"', 'reader = "xlsx"'),
        [POOLS, "reader"],
    ),
    "registry not UTF-8": (lambda b: _bad_byte(b, POOLS), [POOLS, "UTF-8"]),
    "registry is a folder": (
        lambda b: _folder_instead(b, "datasets/zz-folder.toml"),
        ["zz-folder.toml", "folder"],
    ),
    "stated value is text": (
        lambda b: b.edit("claims/edge_ai.toml", "value = ", 'value = "fifty" #'),
        ["claims/edge_ai.toml", "value"],
    ),
    "claims not UTF-8": (lambda b: _bad_byte(b, "claims/ai.toml"), ["claims/ai.toml", "UTF-8"]),
    "claims file is a folder": (
        lambda b: _folder_instead(b, "claims/ai.toml"),
        ["claims/ai.toml", "folder"],
    ),
    "parameter is text": (
        lambda b: b.edit("parameters/pools.toml", "value = ", 'value = "fifty" #'),
        ["parameters/pools.toml", "value"],
    ),
    "parameters file is a folder": (
        lambda b: _folder_instead(b, "parameters/hardware.toml"),
        ["parameters/hardware.toml", "folder"],
    ),
    "article sha is a number": (
        lambda b: b.edit("article.toml", 'sha256 = "', "sha256 = 5 #"),
        ["article.toml", "sha256"],
    ),
    "article.toml is a folder": (
        lambda b: _folder_instead(b, "article.toml"),
        ["article.toml", "folder"],
    ),
    "infinite price in CSV": (
        lambda b: _curated(
            b,
            "electricity_prices.csv",
            "curated-electricity-prices.toml",
            2,
            "usd_per_kwh_low",
            "inf",
        ),
        ["electricity_prices.csv", "line 4", "usd_per_kwh_low", "finite"],
    ),
    "CSV date past 2262": (
        lambda b: _curated(
            b,
            "mining_cost_estimates.csv",
            "curated-mining-cost-estimates.toml",
            0,
            "as_of",
            "2300-01-01",
        ),
        ["mining_cost_estimates.csv", "line 2", "as_of"],
    ),
    "CSV date before genesis": (
        lambda b: _curated(
            b,
            "mining_cost_estimates.csv",
            "curated-mining-cost-estimates.toml",
            0,
            "as_of",
            "1970-01-01",
        ),
        ["mining_cost_estimates.csv", "as_of", "2009-01-03"],
    ),
    "CSV over its size bound": (
        lambda b: b.edit(
            "datasets/curated-electricity-prices.toml", 'sha256 = "', 'max_bytes = 100\nsha256 = "'
        ),
        ["electricity_prices.csv", "max_bytes"],
    ),
    "JSON Infinity": (
        lambda b: _chart_point(b, 1232582400000, float("inf")),
        ["hash-rate.json", "point 6", "hashrate_ths"],
    ),
    "JSON NaN": (
        lambda b: _chart_point(b, 1232582400000, float("nan")),
        ["hash-rate.json", "point 6", "hashrate_ths"],
    ),
    "JSON point in 1938": (
        lambda b: _chart_point(b, -1_000_000_000_000, 1.0),
        ["hash-rate.json", "point 6", "date", "2009-01-03"],
    ),
    "JSON point past retrieval": (
        lambda b: _chart_point(b, 1_900_000_000_000, 1.0),
        ["hash-rate.json", "point 6", "date", "maximum"],
    ),
    "parquet block dated 1970": (
        lambda b: _block_date(b, dt.datetime(1970, 1, 1)),
        ["blocks_post_2021.parquet", "row 11", "date"],
    ),
    "parquet block in year 3000": (
        lambda b: _block_date(b, dt.datetime(3000, 1, 1)),
        ["blocks_post_2021.parquet", "row 11", "date"],
    ),
    "output dir set but empty": (_env("REPORT_OUTPUT_DIR", ""), ["REPORT_OUTPUT_DIR", "empty"]),
    "data dir missing": (
        lambda b: b.env.__setitem__("REPORT_DATA_DIR", str(b.root / "nowhere")),
        ["REPORT_DATA_DIR", "nowhere"],
    ),
    "project root wrong": (
        lambda b: b.env.__setitem__("REPORT_PROJECT_ROOT", str(b.mirror)),
        ["REPORT_PROJECT_ROOT", "templates"],
    ),
    "mirror is a file": (
        lambda b: b.env.__setitem__("REPORT_DATA_MIRROR", str(b.data / "article.toml")),
        ["REPORT_DATA_MIRROR", "not a folder"],
    ),
    "offline switch garbled": (_env("REPORT_OFFLINE", "perhaps"), ["REPORT_OFFLINE"]),
    "latest is a real folder": (_real_latest, ["latest", "not the link"]),
}
VERIFY = {
    "infinite price in CSV",
    "JSON Infinity",
    "JSON point in 1938",
    "parquet block in year 3000",
    "files of strings",
    "registry not UTF-8",
}


def snapshot(folder: Path) -> list[tuple[str, str]]:
    found = []
    for path in sorted(folder.rglob("*")):
        kind = (
            f"-> {os.readlink(path)}"
            if path.is_symlink()
            else (_sha(path) if path.is_file() else "dir")
        )
        found.append((path.relative_to(folder).as_posix(), kind))
    return found
