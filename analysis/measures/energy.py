"""Energy and electricity cost of mining one bitcoin, the break-even electricity price, and
the cross-checks against CBECI and published estimates.

Energy per bitcoin = network hashrate x machine efficiency x seconds a day / BTC earned a
day. The efficiency-free part, terahashes per bitcoin, is computed once per build (the named
measure ``network_income``); every efficiency then scales it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import overload

import numpy as np
import pandas as pd

from analysis.measures.issuance import (
    SECONDS_PER_DAY,
    blocks_per_day,
    interpolate_at,
    nearest,
    trailing_issuance,
)
from analysis.result import Citation, measure, text_of

JOULES_PER_KWH = 3.6e6
JOULES_PER_TH_PER_J_PER_GH = 1000.0  # 1 J/GH = 1,000 J/TH
_PLACEHOLDERS = ("CPU", "GPU", "FPGA", "EARLY ASIC")  # CBECI's round placeholder rows
# Price rows a miner could be charged today (not taxes, households or scheduled tariffs).
MINER_PRICE_BASES = frozenset(
    {"industrial", "business", "miner tariff", "miner reported", "miner survey median"}
)


@measure
def network_income(
    hashrate: pd.DataFrame,
    difficulty: pd.DataFrame,
    market_price: pd.DataFrame,
    miners_revenue: pd.DataFrame,
    blocks: pd.DataFrame,
    revenue_fees: pd.DataFrame,
    assumed_fee_per_block: float,
    initial_block_subsidy_btc: float,
    subsidy_halving_interval_blocks: float,
    hashes_per_unit_difficulty: float,
) -> pd.DataFrame:
    """Per hashrate date: hashrate, price, BTC and USD earned a day, terahashes per BTC.

    BTC a day is revenue / price while the revenue series lasts (``revenue_fees`` says how
    far); after it, the subsidy counted from the block table plus ``assumed_fee_per_block``
    (``income_basis`` says which). Columns: ``date``, ``hashrate_ths``, ``difficulty``,
    ``blocks_per_day``, ``price_usd``, ``income_btc_per_day``, ``income_basis``,
    ``revenue_usd_per_day``, ``th_per_btc``, ``hashprice_usd_per_th_day``.
    """
    net = blocks_per_day(hashrate, difficulty, hashes_per_unit_difficulty)
    prices = market_price[market_price["price_usd"] > 0]
    net["price_usd"] = interpolate_at(net["date"], prices, "price_usd")
    net["revenue_usd_per_day"] = interpolate_at(net["date"], miners_revenue, "revenue_usd_per_day")
    net = net[net["price_usd"] > 0].reset_index(drop=True)
    interval = int(subsidy_halving_interval_blocks)
    counted = trailing_issuance(net["date"], blocks, initial_block_subsidy_btc, interval)
    estimated = counted["subsidy_btc_per_day"] + assumed_fee_per_block * counted["blocks_counted"]
    measured = net["revenue_usd_per_day"] / net["price_usd"]
    after = net["date"] > revenue_fees["date"].max()
    net["income_btc_per_day"] = np.where(after, estimated, measured)
    net["income_basis"] = np.where(after, "subsidy and median fee", "revenue")
    net = net[net["income_btc_per_day"] > 0].copy()
    net["revenue_usd_per_day"] = net["income_btc_per_day"] * net["price_usd"]
    net["th_per_btc"] = net["hashrate_ths"] * SECONDS_PER_DAY / net["income_btc_per_day"]
    net["hashprice_usd_per_th_day"] = net["revenue_usd_per_day"] / net["hashrate_ths"]
    return net.reset_index(drop=True)


@overload
def energy_per_btc_kwh(th_per_btc: float, efficiency_j_per_th: float) -> float: ...
@overload
def energy_per_btc_kwh(
    th_per_btc: pd.Series, efficiency_j_per_th: float | pd.Series
) -> pd.Series: ...
def energy_per_btc_kwh(
    th_per_btc: float | pd.Series, efficiency_j_per_th: float | pd.Series
) -> float | pd.Series:
    """Electricity (kWh) to mine one bitcoin at ``efficiency_j_per_th``."""
    return th_per_btc * efficiency_j_per_th / JOULES_PER_KWH


@overload
def break_even_usd_per_kwh(
    hashprice_usd_per_th_day: float, efficiency_j_per_th: float
) -> float: ...
@overload
def break_even_usd_per_kwh(
    hashprice_usd_per_th_day: pd.Series, efficiency_j_per_th: float | pd.Series
) -> pd.Series: ...
def break_even_usd_per_kwh(
    hashprice_usd_per_th_day: float | pd.Series, efficiency_j_per_th: float | pd.Series
) -> float | pd.Series:
    """The electricity price at which a machine's revenue just pays its electricity."""
    kwh_per_th_day = efficiency_j_per_th * SECONDS_PER_DAY / JOULES_PER_KWH
    return hashprice_usd_per_th_day / kwh_per_th_day


