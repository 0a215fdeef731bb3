import pandas as pd
import pytest

from analysis.mining_cost.efficiencies import (
    dated_machines,
    first_full_asic_year,
    named_efficiencies,
    network_at_frontier,
)
from tests.analysis import mining_frames as mf


def _cbeci() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "miner": ["Worst CPU", "early ASICS", "Antminer S3", "Antminer S9"],
            "released": pd.to_datetime(["2009-01-01", "2013-02-04", "2014-07-01", "2016-06-01"]),
            "efficiency_j_gh": [100_000.0, 10.0, 0.766, 0.098],
            "quantity": [1, 1, 1, 1],
        }
    )


def test_named_efficiencies_come_from_the_three_parameters() -> None:
    assert named_efficiencies(12.8, 17.5, 29.5) == {"best": 12.8, "reference": 17.5, "legacy": 29.5}


def test_the_asic_era_starts_the_year_after_the_first_named_machine() -> None:
    # CPU and "early ASICS" rows are placeholders; the Antminer S3 came in July 2014
    assert first_full_asic_year(_cbeci()) == 2015


def test_network_at_frontier_uses_the_best_machine_available_on_each_date() -> None:
    asic = pd.DataFrame([mf.asic_row("New", 20.0, "2020-01-01")])
    machines = dated_machines(_cbeci(), asic)
    # CBECI's S9 (0.098 J/GH = 98 J/TH) until 2020, then the curated 20 J/TH machine
    assert machines["efficiency_j_th"].iloc[-2:].tolist() == pytest.approx([98.0, 20.0])
    net = pd.DataFrame(
        {
            "date": pd.to_datetime(["2017-01-01", "2021-01-01"]),
            "hashprice_usd_per_th_day": [0.5, 0.1],
            "th_per_btc": [1e10, 1e11],
        }
    )
    out = network_at_frontier(net, machines)
    assert out["frontier_j_th"].tolist() == pytest.approx([98.0, 20.0])
    # break-even: hashprice over kWh per TH/s a day (J/TH x 86,400 / 3.6e6)
    assert out["frontier_be"].tolist() == pytest.approx([0.5 / 2.352, 0.1 / 0.48])
    # energy per bitcoin: TH x J/TH / 3.6e6 J per kWh
    assert out["energy_frontier_kwh"].tolist() == pytest.approx(
        [1e10 * 98 / 3.6e6, 1e11 * 20 / 3.6e6]
    )


# ---- real data -------------------------------------------------------------------------


def test_curated_asic_efficiency_is_power_over_hashrate_where_both_are_given(
    real_tables: dict[str, pd.DataFrame],
) -> None:
    asic = real_tables["asic_models"]
    checked = 0
    for _, row in asic.iterrows():
        try:
            hashrate, power = float(row["hashrate_ths"]), float(row["power_w"])
        except (TypeError, ValueError):
            continue
        # stated values are rounded by their sources; allow half a J/TH
        assert row["efficiency_j_th"] == pytest.approx(power / hashrate, abs=0.5)
        checked += 1
    assert checked >= 10


def test_efficiency_parameters_come_from_the_curated_rows(project) -> None:  # type: ignore[no-untyped-def]
    from report.data.datasets import load_tables

    tables = load_tables(
        {"asic_models": project.registry.tables["asic_models"]}, project.registry, project.settings
    )
    asic = tables["asic_models"].frame
    usable = asic[(asic["source_level"] != "low") & asic["available_from"].notna()]
    params = project.parameters
    # best-in-class is the lowest efficiency from a source not rated low
    assert params["asic_efficiency_best_j_per_th"].value == usable["efficiency_j_th"].min()
    for name in ("asic_efficiency_reference_j_per_th", "asic_efficiency_legacy_j_per_th"):
        assert params[name].value in set(usable["efficiency_j_th"])
