import math

import pandas as pd
import pytest

from analysis.ai.gap import (
    arena_catch_up_months,
    arena_frontier,
    assess_gap_narrowing,
    best_to_date,
    gap_slope_per_year,
    is_proprietary,
    open_lag_months,
    win_probability,
)
from analysis.result import Verdict

D = pd.Timestamp


def _arena(rows: list[tuple[str, str, float, str]]) -> pd.DataFrame:
    """Rows of (date, key, rating, licence)."""
    return pd.DataFrame(
        {
            "key": [r[1] for r in rows],
            "model": [r[1].upper() for r in rows],
            "rating": [r[2] for r in rows],
            "license": pd.array([r[3] for r in rows], dtype="string"),
            "organization": ["org"] * len(rows),
            "date": [D(r[0]) for r in rows],
        }
    )


ARENA = _arena(
    [
        ("2023-01-01", "closed-a", 1200, "Proprietary"),
        ("2023-01-01", "open-a", 1000, "Apache 2.0"),
        ("2023-01-01", "open-b", 1050, "Non-commercial"),
        ("2024-01-01", "closed-a", 1190, "Proprietary"),
        ("2024-01-01", "closed-b", 1250, "Propretary"),
        ("2024-01-01", "open-b", 1060, "Non-commercial"),
        ("2024-01-01", "open-c", 1180, "MIT"),
    ]
)


def test_the_misspelt_licence_counts_as_proprietary() -> None:
    licences = pd.Series(
        ["Proprietary", "Propretary", " proprietary ", "MIT", None], dtype="string"
    )
    assert is_proprietary(licences).tolist() == [True, True, True, False, False]


def test_frontier_takes_the_best_of_each_kind_per_snapshot() -> None:
    frontier = arena_frontier(ARENA)
    # 2023: 1200 - 1050; 2024: 1250 (the misspelt licence) - 1180
    assert frontier["gap"].tolist() == [150, 70]
    assert frontier["open_model"].tolist() == ["OPEN-B", "OPEN-C"]
    assert frontier["proprietary_model"].tolist() == ["CLOSED-A", "CLOSED-B"]


def test_slope_is_the_least_squares_line() -> None:
    # three points on a line falling 40 Elo a year, computed from the two-point formula
    frontier = pd.DataFrame(
        {"date": [D("2020-01-01"), D("2021-01-01"), D("2022-01-01")], "gap": [100.0, 60.0, 20.0]}
    )
    days = (D("2022-01-01") - D("2020-01-01")).days
    expected = (20.0 - 100.0) / (days / 365.25)
    assert gap_slope_per_year(frontier) == pytest.approx(expected)


def test_win_probability_follows_the_elo_formula() -> None:
    assert win_probability(0) == pytest.approx(0.5)
    # a 400-point gap is ten-to-one odds
    assert win_probability(400) == pytest.approx(10 / 11)
    assert win_probability(-400) == pytest.approx(1 / 11)


def test_catch_up_dates_from_the_oldest_closed_model_still_ahead() -> None:
    # In 2024 open-c (1180) trails only closed-b (1250), first listed 2024-01-01: no lag;
    # closed-a (1190) is also ahead and was first listed a year earlier.
    months = arena_catch_up_months(ARENA, D("2024-01-01"))
    assert months == pytest.approx((D("2024-01-01") - D("2023-01-01")).days / (365.25 / 12))
    ahead = _arena(
        [
            ("2024-01-01", "closed", 1100, "Proprietary"),
            ("2024-01-01", "open", 1150, "MIT"),
        ]
    )
    assert arena_catch_up_months(ahead, D("2024-01-01")) == 0.0


def _bench(rows: list[tuple[str, str, str, float]]) -> pd.DataFrame:
    """Rows of (system, date, access, mmlu)."""
    return pd.DataFrame(
        {
            "system": [r[0] for r in rows],
            "date": [D(r[1]) for r in rows],
            "access": [r[2] for r in rows],
            "mmlu": [r[3] for r in rows],
            "gpqa": [math.nan] * len(rows),
            "bbh": [math.nan] * len(rows),
            "training_compute_flop": [math.nan] * len(rows),
        }
    )


