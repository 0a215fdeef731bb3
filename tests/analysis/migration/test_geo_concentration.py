import hashlib
import math
import tomllib
from pathlib import Path

import pandas as pd
import pytest

from analysis.migration.geo_concentration import (
    bounded_concentration,
    country_shares_by_month,
    geographic_and_pool_index,
    last_month_before,
    later_points,
    latest_map,
    latest_map_concentration,
    map_shares,
    monthly_country_concentration,
    monthly_country_shares,
    period_midpoint,
    pool_shares_by_month,
    pool_shares_by_year,
    published_points,
    row_citations,
    share_on,
)
from analysis.result import Figures
from tests.analysis.migration.frames import countries, recent


def _shares(period: object, **groups: float) -> pd.DataFrame:
    return pd.DataFrame(
        {"period": period, "group": list(groups), "share_pct": list(groups.values())}
    )


def _recent_row(**overrides: object) -> dict[str, object]:
    row: dict[str, object] = {
        "country": "A",
        "label": "A, map",
        "share_pct_low": 40.0,
        "share_pct_high": 40.0,
        "basis": "geographic estimate",
        "year": 2025,
        "map": "Map Q4 2025",
        "date_or_period": "Q4 2025",
        "estimator": "E",
    }
    row.update(overrides)
    return row


def test_country_names_follow_the_curated_sources() -> None:
    raw = pd.DataFrame(
        {
            "date": pd.to_datetime(["2022-01-01"] * 3),
            "country": ["Mainland China", "Russian Federation", "Germany *"],
            "share_pct": [20.0, 5.0, 3.0],
            "hashrate_ehs": [1.0, 1.0, 1.0],
        }
    )
    assert country_shares_by_month(raw)["group"].tolist() == ["China", "Russia", "Germany"]


def test_bounds_treat_the_residual_as_many_tiny_groups_or_as_one() -> None:
    row = bounded_concentration(_shares(1, A=50.0, B=30.0, Other=20.0), "Other").iloc[0]
    assert row["hhi_low"] == pytest.approx(50**2 + 30**2)  # 3,400
    assert row["hhi_high"] == pytest.approx(3400 + 20**2)  # 3,800
    # named groups rescaled to 62.5 and 37.5
    assert row["hhi_without_residual"] == pytest.approx(62.5**2 + 37.5**2)
    assert row["largest_group"] == "A"
    assert row["largest_is_exact"]
    assert row["top2_pct"] == pytest.approx(80)
    assert row["majority_groups"] == 2  # exactly half is not a majority
    assert row["residual_pct"] == pytest.approx(20)


def test_largest_share_is_not_exact_when_the_residual_is_bigger() -> None:
    row = bounded_concentration(_shares(1, A=20.0, B=20.0, Other=60.0), "Other").iloc[0]
    assert not row["largest_is_exact"]
    assert math.isnan(row["majority_groups"])


def test_map_shares_add_the_unlisted_remainder() -> None:
    recent = pd.DataFrame(
        [
            _recent_row(),
            _recent_row(country="B", label="B", share_pct_low=25.0, share_pct_high=25.0),
            _recent_row(country="C", label="C", map=None),
        ]
    )
    shares = map_shares(recent, "Map Q4 2025").set_index("group")["share_pct"]
    assert shares.to_dict() == pytest.approx({"A": 40.0, "B": 25.0, "Other": 35.0})
    ranged = pd.DataFrame([_recent_row(share_pct_high=45.0)])
    with pytest.raises(ValueError):
        map_shares(ranged, "Map Q4 2025")
    with pytest.raises(ValueError):
        map_shares(recent, "no such map")


def test_latest_map_is_the_one_of_the_latest_year() -> None:
    recent = pd.DataFrame([_recent_row(), _recent_row(label="old", year=2022, map="Old map")])
    assert latest_map(recent) == "Map Q4 2025"


