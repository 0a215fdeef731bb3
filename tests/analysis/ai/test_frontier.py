import pandas as pd
import pytest

from analysis.ai.frontier import assess_frontier_corporate, assess_handful_of_giants
from analysis.result import Verdict
from tests.analysis.ai.frames import (
    SYSTEMS,
    D,
    arena_measures,
    arena_table,
    assess,
    epoch_measures,
    systems_table,
)

ARENA = arena_table(
    [
        ("2025-01-01", "a", 1300, "Proprietary"),
        ("2025-01-01", "b", 1200, "MIT"),
        ("2025-01-01", "c", 1100, "Proprietary"),
    ],
    orgs=["Google", "DeepSeek", "Google"],
)


def test_frontier_corporate() -> None:
    result = assess(assess_frontier_corporate, epoch_measures(SYSTEMS))
    # window from 2021 (last complete year 2023, minus two): frontier systems s4, s7, s8, s10,
    # s11, s14, s15 -> seven, six of them companies alone
    assert result.value("frontier_count") == 7
    assert result.value("frontier_industry_share") == pytest.approx(600 / 7)
    # s11 (Meta with McGill) is the one joint system
    assert result.value("frontier_industry_involved_share") == pytest.approx(100)
    assert result.value("frontier_academia_count") == 0
    # costs of the 2023 frontier systems: 40, 20, 30
    assert result.value("frontier_costed") == 3
    assert result.value("frontier_cost_median") == pytest.approx(30)
    assert (result.value("frontier_cost_min"), result.value("frontier_cost_max")) == (20, 40)
    assert result.value("snapshot_end") == D("2024-03-01").toordinal()
    assert result.verdict is Verdict.SUPPORTED
    # one university-only frontier system would flip it
    assert result.margin is not None and result.margin.deciding == "frontier_academia_count"
    assert result.margin.threshold.value == 0 and result.margin.flips_to is Verdict.PARTLY_SUPPORTED


def test_frontier_from_a_university_is_partly_supported() -> None:
    academic = SYSTEMS.assign(
        organization_type=SYSTEMS["organization_type"].where(SYSTEMS["system"] != "s4", "Academia")
    )
    result = assess(assess_frontier_corporate, epoch_measures(academic))
    assert result.value("frontier_academia_count") == 1
    assert result.verdict is Verdict.PARTLY_SUPPORTED
    assert result.margin is not None and result.margin.flips_to is Verdict.SUPPORTED
    # companies alone under half, no university: the share decides
    mixed = SYSTEMS.assign(
        organization_type=SYSTEMS["organization_type"].where(
            ~SYSTEMS["system"].isin(["s4", "s7", "s8", "s10"]), "Government"
        )
    )
    half = assess(assess_frontier_corporate, epoch_measures(mixed))
    assert half.value("frontier_industry_share") == pytest.approx(200 / 7)
    assert half.verdict is Verdict.PARTLY_SUPPORTED
    assert half.margin is not None and half.margin.deciding == "frontier_industry_share"


def test_handful_of_giants_counts_parents() -> None:
    result = assess(assess_handful_of_giants, epoch_measures(SYSTEMS), arena_measures(ARENA))
    # frontier parents: Google 3, Meta 2, OpenAI 1, xAI 1 -> top three hold 6 of 7
    assert result.value("frontier_top_share") == pytest.approx(600 / 7)
    assert result.value("frontier_developers") == 4
    assert result.value("arena_leader_orgs") == 2
    assert result.value("arena_last_date") == D("2025-01-01").toordinal()
    # nine lead developers published the 13 notable systems since 2021; Google (3), Meta (3)
    # and the third frontier developer (OpenAI or xAI, one each) made 7 of them: over half
    assert result.value("notable_developers") == 9
    assert result.value("notable_window_count") == 13
    assert result.value("notable_top_share") == pytest.approx(700 / 13)
    assert result.verdict is Verdict.SUPPORTED
    # 53.8% of notable systems is nearer the line than 85.7% of frontier ones
    assert result.margin is not None and result.margin.deciding == "notable_top_share"
    assert result.margin.flips_to is Verdict.PARTLY_SUPPORTED
    # two more university systems in 2022: 7 of 15, under half, so only the top is held
    more = pd.concat(
        [SYSTEMS, systems_table([("2022-08-01", "ETH", "Academia", None, None, False)] * 2)],
        ignore_index=True,
    )
    top_only = assess(assess_handful_of_giants, epoch_measures(more), arena_measures(ARENA))
    assert top_only.value("notable_top_share") == pytest.approx(700 / 15)
    assert top_only.verdict is Verdict.PARTLY_SUPPORTED
    assert top_only.margin is not None and top_only.margin.flips_to is Verdict.SUPPORTED
    assert top_only.margin.threshold.value == 50.0
    # seven frontier systems from seven developers: the top three made 3 of 7, under half
    spread = SYSTEMS.assign(organization=pd.array([f"Lab {i}" for i in range(17)], dtype="string"))
    scattered = assess(assess_handful_of_giants, epoch_measures(spread), arena_measures(ARENA))
    assert scattered.value("frontier_top_share") == pytest.approx(300 / 7)
    assert scattered.verdict is Verdict.CONTRADICTED
    assert scattered.margin is not None and scattered.margin.deciding == "frontier_top_share"
    assert scattered.margin.flips_to is Verdict.PARTLY_SUPPORTED


def test_ledger_entries(ledger) -> None:  # type: ignore[no-untyped-def]
    corporate = ledger.entry("ai-frontier-corporate").assessment
    assert corporate.value("frontier_academia_count") == 0
    assert corporate.verdict is Verdict.SUPPORTED
    giants = ledger.entry("ai-handful-of-giants").assessment
    assert giants.value("frontier_count") == corporate.value("frontier_count")