BENCH = _bench(
    [
        ("early-open", "2019-01-01", "Open", 0.40),
        ("c1", "2020-01-01", "Closed", 0.60),
        ("c2", "2021-01-01", "Closed", 0.80),
        ("o-small", "2021-06-01", "Open", 0.50),
        ("o-tie-low", "2021-07-01", "Open", 0.55),
        ("o-tie-high", "2021-07-01", "Open", 0.65),
        ("o-top", "2022-01-01", "Open", 0.85),
    ]
)


def test_records_keep_only_the_best_of_each_date() -> None:
    records = best_to_date(BENCH[BENCH["access"] == "Open"], "mmlu")
    assert records["system"].tolist() == ["early-open", "o-small", "o-tie-high", "o-top"]


def test_open_lag_by_hand() -> None:
    lags = open_lag_months(BENCH).set_index("system")["lag_months"]
    month = 365.25 / 12
    assert math.isnan(lags["early-open"])  # no closed score yet
    # 0.50 was first passed by c1 (0.60) on 2020-01-01
    assert lags["o-small"] == pytest.approx((D("2021-06-01") - D("2020-01-01")).days / month)
    # 0.65 was first passed by c2 (0.80) on 2021-01-01
    assert lags["o-tie-high"] == pytest.approx((D("2021-07-01") - D("2021-01-01")).days / month)
    assert lags["o-top"] == 0.0  # above every closed score


def test_assessment_reads_narrowing_when_both_measures_shrink() -> None:
    arena = _arena(
        [
            ("2023-01-01", "c", 1300, "Proprietary"),
            ("2023-01-01", "o", 1100, "MIT"),
            ("2024-01-01", "c", 1300, "Proprietary"),
            ("2024-01-01", "o", 1200, "MIT"),
            ("2025-01-01", "c", 1300, "Proprietary"),
            ("2025-01-01", "o", 1280, "MIT"),
        ]
    )
    bench = _bench(
        [
            ("c1", "2020-01-01", "Closed", 0.60),
            ("o1", "2021-01-01", "Open", 0.55),
            ("o2", "2021-06-01", "Open", 0.58),
            ("c2", "2022-01-01", "Closed", 0.80),
            ("o3", "2022-03-01", "Open", 0.70),
        ]
    )
    result = assess_gap_narrowing(arena, bench, 12, 3)
    assert result.verdict is Verdict.SUPPORTED
    assert result.value("arena_gap_first_mean") == pytest.approx(200)
    assert result.value("arena_gap_latest_mean") == pytest.approx(20)
    assert result.value("proprietary_win_share_latest") == pytest.approx(
        100 / (1 + 10 ** (-20 / 400))
    )
    widening = arena.assign(rating=[1300, 1280, 1300, 1200, 1300, 1100])
    slower = bench.assign(
        date=[D("2020-01-01"), D("2020-02-01"), D("2020-03-01"), D("2022-01-01"), D("2025-01-01")]
    )
    assert assess_gap_narrowing(widening, slower, 12, 3).verdict is Verdict.CONTRADICTED


def test_real_data_show_the_published_lags(real_tables: dict[str, pd.DataFrame]) -> None:
    result = assess_gap_narrowing(real_tables["arena_elo"], real_tables["model_benchmarks"], 12, 3)
    lags = result.tables["mmlu_lags"].set_index("system")["lag_months"]
    # Llama 3.1 405B (23 July 2024, MMLU 0.873) trails Claude 3.5 Sonnet (20 June 2024, 0.887)
    assert lags["Llama 3.1 405B"] == pytest.approx(33 / (365.25 / 12))
    # Epoch AI: "on par with closed models ... with a lag of about one year"; the open records
    # of 2023 and early 2024 (Llama 2 70B to Qwen2-72B) trailed GPT-4 or Flan-U-PaLM by about that
    for system in ["LLaMa-2 70B", "Mixtral 8x22B", "Llama 3 70B", "Qwen2-72B"]:
        assert 11 < lags[system] < 18
    # In the last snapshot Gemini 2.5 Pro leads DeepSeek-R1; the lead was smallest after R1 appeared
    frontier = result.tables["frontier"]
    assert frontier["open_model"].iloc[-1] == "DeepSeek-R1"
    assert frontier["proprietary_model"].iloc[-1].startswith("Gemini-2.5-Pro")
    assert result.value("arena_gap_min") < 25
    assert result.value("arena_gap_slope") < 0  # type: ignore[operator]
