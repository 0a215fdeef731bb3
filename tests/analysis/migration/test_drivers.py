import pandas as pd
import pytest

from analysis.migration.drivers import last_month_before, later_points, share_on
from analysis.migration.geo_concentration import country_shares_by_month
from analysis.migration.hydro import map_rank
from analysis.migration.index import (
    assess_geo_vs_operational,
    assess_geographic_distribution,
    pool_index_by_year,
)
from analysis.result import Verdict
from report.ledger.entry import Ledger

HHI_HIGH = 1800.0


def _countries() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "date": pd.to_datetime(["2019-09-01", "2019-09-01", "2021-04-01", "2021-04-01"]),
            "country": ["Mainland China", "Other", "Mainland China", "Other"],
            "share_pct": [80.0, 20.0, 50.0, 50.0],
            "hashrate_ehs": [1.0, 1.0, 1.0, 1.0],
        }
    )


def _recent() -> pd.DataFrame:
    rows = [
        {"country": c, "share_pct_low": s, "share_pct_high": s, "label": c, "map": "M Q4 2025"}
        for c, s in [("A", 30.0), ("B", 30.0), ("C", 30.0)]
    ]
    frame = pd.DataFrame(rows)
    return frame.assign(
        basis="geographic estimate",
        year=2025,
        date_or_period="Q4 2025",
        estimator="E",
        source_title="t",
        source_address="https://example.org",
        excerpt="e",
        normalisation=None,
    )


def _blocks(second_year: list[str]) -> pd.DataFrame:
    """Ten equal pools in 2021, ``second_year`` in 2022, and one block on 2 January 2023 so
    that 2022 is complete."""
    first_year = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"]
    pools = [*first_year, *second_year, "a"]
    dates = ["2021-01-05"] * 5 + ["2021-12-20"] * 5
    dates += ["2022-01-05"] * (len(second_year) - 1) + ["2022-12-20", "2023-01-02"]
    return pd.DataFrame(
        {"height": range(len(pools)), "pool_slug": pools, "date": pd.to_datetime(dates)}
    )


NO_GROUPS = pd.DataFrame(
    {"pool_slug": ["z"], "template_group": ["z template"], "evidence": ["template owner"]}
)


def test_share_on_and_last_full_month_before_a_day() -> None:
    shares = country_shares_by_month(_countries())
    assert share_on(shares, "China", pd.Timestamp("2021-04-01")) == 50.0
    with pytest.raises(ValueError):
        share_on(shares, "Kazakhstan", pd.Timestamp("2021-04-01"))
    assert last_month_before(shares, pd.Timestamp("2021-05-21")) == pd.Timestamp("2021-04-01")
    # on 20 April the month of April is not yet complete
    assert last_month_before(shares, pd.Timestamp("2021-04-20")) == pd.Timestamp("2019-09-01")


def test_later_points_start_after_the_cambridge_map() -> None:
    recent = pd.concat(
        [_recent(), _recent().head(1).assign(label="old", date_or_period="March 2021", year=2021)]
    )
    assert later_points(_countries(), recent)["label"].tolist() == ["A", "B", "C"]


def test_geographic_distribution_falls_between_the_bounds() -> None:
    result = assess_geographic_distribution(_countries(), _recent(), HHI_HIGH)
    assert result.value("geo_hhi_first_low") == pytest.approx(6400)
    assert result.value("geo_hhi_first_high") == pytest.approx(6800)
    assert result.value("map_hhi_low") == pytest.approx(3 * 900)
    assert result.value("map_hhi_high") == pytest.approx(2700 + 100)
    assert result.verdict is Verdict.SUPPORTED
    assert "remains above" in result.summary  # 2,700 to 2,800 against the 1,800 line
    # a map of ten countries of 10%: HHI 1,000 (no remainder), below the line
    spread = pd.concat([_recent().head(1)] * 10, ignore_index=True).assign(
        country=[f"c{i}" for i in range(10)], share_pct_low=10.0, share_pct_high=10.0
    )
    below = assess_geographic_distribution(_countries(), spread, HHI_HIGH)
    assert below.value("map_hhi_high") == pytest.approx(1_000)
    assert "is below" in below.summary
    # a map with one country at 90%: not below Cambridge's first month (6,400 to 6,800)
    one = _recent().head(1).assign(share_pct_low=90.0, share_pct_high=90.0)
    assert assess_geographic_distribution(_countries(), one, HHI_HIGH).verdict is (
        Verdict.PARTLY_SUPPORTED
    )


