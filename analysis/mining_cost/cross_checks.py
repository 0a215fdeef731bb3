"""Cross-checks of the cost per bitcoin against CBECI's own estimate and against published
electricity-only estimates (Hashrate Index, Bitnewsbot and others): the figures the
cost-by-region claim reports beside its own.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from analysis.measures.energy import energy_per_btc_kwh
from analysis.result import Figures

HAWAII = "Hashrate Index, Hawaii"
BITNEWSBOT_US = "Bitnewsbot, United States all sectors"
CROSS_CHECK_FIGURES = Figures(
    ("cbeci_date", "Last date of CBECI's series", "date"),
    ("cbeci_energy", "CBECI's electricity per bitcoin", "kwh"),
    ("ours_on_cbeci_date_reference", "This estimate on that date, reference efficiency", "kwh"),
    ("ours_on_cbeci_date_legacy", "This estimate on that date, older generation", "kwh"),
    (
        "cbeci_fleet_efficiency",
        "Machine efficiency CBECI's estimate implies (overhead removed)",
        "j_per_th",
    ),
    ("hawaii_published", "Hashrate Index's cost for Hawaii", "usd"),
    ("hawaii_date", "End of the quarter of Hashrate Index's figure", "date"),
    ("hawaii_ours_legacy", "This project's Hawaii cost then, older generation", "usd"),
    (
        "hawaii_implied_efficiency",
        "Machine efficiency Hashrate Index's Hawaii figure implies",
        "j_per_th",
    ),
    ("bitnewsbot_us", "Bitnewsbot's United States cost (all-sector price)", "usd"),
    (
        "bitnewsbot_us_ours_reference",
        "This project's cost at the same price, reference efficiency, latest date",
        "usd",
    ),
    (
        "published_implied_min",
        "Lowest machine efficiency implied by a dated published estimate",
        "j_per_th",
    ),
    (
        "published_implied_max",
        "Highest machine efficiency implied by a dated published estimate",
        "j_per_th",
    ),
    (
        "undated_implied_energy_min",
        "Lowest electricity per bitcoin implied by an undated published estimate",
        "kwh",
    ),
    (
        "undated_implied_energy_max",
        "Highest electricity per bitcoin implied by an undated published estimate",
        "kwh",
    ),
)


def labelled_value(frame: pd.DataFrame, label: str, column: str) -> float | None:
    """``column`` of the first row labelled ``label`` (None if there is none)."""
    rows = frame[frame["label"] == label]
    return None if rows.empty else float(rows[column].iloc[0])


def labelled_date(frame: pd.DataFrame, label: str, column: str) -> float | None:
    """The date in ``column`` of the first row labelled ``label`` that has one, as an ordinal."""
    rows = frame[(frame["label"] == label) & frame[column].notna()]
    return None if rows.empty else float(pd.Timestamp(rows[column].iloc[0]).toordinal())


def cbeci_values(cbeci: pd.DataFrame, eff: Mapping[str, float]) -> dict[str, float | None]:
    """CBECI's latest energy per bitcoin and fleet efficiency beside this project's estimate."""
    cb = cbeci.iloc[-1]
    return {
        "cbeci_date": cb["date"].toordinal(),
        "cbeci_energy": cb["cbeci_kwh_per_btc"],
        "ours_on_cbeci_date_reference": energy_per_btc_kwh(
            float(cb["th_per_btc"]), eff["reference"]
        ),
        "ours_on_cbeci_date_legacy": energy_per_btc_kwh(float(cb["th_per_btc"]), eff["legacy"]),
        "cbeci_fleet_efficiency": cb["cbeci_fleet_j_th"],
    }


def published_values(published: pd.DataFrame) -> dict[str, float | None]:
    """Published estimates beside this project's cost, and the efficiencies they imply."""
    dated = published[published["as_of"].notna()]
    undated = published.loc[published["as_of"].isna(), "implied_kwh_per_btc"]
    return {
        "hawaii_published": labelled_value(published, HAWAII, "value_usd"),
        "hawaii_date": labelled_date(published, HAWAII, "as_of"),
        "hawaii_ours_legacy": labelled_value(published, HAWAII, "ours_legacy_usd"),
        "hawaii_implied_efficiency": labelled_value(published, HAWAII, "implied_j_th"),
        "bitnewsbot_us": labelled_value(published, BITNEWSBOT_US, "value_usd"),
        "bitnewsbot_us_ours_reference": labelled_value(
            published, BITNEWSBOT_US, "ours_reference_usd"
        ),
        "published_implied_min": dated["implied_j_th"].min() if not dated.empty else None,
        "published_implied_max": dated["implied_j_th"].max() if not dated.empty else None,
        "undated_implied_energy_min": undated.min(),
        "undated_implied_energy_max": undated.max(),
    }
