import pandas as pd
import pytest

from analysis.mining_cost.cross_checks import (
    CROSS_CHECK_FIGURES,
    cbeci_values,
    labelled_date,
    labelled_value,
    published_values,
)


def test_labelled_lookups_read_the_first_matching_row() -> None:
    frame = pd.DataFrame(
        {"label": ["a", "b", "b"], "v": [1.0, 2.0, 3.0], "as_of": [pd.NaT, pd.NaT, "2024-03-31"]}
    )
    frame["as_of"] = pd.to_datetime(frame["as_of"])
    assert labelled_value(frame, "b", "v") == 2.0
    assert labelled_value(frame, "c", "v") is None
    assert labelled_date(frame, "b", "as_of") == pd.Timestamp("2024-03-31").toordinal()
    assert labelled_date(frame, "a", "as_of") is None


def test_cbeci_values_set_its_last_day_beside_this_estimate() -> None:
    cbeci = pd.DataFrame(
        {
            "date": pd.to_datetime(["2024-01-01", "2024-01-05"]),
            "th_per_btc": [1e11, 2e11],
            "cbeci_kwh_per_btc": [800_000.0, 900_000.0],
            "cbeci_fleet_j_th": [30.0, 31.0],
        }
    )
    out = cbeci_values(cbeci, {"reference": 18.0, "legacy": 36.0})
    assert out["cbeci_date"] == pd.Timestamp("2024-01-05").toordinal()
    assert out["cbeci_energy"] == 900_000.0
    # 2e11 TH x 18 J/TH / 3.6e6 J per kWh = 1,000,000 kWh
    assert out["ours_on_cbeci_date_reference"] == pytest.approx(1_000_000.0)
    assert out["ours_on_cbeci_date_legacy"] == pytest.approx(2_000_000.0)


def test_published_values_fill_every_declared_cross_check() -> None:
    published = pd.DataFrame(
        {
            "label": ["Hashrate Index, Hawaii", "Bitnewsbot, United States all sectors", "x"],
            "as_of": pd.to_datetime(["2023-03-31", None, None]),
            "value_usd": [114_587.0, 94_746.0, 50_000.0],
            "ours_legacy_usd": [90_000.0, 1.0, 1.0],
            "ours_reference_usd": [1.0, 60_000.0, 1.0],
            "implied_j_th": [38.0, 40.0, 50.0],
            "implied_kwh_per_btc": [1.0, 94_746 / 0.14, 400_000.0],
        }
    )
    cbeci = pd.DataFrame(
        {"date": pd.to_datetime(["2024-01-05"]), "th_per_btc": [1e11], "cbeci_kwh_per_btc": [1.0]}
    ).assign(cbeci_fleet_j_th=30.0)
    values = published_values(published) | cbeci_values(cbeci, {"reference": 1.0, "legacy": 2.0})
    figures = CROSS_CHECK_FIGURES.fill(**values)
    assert len(figures) == len(CROSS_CHECK_FIGURES.names)
    assert values["hawaii_published"] == 114_587.0
    assert values["bitnewsbot_us_ours_reference"] == 60_000.0
    # only Hawaii's estimate is dated; the undated ones span 400,000 to 676,757 kWh
    assert values["published_implied_min"] == values["published_implied_max"] == 38.0
    assert values["undated_implied_energy_min"] == 400_000.0
    assert values["undated_implied_energy_max"] == pytest.approx(676_757, rel=1e-5)
