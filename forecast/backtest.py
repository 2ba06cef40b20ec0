"""Walk-forward (rolling-origin) backtest over the test period.

Shape key: N test samples, W window, F features, K horizon.

The test period is the one :func:`forecast.windows.make_windows` defines. It is
cut into blocks of ``retrain_every`` consecutive forecast origins. Before each
block the scalers are refitted and the model is retrained on the rows known at
the block's first origin. An expanding window uses every row from the first
one, and a sliding window the same number of rows as the first fit. The model
then forecasts the block. With
``retrain_every = 0`` the model is trained once, at the first test origin.
The baselines are scored on the same forecasts; the linear one is refitted
with the model.
"""

from __future__ import annotations

import logging
import math
import time
from dataclasses import asdict, dataclass, field, replace
from typing import TYPE_CHECKING, Callable

import numpy as np
import pandas as pd
import torch
from numpy.lib.stride_tricks import sliding_window_view
from torch import nn

from forecast.baselines import (
    BASELINE_NAMES,
    drift_forecast,
    fit_linear,
    linear_forecast,
    moving_average_forecast,
    price_windows,
)
from forecast.device import resolve_device
from forecast.diagnostics import diebold_mariano
from forecast.errors import ForecastError, TrainingCancelled
from forecast.evaluation import naive_forecast, regression_metrics, skill_score
from forecast.models import build_model
from forecast.training import fit, predict_batched
from forecast.windows import MIN_VAL_SAMPLES, SCALERS, Split, make_windows, targets_to_prices, transform_columns

if TYPE_CHECKING:
    from forecast.pipeline import ExperimentSettings

logger = logging.getLogger(__name__)

WINDOW_KINDS = ("expanding", "sliding")
# callback(done, total, name): after each trained block; returning True cancels.
BacktestCallback = Callable[[int, int, str], "bool | None"]


@dataclass
class BacktestSettings:
    """Retraining schedule and training rows of the walk-forward backtest."""

    retrain_every: int = 0  # test forecasts between retrains; 0 trains once at the first test origin
    window: str = "expanding"  # "expanding": all rows so far; "sliding": as many rows as the first fit
    refit_epochs: int | None = 3  # epochs of each retrain after the first, from the previous weights;
    #                               None retrains from scratch with the full training settings

    def __post_init__(self) -> None:
        if self.window not in WINDOW_KINDS:
            raise ForecastError("unknown_backtest_window", self.window, valid=", ".join(WINDOW_KINDS))
        if self.retrain_every < 0:
            raise ForecastError("setting_out_of_range", self.retrain_every, name="retrain_every", low=0,
                                high="the number of test forecasts")
        if self.refit_epochs is not None and self.refit_epochs < 1:
            raise ForecastError("setting_out_of_range", self.refit_epochs, name="refit_epochs", low=1, high=1000)


@dataclass
class BacktestResult:
    """Walk-forward forecasts and scores of models and baselines over the test period."""

    settings: BacktestSettings
    test: Split  # the test samples; their x are scaled with the first fit and not used here
    predictions: dict[str, np.ndarray]  # name -> (N, K) prices; models first, then baselines
    metrics: dict[str, dict]  # name -> rmse, mae, mape, directional_accuracy, skill, dm_pvalue
    retrain_dates: list[str]  # ISO date of the last known row at each (re)training
    seconds: float  # wall time of the whole backtest
    model_names: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        return {
            "settings": asdict(self.settings),
            "retrains": len(self.retrain_dates),
            "retrain_dates": self.retrain_dates,
            "seconds": self.seconds,
            "models": {name: self.metrics[name] for name in self.model_names},
            "baselines": {name: m for name, m in self.metrics.items() if name not in self.model_names},
        }


@dataclass
class _Series:
    """The unscaled model inputs and target of every row."""

    features: np.ndarray  # (n, F)
    target: np.ndarray  # (n,) level or log return
    prices: np.ndarray  # (n,) target prices
    dates: np.ndarray  # (n,) datetime64
    rows_known: int  # rows of the first fit (train + validation rows)
    blocks: list[np.ndarray] = field(default_factory=list)  # test sample indices of each block


def _training_samples(series: _Series, spec, last_row: int, first_row: int):
    """Return train and validation tensors from rows first_row..last_row, scaled features (n, F), target scaler."""
    W, K = spec.window, spec.horizon
    known = slice(first_row, last_row + 1)
    feature_scaler = SCALERS[spec.scaler]().fit(series.features[known])
    target_scaler = SCALERS[spec.scaler]().fit(series.target[known].reshape(-1, 1))
    scaled = feature_scaler.transform(series.features).astype(np.float32)  # (n, F)
    scaled_target = target_scaler.transform(series.target.reshape(-1, 1)).ravel().astype(np.float32)

    # Validation rows are the most recent share of the known rows, as in the standard split.
    n_rows = last_row + 1 - first_row
    n_val_rows = max(math.ceil(n_rows * spec.val_share / (1 - spec.test_share)), K + MIN_VAL_SAMPLES - 1)
    boundary = last_row + 1 - n_val_rows  # first validation row
    train_origins = np.arange(first_row + W - 1, boundary - K)  # all targets before the boundary
    val_origins = np.arange(max(boundary - 1, first_row + W - 1), last_row - K + 1)

    windows = sliding_window_view(scaled, W, axis=0).transpose(0, 2, 1)  # (n - W + 1, W, F)
    targets = sliding_window_view(scaled_target, K)  # (n - K + 1, K)

    def tensors(origins):
        x = np.ascontiguousarray(windows[origins - W + 1])
        y = np.ascontiguousarray(targets[origins + 1])
        return torch.from_numpy(x), torch.from_numpy(y)

    return tensors(train_origins), tensors(val_origins), scaled, target_scaler


