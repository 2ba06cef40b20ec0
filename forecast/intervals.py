"""Split-conformal prediction intervals, calibrated on the validation period.

Shape key: N samples, K horizon steps.

For each step k the absolute validation residuals give a quantile q_k; the
interval of a test forecast is ``forecast -/+ q_k``. When validation and test
samples are exchangeable this covers the actual value with probability at
least the nominal level. Prices are not exchangeable over years (volatility
changes), so the coverage on the test period is measured and reported rather
than assumed.

By default residuals are taken on log prices (``log(actual / forecast)``), so
an interval calibrated in years of $20 prices scales to years of $400 prices.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from forecast.errors import ForecastError

LEVELS = (0.8, 0.95)  # nominal coverage of the intervals reported everywhere


def conformal_quantile(scores: np.ndarray, level: float) -> np.ndarray:
    """Return the split-conformal quantile of absolute residuals, per column.

    Parameters
    ----------
    scores : ndarray of shape (n, K)
        Non-negative residuals on the calibration samples.
    level : float
        Nominal coverage in (0, 1), for example 0.8.

    Returns
    -------
    ndarray of shape (K,)
        The ``ceil((n + 1) * level) / n`` empirical quantile (``inf`` when n is
        too small for that level).
    """
    scores = np.asarray(scores, dtype=np.float64)
    n = len(scores)
    if not 0 < level < 1:
        raise ForecastError("setting_out_of_range", level, name="interval level", low=0, high=1)
    rank = math.ceil((n + 1) * level)
    if rank > n:
        return np.full(scores.shape[1], np.inf)
    return np.sort(scores, axis=0)[rank - 1]


@dataclass
class ConformalIntervals:
    """Per-step interval half-widths fitted on calibration residuals."""

    quantiles: dict[float, np.ndarray]  # level -> (K,) half-width, in log price or price units
    relative: bool  # True: half-widths are on log prices; False: in price units
    calibration_samples: int  # n, the validation samples behind the quantiles

    def interval(self, forecast: np.ndarray, level: float) -> tuple[np.ndarray, np.ndarray]:
        """Return the lower and upper bounds (N, K) around ``forecast`` (N, K)."""
        forecast = np.asarray(forecast, dtype=np.float64)
        half_width = self.quantiles[level][None, :]
        if self.relative:
            return forecast * np.exp(-half_width), forecast * np.exp(half_width)
        return forecast - half_width, forecast + half_width


def fit_conformal(
    actual: np.ndarray, forecast: np.ndarray, levels=LEVELS, relative: bool = True
) -> ConformalIntervals:
    """Calibrate interval half-widths on validation forecasts.

    Parameters
    ----------
    actual, forecast : ndarray of shape (n, K)
        Validation prices and the model's forecasts of them.
    levels : iterable of float
        Nominal coverages.
    relative : bool
        Residuals on log prices (needs positive prices) or in price units.

    Returns
    -------
    ConformalIntervals
    """
    actual = np.asarray(actual, dtype=np.float64)
    forecast = np.asarray(forecast, dtype=np.float64)
    if relative and (np.any(actual <= 0) or np.any(forecast <= 0)):
        relative = False  # log residuals need positive values; price units still give valid intervals
    scores = np.abs(np.log(actual / forecast)) if relative else np.abs(actual - forecast)
    quantiles = {level: conformal_quantile(scores, level) for level in levels}
    return ConformalIntervals(quantiles=quantiles, relative=relative, calibration_samples=len(scores))


def coverage(actual: np.ndarray, lower: np.ndarray, upper: np.ndarray) -> float:
    """Return the share of actual values (N, K) inside ``[lower, upper]``."""
    actual = np.asarray(actual, dtype=np.float64)
    return float(np.mean((actual >= lower) & (actual <= upper)))


def interval_report(intervals: ConformalIntervals, actual: np.ndarray, forecast: np.ndarray) -> dict:
    """Return ``coverage_80``, ``width_80`` (mean, price units) and the same for every level.

    With too few validation samples for a level the band is infinite: its
    coverage is 1 and its width None.
    """
    report = {}
    for level in intervals.quantiles:
        lower, upper = intervals.interval(forecast, level)
        tag = f"{round(level * 100):d}"
        width = float(np.mean(upper - lower))
        report[f"coverage_{tag}"] = coverage(actual, lower, upper)
        report[f"width_{tag}"] = width if np.isfinite(width) else None  # None: too few calibration samples
    return report
