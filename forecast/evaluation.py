"""Scores in price units, and the naive baseline every model must beat.

Arrays follow the windowing shapes: N test samples, K horizon steps.
"""

from __future__ import annotations

import numpy as np
from sklearn.metrics import mean_absolute_error, mean_absolute_percentage_error, mean_squared_error

METRIC_NAMES = ("rmse", "mae", "mape", "directional_accuracy")


def directional_accuracy(actual: np.ndarray, predicted: np.ndarray, last_price: np.ndarray) -> float:
    """Share of (sample, step) pairs whose predicted move from the last known price has the right sign.

    ``actual`` and ``predicted`` are (N, K) prices, ``last_price`` is (N,).
    A move of exactly zero is its own sign, so a forecast of "no change" is
    right only on days the price did not move: the naive baseline scores the
    share of flat days, not 50 %.
    """
    last = np.asarray(last_price, dtype=np.float64)[:, None]
    return float(np.mean(np.sign(predicted - last) == np.sign(actual - last)))


def regression_metrics(actual: np.ndarray, predicted: np.ndarray, last_price: np.ndarray) -> dict[str, float]:
    """Return RMSE, MAE, MAPE (percent) and directional accuracy (0..1) over all steps.

    Parameters
    ----------
    actual, predicted : ndarray of shape (N, K)
        Prices in the units of the target column.
    last_price : ndarray of shape (N,)
        The last known price before each forecast.
    """
    actual = np.asarray(actual, dtype=np.float64)
    predicted = np.asarray(predicted, dtype=np.float64)
    flat_actual, flat_predicted = actual.ravel(), predicted.ravel()
    return {
        "rmse": float(np.sqrt(mean_squared_error(flat_actual, flat_predicted))),
        "mae": float(mean_absolute_error(flat_actual, flat_predicted)),
        "mape": float(100.0 * mean_absolute_percentage_error(flat_actual, flat_predicted)),
        "directional_accuracy": directional_accuracy(actual, predicted, last_price),
    }


def naive_forecast(last_price: np.ndarray, horizon: int) -> np.ndarray:
    """Repeat the last known price over the horizon: (N,) -> (N, K)."""
    return np.repeat(np.asarray(last_price, dtype=np.float64)[:, None], horizon, axis=1)


def skill_score(rmse: float, rmse_naive: float) -> float:
    """Return ``1 - rmse / rmse_naive``: above 0 beats the naive baseline, 0 or below does not.

    Returns NaN when the naive RMSE is 0 (a flat test period), where no
    model can be compared against it.
    """
    if rmse_naive == 0:
        return float("nan")
    return 1.0 - rmse / rmse_naive


def per_step_metrics(actual: np.ndarray, predicted: np.ndarray, last_price: np.ndarray) -> list[dict[str, float]]:
    """Return the metrics of each step ahead, with skill against the naive forecast of that step.

    Parameters
    ----------
    actual, predicted : ndarray of shape (N, K)
        Prices.
    last_price : ndarray of shape (N,)

    Returns
    -------
    list of K dicts
        Item k-1 contains ``step`` (k), rmse, mae, mape, directional_accuracy and skill for step k.
    """
    actual = np.asarray(actual, dtype=np.float64)
    predicted = np.asarray(predicted, dtype=np.float64)
    naive = naive_forecast(last_price, 1)
    steps = []
    for k in range(actual.shape[1]):
        metrics = regression_metrics(actual[:, k : k + 1], predicted[:, k : k + 1], last_price)
        naive_rmse = regression_metrics(actual[:, k : k + 1], naive, last_price)["rmse"]
        steps.append({"step": k + 1, **metrics, "skill": skill_score(metrics["rmse"], naive_rmse)})
    return steps


def summarize_seeds(runs: list[dict[str, float]]) -> dict[str, dict[str, float]]:
    """Return the mean and the sample standard deviation of each metric over seeds.

    ``runs`` contains one metrics dict per seed. The standard deviation uses
    ddof=1 and is NaN for a single seed.
    """
    names = [name for name in runs[0] if isinstance(runs[0][name], (int, float))]
    values = {name: np.array([run[name] for run in runs], dtype=np.float64) for name in names}
    mean = {name: float(np.mean(v)) for name, v in values.items()}
    std = {name: float(np.std(v, ddof=1)) if len(v) > 1 else float("nan") for name, v in values.items()}
    return {"mean": mean, "std": std}
