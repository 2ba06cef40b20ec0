"""Train several regressors on one price table and score them against the baseline.

This is the API the command line and the app share: a price frame and
:class:`ExperimentSettings` in, an :class:`ExperimentResult` out.
"""

from __future__ import annotations

import logging
import time
from dataclasses import asdict, dataclass, field
from typing import Callable

import numpy as np
import pandas as pd
import torch
from torch import nn

import forecast
from forecast.device import describe_device, resolve_device
from forecast.errors import ForecastError
from forecast.evaluation import naive_forecast, regression_metrics, skill_score
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

    def __post_init__(self) -> None:
        self.models = tuple(self.models)
        if not self.models:
            raise ForecastError("no_models", valid=", ".join(MODEL_KINDS))
        for name in self.models:
            if name not in MODEL_KINDS:
                raise ForecastError("unknown_model", name, valid=", ".join(MODEL_KINDS))

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
        return data


@dataclass
class ModelRun:
    """One trained model with its test predictions and scores."""

    name: str  # "gru", "lstm" or "bilstm"
    model: nn.Module  # best weights, in eval mode
    config: ModelConfig
    fit: FitResult
    predictions: np.ndarray  # (N, K) test forecasts in price units
    metrics: dict[str, float]  # rmse, mae, mape, directional_accuracy, skill
    parameters: int

    @property
    def label(self) -> str:
        return MODEL_LABELS[self.name]


@dataclass
class ExperimentResult:
    """Models and baselines scored on the same test windows."""

    settings: ExperimentSettings
    data: WindowedData
    runs: dict[str, ModelRun]
    baselines: dict[str, dict]  # name -> {"predictions": (N, K), "metrics": {...}}
    device: str  # readable name of the device that trained the models
    first_date: pd.Timestamp
    last_date: pd.Timestamp

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
            }
            for name, run in self.runs.items()
        }
        return {
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
            "baselines": {name: dict(b["metrics"]) for name, b in self.baselines.items()},
            "settings": self.settings.to_dict(),
            "versions": {"forecast": forecast.__version__, "torch": str(torch.__version__), "numpy": str(np.__version__)},
        }

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


def baseline_predictions(data: WindowedData) -> dict[str, np.ndarray]:
    """Return each baseline's test forecasts (N, K) in price units."""
    return {"naive": naive_forecast(data.test.last_price, data.spec.horizon)}


def train_one(
    name: str,
    data: WindowedData,
    settings: ExperimentSettings,
    device: torch.device,
    callback: ProgressCallback | None = None,
) -> tuple[nn.Module, ModelConfig, FitResult]:
    """Build and train one regressor on ``data``; return it with its fit record."""
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


def predict_prices(model: nn.Module, data: WindowedData, device: torch.device) -> np.ndarray:
    """Forecast every test sample and return prices (N, K)."""
    output = predict_batched(model, torch.from_numpy(data.test.x).to(device))
    return data.to_prices(output.float().cpu().numpy(), data.test.last_price)


def run_experiment(
    frame: pd.DataFrame,
    settings: ExperimentSettings,
    *,
    callback: ProgressCallback | None = None,
    leak: bool = False,
) -> ExperimentResult:
    """Train each model in ``settings.models`` on ``frame`` and score it on the test period.

    Parameters
    ----------
    frame : DataFrame
        Canonical price frame from ``forecast.prices``.
    settings : ExperimentSettings
    callback : callable, optional
        ``callback(model_name, progress)`` after every validation; returning
        True cancels the run (``TrainingCancelled``), keeping nothing.
    leak : bool
        Teaching experiment: fit the scalers on the whole series.

    Returns
    -------
    ExperimentResult
    """
    device = resolve_device(settings.device)
    data = make_windows(frame, settings.spec, leak=leak)
    started = time.perf_counter()
    logger.info(
        "experiment start: models %s, %d rows, window %d, horizon %d, target %s (%s), device %s",
        ",".join(settings.models), len(frame), settings.spec.window, settings.spec.horizon,
        settings.spec.target, settings.spec.target_mode, device,
    )

    baselines = {}
    for name, predicted in baseline_predictions(data).items():
        metrics = regression_metrics(data.test.actual, predicted, data.test.last_price)
        baselines[name] = {"predictions": predicted, "metrics": metrics}
    naive_rmse = baselines["naive"]["metrics"]["rmse"]

    runs = {}
    for name in settings.models:
        model, config, result = train_one(name, data, settings, device, callback)
        predictions = predict_prices(model, data, device)
        metrics = regression_metrics(data.test.actual, predictions, data.test.last_price)
        metrics["skill"] = skill_score(metrics["rmse"], naive_rmse)
        runs[name] = ModelRun(name, model, config, result, predictions, metrics, count_parameters(model))

    logger.info("experiment end: %d models in %.1fs", len(runs), time.perf_counter() - started)
    return ExperimentResult(
        settings=settings,
        data=data,
        runs=runs,
        baselines=baselines,
        device=describe_device(device),
        first_date=frame.index[0],
        last_date=frame.index[-1],
    )