def test_period_midpoint_reads_quarters_months_and_falls_back_to_mid_year() -> None:
    assert period_midpoint("Q4 2025", 2025) == pd.Timestamp("2025-11-15")
    assert period_midpoint("Q1 2024 map", 2024) == pd.Timestamp("2024-02-15")
    assert period_midpoint("May 2023", 2023) == pd.Timestamp("2023-05-15")
    assert period_midpoint("late 2025", 2025) == pd.Timestamp("2025-07-01")


def test_published_points_keep_geographic_estimates_and_take_the_middle_of_ranges() -> None:
    recent = pd.DataFrame(
        [
            _recent_row(share_pct_low=1.0, share_pct_high=2.0),
            _recent_row(label="s", basis="statement"),
            _recent_row(label="lb", share_pct_low=4.0, share_pct_high=None),
        ]
    )
    points = published_points(recent)
    assert points["label"].tolist() == ["A, map", "lb"]
    assert points["share_pct"].tolist() == pytest.approx([1.5, 4.0])


def _blocks(pools: list[str], dates: list[str]) -> pd.DataFrame:
    return pd.DataFrame(
        {"height": range(len(pools)), "pool_slug": pools, "date": pd.to_datetime(dates)}
    )


def test_pool_shares_count_blocks_per_calendar_month() -> None:
    blocks = _blocks(["a", "a", "b", "a"], ["2021-01-03", "2021-01-20", "2021-01-31", "2021-02-01"])
    shares = pool_shares_by_month(blocks)
    january = shares[shares["period"] == pd.Timestamp("2021-01-01")].set_index("group")
    assert january["share_pct"].to_dict() == pytest.approx({"a": 200 / 3, "b": 100 / 3})


def test_pool_shares_count_blocks_per_calendar_year() -> None:
    blocks = _blocks(["a", "b", "b", "a"], ["2021-01-03", "2021-06-20", "2021-12-31", "2022-01-01"])
    shares = pool_shares_by_year(blocks)
    first = shares[shares["period"] == 2021].set_index("group")["share_pct"]
    assert first.to_dict() == pytest.approx({"a": 100 / 3, "b": 200 / 3})
    assert shares.loc[shares["period"] == 2022, "share_pct"].tolist() == [100.0]


def test_geographic_and_pool_index_keeps_the_common_months() -> None:
    countries = pd.DataFrame(
        {
            "date": pd.to_datetime(["2020-12-01", "2021-01-01", "2021-01-01"]),
            "country": ["Mainland China", "Mainland China", "Other"],
            "share_pct": [100.0, 60.0, 40.0],
            "hashrate_ehs": [1.0, 1.0, 1.0],
        }
    )
    blocks = _blocks(["a", "b", "b", "unknown"], ["2021-01-02"] * 4)
    geo = monthly_country_concentration(monthly_country_shares(countries))
    index = geographic_and_pool_index(geo, blocks)
    assert index["period"].tolist() == [pd.Timestamp("2021-01-01")]
    assert index["geo_hhi_low"].iloc[0] == pytest.approx(3600)
    # pools: a 25, b 50, unknown 25
    assert index["pool_hhi_low"].iloc[0] == pytest.approx(25**2 + 50**2)
    assert index["pool_hhi_high"].iloc[0] == pytest.approx(25**2 + 50**2 + 25**2)


def test_cambridge_january_2022_matches_the_published_map(
    real_tables: dict[str, pd.DataFrame],
) -> None:
    shares = country_shares_by_month(real_tables["country_shares"])
    january = shares[shares["period"] == pd.Timestamp("2022-01-01")].set_index("group")
    # CBECI mining map, January 2022, as published by Cambridge
    assert january.loc["United States", "share_pct"] == 37.84
    assert january.loc["China", "share_pct"] == 21.11
    assert january.loc["Kazakhstan", "share_pct"] == 13.22


