"""Train several regressors on one price table and score them against the baseline.

This is the API the command line and the app share: a price frame and
:class:`ExperimentSettings` in, an :class:`ExperimentResult` out.
"""

from __future__ import annotations

import logging
import time
from dataclasses import asdict, dataclass, field, replace
from typing import Callable

import numpy as np
import pandas as pd
import torch
from torch import nn

import forecast
from forecast.backtest import BacktestCallback, BacktestResult, BacktestSettings, run_backtest
from forecast.baselines import BASELINE_NAMES, baseline_forecasts, check_baseline_names, price_series
from forecast.device import describe_device, resolve_device
from forecast.diagnostics import diebold_mariano, lag_check
from forecast.errors import ForecastError
from forecast.evaluation import naive_forecast, per_step_metrics, regression_metrics, skill_score, summarize_seeds
from forecast.intervals import ConformalIntervals, fit_conformal, interval_report
from forecast.models import MODEL_KINDS, MODEL_LABELS, ModelConfig, build_model, count_parameters
from forecast.training import FitResult, Progress, TrainSettings, fit, predict_batched
from forecast.windows import WindowedData, WindowSpec, make_windows

logger = logging.getLogger(__name__)


@dataclass
class ExperimentSettings:
    """Everything one comparison run needs besides the price table."""

    spec: WindowSpec = field(default_factory=WindowSpec)
    models: tuple[str, ...] = ("gru", "lstm", "bilstm")  # any subset of MODEL_KINDS, in this order
    hidden_size: int = 64  # units per direction and layer
    num_layers: int = 1  # stacked recurrent layers
    dropout: float = 0.0  # between layers and in the head
    impl: str = "fused"  # "fused" (torch layers) or "cell" (from-scratch cells)
    train: TrainSettings = field(default_factory=TrainSettings)
    device: str = "auto"  # "auto", "cpu", "cuda" or "mps"
    baselines: tuple[str, ...] = BASELINE_NAMES  # baselines scored beside the models; "naive" is always kept
    seeds: int = 1  # models trained per kind, with seeds train.seed, train.seed + 1, ...
    leak_demo: bool = False  # also train every model with scalers fitted on the whole series (teaching only)
    backtest: BacktestSettings | None = None  # walk-forward backtest after the main run; None skips it

    def __post_init__(self) -> None:
        self.models = tuple(self.models)
        self.baselines = check_baseline_names(self.baselines)
        if not 1 <= self.seeds <= 100:
            raise ForecastError("setting_out_of_range", self.seeds, name="seeds", low=1, high=100)
        if not self.models:
            raise ForecastError("no_models", valid=", ".join(MODEL_KINDS))
        for name in self.models:
            if name not in MODEL_KINDS:
                raise ForecastError("unknown_model", name, valid=", ".join(MODEL_KINDS))
        if len(set(self.models)) != len(self.models):
            duplicate = next(name for name in self.models if self.models.count(name) > 1)
            raise ForecastError("duplicate_model", duplicate)
        for name, value, low, high in (
            ("hidden_size", self.hidden_size, 1, 4096),
            ("num_layers", self.num_layers, 1, 16),
        ):
            if not isinstance(value, int) or not low <= value <= high:
                raise ForecastError("setting_out_of_range", value, name=name, low=low, high=high)
        if not 0 <= self.dropout < 1:
            raise ForecastError("setting_out_of_range", self.dropout, name="dropout", low=0, high="1 (exclusive)")

    def model_config(self, name: str) -> ModelConfig:
        return ModelConfig(
            name=name,
            input_size=len(self.spec.features),
            horizon=self.spec.horizon,
            hidden_size=self.hidden_size,
            num_layers=self.num_layers,
            dropout=self.dropout,
            impl=self.impl,
        )

    def to_dict(self) -> dict:
        data = asdict(self)
        data["spec"] = self.spec.to_dict()
        data["models"] = list(self.models)
        data["baselines"] = list(self.baselines)
        return data

    def seed_list(self) -> list[int]:
        """Return the training seeds, the first being ``train.seed``."""
        return [self.train.seed + offset for offset in range(self.seeds)]


