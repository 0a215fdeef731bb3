"""A trend with its uncertainty: the Theil–Sen slope (the median of the slopes between every
pair of points) and its distribution-free confidence interval from Kendall's S (Sen 1968).

Why Theil–Sen rather than least squares: the series trended here (yearly break-even prices,
quarterly pool HHIs) have a few outlying points (bull-market years, a ban), which pull a
least-squares line and widen its interval; the median of pairwise slopes is not moved by
them, and its interval needs no assumption that the residuals are normal. It still assumes
the points are independent, which a year-to-year series is not quite; the interval is
then too narrow rather than too wide.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from statistics import NormalDist

import numpy as np

CONFIDENCE = 0.95


@dataclass(frozen=True)
class Trend:
    """A slope per unit of ``x`` with the ends of its confidence interval."""

    slope: float
    low: float
    high: float
    points: int

    @property
    def excludes_no_trend(self) -> bool:
        """Whether the whole interval is on one side of zero."""
        return self.low > 0 or self.high < 0


def theil_sen(x: np.ndarray, y: np.ndarray, confidence: float = CONFIDENCE) -> Trend:
    """The Theil–Sen slope of ``y`` on ``x`` and its ``confidence`` interval (ties in ``x``
    give no pairwise slope; ties in ``y`` are not corrected for)."""
    x, y = np.asarray(x, dtype="float64"), np.asarray(y, dtype="float64")
    if len(x) != len(y) or len(x) < 3:
        raise ValueError("a trend with an interval needs at least three points")
    i, j = np.triu_indices(len(x), k=1)
    dx = x[j] - x[i]
    slopes = np.sort((y[j] - y[i])[dx != 0] / dx[dx != 0])
    n, count = len(x), len(slopes)
    z = NormalDist().inv_cdf(0.5 + confidence / 2.0)
    spread = z * math.sqrt(n * (n - 1) * (2 * n + 5) / 18.0)
    lower = max(round((count - spread) / 2.0) - 1, 0)
    upper = min(round((count + spread) / 2.0), count - 1)
    return Trend(float(np.median(slopes)), float(slopes[lower]), float(slopes[upper]), n)


def as_pct_per_step(trend: Trend) -> Trend:
    """A trend fitted to logarithms, as a percentage change per unit of ``x``."""

    def pct(slope: float) -> float:
        return 100.0 * (math.exp(slope) - 1.0)

    return Trend(pct(trend.slope), pct(trend.low), pct(trend.high), trend.points)
