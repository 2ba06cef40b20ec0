"""Checks that expose forecasts which only look good: the lag detector and the Diebold-Mariano test.

Shape key: N test samples (consecutive forecast origins), K horizon steps.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np
from scipy import stats

logger = logging.getLogger(__name__)

SIGNIFICANCE = 0.05  # level at which the DM reading calls a difference significant


@dataclass
class LagResult:
    """Correlations of a forecast's daily changes with the actual changes shifted back in time."""

    correlations: np.ndarray  # (K, S + 1): row k-1 is step k, column s is the actual series s rows earlier
    best_shift: list[int | None]  # per step, the shift with the highest correlation (None if undefined)
    flagged: bool  # True when the best match is the past (shift > 0) for at least half of the steps

    def to_dict(self) -> dict:
        return {
            "best_shift": self.best_shift,
            "flagged": self.flagged,
            "correlations": [[_finite_or_none(value) for value in row] for row in self.correlations],
        }


def _finite_or_none(value: float) -> float | None:
    return float(value) if np.isfinite(value) else None


def _correlation(a: np.ndarray, b: np.ndarray) -> float:
    if len(a) < 3 or np.std(a) == 0 or np.std(b) == 0:
        return float("nan")
    return float(np.corrcoef(a, b)[0, 1])


def lag_check(predicted: np.ndarray, prices: np.ndarray, origin: np.ndarray, max_shift: int | None = None) -> LagResult:
    """Correlate each step's forecast changes with the actual changes shifted by 0..S rows.

    The step-k forecasts of consecutive origins form a daily series aligned
    with the actual price at row ``origin + k``. A forecaster that learned
    something tracks the day-to-day changes of that series (shift 0). One
    that mostly repeats the last known price tracks the changes of the series
    k rows earlier instead. Differences are used rather than levels, because
    price levels are so autocorrelated that every shift correlates at 0.99.

    Parameters
    ----------
    predicted : ndarray of shape (N, K)
        Forecasts in price units for consecutive origins.
    prices : ndarray of shape (n,)
        The actual target prices on the rows that ``origin`` indexes.
    origin : ndarray of shape (N,)
        Row of the last known price of each sample.
    max_shift : int, optional
        S, the largest shift tried; defaults to K.

    Returns
    -------
    LagResult
    """
    predicted = np.asarray(predicted, dtype=np.float64)
    prices = np.asarray(prices, dtype=np.float64)
    origin = np.asarray(origin)
    horizon = predicted.shape[1]
    max_shift = horizon if max_shift is None else max_shift
    correlations = np.full((horizon, max_shift + 1), np.nan)
    for step in range(1, horizon + 1):
        forecast_change = np.diff(predicted[:, step - 1])
        for shift in range(max_shift + 1):
            rows = origin + step - shift
            if rows.min() < 1:
                continue  # not enough history before the first origin for this shift
            actual_change = np.diff(prices[rows])
            correlations[step - 1, shift] = _correlation(forecast_change, actual_change)

    best_shift = [None if np.all(np.isnan(row)) else int(np.nanargmax(row)) for row in correlations]
    lagging = sum(1 for shift in best_shift if shift is not None and shift > 0)
    return LagResult(correlations=correlations, best_shift=best_shift, flagged=lagging * 2 >= horizon and lagging > 0)


@dataclass
class DieboldMariano:
    """Outcome of a Diebold-Mariano test of a forecast against a reference forecast."""

    statistic: float  # HLN-corrected DM statistic; negative means the forecast has the smaller loss
    pvalue: float  # two-sided, from Student's t with n - 1 degrees of freedom
    n: int  # loss differentials used
    reading: str  # message key of the one-line reading (see ``dm_reading``)

    def to_dict(self) -> dict:
        return {"statistic": _finite_or_none(self.statistic), "pvalue": _finite_or_none(self.pvalue),
                "n": self.n, "reading": self.reading}


def dm_reading(statistic: float, pvalue: float, alpha: float = SIGNIFICANCE) -> str:
    """Return the message key that reads a DM result against the naive baseline."""
    if not np.isfinite(pvalue) or pvalue >= alpha:
        return "dm_not_distinguishable"
    return "dm_better" if statistic < 0 else "dm_worse"


def diebold_mariano(errors: np.ndarray, reference_errors: np.ndarray, horizon: int = 1) -> DieboldMariano:
    """Test whether two forecasts have the same expected squared error.

    The loss differential is ``d_t = e_t**2 - r_t**2``. Its long-run variance
    adds the autocovariances up to lag ``horizon - 1``, because h-step
    forecasts from consecutive origins overlap. The statistic gets the
    Harvey, Leybourne and Newbold (1997) small-sample correction and is
    compared with Student's t with n - 1 degrees of freedom.

    Parameters
    ----------
    errors, reference_errors : ndarray of shape (n,) or (n, K)
        Forecast errors in price units (actual - predicted), same shape. With
        K columns the squared errors are averaged over the steps of each origin.
    horizon : int
        h, the forecast horizon behind the errors.

    Returns
    -------
    DieboldMariano
        Identical losses give statistic 0 and p-value 1. When the long-run
        variance estimate is not positive, the lag-0 variance is used alone.
    """
    errors = np.asarray(errors, dtype=np.float64)
    reference_errors = np.asarray(reference_errors, dtype=np.float64)
    if errors.shape != reference_errors.shape:
        raise ValueError(f"error arrays differ in shape: {errors.shape} vs {reference_errors.shape}")
    loss = errors**2 if errors.ndim == 1 else np.mean(errors**2, axis=1)
    reference_loss = reference_errors**2 if errors.ndim == 1 else np.mean(reference_errors**2, axis=1)
    differential = loss - reference_loss  # (n,)
    n = len(differential)
    if n < 3:
        return DieboldMariano(float("nan"), float("nan"), n, dm_reading(float("nan"), float("nan")))

    centred = differential - differential.mean()
    autocovariances = [np.dot(centred[lag:], centred[: n - lag]) / n for lag in range(min(horizon, n))]
    long_run = autocovariances[0] + 2 * sum(autocovariances[1:])
    if long_run < 0:
        logger.info("DM long-run variance %.3g is negative; using the lag-0 variance", long_run)
        long_run = autocovariances[0]
    if long_run == 0:
        same = np.all(differential == 0)
        statistic = 0.0 if same else float(np.sign(differential.mean()) * np.inf)
        pvalue = 1.0 if same else 0.0
        return DieboldMariano(statistic, pvalue, n, dm_reading(statistic, pvalue))

    dm = differential.mean() / np.sqrt(long_run / n)
    correction = np.sqrt((n + 1 - 2 * horizon + horizon * (horizon - 1) / n) / n)
    statistic = float(dm * correction)
    pvalue = float(2 * stats.t.sf(abs(statistic), df=n - 1))
    return DieboldMariano(statistic, pvalue, n, dm_reading(statistic, pvalue))