@dataclass
class ModelRun:
    """One trained model with its test predictions and scores.

    With several seeds, ``model``, ``fit``, ``predictions`` and ``metrics``
    belong to the first seed (``settings.train.seed``); ``seed_predictions``
    and ``seed_metrics`` hold every seed, the first included.
    """

    name: str  # "gru", "lstm" or "bilstm"
    model: nn.Module  # best weights, in eval mode
    config: ModelConfig
    fit: FitResult
    predictions: np.ndarray  # (N, K) test forecasts in price units
    metrics: dict[str, float]  # rmse, mae, mape, directional_accuracy, skill
    parameters: int
    val_predictions: np.ndarray | None = None  # (N_val, K) validation forecasts in price units
    seeds: list[int] = field(default_factory=list)  # training seed of each entry below
    seed_predictions: list[np.ndarray] = field(default_factory=list)  # per seed, (N, K)
    seed_metrics: list[dict[str, float]] = field(default_factory=list)  # per seed, as ``metrics``
    intervals: ConformalIntervals | None = None  # split-conformal intervals calibrated on validation
    diagnostics: dict = field(default_factory=dict)  # dm, lag, intervals and per-step figures (JSON-ready)

    @property
    def label(self) -> str:
        return MODEL_LABELS[self.name]

    def seed_band(self) -> tuple[np.ndarray, np.ndarray]:
        """Return the mean (N, K) and standard deviation (N, K) of the forecasts over seeds.

        The standard deviation is 0 with a single seed.
        """
        stacked = np.stack(self.seed_predictions or [self.predictions])  # (seeds, N, K)
        spread = stacked.std(axis=0, ddof=1) if len(stacked) > 1 else np.zeros_like(stacked[0])
        return stacked.mean(axis=0), spread

    def seed_summary(self) -> dict:
        """Return ``{"count", "seeds", "mean", "std"}`` of every metric over seeds."""
        runs = self.seed_metrics or [self.metrics]
        summary = summarize_seeds(runs)
        std = {name: (value if np.isfinite(value) else None) for name, value in summary["std"].items()}
        return {"count": len(runs), "seeds": list(self.seeds), "mean": summary["mean"], "std": std}


@dataclass
class LeakageDemo:
    """The same models trained with scalers fitted on the training rows and on every row."""

    clean: dict[str, dict[str, float]]  # model -> test metrics with the scalers fitted on training rows
    leaky: dict[str, dict[str, float]]  # model -> test metrics with the scalers fitted on every row
    leaky_predictions: dict[str, np.ndarray]  # model -> (N, K) forecasts of the leaky run
    scaler_range: dict[str, list[float]]  # "clean"/"leaky" -> the target scaler's fitted [low, high]

    def to_dict(self) -> dict:
        return {
            "models": {name: {"clean": self.clean[name], "leaky": self.leaky[name]} for name in self.clean},
            "target_scaler_range": self.scaler_range,
        }


@dataclass
class ExperimentResult:
    """Models and baselines scored on the same test windows."""

    settings: ExperimentSettings
    data: WindowedData
    runs: dict[str, ModelRun]
    baselines: dict[str, dict]  # name -> {"predictions": (N, K), "metrics": {...}}, "naive" first
    device: str  # readable name of the device that trained the models
    first_date: pd.Timestamp
    last_date: pd.Timestamp
    frame: pd.DataFrame | None = None  # the price frame the experiment ran on
    leakage: LeakageDemo | None = None  # set when ``settings.leak_demo`` is on
    backtest: BacktestResult | None = None  # set when ``settings.backtest`` is given

    def metrics_dict(self) -> dict:
        """Return the content of ``metrics.json``."""
        spec = self.data.spec
        models = {
            name: {
                **run.metrics,
                "train_seconds": run.fit.seconds,
                "epochs": run.fit.epochs_run,
                "parameters": run.parameters,
                "best_val_loss": run.fit.best_val_loss,
                "stopped_early": run.fit.stopped_early,
                **run.diagnostics,
                "seeds": run.seed_summary(),
            }
            for name, run in self.runs.items()
        }
        baselines = {
            name: {**b["metrics"], **b.get("diagnostics", {})} for name, b in self.baselines.items()
        }
        metrics = {
            "target": spec.target,
            "features": list(spec.features),
            "window": spec.window,
            "horizon": spec.horizon,
            "target_mode": spec.target_mode,
            "device": self.device,
            "rows": {period: len(getattr(self.data, period)) for period in ("train", "val", "test")},
            "first_date": self.first_date.date().isoformat(),
            "last_date": self.last_date.date().isoformat(),
            "test_start": _iso(self.data.test.dates[0, 0]),
            "test_end": _iso(self.data.test.dates[-1, -1]),
            "models": models,
            "baselines": baselines,
            "settings": self.settings.to_dict(),
            "versions": {"forecast": forecast.__version__, "torch": str(torch.__version__), "numpy": str(np.__version__)},
        }
        if self.leakage is not None:
            metrics["leakage"] = self.leakage.to_dict()
        if self.backtest is not None:
            metrics["backtest"] = self.backtest.to_dict()
        return metrics

    def predictions_frame(self) -> pd.DataFrame:
        """Return test predictions: date, actual, one column per model and baseline.

        With a horizon above 1 there is one row per forecast origin and step,
        and a ``step`` column (1 = the day after the origin).
        """
        test = self.data.test
        horizon = test.actual.shape[1]
        columns = {"date": pd.to_datetime(test.dates.ravel())}
        if horizon > 1:
            columns["step"] = np.tile(np.arange(1, horizon + 1), len(test))
        columns["actual"] = test.actual.ravel()
        for name, run in self.runs.items():
            columns[name] = run.predictions.ravel()
        for name, baseline in self.baselines.items():
            columns[name] = baseline["predictions"].ravel()
        return pd.DataFrame(columns)