def test_geo_vs_operational_verdict_follows_the_pool_index() -> None:
    # ten equal pools (HHI 1,000) then one pool with three of four blocks (HHI 6,250)
    high = assess_geo_vs_operational(
        _countries(), _recent(), _blocks(["a", "a", "a", "b"]), NO_GROUPS, HHI_HIGH
    )
    assert high.value("pool_hhi_first") == pytest.approx(1000)
    assert high.value("pool_hhi_last") == pytest.approx(75**2 + 25**2)
    assert high.verdict is Verdict.SUPPORTED
    # a rise that stays under the line of high concentration
    moderate = _blocks(["a", "b", "c", "d", "e", "f", "g", "h", "i"])  # nine equal: 1,111
    result = assess_geo_vs_operational(_countries(), _recent(), moderate, NO_GROUPS, HHI_HIGH)
    assert result.value("pool_hhi_last") == pytest.approx(10_000 / 9)
    assert result.verdict is Verdict.PARTLY_SUPPORTED
    flat = _blocks(["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"])  # fell to 909
    assert (
        assess_geo_vs_operational(_countries(), _recent(), flat, NO_GROUPS, HHI_HIGH).verdict
        is Verdict.CONTRADICTED
    )


def test_pool_index_bounds_the_unattributed_blocks() -> None:
    # 2022: a, a, b, unknown. Attributed shares 2/3 and 1/3; as many tiny pools the named
    # shares of all four blocks are 50% and 25%; all given to the largest pool, 75% and 25%.
    row = pool_index_by_year(_blocks(["a", "a", "b", "unknown"])).iloc[-1]
    assert row["period"] == 2022
    assert row["hhi"] == pytest.approx((200 / 3) ** 2 + (100 / 3) ** 2)
    assert row["hhi_low"] == pytest.approx(50**2 + 25**2)
    assert row["hhi_high"] == pytest.approx(75**2 + 25**2)
    assert row["largest_group"] == "a"
    assert row["nakamoto"] == 1


def test_geo_vs_operational_names_the_more_concentrated_layer_and_groups_pools() -> None:
    # 2022: a, a, a, b: HHI 6,250, above the map's 2,700 to 2,800
    result = assess_geo_vs_operational(
        _countries(), _recent(), _blocks(["a", "a", "a", "b"]), NO_GROUPS, HHI_HIGH
    )
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
    eight = _blocks(["a", "b", "c", "d", "e", "f", "g", "h"])
    result = assess_geo_vs_operational(_countries(), _recent(), eight, groups, HHI_HIGH)
    assert result.value("pool_hhi_last") == pytest.approx(1_250)
    assert result.value("pool_hhi_last_grouped") == pytest.approx(1_562.5)
    assert "countries are still the more concentrated layer" in result.summary
    assert result.verdict is Verdict.PARTLY_SUPPORTED


def test_ledger_pool_index_is_the_pool_claims_index(ledger: Ledger) -> None:
    # one number for one fact: the pool HHI beside the country HHI is the pool claims' HHI
    index = ledger.entry("migration-geo-vs-operational").assessment
    trend = ledger.entry("pools-progressively-concentrated").assessment
    assert index.value("pool_hhi_first") == pytest.approx(trend.value("hhi_first"))
    assert index.value("pool_hhi_last") == pytest.approx(trend.value("hhi_latest"))
    assert index.value("pool_hhi_last_grouped") == pytest.approx(trend.value("hhi_grouped_latest"))
    assert index.value("pool_hhi_last_high") < index.value("map_hhi_low")


