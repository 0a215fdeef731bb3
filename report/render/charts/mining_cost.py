"""Charts for the cost-to-mine claims: cost by region against the threshold, the
break-even electricity price over time, the sensitivity grid, the US margin and the
split of the cost rise between electricity prices and energy per bitcoin.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from report.ledger.entry import Entry
from report.render.charts.style import ACCENT, MUTED, PALETTE, WIDTH, threshold_rule, titled

_SERIES_NAMES = {
    "frontier": "Best machine of the day",
    "best": "Best-in-class today",
    "reference": "Reference machine",
    "legacy": "Older generation",
}


def cost_by_region(entry: Entry) -> alt.TopLevelMixin | None:
    """Electricity cost of one bitcoin per region: a bar from best-in-class to older-generation
    machines, a dot at the reference machine, and the claimed threshold."""
    regions = entry.assessment.tables.get("regions")
    threshold = entry.value("stated_threshold")
    if regions is None or regions.empty or threshold is None:
        return None
    if "counted" in regions:
        regions = regions[regions["counted"]]  # one row per region, as the verdict counts
    else:
        regions = regions.assign(source_kind="cited price")
    data = regions[
        [
            "label",
            "source_kind",
            "year",
            "cost_best_low",
            "cost_reference_low",
            "cost_legacy_high",
            "usd_per_kwh_low",
        ]
    ].copy()
    data["label"] = (
        data["label"].astype(str)
        + " ("
        + data["year"].astype(str)
        + "; "
        + data["source_kind"].astype(str)
        + ")"
    )
    order = data.sort_values("cost_reference_low", ascending=False)["label"].tolist()
    y = alt.Y("label:N", sort=order, title=None, axis=alt.Axis(labelLimit=220))
    x_title = "Electricity cost of one bitcoin, USD"
    base = alt.Chart(data)
    bars = base.mark_bar(height=8, color=PALETTE[0], opacity=0.55).encode(
        y=y,
        x=alt.X("cost_best_low:Q", title=x_title, axis=alt.Axis(format="$,.0f")),
        x2="cost_legacy_high:Q",
        tooltip=[
            alt.Tooltip("label:N", title="Region"),
            alt.Tooltip("usd_per_kwh_low:Q", title="USD/kWh", format=".3f"),
            alt.Tooltip("cost_best_low:Q", title="Best-in-class", format="$,.0f"),
            alt.Tooltip("cost_reference_low:Q", title="Reference", format="$,.0f"),
            alt.Tooltip("cost_legacy_high:Q", title="Older generation", format="$,.0f"),
        ],
    )
    dots = base.mark_point(filled=True, size=40, color=PALETTE[0]).encode(
        y=y, x="cost_reference_low:Q"
    )
    rule = threshold_rule(threshold, "usd", "Claimed threshold", axis="x")
    chart = alt.layer(bars, dots, rule).properties(width=WIDTH, height=14 * len(data))
    return titled(
        chart,
        entry,
        "One bitcoin's electricity cost more than {stated_threshold} in {regions_above_best} "
        "of {regions_compared} priced regions, even with the best machines",
        "Cost on {latest_date}; bar from best-in-class ({asic_efficiency_best_j_per_th}) to "
        "older machines ({asic_efficiency_legacy_j_per_th}), dot at the reference machine",
    )


def break_even_over_time(entry: Entry) -> alt.TopLevelMixin | None:
    """Break-even electricity price of the best machine of each date, and of the named
    machines, against the US industrial price (log scale)."""
    history = entry.assessment.tables.get("history")
    yearly = entry.assessment.tables.get("yearly")
    us = entry.assessment.tables.get("us_price")
    if history is None or history.empty or yearly is None or yearly.empty:
        return None
    lines = history.assign(series=history["series"].map(_SERIES_NAMES).fillna(history["series"]))
    lines = lines[lines["date"].dt.year >= int(yearly["year"].min())]
    frames = [lines]
    if us is not None and not us.empty:
        us = us[us["month"].dt.year >= int(yearly["year"].min())]
        frames.append(
            pd.DataFrame(
                {
                    "date": us["month"],
                    "series": "US industrial price (EIA)",
                    "usd_per_kwh": us["usd_per_kwh"],
                }
            )
        )
    data = pd.concat(frames, ignore_index=True)
    names = list(dict.fromkeys(data["series"]))
    others = iter([c for i, c in enumerate(PALETTE) if i != 1])  # PALETTE[1] is close to ACCENT
    colours = [ACCENT if n.startswith("US") else next(others) for n in names]
    chart = (
        alt.Chart(data)
        .mark_line()
        .encode(
            x=alt.X("date:T", title=None),
            y=alt.Y(
                "usd_per_kwh:Q",
                title="USD per kWh (log scale)",
                scale=alt.Scale(type="log", nice=False),
                axis=alt.Axis(format="$.2f"),
            ),
            color=alt.Color("series:N", title=None, scale=alt.Scale(domain=names, range=colours)),
            tooltip=[
                alt.Tooltip("date:T"),
                alt.Tooltip("series:N"),
                alt.Tooltip("usd_per_kwh:Q", format=".3f"),
            ],
        )
        .properties(width=WIDTH, height=300)
    )
    return titled(
        chart,
        entry,
        "The most the best machine could pay for power fell from {break_even_first_year} "
        "({first_year}) to {break_even_last_year} ({last_year})",
        "Break-even electricity price: revenue per unit of hashrate over the energy it uses",
    )


def sensitivity(entry: Entry) -> alt.TopLevelMixin | None:
    """Break-even electricity price for each bitcoin price and machine efficiency."""
    grid = entry.assessment.tables.get("grid")
    if grid is None or grid.empty:
        return None
    data = grid.assign(
        price_label=grid["btc_price_usd"].map(lambda v: f"${v:,.0f}"),
        efficiency_label=grid["efficiency_j_th"].map(lambda v: f"{v:g} J/TH"),
        value_label=grid["break_even_usd_per_kwh"].map(lambda v: f"{v:.3f}"),
    )
    prices = [f"${v:,.0f}" for v in sorted(grid["btc_price_usd"].unique())]
    effs = [f"{v:g} J/TH" for v in sorted(grid["efficiency_j_th"].unique())]
    base = alt.Chart(data).encode(
        x=alt.X("price_label:O", sort=prices, title="Bitcoin price", axis=alt.Axis(labelAngle=0)),
        y=alt.Y("efficiency_label:O", sort=effs, title="Machine efficiency"),
    )
    cells = base.mark_rect().encode(
        color=alt.Color(
            "break_even_usd_per_kwh:Q",
            title="USD/kWh",
            scale=alt.Scale(scheme="blues"),
        ),
        tooltip=[
            alt.Tooltip("price_label:O", title="Bitcoin price"),
            alt.Tooltip("efficiency_label:O", title="Efficiency"),
            alt.Tooltip("break_even_usd_per_kwh:Q", title="Break-even USD/kWh", format=".3f"),
        ],
    )
    middle = float(grid["break_even_usd_per_kwh"].median())
    text = base.mark_text(fontSize=13).encode(
        text="value_label:N",
        color=alt.condition(
            alt.datum.break_even_usd_per_kwh > middle, alt.value("white"), alt.value(MUTED)
        ),
    )
    chart = alt.layer(cells, text).properties(width=WIDTH, height=22 * len(effs))
    return titled(
        chart,
        entry,
        "At {btc_price_latest} even the best machine breaks even only below {break_even_best}",
        "Break-even electricity price (USD/kWh) at the network difficulty of {latest_date}",
    )


def us_margin(entry: Entry) -> alt.TopLevelMixin | None:
    """The best machine's break-even price over the US industrial price, by year and latest."""
    margin = entry.assessment.tables.get("margin")
    if margin is None or margin.empty:
        return None
    order = margin["period"].tolist()
    bars = (
        alt.Chart(margin)
        .mark_bar()
        .encode(
            x=alt.X("period:N", sort=order, title=None, axis=alt.Axis(labelAngle=0)),
            y=alt.Y("ratio:Q", title="Break-even price / US industrial price"),
            color=alt.Color(
                "kind:N",
                title=None,
                scale=alt.Scale(domain=["yearly median", "latest"], range=[PALETTE[0], ACCENT]),
            ),
            tooltip=[alt.Tooltip("period:N"), alt.Tooltip("ratio:Q", format=".2f")],
        )
    )
    rule = threshold_rule(1.0, "ratio", "Break-even equals the US price")
    chart = alt.layer(bars, rule).properties(width=WIDTH, height=260)
    return titled(
        chart,
        entry,
        "The best machine's break-even price fell to {latest_ratio} times the US industrial price",
        "Best machine of each date against the EIA's yearly average; the last bar is "
        "{latest_date} against the latest cited US average",
    )