def _iso(value) -> str:
    return pd.Timestamp(value).date().isoformat()


ProgressCallback = Callable[[str, Progress], "bool | None"]


def baseline_predictions(data: WindowedData, frame: pd.DataFrame | None = None,
                         names=BASELINE_NAMES) -> dict[str, np.ndarray]:
    """Return each baseline's test forecasts (N, K) in price units, "naive" first.

    Without ``frame`` only the naive baseline can be built, because the
    others need the price windows.
    """
    if frame is None:
        return {"naive": naive_forecast(data.test.last_price, data.spec.horizon)}
    prices = price_series(frame, data)
    return baseline_forecasts(prices, data.train, data.test, data.spec.window, names)


def train_one(
    name: str,
    data: WindowedData,
    settings: ExperimentSettings,
    device: torch.device,
    callback: ProgressCallback | None = None,
) -> tuple[nn.Module, ModelConfig, FitResult]:
    """Build and train one regressor on ``data`` with ``settings.train.seed``; return it with its fit record."""
    config = settings.model_config(name)
    torch.manual_seed(settings.train.seed)  # identical initial weights for a given seed
    model = build_model(config).to(device)

    def report(progress: Progress) -> bool | None:
        return callback(name, progress) if callback is not None else None

    def as_tensors(split):
        return torch.from_numpy(split.x), torch.from_numpy(split.y)

    result = fit(
        model,
        as_tensors(data.train),
        as_tensors(data.val),
        loss_fn=nn.MSELoss(),
        settings=settings.train,
        device=device,
        callback=report,
    )
    return model, config, result


def predict_prices(model: nn.Module, data: WindowedData, device: torch.device, period: str = "test") -> np.ndarray:
    """Forecast every sample of ``period`` ("test" or "val") and return prices (N, K)."""
    split = getattr(data, period)
    output = predict_batched(model, torch.from_numpy(split.x).to(device))
    with np.errstate(over="ignore", invalid="ignore"):
        prices = data.to_prices(output.float().cpu().numpy(), split.last_price)
    if not np.all(np.isfinite(prices)):
        label = MODEL_LABELS.get(getattr(getattr(model, "config", None), "name", ""), type(model).__name__)
        raise ForecastError("prediction_not_finite", label, high=float(np.max(np.abs(split.actual))))
    return prices


def score_against_naive(predicted: np.ndarray, data: WindowedData, naive: np.ndarray,
                        prices: np.ndarray | None) -> tuple[dict[str, float], dict]:
    """Return the test metrics (with skill) and the diagnostics of one forecast (N, K).

    Diagnostics: the Diebold-Mariano test against ``naive`` (skipped when the
    forecast is the naive one), the lag check (needs ``prices``) and per-step
    metrics.
    """
    test = data.test
    horizon = data.spec.horizon
    metrics = regression_metrics(test.actual, predicted, test.last_price)
    naive_rmse = regression_metrics(test.actual, naive, test.last_price)["rmse"]
    metrics["skill"] = skill_score(metrics["rmse"], naive_rmse)

    diagnostics: dict = {"per_step": per_step_metrics(test.actual, predicted, test.last_price)}
    if predicted is not naive:
        dm = diebold_mariano(test.actual - predicted, test.actual - naive, horizon)
        diagnostics.update(dm_pvalue=dm.to_dict()["pvalue"], dm_statistic=dm.to_dict()["statistic"],
                           dm_reading=dm.reading)
    if prices is not None:
        diagnostics["lag"] = lag_check(predicted, prices, test.origin).to_dict()
    return metrics, diagnostics


