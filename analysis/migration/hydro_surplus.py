"""Hydro surplus of Paraguay and Ethiopia from Our World in Data: how much electricity each
generates beyond its own demand, how much of it is hydro, and how the surplus changed.
"""

from __future__ import annotations

import pandas as pd


def hydro_surplus(owid_energy: pd.DataFrame) -> pd.DataFrame:
    """Per country and year: generation, demand, surplus (generation minus demand), net exports
    (minus net imports), surplus as a share of generation (%) and hydro share (%)."""
    frame = owid_energy.sort_values(["country", "year"], ignore_index=True)
    generation = frame["electricity_generation_twh"]
    demand = frame["electricity_demand_twh"]
    return pd.DataFrame(
        {
            "country": frame["country"].astype(str),
            "year": frame["year"].astype(int),
            "generation_twh": generation,
            "demand_twh": demand,
            "surplus_twh": generation - demand,
            "net_exports_twh": -frame["net_elec_imports_twh"],
            "surplus_share_pct": 100.0 * (generation - demand) / generation,
            "hydro_share_pct": frame["hydro_share_elec_pct"],
        }
    )


def latest_complete_year(surplus: pd.DataFrame) -> int:
    """The last year in which every country has generation and demand."""
    complete = surplus.dropna(subset=["generation_twh", "demand_twh"])
    countries = surplus["country"].nunique()
    per_year = complete.groupby("year")["country"].nunique()
    years = per_year[per_year == countries].index
    if len(years) == 0:
        raise ValueError("no year has generation and demand for every country")
    return int(years.max())


def country_year(surplus: pd.DataFrame, country: str, year: int) -> pd.Series:
    """The row of ``country`` in ``year``."""
    rows = surplus[(surplus["country"] == country) & (surplus["year"] == year)]
    if len(rows) != 1:
        raise ValueError(f"expected one row for {country} in {year}, found {len(rows)}")
    return rows.iloc[0]


def demand_growth_pct(surplus: pd.DataFrame, country: str, start: int, end: int) -> float:
    """Growth (%) of ``country``'s electricity demand from ``start`` to ``end``."""
    first = float(country_year(surplus, country, start)["demand_twh"])
    last = float(country_year(surplus, country, end)["demand_twh"])
    return 100.0 * (last / first - 1.0)