def row_at_max(frame: pd.DataFrame, column: str) -> pd.Series:
    """The row of ``frame`` where ``column`` is largest."""
    return frame.iloc[int(np.nanargmax(frame[column].to_numpy(dtype="float64")))]


def row_at_min(frame: pd.DataFrame, column: str) -> pd.Series:
    """The row of ``frame`` where ``column`` is smallest."""
    return frame.iloc[int(np.nanargmin(frame[column].to_numpy(dtype="float64")))]


def machine_efficiencies(cbeci_miners: pd.DataFrame, asic_models: pd.DataFrame) -> pd.DataFrame:
    """Dated machines with their efficiency (J/TH): CBECI's list to 2020 and the curated
    ASIC table after it (rows from sources rated 'low' left out). Columns ``machine``,
    ``available_from``, ``efficiency_j_th``, ``source``."""
    cbeci = pd.DataFrame(
        {
            "machine": cbeci_miners["miner"],
            "available_from": cbeci_miners["released"].dt.normalize(),
            "efficiency_j_th": cbeci_miners["efficiency_j_gh"] * JOULES_PER_TH_PER_J_PER_GH,
            "source": "CBECI",
        }
    )
    usable = asic_models[
        asic_models["efficiency_j_th"].notna()
        & asic_models["available_from"].notna()
        & (asic_models["source_level"] != "low")
    ]
    curated = pd.DataFrame(
        {
            "machine": usable["model"],
            "available_from": usable["available_from"],
            "efficiency_j_th": usable["efficiency_j_th"],
            "source": "curated ASIC table",
        }
    )
    both = pd.concat([cbeci, curated], ignore_index=True)
    return both.sort_values(["available_from", "efficiency_j_th"], ignore_index=True)


def asic_era_start(cbeci_miners: pd.DataFrame) -> pd.Timestamp:
    """Release date of the first named machine in CBECI's list (not a CPU, GPU, FPGA or
    "early ASICS" placeholder row)."""
    names = cbeci_miners["miner"].astype(str).str.upper()
    is_asic = ~names.str.contains("|".join(_PLACEHOLDERS), regex=True)
    return pd.Timestamp(cbeci_miners.loc[is_asic, "released"].min())


def frontier_efficiency(dates: pd.Series, machines: pd.DataFrame) -> pd.Series:
    """The best efficiency (J/TH) among machines available on or before each date."""
    best = machines.sort_values("available_from").assign(
        best=lambda m: m["efficiency_j_th"].cummin()
    )
    found = pd.merge_asof(
        pd.DataFrame({"date": dates.to_numpy()}).sort_values("date"),
        best[["available_from", "best"]],
        left_on="date",
        right_on="available_from",
        direction="backward",
    )
    return pd.Series(found["best"].to_numpy(), index=dates.index, name="frontier_j_th")


def miner_prices(electricity_prices: pd.DataFrame, oldest_year: int) -> pd.DataFrame:
    """Rows with a USD price a miner could pay now: kinds in MINER_PRICE_BASES, year at or
    after ``oldest_year``."""
    rows = electricity_prices[
        electricity_prices["price_basis"].isin(MINER_PRICE_BASES)
        & electricity_prices["usd_per_kwh_low"].notna()
        & (electricity_prices["year"].fillna(0) >= oldest_year)
    ]
    return rows.reset_index(drop=True)


