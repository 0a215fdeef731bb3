"""Did surging energy prices raise the cost of mining a bitcoin? The change in cost per
bitcoin at the US industrial price split into the electricity price's part and the energy
per bitcoin's part.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.measures.energy import cause_shares, row_at_max, row_citations, series_changes
from analysis.mining_cost.electricity import US_INDUSTRIAL, cited_us_industrial
from analysis.result import Assessment, Figures, FigureSpec, Margin, MarginRule, Verdict

EIA_END_MONTHS = 12  # the end of the comparison: the EIA series' last twelve months
FIGURES = Figures(
    (
        "largest_price_share",
        "Largest share of the rise in cost per bitcoin due to the electricity price",
        "percent",
    ),
    ("share_base_year", "Base year giving that share (EIA window)", "year"),
    (
        "price_change_eia",
        "Change in the US industrial price from that year to the EIA's last twelve months",
        "percent",
    ),
    (
        "energy_multiple_eia",
        "Change in electricity per bitcoin over the same span (best machines)",
        "multiple",
    ),
    ("eia_last_month", "End of the EIA series", "date"),
    (
        "late_price_share",
        "Largest price share with the latest cited US industrial price",
        "percent",
    ),
    ("us_industrial_latest", "Latest cited US industrial price", "usd_per_kwh"),
    ("us_price_peak_year", "Year of the highest yearly US industrial price", "year"),
    ("us_price_peak", "Highest yearly US industrial price", "usd_per_kwh"),
    ("series_compared", "Regional price series with two dates", "count"),
    ("series_rising", "Regional price series that rose", "count"),
    (
        "largest_regional_rise",
        "Largest rise in a regional price series (own currency)",
        "percent",
    ),
)
SUMMARY_MAIN_CAUSE = (
    "Electricity prices account for up to {largest_price_share} of the rise in the cost "
    "of mining a bitcoin at US industrial prices: the main cause."
)
SUMMARY_MINOR_CAUSE = (
    "Energy prices did rise (the US industrial price by {price_change_eia} from "
    "{share_base_year} to the EIA's last twelve months; "
    "{series_rising} of {series_compared} regional series rose, by up to "
    "{largest_regional_rise}), but they explain at most {largest_price_share} of the rise "
    "in cost per bitcoin. Most of it is the growth in electricity per bitcoin as "
    "difficulty rose ({energy_multiple_eia} over the same span, even with the best "
    "machines of each date); over spans that include a halving the energy part is larger "
    "still."
)
SUMMARY_NO_RISE = "US industrial electricity prices did not rise over the periods compared."
METHOD = (
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
)
LIMITS = (
    "Only the United States has a price series; other regions have two points at most, "
    "and the EIA series stops before the article. The US yearly price peaked in "
    "{us_price_peak_year} ({us_price_peak}) and fell after, while the cost per bitcoin "
    "kept rising. The latest US figure is rounded to the cent by its source."
)
NEEDS = (
    "Monthly industrial electricity prices after the EIA series ends, for the United States "
    "and for the regions where miners operate."
)


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
        first = last - pd.DateOffset(months=EIA_END_MONTHS - 1)  # first of the last months
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


def _largest_price_share(
    eia_surges: pd.DataFrame, late_surges: pd.DataFrame, eia: pd.DataFrame
) -> tuple[pd.Series, float | None]:
    """The EIA-window span with the largest price share (among surges, if any), and the
    largest price share of any surge in either window (None if there is none)."""
    best_eia = row_at_max(eia_surges if not eia_surges.empty else eia, "price_share_pct")
    shares = [float(best_eia["price_share_pct"])] if not eia_surges.empty else []
    if not late_surges.empty:
        shares.append(float(late_surges["price_share_pct"].max()))
    return best_eia, max(shares) if shares else None


_SHARE_FLIP = FigureSpec("share_flip", "Price share at which the verdict flips", "percent")
MAIN_CAUSE_LOST = MarginRule(
    "largest_price_share",
    _SHARE_FLIP,
    "below",
    Verdict.PARTLY_SUPPORTED,
    "Partly supported if the electricity price explained less than {share_flip} of the rise.",
)
MAIN_CAUSE_FOUND = MarginRule(
    "largest_price_share",
    _SHARE_FLIP,
    "above",
    Verdict.SUPPORTED,
    "Supported if the electricity price explained at least {share_flip} of the rise.",
)
PRICE_ROSE = MarginRule(
    "price_change_eia",
    FigureSpec("price_flip", "Price change at which the verdict flips", "percent"),
    "above",
    Verdict.PARTLY_SUPPORTED,
    "Partly supported if the US industrial price had risen by more than {price_flip}.",
)


def _verdict(
    largest: float | None, eia: pd.DataFrame, main_cause: float
) -> tuple[Verdict, str, Margin | None]:
    if largest is not None and largest >= main_cause:
        return Verdict.SUPPORTED, SUMMARY_MAIN_CAUSE, MAIN_CAUSE_LOST.at(main_cause)
    if (eia["price_change_pct"] > 0).any():
        return Verdict.PARTLY_SUPPORTED, SUMMARY_MINOR_CAUSE, MAIN_CAUSE_FOUND.at(main_cause)
    return Verdict.CONTRADICTED, SUMMARY_NO_RISE, PRICE_ROSE.at(0.0)


def assess_energy_cost_surge(
    network_at_frontier: pd.DataFrame,
    us_industrial_usd: pd.DataFrame,
    electricity_prices: pd.DataFrame,
    first_full_asic_year: int,
    main_cause_share_pct: float,
) -> Assessment:
    """Whether rising electricity prices, rather than rising energy per bitcoin, raised the cost."""
    net, us = network_at_frontier, us_industrial_usd
    last_eia = int(us["month"].max().year)
    network_years = set(net["date"].dt.year)
    base_years = [y for y in range(first_full_asic_year, last_eia - 1) if y in network_years]
    eia = surge_decomposition(net, us, base_years, None)
    us_latest_row = cited_us_industrial(electricity_prices)
    us_latest = float(us_latest_row["usd_per_kwh_low"].iloc[0]) if len(us_latest_row) else None
    late = surge_decomposition(net, us, base_years, us_latest) if us_latest else eia.iloc[0:0]
    late_surges = surge_spans(late)
    best_eia, largest = _largest_price_share(surge_spans(eia), late_surges, eia)
    changes = series_changes(electricity_prices)
    yearly = us.groupby(us["month"].dt.year)["usd_per_kwh"].mean()
    figures = FIGURES.fill(
        largest_price_share=largest,
        share_base_year=best_eia["base_year"],
        price_change_eia=best_eia["price_change_pct"],
        energy_multiple_eia=best_eia["energy_multiple"],
        eia_last_month=(us["month"].max() + pd.offsets.MonthEnd(0)).toordinal(),
        late_price_share=late_surges["price_share_pct"].max() if not late_surges.empty else None,
        us_industrial_latest=us_latest,
        us_price_peak_year=float(yearly.index[int(np.nanargmax(yearly.to_numpy()))]),
        us_price_peak=yearly.max(),
        series_compared=len(changes),
        series_rising=int((changes["change_pct"] > 0).sum()) if len(changes) else 0,
        largest_regional_rise=changes["change_pct"].max() if len(changes) else None,
    )
    verdict, summary, margin = _verdict(largest, eia, main_cause_share_pct)
    cited = electricity_prices["series"].notna() | (electricity_prices["label"] == US_INDUSTRIAL)
    return Assessment(
        verdict=verdict,
        summary=summary,
        figures=figures,
        method=METHOD,
        limits=LIMITS,
        needs=NEEDS,
        citations=row_citations(electricity_prices[cited]),
        tables={"decomposition": eia.assign(window="EIA"), "late": late, "series": changes},
        margin=margin,
    )
