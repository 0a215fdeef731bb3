"""Charts for the regional-migration claims: country shares over time (Cambridge's monthly
map with later published maps as separate points), the country index beside the pool index,
the hydro surplus of Paraguay and Ethiopia, and the network hashrate around China's ban.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from report.ledger.entry import Entry
from report.render.charts.style import ACCENT, MUTED, PALETTE, WIDTH, threshold_rule, titled

_MAIN_COUNTRIES = ["China", "United States", "Kazakhstan", "Russia", "Canada"]
_YEARS = alt.Axis(format="%Y", tickCount="year", labelFlush=False)


def country_shares(entry: Entry) -> alt.TopLevelMixin | None:
    """Cambridge's monthly shares of the leading countries as lines; later published
    geographic estimates as points, marked as a separate source."""
    from report.render.charts.style import end_labels  # kept out of the shared import block

    shares = entry.assessment.tables.get("shares")
    later = entry.assessment.tables.get("later")
    if shares is None or shares.empty:
        return None
    lines = shares[shares["group"].isin(_MAIN_COUNTRIES)].rename(
        columns={"period": "date", "group": "country"}
    )
    names = list(dict.fromkeys([*_MAIN_COUNTRIES, *([] if later is None else later["country"])]))
    colour = alt.Color(
        "country:N",
        title=None,
        scale=alt.Scale(domain=names, range=PALETTE[: len(names)]),
    )
    y = alt.Y("share_pct:Q", title="Share of hashrate, %")
    layers: list[alt.Chart] = [
        alt.Chart(lines)
        .mark_line()
        .encode(
            x=alt.X("date:T", title=None, axis=_YEARS),
            y=y,
            color=colour,
            tooltip=["date:T", "country:N", alt.Tooltip("share_pct:Q", format=".2f")],
        ),
        end_labels(lines, "date", "share_pct", "country", colour),
    ]
    if later is not None and not later.empty:
        layers.append(
            alt.Chart(later)
            .mark_point(shape="diamond", filled=True, size=70)
            .encode(
                x="date:T",
                y=y,
                color=colour,
                tooltip=["label:N", "estimator:N", alt.Tooltip("share_pct:Q", format=".2f")],
            )
        )
    chart = alt.layer(*layers).properties(width=WIDTH, height=300)
    return titled(
        chart,
        entry,
        "China's share fell from {china_share_first} to {china_share_last}; the United States "
        "rose to {us_share_last}",
        "Lines: Cambridge mining map, monthly to {last_month}; diamonds: later published "
        "geographic estimates (separate sources)",
    )


def _hhi_chart(entry: Entry, line: float | None) -> alt.TopLevelMixin | None:
    table = entry.assessment.tables.get("hhi")
    if table is None or table.empty:
        return None
    data = table.assign(hhi_mid=(table["hhi_low"] + table["hhi_high"]) / 2)
    sources = list(dict.fromkeys(data["source"]))
    colours = [c for i, c in enumerate(PALETTE) if i != 1][: len(sources)]  # PALETTE[1] ~ ACCENT
    colour = alt.Color("source:N", title=None, scale=alt.Scale(domain=sources, range=colours))
    base = alt.Chart(data).encode(x=alt.X("date:T", title=None, axis=_YEARS), color=colour)
    band = base.mark_area(opacity=0.25).encode(
        y=alt.Y("hhi_low:Q", title="HHI (0 to 10,000)"), y2="hhi_high:Q"
    )
    mid = base.mark_line(point=alt.OverlayMarkDef(size=30)).encode(
        y="hhi_mid:Q",
        tooltip=[
            "source:N",
            "date:T",
            alt.Tooltip("hhi_low:Q", format=",.0f"),
            alt.Tooltip("hhi_high:Q", format=",.0f"),
            "largest_group:N",
            alt.Tooltip("largest_pct:Q", format=".1f"),
        ],
    )
    layers: list[alt.Chart | alt.LayerChart] = [band, mid]
    if line is not None:
        layers.append(threshold_rule(line, "hhi", "Highly concentrated above"))
    return alt.layer(*layers).properties(width=WIDTH, height=300)


def geographic_hhi(entry: Entry) -> alt.TopLevelMixin | None:
    """The country HHI over time, as a band between its bounds."""
    chart = _hhi_chart(entry, entry.value("merger_guidelines_hhi_high"))
    if chart is None:
        return None
    return titled(
        chart,
        entry,
        "The country HHI fell from {geo_hhi_first_low} to {map_hhi_low}–{map_hhi_high}",
        "Band: the unlisted remainder as many tiny countries (low) or one (high)",
    )


def geographic_vs_pool_hhi(entry: Entry) -> alt.TopLevelMixin | None:
    """The country HHI (Cambridge months, latest map) beside the pool HHI (full years)."""
    chart = _hhi_chart(entry, entry.value("merger_guidelines_hhi_high"))
    if chart is None:
        return None
    first, last = entry.value("pool_hhi_first"), entry.value("pool_hhi_last")
    pools = "rose" if first is not None and last is not None and last > first else "went"
    return titled(
        chart,
        entry,
        "Countries fell to {map_hhi_low}–{map_hhi_high} while pools "
        + pools
        + " from {pool_hhi_first} to {pool_hhi_last}",
        "Herfindahl-Hirschman index of hashrate by country and of blocks by pool ({pool_last_year})",
    )


def hydro_surplus(entry: Entry) -> alt.TopLevelMixin | None:
    """Generation and demand of Paraguay and Ethiopia by year; the gap is the surplus."""
    surplus = entry.assessment.tables.get("surplus")
    if surplus is None or surplus.empty:
        return None
    long = surplus.melt(
        id_vars=["country", "year"],
        value_vars=["generation_twh", "demand_twh"],
        var_name="series",
        value_name="twh",
    )
    long["series"] = long["series"].map({"generation_twh": "Generation", "demand_twh": "Demand"})
    chart = (
        alt.Chart(long)
        .mark_line()
        .encode(
            x=alt.X(
                "year:Q", title=None, axis=alt.Axis(format="d", tickMinStep=10, labelOverlap=True)
            ),
            y=alt.Y("twh:Q", title="TWh"),
            color=alt.Color(
                "series:N",
                title=None,
                scale=alt.Scale(domain=["Generation", "Demand"], range=[PALETTE[0], ACCENT]),
            ),
            tooltip=[
                alt.Tooltip("country:N", title="Country"),
                alt.Tooltip("year:Q", title="Year", format="d"),
                alt.Tooltip("series:N", title="Series"),
                alt.Tooltip("twh:Q", title="Electricity (TWh)", format=".2f"),
            ],
        )
        .properties(width=WIDTH // 2 - 20, height=260)
        .facet(column=alt.Column("country:N", title=None), spacing=24)
        .resolve_scale(y="shared")  # the two panels are compared side by side
    )
    return titled(
        chart,
        entry,
        "Paraguay generated {paraguay_surplus_twh} more than it used in {energy_year}; "
        "Ethiopia {ethiopia_surplus_twh}",
        "Electricity generation and demand (Our World in Data); hydro is "
        "{paraguay_hydro_share} and {ethiopia_hydro_share} of generation",
    )


def ban_shock(entry: Entry) -> alt.TopLevelMixin | None:
    """Network hashrate around China's crackdown, with the crackdown date marked."""
    series = entry.assessment.tables.get("hashrate")
    crackdown = entry.value("china_mining_crackdown_date")
    if series is None or series.empty or crackdown is None:
        return None
    line = (
        alt.Chart(series)
        .mark_line(color=PALETTE[0])
        .encode(
            x=alt.X("date:T", title=None, axis=_YEARS),
            y=alt.Y("ehs:Q", title="Network hashrate, EH/s"),
            tooltip=["date:T", alt.Tooltip("ehs:Q", format=".1f")],
        )
    )
    day = pd.Timestamp.fromordinal(int(crackdown))
    rule_data = pd.DataFrame({"date": [day], "label": ["China's crackdown"]})
    rule = alt.Chart(rule_data).mark_rule(color=ACCENT, strokeDash=[6, 4]).encode(x="date:T")
    text = (
        alt.Chart(rule_data)
        .mark_text(align="left", dx=4, dy=-120, color=MUTED, fontSize=13)
        .encode(x="date:T", text="label:N")
    )
    chart = alt.layer(line, rule, text).properties(width=WIDTH, height=300)
    return titled(
        chart,
        entry,
        "Hashrate fell {ban_drop_pct} after China's crackdown and regained its peak on "
        "{recovery_date}",
        "Network hashrate (blockchain.com); China held {china_share_pre_ban} just before",
    )
