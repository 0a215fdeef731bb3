import math

import numpy as np
import pandas as pd
import pytest

from analysis.hardware.asic_divide import assess_asic_divide
from analysis.result import Assessment, Verdict
from tests.analysis.hardware_frames import (
    CBECI,
    HASHRATE,
    MODELS,
    NO_MODELS,
    TS,
    measures,
)


def _divide(cbeci: pd.DataFrame, models: pd.DataFrame, hashrate: pd.DataFrame) -> Assessment:
    m = measures(cbeci, hashrate, models)
    return assess_asic_divide(
        m["classified_machines"], cbeci, m["f2pool_efficiency"], hashrate, 4e-5
    )


def test_asic_divide_on_a_hand_made_table() -> None:
    result = _divide(CBECI, MODELS, HASHRATE)
    # best CPU 10,000 J/GH = 1e7 J/TH; best ASIC in the data is B1 at 62.5 J/TH
    assert result.value("asic_vs_cpu_multiple") == pytest.approx(1e7 / 62.5)
    assert result.value("asic_vs_gpu_multiple") == pytest.approx(1e6 / 62.5)
    assert result.value("asic_vs_cpu_orders") == pytest.approx(math.log10(1e7 / 62.5))
    assert result.value("first_asic_vs_gpu_multiple") == pytest.approx(100.0)
    # hashrate grew 2x in the year before the first ASIC row and 100x in the year after
    assert result.value("growth_before_first_asic") == pytest.approx(2.0)
    assert result.value("growth_after_first_asic") == pytest.approx(100.0)
    assert result.value("top_device_vs_cpu_multiple") == pytest.approx(100.0 / 4e-5)
    # named ASIC records: A1 (1,000 J/TH, 2014), A2 (250, 2016), B1 (62.5, 2018): a quarter
    # every two years, so energy per hash halves every twelve months
    assert result.value("asic_points") == 3
    assert result.value("asic_halving_months") == pytest.approx(12.0, rel=0.01)
    assert result.value("asic_r_squared") == pytest.approx(1.0, abs=1e-4)
    assert result.verdict is Verdict.SUPPORTED
    # the arrival multiple (100x) sits at the threshold: it decides, at zero distance
    assert result.figures[0].name == "first_asic_vs_gpu_multiple"
    assert result.margin is not None and result.margin.deciding == "first_asic_vs_gpu_multiple"
    assert result.margin.threshold.value == 100.0
    assert result.margin.flips_to is Verdict.CONTRADICTED
    # records: every CBECI row but the worst GPU (no better than the best CPU), then B1
    records = result.tables["machines"].query("record")["machine"].tolist()
    assert records == [*CBECI["miner"].drop(2), "Maker B1"]


def test_asic_divide_verdict_rules() -> None:
    slow_start = HASHRATE.assign(
        hashrate_ths=np.where(HASHRATE["date"] == TS("2014-01-01"), 30.0, HASHRATE["hashrate_ths"])
    )
    partly = _divide(CBECI, NO_MODELS, slow_start)
    assert partly.value("growth_after_first_asic") == pytest.approx(1.5)
    assert partly.verdict is Verdict.PARTLY_SUPPORTED
    assert partly.margin is not None and partly.margin.flips_to is Verdict.SUPPORTED
    assert partly.margin.threshold.value == pytest.approx(2.0)  # the growth before
    # an ASIC only fifty times better than the best GPU at arrival is not "exponentially
    # greater", however much better later machines are
    narrow = CBECI.assign(efficiency_j_gh=CBECI["efficiency_j_gh"].clip(lower=20.0))
    contradicted = _divide(narrow, MODELS, HASHRATE)
    assert contradicted.value("first_asic_vs_gpu_multiple") == pytest.approx(50.0)
    assert contradicted.value("asic_vs_gpu_multiple") == pytest.approx(1e6 / 62.5)
    assert contradicted.verdict is Verdict.CONTRADICTED
    assert contradicted.margin is not None
    assert contradicted.margin.flips_to is Verdict.PARTLY_SUPPORTED
    # a first ASIC far beyond the threshold (1,000x): the growth test is then the nearer
    wide = CBECI.assign(
        efficiency_j_gh=CBECI["efficiency_j_gh"].where(CBECI["efficiency_j_gh"] != 10.0, 1.0)
    )
    far = _divide(wide, NO_MODELS, HASHRATE)
    assert far.value("first_asic_vs_gpu_multiple") == pytest.approx(1000.0)
    assert far.verdict is Verdict.SUPPORTED  # growth 100x after against 2x before
    # log(100 / 2) = 1.7 orders against log(1000 / 100) = 1: the multiple is still nearer
    assert far.margin is not None and far.margin.deciding == "first_asic_vs_gpu_multiple"


def test_ledger_entry(ledger) -> None:  # type: ignore[no-untyped-def]
    divide = ledger.entry("hardware-asic-divide").assessment
    assert divide.verdict is Verdict.SUPPORTED
    # the best ASIC in the data is at least the S19 Pro's 29.55 J/TH; CPU over it is >= 338,000x
    assert divide.value("asic_vs_cpu_multiple") >= 1e7 / 29.55 * 0.999
