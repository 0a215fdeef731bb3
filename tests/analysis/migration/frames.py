"""Small hand-made tables for the migration tests: two Cambridge months, a three-country
published map, blocks of two complete years, a daily hashrate around the crackdown; and the
family's named measures computed from them, as the planner hands them to a claim."""

from __future__ import annotations

from typing import Any

import pandas as pd

from analysis.migration.ban_shock import ban_shock
from analysis.migration.geo_concentration import (
    latest_map_concentration,
    monthly_country_concentration,
    monthly_country_shares,
)

HHI_HIGH = 1800.0
CRACKDOWN_DAY = pd.Timestamp("2021-05-21")

NO_GROUPS = pd.DataFrame(
    {"pool_slug": ["z"], "template_group": ["z template"], "evidence": ["template owner"]}
)


def countries() -> pd.DataFrame:
    """Cambridge-style shares: China 80% (September 2019) and 50% (April 2021), rest 'Other'."""
    return pd.DataFrame(
        {
            "date": pd.to_datetime(["2019-09-01", "2019-09-01", "2021-04-01", "2021-04-01"]),
            "country": ["Mainland China", "Other", "Mainland China", "Other"],
            "share_pct": [80.0, 20.0, 50.0, 50.0],
            "hashrate_ehs": [1.0, 1.0, 1.0, 1.0],
        }
    )


def recent() -> pd.DataFrame:
    """One published map (Q4 2025) of three countries at 30% each."""
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


def recent_with_pools(largest_pct: float) -> pd.DataFrame:
    """The map with every country at ``largest_pct``, and pools based in China at 55%."""
    mapped = recent().assign(share_pct_low=largest_pct, share_pct_high=largest_pct)
    pools = (
        recent()
        .head(1)
        .assign(country="China", basis="pool headquarters", map=None, share_pct_low=55.0)
    )
    return pd.concat([mapped, pools], ignore_index=True)


def blocks(second_year: list[str]) -> pd.DataFrame:
    """Ten equal pools in 2021, ``second_year`` in 2022, and one block on 2 January 2023 so
    that 2022 is complete."""
    first_year = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"]
    pools = [*first_year, *second_year, "a"]
    dates = ["2021-01-05"] * 5 + ["2021-12-20"] * 5
    dates += ["2022-01-05"] * (len(second_year) - 1) + ["2022-12-20", "2023-01-02"]
    return pd.DataFrame(
        {"height": range(len(pools)), "pool_slug": pools, "date": pd.to_datetime(dates)}
    )


def hashrate(values_ehs: list[float]) -> pd.DataFrame:
    """A daily network hashrate from 17 May 2021 (the crackdown is the fifth day)."""
    dates = pd.date_range("2021-05-17", periods=len(values_ehs), freq="D")
    return pd.DataFrame({"date": dates, "hashrate_ths": [v * 1e6 for v in values_ehs]})


def geo_measures(country_shares: pd.DataFrame, curated: pd.DataFrame) -> dict[str, Any]:
    """The country measures a claim names, computed from ``country_shares`` and ``curated``."""
    shares = monthly_country_shares(country_shares)
    return {
        "monthly_country_concentration": monthly_country_concentration(shares),
        "latest_map_concentration": latest_map_concentration(curated),
    }


def shock_measures(country_shares: pd.DataFrame, network: pd.DataFrame) -> dict[str, Any]:
    """The monthly shares, the crackdown day and the ban shock a claim names."""
    return {
        "monthly_country_shares": monthly_country_shares(country_shares),
        "china_crackdown_day": CRACKDOWN_DAY,
        "china_ban_shock": ban_shock(network, CRACKDOWN_DAY),
    }
