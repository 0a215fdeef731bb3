import math

import pytest

from analysis.ai.benchmarks import best_to_date, mmlu_open_lags, open_lag_months
from tests.analysis.ai.frames import D, bench_table

_bench = bench_table

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


def test_the_measure_is_the_mmlu_lag() -> None:
    assert mmlu_open_lags(BENCH).equals(open_lag_months(BENCH, "mmlu"))
