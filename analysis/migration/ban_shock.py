"""The China ban shock in the network hashrate: the pre-ban peak, the trough after the
crackdown and the first day the network regained the peak; and the days of date figures
(proleptic ordinals) to and from timestamps.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from analysis.result import measure

THS_PER_EHS = 1e6


@dataclass(frozen=True)
class BanShock:
    """The hashrate path around a ban: peak before it, trough after it, recovery date."""

    peak_date: pd.Timestamp
    peak_ehs: float
    trough_date: pd.Timestamp
    trough_ehs: float
    recovery_date: pd.Timestamp | None  # first day at or above the peak after the trough

    @property
    def drop_pct(self) -> float:
        """Fall from peak to trough, in percent of the peak."""
        return 100.0 * (1.0 - self.trough_ehs / self.peak_ehs)

    @property
    def days_to_recover(self) -> float | None:
        """Days from the peak to the recovery, or None when the peak was never regained."""
        if self.recovery_date is None:
            return None
        return float((self.recovery_date - self.peak_date).days)


def date_of_ordinal(ordinal: float) -> pd.Timestamp:
    """A parameter of unit ``date`` (a proleptic ordinal) as a timestamp."""
    return pd.Timestamp(dt.date.fromordinal(int(ordinal)))


def ordinal_of(day: pd.Timestamp | None) -> float | None:
    """A day as its proleptic ordinal (the value of a ``date`` or ``month`` figure), or None."""
    return None if day is None or pd.isna(day) else float(day.date().toordinal())


@measure
def china_crackdown_day(china_mining_crackdown_date: float) -> pd.Timestamp:
    """The day of China's crackdown on mining (the parameter, as a timestamp)."""
    return date_of_ordinal(china_mining_crackdown_date)


def hashrate_ehs(hashrate: pd.DataFrame) -> pd.DataFrame:
    """The network hashrate as ``date``, ``ehs`` (exahashes per second), sorted by date."""
    frame = pd.DataFrame({"date": hashrate["date"], "ehs": hashrate["hashrate_ths"] / THS_PER_EHS})
    return frame.sort_values("date", ignore_index=True)


def ban_shock(hashrate: pd.DataFrame, ban_date: pd.Timestamp) -> BanShock:
    """Peak before ``ban_date``, lowest value after it before the peak is regained, and the
    first date after that trough at or above the peak."""
    series = hashrate_ehs(hashrate)
    before = series[series["date"] < ban_date]
    after = series[series["date"] >= ban_date]
    if before.empty or after.empty:
        raise ValueError("the hashrate series must cover both sides of the ban date")
    peak_at = int(before["ehs"].to_numpy().argmax())
    peak_date = pd.Timestamp(before["date"].iloc[peak_at])
    peak_ehs = float(before["ehs"].iloc[peak_at])
    regained = after[after["ehs"] >= peak_ehs]
    window = after if regained.empty else after[after["date"] < regained["date"].iloc[0]]
    if window.empty:  # regained at once: no fall
        window = after.head(1)
    trough_at = int(window["ehs"].to_numpy().argmin())
    trough_date = pd.Timestamp(window["date"].iloc[trough_at])
    later = after[(after["date"] > trough_date) & (after["ehs"] >= peak_ehs)]
    return BanShock(
        peak_date=peak_date,
        peak_ehs=peak_ehs,
        trough_date=trough_date,
        trough_ehs=float(window["ehs"].iloc[trough_at]),
        recovery_date=None if later.empty else pd.Timestamp(later["date"].iloc[0]),
    )


@measure
def china_ban_shock(hashrate: pd.DataFrame, china_crackdown_day: pd.Timestamp) -> BanShock:
    """The network hashrate's fall and recovery around China's crackdown."""
    return ban_shock(hashrate, china_crackdown_day)
