"""Mining is increasingly unviable in the United States (KuCoin): the best machine's
break-even electricity price over the US industrial price, year by year and on the latest
date, and the US states whose industrial price is above each machine's break-even price.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.measures.energy import (
    full_years,
    row_at_max,
    row_at_min,
    row_citations,
    yearly_median,
)
from analysis.measures.trend_interval import CONFIDENCE, Trend, as_pct_per_step, theil_sen
from analysis.mining_cost.electricity import cited_us_industrial, us_state_prices
from analysis.mining_cost.network_figures import (
    BREAK_EVEN_BEST,
    BREAK_EVEN_LEGACY,
    BREAK_EVEN_REFERENCE,
    LATEST_DATE,
)
from analysis.result import (
    Assessment,
    Direction,
    Figures,
    FigureSpec,
    Margin,
    MarginRule,
    Verdict,
)

FIGURES = Figures(
    BREAK_EVEN_REFERENCE,
    ("us_industrial_latest", "Latest cited US average industrial price", "usd_per_kwh"),
    BREAK_EVEN_BEST,
    BREAK_EVEN_LEGACY,
    LATEST_DATE,
    (
        "latest_ratio",
        "Best machine's break-even price over the US industrial price, latest",
        "ratio",
    ),
    ("lowest_earlier_ratio", "Lowest value of that ratio in a full year before", "ratio"),
    ("lowest_earlier_year", "Year of that lowest value", "year"),
    ("highest_earlier_ratio", "Highest value of that ratio in a full year", "ratio"),
    ("highest_earlier_year", "Year of that highest value", "year"),
    ("margin_trend", "Trend of the yearly ratio a year (Theil-Sen on logarithms)", "percent"),
    ("margin_trend_low", "Lower end of the trend's confidence interval", "percent"),
    ("margin_trend_high", "Upper end of the trend's confidence interval", "percent"),
    ("trend_confidence_pct", "Confidence of the trend's interval", "percent"),
    ("years_compared", "Full years compared", "count"),
    ("states_compared", "US states with a cited industrial price", "count"),
    (
        "states_losing_reference",
        "States whose industrial price is above the reference machine's break-even price",
        "count",
    ),
    (
        "states_losing_legacy",
        "States whose industrial price is above the older generation's break-even price",
        "count",
    ),
    (
        "states_losing_best",
        "States whose industrial price is above the best machine's break-even price",
        "count",
    ),
)
LEVEL_BELOW = (
    "the reference machine broke even only below {break_even_reference}, under the US "
    "average industrial price of {us_industrial_latest}"
)
LEVEL_WITHIN_ROUNDING = (
    "the reference machine broke even below {break_even_reference}, within the "
    "rounding of the US average industrial price ({us_industrial_latest}), so whether it "
    "still covers its electricity there cannot be told"
)
LEVEL_ABOVE = (
    "the reference machine broke even up to {break_even_reference}, above the US average "
    "industrial price of {us_industrial_latest} by more than its rounding, so it still "
    "covered its electricity there"
)
TREND_FALLING = (
    "The best machine's break-even price is now {latest_ratio} times the US price, below "
    "its median in every full year compared (lowest {lowest_earlier_ratio} in "
    "{lowest_earlier_year}; highest {highest_earlier_ratio} in {highest_earlier_year}), "
    "and the yearly ratio fell on trend: {margin_trend} a year, interval {margin_trend_low} "
    "to {margin_trend_high}."
)
TREND_NOT_LOWEST = (
    "The best machine's margin over the US price ({latest_ratio}) is not the lowest "
    "it has been ({lowest_earlier_ratio} in {lowest_earlier_year})."
)
TREND_UNCLEAR = (
    "The best machine's margin over the US price ({latest_ratio}) is the lowest it has "
    "been, but the yearly ratio shows no clear trend: {margin_trend} a year, with an "
    "interval from {margin_trend_low} to {margin_trend_high} that does not exclude no change."
)
TREND_TOO_SHORT = (
    "Only {years_compared} full years are compared, too few for a trend with an interval, "
    "so increasing unviability cannot be told."
)
STATES = (
    "; the older generation needed under {break_even_legacy}, less than the industrial "
    "price in {states_losing_legacy} of {states_compared} US states with a cited price, and "
    "even the best machine (break-even {break_even_best}) would lose money in "
    "{states_losing_best} of them. "
)
KUCOIN_NOTE = (
    " The KuCoin report the article cites was not found, so this checks what the data "
    "say, not what the report says."
)
METHOD = (
    "The break-even electricity price is revenue per unit of hashrate divided by the "
    "electricity that unit uses in a day at a machine's efficiency. The margin is the "
    "best available machine's break-even price over the US average industrial price: "
    "yearly medians against the EIA's yearly averages, over the full calendar years "
    "both series cover, and on the latest date against the latest cited US industrial "
    "price. The yearly trend is the Theil-Sen slope of the ratios' logarithms (the median "
    "of the slopes between every pair of years, not pulled by the bull-market years) with "
    "its distribution-free interval at {trend_confidence_pct} from Kendall's S. "
    "Thinning holds if the latest margin is below every yearly one and the trend's "
    "whole interval is below no change, fails if neither, and is unclear if only one. "
    "Unviability holds if the reference machine ({asic_efficiency_reference_j_per_th}) "
    "breaks even only below the US average industrial price less its rounding, fails if "
    "above it plus its rounding, and is unclear within it. Rule: supported if both hold; "
    "contradicted if thinning fails and unviability does not hold; partly supported "
    "otherwise. "
    "Before, the lowest yearly margin was {lowest_earlier_ratio} ({lowest_earlier_year})."
)
LIMITS = (
    "The latest US price is rounded to the cent by its source, and the break-even price "
    "of the reference machine is close to it, so that test is near its edge. Averages "
    "hide the cheap contracts large miners sign; state prices are annual averages of an "
    "earlier year. The states with a cited price are not a sample of the country: they "
    "include the dearest and several of the cheapest in EIA's table, so counts of states "
    "are not shares of the United States. The latest margin is one day's, the earlier ones "
    "are yearly medians. Electricity is not the only cost."
)
NEEDS = (
    "Recent industrial prices by state (EIA monthly) and the prices US miners actually "
    "pay (company filings), to set against the break-even price month by month."
)


def rounding_half_unit(text: str) -> float:
    """Half a unit of the last digit a price is written to ("0.09" -> 0.005)."""
    digits = "".join(ch for ch in text if ch.isdigit() or ch == ".")
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    return 0.5 * 10.0**-decimals


def yearly_margins(net: pd.DataFrame, us_price: pd.DataFrame, first_year: int) -> pd.DataFrame:
    """Per full calendar year from ``first_year``: the best machine's median break-even price
    (``frontier_be``), the mean US industrial price (``usd_per_kwh``) and their ``ratio``.

    Only years that both series cover from January to December count, so a partial year is
    never set beside full ones.
    """
    be_year = yearly_median(net, "frontier_be")
    price_year = (
        us_price.groupby(us_price["month"].dt.year.rename("year"))["usd_per_kwh"]
        .mean()
        .reset_index()
    )
    years = set(full_years(net["date"])) & set(full_years(us_price["month"]))
    ratios = be_year.merge(price_year, on="year")
    keep = ratios["year"].isin(years) & (ratios["year"] >= first_year)
    return ratios[keep].assign(ratio=lambda f: f["frontier_be"] / f["usd_per_kwh"])


def margin_table(
    ratios: pd.DataFrame, latest_date: pd.Timestamp, latest_ratio: float
) -> pd.DataFrame:
    """The yearly margins and the latest one, for the chart (``period``, ``ratio``, ``kind``)."""
    yearly = pd.DataFrame(
        {
            "period": ratios["year"].astype(int).astype(str),
            "ratio": ratios["ratio"],
            "kind": "yearly median",
        }
    )
    latest = pd.DataFrame(
        {"period": [latest_date.strftime("%Y-%m-%d")], "ratio": [latest_ratio], "kind": ["latest"]}
    )
    return pd.concat([yearly, latest], ignore_index=True)


_PRICE_FLIP = FigureSpec(
    "reference_flip", "Reference break-even price at which the verdict flips", "usd_per_kwh"
)
_RATIO_FLIP = FigureSpec("ratio_flip", "Latest margin at which the verdict flips", "ratio")
_TREND_FLIP = FigureSpec("trend_flip", "Trend end at which the verdict flips", "percent")
HOLDS, UNCLEAR, FAILS = "holds", "unclear", "fails"


def _price_rule(direction: Direction, flips_to: Verdict) -> MarginRule:
    side = "below" if direction == "below" else "no longer below"
    return MarginRule(
        "break_even_reference",
        _PRICE_FLIP,
        direction,
        flips_to,
        f"{flips_to.value.capitalize()} if the reference machine's break-even price were "
        f"{side} {{reference_flip}}, the US industrial price less its rounding.",
    )


def _ratio_rule(direction: Direction, flips_to: Verdict) -> MarginRule:
    side = "below" if direction == "below" else "no longer below"
    return MarginRule(
        "latest_ratio",
        _RATIO_FLIP,
        direction,
        flips_to,
        f"{flips_to.value.capitalize()} if the latest margin were {side} {{ratio_flip}}, "
        "the lowest yearly one.",
    )


def _trend_rule(direction: Direction, flips_to: Verdict) -> MarginRule:
    side = "below" if direction == "below" else "no longer below"
    return MarginRule(
        "margin_trend_high",
        _TREND_FLIP,
        direction,
        flips_to,
        f"{flips_to.value.capitalize()} if the upper end of the yearly trend's interval were "
        f"{side} {{trend_flip}}.",
    )


def margin_trend(ratios: pd.DataFrame) -> Trend | None:
    """Theil-Sen trend of the yearly ratios, as a percentage a year (None under three years)."""
    if len(ratios) < 3:
        return None
    logs = np.log(ratios["ratio"].astype("float64").to_numpy())
    return as_pct_per_step(theil_sen(ratios["year"].astype("float64").to_numpy(), logs))


def thinning_test(record_low: bool, trend: Trend | None) -> str:
    """Whether the margin is increasingly thin: it holds when the latest margin is the lowest
    and the trend's interval is wholly below no change, fails when neither, else unclear."""
    falling = trend is not None and trend.high < 0
    if record_low and falling:
        return HOLDS
    return UNCLEAR if record_low or falling else FAILS


