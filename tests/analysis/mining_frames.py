"""Small hand-made frames for the cost-to-mine tests: a regular chain of blocks around the
April 2024 halving, blockchain.com-like series on a four-day grid, and curated-table rows.

The chain finds exactly ``PER_DAY`` blocks a day at constant difficulty, so every
quantity has a value that can be worked out by hand.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

import pandas as pd

from analysis.measures import energy, issuance
from analysis.mining_cost import costs, efficiencies, electricity
from analysis.result import MEASURE_MARK

DIFFICULTY = 1e14
HASHES_PER_DIFFICULTY = 2.0**32
PER_DAY = 144
PRICE = 60_000.0
FEE_PER_BLOCK = 0.2
FIRST_HEIGHT = 839_000  # the 840,000 halving falls about seven days into the chain
START = pd.Timestamp("2024-04-01")
DAYS = 48
# hashrate (TH/s) that finds PER_DAY blocks a day at DIFFICULTY
HASHRATE_THS = PER_DAY * DIFFICULTY * HASHES_PER_DIFFICULTY / 86_400 / 1e12


MEASURES: dict[str, Callable[..., Any]] = {
    name: value
    for module in (energy, issuance, efficiencies, electricity, costs)
    for name, value in vars(module).items()
    if getattr(value, MEASURE_MARK, False) and value.__module__ == module.__name__
}
EFFICIENCIES = {"best": 12.8, "reference": 17.5, "legacy": 29.5}  # J/TH, as the parameters
PARAMETERS: dict[str, float] = {
    "initial_block_subsidy_btc": 50.0,
    "subsidy_halving_interval_blocks": 210_000.0,
    "hashes_per_unit_difficulty": HASHES_PER_DIFFICULTY,
    "asic_efficiency_best_j_per_th": EFFICIENCIES["best"],
    "asic_efficiency_reference_j_per_th": EFFICIENCIES["reference"],
    "asic_efficiency_legacy_j_per_th": EFFICIENCIES["legacy"],
    "electricity_price_oldest_year": 2023.0,
}
# Hand calculation for the hand-made chain: a block takes 1e14 x 2^32 hashes
# (429,496,729,600 TH) and earns 3.125 + 0.2 BTC, so a bitcoin takes 1.2917e11 TH.
TH_PER_BTC = 1e14 * 2**32 / 1e12 / 3.325


def kwh_per_btc(efficiency: float) -> float:
    """Electricity (kWh) per bitcoin on the hand-made chain at ``efficiency`` J/TH."""
    return TH_PER_BTC * efficiency / 3.6e6


def measured(function: Callable[..., Any], **inputs: Any) -> Any:
    """Call ``function`` as the planner does: each argument from ``inputs`` by name, or, for
    a named measure of this family (not in ``inputs``), computed once from the same inputs."""
    known = dict(inputs)

    def value(name: str) -> Any:
        if name not in known:
            if name not in MEASURES:
                raise KeyError(f"{function.__name__} needs {name!r}, which the test does not give")
            known[name] = call(MEASURES[name])
        return known[name]

    def call(target: Callable[..., Any]) -> Any:
        return target(**{n: value(n) for n in inspect.signature(target).parameters})

    return call(function)


def chain(days: int = DAYS) -> pd.DataFrame:
    """One block every 600 seconds from START."""
    count = days * PER_DAY
    times = pd.date_range(START, periods=count, freq="600s")
    return pd.DataFrame(
        {
            "height": range(FIRST_HEIGHT, FIRST_HEIGHT + count),
            "pool_slug": "pool",
            "date": times,
        }
    )


def grid(days: int = DAYS) -> pd.Series:
    """Sample dates every four days, as in blockchain.com's exports."""
    return pd.Series(pd.date_range(START, START + pd.Timedelta(days=days - 1), freq="4D"))


def series(revenue_days: int = 28) -> dict[str, pd.DataFrame]:
    """hashrate, difficulty, market_price and miners_revenue frames; revenue stops after
    ``revenue_days`` days (before that, subsidy of the halving epoch plus FEE_PER_BLOCK)."""
    dates = grid()
    revenue_dates = dates[dates <= START + pd.Timedelta(days=revenue_days)]
    blocks = chain()
    revenue = []
    for day in revenue_dates:
        window = blocks[(blocks["date"] >= day - pd.Timedelta(days=7)) & (blocks["date"] < day)]
        subsidy = sum(3.125 if h >= 840_000 else 6.25 for h in window["height"])
        btc = (subsidy + FEE_PER_BLOCK * len(window)) / 7
        revenue.append(btc * PRICE)
    return {
        "hashrate": pd.DataFrame({"date": dates, "hashrate_ths": HASHRATE_THS}),
        "difficulty": pd.DataFrame({"date": dates, "difficulty": DIFFICULTY}),
        "market_price": pd.DataFrame({"date": dates, "price_usd": PRICE}),
        "miners_revenue": pd.DataFrame({"date": revenue_dates, "revenue_usd_per_day": revenue}),
        "blocks": blocks,
    }


def price_row(label: str, usd: float | None, **overrides: object) -> dict[str, object]:
    """One electricity_prices row (a miner-relevant industrial price by default)."""
    row: dict[str, object] = {
        "location": label,
        "consumer_type": "industrial",
        "price": str(usd),
        "unit": "USD/kWh",
        "currency": "USD",
        "period": "2024",
        "source_title": f"source for {label}",
        "source_address": "https://example.org",
        "excerpt": f"{label} costs {usd}",
        "published": pd.NA,
        "notes": pd.NA,
        "label": label,
        "price_basis": "industrial",
        "year": 2024,
        "usd_per_kwh_low": usd,
        "usd_per_kwh_high": usd,
        "local_per_kwh": usd,
        "series": pd.NA,
        "series_order": pd.NA,
        "normalisation": pd.NA,
    }
    row.update(overrides)
    return row


def asic_row(
    model: str, efficiency: float, available: str | None, level: str = "medium"
) -> dict[str, object]:
    """One asic_models row."""
    return {
        "model": model,
        "manufacturer": "maker",
        "hashrate_ths": "100",
        "power_w": pd.NA,
        "release_or_announce": "x",
        "cooling": "air",
        "source_title": f"source for {model}",
        "source_address": "https://example.org",
        "excerpt": f"{model} {efficiency} J/TH",
        "source_quality": level,
        "notes": pd.NA,
        "efficiency_j_th": efficiency,
        "available_from": pd.Timestamp(available) if available else pd.NaT,
        "source_level": level,
        "normalisation": "n",
    }


def asic_models() -> pd.DataFrame:
    """One curated row per named efficiency (the best from a source rated high)."""
    return pd.DataFrame(
        [
            asic_row("Best", EFFICIENCIES["best"], "2025-10-01", "high"),
            asic_row("Reference", EFFICIENCIES["reference"], "2023-09-01"),
            asic_row("Legacy", EFFICIENCIES["legacy"], "2021-12-01"),
        ]
    )
