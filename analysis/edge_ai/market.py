"""Edge-AI market: the growth the article's $25B (2025) to $119B (2033) implies, how it
compares with the publishers' own forecasts, and the IoT explanation the article gives for it
(which the forecasts alone cannot check).
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from analysis.result import (
    Assessment,
    Citation,
    Figures,
    FigureSpec,
    Margin,
    MarginRule,
    Stated,
    Verdict,
    text_of,
)


def implied_cagr(start_value: float, end_value: float, years: float) -> float:
    """The constant yearly growth rate (a fraction) taking ``start_value`` to ``end_value``."""
    if start_value <= 0 or end_value <= 0 or years <= 0:
        raise ValueError("values and years must be positive")
    return float((end_value / start_value) ** (1.0 / years) - 1.0)


def growth_path(start_value: float, start_year: int, end_year: int, rate: float) -> pd.DataFrame:
    """Year-by-year values compounding ``start_value`` at ``rate`` (columns ``year``, ``value``)."""
    years = list(range(start_year, end_year + 1))
    values = [start_value * (1.0 + rate) ** (y - start_year) for y in years]
    return pd.DataFrame({"year": years, "value": values})


def _rounding_tolerance(text: str) -> float:
    """Half a unit of the last digit the article wrote ("$25 billion" -> 0.5)."""
    digits = "".join(ch for ch in text if ch.isdigit() or ch == ".")
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    return 0.5 * 10.0**-decimals


def matching_forecasts(
    forecasts: pd.DataFrame,
    base_year: int,
    base_value: float,
    forecast_year: int,
    forecast_value: float,
    base_tolerance: float,
    forecast_tolerance: float,
) -> pd.DataFrame:
    """Global edge-AI forecast rows whose years match and whose values round to the stated ones."""
    rows = forecasts[
        (forecasts["market_definition"] == "edge AI (global)")
        & (forecasts["base_year"] == base_year)
        & (forecasts["forecast_year"] == forecast_year)
    ]
    close = ((rows["base_value_usd_bn"] - base_value).abs() <= base_tolerance) & (
        (rows["forecast_value_usd_bn"] - forecast_value).abs() <= forecast_tolerance
    )
    return rows[close]


def publisher_growth(forecasts: pd.DataFrame) -> pd.DataFrame:
    """Each global forecast with a base value, and the yearly growth its two values imply (%)."""
    rows = forecasts[
        (forecasts["market_definition"] == "edge AI (global)")
        & forecasts["base_value_usd_bn"].notna()
        & forecasts["base_year"].notna()
    ].copy()
    rows["implied_cagr_pct"] = [
        100.0 * implied_cagr(b, f, float(fy - by))
        for b, f, fy, by in zip(
            rows["base_value_usd_bn"],
            rows["forecast_value_usd_bn"],
            rows["forecast_year"],
            rows["base_year"],
            strict=True,
        )
    ]
    keep = ["publisher", "base_year", "base_value_usd_bn", "forecast_year", "forecast_value_usd_bn"]
    return (
        rows[[*keep, "cagr_pct", "implied_cagr_pct"]]
        .drop_duplicates(subset=keep)
        .reset_index(drop=True)
    )


ARTICLE_FIGURES = Figures(
    ("article_implied_cagr", "Yearly growth implied by the article's figures", "percent"),
    ("years", "Years of growth", "count"),
    ("growth_multiple", "Growth over the period", "multiple"),
)
PUBLISHER_FIGURES = Figures(
    ("publisher_base", "Publisher's base-year value", "usd_bn"),
    ("publisher_forecast", "Publisher's forecast value", "usd_bn"),
    ("publisher_implied_cagr", "Growth implied by the publisher's values", "percent"),
    ("publisher_stated_cagr", "Growth rate the publisher states", "percent"),
    ("publisher_cagr_first_year", "First year of the stated rate", "year"),
    ("publisher_cagr_last_year", "Last year of the stated rate", "year"),
)
SPREAD_FIGURES = Figures(
    ("forecasts_compared", "Global forecasts with a base value", "count"),
    ("lowest_publisher_cagr", "Lowest growth implied by a publisher", "percent"),
    ("highest_publisher_cagr", "Highest growth implied by a publisher", "percent"),
)

MARKET_MATCHED = (
    "Matches a published forecast ({publisher_base} to {publisher_forecast}); the article's "
    "rounded figures imply {article_implied_cagr} a year against the publisher's stated "
    "{publisher_stated_cagr}."
)
MARKET_UNMATCHED = "No published forecast in the curated table matches these figures."
MARKET_MISMATCHED = (
    "Published forecasts for the same years exist in the curated table, but none rounds to "
    "the article's figures."
)
BOTH_MISSED = (
    " No one of the article's two values would make a match: each forecast for those years "
    "misses both."
)
MARKET_METHOD = (
    "The yearly growth rate is the constant rate that compounds the article's base value "
    "into its forecast value over {years} years. The article's figures are then matched "
    "against curated publisher forecasts for the same years, allowing only the rounding the "
    "article's wording implies, and the publisher's own values and stated rate are set beside "
    "them. Supported when one matches; contradicted when forecasts for the same years "
    "exist and none matches; not checkable when none covers those years. Across "
    "{forecasts_compared} global forecasts with a base value, implied growth "
    "ranges from {lowest_publisher_cagr} to {highest_publisher_cagr} a year."
)
MARKET_LIMITS = (
    "This checks that the article reports a published forecast faithfully, not that the "
    "forecast will come true. The publisher's page itself was not available; its figures come "
    "from secondary citations. Publishers define the edge-AI market differently, so their "
    "forecasts disagree widely."
)
MARKET_NEEDS = "Realised edge-AI revenues by year from a source with a stable market definition."

_VALUE_FLIP = FigureSpec("value_flip", "Article's value at which the match is lost", "usd_bn")


def _value_rule(stated_name: str, direction: str, what: str) -> MarginRule:
    return MarginRule(
        f"stated_{stated_name}",
        _VALUE_FLIP,
        "above" if direction == "above" else "below",
        Verdict.CONTRADICTED,
        f"Contradicted if the article's {what} were {direction} {{value_flip}}, beyond the "
        "rounding of the matching forecast.",
    )


def _market_margin(
    match: pd.Series, base: float, target: float, tolerances: tuple[float, float]
) -> Margin | None:
    """The nearest edge of the rounding band around the matching forecast's two values."""
    edges = []
    for name, what, stated_value, published, tolerance in (
        ("base_value", "base value", base, match["base_value_usd_bn"], tolerances[0]),
        ("forecast_value", "forecast value", target, match["forecast_value_usd_bn"], tolerances[1]),
    ):
        edges.append(
            (published + tolerance - stated_value, name, "above", what, published + tolerance)
        )
        edges.append(
            (stated_value - (published - tolerance), name, "below", what, published - tolerance)
        )
    _, name, direction, what, threshold = min(edges)
    return _value_rule(name, direction, what).at(float(threshold))


