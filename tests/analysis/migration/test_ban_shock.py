import pandas as pd
import pytest

from analysis.migration.ban_shock import (
    ban_shock,
    china_ban_shock,
    china_crackdown_day,
    date_of_ordinal,
    ordinal_of,
)


def _hashrate(values_ehs: list[float]) -> pd.DataFrame:
    dates = pd.date_range("2021-05-01", periods=len(values_ehs), freq="D")
    return pd.DataFrame({"date": dates, "hashrate_ths": [v * 1e6 for v in values_ehs]})


BAN = pd.Timestamp("2021-05-04")  # the fourth value is the first on or after the ban


def test_shock_finds_peak_trough_and_recovery() -> None:
    shock = ban_shock(_hashrate([10, 12, 11, 6, 5, 8, 12.5, 4]), BAN)
    assert shock.peak_ehs == pytest.approx(12)
    assert shock.peak_date == pd.Timestamp("2021-05-02")
    assert shock.trough_ehs == pytest.approx(5)
    assert shock.recovery_date == pd.Timestamp("2021-05-07")
    assert shock.drop_pct == pytest.approx(100 * 7 / 12)
    assert shock.days_to_recover == 5
    # the later dip below the trough comes after the recovery and does not count


def test_shock_without_recovery() -> None:
    shock = ban_shock(_hashrate([10, 12, 11, 6, 5, 8]), BAN)
    assert shock.recovery_date is None
    assert shock.days_to_recover is None
    assert shock.trough_ehs == pytest.approx(5)


def test_series_must_cover_both_sides() -> None:
    with pytest.raises(ValueError):
        ban_shock(_hashrate([10, 12]), BAN)


def test_date_of_ordinal_inverts_toordinal() -> None:
    assert date_of_ordinal(737931) == pd.Timestamp("2021-05-21")


def test_real_trough_falls_in_the_summer_of_the_ban(real_tables: dict[str, pd.DataFrame]) -> None:
    # Network hashrate was widely reported to have roughly halved by early July 2021.
    shock = ban_shock(real_tables["hashrate"], pd.Timestamp("2021-05-21"))
    assert pd.Timestamp("2021-06-15") <= shock.trough_date <= pd.Timestamp("2021-07-31")
    assert 35 < shock.drop_pct < 65


def test_ordinals_and_days_convert_both_ways() -> None:
    day = pd.Timestamp("2021-05-21")
    # 21 May 2021 is day 737,931 of the proleptic Gregorian calendar (1 January 1 is day 1)
    assert ordinal_of(day) == 737_931
    assert date_of_ordinal(737_931) == day
    assert ordinal_of(None) is None
    assert ordinal_of(pd.NaT) is None


def test_china_measures_read_the_crackdown_parameter() -> None:
    day = china_crackdown_day(737_931.0)
    assert day == pd.Timestamp("2021-05-21")
    network = _hashrate([10] * 20 + [5, 11])  # 1 to 20 May at 10, 21 May at 5, 22 May at 11
    shock = china_ban_shock(network, day)
    assert shock.drop_pct == pytest.approx(50.0)
    assert shock.recovery_date == pd.Timestamp("2021-05-22")
