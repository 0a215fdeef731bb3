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


# --- Other base years, the interval and the margins -------------------------------------

NOISY_RISE = {
    2021: RISE_AND_FALL[2021],  # HHI 2,000, top two 40%
    2022: RISE_AND_FALL[2022],  # HHI 4,400, top two 80%
    2023: RISE_AND_FALL[2021],  # HHI 2,000 again
    2024: {"big": 6, "b": 3, "c": 1},  # HHI 3,600 + 900 + 100 = 4,600, top two 90%
}


def test_every_base_year_is_compared_with_the_latest() -> None:
    trend = assessed(pool_trend, july_blocks(RISE_AND_FALL))
    # latest 2,800 / 60%: above 2021 (2,000 / 40%), below 2022 (4,400 / 80%)
    assert (trend["starts_compared"], trend["starts_higher"]) == (2, 1)
    # equivalent pools: latest 3.57, fewer than 5 (2021), more than 2.27 (2022)
    assert trend["starts_fewer"] == 1
    assert trend["hhi_highest_earlier"] == pytest.approx(4_400)


def test_above_every_base_year_but_a_trend_interval_across_zero_is_partly_supported() -> None:
    result = assessed(assess_progressive_concentration, july_blocks(NOISY_RISE))
    assert result.value("starts_higher") == result.value("starts_compared") == 3
    # pairwise slopes a year: 2,400, 0, 866.7, -2,400, 100, 2,600; with four points the 95%
    # interval runs from the lowest to the highest of them
    assert result.value("hhi_slope") == pytest.approx((100 + 866.7) / 2, rel=1e-3)
    assert result.value("hhi_slope_low") == pytest.approx(-2_400, rel=1e-2)
    assert result.value("hhi_slope_high") == pytest.approx(2_600, rel=1e-2)
    assert result.verdict is Verdict.PARTLY_SUPPORTED


def test_each_concentration_margin_is_where_the_verdict_flips() -> None:
    past_peak = assessed(assess_progressive_concentration, july_blocks(RISE_AND_FALL))
    assert past_peak.margin is not None
    assert past_peak.margin.threshold.value == pytest.approx(2_000)  # the first year's HHI
    assert past_peak.margin.flips_to is Verdict.CONTRADICTED
    # the latest year below that line (30/20/10/10/10/10/10: HHI 1,800), top two still 50%
    below = {**RISE_AND_FALL, 2023: {"big": 3, "b": 2, "c": 1, "d": 1, "e": 1, "f": 1, "g": 1}}
    flipped = assessed(assess_progressive_concentration, july_blocks(below))
    assert flipped.value("hhi_latest") == pytest.approx(1_800)
    assert flipped.verdict is Verdict.CONTRADICTED
    assert flipped.margin is not None and flipped.margin.flips_to is Verdict.PARTLY_SUPPORTED
    assert flipped.margin.direction == "above"
    rising = {2021: RISE_AND_FALL[2021], 2022: RISE_AND_FALL[2023], 2023: RISE_AND_FALL[2022]}
    supported = assessed(assess_progressive_concentration, july_blocks(rising))
    assert supported.verdict is Verdict.SUPPORTED and supported.margin is not None
    assert supported.margin.threshold.value == pytest.approx(2_800)  # highest earlier year
    assert supported.margin.flips_to is Verdict.PARTLY_SUPPORTED


def test_the_distributed_margin_is_the_first_years_equivalent_pools() -> None:
    result = assessed(assess_losing_distributed_nature, july_blocks(RISE_AND_FALL))
    assert result.margin is not None
    assert result.margin.threshold.value == pytest.approx(5.0)
    assert result.margin.flips_to is Verdict.CONTRADICTED
    # six equal pools in the latest year: 6 equivalent pools, above 5
    more = {**RISE_AND_FALL, 2023: {p: 1 for p in ("big", "b", "c", "d", "e", "f")}}
    flipped = assessed(assess_losing_distributed_nature, july_blocks(more))
    assert flipped.value("effective_pools_latest") == pytest.approx(6.0)
    assert flipped.verdict is Verdict.CONTRADICTED
    assert flipped.margin is not None and flipped.margin.flips_to is Verdict.PARTLY_SUPPORTED