def test_ledger_shows_cambridge_january_2022(ledger: Ledger) -> None:
    entry = ledger.entry("migration-cost-driven-relocation")
    a = entry.assessment
    # Cambridge's published January 2022 shares
    assert a.value("us_share_last") == 37.84
    assert a.value("china_share_last") == 21.11
    assert a.value("kazakhstan_share_last") == 13.22
    assert a.value("china_share_fall_pp") == pytest.approx(21.11 - 75.53)
    assert a.verdict is Verdict.PARTLY_SUPPORTED


def test_ledger_migration_verdicts(ledger: Ledger) -> None:
    verdicts = {
        e.claim.id: e.assessment.verdict for e in ledger.entries if e.claim.family == "migration"
    }
    assert verdicts["migration-energy-determinants"] is Verdict.NOT_CHECKABLE
    assert verdicts["migration-geographic-distribution"] is Verdict.SUPPORTED
    hydro = ledger.entry("migration-hydro-paraguay-ethiopia").assessment
    # OWID: Paraguay exports far more than Ethiopia, both run mostly on hydro
    paraguay = hydro.value("paraguay_net_exports_twh") or 0.0
    ethiopia = hydro.value("ethiopia_net_exports_twh") or 0.0
    assert paraguay > ethiopia > 0
    assert hydro.value("paraguay_map_share") == pytest.approx(3.9)
    # no geographic map in the curated table gives Ethiopia a share: partly supported
    assert hydro.value("ethiopia_geographic_rows") == 0
    assert hydro.verdict is Verdict.PARTLY_SUPPORTED


def _hashrate(values_ehs: list[float]) -> pd.DataFrame:
    dates = pd.date_range("2021-05-17", periods=len(values_ehs), freq="D")
    return pd.DataFrame({"date": dates, "hashrate_ths": [v * 1e6 for v in values_ehs]})


CRACKDOWN = float(pd.Timestamp("2021-05-21").toordinal())


def _recent_with_pools(largest_pct: float) -> pd.DataFrame:
    recent = _recent().assign(share_pct_low=largest_pct, share_pct_high=largest_pct)
    pools = (
        _recent()
        .head(1)
        .assign(country="China", basis="pool headquarters", map=None, share_pct_low=55.0)
    )
    return pd.concat([recent, pools], ignore_index=True)


def test_political_vulnerability_verdict_follows_its_rule() -> None:
    from analysis.migration.drivers import assess_political_vulnerability

    # 17 to 20 May at 100 EH/s, then 60 from the crackdown (21 May): a fall of 40%
    falls = _hashrate([100, 100, 100, 100, 60, 60, 120])
    # China held 50% in April 2021; the largest country of the map holds 30%
    result = assess_political_vulnerability(
        _countries(), _recent_with_pools(30.0), falls, CRACKDOWN
    )
    assert result.value("ban_drop_pct") == pytest.approx(40.0)
    assert result.value("china_share_pre_ban") == 50.0
    assert result.verdict is Verdict.SUPPORTED
    # the largest country now holds as much as China did: only the shock supports the claim
    same = assess_political_vulnerability(_countries(), _recent_with_pools(50.0), falls, CRACKDOWN)
    assert same.verdict is Verdict.PARTLY_SUPPORTED
    assert "has not shrunk" in same.summary
    flat = _hashrate([100, 100, 100, 100, 100, 110])
    none = assess_political_vulnerability(_countries(), _recent_with_pools(50.0), flat, CRACKDOWN)
    assert none.value("ban_drop_pct") == pytest.approx(0.0)
    assert none.verdict is Verdict.CONTRADICTED


