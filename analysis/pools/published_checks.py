"""Block counts and shares published by others, read against the block table: each passage
of the curated table ``pool_share_published`` gives a window or a period, and the table's
count is compared within the blocks it leaves unattributed there.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.measures.pool_shares import RESIDUAL_POOL, utc_naive
from analysis.result import Citation, Figure, Figures, text_of

SHARE_CHECKS = ("calendar year", "calendar month")
CHECK_FIGURES = Figures(
    ("published_checks", "Published block counts and shares checked (one per passage)", "count"),
    (
        "published_checks_agreeing",
        "Published figures the block table reproduces, read as first transcribed",
        "count",
    ),
    (
        "published_checks_refit",
        "Published figures that fit only a period chosen after seeing the data",
        "count",
    ),
)


def _utc_stamp(moment: pd.Timestamp) -> pd.Timestamp:
    return moment.tz_convert("UTC").tz_localize(None) if moment.tzinfo is not None else moment


def count_in_window(
    blocks: pd.DataFrame, pool_slug: str, end: pd.Timestamp, size: int
) -> tuple[int, int]:
    """Blocks of ``pool_slug`` and unattributed blocks among the last ``size`` blocks before ``end``."""
    window = blocks[utc_naive(blocks["date"]) < _utc_stamp(end)].sort_values("height").tail(size)
    if len(window) < size:
        raise ValueError(f"fewer than {size} blocks before {end}")
    return int((window["pool_slug"] == pool_slug).sum()), int(
        (window["pool_slug"] == RESIDUAL_POOL).sum()
    )


@dataclass(frozen=True)
class _Chain:
    """The blocks in height order: when each was found (naive UTC), its pool and its year."""

    times: np.ndarray
    slugs: np.ndarray

    @classmethod
    def of(cls, blocks: pd.DataFrame) -> _Chain:
        ordered = blocks.sort_values("height")
        times = utc_naive(ordered["date"]).to_numpy(dtype="datetime64[ns]")
        return cls(times, ordered["pool_slug"].astype(str).to_numpy(dtype=object))

    def years(self) -> np.ndarray:
        return self.times.astype("datetime64[Y]").astype("int64") + 1970


def _found_by(found: np.ndarray, slugs: set[str]) -> np.ndarray:
    """Which of the blocks ``found`` the pools ``slugs`` found."""
    return pd.Series(found, dtype=object).isin(slugs).to_numpy()


def _mean(flags: np.ndarray) -> float:
    return float(flags.mean()) if len(flags) else float("nan")


def _share_check(chain: _Chain, slugs: set[str], row: pd.Series) -> tuple[float, float, float]:
    """The share (%) of the period's blocks found by ``slugs``, and the unattributed share."""
    if str(row["check_kind"]) == "calendar year":
        inside = chain.years() == int(row["year"])
    else:
        month = pd.Timestamp(row["window_date"])
        after = (month + pd.DateOffset(months=1)).to_datetime64()
        inside = (chain.times >= month.to_datetime64()) & (chain.times < after)
    found = chain.slugs[inside]
    share = 100.0 * _mean(_found_by(found, slugs))
    return share, share, 100.0 * _mean(found == RESIDUAL_POOL)


def _windows(chain: _Chain, row: pd.Series) -> list[np.ndarray]:
    """The blocks (positions in height order) of each window a count check may mean."""
    kind, size = str(row["check_kind"]), int(row["window_blocks"])
    day = pd.Timestamp(row["window_date"])
    if kind == "blocks from date":
        window = np.flatnonzero(chain.times >= day.to_datetime64())[:size]
        return [window] if len(window) == size else []
    if kind == "blocks before day":
        return _windows_before_day(chain, day, size)
    raise ValueError(f"unknown check kind {kind!r}")


def _windows_before_day(chain: _Chain, day: pd.Timestamp, size: int) -> list[np.ndarray]:
    """The last ``size`` blocks found before each hour of ``day`` (0:00 to the next 0:00): the
    blocks found before the day, plus those of the day found before that hour."""
    start = day.to_datetime64()
    before = np.flatnonzero(chain.times < start)[-size:]
    that_day = np.flatnonzero(
        (chain.times >= start) & (chain.times < start + np.timedelta64(1, "D"))
    )
    windows = []
    for hour in range(0, 25):
        end = (day + pd.Timedelta(hours=hour)).to_datetime64()
        windows.append(np.union1d(before, that_day[chain.times[that_day] < end])[-size:])
    return windows


