import math

import pandas as pd
import pytest

from analysis.mining_cost.energy_surge import (
    _verdict,
    assess_energy_cost_surge,
    surge_decomposition,
    surge_spans,
)
from analysis.result import Verdict
from tests.analysis import mining_frames as mf


def _frames() -> tuple[pd.DataFrame, pd.DataFrame]:
    months = pd.date_range("2020-01-01", "2022-12-01", freq="MS")
    price = [0.05 if m.year == 2020 else 0.06 if m.year == 2021 else 0.10 for m in months]
    us = pd.DataFrame({"month": months, "usd_per_kwh": price})
    days = pd.date_range("2020-01-01", "2022-12-31", freq="4D")
    energy = [100.0 if d.year == 2020 else 150.0 if d.year == 2021 else 200.0 for d in days]
    net = pd.DataFrame({"date": days, "energy_frontier_kwh": energy})
    return net, us


def test_decomposition_splits_the_cost_change_between_price_and_energy() -> None:
    net, us = _frames()
    out = surge_decomposition(net, us, [2020, 2021], None)
    first = out[out["base_year"] == 2020].iloc[0]
    # 2020 -> last twelve months (2022): price x2, energy x2, so half each
    assert first["price_change_pct"] == pytest.approx(100.0)
    assert first["energy_multiple"] == pytest.approx(2.0)
    assert first["price_share_pct"] == pytest.approx(50.0)
    second = out[out["base_year"] == 2021].iloc[0]
    # 2021 -> 2022: price x(10/6), energy x(4/3)
    expected = 100 * math.log(10 / 6) / math.log(10 / 6 * 4 / 3)
    assert second["price_share_pct"] == pytest.approx(expected)


def test_decomposition_can_end_at_a_latest_price() -> None:
    net, us = _frames()
    out = surge_decomposition(net, us, [2020], 0.05)
    # the price did not change from 2020, so none of the rise is due to it
    assert out["price_share_pct"].iloc[0] == pytest.approx(0.0)


def test_only_spans_where_price_and_cost_rose_count_as_surges() -> None:
    net, us = _frames()
    # 2020 -> 2022: price x2, energy x2 (cost x4), a surge
    out = surge_decomposition(net, us, [2020], None)
    assert out["cost_multiple"].iloc[0] == pytest.approx(4.0)
    assert surge_spans(out)["base_year"].tolist() == [2020]
    # a base from which price (0.12 -> 0.10) and energy (280 -> 200) both fell: the cost fell,
    # yet the price would hold log(10/12) / log(10/12 x 200/280) = 35% of the change
    fallen = pd.DataFrame(
        {
            "base_year": [2019],
            "price_change_pct": [100 * (0.10 / 0.12 - 1)],
            "energy_multiple": [200 / 280],
            "cost_multiple": [0.10 / 0.12 * 200 / 280],
            "price_share_pct": [100 * math.log(10 / 12) / math.log(10 / 12 * 200 / 280)],
        }
    )
    assert fallen["price_share_pct"].iloc[0] == pytest.approx(35.1, abs=0.1)
    assert surge_spans(fallen).empty


# ---- real data -------------------------------------------------------------------------


def _assess(t: dict[str, pd.DataFrame], threshold: float):  # type: ignore[no-untyped-def]
    return mf.measured(
        assess_energy_cost_surge, **t, **mf.PARAMETERS, main_cause_share_pct=threshold
    )


def test_real_data_prices_rose_but_are_not_the_main_cause(
    real_tables: dict[str, pd.DataFrame],
) -> None:
    result = _assess(real_tables, 50.0)
    assert result.verdict is Verdict.PARTLY_SUPPORTED
    share = result.value("largest_price_share")
    assert share is not None and 0 < share < 50
    # the price change, recomputed from the EIA table for the base year reported
    us = real_tables["us_industrial_price"]
    base = int(result.value("share_base_year"))  # type: ignore[arg-type]
    last = us["month"].max()
    recent = us.loc[us["month"] >= last - pd.DateOffset(months=11), "cents_per_kwh"].mean()
    then = us.loc[us["month"].dt.year == base, "cents_per_kwh"].mean()
    assert result.value("price_change_eia") == pytest.approx(100 * (recent / then - 1))
    # New York's industrial price, Jan-Jul 2023 to Jan-Jul 2024 (EIA): 6.94 -> 8.26 cents;
    # Norway's large users 2021 -> 2022: 7.8 -> 15.43 euro cents
    changes = result.tables["series"].set_index("series")["change_pct"]
    assert changes["New York industrial, Jan-Jul"] == pytest.approx(100 * (8.26 / 6.94 - 1))
    assert changes["Norway non-household large users"] == pytest.approx(100 * (15.43 / 7.8 - 1))


def test_the_main_cause_threshold_is_what_decides(real_tables: dict[str, pd.DataFrame]) -> None:
    share = _assess(real_tables, 50.0).value("largest_price_share")
    assert share is not None
    assert _assess(real_tables, share - 1).verdict is Verdict.SUPPORTED
    # the margin names that threshold, and the verdict flips on crossing it
    partly = _assess(real_tables, 50.0)
    assert partly.margin is not None and partly.margin.threshold.value == 50.0
    assert partly.margin.flips_to is Verdict.SUPPORTED
    supported = _assess(real_tables, share - 1)
    assert supported.margin is not None and supported.margin.flips_to is Verdict.PARTLY_SUPPORTED


def test_no_price_rise_contradicts_and_its_margin_is_a_rise() -> None:
    # the rule's last branch, on a hand-made decomposition where the price fell from every base
    falling = pd.DataFrame({"price_change_pct": [-5.0, -1.0]})
    verdict, _, margin = _verdict(None, falling, 50.0)
    assert verdict is Verdict.CONTRADICTED
    assert margin is not None and margin.deciding == "price_change_eia"
    assert margin.threshold.value == 0.0 and margin.flips_to is Verdict.PARTLY_SUPPORTED
    rising = pd.DataFrame({"price_change_pct": [-5.0, 2.0]})
    assert _verdict(10.0, rising, 50.0)[0] is Verdict.PARTLY_SUPPORTED
    assert _verdict(60.0, rising, 50.0)[0] is Verdict.SUPPORTED