def test_cost_driven_migration_needs_china_to_fall() -> None:
    from analysis.migration.drivers import assess_cost_driven_migration

    countries = pd.concat(
        [
            _countries(),
            pd.DataFrame(
                {
                    "date": pd.to_datetime(["2022-01-01"] * 3),
                    "country": ["Mainland China", "United States", "Kazakhstan"],
                    "share_pct": [20.0, 40.0, 15.0],
                    "hashrate_ehs": [1.0, 1.0, 1.0],
                }
            ),
        ]
    )
    us_kz = pd.DataFrame(
        {
            "date": pd.to_datetime(["2019-09-01"] * 2),
            "country": ["United States", "Kazakhstan"],
            "share_pct": [4.0, 1.0],
            "hashrate_ehs": [1.0, 1.0],
        }
    )
    falls = _hashrate([100, 100, 100, 100, 60, 120])
    moved = assess_cost_driven_migration(pd.concat([countries, us_kz]), _recent(), falls, CRACKDOWN)
    # China: 80% (September 2019), 50% (April 2021), 20% (January 2022)
    assert moved.value("china_fall_before_ban_pp") == pytest.approx(-30.0)
    assert moved.value("china_fall_after_ban_pp") == pytest.approx(-30.0)
    assert moved.verdict is Verdict.PARTLY_SUPPORTED
    stayed = countries.assign(
        share_pct=countries["share_pct"].where(countries["country"] != "Mainland China", 90.0)
    )
    result = assess_cost_driven_migration(pd.concat([stayed, us_kz]), _recent(), falls, CRACKDOWN)
    assert result.verdict is Verdict.CONTRADICTED


def _energy() -> pd.DataFrame:
    # 2021 and 2025: Paraguay generates 50 TWh and uses 20 then 30; Ethiopia 10 and 9 then 9.5
    return pd.DataFrame(
        {
            "country": ["Paraguay", "Paraguay", "Ethiopia", "Ethiopia"],
            "year": [2021, 2025, 2021, 2025],
            "electricity_generation_twh": [50.0, 50.0, 10.0, 10.0],
            "electricity_demand_twh": [20.0, 30.0, 9.0, 9.5],
            "hydro_share_elec_pct": [100.0, 100.0, 95.0, 95.0],
            "net_elec_imports_twh": [-30.0, -20.0, -1.0, -0.5],
        }
    )


def _hydro_recent(ethiopia_basis: str) -> pd.DataFrame:
    rows = [
        ("Paraguay", 1.0, 2022, "geographic estimate", None),
        ("Paraguay", 4.0, 2025, "geographic estimate", "M Q4 2025"),
        ("United States", 40.0, 2025, "geographic estimate", "M Q4 2025"),
        ("Ethiopia", 2.0, 2024, ethiopia_basis, None),
    ]
    frame = pd.DataFrame(rows, columns=["country", "share_pct_low", "year", "basis", "map"])
    return frame.assign(
        share_pct_high=frame["share_pct_low"],
        label=frame["country"] + frame["year"].astype(str),
        source_title="t",
        source_address="https://example.org",
        excerpt="e",
        normalisation=None,
    )


def test_hydro_claim_needs_a_measured_share_for_each_country() -> None:
    from analysis.migration.hydro import assess_hydro_migration

    stated = assess_hydro_migration(_energy(), _hydro_recent("statement"), CRACKDOWN)
    assert stated.value("paraguay_surplus_twh") == pytest.approx(20.0)  # 50 - 30
    assert stated.value("paraguay_demand_growth") == pytest.approx(50.0)  # 20 -> 30
    assert stated.value("ethiopia_surplus_share") == pytest.approx(5.0)  # 0.5 of 10
    assert stated.value("paraguay_map_rank") == 2
    assert stated.value("paraguay_countries_above") == 1  # only the United States
    assert stated.value("ethiopia_geographic_rows") == 0
    assert stated.verdict is Verdict.PARTLY_SUPPORTED
    mapped = assess_hydro_migration(_energy(), _hydro_recent("geographic estimate"), CRACKDOWN)
    assert mapped.verdict is Verdict.SUPPORTED


def test_energy_determinants_say_what_would_settle_them() -> None:
    from analysis.migration.drivers import assess_energy_determinants

    result = assess_energy_determinants()
    assert result.verdict is Verdict.NOT_CHECKABLE
    assert result.figures == ()
    assert "survey" in result.needs


