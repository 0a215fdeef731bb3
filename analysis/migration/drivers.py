"""What drove the migration: China's fall and the rise of the United States and Kazakhstan
in Cambridge's map, split at China's crackdown; and why energy cost as the decider of siting
cannot be checked with the project's data.
"""

from __future__ import annotations

import pandas as pd

from analysis.migration.ban_shock import BanShock, ordinal_of
from analysis.migration.geo_concentration import (
    last_month_before,
    later_points,
    row_citations,
    share_on,
)
from analysis.result import Assessment, Figures, FigureSpec, MarginRule, Verdict

COST_DRIVEN_FIGURES = Figures(
    ("china_share_fall_pp", "Change in China's share", "percentage_points"),
    ("china_share_first", "China's share, first month", "percent"),
    ("china_share_pre_ban", "China's share, last full month before the crackdown", "percent"),
    ("china_share_last", "China's share, last month", "percent"),
    (
        "china_fall_before_ban_pp",
        "Change in China's share before the crackdown",
        "percentage_points",
    ),
    ("china_fall_after_ban_pp", "Change in China's share after the crackdown", "percentage_points"),
    ("us_share_first", "United States' share, first month", "percent"),
    ("us_share_last", "United States' share, last month", "percent"),
    ("kazakhstan_share_first", "Kazakhstan's share, first month", "percent"),
    ("kazakhstan_share_last", "Kazakhstan's share, last month", "percent"),
    ("first_month", "First month of the Cambridge map", "month"),
    ("pre_ban_month", "Last full month before the crackdown", "month"),
    ("last_month", "Last month of the Cambridge map", "month"),
    ("ban_drop_pct", "Fall of network hashrate from the pre-ban peak", "percent"),
    ("recovery_date", "First day back at the pre-ban peak", "date"),
)

COST_DRIVEN_MOVED = (
    "A migration did reshape the map: from {first_month} to {last_month} China's share "
    "went from {china_share_first} to {china_share_last}, the United States' from "
    "{us_share_first} to {us_share_last} and Kazakhstan's from {kazakhstan_share_first} to "
    "{kazakhstan_share_last}. Part of China's fall ({china_fall_before_ban_pp}) came "
    "before the crackdown, which fits a search for cheaper power among other causes, but "
    "the abrupt part ({china_fall_after_ban_pp}) followed China's crackdown of "
    "{china_mining_crackdown_date}, a regulatory push: network hashrate fell "
    "{ban_drop_pct} from its pre-ban peak and regained it only on {recovery_date}. The "
    "data show the move, not that energy costs forced it."
)
COST_DRIVEN_STAYED = (
    "Cambridge's map shows no move away from China: from {first_month} to "
    "{last_month} its share went from {china_share_first} to {china_share_last}."
)
COST_DRIVEN_METHOD = (
    "Country shares are Cambridge's monthly mining map. China's change is split at the last "
    "full month before the crackdown ({pre_ban_month}): {china_fall_before_ban_pp} before, "
    "{china_fall_after_ban_pp} after. The ban shock is the fall of the network hashrate "
    "from its highest value before the crackdown to its lowest before the peak was "
    "regained. Later published maps are shown beside Cambridge's months as separate "
    "sources. The claim counts as partly supported when China's share fell (a migration "
    "happened, though the data cannot show that energy costs forced it) and as "
    "contradicted when it did not."
)
COST_DRIVEN_LIMITS = (
    "Cambridge's map ends in {last_month} and counts only its partner pools' miners by IP "
    "address; it shows China at zero in the summer months after the crackdown, which "
    "VPNs and proxies can explain, and at {china_share_last} by its last month. The data "
    "show where hashrate went, not why each miner moved; the fall before the crackdown "
    "may reflect cheaper power elsewhere, seasonal hydro or earlier Chinese restrictions."
)
COST_DRIVEN_NEEDS = (
    "Monthly country shares after Cambridge's map ended, from one estimator with a stated "
    "method, and operators' reasons for relocating (a survey asking whether energy cost or "
    "regulation decided each move)."
)