def level_test(break_even: float, us_price: float, rounding: float) -> str:
    """Whether the reference machine no longer breaks even at the US price: beyond its
    rounding either way it holds or fails; within it, unclear."""
    if break_even < us_price - rounding:
        return HOLDS
    return FAILS if break_even > us_price + rounding else UNCLEAR


def _thinning_sentence(record_low: bool, trend: Trend | None) -> str:
    if not record_low:
        return TREND_NOT_LOWEST
    if trend is None:
        return TREND_TOO_SHORT
    return TREND_FALLING if trend.high < 0 else TREND_UNCLEAR


def _level_sentence(level: str) -> str:
    return {HOLDS: LEVEL_BELOW, UNCLEAR: LEVEL_WITHIN_ROUNDING, FAILS: LEVEL_ABOVE}[level]


def _to_thinning(record_low: bool, flips_to: Verdict) -> MarginRule | None:
    """The one figure that would make an unclear thinning test hold (or fail)."""
    if flips_to is Verdict.SUPPORTED:
        return _trend_rule("below", flips_to) if record_low else _ratio_rule("below", flips_to)
    return _ratio_rule("above", flips_to) if record_low else _trend_rule("above", flips_to)


def _verdict(
    thinning: str, level: str, record_low: bool, has_trend: bool
) -> tuple[Verdict, MarginRule | None]:
    """Supported if both tests hold; contradicted if the margin is not thinning and the
    machine is not clearly unviable; partly otherwise. The margin is a single figure whose
    change would flip it (the price test where either would; none when only more years
    would)."""
    if thinning == HOLDS:
        if level == HOLDS:
            return Verdict.SUPPORTED, _price_rule("above", Verdict.PARTLY_SUPPORTED)
        return Verdict.PARTLY_SUPPORTED, _price_rule("below", Verdict.SUPPORTED)
    if thinning == FAILS and level != HOLDS:
        return Verdict.CONTRADICTED, _price_rule("below", Verdict.PARTLY_SUPPORTED)
    if thinning == FAILS:  # not thinning, but the machine no longer breaks even
        return Verdict.PARTLY_SUPPORTED, _price_rule("above", Verdict.CONTRADICTED)
    if not has_trend:  # unclear for want of years: only more of them would settle it
        return Verdict.PARTLY_SUPPORTED, None
    if level == HOLDS:
        return Verdict.PARTLY_SUPPORTED, _to_thinning(record_low, Verdict.SUPPORTED)
    return Verdict.PARTLY_SUPPORTED, _to_thinning(record_low, Verdict.CONTRADICTED)