def test_map_rank_orders_by_share() -> None:
    rows = pd.DataFrame({"country": ["A", "B", "C"], "share_pct_low": [2.0, 9.0, 5.0]})
    assert map_rank(rows, "A") == 3
    assert map_rank(rows, "B") == 1


def test_kazakhstan_peak_in_cambridge_matches_hashrate_index(
    real_tables: dict[str, pd.DataFrame],
) -> None:
    # Hashrate Index: "a peak of 18% in October 2021" (curated row), read against Cambridge
    shares = country_shares_by_month(real_tables["country_shares"])
    kazakhstan = shares[shares["group"] == "Kazakhstan"].set_index("period")["share_pct"]
    assert kazakhstan.idxmax() == pd.Timestamp("2021-10-01")
    assert round(kazakhstan.max()) == 18
    assert share_on(shares, "Kazakhstan", pd.Timestamp("2021-10-01")) == pytest.approx(18.31)


def test_overlap_figures_are_missing_without_a_common_month() -> None:
    result = assess_geo_vs_operational(
        _countries(), _recent(), _blocks(["a"] * 4), NO_GROUPS, HHI_HIGH
    )
    assert result.value("overlap_first") is None
    assert result.value("overlap_pool_last") is None


def test_ledger_overlap_months_are_those_of_both_tables(ledger: Ledger) -> None:
    a = ledger.entry("migration-geo-vs-operational").assessment
    # blocks start in January 2021; Cambridge's map ends in January 2022
    assert a.value("overlap_first") == pd.Timestamp("2021-01-01").toordinal()
    assert a.value("overlap_last") == pd.Timestamp("2022-01-01").toordinal()
    # Cambridge January 2022 with 'Other' as many tiny countries: the sum of the named squares
    named = [37.84, 21.11, 13.22, 6.48, 4.66, 3.06, 2.51, 1.97, 0.12]
    assert a.value("overlap_geo_last") == pytest.approx(sum(x * x for x in named))


def test_ledger_ban_shock_matches_the_hashrate_table(
    ledger: Ledger, real_tables: dict[str, pd.DataFrame]
) -> None:
    a = ledger.entry("migration-political-vulnerability").assessment
    rate = real_tables["hashrate"].set_index("date")["hashrate_ths"] / 1e6
    ban = pd.Timestamp("2021-05-21")
    peak = rate[:ban].max()
    # the lowest value between the crackdown and the end of 2021, found by sorting
    trough = rate[ban : pd.Timestamp("2021-12-31")].sort_values().iloc[0]
    assert a.value("peak_ehs") == pytest.approx(peak)
    assert a.value("trough_ehs") == pytest.approx(trough)
    assert a.value("ban_drop_pct") == pytest.approx(100 * (peak - trough) / peak)
    recovered = rate[ban:][rate[ban:] >= peak].index[0]
    assert a.value("recovery_date") == recovered.toordinal()
    assert a.value("china_share_pre_ban") == 46.04  # Cambridge, April 2021


def test_industrial_scale_sets_listed_miners_beside_the_latest_us_share() -> None:
    from analysis.migration.drivers import assess_industrial_scale

    rows = pd.DataFrame(
        {
            "country": ["United States", "Russia", "United States"],
            "share_pct_low": [40.0, 20.0, 30.0],
            "share_pct_high": [40.0, 20.0, 30.0],
            "map": ["Map 2025", "Map 2025", "Map 2023"],
            "basis": ["geographic estimate"] * 3,
            "year": [2025, 2025, 2023],
        }
    )
    result = assess_industrial_scale(rows, 30.0)
    assert result.value("us_map_share") == 40.0  # the newer map, not 2023's 30
    assert result.value("listed_over_us") == 0.75  # 30 / 40
    assert result.verdict.value == "partly supported"


def test_industrial_scale_on_the_real_tables(ledger: Ledger) -> None:
    entry = next(e for e in ledger.entries if e.claim.id == "migration-industrial-scale")
    assert entry.assessment.value("us_map_share") == 37.8  # Hashrate Index map, Q4 2025
    assert entry.assessment.value("us_listed_share") == 31.5  # JPMorgan, as reported
