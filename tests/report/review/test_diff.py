"""The number-level diff: figures with old, new and relative change; verdicts; claims added
and removed; rewording (not renumbering); inputs; the --rtol filter; the JSON document."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from report.review.diff import diff_document, diff_versions
from report.review.versions import Version
from tests.report.review.fakes import claim, make_version


@pytest.fixture()
def pair(tmp_path: Path) -> tuple[Version, Version]:
    old = [
        claim("same"),
        claim("moved", {"share": 40.0, "tiny": 100.0, "gone": 1.0}, method="Share was 40%."),
        claim("flipped", verdict="supported"),
        claim("dropped"),
        claim("reworded", method="Divide the blocks by 4."),
    ]
    new = [
        claim("same"),
        claim("moved", {"share": 50.0, "tiny": 100.05, "fresh": 2.0}, method="Share was 50%."),
        claim("flipped", verdict="contradicted"),
        claim("added"),
        claim("reworded", method="Divide the pools by 4."),
    ]
    make_version(tmp_path, "aaaa0001", old, mtime=1_000)
    make_version(tmp_path, "bbbb0002", new, mtime=2_000)
    return Version("aaaa0001", tmp_path / "aaaa0001"), Version("bbbb0002", tmp_path / "bbbb0002")


def test_each_moved_figure_has_old_new_and_relative_change(pair: tuple[Version, Version]) -> None:
    diff = diff_versions(*pair)
    moved = {c.id: c for c in diff.claims}["moved"]
    changes = {f.name: f for f in moved.figures}
    assert set(changes) == {"share", "tiny", "gone", "fresh"}
    assert (changes["share"].old, changes["share"].new) == (40.0, 50.0)
    assert changes["share"].relative == pytest.approx(10 / 40)
    assert changes["tiny"].relative == pytest.approx(0.05 / 100)
    assert changes["gone"].new is None and changes["gone"].relative is None
    assert changes["fresh"].old is None
    assert moved.reworded == ()  # only the numbers in its method moved


def test_verdicts_additions_removals_and_rewording(pair: tuple[Version, Version]) -> None:
    by_id = {c.id: c for c in diff_versions(*pair).claims}
    assert by_id["flipped"].verdict == ("supported", "contradicted")
    assert by_id["added"].status == "added"
    assert by_id["dropped"].status == "removed"
    assert by_id["reworded"].reworded == ("method",)
    assert by_id["same"].status == "unchanged"


def test_rtol_hides_small_relative_changes_only(pair: tuple[Version, Version]) -> None:
    moved = {c.id: c for c in diff_versions(*pair).filtered(0.01).claims}["moved"]
    assert {f.name for f in moved.figures} == {"share", "gone", "fresh"}  # tiny is 0.05%
    everything = {c.id: c for c in diff_versions(*pair).filtered(1.0).claims}
    assert {f.name for f in everything["moved"].figures} == {"gone", "fresh"}


def test_a_claim_left_with_no_change_after_rtol_is_unchanged(tmp_path: Path) -> None:
    make_version(tmp_path, "aaaa0001", [claim("c", {"x": 100.0})], mtime=1_000)
    make_version(tmp_path, "bbbb0002", [claim("c", {"x": 100.001})], mtime=2_000)
    diff = diff_versions(
        Version("aaaa0001", tmp_path / "aaaa0001"), Version("bbbb0002", tmp_path / "bbbb0002")
    )
    assert [c.status for c in diff.claims] == ["changed"]
    assert [c.status for c in diff.filtered(0.001).claims] == ["unchanged"]


def test_changed_inputs_are_named_for_the_claims_that_read_them(tmp_path: Path) -> None:
    make_version(
        tmp_path,
        "aaaa0001",
        [claim("c"), claim("d", sources=("other",))],
        inputs={"ds": "a" * 64, "other": "c" * 64},
        mtime=1_000,
    )
    make_version(
        tmp_path,
        "bbbb0002",
        [claim("c"), claim("d", sources=("other",))],
        inputs={"ds": "b" * 64, "other": "c" * 64},
        mtime=2_000,
    )
    diff = diff_versions(
        Version("aaaa0001", tmp_path / "aaaa0001"), Version("bbbb0002", tmp_path / "bbbb0002")
    )
    by_id = {c.id: c for c in diff.claims}
    assert by_id["c"].inputs == ("ds",) and by_id["d"].status == "unchanged"
    assert [(i.dataset, i.old, i.new) for i in diff.inputs] == [("ds", "a" * 64, "b" * 64)]


def test_the_json_document_lists_only_changes_and_is_valid_json(
    pair: tuple[Version, Version],
) -> None:
    document = json.loads(json.dumps(diff_document(diff_versions(*pair), 0.0), allow_nan=False))
    assert document["old"] == "aaaa0001" and document["new"] == "bbbb0002"
    assert {c["id"] for c in document["claims"]} == {
        "moved",
        "flipped",
        "added",
        "dropped",
        "reworded",
    }
    assert document["summary"]["figures_changed"] == 4
    assert document["summary"]["verdicts_flipped"] == 1
    share = next(f for c in document["claims"] for f in c["figures"] if f["name"] == "share")
    assert share == {
        "name": "share",
        "label": "Label share",
        "unit": "percent",
        "old": 40.0,
        "new": 50.0,
        "old_formatted": "40.0%",
        "new_formatted": "50.0%",
        "relative_change": 0.25,
    }


def _dated(claim_id: str, value: object, unit: str = "date") -> dict[str, object]:
    made = claim(claim_id, {"share": 40.0})
    made["figures"] = {"share": 40.0, "when": value}
    made["figure_details"] = [  # type: ignore[index]
        *made["figure_details"],  # type: ignore[misc]
        {
            "name": "when",
            "label": "Latest date",
            "value": value,
            "unit": unit,
            "formatted": str(value),
        },
    ]
    return made


def test_dates_compare_across_claims_json_formats_and_a_moved_date_is_always_shown(
    tmp_path: Path,
) -> None:
    import datetime as dt

    day = dt.date(2026, 2, 17)
    # format 1 wrote a day ordinal, format 2 writes ISO text: the same day is no change
    make_version(tmp_path, "aaaa0001", [_dated("c", float(day.toordinal()))], mtime=1_000)
    make_version(tmp_path, "bbbb0002", [_dated("c", "2026-02-17")], mtime=2_000)
    make_version(tmp_path, "cccc0003", [_dated("c", "2026-02-18")], mtime=3_000)
    old, same, moved = (Version(v, tmp_path / v) for v in ("aaaa0001", "bbbb0002", "cccc0003"))
    assert diff_versions(old, same).changed() == ()
    (change,) = diff_versions(same, moved).filtered(0.5).changed()[0].figures
    assert (change.old, change.new, change.relative) == ("2026-02-17", "2026-02-18", None)
    document = diff_document(diff_versions(old, moved), 0.5)
    assert document["claims"][0]["figures"][0]["new"] == "2026-02-18"


def test_a_hand_edited_value_is_reported_not_a_crash(tmp_path: Path) -> None:
    make_version(tmp_path, "aaaa0001", [claim("c", {"share": 40.0})], mtime=1_000)
    edited = claim("c", {"share": 40.0})
    edited["figure_details"][0]["value"] = "forty"  # type: ignore[index]
    edited["figures"] = {"share": "forty"}
    make_version(tmp_path, "bbbb0002", [edited], mtime=2_000)
    diff = diff_versions(
        Version("aaaa0001", tmp_path / "aaaa0001"), Version("bbbb0002", tmp_path / "bbbb0002")
    )
    (change,) = diff.filtered(0.01).changed()[0].figures
    assert (change.old, change.new, change.relative) == (40.0, "forty", None)


def _edit_claims(folder: Path, edit: Callable[[dict[str, Any]], object]) -> None:
    """Hand-edit the first claim of a version's claims.json, as a user might."""
    path = folder / "claims.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    edit(document["claims"][0])
    path.write_text(json.dumps(document), encoding="utf-8")