def _match_rule(stated_name: str, direction: str, what: str) -> MarginRule:
    return MarginRule(
        f"stated_{stated_name}",
        _VALUE_FLIP,
        "above" if direction == "above" else "below",
        Verdict.SUPPORTED,
        f"Supported if the article's {what} were {direction} {{value_flip}}, within the "
        "rounding of a forecast for the same years whose other value it already matches.",
    )


def _mismatch_margin(
    rows: pd.DataFrame, base: float, target: float, tolerances: tuple[float, float]
) -> Margin | None:
    """The nearest band edge of a same-years forecast that misses on one value only (None
    when every such forecast misses on both, so no one value would make a match)."""
    edges: list[tuple[float, str, str, str, float]] = []
    published_pairs = zip(
        rows["base_value_usd_bn"].astype(float),
        rows["forecast_value_usd_bn"].astype(float),
        strict=True,
    )
    for published_base, published_forecast in published_pairs:
        values = (
            ("base_value", "base value", base, published_base, tolerances[0]),
            ("forecast_value", "forecast value", target, published_forecast, tolerances[1]),
        )
        off = [v for v in values if abs(v[2] - v[3]) > v[4]]
        if len(off) != 1:
            continue
        name, what, stated_value, published, tolerance = off[0]
        if stated_value < published - tolerance:
            edge = published - tolerance
            edges.append((edge - stated_value, name, "above", what, edge))
        else:
            edge = published + tolerance
            edges.append((stated_value - edge, name, "below", what, edge))
    if not edges:
        return None
    _, name, direction, what, threshold = min(edges)
    return _match_rule(name, direction, what).at(float(threshold))


