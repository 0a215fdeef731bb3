"""The version follows the declarations of the data folder a build reads, wherever it is."""

from __future__ import annotations

import shutil
from pathlib import Path

from report.settings import Settings
from report.versions.provenance import code_sha256


def test_the_project_s_own_data_folder_adds_nothing(settings: Settings) -> None:
    root = settings.project_root
    assert code_sha256(root, root / "data") == code_sha256(root)


def test_a_data_folder_elsewhere_is_part_of_the_code_hash(
    settings: Settings, tmp_path: Path
) -> None:
    root = settings.project_root
    data = tmp_path / "data"
    shutil.copytree(root / "data" / "claims", data / "claims")
    shutil.copytree(root / "data" / "curated", data / "curated")
    before = code_sha256(root, data)
    assert before != code_sha256(root)
    claims = data / "claims" / "pools.toml"
    claims.write_text(claims.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    edited = code_sha256(root, data)
    assert edited != before
    table = next((data / "curated").glob("*.csv"))
    table.write_bytes(table.read_bytes() + b"\n")
    assert code_sha256(root, data) not in {before, edited}
