"""Charts for the mining-pool claims: pool shares by quarter, and the concentration indices
(HHI, the two largest pools' share, equivalent equal pools) with and without the pools seen
sharing a block template counted as one.

Pool slugs come from coinbase tags; they appear only as data (legend labels), which the
SVG renderer escapes.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from report.ledger.entry import Entry
from report.render.charts.style import PALETTE, WIDTH, threshold_rule, titled

_OTHER = "other pools"
_UNATTRIBUTED = "unattributed"
_SCENARIO_DASH = alt.StrokeDash(
    "scenario:N",
    title=None,
    scale=alt.Scale(domain=["separate pools", "template groups"], range=[[1, 0], [6, 4]]),
)


_LABEL_FROM_PCT = 3.0  # thinner bands are named in the tooltip and the CSV only


def _band_labels(data: pd.DataFrame) -> alt.Chart:
    """Each pool's name at the right end of its band, in the middle of the last quarter."""
    last = data[data["period"] == data["period"].max()].sort_values("order")
    last = last.assign(mid=last["share_pct"].cumsum() - last["share_pct"] / 2)
    last = last[last["share_pct"] >= _LABEL_FROM_PCT]
    labels: alt.Chart = (
        alt.Chart(last)
        .mark_text(align="left", dx=6, fontSize=13, color="#1d2733")
        .encode(x="period:T", y="mid:Q", text="pool:N")
    )
    return labels


def pool_shares_by_quarter(entry: Entry) -> alt.TopLevelMixin | None:
    """Stacked shares of the blocks found each quarter: the leading pools, the others, and
    the blocks no pool is attributed."""
    shares = entry.assessment.tables.get("shares_quarterly")
    if shares is None or shares.empty:
        return None
    order = shares.drop_duplicates("pool").sort_values("order")["pool"].tolist()
    named = [p for p in order if p not in (_OTHER, _UNATTRIBUTED)]
    colours = [*PALETTE[: len(named)], "#b9bec5", "#e3e6ea"]
    data = shares.assign(period=pd.to_datetime(shares["period"]))
    chart = (
        alt.Chart(data)
        .mark_area()
        .encode(
            x=alt.X("period:T", title=None, axis=alt.Axis(format="%Y", tickCount="year")),
            y=alt.Y(
                "share_pct:Q",
                title="Share of blocks found, %",
                stack="zero",
                scale=alt.Scale(domain=[0, 100]),
            ),
            color=alt.Color(
                "pool:N",
                title=None,
                sort=order,
                scale=alt.Scale(domain=order, range=colours[: len(order)]),
                legend=None,  # each band is labelled at its right end instead
            ),
            order=alt.Order("order:Q"),
            tooltip=[
                alt.Tooltip("period:T", title="Quarter", format="%Y-%m"),
                alt.Tooltip("pool:N", title="Pool"),
                alt.Tooltip("share_pct:Q", title="Share, %", format=".1f"),
            ],
        )
        .properties(width=WIDTH, height=300)
    )
    chart = alt.layer(chart, _band_labels(data))
    majority = entry.value("majority_share_pct")
    if majority is not None:
        chart = alt.layer(chart, threshold_rule(majority, "percent", "Half of the blocks"))
    return titled(
        chart,
        entry,
        "Two pools found {top2_latest} of the attributed blocks in {latest_year}; "
        "{nakamoto_latest} together passed half",
        "Share of the blocks found each quarter, by pool as coinbase tags name it",
    )


def _index_panel(data: pd.DataFrame, measure: str, title: str, fmt: str) -> alt.Chart:
    rows = data[data["measure"] == measure]
    chart: alt.Chart = (
        alt.Chart(rows)
        .mark_line(color=PALETTE[0])
        .encode(
            x=alt.X("period:T", title=None, axis=alt.Axis(format="%Y", tickCount="year")),
            y=alt.Y("value:Q", title=title, scale=alt.Scale(zero=False)),
            strokeDash=_SCENARIO_DASH,
            tooltip=[
                alt.Tooltip("period:T", title="Quarter", format="%Y-%m"),
                alt.Tooltip("scenario:N", title="Counting"),
                alt.Tooltip("value:Q", title=title, format=fmt),
            ],
        )
        .properties(width=WIDTH, height=170)
    )
    return chart


def concentration_indices(entry: Entry) -> alt.TopLevelMixin | None:
    """Quarterly HHI and the two largest pools' share, pools alone and template groups as one."""
    indices = entry.assessment.tables.get("indices_quarterly")
    if indices is None or indices.empty:
        return None
    data = indices.assign(period=pd.to_datetime(indices["period"]))
    hhi_panel: alt.Chart | alt.LayerChart | alt.FacetChart = _index_panel(
        data, "hhi", "HHI (0 to 10,000)", ",.0f"
    )
    line = entry.value("merger_guidelines_hhi_high")
    if line is not None:
        hhi_panel = alt.layer(
            hhi_panel, threshold_rule(line, "hhi", "Highly concentrated (US merger guidelines)")
        )
    chart = alt.vconcat(
        hhi_panel,
        _index_panel(data, "top2_pct", "Two largest pools, %", ".1f"),
    )
    return titled(
        chart,
        entry,
        "Pool concentration peaked in {hhi_peak_year} (HHI {hhi_peak}); it was {hhi_first} in "
        "{first_year} and {hhi_latest} in {latest_year}",
        "Quarterly, shares of attributed blocks; dashed: pools seen sharing a block template "
        "counted as one",
    )


def effective_pools(entry: Entry) -> alt.TopLevelMixin | None:
    """Quarterly equivalent number of equal pools, pools alone and template groups as one."""
    indices = entry.assessment.tables.get("indices_quarterly")
    if indices is None or indices.empty:
        return None
    data = indices.assign(period=pd.to_datetime(indices["period"]))
    chart = _index_panel(data, "effective_pools", "Equivalent equal pools", ".1f").properties(
        height=260
    )
    return titled(
        chart,
        entry,
        "Pool shares were worth {effective_pools_first} equal pools in {first_year}, "
        "{effective_pools_latest} in {latest_year}",
        "Quarterly, ten thousand over the HHI; dashed: pools seen sharing a block template "
        "counted as one",
    )
