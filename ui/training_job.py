"""Training in a background thread, so the page stays live and a Stop button works.

Streamlit runs the page script again on every click. Training inside that
script would be cut off by any click, so each session runs its training in
its own :class:`TrainingJob` thread instead. The page polls the job for
progress, and the Stop button sets an event that the per-epoch callback
returns, which makes ``forecast.training.fit`` raise ``TrainingCancelled``.
The job never touches Streamlit: it shares plain Python objects under a lock.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

import pandas as pd

from forecast import pipeline
from forecast.errors import ForecastError
from forecast.messages import Message
from forecast.device import set_cpu_threads
from forecast.persistence import forecast_next, load_model, model_bytes
from forecast.pipeline import ExperimentResult, ExperimentSettings
from forecast.training import Progress
from ui.background_job import BackgroundJob

logger = logging.getLogger(__name__)

def limit_torch_threads() -> None:
    """Set torch's CPU thread count for the app process (``FORECAST_TORCH_THREADS``, default 1)."""
    set_cpu_threads()


@dataclass
class TrainedResult:
    """One finished comparison, everything the results view draws."""

    result: ExperimentResult
    data_label: Message  # name of the data, such as "GOOG (sample)" or an upload's file name
    history: pd.DataFrame  # (rows, 1) the target column of the training data, for the forecast chart
    model_files: dict[str, bytes]  # model name -> model file content
    next_forecasts: dict[str, pd.DataFrame]  # model name -> date, forecast (the horizon after the last date)
    forecast_errors: dict[str, ForecastError] = field(default_factory=dict)  # model name -> why no forecast


def finish_result(result: ExperimentResult, frame: pd.DataFrame, data_label: Message) -> TrainedResult:
    """Save each model to bytes, load it back and forecast the days after the last date.

    The round trip through the model file makes the forecast shown on screen
    come from exactly what the user downloads.
    """
    data = result.data
    files, forecasts, errors = {}, {}, {}
    for name, run in result.runs.items():
        metadata = {
            "metrics": run.metrics,
            "last_date": result.last_date.date().isoformat(),
            "rows": int(len(frame)),
        }
        files[name] = model_bytes(run.model.cpu(), data.spec, data.feature_scaler, data.target_scaler, metadata)
        try:
            forecasts[name] = forecast_next(load_model(files[name]), frame)
        except ForecastError as error:
            logger.warning("no next-day forecast for %s: %s", name, error.key)
            errors[name] = error
    history = frame[[data.spec.target]].copy()
    return TrainedResult(result, data_label, history, files, forecasts, errors)


class TrainingJob(BackgroundJob):
    """One training run of one session, in its own thread.

    Parameters
    ----------
    frame : DataFrame
        Canonical price frame (a private copy is kept).
    settings : ExperimentSettings
    data_label : Message
        Name of the data shown with the results.
    """

    def __init__(self, frame: pd.DataFrame, settings: ExperimentSettings, data_label: Message) -> None:
        super().__init__("training-job", f"training job on {len(frame)} rows")
        self.frame = frame.copy()
        self.settings = settings
        self.data_label = data_label
        self._history: dict[str, list[Progress]] = {name: [] for name in settings.models}  # current seed only
        self._finished_seeds: dict[str, int] = {name: 0 for name in settings.models}

    def snapshot(self) -> tuple[str | None, dict[str, list[Progress]], dict[str, int]]:
        """Return the model in training, each model's progress in its current seed, and its finished seeds."""
        with self._lock:
            histories = {name: list(history) for name, history in self._history.items()}
            return self._current, histories, dict(self._finished_seeds)

    def _on_progress(self, name: str, progress: Progress) -> bool:
        with self._lock:
            self._current = name
            history = self._history[name]
            if history and progress.step <= history[-1].step:
                # The step count restarted: the next seed of the same model began.
                self._finished_seeds[name] += 1
                history.clear()
            history.append(progress)
        return self._stop.is_set()

    def _work(self) -> TrainedResult:
        result = pipeline.run_experiment(self.frame, self.settings, callback=self._on_progress)
        return finish_result(result, self.frame, self.data_label)
