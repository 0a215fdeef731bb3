"""The machine efficiencies every mining-cost claim is computed at, named measures computed
once per build: the three named efficiencies (best-in-class, reference, older generation),
the dated machines, the first full year of the ASIC era, and the network data at the best
machine available on each date.
"""

from __future__ import annotations

import pandas as pd

from analysis.measures.energy import (
    asic_era_start,
    break_even_usd_per_kwh,
    efficiency_range,
    energy_per_btc_kwh,
    frontier_efficiency,
    machine_efficiencies,
)
from analysis.result import measure


@measure
def named_efficiencies(
    asic_efficiency_best_j_per_th: float,
    asic_efficiency_reference_j_per_th: float,
    asic_efficiency_legacy_j_per_th: float,
) -> dict[str, float]:
    """``best``, ``reference`` and ``legacy`` efficiencies (J/TH), from the parameters."""
    return efficiency_range(
        asic_efficiency_best_j_per_th,
        asic_efficiency_reference_j_per_th,
        asic_efficiency_legacy_j_per_th,
    )


@measure
def dated_machines(cbeci_miners: pd.DataFrame, asic_models: pd.DataFrame) -> pd.DataFrame:
    """CBECI's machines and the curated ASIC table, dated (:func:`machine_efficiencies`)."""
    return machine_efficiencies(cbeci_miners, asic_models)


@measure
def first_full_asic_year(cbeci_miners: pd.DataFrame) -> int:
    """The first full calendar year after CBECI's first named ASIC was released."""
    return asic_era_start(cbeci_miners).year + 1


@measure
def network_at_frontier(network_income: pd.DataFrame, dated_machines: pd.DataFrame) -> pd.DataFrame:
    """``network_income`` with the best machine available on each date: its efficiency
    (``frontier_j_th``), its break-even electricity price (``frontier_be``, USD/kWh) and its
    electricity per bitcoin (``energy_frontier_kwh``)."""
    frontier = frontier_efficiency(network_income["date"], dated_machines)
    return network_income.assign(
        frontier_j_th=frontier,
        frontier_be=break_even_usd_per_kwh(network_income["hashprice_usd_per_th_day"], frontier),
        energy_frontier_kwh=energy_per_btc_kwh(network_income["th_per_btc"], frontier),
    )
