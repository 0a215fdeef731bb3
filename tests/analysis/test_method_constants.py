"""The constants the prose of the pools and mining-cost claims states in words are the ones
the code uses: every number word in their summaries, methods, limits, needs and margins is
listed here with the check that ties it to a code constant, a parameter or a computed
figure. A number word nobody tied fails the test."""

from __future__ import annotations

import re
from collections.abc import Callable

import pandas as pd
import pytest

from analysis.measures.issuance import WINDOW_DAYS
from analysis.measures.pool_shares import TOP_N
from analysis.mining_cost.energy_surge import EIA_END_MONTHS
from report.ledger.entry import Entry, Ledger

FAMILIES = ("pools", "mining_cost")
NUMBER_WORDS = re.compile(
    r"\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|"
    r"fifty|hundred|thousand|million|billion|half|double|twice|triple)\b"
)


def _ten_thousand(entry: Entry) -> None:
    # equivalent pools = 10,000 / HHI, the scale of an HHI of shares in percent
    pools, hhi = entry.value("effective_pools_latest"), entry.value("hhi_latest")
    assert pools is not None and hhi is not None
    assert pools * hhi == pytest.approx(10_000)


def _half(entry: Entry) -> None:
    assert entry.value("majority_share_pct") == 50


def _two_largest(entry: Entry) -> None:
    assert 2 in TOP_N


def _five_largest(entry: Entry) -> None:
    assert max(TOP_N) == 5


def _seven_days(entry: Entry) -> None:
    assert WINDOW_DAYS == 7


def _twelve_months(entry: Entry) -> None:
    assert EIA_END_MONTHS == 12


def _two_points(entry: Entry) -> None:
    # the regional series compared hold two cited prices each (first and last of a series)
    series = entry.assessment.tables["series"]
    assert len(series) > 0 and {"change_pct"} <= set(series.columns)


# (claim id prefix, the words around the number word) -> the check
TIED: dict[tuple[str, str], Callable[[Entry], None]] = {
    ("pools", "ten thousand divided by the hhi"): _ten_thousand,
    ("pools", "passed half the blocks"): _half,
    ("pools", "two largest"): _two_largest,
    ("pools", "largest two"): _two_largest,
    ("pools", "five largest"): _five_largest,
    ("mining-cost", "same seven days"): _seven_days,
    ("mining-cost", "last twelve"): _twelve_months,
    ("mining-cost", "compare two cited prices"): _two_points,
    ("mining-cost", "have two points at most"): _two_points,
}


def _texts(entry: Entry) -> dict[str, str]:
    return entry.prose()


def _family_entries(ledger: Ledger) -> list[Entry]:
    return [e for e in ledger.entries if e.claim.family in FAMILIES]


def test_every_number_word_is_tied_to_what_the_code_uses(ledger: Ledger) -> None:
    untied: list[str] = []
    used: set[tuple[str, str]] = set()
    for entry in _family_entries(ledger):
        for field, text in _texts(entry).items():
            lowered = text.lower()
            for match in NUMBER_WORDS.finditer(lowered):
                around = lowered[max(0, match.start() - 30) : match.end() + 30]
                keys = [
                    (prefix, words)
                    for prefix, words in TIED
                    if entry.claim.id.startswith(prefix) and words in around
                ]
                if not keys:
                    untied.append(f"{entry.claim.id} {field}: …{around}…")
                for key in keys:
                    TIED[key](entry)
                used.update(keys)
    assert not untied, "number words not tied to a constant:\n" + "\n".join(untied)
    assert used == set(TIED), f"tied phrases no prose uses any more: {sorted(set(TIED) - used)}"


def test_the_blocks_a_day_label_is_what_is_computed(
    ledger: Ledger, real_tables: dict[str, pd.DataFrame]
) -> None:
    # "Blocks found a day on that date (hashrate and difficulty)": hashrate in hashes a day
    # over the hashes one block takes (difficulty times two to the 32nd), on the latest date
    entry = ledger.entry("mining-cost-above-100k")
    day = pd.Timestamp.fromordinal(int(entry.value("latest_date") or 0))
    hashrate = real_tables["hashrate"].set_index("date")["hashrate_ths"]
    difficulty = real_tables["difficulty"].set_index("date")["difficulty"]
    at = lambda s: float(s[s.index <= day].iloc[-1])  # noqa: E731 - the value on or before the day
    by_hand = at(hashrate) * 1e12 * 86_400 / (at(difficulty) * 2**32)
    assert "hashrate and difficulty" in entry.assessment.figure("blocks_per_day_latest").label
    assert entry.value("blocks_per_day_latest") == pytest.approx(by_hand, rel=0.02)
    assert entry.value("hashes_per_unit_difficulty") == 2**32
    assert entry.value("target_blocks_per_day") == 86_400 / 600


def test_days_in_a_year_are_the_parameter_the_cbeci_check_uses(ledger: Ledger) -> None:
    entry = ledger.entry("mining-cost-above-100k")
    # CBECI annualises with 365.25 days; no prose of these families states another year
    assert entry.value("cbeci_days_per_year") == 365.25
    for other in _family_entries(ledger):
        for text in _texts(other).values():
            assert "365" not in text and "three hundred" not in text.lower()
