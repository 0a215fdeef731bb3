import pandas as pd
import pytest

from analysis.migration.index import (
    assess_geo_vs_operational,
    assess_geographic_distribution,
    country_index_table,
)
from analysis.result import Assessment, Verdict
from report.ledger.entry import Ledger
from tests.analysis.migration.frames import (
    HHI_HIGH,
    NO_GROUPS,
    blocks,
    countries,
    geo_measures,
    recent,
)


def _distribution(curated: pd.DataFrame) -> Assessment:
    return assess_geographic_distribution(
        **geo_measures(countries(), curated), merger_guidelines_hhi_high=HHI_HIGH
    )


def _geo_vs_operational(found: pd.DataFrame, groups: pd.DataFrame = NO_GROUPS) -> Assessment:
    return assess_geo_vs_operational(
        **geo_measures(countries(), recent()),
        blocks=found,
        pool_template_groups=groups,
        merger_guidelines_hhi_high=HHI_HIGH,
    )


def test_geographic_distribution_falls_between_the_bounds() -> None:
    result = _distribution(recent())
    assert result.value("geo_hhi_first_low") == pytest.approx(6400)
    assert result.value("geo_hhi_first_high") == pytest.approx(6800)
    assert result.value("map_hhi_low") == pytest.approx(3 * 900)
    assert result.value("map_hhi_high") == pytest.approx(2700 + 100)
    # at least 1 - 2,800 / 6,400 of the first month's HHI is gone
    assert result.value("geo_hhi_fall_pct") == pytest.approx(100 * (1 - 2800 / 6400))
    assert result.value("map_residual") == pytest.approx(10.0)
    assert result.value("map_year") == 2025
    assert result.figure("map_hhi_low").label == "Country HHI, M Q4 2025 (low bound)"
    assert result.verdict is Verdict.SUPPORTED
    assert "remains above" in result.summary  # 2,700 to 2,800 against the 1,800 line
    # a map of ten countries of 10%: HHI 1,000 (no remainder), below the line
    spread = pd.concat([recent().head(1)] * 10, ignore_index=True).assign(
        country=[f"c{i}" for i in range(10)], share_pct_low=10.0, share_pct_high=10.0
    )
    below = _distribution(spread)
    assert below.value("map_hhi_high") == pytest.approx(1_000)
    assert "is below" in below.summary
    # a map with one country at 90%: not below Cambridge's first month (6,400 to 6,800)
    one = recent().head(1).assign(share_pct_low=90.0, share_pct_high=90.0)
    assert _distribution(one).verdict is Verdict.PARTLY_SUPPORTED
    # the margin is the first month's low bound, 6,400, from either side
    for assessed, flips_to in (
        (result, Verdict.PARTLY_SUPPORTED),
        (_distribution(one), Verdict.SUPPORTED),
    ):
        assert assessed.margin is not None and assessed.margin.flips_to is flips_to
        assert assessed.margin.threshold.value == pytest.approx(6400)
    # just under the threshold (80% alone: 6,400 is not below 6,400) stays partly
    at = recent().head(1).assign(share_pct_low=80.0, share_pct_high=80.0)
    assert _distribution(at).verdict is Verdict.PARTLY_SUPPORTED


def test_country_index_table_ends_with_the_latest_map() -> None:
    table = country_index_table(**geo_measures(countries(), recent()))
    assert table["source"].tolist() == ["Cambridge mining map (monthly)"] * 2 + ["M Q4 2025"]
    assert table["date"].iloc[-1] == pd.Timestamp("2025-11-15")  # the middle of Q4 2025
    assert table["hhi_high"].tolist() == pytest.approx([6800, 2500 + 2500, 2800])


