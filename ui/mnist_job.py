"""MNIST training in a background thread, and the MNIST tab's session state.

The job follows the prices tab's design. Streamlit reruns the page on every
click, so training runs in its own thread and the page polls it for progress.
The Stop button sets an event that the progress callback returns, which makes
``forecast.training.fit`` raise ``TrainingCancelled``. The job itself never
touches Streamlit.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

import numpy as np
import streamlit as st
import torch
from sklearn.model_selection import train_test_split

from forecast.device import describe_device
from forecast.mnist import VALIDATION_SHARE, MnistResult, MnistSettings, resolve_settings, train_mnist
from forecast.mnist_data import MnistData
from forecast.training import Progress
from ui.background_job import BackgroundJob, JobSlot

logger = logging.getLogger(__name__)

JOB = "mnist_job"  # MnistJob in progress, or finished but not yet collected
RUN = "mnist_run"  # MnistRun of the last successful training
NOTICE = "mnist_notice"  # Notice about the last training run


@dataclass(frozen=True)
class TrainRequest:
    """Settings of one training run requested with the Train button."""

    models: tuple[str, ...]  # among "gru", "lstm", "bilstm"
    preset: str  # "textbook" or "fast"
    impl: str  # "fused" or "cell"
    device: torch.device
    seed: int
    train_digits: int  # training digits used, validation share included
    overrides: dict = field(default_factory=dict)  # MnistSettings fields replacing the preset's values
    compile: bool = False  # for impl "cell": run the cell steps through torch.compile

    @property
    def settings(self) -> MnistSettings:
        return resolve_settings(self.preset, **self.overrides)


@dataclass
class MnistRun:
    """One finished training of the MNIST tab: everything its results view draws."""

    results: dict[str, MnistResult]  # model name -> scores, history and trained model
    request: TrainRequest
    data_source: str  # "sample" or the folder the digits came from
    train_digits: int  # digits the training used (validation share included)
    test_images: np.ndarray  # (N_test, 28, 28) uint8
    test_labels: np.ndarray  # (N_test,) int64
    device: str  # readable device label, such as "cpu"


def subset_training(data: MnistData, digits: int, seed: int) -> MnistData:
    """Return ``data`` with only ``digits`` training digits, stratified by class when possible.

    The test digits stay complete, so scores from subsets remain comparable.
    """
    total = len(data.train_labels)
    if digits >= total:
        return data
    counts = np.bincount(data.train_labels, minlength=10)
    classes = int((counts > 0).sum())
    # scikit-learn stratifies only with two digits of each class and room for every class on both sides.
    can_stratify = counts[counts > 0].min() >= 2 and min(digits, total - digits) >= classes
    stratify = data.train_labels if can_stratify else None
    chosen, _ = train_test_split(np.arange(total), train_size=digits, stratify=stratify, random_state=seed)
    chosen = np.sort(chosen)
    return MnistData(
        data.train_images[chosen], data.train_labels[chosen], data.test_images, data.test_labels, data.source
    )


def planned_steps(train_digits: int, settings: MnistSettings) -> int:
    """Return the optimiser steps one model will take: epochs times batches per epoch."""
    fitted = train_digits - max(1, round(VALIDATION_SHARE * train_digits))
    return settings.epochs * -(-fitted // settings.batch_size)  # ceiling division


class MnistJob(BackgroundJob):
    """One MNIST training of one session, in its own thread.

    Parameters
    ----------
    data : MnistData
        The digits, already cut to ``request.train_digits``.
    request : TrainRequest
    """

    def __init__(self, data: MnistData, request: TrainRequest) -> None:
        super().__init__("mnist-training-job", f"MNIST job on {len(data.train_labels)} training digits")
        self.data = data
        self.request = request
        self.settings = request.settings
        self.total_steps = planned_steps(len(data.train_labels), self.settings)
        self._history: dict[str, list[Progress]] = {name: [] for name in request.models}

    def snapshot(self) -> tuple[str | None, dict[str, list[Progress]]]:
        """Return the model in training and each model's validation reports so far."""
        with self._lock:
            return self._current, {name: list(history) for name, history in self._history.items()}

    def _on_progress(self, name: str, progress: Progress) -> bool:
        with self._lock:
            self._current = name
            self._history[name].append(progress)
        return self._stop.is_set()

    def _work(self) -> MnistRun:
        request = self.request
        results = train_mnist(
            self.data, request.models, preset=request.preset, impl=request.impl, device=request.device,
            seed=request.seed, compile=request.compile, callback=self._on_progress, **request.overrides,
        )
        return MnistRun(
            results, request, self.data.source, len(self.data.train_labels), self.data.test_images,
            self.data.test_labels, describe_device(request.device),
        )


# ---------------------------------------------------------------------------
# Session state
# ---------------------------------------------------------------------------


_SLOT = JobSlot(JOB, RUN, NOTICE)
current_job = _SLOT.current_job
job_running = _SLOT.job_running
start_job = _SLOT.start_job
collect_finished_job = _SLOT.collect_finished_job


def finished_run() -> MnistRun | None:
    return st.session_state.get(RUN)
