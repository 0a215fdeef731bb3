import pandas as pd
import pytest

from analysis.migration.hydro_surplus import (
    country_year,
    demand_growth_pct,
    hydro_surplus,
    latest_complete_year,
)


def _energy() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "country": ["Paraguay", "Paraguay", "Ethiopia", "Ethiopia"],
            "year": [2020, 2021, 2020, 2021],
            "electricity_generation_twh": [50.0, 48.0, 10.0, 12.0],
            "electricity_demand_twh": [20.0, 30.0, 9.0, None],
            "hydro_electricity_twh": [50.0, 48.0, 9.0, 11.0],
            "hydro_share_elec_pct": [100.0, 100.0, 90.0, 91.7],
            "net_elec_imports_twh": [-30.0, -18.0, -1.0, None],
        }
    )


def test_surplus_is_generation_minus_demand() -> None:
    row = country_year(hydro_surplus(_energy()), "Paraguay", 2020)
    assert row["surplus_twh"] == pytest.approx(30)
    assert row["net_exports_twh"] == pytest.approx(30)
    assert row["surplus_share_pct"] == pytest.approx(60)  # 30 of 50


def test_latest_complete_year_needs_every_country() -> None:
    assert latest_complete_year(hydro_surplus(_energy())) == 2020


def test_demand_growth() -> None:
    assert demand_growth_pct(hydro_surplus(_energy()), "Paraguay", 2020, 2021) == pytest.approx(50)
    with pytest.raises(ValueError):
        country_year(hydro_surplus(_energy()), "Paraguay", 2019)


def test_real_surplus_equals_net_exports(real_tables: dict[str, pd.DataFrame]) -> None:
    # OWID defines demand as generation plus net imports, so the surplus must equal net
    # exports up to rounding: an independent check that the columns are read right.
    surplus = hydro_surplus(real_tables["owid_energy"]).dropna()
    assert (surplus["surplus_twh"] - surplus["net_exports_twh"]).abs().max() < 0.05
    paraguay = country_year(surplus, "Paraguay", 2025)
    assert paraguay["hydro_share_pct"] > 99
