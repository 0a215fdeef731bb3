"""Every chart of the real ledger is a valid Vega-Lite spec (Altair's own check against the
schema, which builds skip), and skipping the check changes nothing in the spec."""

from __future__ import annotations

from report.ledger.entry import Ledger
from report.render import charts
from report.render.charts.style import apply_config


def test_every_real_chart_passes_the_vega_lite_schema_and_is_the_same_unchecked(
    ledger: Ledger,
) -> None:
    checked = 0
    for entry in ledger.entries:
        chart = charts.chart_for(entry)
        if chart is None:
            continue
        validated = apply_config(chart, validate=True)  # raises on a spec outside the schema
        assert apply_config(chart) == validated, entry.claim.id
        checked += 1
    assert checked == sum(e.claim.chart is not None for e in ledger.entries) > 0


def test_the_check_refuses_a_spec_outside_the_schema() -> None:
    import altair as alt
    import pandas as pd
    import pytest

    chart = alt.Chart(pd.DataFrame({"x": [1]})).mark_point().encode(x="x:Q")
    chart.mark = "no-such-mark"  # type: ignore[assignment]
    with pytest.raises(Exception, match="no-such-mark"):
        apply_config(chart, validate=True)
