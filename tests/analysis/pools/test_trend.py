from datetime import date

import pytest

from analysis.pools.trend import (
    assess_losing_distributed_nature,
    assess_progressive_concentration,
    pool_trend,
)
from analysis.result import Verdict
from tests.analysis.pool_frames import RISE_AND_FALL, assessed, july_blocks


def test_trend_past_its_peak_is_partly_supported() -> None:
    result = assessed(assess_progressive_concentration, july_blocks(RISE_AND_FALL))
    assert result.verdict is Verdict.PARTLY_SUPPORTED
    assert result.value("hhi_first") == pytest.approx(2_000)
    assert result.value("hhi_peak") == pytest.approx(4_400)
    assert result.value("hhi_peak_year") == 2022
    assert result.value("hhi_latest") == pytest.approx(2_800)
    assert result.value("top2_change") == pytest.approx(60 - 40)


def test_steady_rise_is_supported_and_a_fall_contradicted() -> None:
    rising = {2021: RISE_AND_FALL[2021], 2022: RISE_AND_FALL[2023], 2023: RISE_AND_FALL[2022]}
    result = assessed(assess_progressive_concentration, july_blocks(rising))
    assert result.verdict is Verdict.SUPPORTED
    # three points a year apart on 1 July: HHI 2,000, 2,800, 4,400 -> slope 1,200 a year
    assert result.value("hhi_slope") == pytest.approx(1_200, rel=1e-3)
    falling = {2021: RISE_AND_FALL[2022], 2022: RISE_AND_FALL[2021]}
    assert (
        assessed(assess_progressive_concentration, july_blocks(falling)).verdict
        is Verdict.CONTRADICTED
    )
    assert (
        assessed(assess_losing_distributed_nature, july_blocks(falling)).verdict
        is Verdict.CONTRADICTED
    )


def test_fewer_equivalent_pools_is_partly_supported() -> None:
    # 2021: five equal pools (HHI 2,000: five equivalent pools); 2022: 60/20/20 (HHI 4,400,
    # 10,000 / 4,400 = 2.27); 2023: 40/20/20/20 (HHI 2,800, 3.57): fewer than in 2021, but up
    # from the 2022 low
    result = assessed(assess_losing_distributed_nature, july_blocks(RISE_AND_FALL))
    assert result.verdict is Verdict.PARTLY_SUPPORTED
    assert result.value("effective_pools_first") == pytest.approx(5.0)
    assert result.value("effective_pools_latest") == pytest.approx(10_000 / 2_800)
    assert result.value("effective_pools_lowest") == pytest.approx(10_000 / 4_400)
    assert result.value("nakamoto_first") == 3  # 20 + 20 + 20 > 50
    assert result.value("nakamoto_latest") == 2  # 40 + 20 > 50
    assert "partly reversed" in result.summary


def test_the_trend_is_read_once_and_each_claim_leads_with_its_headline() -> None:
    blocks = july_blocks(RISE_AND_FALL)
    trend = assessed(pool_trend, blocks)
    assert trend["first_block_date"] == date(2021, 7, 1).toordinal()
    assert (trend["first_year"], trend["latest_year"]) == (2021, 2023)
    # the quarters with blocks: the three Julys; the quarter of the closing January block is partial
    assert trend["quarters"] == 3
    assert trend["hhi_change"] == pytest.approx(2_800 - 2_000)
    concentration = assessed(assess_progressive_concentration, blocks)
    distributed = assessed(assess_losing_distributed_nature, blocks)
    assert concentration.figures[0].name == "hhi_latest"
    assert distributed.figures[0].name == "effective_pools_latest"
    assert {f.name for f in concentration.figures} == {f.name for f in distributed.figures}
