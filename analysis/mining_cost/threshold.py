"""Cost to mine one bitcoin by region: the $100,000 claim, and whether mining loses money
where electricity is expensive (with the sensitivity grid over bitcoin price and machine
efficiency).

Every cost here is electricity only, at three machine efficiencies (best-in-class,
reference, older generation), at the latest date the network data reach.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from analysis.measures.energy import (
    break_even_usd_per_kwh,
    cbeci_comparison,
    efficiency_range,
    efficiency_rows,
    energy_per_btc_kwh,
    miner_prices,
    network_income,
    published_comparison,
    regional_costs,
    row_citations,
    sensitivity_grid,
)
from analysis.measures.issuance import fee_per_block_since_halving, fees_by_date
from analysis.result import Assessment, Figure, Stated, Verdict

GRID_EFFICIENCY_STEP = 0.1  # J/TH: rows closer than this are one machine class in the grid
KUCOIN_NOTE = (
    "The KuCoin report the article cites was not found, so this checks what the data say, "
    "not what the report says."
)


def names_of(labels: pd.Series, most: int = 4) -> str:
    """Up to ``most`` labels as plain prose (labels holding digits or braces are left out)."""
    unique = dict.fromkeys(labels.astype(str))
    clean = [s for s in unique if not any(c.isdigit() or c in "{}" for c in s)]
    shown = clean[:most]
    if not shown:
        return "none"
    more = " and others" if len(clean) > most else ""
    return "; ".join(shown) + more


def _value(frame: pd.DataFrame, label: str, column: str) -> float | None:
    rows = frame[frame["label"] == label]
    return None if rows.empty else float(rows[column].iloc[0])


def _date_value(frame: pd.DataFrame, label: str, column: str) -> float | None:
    rows = frame[(frame["label"] == label) & frame[column].notna()]
    return None if rows.empty else float(pd.Timestamp(rows[column].iloc[0]).toordinal())


def assess_cost_above_threshold(
    hashrate: pd.DataFrame,
    difficulty: pd.DataFrame,
    market_price: pd.DataFrame,
    miners_revenue: pd.DataFrame,
    blocks: pd.DataFrame,
    electricity_prices: pd.DataFrame,
    mining_cost_estimates: pd.DataFrame,
    cbeci_consumption: pd.DataFrame,
    asic_models: pd.DataFrame,
    initial_block_subsidy_btc: float,
    subsidy_halving_interval_blocks: float,
    hashes_per_unit_difficulty: float,
    target_blocks_per_day: float,
    asic_efficiency_best_j_per_th: float,
    asic_efficiency_reference_j_per_th: float,
    asic_efficiency_legacy_j_per_th: float,
    electricity_price_oldest_year: float,
    cbeci_days_per_year: float,
    cbeci_overhead_factor: float,
    stated: Mapping[str, Stated],
) -> Assessment:
    """Whether one bitcoin's electricity costs more than the stated threshold in some region."""
    threshold = stated["threshold"].value
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
    fees = fees_by_date(
        miners_revenue,
        market_price,
        blocks,
        initial_block_subsidy_btc,
        int(subsidy_halving_interval_blocks),
    )
    fee_per_block, _ = fee_per_block_since_halving(
        fees, blocks, int(subsidy_halving_interval_blocks)
    )
    latest = net.iloc[-1]
    eff = efficiency_range(
        asic_efficiency_best_j_per_th,
        asic_efficiency_reference_j_per_th,
        asic_efficiency_legacy_j_per_th,
    )
    prices = miner_prices(electricity_prices, int(electricity_price_oldest_year))
    regions = regional_costs(prices, float(latest["th_per_btc"]), eff)
    above = {n: regions[regions[f"cost_{n}_low"] > threshold] for n in eff}
    cbeci = cbeci_comparison(net, cbeci_consumption, cbeci_days_per_year, cbeci_overhead_factor)
    cb = cbeci.iloc[-1]
    published = published_comparison(mining_cost_estimates, electricity_prices, net, eff)
    dated = published[published["as_of"].notna()]
    kwh = {n: float(energy_per_btc_kwh(float(latest["th_per_btc"]), e)) for n, e in eff.items()}
    any_source = float(asic_models["efficiency_j_th"].min())
    any_kwh = float(energy_per_btc_kwh(float(latest["th_per_btc"]), any_source))
    figures = [
        Figure(
            "regions_above_best",
            "Regions where one bitcoin's electricity costs more than the threshold with "
            "best-in-class machines",
            len(above["best"]),
            "count",
        ),
        Figure(
            "regions_above_reference",
            "Regions above the threshold at the reference efficiency",
            len(above["reference"]),
            "count",
        ),
        Figure(
            "regions_above_legacy",
            "Regions above the threshold with older-generation machines",
            len(above["legacy"]),
            "count",
        ),
        Figure("regions_compared", "Regions with a cited current price", len(regions), "count"),
        Figure(
            "best_any_source_j_th",
            "Most efficient machine in the curated table, sources of any rating",
            any_source,
            "j_per_th",
        ),
        Figure(
            "regions_above_any_source",
            "Regions above the threshold with that machine",
            int((regions["usd_per_kwh_low"] * any_kwh > threshold).sum()),
            "count",
        ),
        Figure(
            "latest_date", "Latest date of the network data", latest["date"].toordinal(), "date"
        ),
        Figure("btc_price_latest", "Bitcoin price on that date", latest["price_usd"], "usd"),
        Figure("energy_best", "Electricity per bitcoin, best-in-class", kwh["best"], "kwh"),
        Figure("energy_reference", "Electricity per bitcoin, reference", kwh["reference"], "kwh"),
        Figure("energy_legacy", "Electricity per bitcoin, older generation", kwh["legacy"], "kwh"),
        Figure(
            "income_btc_latest",
            "Bitcoin earned by all miners a day on that date",
            latest["income_btc_per_day"],
            "btc",
        ),
        Figure(
            "blocks_per_day_latest",
            "Blocks found a day on that date (hashrate and difficulty)",
            latest["blocks_per_day"],
            "count",
        ),
        Figure(
            "revenue_end",
            "Last date of the miners' revenue series",
            miners_revenue["date"].max().toordinal(),
            "date",
        ),
        Figure(
            "fee_per_block_assumed",
            "Fee per block assumed after the revenue series ends",
            fee_per_block,
            "btc",
        ),
        Figure(
            "highest_cost_best",
            "Highest regional cost per bitcoin, best-in-class",
            regions["cost_best_low"].max(),
            "usd",
        ),
        Figure(
            "lowest_cost_best",
            "Lowest regional cost per bitcoin, best-in-class",
            regions["cost_best_low"].min(),
            "usd",
        ),
        Figure(
            "us_industrial_cost_reference",
            "Cost per bitcoin at the US average industrial price, reference efficiency",
            _value(regions, "United States, industrial", "cost_reference_low"),
            "usd",
        ),
        Figure("cbeci_date", "Last date of CBECI's series", cb["date"].toordinal(), "date"),
        Figure("cbeci_energy", "CBECI's electricity per bitcoin", cb["cbeci_kwh_per_btc"], "kwh"),
        Figure(
            "ours_on_cbeci_date_reference",
            "This estimate on that date, reference efficiency",
            energy_per_btc_kwh(float(cb["th_per_btc"]), eff["reference"]),
            "kwh",
        ),
        Figure(
            "ours_on_cbeci_date_legacy",
            "This estimate on that date, older generation",
            energy_per_btc_kwh(float(cb["th_per_btc"]), eff["legacy"]),
            "kwh",
        ),
        Figure(
            "cbeci_fleet_efficiency",
            "Machine efficiency CBECI's estimate implies (overhead removed)",
            cb["cbeci_fleet_j_th"],
            "j_per_th",
        ),
        Figure(
            "hawaii_published",
            "Hashrate Index's cost for Hawaii",
            _value(published, "Hashrate Index, Hawaii", "value_usd"),
            "usd",
        ),
        Figure(
            "hawaii_date",
            "End of the quarter of Hashrate Index's figure",
            _date_value(published, "Hashrate Index, Hawaii", "as_of"),
            "date",
        ),
        Figure(
            "hawaii_ours_legacy",
            "This project's Hawaii cost then, older generation",
            _value(published, "Hashrate Index, Hawaii", "ours_legacy_usd"),
            "usd",
        ),
        Figure(
            "hawaii_implied_efficiency",
            "Machine efficiency Hashrate Index's Hawaii figure implies",
            _value(published, "Hashrate Index, Hawaii", "implied_j_th"),
            "j_per_th",
        ),
        Figure(
            "bitnewsbot_us",
            "Bitnewsbot's United States cost (all-sector price)",
            _value(published, "Bitnewsbot, United States all sectors", "value_usd"),
            "usd",
        ),
        Figure(
            "bitnewsbot_us_ours_reference",
            "This project's cost at the same price, reference efficiency, latest date",
            _value(published, "Bitnewsbot, United States all sectors", "ours_reference_usd"),
            "usd",
        ),
        Figure(
            "published_implied_min",
            "Lowest machine efficiency implied by a dated published estimate",
            dated["implied_j_th"].min() if not dated.empty else None,
            "j_per_th",
        ),
        Figure(
            "published_implied_max",
            "Highest machine efficiency implied by a dated published estimate",
            dated["implied_j_th"].max() if not dated.empty else None,
            "j_per_th",
        ),
        Figure(
            "undated_implied_energy_min",
            "Lowest electricity per bitcoin implied by an undated published estimate",
            published.loc[published["as_of"].isna(), "implied_kwh_per_btc"].min(),
            "kwh",
        ),
        Figure(
            "undated_implied_energy_max",
            "Highest electricity per bitcoin implied by an undated published estimate",
            published.loc[published["as_of"].isna(), "implied_kwh_per_btc"].max(),
            "kwh",
        ),
    ]
    ordered = {n: f.sort_values(f"cost_{n}_low", ascending=False) for n, f in above.items()}
    if not above["best"].empty:
        verdict = Verdict.SUPPORTED
        summary = (
            "On {latest_date}, one bitcoin's electricity cost more than {stated_threshold} in "
            "{regions_above_best} of {regions_compared} regions with a cited price even with "
            f"best-in-class machines ({names_of(ordered['best']['label'])}), and in "
            "{regions_above_reference} at the reference efficiency. "
            "At miners' own tariffs the cost is far lower (from {lowest_cost_best}). " + KUCOIN_NOTE
        )
    elif not above["legacy"].empty:
        verdict = Verdict.PARTLY_SUPPORTED
        summary = (
            "Only with older-generation machines does one bitcoin's electricity cost more than "
            "{stated_threshold} in a region with a cited price ({regions_above_legacy} of "
            f"{{regions_compared}}: {names_of(ordered['legacy']['label'])}). " + KUCOIN_NOTE
        )
    else:
        verdict = Verdict.CONTRADICTED
        summary = (
            "In no region with a cited price does one bitcoin's electricity cost more than "
            "{stated_threshold}, even with older-generation machines. " + KUCOIN_NOTE
        )
    tables = {
        "regions": regions,
        "published": published,
        "cbeci": cbeci,
    }
    return Assessment(
        verdict=verdict,
        summary=summary,
        figures=tuple(figures),
        method=(
            "Bitcoin earned a day is blockchain.com's miner revenue divided by the price (subsidy "
            "plus fees). After that series ends ({revenue_end}) it is the subsidy of the blocks "
            "counted in the block table over the same seven days, from the protocol schedule "
            "({initial_block_subsidy_btc} halving every {subsidy_halving_interval_blocks} blocks), "
            "plus the median fee per block since the last halving ({fee_per_block_assumed}; this "
            "raises income, so it errs against the claim). Electricity per bitcoin is network hashrate "
            "times machine efficiency times the seconds in a day, divided by bitcoin earned a day "
            "({income_btc_latest} on {latest_date}, when blocks came at {blocks_per_day_latest} a day "
            "against the protocol's {target_blocks_per_day}; since hashrate and blocks rise "
            "together, energy per bitcoin depends on difficulty, not on the block rate). "
            "Efficiencies come from the curated ASIC "
            "table: best-in-class ({asic_efficiency_best_j_per_th}), the reference current "
            "machine ({asic_efficiency_reference_j_per_th}) and the older generation still "
            "running ({asic_efficiency_legacy_j_per_th}). Each cost is that energy times a "
            "cited USD price an industrial user or miner pays (industrial and business averages, "
            "miners' tariffs and reported costs, from {electricity_price_oldest_year} on; taxes, "
            "household prices and prices in other currencies are left out; for a range, its low "
            "end). Rule: supported if at least one region's cost exceeds {stated_threshold} at "
            "best-in-class efficiency, the most efficient machine from a source rated above low; "
            "the most efficient row of any rating ({best_any_source_j_th}) still leaves "
            "{regions_above_any_source} regions above it. Partly supported if only with older-generation machines; contradicted if in "
            "none. Cross-checks: CBECI's own estimate on {cbeci_date} was {cbeci_energy} per "
            "bitcoin against {ours_on_cbeci_date_reference} to {ours_on_cbeci_date_legacy} here; "
            "CBECI counts an overhead ({cbeci_overhead_factor} times the machines' use) and a "
            "fleet of machines averaging {cbeci_fleet_efficiency}. Hashrate Index put Hawaii "
            "at {hawaii_published} (quarter ending {hawaii_date}) against {hawaii_ours_legacy} here "
            "with older machines; at the state's average industrial price that figure implies "
            "{hawaii_implied_efficiency}. Dated published electricity-only estimates imply "
            "machines of {published_implied_min} to {published_implied_max}, close to CBECI's "
            "fleet. Bitnewsbot's undated country figures imply between "
            "{undated_implied_energy_min} and {undated_implied_energy_max} per bitcoin, so they "
            "do not share one energy figure; its United States figure ({bitnewsbot_us}) compares "
            "with {bitnewsbot_us_ours_reference} here at the same price on {latest_date}."
        ),
        limits=(
            "Prices are the latest cited for each region (mostly annual averages of earlier "
            "years), set against the latest network data; the regions over the line are "
            "high-price US states and averages, and this project has no data on how much mining "
            "they host. Costs count the machines' electricity only: "
            "no cooling overhead (CBECI adds one), hardware, staff or financing, so all-in costs "
            "are higher. The fleet's real mix of machines is not measured: published estimates "
            "and CBECI imply older fleets than the reference machine. Hashrate is itself "
            "blockchain.com's estimate from block times and difficulty; after the revenue series "
            "ends, fees are the median since the last halving."
        ),
        needs=(
            "Monthly industrial prices by state and country for the same months as the network "
            "data (EIA monthly sales after its annual tables), and a measured fleet-average "
            "efficiency (a hashrate-weighted census of machines in use)."
        ),
        citations=row_citations(prices) + row_citations(efficiency_rows(asic_models, eff)),
        tables=tables,
    )


