import math

import pandas as pd
import pytest

from analysis.measures.periods import period_end, slope_per_year, utc_naive, with_periods


def test_periods_are_utc_years_and_quarter_starts() -> None:
    blocks = pd.DataFrame(
        {"date": pd.to_datetime(["2022-08-15 12:00", "2022-12-31 23:59"], utc=True)}
    )
    framed = with_periods(blocks)
    assert framed["year"].tolist() == [2022, 2022]
    assert framed["quarter"].tolist() == [pd.Timestamp("2022-07-01"), pd.Timestamp("2022-10-01")]


def test_period_end_is_the_first_instant_after_the_period() -> None:
    assert period_end(2021, "year") == pd.Timestamp("2022-01-01")
    assert period_end(pd.Timestamp("2021-10-01"), "quarter") == pd.Timestamp("2022-01-01")
    with pytest.raises(ValueError):
        period_end(2021, "month")


def test_slope_per_year_on_new_year_points() -> None:
    dates = pd.Series(pd.to_datetime(["2021-01-01", "2022-01-01", "2023-01-01"]))
    assert slope_per_year(dates, pd.Series([10.0, 30.0, 50.0])) == pytest.approx(20.0)
    # half a year apart: 2021-01-01 and 2021-07-02 (day 182 of 365)
    half = pd.Series(pd.to_datetime(["2021-01-01", "2021-07-02"]))
    assert slope_per_year(half, pd.Series([0.0, 1.0])) == pytest.approx(365 / 182)
    assert math.isnan(slope_per_year(dates.head(1), pd.Series([1.0])))


def test_quarters_match_the_calendar_for_every_month_and_time_zone() -> None:
    # the first instant of each month, and the last one, in UTC and as seen from Tokyo
    starts = pd.date_range("1969-01-01", "2026-12-01", freq="MS", tz="UTC")
    times = pd.Series(starts.append(starts + pd.Timedelta(days=27, hours=23, minutes=59)))
    for dates in (times, times.dt.tz_convert("Asia/Tokyo")):
        framed = with_periods(pd.DataFrame({"date": dates}))
        utc = utc_naive(dates)
        expected = [pd.Timestamp(t.year, 3 * ((t.month - 1) // 3) + 1, 1) for t in utc]
        assert framed["quarter"].tolist() == expected
        assert framed["year"].tolist() == [t.year for t in utc]


def test_utc_naive_converts_aware_times_and_keeps_naive_ones() -> None:
    tokyo = pd.Series(pd.to_datetime(["2022-01-01 08:00"]).tz_localize("Asia/Tokyo"))
    assert utc_naive(tokyo).tolist() == [pd.Timestamp("2021-12-31 23:00")]
    naive = pd.Series(pd.to_datetime(["2022-01-01 08:00"]))
    assert utc_naive(naive).tolist() == naive.tolist()


def test_periods_of_no_rows_of_missing_times_and_of_a_wide_span() -> None:
    empty = with_periods(pd.DataFrame({"date": pd.to_datetime(pd.Series([], dtype="object"))}))
    assert empty["year"].tolist() == [] and empty["quarter"].tolist() == []
    # a missing time keeps the other rows' periods
    gappy = with_periods(pd.DataFrame({"date": pd.to_datetime(["2022-05-01", None])}))
    assert gappy["quarter"].iloc[0] == pd.Timestamp("2022-04-01")
    # centuries apart, before and after 1970: the calendar's answer for both
    wide = pd.Series(pd.to_datetime(["1700-02-01", "2200-11-30"]).as_unit("s"))
    framed = with_periods(pd.DataFrame({"date": wide}))
    assert framed["year"].tolist() == [1700, 2200]
    assert framed["quarter"].tolist() == [pd.Timestamp("1700-01-01"), pd.Timestamp("2200-10-01")]