def _check_window(chain: _Chain, slugs: set[str], row: pd.Series) -> tuple[float, float, float]:
    """Computed low and high value of one published check, and the unattributed blocks (or
    share) that could move it."""
    if str(row["check_kind"]) in SHARE_CHECKS:
        return _share_check(chain, slugs, row)
    size = int(row["window_blocks"])
    windows = _windows(chain, row)
    if not windows or any(len(w) < size for w in windows):
        return float("nan"), float("nan"), float("nan")
    found = [chain.slugs[w] for w in windows]
    counts = [int(_found_by(f, slugs).sum()) for f in found]
    unknown = max(int((f == RESIDUAL_POOL).sum()) for f in found)
    return float(min(counts)), float(max(counts)), float(unknown)


def published_checks(blocks: pd.DataFrame, published: pd.DataFrame) -> pd.DataFrame:
    """Published block counts and shares the block table can reproduce, beside the computed
    value (a range when the window's hour is not given) and the unattributed blocks that could
    move it. ``agrees`` when the published value lies within that margin (for a share published
    as 'more than', when the computed share plus the margin exceeds it). ``passage`` numbers the
    published passages (source and excerpt); ``reading`` numbers the readings of one passage in
    table order: 1 is the reading first transcribed, later ones read the same sentence another
    way (another period, say)."""
    chain = _Chain.of(blocks)
    rows = []
    readings: dict[tuple[str, str], int] = {}
    passages: dict[tuple[str, str], int] = {}
    for _, row in published[published["check_kind"].notna()].iterrows():
        passage = (text_of(row["source_address"]), text_of(row["excerpt"]))
        readings[passage] = readings.get(passage, 0) + 1
        passages.setdefault(passage, len(passages) + 1)
        slugs = set(str(row["pool_slugs"]).split("+"))
        low, high, margin = _check_window(chain, slugs, row)
        if row["check_kind"] in SHARE_CHECKS:
            value, unit = float(row["share_low_pct"]), "percent"
            agrees = high + margin > value
        else:
            value, unit = float(row["blocks_published"]), "blocks"
            agrees = low - margin <= value <= high + margin
        rows.append(
            {
                "label": row["label"],
                "passage": passages[passage],
                "reading": readings[passage],
                "pool_slugs": row["pool_slugs"],
                "unit": unit,
                "published": value,
                "computed_low": low,
                "computed_high": high,
                "unattributed": margin,
                "agrees": bool(agrees),
            }
        )
    return pd.DataFrame(rows)


def _first_readings(checks: pd.DataFrame) -> pd.DataFrame:
    return checks[checks["reading"] == 1]


def checks_agreeing_later(checks: pd.DataFrame) -> int:
    """Published passages whose first reading disagrees but a later reading agrees."""
    if checks.empty:
        return 0
    any_agrees = checks.groupby("passage")["agrees"].any()
    return int(any_agrees.sum()) - int(_first_readings(checks)["agrees"].sum())


def check_figures(checks: pd.DataFrame) -> tuple[Figure, ...]:
    """How many published passages the block table reproduces at their first reading, and how
    many more only at a reading chosen afterwards."""
    first = _first_readings(checks) if len(checks) else checks
    return CHECK_FIGURES.fill(
        published_checks=float(len(first)),
        published_checks_agreeing=float(first["agrees"].sum()) if len(first) else 0.0,
        published_checks_refit=float(checks_agreeing_later(checks)),
    )


def published_citations(rows: pd.DataFrame) -> tuple[Citation, ...]:
    """One citation per published passage, with the notes on how each reading was made."""
    notes: dict[tuple[str, str, str], list[str]] = {}
    for row in rows.itertuples():
        key = (text_of(row.source_title), text_of(row.source_address), text_of(row.excerpt))
        note = text_of(row.normalisation)
        notes.setdefault(key, [])
        if note and note not in notes[key]:
            notes[key].append(note)
    return tuple(Citation(*key, " ".join(found)) for key, found in notes.items())