def test_geo_vs_operational_verdict_follows_the_pool_index() -> None:
    # ten equal pools (HHI 1,000) then one pool with three of four blocks (HHI 6,250)
    high = _geo_vs_operational(blocks(["a", "a", "a", "b"]))
    assert high.value("pool_hhi_first") == pytest.approx(1000)
    assert high.value("pool_hhi_last") == pytest.approx(75**2 + 25**2)
    assert high.verdict is Verdict.SUPPORTED
    # supported: falling to the line of high concentration (1,800 here) would flip it
    assert high.margin is not None and high.margin.flips_to is Verdict.PARTLY_SUPPORTED
    assert high.margin.deciding == "pool_hhi_last"
    # a rise that stays under the line of high concentration
    moderate = blocks(["a", "b", "c", "d", "e", "f", "g", "h", "i"])  # nine equal: 1,111
    result = _geo_vs_operational(moderate)
    assert result.value("pool_hhi_last") == pytest.approx(10_000 / 9)
    assert result.verdict is Verdict.PARTLY_SUPPORTED
    # 1,111 is nearer the first year's 1,000 than the line: a fall to 1,000 would contradict
    assert result.margin is not None and result.margin.threshold.value == pytest.approx(1000)
    assert result.margin.flips_to is Verdict.CONTRADICTED
    flat = blocks(["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"])  # fell to 909
    contradicted = _geo_vs_operational(flat)
    assert contradicted.verdict is Verdict.CONTRADICTED
    assert contradicted.margin is not None
    assert contradicted.margin.flips_to is Verdict.PARTLY_SUPPORTED


def test_geo_vs_operational_names_the_more_concentrated_layer_and_groups_pools() -> None:
    # 2022: a, a, a, b: HHI 6,250, above the map's 2,700 to 2,800
    result = _geo_vs_operational(blocks(["a", "a", "a", "b"]))
    assert "pools are now the more concentrated layer" in result.summary
    # eight pools of one block in 2022 (HHI 1,250); a and b seen sharing one template: the
    # group holds two of eight blocks, so 25% and six of 12.5%: 625 + 6 x 156.25 = 1,562.5
    groups = pd.DataFrame(
        {
            "pool_slug": ["a", "b"],
            "template_group": ["ab template"] * 2,
            "evidence": ["template owner", "same template"],
        }
    )
    result = _geo_vs_operational(blocks(["a", "b", "c", "d", "e", "f", "g", "h"]), groups)
    assert result.value("pool_hhi_last") == pytest.approx(1_250)
    assert result.value("pool_hhi_last_grouped") == pytest.approx(1_562.5)
    assert "countries are still the more concentrated layer" in result.summary
    assert result.verdict is Verdict.PARTLY_SUPPORTED


def test_overlap_figures_are_missing_without_a_common_month() -> None:
    result = _geo_vs_operational(blocks(["a"] * 4))
    assert result.value("overlap_first") is None
    assert result.value("overlap_pool_last") is None


def test_ledger_pool_index_is_the_pool_claims_index(ledger: Ledger) -> None:
    # one number for one fact: the pool HHI beside the country HHI is the pool claims' HHI
    index = ledger.entry("migration-geo-vs-operational").assessment
    trend = ledger.entry("pools-progressively-concentrated").assessment
    assert index.value("pool_hhi_first") == pytest.approx(trend.value("hhi_first"))
    assert index.value("pool_hhi_last") == pytest.approx(trend.value("hhi_latest"))
    assert index.value("pool_hhi_last_grouped") == pytest.approx(trend.value("hhi_grouped_latest"))
    assert index.value("pool_hhi_last_high") < index.value("map_hhi_low")


def test_ledger_geographic_distribution_is_supported(ledger: Ledger) -> None:
    entry = ledger.entry("migration-geographic-distribution")
    assert entry.assessment.verdict is Verdict.SUPPORTED
    # the two measures it names read the Cambridge map and the curated later table
    assert set(entry.tables) == {"country_shares", "country_hashrate_recent"}


def test_ledger_overlap_months_are_those_of_both_tables(ledger: Ledger) -> None:
    a = ledger.entry("migration-geo-vs-operational").assessment
    # blocks start in January 2021; Cambridge's map ends in January 2022
    assert a.value("overlap_first") == pd.Timestamp("2021-01-01").toordinal()
    assert a.value("overlap_last") == pd.Timestamp("2022-01-01").toordinal()
    # Cambridge January 2022 with 'Other' as many tiny countries: the sum of the named squares
    named = [37.84, 21.11, 13.22, 6.48, 4.66, 3.06, 2.51, 1.97, 0.12]
    assert a.value("overlap_geo_last") == pytest.approx(sum(x * x for x in named))
