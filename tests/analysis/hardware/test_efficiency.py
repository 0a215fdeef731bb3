import numpy as np
import pandas as pd
import pytest

from analysis.hardware.efficiency import (
    best_of_class,
    cbeci_machines,
    classified_machines,
    exponential_fit,
    first_of_class,
    fit_records,
    frontier_records,
    hardware_class,
    is_placeholder,
    mark_records,
    months_since,
    split_records,
)
from analysis.hardware.network import f2pool_efficiency
from tests.analysis.hardware_frames import (
    CBECI,
    NO_MODELS,
    TS,
)


def test_classes_and_placeholders_follow_the_names() -> None:
    assert [hardware_class(n) for n in ("Best CPU", "Worst GPU", "FPGA", "early ASICS")] == [
        "CPU",
        "GPU",
        "FPGA",
        "ASIC",
    ]
    assert hardware_class("Bitmain Antminer S9") == "ASIC"
    assert is_placeholder("early ASICS") and is_placeholder("Best GPU")
    assert not is_placeholder("Bitmain Antminer S9")


def test_frontier_records_keep_only_new_bests() -> None:
    machines = pd.DataFrame(
        {
            "machine": ["a", "b", "c", "d", "e", "f"],
            "available_from": [
                TS(d)
                for d in ("2020-01-01",) * 2
                + ("2020-02-01", "2020-03-01", "2020-04-01", "2020-05-01")
            ],
            "efficiency_j_th": [100.0, 80.0, 90.0, 50.0, 50.0, 40.0],
        }
    )
    records = frontier_records(machines)
    # b beats a on the same day; c is worse than b; e only ties d
    assert records["machine"].tolist() == ["b", "d", "f"]


def test_exponential_fit_recovers_a_known_halving_time() -> None:
    dates = pd.Series(pd.date_range("2014-01-01", periods=60, freq="MS"))
    months = months_since(dates, TS("2014-01-01"))
    values = pd.Series(1000.0 * 2.0 ** (-months / 18.0))
    fit = exponential_fit(dates, values)
    assert fit.halving_months == pytest.approx(18.0, rel=1e-9)
    assert fit.r_squared == pytest.approx(1.0)
    assert fit.values_at(dates) == pytest.approx(values.to_numpy())
    # multiplicative noise that cancels out keeps the rate and lowers R-squared
    noisy: pd.Series = values * np.where(np.arange(60) % 2 == 0, 1.25, 1 / 1.25)
    rough = exponential_fit(dates, noisy)
    assert rough.halving_months == pytest.approx(18.0, rel=0.02)
    assert 0.9 < rough.r_squared < 1.0
    # a rising series has no halving time
    assert exponential_fit(dates, 1 / values).halving_months is None
    with pytest.raises(ValueError):
        exponential_fit(dates.head(1), values.head(1))


def test_two_point_fit_matches_the_halving_count_by_hand() -> None:
    dates = pd.Series([TS("2020-01-01"), TS("2022-01-01")])
    fit = exponential_fit(dates, pd.Series([100.0, 25.0]))
    # two halvings in 731 days; a month is 365.25 / 12 days
    assert fit.halving_months == pytest.approx(731 / (365.25 / 12) / 2)


def test_split_records_share_the_record_standing_at_the_split() -> None:
    records = pd.DataFrame(
        {
            "available_from": [TS(d) for d in ("2014-01-01", "2016-01-01", "2021-01-01")],
            "efficiency_j_th": [8.0, 4.0, 2.0],
        }
    )
    early, late = split_records(records, TS("2020-05-01"))
    assert early["available_from"].dt.year.tolist() == [2014, 2016]
    assert late["available_from"].dt.year.tolist() == [2016, 2021]


def test_cbeci_and_f2pool_agree_on_the_antminer_s19(real_tables: dict[str, pd.DataFrame]) -> None:
    cbeci = cbeci_machines(real_tables["cbeci_miners"]).set_index("machine")["efficiency_j_th"]
    f2pool = f2pool_efficiency(real_tables["f2pool_devices"]).set_index("device")["efficiency_j_th"]
    # CBECI: 0.02955 J/GH; F2Pool: 110 TH/s at 3,250 W
    assert cbeci["Bitmain Antminer S19 Pro (110Th)"] == pytest.approx(3250 / 110, rel=1e-3)
    assert f2pool["Antminer S19 Pro"] == pytest.approx(0.02955 * 1000, rel=1e-3)
    # CBECI: 0.03421 J/GH; F2Pool: 95 TH/s at 3,250 W
    assert cbeci["Bitmain Antminer S19 (95Th)"] == pytest.approx(f2pool["Antminer S19"], rel=1e-3)


def test_real_placeholders_and_frontier(real_tables: dict[str, pd.DataFrame]) -> None:
    machines = classified_machines(real_tables["cbeci_miners"], real_tables["asic_models"])
    cbeci = machines[machines["source"] == "CBECI"]
    # CBECI's placeholder rows: best CPU 10,000 J/GH, best GPU 1,000 J/GH, FPGA 100 J/GH
    best = cbeci.groupby("hardware_class")["efficiency_j_th"].min()
    assert best["CPU"] == pytest.approx(1e7)
    assert best["GPU"] == pytest.approx(1e6)
    assert best["FPGA"] == pytest.approx(1e5)
    # the best machine in CBECI's list is the Antminer S19 Pro at 0.02955 J/GH
    assert best["ASIC"] == pytest.approx(29.55)
    records = frontier_records(machines)
    assert records["efficiency_j_th"].is_monotonic_decreasing
    assert records["available_from"].is_monotonic_increasing


def test_best_and_first_of_a_class_from_the_hand_made_list() -> None:
    machines = classified_machines(CBECI, NO_MODELS)
    # best CPU: 10,000 J/GH = 1e7 J/TH; best ASIC: Maker A2 at 0.25 J/GH = 250 J/TH
    assert best_of_class(machines, "CPU")["efficiency_j_th"] == 1e7
    assert best_of_class(machines, "ASIC")["machine"] == "Maker A2"
    # the first ASIC row is the 'early ASICS' placeholder; the first named one is Maker A1
    assert first_of_class(machines, "ASIC")["machine"] == "early ASICS"
    assert first_of_class(machines, "ASIC", named_only=True)["machine"] == "Maker A1"
    with pytest.raises(ValueError):
        best_of_class(machines[machines["hardware_class"] != "GPU"], "GPU")


def test_records_are_marked_and_fitted_only_with_two_or_more() -> None:
    machines = classified_machines(CBECI, NO_MODELS)
    records = frontier_records(machines)
    marked = mark_records(machines, records)
    # every row is a record but the worst GPU, which is no better than the best CPU
    assert marked.loc[~marked["record"], "machine"].tolist() == ["Worst GPU"]
    assert fit_records(records.head(1)) is None
    fit = fit_records(records)
    assert fit is not None and fit.points == len(CBECI) - 1
