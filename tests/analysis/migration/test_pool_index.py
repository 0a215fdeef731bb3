import pandas as pd
import pytest

from analysis.migration.geo_concentration import (
    monthly_country_concentration,
    monthly_country_shares,
)
from analysis.migration.pool_index import overlap_values, pool_index_by_year, pool_index_values
from tests.analysis.migration.frames import blocks, countries


def test_pool_index_bounds_the_unattributed_blocks() -> None:
    # 2022: a, a, b, unknown. Attributed shares 2/3 and 1/3; as many tiny pools the named
    # shares of all four blocks are 50% and 25%; all given to the largest pool, 75% and 25%.
    row = pool_index_by_year(blocks(["a", "a", "b", "unknown"])).iloc[-1]
    assert row["period"] == 2022
    assert row["hhi"] == pytest.approx((200 / 3) ** 2 + (100 / 3) ** 2)
    assert row["hhi_low"] == pytest.approx(50**2 + 25**2)
    assert row["hhi_high"] == pytest.approx(75**2 + 25**2)
    assert row["largest_group"] == "a"
    assert row["nakamoto"] == 1


def test_pool_index_largest_pool_is_a_named_pool_ties_broken_by_name() -> None:
    # 2022: three unattributed blocks, one for b, one for a: the largest pool is a or b
    # (20% each of all blocks, 50% of the attributed), and a comes first by name
    row = pool_index_by_year(blocks(["unknown", "unknown", "unknown", "b", "a"])).iloc[-1]
    assert row["largest_group"] == "a"
    assert row["largest_pct"] == pytest.approx(50.0)
    assert row["hhi"] == pytest.approx(2 * 50**2)


def test_pool_index_values_read_first_last_and_peak_years() -> None:
    yearly = pool_index_by_year(blocks(["a", "a", "a", "b"]))
    values = pool_index_values(yearly)
    assert values["pool_first_year"] == 2021
    assert values["pool_last_year"] == 2022
    assert values["pool_hhi_first"] == pytest.approx(10 * 10**2)  # ten pools of 10%
    assert values["pool_hhi_peak"] == pytest.approx(75**2 + 25**2)
    assert values["pool_peak_year"] == 2022
    assert values["pool_top2_last"] == pytest.approx(100.0)
    assert values["majority_pools_last"] == 1


def test_overlap_values_read_the_common_months() -> None:
    # blocks in January 2021 and 2022; Cambridge months September 2019 and April 2021: none
    # in common, so every overlap value is missing
    geo = monthly_country_concentration(monthly_country_shares(countries()))
    assert set(overlap_values(geo, blocks(["a"])).values()) == {None}
    # a block in April 2021 gives one common month: China's 50% with the rest as tiny
    # countries (2,500), and that one pool (10,000)
    one = blocks(["a"])
    one.loc[0, "date"] = pd.Timestamp("2021-04-05")
    values = overlap_values(geo, one)
    assert values["overlap_geo_first"] == pytest.approx(2500)
    assert values["overlap_pool_last"] == pytest.approx(10_000)