def cost_rise_split(entry: Entry) -> alt.TopLevelMixin | None:
    """Share of the rise in cost per bitcoin due to the electricity price, by base year."""
    table = entry.assessment.tables.get("decomposition")
    line = entry.value("main_cause_share_pct")
    if table is None or table.empty or line is None:
        return None
    bars = (
        alt.Chart(table)
        .mark_bar(color=PALETTE[0])
        .encode(
            x=alt.X("base_year:O", title="Base year", axis=alt.Axis(labelAngle=0)),
            y=alt.Y("price_share_pct:Q", title="Electricity price's share of the rise, %"),
            tooltip=[
                alt.Tooltip("base_year:O"),
                alt.Tooltip("price_share_pct:Q", format=".1f"),
                alt.Tooltip("price_change_pct:Q", title="Price change %", format=".1f"),
                alt.Tooltip("energy_multiple:Q", title="Energy per BTC multiple", format=".2f"),
            ],
        )
    )
    rule = threshold_rule(line, "percent", "Main cause")
    chart = alt.layer(bars, rule).properties(width=WIDTH, height=260)
    return titled(
        chart,
        entry,
        "Electricity prices explain at most {largest_price_share} of the rise in cost per bitcoin",
        "Change from each base year to the EIA's last twelve months, at US industrial prices",
    )
