"""Simple forecasts every model is scored against, on the same test windows.

Shape key: N samples, W window (past prices), K horizon.

Every baseline reads only the W target prices of a sample's window (rows
``origin - W + 1 .. origin``): the rows the model's window covers, and no
later ones.

- ``naive``: repeat the last price over the horizon.
- ``drift``: the straight line through the first and last price of the
  window, extended over the horizon.
- ``moving_average``: the mean price of the window, repeated.
- ``linear``: scikit-learn's Ridge regression from the window to the next K
  prices, fitted on the training windows only. It works on log prices
  relative to the last price, so a model fitted on the cheap early years
  still applies to the expensive test years.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from numpy.lib.stride_tricks import sliding_window_view
from sklearn.linear_model import Ridge
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import StandardScaler

from forecast.errors import ForecastError
from forecast.evaluation import naive_forecast
from forecast.windows import Split, WindowedData, transform_columns

BASELINE_NAMES = ("naive", "drift", "moving_average", "linear")
RIDGE_ALPHA = 1.0  # L2 penalty on standardised inputs; mild for the thousands of training windows


def check_baseline_names(names) -> tuple[str, ...]:
    """Return ``names`` as a tuple, with "naive" first, or raise for an unknown name.

    The naive baseline is always kept because skill scores and the
    Diebold-Mariano test are measured against it.
    """
    names = tuple(names)
    for name in names:
        if name not in BASELINE_NAMES:
            raise ForecastError("unknown_baseline", name, valid=", ".join(BASELINE_NAMES))
    return ("naive", *(name for name in BASELINE_NAMES if name in names and name != "naive"))


def price_series(frame: pd.DataFrame, data: WindowedData) -> np.ndarray:
    """Return the target prices (n,) on the rows that ``Split.origin`` indexes."""
    _, _, rows = transform_columns(frame, data.spec)
    return rows[data.spec.target].to_numpy(dtype=np.float64)


def price_windows(prices: np.ndarray, origin: np.ndarray, window: int) -> np.ndarray:
    """Return the W prices up to and including each origin: (n,), (N,) -> (N, W).

    Origins earlier than ``window - 1`` have too little history and are rejected.
    """
    origin = np.asarray(origin)
    assert origin.size == 0 or origin.min() >= window - 1, "origin before the first full window"
    all_windows = sliding_window_view(np.asarray(prices, dtype=np.float64), window)  # (n - W + 1, W)
    return all_windows[origin - window + 1]


def drift_forecast(history: np.ndarray, horizon: int) -> np.ndarray:
    """Extend the line through the first and last price of each window: (N, W) -> (N, K).

    With a window of one price the slope is 0 and drift equals naive.
    """
    history = np.asarray(history, dtype=np.float64)
    width = history.shape[1]
    slope = (history[:, -1] - history[:, 0]) / max(width - 1, 1)  # price change per step
    steps = np.arange(1, horizon + 1)
    return history[:, -1, None] + slope[:, None] * steps


def moving_average_forecast(history: np.ndarray, horizon: int) -> np.ndarray:
    """Repeat the mean price of each window over the horizon: (N, W) -> (N, K)."""
    mean = np.asarray(history, dtype=np.float64).mean(axis=1)
    return np.repeat(mean[:, None], horizon, axis=1)


@dataclass
class LinearBaseline:
    """Ridge on the window, relative to the window's last price."""

    pipeline: Pipeline  # StandardScaler then Ridge
    log_scale: bool  # True: log price ratios; False: price differences (for zero or negative prices)

    def relative(self, history: np.ndarray, values: np.ndarray) -> np.ndarray:
        """Express ``values`` (N, ·) relative to the last price of each window of ``history`` (N, W)."""
        if self.log_scale:
            return np.log(values / history[:, -1:])
        return values - history[:, -1:]


def fit_linear(
    history: np.ndarray, actual: np.ndarray, alpha: float = RIDGE_ALPHA, log_scale: bool | None = None
) -> LinearBaseline:
    """Fit Ridge from a window's prices to the next K prices, both relative to the window's last price.

    With positive prices the inputs and targets are log price ratios, so one
    model fitted on early cheap years still applies to expensive test years.
    When a window holds a zero or negative price (spreads, adjusted series)
    the ratios are undefined, and plain differences from the last price are
    used instead.

    Parameters
    ----------
    history : ndarray of shape (N, W)
        Training windows in price units.
    actual : ndarray of shape (N, K)
        The prices that followed each window.
    alpha : float
        Ridge penalty on the standardised inputs.
    log_scale : bool, optional
        Force ratios (True) or differences (False); by default ratios when every
        price given is positive. Pass False when the windows to forecast later
        can hold non-positive prices.

    Returns
    -------
    LinearBaseline
        Use :func:`linear_forecast` to predict.
    """
    history = np.asarray(history, dtype=np.float64)
    actual = np.asarray(actual, dtype=np.float64)
    if log_scale is None:
        log_scale = bool(np.all(history > 0) and np.all(actual > 0))
    baseline = LinearBaseline(make_pipeline(StandardScaler(), Ridge(alpha=alpha)), log_scale=log_scale)
    x = baseline.relative(history, history)  # (N, W), last column is 0
    y = baseline.relative(history, actual)  # (N, K)
    baseline.pipeline.fit(x, y)
    return baseline


def linear_forecast(model: LinearBaseline, history: np.ndarray) -> np.ndarray:
    """Forecast prices (N, K) from windows (N, W) with a model from :func:`fit_linear`."""
    history = np.asarray(history, dtype=np.float64)
    relative = model.pipeline.predict(model.relative(history, history)).reshape(len(history), -1)
    if model.log_scale:
        return history[:, -1:] * np.exp(relative)
    return history[:, -1:] + relative


def baseline_forecasts(
    prices: np.ndarray,
    train: Split,
    test: Split,
    window: int,
    names=BASELINE_NAMES,
) -> dict[str, np.ndarray]:
    """Forecast the test samples with each named baseline.

    Parameters
    ----------
    prices : ndarray of shape (n,)
        Target prices on the rows that ``Split.origin`` indexes (see :func:`price_series`).
    train, test : Split
        Training samples (for the linear baseline's fit) and the samples to forecast.
    window : int
        W, the model's window; every baseline reads the same W prices.
    names : iterable of str
        Any of ``BASELINE_NAMES``; "naive" is always included.

    Returns
    -------
    dict
        Name -> forecasts (N, K) in price units, "naive" first.
    """
    names = check_baseline_names(names)
    horizon = test.actual.shape[1]
    history = price_windows(prices, test.origin, window)  # (N, W)
    forecasts = {}
    for name in names:
        if name == "naive":
            forecasts[name] = naive_forecast(test.last_price, horizon)
        elif name == "drift":
            forecasts[name] = drift_forecast(history, horizon)
        elif name == "moving_average":
            forecasts[name] = moving_average_forecast(history, horizon)
        else:
            model = fit_linear(price_windows(prices, train.origin, window), train.actual,
                               log_scale=bool(np.all(prices > 0)))
            forecasts[name] = linear_forecast(model, history)
    return forecasts