def _thresholds(rule: MarginRule | None, price_line: float, lowest_ratio: float) -> Margin | None:
    if rule is None:
        return None
    at = {"break_even_reference": price_line, "latest_ratio": lowest_ratio}
    return rule.at(at.get(rule.deciding, 0.0))


def assess_us_unviability(
    network_at_frontier: pd.DataFrame,
    us_industrial_usd: pd.DataFrame,
    electricity_prices: pd.DataFrame,
    first_full_asic_year: int,
    latest_break_even: dict[str, float],
) -> Assessment:
    """Whether mining at US industrial prices has become less and less viable."""
    be = latest_break_even
    ratios = yearly_margins(network_at_frontier, us_industrial_usd, first_full_asic_year)
    latest = network_at_frontier.iloc[-1]
    us_row = cited_us_industrial(electricity_prices)
    us_latest = float(us_row["usd_per_kwh_low"].iloc[0])
    latest_ratio = float(latest["frontier_be"]) / us_latest
    states = us_state_prices(electricity_prices)
    lowest = row_at_min(ratios, "ratio")
    record_low = latest_ratio < float(ratios["ratio"].min())
    trend = margin_trend(ratios)
    price_line = us_latest - rounding_half_unit(str(us_row["price"].iloc[0]))
    level = level_test(be["reference"], us_latest, rounding_half_unit(str(us_row["price"].iloc[0])))
    figures = FIGURES.fill(
        break_even_reference=be["reference"],
        us_industrial_latest=us_latest,
        break_even_best=be["best"],
        break_even_legacy=be["legacy"],
        latest_date=latest["date"].toordinal(),
        latest_ratio=latest_ratio,
        lowest_earlier_ratio=lowest["ratio"],
        lowest_earlier_year=lowest["year"],
        highest_earlier_ratio=ratios["ratio"].max(),
        highest_earlier_year=row_at_max(ratios, "ratio")["year"],
        margin_trend=trend.slope if trend else None,
        margin_trend_low=trend.low if trend else None,
        margin_trend_high=trend.high if trend else None,
        trend_confidence_pct=100.0 * CONFIDENCE,
        years_compared=len(ratios),
        states_compared=len(states),
        states_losing_reference=int((states["usd_per_kwh_low"] > be["reference"]).sum()),
        states_losing_legacy=int((states["usd_per_kwh_low"] > be["legacy"]).sum()),
        states_losing_best=int((states["usd_per_kwh_low"] > be["best"]).sum()),
    )
    thinning = thinning_test(record_low, trend)
    verdict, rule = _verdict(thinning, level, record_low, trend is not None)
    return Assessment(
        verdict=verdict,
        summary="On {latest_date} "
        + _level_sentence(level)
        + STATES
        + _thinning_sentence(record_low, trend)
        + KUCOIN_NOTE,
        figures=figures,
        method=METHOD,
        limits=LIMITS,
        needs=NEEDS,
        citations=row_citations(pd.concat([us_row, states])),
        tables={
            "ratios": ratios,
            "states": states,
            "margin": margin_table(ratios, latest["date"], latest_ratio),
        },
        margin=_thresholds(rule, price_line, float(lowest["ratio"])),
    )