def grid_axes(
    net: pd.DataFrame, asic_models: pd.DataFrame, steps: int = 6
) -> tuple[list[float], list[float]]:
    """Bitcoin prices spanning the last year of data (rounded to the thousand) and the distinct
    efficiencies of dated machines from sources not rated low (values within
    GRID_EFFICIENCY_STEP of a smaller one are merged into it)."""
    year = net[net["date"] > net["date"].max() - pd.DateOffset(years=1)]
    prices = np.linspace(year["price_usd"].min(), year["price_usd"].max(), steps)
    usable = asic_models[
        asic_models["available_from"].notna() & (asic_models["source_level"] != "low")
    ]
    efficiencies: list[float] = []
    for value in sorted(usable["efficiency_j_th"].dropna()):
        if not efficiencies or value - efficiencies[-1] > GRID_EFFICIENCY_STEP:
            efficiencies.append(float(value))
    return [float(p) for p in np.round(prices, -3)], efficiencies


def assess_expensive_electricity(
    hashrate: pd.DataFrame,
    difficulty: pd.DataFrame,
    market_price: pd.DataFrame,
    miners_revenue: pd.DataFrame,
    blocks: pd.DataFrame,
    electricity_prices: pd.DataFrame,
    asic_models: pd.DataFrame,
    initial_block_subsidy_btc: float,
    subsidy_halving_interval_blocks: float,
    hashes_per_unit_difficulty: float,
    asic_efficiency_best_j_per_th: float,
    asic_efficiency_reference_j_per_th: float,
    asic_efficiency_legacy_j_per_th: float,
    electricity_price_oldest_year: float,
) -> Assessment:
    """Whether mining loses money where electricity costs more than the world business average."""
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
    eff = efficiency_range(
        asic_efficiency_best_j_per_th,
        asic_efficiency_reference_j_per_th,
        asic_efficiency_legacy_j_per_th,
    )
    latest = net.iloc[-1]
    price = float(latest["price_usd"])
    world_row = electricity_prices[electricity_prices["location"] == "World"]
    world = float(world_row["usd_per_kwh_low"].iloc[0])
    regions = regional_costs(
        miner_prices(electricity_prices, int(electricity_price_oldest_year)),
        float(latest["th_per_btc"]),
        eff,
    )
    expensive = regions[(regions["usd_per_kwh_low"] > world) & (regions["location"] != "World")]
    losing = {n: int((expensive[f"cost_{n}_low"] > price).sum()) for n in eff}
    btc_prices, efficiencies = grid_axes(net, asic_models)
    grid = sensitivity_grid(float(latest["th_per_btc"]), btc_prices, efficiencies)
    figures = [
        Figure(
            "expensive_losing_best",
            "Expensive regions where even the best machine loses money on electricity",
            losing["best"],
            "count",
        ),
        Figure(
            "expensive_regions",
            "Regions with prices above the world business average",
            len(expensive),
            "count",
        ),
        Figure(
            "expensive_losing_reference",
            "Expensive regions losing money at the reference efficiency",
            losing["reference"],
            "count",
        ),
        Figure(
            "world_business_price", "World average business electricity price", world, "usd_per_kwh"
        ),
        Figure(
            "latest_date", "Latest date of the network data", latest["date"].toordinal(), "date"
        ),
        Figure("btc_price_latest", "Bitcoin price on that date", price, "usd"),
        Figure(
            "break_even_best",
            "Break-even electricity price, best-in-class",
            break_even_usd_per_kwh(float(latest["hashprice_usd_per_th_day"]), eff["best"]),
            "usd_per_kwh",
        ),
        Figure(
            "break_even_reference",
            "Break-even electricity price, reference machine",
            break_even_usd_per_kwh(float(latest["hashprice_usd_per_th_day"]), eff["reference"]),
            "usd_per_kwh",
        ),
        Figure(
            "grid_price_low", "Lowest bitcoin price in the sensitivity grid", min(btc_prices), "usd"
        ),
        Figure(
            "grid_price_high",
            "Highest bitcoin price in the sensitivity grid",
            max(btc_prices),
            "usd",
        ),
    ]
    if expensive.empty:
        verdict = Verdict.NOT_CHECKABLE
        summary = (
            "No region with a cited price has electricity dearer than the world business average."
        )
    elif losing["best"] == len(expensive):
        verdict = Verdict.SUPPORTED
        summary = (
            "In all {expensive_regions} regions with electricity dearer than the world business "
            "average ({world_business_price}), one bitcoin's electricity cost more than the "
            "bitcoin itself ({btc_price_latest}) on {latest_date}, even with the best machine, "
            "which breaks even only below {break_even_best}."
        )
    elif losing["reference"] > 0:
        verdict = Verdict.PARTLY_SUPPORTED
        summary = (
            "Of {expensive_regions} regions with electricity dearer than the world business "
            "average, {expensive_losing_reference} lose money at the reference efficiency but "
            "only {expensive_losing_best} with the best machine (break-even {break_even_best})."
        )
    else:
        verdict = Verdict.CONTRADICTED
        summary = "Even in the dearest regions, mining covered its electricity on {latest_date}."
    return Assessment(
        verdict=verdict,
        summary=summary,
        figures=tuple(figures),
        method=(
            "'Expensive' means a cited current price a miner could pay (as for the cost by "
            "region) above the world average business price ({world_business_price}). In each "
            "such region the electricity cost of one bitcoin is compared with the bitcoin price "
            "on the latest date. Rule: supported if all of them lose money even with the best "
            "machine ({asic_efficiency_best_j_per_th}); partly supported if some lose money at the "
            "reference efficiency ({asic_efficiency_reference_j_per_th}); contradicted if none "
            "does. The sensitivity grid gives the break-even electricity price for bitcoin prices "
            "from {grid_price_low} to {grid_price_high} (the range of the last year) and for each "
            "dated machine efficiency, at the latest network difficulty."
        ),
        limits=(
            "Electricity only: hardware, hosting and financing make the real loss larger. Prices "
            "are averages; a miner with a special contract in an expensive state pays less. The "
            "bitcoin price on the latest date was low for the year, which deepens the losses."
        ),
        needs="Miners' contracted electricity prices by region.",
        citations=row_citations(pd.concat([world_row, expensive])),
        tables={"grid": grid, "expensive": expensive},
    )
