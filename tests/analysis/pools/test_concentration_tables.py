import pandas as pd
import pytest

from analysis.pools.concentration_tables import (
    SAME_TEMPLATE,
    SEPARATE,
    WITH_POSSIBLE,
    quarterly_pool_concentration,
    quarterly_pool_indices,
    row_of,
    scenario,
    side_of,
    yearly_pool_scenarios,
)
from tests.analysis.pool_frames import assessed, july_blocks

# 2021: big 4, proxy 2, maybe 2, x 2 blocks; 'big template' holds big and proxy (same
# template) and maybe (possibly the same)
BLOCKS = july_blocks({2021: {"big": 4, "proxy": 2, "maybe": 2, "x": 2}})


def test_yearly_scenarios_count_template_groups_as_one_pool() -> None:
    yearly = assessed(yearly_pool_scenarios, BLOCKS)
    assert set(yearly["scenario"]) == {SEPARATE, SAME_TEMPLATE, WITH_POSSIBLE}
    alone = row_of(scenario(yearly, SEPARATE), 2021)
    assert alone["hhi"] == pytest.approx(40**2 + 3 * 20**2)
    assert alone["nakamoto"] == 2  # 40% alone is not more than half
    exact = row_of(scenario(yearly, SAME_TEMPLATE), 2021)  # big + proxy 60%, maybe 20%, x 20%
    assert exact["hhi"] == pytest.approx(60**2 + 2 * 20**2)
    assert exact["nakamoto"] == 1
    wide = row_of(scenario(yearly, WITH_POSSIBLE), 2021)  # the group 80%, x 20%
    assert wide["hhi"] == pytest.approx(80**2 + 20**2)
    assert wide["pools"] == 2
    assert len(yearly) == 3  # the last, partial year is left out of every scenario


def test_quarterly_indices_hold_both_countings_of_each_index() -> None:
    indices = assessed(quarterly_pool_indices, BLOCKS)
    quarter = indices[indices["period"] == pd.Timestamp("2021-07-01")]
    value = quarter.set_index(["measure", "scenario"])["value"]
    assert value[("hhi", "separate pools")] == pytest.approx(2_800)
    assert value[("hhi", "template groups")] == pytest.approx(6_800)
    assert value[("top2_pct", "template groups")] == pytest.approx(100)
    assert value[("effective_pools", "separate pools")] == pytest.approx(10_000 / 2_800)
    concentration = assessed(quarterly_pool_concentration, BLOCKS)
    # July to September 2021 is complete; the quarter of the closing January block is not
    assert concentration["period"].tolist() == [pd.Timestamp("2021-07-01")]


def test_side_of_a_line() -> None:
    assert [side_of(v, 1_800.0) for v in (1_900.0, 1_700.0, 1_800.0)] == ["above", "below", "at"]