@pytest.mark.parametrize(
    ("edit", "named"),
    [
        (lambda c: c.update(title=5), "key 'title': expected text"),
        (lambda c: c.pop("verdict"), "key 'verdict': expected text"),
        (lambda c: c.update(sources=5), "key 'sources'"),
        (lambda c: c.update(sources=[{}]), "key 'sources'"),
        (lambda c: c.pop("id"), "key 'id': expected text"),
        (lambda c: c.update(id=[1]), "key 'id': expected text"),
        (lambda c: c.update(figures=[1]), "key 'figures'"),
        (lambda c: c.update(figure_details=[5]), "key 'figure_details'"),
    ],
)
def test_a_malformed_claims_json_names_the_file_claim_and_key(
    tmp_path: Path, edit: object, named: str
) -> None:
    from report.review.errors import ReviewError

    make_version(tmp_path, "aaaa0001", [claim("c")], mtime=1_000)
    make_version(tmp_path, "bbbb0002", [claim("c")], mtime=2_000)
    _edit_claims(tmp_path / "bbbb0002", edit)  # type: ignore[arg-type]
    with pytest.raises(ReviewError) as raised:
        diff_versions(
            Version("aaaa0001", tmp_path / "aaaa0001"), Version("bbbb0002", tmp_path / "bbbb0002")
        )
    assert "bbbb0002/claims.json: claim 1" in str(raised.value) and named in str(raised.value)
    assert raised.value.exit_status == 2


def test_huge_infinite_and_missing_numbers_are_shown_and_the_json_stays_strict(
    tmp_path: Path,
) -> None:
    make_version(tmp_path, "aaaa0001", [claim("c", {"a": 1.0, "b": 2.0, "n": 3.0})], mtime=1_000)
    make_version(tmp_path, "bbbb0002", [claim("c", {"a": 1.0, "b": 2.0, "n": 3.0})], mtime=2_000)
    new_values = {"a": 10**400, "b": float("inf"), "n": float("nan")}

    def edit(c: dict[str, Any]) -> None:
        c["figures"] = new_values
        for detail in c["figure_details"]:
            detail["value"] = new_values[detail["name"]]

    _edit_claims(tmp_path / "bbbb0002", edit)
    diff = diff_versions(
        Version("aaaa0001", tmp_path / "aaaa0001"), Version("bbbb0002", tmp_path / "bbbb0002")
    )
    changes = {f.name: f for f in diff.filtered(0.5).changed()[0].figures}
    assert set(changes) == {"a", "b", "n"}
    assert all(f.relative is None for f in changes.values())

    def refuse(name: str) -> None:
        raise ValueError(f"not strict JSON: {name}")

    text = json.dumps(diff_document(diff, 0.5))
    figures = json.loads(text, parse_constant=refuse)["claims"][0]["figures"]
    assert {f["name"]: f["new"] for f in figures}["b"] == "inf"
