"""``build``: per-claim caching with --explain, --no-cache giving the same bytes, and a
re-pinned curated table recomputing only the claims that read it."""

from __future__ import annotations

import csv
import io

from report.pipeline import Project
from tests.report.commands.conftest import Scratch, version_of

REPRODUCIBLE = ("report.html", "report.pdf", "claims.json")
TABLE = "curated/edge_ai_market.csv"


def _explained(stdout: str) -> dict[str, str]:
    lines = [
        line for line in stdout.splitlines() if not line.startswith(("built", "reused", "report:"))
    ]
    return {line.split(" ", 1)[0]: line.split(" ", 1)[1] for line in lines}


def _edit_one_value(path_text: str) -> str:
    rows = list(csv.DictReader(io.StringIO(path_text)))
    value = float(rows[0]["forecast_value_usd_bn"])
    rows[0]["forecast_value_usd_bn"] = f"{value + 1:g}"
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def test_pin_then_build_recomputes_only_the_claims_that_read_the_table(
    scratch_project: Scratch, project: Project
) -> None:
    first = version_of(scratch_project.run("build", "--quiet"))
    again = scratch_project.run("build", "--explain", "--quiet")
    explained = _explained(again.stdout)
    assert set(explained) == {p.claim.id for p in project.plan}
    assert set(explained.values()) == {"cached"} and version_of(again) == first

    table = scratch_project.data / TABLE
    table.write_text(_edit_one_value(table.read_text(encoding="utf-8")), encoding="utf-8")
    refused = scratch_project.run("build", "--quiet")
    assert refused.returncode == 2 and "edge_ai_market.csv" in refused.stderr
    assert "python -m report pin" in refused.stderr

    pinned = scratch_project.run("pin", str(table))
    assert pinned.returncode == 0, pinned.stderr
    assert "pinned curated-edge-ai-market/edge_ai_market.csv: sha256 " in pinned.stdout
    assert " -> " in pinned.stdout

    rebuilt = scratch_project.run("build", "--explain", "--quiet")
    explained = _explained(rebuilt.stdout)
    readers = {p.claim.id for p in project.plan if "edge_ai_forecasts" in p.tables}
    assert readers, "some claim reads the edge-AI table"
    recomputed = {c for c, line in explained.items() if line != "cached"}
    assert recomputed == readers
    for claim_id in readers:
        assert explained[claim_id] == (
            "recomputed: dataset curated-edge-ai-market (edge_ai_forecasts) changed"
        )
    second = version_of(rebuilt)
    assert second != first

    fresh = Scratch(
        scratch_project.data, scratch_project.cache, scratch_project.output.with_name("nocache"), {}
    )
    uncached = fresh.run("build", "--no-cache", "--explain", "--quiet")
    assert version_of(uncached) == second
    assert set(_explained(uncached.stdout).values()) == {"recomputed: --no-cache"}
    for name in REPRODUCIBLE:
        cached_bytes = (scratch_project.output / second / name).read_bytes()
        assert (fresh.output / second / name).read_bytes() == cached_bytes, name


def test_pin_refuses_a_table_that_breaks_its_schema(scratch_project: Scratch) -> None:
    table = scratch_project.data / "curated" / "asic_models.csv"
    before = (scratch_project.data / "snapshots.lock").read_bytes()
    original = table.read_text(encoding="utf-8")
    header, first, *rest = original.splitlines(keepends=True)
    table.write_text(header + ",".join(["x"] * len(first.split(","))) + "\n" + "".join(rest))
    try:
        done = scratch_project.run("pin", str(table))
        assert done.returncode == 2 and "asic_models.csv" in done.stderr
        assert (scratch_project.data / "snapshots.lock").read_bytes() == before
    finally:
        table.write_text(original, encoding="utf-8")


def test_pin_of_a_file_that_is_no_input_exits_2(scratch_project: Scratch) -> None:
    done = scratch_project.run("pin", str(scratch_project.data / "claims" / "ai.toml"))
    assert done.returncode == 2 and "is not an input of any dataset" in done.stderr
