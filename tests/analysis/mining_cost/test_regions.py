"""One row per region: kinds of source, regions, and the newest row of each counted once."""

from __future__ import annotations

import pandas as pd

from analysis.mining_cost.regions import one_row_per_region, region_of, source_kind
from tests.analysis import mining_frames as mf


def test_kinds_and_regions_of_the_rows() -> None:
    assert source_kind("United States - Hawaii", "industrial") == "state average"
    assert region_of("United States - Hawaii", "industrial") == "Hawaii"
    assert region_of("United States (national)", "industrial") == "United States"
    assert source_kind("World", "business") == "world average"
    assert region_of("World", "business") is None
    assert region_of("Global (surveyed miners)", "miner survey median") is None
    assert region_of("United States (TeraWulf)", "miner reported") is None
    assert source_kind("Ethiopia", "miner tariff") == "tariff for miners"


def test_a_region_priced_three_times_counts_once_at_its_newest_row() -> None:
    rows = pd.DataFrame(
        [
            mf.price_row(
                "New York, industrial", 0.0687, location="United States - New York", year=2023
            ),
            mf.price_row(
                "New York, Jan-Jul",
                0.0694,
                location="United States - New York",
                year=2023,
                series_order=1,
            ),
            mf.price_row(
                "New York, Jan-Jul",
                0.0826,
                location="United States - New York",
                year=2024,
                series_order=2,
            ),
            mf.price_row(
                "Hawaii, industrial", 0.3528, location="United States - Hawaii", year=2023
            ),
            mf.price_row("World", 0.148, location="World", price_basis="business", year=2024),
            mf.price_row(
                "TeraWulf",
                0.081,
                location="United States (TeraWulf)",
                price_basis="miner reported",
                year=2025,
            ),
        ]
    )
    table = one_row_per_region(rows)
    counted = table[table["counted"]]
    assert sorted(counted["region"]) == ["Hawaii", "New York"]
    assert counted.loc[counted["region"] == "New York", "usd_per_kwh_low"].item() == 0.0826
    assert table["region"].isna().sum() == 2  # the world average and the company