def regional_costs(
    prices: pd.DataFrame, th_per_btc: float, efficiencies: Mapping[str, float]
) -> pd.DataFrame:
    """Electricity cost of one bitcoin per price row at each named efficiency.

    Adds ``cost_<name>_low`` and ``cost_<name>_high`` (USD) from the low and high ends of each
    row's price; sorted by the low price.
    """
    frame = prices.copy()
    for name, efficiency in efficiencies.items():
        kwh = float(energy_per_btc_kwh(th_per_btc, efficiency))
        frame[f"cost_{name}_low"] = kwh * frame["usd_per_kwh_low"]
        frame[f"cost_{name}_high"] = kwh * frame["usd_per_kwh_high"]
    return frame.sort_values(["usd_per_kwh_low", "label"], ignore_index=True)


def sensitivity_grid(
    th_per_btc: float, btc_prices: Sequence[float], efficiencies: Sequence[float]
) -> pd.DataFrame:
    """Break-even electricity price (USD/kWh) for each bitcoin price and machine efficiency:
    the price at which one bitcoin's electricity costs exactly one bitcoin."""
    rows = [
        {
            "btc_price_usd": price,
            "efficiency_j_th": efficiency,
            "break_even_usd_per_kwh": price / float(energy_per_btc_kwh(th_per_btc, efficiency)),
        }
        for price in btc_prices
        for efficiency in efficiencies
    ]
    return pd.DataFrame(rows)


def cbeci_comparison(
    network: pd.DataFrame, cbeci_consumption: pd.DataFrame, days_per_year: float, overhead: float
) -> pd.DataFrame:
    """CBECI's energy per bitcoin and the machine efficiency it implies, on network dates.

    Columns ``date``, ``th_per_btc``, ``cbeci_kwh_per_btc`` (CBECI's energy, overhead included)
    and ``cbeci_fleet_j_th`` (CBECI's power / overhead / hashrate).
    """
    both = nearest(network, cbeci_consumption, tolerance_days=1).dropna(
        subset=["twh_per_year_at_5_cents"]
    )
    kwh_per_day = both["twh_per_year_at_5_cents"] * 1e9 / days_per_year
    watts = kwh_per_day * 1000.0 / 24.0
    return pd.DataFrame(
        {
            "date": both["date"],
            "th_per_btc": both["th_per_btc"],
            "cbeci_kwh_per_btc": kwh_per_day / both["income_btc_per_day"],
            "cbeci_fleet_j_th": watts / overhead / both["hashrate_ths"],
        }
    ).reset_index(drop=True)


def published_comparison(
    estimates: pd.DataFrame,
    electricity_prices: pd.DataFrame,
    network: pd.DataFrame,
    efficiencies: Mapping[str, float],
    tolerance_days: int = 4,
) -> pd.DataFrame:
    """Electricity-only published estimates beside this project's cost at the same date and
    electricity price, with the machine efficiency each estimate implies.

    The price is the one the estimate states, else the curated price its ``price_label``
    names. Undated estimates are compared at the latest network date (``compared_on`` says).
    """
    rows = estimates[
        (estimates["basis"] == "electricity only")
        & estimates["value_usd"].notna()
        & estimates["value_kind"].isin(["point", "approximate"])
    ].copy()
    by_label = electricity_prices.drop_duplicates("label").set_index("label")["usd_per_kwh_low"]
    looked_up = rows["price_label"].map(by_label).to_numpy(dtype="float64", na_value=np.nan)
    stated = rows["electricity_usd_per_kwh"].to_numpy(dtype="float64", na_value=np.nan)
    rows["price_usd_per_kwh"] = np.where(np.isnan(stated), looked_up, stated)
    rows = rows.dropna(subset=["price_usd_per_kwh"])
    latest = network["date"].max()
    rows["compared_on"] = rows["as_of"].fillna(latest)
    found = pd.merge_asof(
        rows.sort_values("compared_on"),
        network[["date", "th_per_btc"]].sort_values("date"),
        left_on="compared_on",
        right_on="date",
        direction="nearest",
        tolerance=pd.Timedelta(days=tolerance_days),
    ).dropna(subset=["th_per_btc"])
    found["implied_kwh_per_btc"] = found["value_usd"] / found["price_usd_per_kwh"]
    found["implied_j_th"] = found["implied_kwh_per_btc"] * JOULES_PER_KWH / found["th_per_btc"]
    for name, efficiency in efficiencies.items():
        kwh = energy_per_btc_kwh(found["th_per_btc"], efficiency)
        found[f"ours_{name}_usd"] = kwh * found["price_usd_per_kwh"]
    return found.drop(columns="date").reset_index(drop=True)