def _first_row(series: _Series, last_row: int, window_kind: str) -> int:
    return 0 if window_kind == "expanding" else max(0, last_row + 1 - series.rows_known)


def _backtest_model(name, series, test, settings, backtest, device, report) -> np.ndarray:
    """Walk one model forward over the test blocks and return its forecasts (N, K)."""
    spec = settings.spec
    forecasts = np.empty_like(test.actual)
    model = None
    for block in series.blocks:
        last_row = int(test.origin[block[0]])
        first_row = _first_row(series, last_row, backtest.window)
        train, val, scaled, target_scaler = _training_samples(series, spec, last_row, first_row)
        train_settings = settings.train
        # NOTE: a warm-started retrain keeps weights learned under the previous scalers; the few
        # refit epochs adapt them to the refitted scaling rather than starting over.
        if model is None or backtest.refit_epochs is None:
            torch.manual_seed(settings.train.seed)
            model = build_model(settings.model_config(name)).to(device)
        else:
            train_settings = replace(settings.train, epochs=backtest.refit_epochs)
        fit(model, train, val, loss_fn=nn.MSELoss(), settings=train_settings, device=device)

        x = sliding_window_view(scaled, spec.window, axis=0).transpose(0, 2, 1)[test.origin[block] - spec.window + 1]
        output = predict_batched(model, torch.from_numpy(np.ascontiguousarray(x)).to(device)).float().cpu().numpy()
        forecasts[block] = targets_to_prices(output, test.last_price[block], target_scaler, spec.target_mode)
        if report(name):
            logger.info("backtest stopped by the caller during %s", name)
            raise TrainingCancelled()
    return forecasts


def _backtest_baselines(series, test, spec, names, window_kind) -> dict[str, np.ndarray]:
    """Forecast the test samples with the baselines; the linear one is refitted before each block."""
    horizon, window = spec.horizon, spec.window
    history = price_windows(series.prices, test.origin, window)  # (N, W)
    forecasts = {"naive": naive_forecast(test.last_price, horizon)}
    if "drift" in names:
        forecasts["drift"] = drift_forecast(history, horizon)
    if "moving_average" in names:
        forecasts["moving_average"] = moving_average_forecast(history, horizon)
    if "linear" in names:
        linear = np.empty_like(test.actual)
        for block in series.blocks:
            last_row = int(test.origin[block[0]])
            first_row = _first_row(series, last_row, window_kind)
            origins = np.arange(first_row + window - 1, last_row - horizon + 1)
            targets = sliding_window_view(series.prices, horizon)[origins + 1]
            model = fit_linear(price_windows(series.prices, origins, window), targets,
                               log_scale=bool(np.all(series.prices > 0)))
            linear[block] = linear_forecast(model, history[block])
        forecasts["linear"] = linear
    return forecasts


def _score(predictions: dict[str, np.ndarray], test: Split, horizon: int) -> dict[str, dict]:
    naive = predictions["naive"]
    naive_rmse = regression_metrics(test.actual, naive, test.last_price)["rmse"]
    scores = {}
    for name, predicted in predictions.items():
        metrics = regression_metrics(test.actual, predicted, test.last_price)
        metrics["skill"] = skill_score(metrics["rmse"], naive_rmse)
        if name != "naive":
            dm = diebold_mariano(test.actual - predicted, test.actual - naive, horizon)
            metrics["dm_pvalue"] = dm.pvalue
            metrics["dm_reading"] = dm.reading
        scores[name] = metrics
    return scores


def run_backtest(
    frame: pd.DataFrame,
    settings: ExperimentSettings,
    backtest: BacktestSettings,
    *,
    callback: BacktestCallback | None = None,
    baselines=BASELINE_NAMES,
) -> BacktestResult:
    """Walk every model of ``settings`` forward over the test period of ``frame``.

    Parameters
    ----------
    frame : DataFrame
        Canonical price frame, as for :func:`forecast.pipeline.run_experiment`.
    settings : ExperimentSettings
        Models, window spec and training settings (the first seed only).
    backtest : BacktestSettings
    callback : callable, optional
        ``callback(done, total, model_name)`` after each trained block, where
        total is models x blocks; returning True raises ``TrainingCancelled``.
    baselines : iterable of str
        Baselines scored beside the models; "naive" is always included.

    Returns
    -------
    BacktestResult
    """
    spec = settings.spec
    device = resolve_device(settings.device)
    test = make_windows(frame, spec).test
    features, target, rows = transform_columns(frame, spec)
    step = backtest.retrain_every or len(test)
    blocks = [np.arange(start, min(start + step, len(test))) for start in range(0, len(test), step)]
    series = _Series(features, target, rows[spec.target].to_numpy(np.float64), rows.index.to_numpy(),
                     rows_known=int(test.origin[0]) + 1, blocks=blocks)
    total = len(settings.models) * len(blocks)
    done = 0
    started = time.perf_counter()
    logger.info("backtest start: %d models, %d test forecasts, %d blocks, %s window",
                len(settings.models), len(test), len(blocks), backtest.window)

    def report(name: str) -> bool | None:
        nonlocal done
        done += 1
        return callback(done, total, name) if callback is not None else None

    predictions = {}
    for name in settings.models:
        predictions[name] = _backtest_model(name, series, test, settings, backtest, device, report)
    predictions.update(_backtest_baselines(series, test, spec, set(baselines), backtest.window))

    seconds = time.perf_counter() - started
    logger.info("backtest end: %d trainings in %.1fs", total, seconds)
    retrain_dates = [pd.Timestamp(series.dates[test.origin[block[0]]]).date().isoformat() for block in blocks]
    return BacktestResult(backtest, test, predictions, _score(predictions, test, spec.horizon), retrain_dates,
                          seconds, tuple(settings.models))
