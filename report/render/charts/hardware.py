"""Charts for the hardware claims: energy per hash by release date with the fitted trend,
and the network's hashrate since the CPU era, both on log scales.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from report.ledger.entry import Entry
from report.render.charts.style import ACCENT, MUTED, PALETTE, WIDTH, titled

_CLASSES = ["CPU", "GPU", "FPGA", "ASIC"]
_CLASS_COLOURS = [PALETTE[2], PALETTE[4], PALETTE[3], PALETTE[0]]


def efficiency_by_release(entry: Entry) -> alt.TopLevelMixin | None:
    """Energy per terahash of each machine by release date (log scale), coloured by class,
    with the fitted exponential trends."""
    machines = entry.assessment.tables.get("machines")
    fit = entry.assessment.tables.get("fit")
    if machines is None or machines.empty or fit is None:
        return None
    points = machines.assign(
        kind=machines["placeholder"].map({True: "CBECI placeholder row", False: "named machine"})
    )
    low, high = machines["efficiency_j_th"].min() / 2, machines["efficiency_j_th"].max() * 2
    y = alt.Y(
        "efficiency_j_th:Q",
        title="Energy per hash, J/TH (log scale)",
        scale=alt.Scale(type="log", domain=[low, high], nice=False),
        axis=alt.Axis(format="~s"),
    )
    dots = (
        alt.Chart(points)
        .mark_point(size=45, filled=True, opacity=0.8)
        .encode(
            x=alt.X("available_from:T", title="Release date"),
            y=y,
            color=alt.Color(
                "hardware_class:N",
                title=None,
                scale=alt.Scale(domain=_CLASSES, range=_CLASS_COLOURS),
            ),
            shape=alt.Shape("kind:N", title=None),
            tooltip=[
                alt.Tooltip("machine:N", title="Machine"),
                alt.Tooltip("available_from:T", title="Available from"),
                alt.Tooltip("efficiency_j_th:Q", title="J/TH", format=",.4~g"),
                alt.Tooltip("source:N", title="Source"),
            ],
        )
    )
    lines = (
        alt.Chart(fit)
        .mark_line(strokeDash=[6, 4], strokeWidth=1.5, clip=True)
        .encode(
            x="date:T",
            y=y,
            detail="series:N",
            color=alt.value(MUTED),
            tooltip=[alt.Tooltip("series:N", title="Trend")],
        )
    )
    chart = alt.layer(lines, dots).properties(width=WIDTH, height=320)
    return titled(
        chart,
        entry,
        "The best ASIC does {asic_vs_cpu_multiple} as many hashes per joule as the best CPU",
        "J/TH by release date, log scale; dashed: fitted trends. The best named ASIC's halved "
        "every {asic_halving_months}",
    )


def hashrate_since_cpu_era(entry: Entry) -> alt.TopLevelMixin | None:
    """Network hashrate since the first block (log scale), with the end of the CPU era."""
    network = entry.assessment.tables.get("network")
    end = entry.value("cpu_era_end")
    if network is None or network.empty or end is None:
        return None
    data = network[network["hashrate_ths"] > 0]
    line = (
        alt.Chart(data)
        .mark_line(color=PALETTE[0])
        .encode(
            x=alt.X("date:T", title=None),
            y=alt.Y(
                "hashrate_ths:Q",
                title="Network hashrate, TH/s (log scale)",
                scale=alt.Scale(type="log"),
                axis=alt.Axis(format="~e"),
            ),
            tooltip=[
                alt.Tooltip("date:T"),
                alt.Tooltip("hashrate_ths:Q", title="TH/s", format=".3~g"),
            ],
        )
    )
    marker = pd.DataFrame(
        {"date": [pd.Timestamp.fromordinal(int(end))], "label": ["First GPU row in CBECI"]}
    )
    rule = (
        alt.Chart(marker)
        .mark_rule(color=ACCENT, strokeDash=[6, 4], strokeWidth=1.5)
        .encode(x="date:T")
    )
    text = (
        alt.Chart(marker)
        .mark_text(align="left", dx=4, dy=-120, color=ACCENT, fontSize=13)
        .encode(x="date:T", text="label:N")
    )
    chart = alt.layer(line, rule, text).properties(width=WIDTH, height=300)
    return titled(
        chart,
        entry,
        "Network hashrate grew {hashrate_growth_multiple} since the CPU era",
        "Seven-day average (blockchain.com), log scale; the CPU era ends on {cpu_era_end}, "
        "the latest value is {latest_hashrate_ehs}",
    )
