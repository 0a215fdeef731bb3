"""Which claims await review and why, and the QA log as CSV."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from report.review.fingerprint import fingerprints
from report.review.log import append, read_log
from report.review.state import qa_csv, review_states
from report.review.versions import Version
from tests.report.review.fakes import claim, make_version


def test_a_sign_off_lapses_when_what_it_covered_changes(tmp_path: Path) -> None:
    old = make_version(
        tmp_path,
        "aaaa0001",
        [claim("kept"), claim("moved", method="Share was 40."), claim("flips"), claim("said")],
        mtime=1,
    )
    v1 = Version("aaaa0001", old)
    log = tmp_path / "log.jsonl"
    append(log, [(fp, v1.id) for fp in fingerprints(v1).values()], "Ann", "")
    assert all(s.signed_off for s in review_states(v1, None, log))
    new = [
        claim("kept"),
        claim("moved", {"share": 41.0}, method="Share was 41."),
        claim("flips", verdict="contradicted"),
        claim("said", quote="Reworded quote."),
        claim("fresh"),
    ]
    v2 = Version("bbbb0002", make_version(tmp_path, "bbbb0002", new, mtime=2))
    states = {s.claim: s for s in review_states(v2, v1, log)}
    assert states["kept"].signed_off and states["kept"].signoff is not None
    assert states["kept"].signoff.version == "aaaa0001"  # same fingerprint, signed in v1
    assert states["moved"].reasons == ("figures changed",)
    assert states["flips"].reasons == ("verdict flipped",)
    assert states["said"].reasons == ("wording changed",)
    assert states["fresh"].reasons == ("new",)


def test_the_qa_csv_says_who_checked_what_when_against_which_version(tmp_path: Path) -> None:
    v1 = Version("aaaa0001", make_version(tmp_path, "aaaa0001", [claim("c")]))
    log = tmp_path / "log.jsonl"
    append(log, [(fingerprints(v1)["c"], v1.id)], '=HYPERLINK("x")', "checked, against source")
    rows = list(csv.DictReader(io.StringIO(qa_csv(read_log(log)))))
    assert len(rows) == 1
    row = rows[0]
    assert (row["claim"], row["version"], row["note"]) == (
        "c",
        "aaaa0001",
        "checked, against source",
    )
    assert row["checked_by"] == '\'=HYPERLINK("x")'  # a spreadsheet shows it, never runs it
    assert row["signed_at_utc"].endswith("Z") and row["entry_sha256"] == read_log(log)[0].hash
