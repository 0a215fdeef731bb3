"""Figures several mining-cost claims report in the same words: the network's latest date
and bitcoin price, and each machine class's break-even electricity price. Declared once so
that every claim labels them alike."""

from __future__ import annotations

from analysis.result import FigureSpec

LATEST_DATE = FigureSpec("latest_date", "Latest date of the network data", "date")
BTC_PRICE_LATEST = FigureSpec("btc_price_latest", "Bitcoin price on that date", "usd")
BREAK_EVEN_BEST = FigureSpec(
    "break_even_best", "Break-even electricity price, best-in-class", "usd_per_kwh"
)
BREAK_EVEN_REFERENCE = FigureSpec(
    "break_even_reference", "Break-even electricity price, reference machine", "usd_per_kwh"
)
BREAK_EVEN_LEGACY = FigureSpec(
    "break_even_legacy", "Break-even electricity price, older generation", "usd_per_kwh"
)