def _publisher_values(match: pd.Series, years: int) -> dict[str, float | None]:
    """The values of :data:`PUBLISHER_FIGURES` from the matching forecast row."""
    base, forecast = match["base_value_usd_bn"], match["forecast_value_usd_bn"]
    return {
        "publisher_base": base,
        "publisher_forecast": forecast,
        "publisher_implied_cagr": 100 * implied_cagr(base, forecast, years),
        "publisher_stated_cagr": match["cagr_pct"],
        "publisher_cagr_first_year": match["cagr_first_year"],
        "publisher_cagr_last_year": match["cagr_last_year"],
    }


def _forecast_citations(matches: pd.DataFrame) -> tuple[Citation, ...]:
    """One citation per matching forecast row."""
    return tuple(
        Citation(
            text_of(r.source_title),
            text_of(r.source_address),
            text_of(r.excerpt),
            text_of(r.notes),
        )
        for r in matches.itertuples()
    )


def assess_edge_ai_market(
    edge_ai_forecasts: pd.DataFrame, stated: Mapping[str, Stated]
) -> Assessment:
    """Check the article's edge-AI market path against the published forecasts."""
    base, target = stated["base_value"], stated["forecast_value"]
    base_year, target_year = int(stated["base_year"].value), int(stated["forecast_year"].value)
    rate = implied_cagr(base.value, target.value, target_year - base_year)
    matches = matching_forecasts(
        edge_ai_forecasts,
        base_year,
        base.value,
        target_year,
        target.value,
        _rounding_tolerance(base.text),
        _rounding_tolerance(target.text),
    )
    growth = publisher_growth(edge_ai_forecasts)
    path = growth_path(base.value, base_year, target_year, rate).assign(series="article")
    values: dict[str, float | None] = {
        "article_implied_cagr": 100 * rate,
        "years": float(target_year - base_year),
        "growth_multiple": target.value / base.value,
        "forecasts_compared": float(len(growth)),
        "lowest_publisher_cagr": float(growth["implied_cagr_pct"].min()),
        "highest_publisher_cagr": float(growth["implied_cagr_pct"].max()),
    }
    matched = not matches.empty
    same_years = edge_ai_forecasts[
        (edge_ai_forecasts["market_definition"] == "edge AI (global)")
        & (edge_ai_forecasts["base_year"] == base_year)
        & (edge_ai_forecasts["forecast_year"] == target_year)
    ]
    tolerances = (_rounding_tolerance(base.text), _rounding_tolerance(target.text))
    if matched:
        verdict, summary = Verdict.SUPPORTED, MARKET_MATCHED
        margin = _market_margin(matches.iloc[0], base.value, target.value, tolerances)
    elif not same_years.empty:
        verdict, summary = Verdict.CONTRADICTED, MARKET_MISMATCHED
        margin = _mismatch_margin(same_years, base.value, target.value, tolerances)
        summary += "" if margin is not None else BOTH_MISSED
    else:
        verdict, summary, margin = Verdict.NOT_CHECKABLE, MARKET_UNMATCHED, None
    if matched:
        values |= _publisher_values(matches.iloc[0], target_year - base_year)
    declared = ARTICLE_FIGURES + PUBLISHER_FIGURES if matched else ARTICLE_FIGURES
    return Assessment(
        verdict=verdict,
        margin=margin,
        summary=summary,
        figures=(declared + SPREAD_FIGURES).fill(**values),
        method=MARKET_METHOD,
        limits=MARKET_LIMITS,
        needs=MARKET_NEEDS,
        citations=_forecast_citations(matches) if matched else (),
        tables={"path": path, "publishers": growth},
    )


IOT_SUMMARY = "No data on connected-device counts or edge deployments are in the project."
IOT_METHOD = (
    "The claim explains the forecast by the growth of connected devices. The project holds "
    "market forecasts only, which state the expected size of the market, not the number of "
    "devices or why they grow."
)
IOT_LIMITS = "A forecast's growth cannot be attributed to a cause from the forecast alone."
IOT_NEEDS = (
    "A yearly series of connected IoT devices (for example from IoT Analytics or the ITU) "
    "and of devices shipped with on-device AI accelerators, over the same years."
)


def assess_iot_expansion() -> Assessment:
    """The IoT explanation of the forecast: no device or deployment series is in the data."""
    return Assessment(
        verdict=Verdict.NOT_CHECKABLE,
        summary=IOT_SUMMARY,
        figures=(),
        method=IOT_METHOD,
        limits=IOT_LIMITS,
        needs=IOT_NEEDS,
    )
