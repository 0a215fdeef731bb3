import pandas as pd
import pytest

from analysis.ai.open_weights import assess_open_counterforce, assess_open_trend_accelerating
from analysis.result import Verdict
from tests.analysis.ai.frames import (
    OPEN,
    SYSTEMS,
    arena_measures,
    arena_table,
    assess,
    epoch_measures,
    systems_table,
)


def test_open_trend_compares_the_same_months() -> None:
    result = assess(assess_open_trend_accelerating, epoch_measures(SYSTEMS))
    # 2021: 2 open of 3 known; 2023: 3 open of 5 known
    assert result.value("open_count_base") == 2
    assert result.value("open_count_latest") == 3
    assert result.value("open_share_base") == pytest.approx(200 / 3)
    assert result.value("open_share_latest") == pytest.approx(60)
    # snapshot ends 2024-03-01: open systems 2024-01..03 (2) against 2023-01..03-01 (1)
    assert result.value("open_count_partial") == 2
    assert result.value("open_count_partial_before") == 1
    assert result.verdict is Verdict.PARTLY_SUPPORTED  # count grew but share fell (66.7% -> 60%)
    # the one failing sign: a share above 2021's 66.7% would make all three hold
    assert result.margin is not None and result.margin.deciding == "open_share_latest"
    assert result.margin.threshold.value == pytest.approx(200 / 3)
    assert result.margin.flips_to is Verdict.SUPPORTED
    # open systems since 2021: Stanford, EleutherAI, Meta, MIT, Meta-McGill, Mistral, Tsinghua,
    # xAI, Meta: four from companies alone (44.4%), one from a collective (11.1%)
    assert result.value("open_industry_share") == pytest.approx(400 / 9)
    assert result.value("open_other_share") == pytest.approx(100 / 9)
    assert "not mainly community-driven" in result.summary
    # frontier systems 2021-2022: API, Unreleased, open; 2023 on: API, open, API, open
    assert (result.value("frontier_open_earlier"), result.value("frontier_earlier")) == (1, 3)
    assert (result.value("frontier_open_recent"), result.value("frontier_recent")) == (2, 4)


def test_open_trend_falling_everywhere_is_contradicted() -> None:
    # keep only the first open release of 2023 (1 March) and drop those of early 2024: fewer
    # (1 against 2), a smaller share (1 of 3 against 2 of 3) and none in the partial year
    # against the one of the same months of 2023
    kept = SYSTEMS[~SYSTEMS["system"].isin(["s12", "s13", "s15", "s16"])]
    closed_late = systems_table([("2024-03-01", "Lab", "Industry", "API access", None, False)])
    systems = pd.concat([kept, closed_late], ignore_index=True)
    result = assess(assess_open_trend_accelerating, epoch_measures(systems))
    assert result.value("open_count_latest") == 1
    assert result.value("open_share_latest") == pytest.approx(100 / 3)
    assert result.value("open_count_partial") == 0
    assert result.value("open_count_partial_before") == 1
    assert result.verdict is Verdict.CONTRADICTED
    # nearest sign relative to its base: count 1 vs 2 (-50%), share 33 vs 67 (-50%), partial
    # 0 vs 1 (-100%): the count comes first among the nearest
    assert result.margin is not None and result.margin.deciding == "open_count_latest"
    assert result.margin.flips_to is Verdict.PARTLY_SUPPORTED


def test_open_trend_rising_everywhere_is_supported() -> None:
    # one more open system in mid-2023 lifts the share to 4 of 6 (66.7%)... and one more:
    # 5 of 7 (71.4%) against 2021's 66.7%: all three signs hold
    extra = systems_table(
        [("2023-07-01", "Lab", "Industry", "Open weights (unrestricted)", None, False)] * 2
    )
    systems = pd.concat([SYSTEMS, extra], ignore_index=True)
    result = assess(assess_open_trend_accelerating, epoch_measures(systems))
    assert result.value("open_share_latest") == pytest.approx(500 / 7)
    assert result.verdict is Verdict.SUPPORTED
    # the share (71.4 against 66.7, +7%) is the nearest to failing
    assert result.margin is not None and result.margin.deciding == "open_share_latest"
    assert result.margin.flips_to is Verdict.PARTLY_SUPPORTED


def test_open_counterforce_rank() -> None:
    arena = arena_table(
        [
            ("2025-01-01", "a", 1300, "Proprietary"),
            ("2025-01-01", "b", 1250, "Proprietary"),
            ("2025-01-01", "c", 1200, "MIT"),
        ],
        orgs=["x", "y", "z"],
    )
    unrecorded = systems_table([("2023-06-01", "Lab", "Industry", None, None, False)])
    systems = pd.concat([SYSTEMS, unrecorded], ignore_index=True)
    result = assess(
        assess_open_counterforce,
        epoch_measures(systems),
        arena_measures(arena),
        majority_share_pct=50.0,
    )
    assert result.value("best_open_rank") == 3
    assert result.value("arena_models") == 3
    # a single snapshot: both proprietary models ahead were first listed that day
    assert result.value("arena_catch_up_latest") == 0
    # 2023: six systems, five with a recorded accessibility, three of them open: the share is
    # of the five, and both counts are reported
    assert result.value("open_share_latest") == pytest.approx(60)
    assert result.value("known_count_latest") == 5
    assert result.value("systems_latest") == 6
    # frontier systems since 2021 with open weights: Meta (2022), Meta-McGill, xAI
    assert (result.value("frontier_open"), result.value("frontier_count")) == (3, 7)
    # open weights hold most releases (60%) but not the frontier (42.9%): partly; the
    # frontier is 7.1 points from half, the releases 10, so the frontier decides
    assert result.verdict is Verdict.PARTLY_SUPPORTED
    assert result.margin is not None and result.margin.deciding == "frontier_open_share"
    assert result.margin.flips_to is Verdict.SUPPORTED
    assert "not tested" in result.summary
    # one more open frontier system in 2023: 4 of 8 is not more than half, still partly;
    # two more: 5 of 9 holds most of both levels
    open_top = systems_table([("2023-08-01", "Lab", "Industry", OPEN, None, True)] * 2)
    both = assess(
        assess_open_counterforce,
        epoch_measures(pd.concat([systems, open_top], ignore_index=True)),
        arena_measures(arena),
        majority_share_pct=50.0,
    )
    assert both.value("frontier_open_share") == pytest.approx(500 / 9)
    assert both.verdict is Verdict.SUPPORTED
    assert both.margin is not None and both.margin.flips_to is Verdict.PARTLY_SUPPORTED
    # with a line of 75%, neither level is held
    neither = assess(
        assess_open_counterforce,
        epoch_measures(systems),
        arena_measures(arena),
        majority_share_pct=75.0,
    )
    assert neither.verdict is Verdict.CONTRADICTED
    assert neither.margin is not None and neither.margin.deciding == "open_share_latest"
    assert "downloads" in result.needs
