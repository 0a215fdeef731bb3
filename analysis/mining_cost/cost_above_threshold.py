"""The cost to mine one bitcoin has surpassed $100,000 in some regions: one bitcoin's
electricity at each cited regional price, at three machine efficiencies (best-in-class,
reference, older generation), on the latest date the network data reach, cross-checked
against CBECI and published estimates.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from analysis.measures.energy import (
    cbeci_comparison,
    efficiency_rows,
    energy_per_btc_kwh,
    published_comparison,
    row_citations,
)
from analysis.mining_cost.cross_checks import (
    CROSS_CHECK_FIGURES,
    cbeci_values,
    labelled_value,
    published_values,
)
from analysis.mining_cost.electricity import US_INDUSTRIAL
from analysis.mining_cost.network_figures import BTC_PRICE_LATEST, LATEST_DATE
from analysis.result import Assessment, Figures, FigureSpec, Margin, MarginRule, Stated, Verdict

KUCOIN_NOTE = (
    "The KuCoin report the article cites was not found, so this checks what the data say, "
    "not what the report says."
)
COST_FIGURES = Figures(
    (
        "regions_above_best",
        "Regions where one bitcoin's electricity costs more than the threshold with "
        "best-in-class machines",
        "count",
    ),
    ("regions_above_reference", "Regions above the threshold at the reference efficiency", "count"),
    ("regions_above_legacy", "Regions above the threshold with older-generation machines", "count"),
    ("regions_compared", "Regions with a cited current price", "count"),
    ("rows_cited", "Cited price rows a miner could pay", "count"),
    (
        "rows_not_regions",
        "Rows pricing no region (world average, survey of miners, a company's cost)",
        "count",
    ),
    ("rows_superseded", "Older rows of a region priced more than once", "count"),
    (
        "best_any_source_j_th",
        "Most efficient machine in the curated table, sources of any rating",
        "j_per_th",
    ),
    ("regions_above_any_source", "Regions above the threshold with that machine", "count"),
    LATEST_DATE,
    BTC_PRICE_LATEST,
    ("energy_best", "Electricity per bitcoin, best-in-class", "kwh"),
    ("energy_reference", "Electricity per bitcoin, reference", "kwh"),
    ("energy_legacy", "Electricity per bitcoin, older generation", "kwh"),
    ("income_btc_latest", "Bitcoin earned by all miners a day on that date", "btc"),
    (
        "blocks_per_day_latest",
        "Blocks found a day on that date (hashrate and difficulty)",
        "count",
    ),
    ("revenue_end", "Last date of the miners' revenue series", "date"),
    ("fee_per_block_assumed", "Fee per block assumed after the revenue series ends", "btc"),
    ("highest_cost_best", "Highest regional cost per bitcoin, best-in-class", "usd"),
    ("lowest_cost_best", "Lowest regional cost per bitcoin, best-in-class", "usd"),
    (
        "us_industrial_cost_reference",
        "Cost per bitcoin at the US average industrial price, reference efficiency",
        "usd",
    ),
)
FIGURES = COST_FIGURES + CROSS_CHECK_FIGURES
SUMMARY_SUPPORTED = (
    "On {latest_date}, one bitcoin's electricity cost more than {stated_threshold} in "
    "{regions_above_best} of {regions_compared} regions with a cited price even with "
    "best-in-class machines ({best_names}), and in "
    "{regions_above_reference} at the reference efficiency. "
    "At miners' own tariffs the cost is far lower (from {lowest_cost_best}). " + KUCOIN_NOTE
)
SUMMARY_LEGACY_ONLY = (
    "Only with older-generation machines does one bitcoin's electricity cost more than "
    "{stated_threshold} in a region with a cited price ({regions_above_legacy} of "
    "{regions_compared}: {legacy_names}). " + KUCOIN_NOTE
)
SUMMARY_CONTRADICTED = (
    "In no region with a cited price does one bitcoin's electricity cost more than "
    "{stated_threshold}, even with older-generation machines. " + KUCOIN_NOTE
)
METHOD = (
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
    "end). Of {rows_cited} such rows, {rows_not_regions} price no region and are shown "
    "but not counted, and {rows_superseded} are older rows of a region priced again later; "
    "each region counts once, at its newest row, and each row is marked with its kind "
    "(state, national or world average, tariff for miners, survey, company). Rule: "
    "supported if at least one region's cost exceeds {stated_threshold} at "
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
)
LIMITS = (
    "Prices are the latest cited for each region (mostly annual averages of earlier "
    "years), set against the latest network data; the regions over the line are "
    "high-price US states and averages, and this project has no data on how much mining "
    "they host. Costs count the machines' electricity only: "
    "no cooling overhead (CBECI adds one), hardware, staff or financing, so all-in costs "
    "are higher. The fleet's real mix of machines is not measured: published estimates "
    "and CBECI imply older fleets than the reference machine. Hashrate is itself "
    "blockchain.com's estimate from block times and difficulty; after the revenue series "
    "ends, fees are the median since the last halving. The quote's cause, 'due to surging "
    "energy costs', is checked as a claim of its own (the cost rose because of surging "
    "energy costs); this one tests the level only."
)
NEEDS = (
    "Monthly industrial prices by state and country for the same months as the network "
    "data (EIA monthly sales after its annual tables), and a measured fleet-average "
    "efficiency (a hashrate-weighted census of machines in use)."
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


def cost_values(
    latest: pd.Series,
    regions: pd.DataFrame,
    above: Mapping[str, pd.DataFrame],
    eff: Mapping[str, float],
    any_source: float,
    threshold: float,
) -> dict[str, float | None]:
    """The figures of the regional comparison on the latest network date."""
    th_per_btc = float(latest["th_per_btc"])
    any_kwh = float(energy_per_btc_kwh(th_per_btc, any_source))
    kwh = {n: float(energy_per_btc_kwh(th_per_btc, e)) for n, e in eff.items()}
    return {
        "regions_above_best": len(above["best"]),
        "regions_above_reference": len(above["reference"]),
        "regions_above_legacy": len(above["legacy"]),
        "regions_compared": len(regions),
        "best_any_source_j_th": any_source,
        "regions_above_any_source": int((regions["usd_per_kwh_low"] * any_kwh > threshold).sum()),
        "latest_date": latest["date"].toordinal(),
        "btc_price_latest": latest["price_usd"],
        "energy_best": kwh["best"],
        "energy_reference": kwh["reference"],
        "energy_legacy": kwh["legacy"],
        "income_btc_latest": latest["income_btc_per_day"],
        "blocks_per_day_latest": latest["blocks_per_day"],
        "highest_cost_best": regions["cost_best_low"].max(),
        "lowest_cost_best": regions["cost_best_low"].min(),
        "us_industrial_cost_reference": labelled_value(
            regions, US_INDUSTRIAL, "cost_reference_low"
        ),
    }


_THRESHOLD_FLIP = FigureSpec("cost_flip", "Threshold at which the verdict flips", "usd")
BEST_BELOW = MarginRule(
    "stated_threshold",
    _THRESHOLD_FLIP,
    "above",
    Verdict.PARTLY_SUPPORTED,
    "No longer supported if the threshold were {cost_flip} or more, the highest regional "
    "cost with best-in-class machines.",
)
LEGACY_BELOW = MarginRule(
    "stated_threshold",
    _THRESHOLD_FLIP,
    "above",
    Verdict.CONTRADICTED,
    "Contradicted if the threshold were {cost_flip} or more, the highest regional cost with "
    "older-generation machines.",
)
BEST_ABOVE = MarginRule(
    "stated_threshold",
    _THRESHOLD_FLIP,
    "below",
    Verdict.SUPPORTED,
    "Supported if the threshold were below {cost_flip}, the highest regional cost with "
    "best-in-class machines.",
)
LEGACY_ABOVE = MarginRule(
    "stated_threshold",
    _THRESHOLD_FLIP,
    "below",
    Verdict.PARTLY_SUPPORTED,
    "Partly supported if the threshold were below {cost_flip}, the highest regional cost "
    "with older-generation machines.",
)


def _verdict(
    above: Mapping[str, pd.DataFrame], regions: pd.DataFrame, threshold: float
) -> tuple[Verdict, str, Margin | None]:
    """The verdict and summary, with the regions over the line named (dearest first), and
    the margin: the highest regional cost the threshold would have to pass to flip it."""
    ordered = {n: f.sort_values(f"cost_{n}_low", ascending=False) for n, f in above.items()}
    best_high = float(regions["cost_best_low"].max()) if len(regions) else None
    legacy_high = float(regions["cost_legacy_low"].max()) if len(regions) else None
    if not above["best"].empty:
        names = names_of(ordered["best"]["label"])
        summary = SUMMARY_SUPPORTED.replace("{best_names}", names)
        return Verdict.SUPPORTED, summary, BEST_BELOW.at(best_high)
    if not above["legacy"].empty:
        names = names_of(ordered["legacy"]["label"])
        summary = SUMMARY_LEGACY_ONLY.replace("{legacy_names}", names)
        nearer_best = (
            best_high is not None
            and legacy_high is not None
            and (threshold - best_high < legacy_high - threshold)
        )
        margin = BEST_ABOVE.at(best_high) if nearer_best else LEGACY_BELOW.at(legacy_high)
        return Verdict.PARTLY_SUPPORTED, summary, margin
    return Verdict.CONTRADICTED, SUMMARY_CONTRADICTED, LEGACY_ABOVE.at(legacy_high)


def assess_cost_above_threshold(
    network_income: pd.DataFrame,
    cost_by_region: pd.DataFrame,
    miner_electricity_prices: pd.DataFrame,
    named_efficiencies: dict[str, float],
    assumed_fee_per_block: float,
    miners_revenue: pd.DataFrame,
    electricity_prices: pd.DataFrame,
    mining_cost_estimates: pd.DataFrame,
    cbeci_consumption: pd.DataFrame,
    asic_models: pd.DataFrame,
    target_blocks_per_day: float,  # named in the method
    cbeci_days_per_year: float,
    cbeci_overhead_factor: float,
    stated: Mapping[str, Stated],
) -> Assessment:
    """Whether one bitcoin's electricity costs more than the stated threshold in some region."""
    threshold = stated["threshold"].value
    eff, rows = named_efficiencies, cost_by_region
    regions = rows[rows["counted"]]
    latest = network_income.iloc[-1]
    above = {n: regions[regions[f"cost_{n}_low"] > threshold] for n in eff}
    cbeci = cbeci_comparison(
        network_income, cbeci_consumption, cbeci_days_per_year, cbeci_overhead_factor
    )
    published = published_comparison(mining_cost_estimates, electricity_prices, network_income, eff)
    any_source = float(asic_models["efficiency_j_th"].min())
    figures = FIGURES.fill(
        **cost_values(latest, regions, above, eff, any_source, threshold),
        rows_cited=len(rows),
        rows_not_regions=int(rows["region"].isna().sum()),
        rows_superseded=int((rows["region"].notna() & ~rows["counted"]).sum()),
        revenue_end=miners_revenue["date"].max().toordinal(),
        fee_per_block_assumed=assumed_fee_per_block,
        **cbeci_values(cbeci, eff),
        **published_values(published),
    )
    verdict, summary, margin = _verdict(above, regions, threshold)
    return Assessment(
        verdict=verdict,
        summary=summary,
        figures=figures,
        method=METHOD,
        limits=LIMITS,
        needs=NEEDS,
        citations=row_citations(miner_electricity_prices)
        + row_citations(efficiency_rows(asic_models, eff)),
        tables={"regions": rows, "published": published, "cbeci": cbeci},
        margin=margin,
    )