def yearly_median(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    """Median of ``column`` per calendar year (``year``, ``column``), over years with data."""
    years = frame["date"].dt.year.rename("year")
    out = frame.groupby(years)[column].median().dropna().reset_index()
    return out


def cause_shares(price_ratio: float, energy_ratio: float) -> tuple[float, float]:
    """Shares (%) of a change in cost per bitcoin (= energy per bitcoin x electricity price)
    due to the price and to the energy, as shares of the change in logarithms."""
    total = float(np.log(price_ratio) + np.log(energy_ratio))
    if total == 0:
        raise ValueError("the cost did not change, so no share can be given")
    return 100.0 * float(np.log(price_ratio)) / total, 100.0 * float(np.log(energy_ratio)) / total


def series_changes(electricity_prices: pd.DataFrame) -> pd.DataFrame:
    """Change (%) in local currency from the first to the second row of each price series."""
    rows = electricity_prices.dropna(subset=["series", "series_order", "local_per_kwh"])
    out = []
    for series, part in rows.groupby("series", sort=True):
        part = part.sort_values("series_order")
        if len(part) < 2:
            continue
        first, second = part.iloc[0], part.iloc[1]
        out.append(
            {
                "series": series,
                "currency": first["currency"],
                "first_label": first["label"],
                "second_label": second["label"],
                "first_year": first["year"],
                "second_year": second["year"],
                "change_pct": 100.0 * (second["local_per_kwh"] / first["local_per_kwh"] - 1.0),
            }
        )
    return pd.DataFrame(out)


def full_years(dates: pd.Series) -> list[int]:
    """Calendar years with data in both January and December."""
    months = pd.DataFrame({"year": dates.dt.year, "month": dates.dt.month})
    spans = months.groupby("year")["month"].agg(["min", "max"]).reset_index()
    full = spans[(spans["min"] == 1) & (spans["max"] == 12)]
    return [int(y) for y in full["year"].to_numpy()]


def trend_pct_per_year(yearly: pd.DataFrame, column: str) -> float:
    """Average yearly change (%) of ``column`` from a least-squares line through its logarithm."""
    if len(yearly) < 2:
        raise ValueError("a trend needs at least two years")
    slope = float(np.polyfit(yearly["year"].astype(float), np.log(yearly[column]), 1)[0])
    return 100.0 * (float(np.exp(slope)) - 1.0)


def efficiency_range(best: float, reference: float, legacy: float) -> dict[str, float]:
    """The three named machine efficiencies (J/TH) every cost is computed at."""
    return {"best": best, "reference": reference, "legacy": legacy}


def row_citations(rows: pd.DataFrame, note_column: str = "normalisation") -> tuple[Citation, ...]:
    """One citation per curated row (title, address, excerpt, the row's normalisation note)."""
    return tuple(
        Citation(
            text_of(r["source_title"]),
            text_of(r["source_address"]),
            text_of(r["excerpt"]),
            text_of(r.get(note_column)),
        )
        for _, r in rows.iterrows()
    )


def efficiency_rows(asic_models: pd.DataFrame, eff: Mapping[str, float]) -> pd.DataFrame:
    """The curated ASIC rows whose efficiency is one of the named parameters."""
    keep = asic_models["efficiency_j_th"].isin(list(eff.values())) & (
        asic_models["source_level"] != "low"
    )
    return asic_models[keep]
