"""Finished charts kept by entry: the same key for the same entry however it was made, a new
key for any change a chart could show, nothing kept for what the digest cannot describe,
and the same charts back."""

from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path

import pandas as pd
import pytest

from report.ledger.entry import Entry, Ledger
from report.render import document
from report.render.document import draw_charts
from report.render.finished_charts import chart_key, load_finished, use_finished_charts


def _charted(ledger: Ledger, count: int = 3) -> Ledger:
    entries = [e for e in ledger.entries if e.claim.chart is not None][:count]
    return dataclasses.replace(ledger, entries=tuple(entries))


def _with_table(entry: Entry, name: str, frame: pd.DataFrame) -> Entry:
    tables = {**entry.assessment.tables, name: frame}
    return dataclasses.replace(
        entry, assessment=dataclasses.replace(entry.assessment, tables=tables)
    )


def test_the_key_is_the_same_for_an_entry_read_back_from_the_claim_cache(ledger: Ledger) -> None:
    for entry in _charted(ledger, 41).entries:
        key = chart_key(entry)
        assert key is not None, entry.claim.id
        assert chart_key(pickle.loads(pickle.dumps(entry))) == key


def test_any_change_a_chart_could_show_changes_the_key(ledger: Ledger) -> None:
    entry = _charted(ledger, 1).entries[0]
    frame = pd.DataFrame({"year": [2020, 2021], "share": [0.0, 1.5]})
    base = chart_key(_with_table(entry, "t", frame))
    changed = [
        frame.assign(share=[0.0, 1.5000001]),  # a value
        frame.assign(share=[-0.0, 1.5]),  # a sign only the bits show
        frame.rename(columns={"share": "part"}),  # a column name
        frame.astype({"year": "float64"}),  # a dtype, same numbers
        frame.assign(share=[None, 1.5]),  # a missing value
        frame.iloc[::-1],  # the order of rows
        frame.set_axis([5, 6]),  # the index
    ]
    keys = [chart_key(_with_table(entry, "t", f)) for f in changed]
    assert base is not None and None not in keys
    assert len({base, *keys}) == len(changed) + 1
    retitled = dataclasses.replace(entry, claim=dataclasses.replace(entry.claim, title="Other"))
    assert chart_key(retitled) != chart_key(entry)
    text = frame.assign(name=["a", "b"])
    assert chart_key(_with_table(entry, "t", text)) != chart_key(
        _with_table(entry, "t", frame.assign(name=["a", "c"]))
    )


def test_an_entry_holding_an_unknown_value_is_never_kept(ledger: Ledger) -> None:
    entry = _charted(ledger, 1).entries[0]
    # lists in a column are described value by value; an arbitrary object is not
    lists = chart_key(_with_table(entry, "t", pd.DataFrame({"x": [[1, 2], [3]]})))
    other = chart_key(_with_table(entry, "t", pd.DataFrame({"x": [[1, 2], [4]]})))
    assert lists is not None and other is not None and lists != other
    assert chart_key(_with_table(entry, "t", pd.DataFrame({"x": [object()]}))) is None


def test_charts_come_back_the_same_without_being_built_again(
    ledger: Ledger, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    some = _charted(ledger)
    with use_finished_charts(tmp_path):
        first = draw_charts(some)
    assert len(list(tmp_path.rglob("*.json"))) == 3

    def not_again(entry: Entry) -> None:
        raise AssertionError("built again")

    monkeypatch.setattr(document, "chart_draft", not_again)
    with use_finished_charts(tmp_path):
        assert draw_charts(some) == first
    for path in tmp_path.rglob("*.json"):  # a damaged file is a miss, built again
        path.write_text("{", encoding="utf-8")
    monkeypatch.undo()
    with use_finished_charts(tmp_path):
        assert draw_charts(some) == first
        assert all(load_finished(e)[1] is not None for e in some.entries)


def test_off_by_default(ledger: Ledger) -> None:
    entry = _charted(ledger, 1).entries[0]
    assert load_finished(entry) == (None, None)


def test_time_zones_categories_and_index_names_are_described_exactly(ledger: Ledger) -> None:
    entry = _charted(ledger, 1).entries[0]

    def key(frame: pd.DataFrame) -> str | None:
        return chart_key(_with_table(entry, "t", frame))

    def aware(hour: int) -> pd.DataFrame:
        return pd.DataFrame(
            {"at": pd.to_datetime([f"2024-01-01 {hour:02d}:00"]).tz_localize("UTC")}
        )

    assert key(aware(1)) is not None and key(aware(1)) == key(aware(1))  # built twice, one key
    assert key(aware(1)) != key(aware(2))
    unordered = pd.DataFrame({"c": pd.Categorical(["a", "b"], ordered=False)})
    ordered = pd.DataFrame({"c": pd.Categorical(["a", "b"], ordered=True)})
    assert key(unordered) != key(ordered)
    named = pd.DataFrame({"v": [1, 2]}).rename_axis("year")
    assert key(named) != key(pd.DataFrame({"v": [1, 2]}))
    nullable = pd.DataFrame({"n": pd.array([1, None], dtype="Int64")})
    assert key(nullable) == key(pd.DataFrame({"n": pd.array([1, None], dtype="Int64")}))