def train_seeds(name, data, settings, device, callback, naive, prices) -> ModelRun:
    """Train model ``name`` once per seed and return the first seed's run with every seed's figures."""
    seeds = settings.seed_list()
    first = None
    for seed in seeds:
        seeded = replace(settings, train=replace(settings.train, seed=seed))
        model, config, result = train_one(name, data, seeded, device, callback)
        predictions = predict_prices(model, data, device)
        metrics, diagnostics = score_against_naive(predictions, data, naive, prices)
        if first is None:
            first = ModelRun(name, model, config, result, predictions, metrics, count_parameters(model),
                             val_predictions=predict_prices(model, data, device, "val"), diagnostics=diagnostics)
        first.seeds.append(seed)
        first.seed_predictions.append(predictions)
        first.seed_metrics.append(metrics)
        if len(seeds) > 1:
            logger.info("%s seed %d: rmse %.4f, skill %.4f", name, seed, metrics["rmse"], metrics["skill"])

    # Split-conformal intervals from the first seed's validation residuals.
    first.intervals = fit_conformal(data.val.actual, first.val_predictions)
    first.diagnostics.update(interval_report(first.intervals, data.test.actual, first.predictions))
    return first


def leakage_demo(frame: pd.DataFrame, settings: ExperimentSettings, clean: WindowedData,
                 runs: dict[str, ModelRun], device: torch.device) -> LeakageDemo:
    """Train each model again with the scalers fitted on every row and compare the test scores."""
    leaky_data = make_windows(frame, settings.spec, leak=True)
    naive = naive_forecast(leaky_data.test.last_price, settings.spec.horizon)
    leaky_metrics, leaky_predictions = {}, {}
    for name in runs:
        model, _, _ = train_one(name, leaky_data, settings, device)
        predictions = predict_prices(model, leaky_data, device)
        leaky_metrics[name], _ = score_against_naive(predictions, leaky_data, naive, None)
        leaky_predictions[name] = predictions

    def scaler_range(data: WindowedData) -> list[float]:
        scaler = data.target_scaler
        if hasattr(scaler, "data_min_"):
            return [float(scaler.data_min_[0]), float(scaler.data_max_[0])]
        return [float(scaler.mean_[0] - scaler.scale_[0]), float(scaler.mean_[0] + scaler.scale_[0])]

    clean_metrics = {name: run.metrics for name, run in runs.items()}
    ranges = {"clean": scaler_range(clean), "leaky": scaler_range(leaky_data)}
    return LeakageDemo(clean_metrics, leaky_metrics, leaky_predictions, ranges)


def run_experiment(
    frame: pd.DataFrame,
    settings: ExperimentSettings,
    *,
    callback: ProgressCallback | None = None,
    leak: bool = False,
    backtest_callback: BacktestCallback | None = None,
) -> ExperimentResult:
    """Train each model in ``settings.models`` on ``frame`` and score it on the test period.

    Parameters
    ----------
    frame : DataFrame
        Canonical price frame from ``forecast.prices``.
    settings : ExperimentSettings
        Besides the models: the baselines, the number of seeds, the leakage
        demonstration and the walk-forward backtest to run.
    callback : callable, optional
        ``callback(model_name, progress)`` after every validation; returning
        True cancels the run (``TrainingCancelled``), keeping nothing.
    leak : bool
        Teaching experiment: fit the scalers of the main run on the whole
        series. ``settings.leak_demo`` runs both ways instead.
    backtest_callback : callable, optional
        ``callback(done, total, model_name)`` after each backtest block.

    Returns
    -------
    ExperimentResult
    """
    device = resolve_device(settings.device)
    data = make_windows(frame, settings.spec, leak=leak)
    started = time.perf_counter()
    logger.info(
        "experiment start: models %s, %d rows, window %d, horizon %d, target %s (%s), %d seed(s), device %s",
        ",".join(settings.models), len(frame), settings.spec.window, settings.spec.horizon,
        settings.spec.target, settings.spec.target_mode, settings.seeds, device,
    )

    prices = price_series(frame, data)
    baselines = {}
    forecasts = baseline_predictions(data, frame, settings.baselines)
    naive = forecasts["naive"]
    for name, predicted in forecasts.items():
        metrics, diagnostics = score_against_naive(predicted, data, naive, prices)
        baselines[name] = {"predictions": predicted, "metrics": metrics, "diagnostics": diagnostics}

    runs = {name: train_seeds(name, data, settings, device, callback, naive, prices) for name in settings.models}
    leakage = leakage_demo(frame, settings, data, runs, device) if settings.leak_demo and not leak else None
    backtest = None
    if settings.backtest is not None:
        backtest = run_backtest(frame, settings, settings.backtest, callback=backtest_callback,
                                baselines=settings.baselines)

    logger.info("experiment end: %d models in %.1fs", len(runs), time.perf_counter() - started)
    return ExperimentResult(
        settings=settings,
        data=data,
        runs=runs,
        baselines=baselines,
        device=describe_device(device),
        first_date=frame.index[0],
        last_date=frame.index[-1],
        frame=frame,
        leakage=leakage,
        backtest=backtest,
    )
