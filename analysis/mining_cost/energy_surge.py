"""Did surging energy prices raise the cost of mining a bitcoin? The change in cost per
bitcoin at the US industrial price split into the electricity price's part and the energy
per bitcoin's part.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.measures.energy import (
    asic_era_start,
    cause_shares,
    energy_per_btc_kwh,
    frontier_efficiency,
    machine_efficiencies,
    network_income,
    row_at_max,
    row_citations,
    series_changes,
)
from analysis.result import Assessment, Figure, Verdict


def surge_decomposition(
    net: pd.DataFrame, us_price: pd.DataFrame, base_years: list[int], end_price: float | None
) -> pd.DataFrame:
    """For each base year: the change in the US industrial price and in electricity per
    bitcoin (at the best machine of each date), and the price's share of the cost change.

    The end is the last twelve months of the EIA series, or, when ``end_price`` is given, the
    latest network date at that price. ``us_price`` has ``month`` and ``usd_per_kwh``;
    ``net`` has ``date`` and ``energy_frontier_kwh``.
    """
    if end_price is None:
        last = us_price["month"].max()
        first = last - pd.DateOffset(months=11)  # the first of the last twelve months
        end_energy = net.loc[
            (net["date"] >= first) & (net["date"] <= last + pd.offsets.MonthEnd(0)),
            "energy_frontier_kwh",
        ].mean()
        end = float(us_price.loc[us_price["month"] >= first, "usd_per_kwh"].mean())
    else:
        end_energy, end = float(net["energy_frontier_kwh"].iloc[-1]), end_price
    rows = []
    for year in base_years:
        price = us_price.loc[us_price["month"].dt.year == year, "usd_per_kwh"].mean()
        energy = net.loc[net["date"].dt.year == year, "energy_frontier_kwh"].mean()
        price_share, _ = cause_shares(end / price, end_energy / energy)
        rows.append(
            {
                "base_year": year,
                "price_change_pct": 100.0 * (end / price - 1.0),
                "energy_multiple": end_energy / energy,
                "cost_multiple": end / price * end_energy / energy,
                "price_share_pct": price_share,
            }
        )
    return pd.DataFrame(rows)


def surge_spans(decomposition: pd.DataFrame) -> pd.DataFrame:
    """The spans the claim is about: the electricity price and the cost per bitcoin both rose.

    Elsewhere a price share is not a share of a surge (when the cost fell, a falling price
    can hold most of the change in logarithms).
    """
    rose = (decomposition["price_change_pct"] > 0) & (decomposition["cost_multiple"] > 1)
    return decomposition[rose]


def assess_energy_cost_surge(
    hashrate: pd.DataFrame,
    difficulty: pd.DataFrame,
    market_price: pd.DataFrame,
    miners_revenue: pd.DataFrame,
    blocks: pd.DataFrame,
    us_industrial_price: pd.DataFrame,
    electricity_prices: pd.DataFrame,
    cbeci_miners: pd.DataFrame,
    asic_models: pd.DataFrame,
    initial_block_subsidy_btc: float,
    subsidy_halving_interval_blocks: float,
    hashes_per_unit_difficulty: float,
    main_cause_share_pct: float,
) -> Assessment:
    """Whether rising electricity prices, rather than rising energy per bitcoin, raised the cost."""
    net = network_income(
        hashrate,
        difficulty,
        market_price,
        miners_revenue,
        blocks,
        initial_block_subsidy_btc,
        int(subsidy_halving_interval_blocks),
        hashes_per_unit_difficulty,
    )
    frontier = frontier_efficiency(net["date"], machine_efficiencies(cbeci_miners, asic_models))
    net["energy_frontier_kwh"] = energy_per_btc_kwh(net["th_per_btc"], frontier)
    us = us_industrial_price.assign(usd_per_kwh=us_industrial_price["cents_per_kwh"] / 100.0)
    first = asic_era_start(cbeci_miners).year + 1
    last_eia = int(us["month"].max().year)
    base_years = [y for y in range(first, last_eia - 1) if y in set(net["date"].dt.year)]
    eia = surge_decomposition(net, us, base_years, None)
    us_latest_row = electricity_prices[electricity_prices["label"] == "United States, industrial"]
    us_latest = float(us_latest_row["usd_per_kwh_low"].iloc[0]) if len(us_latest_row) else None
    late = surge_decomposition(net, us, base_years, us_latest) if us_latest else eia.iloc[0:0]
    eia_surges, late_surges = surge_spans(eia), surge_spans(late)
    best_eia = row_at_max(eia_surges if not eia_surges.empty else eia, "price_share_pct")
    shares = [float(best_eia["price_share_pct"])] if not eia_surges.empty else []
    if not late_surges.empty:
        shares.append(float(late_surges["price_share_pct"].max()))
    largest = max(shares) if shares else None
    changes = series_changes(electricity_prices)
    yearly = us.groupby(us["month"].dt.year)["usd_per_kwh"].mean()
    figures = [
        Figure(
            "largest_price_share",
            "Largest share of the rise in cost per bitcoin due to the electricity price",
            largest,
            "percent",
        ),
        Figure(
            "share_base_year",
            "Base year giving that share (EIA window)",
            best_eia["base_year"],
            "year",
        ),
        Figure(
            "price_change_eia",
            "Change in the US industrial price from that year to the EIA's last twelve months",
            best_eia["price_change_pct"],
            "percent",
        ),
        Figure(
            "energy_multiple_eia",
            "Change in electricity per bitcoin over the same span (best machines)",
            best_eia["energy_multiple"],
            "multiple",
        ),
        Figure(
            "eia_last_month",
            "End of the EIA series",
            (us["month"].max() + pd.offsets.MonthEnd(0)).toordinal(),
            "date",
        ),
        Figure(
            "late_price_share",
            "Largest price share with the latest cited US industrial price",
            late_surges["price_share_pct"].max() if not late_surges.empty else None,
            "percent",
        ),
        Figure(
            "us_industrial_latest", "Latest cited US industrial price", us_latest, "usd_per_kwh"
        ),
        Figure(
            "us_price_peak_year",
            "Year of the highest yearly US industrial price",
            float(yearly.index[int(np.nanargmax(yearly.to_numpy()))]),
            "year",
        ),
        Figure("us_price_peak", "Highest yearly US industrial price", yearly.max(), "usd_per_kwh"),
        Figure("series_compared", "Regional price series with two dates", len(changes), "count"),
        Figure(
            "series_rising",
            "Regional price series that rose",
            int((changes["change_pct"] > 0).sum()) if len(changes) else 0,
            "count",
        ),
        Figure(
            "largest_regional_rise",
            "Largest rise in a regional price series (own currency)",
            changes["change_pct"].max() if len(changes) else None,
            "percent",
        ),
    ]
    if largest is not None and largest >= main_cause_share_pct:
        verdict = Verdict.SUPPORTED
        summary = (
            "Electricity prices account for up to {largest_price_share} of the rise in the cost "
            "of mining a bitcoin at US industrial prices: the main cause."
        )
    elif (eia["price_change_pct"] > 0).any():
        verdict = Verdict.PARTLY_SUPPORTED
        summary = (
            "Energy prices did rise (the US industrial price by {price_change_eia} from "
            "{share_base_year} to the EIA's last twelve months; "
            "{series_rising} of {series_compared} regional series rose, by up to "
            "{largest_regional_rise}), but they explain at most {largest_price_share} of the rise "
            "in cost per bitcoin. Most of it is the growth in electricity per bitcoin as "
            "difficulty rose ({energy_multiple_eia} over the same span, even with the best "
            "machines of each date); over spans that include a halving the energy part is larger "
            "still."
        )
    else:
        verdict = Verdict.CONTRADICTED
        summary = "US industrial electricity prices did not rise over the periods compared."
    return Assessment(
        verdict=verdict,
        summary=summary,
        figures=tuple(figures),
        method=(
            "Cost per bitcoin at a given price is electricity per bitcoin times that price, so the "
            "change in its logarithm splits exactly into the price's part and the energy's part. "
            "The price is the EIA's monthly US industrial average; electricity per bitcoin is "
            "computed at the best machine available on each date (which favours the claim: a "
            "fixed older fleet would make the energy part larger). Each calendar year of the "
            "ASIC era before the EIA window is tried as the base, against the EIA's last twelve "
            "months (to {eia_last_month}) and against the latest network date at the latest "
            "cited US industrial price ({us_industrial_latest}); the largest price share over "
            "the bases from which both the price and the cost rose is kept. Rule: supported if that share reaches {main_cause_share_pct}; partly "
            "supported if prices rose but explain less; contradicted if they did not rise. The "
            "regional series compare two cited prices of the same kind in their own currency, so "
            "no exchange rate is needed."
        ),
        limits=(
            "Only the United States has a price series; other regions have two points at most, "
            "and the EIA series stops before the article. The US yearly price peaked in "
            "{us_price_peak_year} ({us_price_peak}) and fell after, while the cost per bitcoin "
            "kept rising. The latest US figure is rounded to the cent by its source."
        ),
        needs=(
            "Monthly industrial electricity prices after the EIA series ends, for the United States "
            "and for the regions where miners operate."
        ),
        citations=row_citations(
            electricity_prices[
                electricity_prices["series"].notna()
                | (electricity_prices["label"] == "United States, industrial")
            ]
        ),
        tables={"decomposition": eia.assign(window="EIA"), "late": late, "series": changes},
    )