CHINA_STAYED = MarginRule(
    deciding="china_share_fall_pp",
    threshold=FigureSpec(
        "china_fall_flip", "Change in China's share at which it flips", "percentage_points"
    ),
    direction="above",
    flips_to=Verdict.CONTRADICTED,
    sentence="Contradicted if China's share had changed by {china_fall_flip} or more (no fall).",
)
CHINA_MOVED = MarginRule(
    deciding="china_share_fall_pp",
    threshold=CHINA_STAYED.threshold,
    direction="below",
    flips_to=Verdict.PARTLY_SUPPORTED,
    sentence="Partly supported if China's share had changed by less than {china_fall_flip} (a fall).",
)


def assess_cost_driven_migration(
    monthly_country_shares: pd.DataFrame,
    country_hashrate_recent: pd.DataFrame,
    china_crackdown_day: pd.Timestamp,
    china_ban_shock: BanShock,
) -> Assessment:
    """A migration happened, but the largest move in the data followed a ban, not prices."""
    shares, shock = monthly_country_shares, china_ban_shock
    first, last = shares["period"].min(), shares["period"].max()
    pre_ban = last_month_before(shares, china_crackdown_day)
    china = {p: share_on(shares, "China", p) for p in (first, pre_ban, last)}
    figures = COST_DRIVEN_FIGURES.fill(
        china_share_fall_pp=china[last] - china[first],
        china_share_first=china[first],
        china_share_pre_ban=china[pre_ban],
        china_share_last=china[last],
        china_fall_before_ban_pp=china[pre_ban] - china[first],
        china_fall_after_ban_pp=china[last] - china[pre_ban],
        us_share_first=share_on(shares, "United States", first),
        us_share_last=share_on(shares, "United States", last),
        kazakhstan_share_first=share_on(shares, "Kazakhstan", first),
        kazakhstan_share_last=share_on(shares, "Kazakhstan", last),
        first_month=ordinal_of(first),
        pre_ban_month=ordinal_of(pre_ban),
        last_month=ordinal_of(last),
        ban_drop_pct=shock.drop_pct,
        recovery_date=ordinal_of(shock.recovery_date),
    )
    points = later_points(shares, country_hashrate_recent)
    moved = china[last] < china[first]
    return Assessment(
        verdict=Verdict.PARTLY_SUPPORTED if moved else Verdict.CONTRADICTED,
        summary=COST_DRIVEN_MOVED if moved else COST_DRIVEN_STAYED,
        figures=figures,
        method=COST_DRIVEN_METHOD,
        limits=COST_DRIVEN_LIMITS,
        needs=COST_DRIVEN_NEEDS,
        citations=row_citations(
            country_hashrate_recent[country_hashrate_recent["label"].isin(points["label"])]
        ),
        tables={"shares": shares, "later": points},
        margin=(CHINA_STAYED if moved else CHINA_MOVED).at(0.0),
    )


ENERGY_DETERMINANTS_SUMMARY = (
    "The data show where hashrate went, not what decided it; no series of miners' "
    "power prices by site or of reasons for moving is in the project."
)
ENERGY_DETERMINANTS_METHOD = (
    "The claim ranks causes of siting. Country shares, hydro surpluses and national "
    "price tables can show that miners sit where power is cheap or spare, but not that "
    "cost outranks regulation, grid access, climate or political risk."
)
ENERGY_DETERMINANTS_LIMITS = (
    "The largest move in the data followed a ban, which is not an energy cost."
)
ENERGY_DETERMINANTS_NEEDS = (
    "Contracted electricity prices of mining sites by country and date matched to their "
    "hashrate, or a survey of operators' reasons for siting and relocation (for example "
    "the questions of the Cambridge digital mining industry survey)."
)


def assess_energy_determinants() -> Assessment:
    """Energy cost as the primary determinant of siting: no siting-decision data here."""
    return Assessment(
        verdict=Verdict.NOT_CHECKABLE,
        summary=ENERGY_DETERMINANTS_SUMMARY,
        figures=(),
        method=ENERGY_DETERMINANTS_METHOD,
        limits=ENERGY_DETERMINANTS_LIMITS,
        needs=ENERGY_DETERMINANTS_NEEDS,
    )