def test_curated_recent_table_loads_with_paraguay_and_ethiopia(
    real_tables: dict[str, pd.DataFrame],
) -> None:
    recent = real_tables["country_hashrate_recent"]
    assert {"Paraguay", "Ethiopia"} <= set(recent["country"])
    # the Hashrate Index Q4 2025 map as CriptoNoticias reports it: United States first at 37.8%
    row = bounded_concentration(map_shares(recent, latest_map(recent)), "Other").iloc[0]
    assert row["largest_group"] == "United States"
    assert row["largest_pct"] == pytest.approx(37.8)


def test_curated_recent_table_matches_its_pin() -> None:
    root = Path(__file__).resolve().parents[3]
    spec = tomllib.loads(
        (root / "data/datasets/curated-country-hashrate-recent.toml").read_text(encoding="utf-8")
    )
    (entry,) = spec["files"]
    digest = hashlib.sha256((root / entry["path"]).read_bytes()).hexdigest()
    assert digest == entry["sha256"]


def test_share_on_and_last_full_month_before_a_day() -> None:
    shares = country_shares_by_month(countries())
    assert share_on(shares, "China", pd.Timestamp("2021-04-01")) == 50.0
    with pytest.raises(ValueError):
        share_on(shares, "Kazakhstan", pd.Timestamp("2021-04-01"))
    assert last_month_before(shares, pd.Timestamp("2021-05-21")) == pd.Timestamp("2021-04-01")
    # on 20 April the month of April is not yet complete
    assert last_month_before(shares, pd.Timestamp("2021-04-20")) == pd.Timestamp("2019-09-01")
    with pytest.raises(ValueError):
        last_month_before(shares, pd.Timestamp("2019-09-30"))


def test_later_points_start_after_the_cambridge_map() -> None:
    curated = pd.concat(
        [recent(), recent().head(1).assign(label="old", date_or_period="March 2021", year=2021)]
    )
    shares = monthly_country_shares(countries())
    assert later_points(shares, curated)["label"].tolist() == ["A", "B", "C"]


def test_row_citations_keep_the_normalisation_note() -> None:
    rows = recent().head(2).assign(normalisation=["scaled to 100%", None])
    cited = row_citations(rows)
    assert [c.note for c in cited] == ["scaled to 100%", ""]
    assert cited[0].address == "https://example.org"


def test_monthly_country_concentration_bounds_each_month() -> None:
    geo = monthly_country_concentration(monthly_country_shares(countries()))
    # September 2019: China 80%, 'Other' 20%; April 2021: 50% and 50%
    assert geo["hhi_low"].tolist() == pytest.approx([6400, 2500])
    assert geo["hhi_high"].tolist() == pytest.approx([6800, 5000])
    assert geo["largest_group"].tolist() == ["China", "China"]


def test_latest_map_concentration_reads_the_newest_map_and_names_it() -> None:
    curated = pd.concat(
        [recent(), recent().head(1).assign(map="Old map", year=2022, share_pct_low=90.0)]
    )
    mapped = latest_map_concentration(curated)
    assert mapped.name == "M Q4 2025"
    assert mapped.year == 2025
    assert mapped.date == pd.Timestamp("2025-11-15")
    assert mapped.row["hhi_low"] == pytest.approx(3 * 30**2)
    assert mapped.row["residual_pct"] == pytest.approx(10.0)
    declared = Figures(("map_share", "Largest share, {map}", "percent"))
    (figure,) = mapped.named_in(declared.fill(map_share=30.0))
    assert figure.label == "Largest share, M Q4 2025"
    assert figure.value == 30.0


def test_kazakhstan_peak_in_cambridge_matches_hashrate_index(
    real_tables: dict[str, pd.DataFrame],
) -> None:
    # Hashrate Index: "a peak of 18% in October 2021" (curated row), read against Cambridge
    shares = country_shares_by_month(real_tables["country_shares"])
    kazakhstan = shares[shares["group"] == "Kazakhstan"].set_index("period")["share_pct"]
    assert kazakhstan.idxmax() == pd.Timestamp("2021-10-01")
    assert round(kazakhstan.max()) == 18
    assert share_on(shares, "Kazakhstan", pd.Timestamp("2021-10-01")) == pytest.approx(18.31)
