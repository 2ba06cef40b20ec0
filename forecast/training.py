"""One training loop for every model: regressors and the MNIST classifier.

Data arrive as tensors and move to the device once; mini-batches are index
slices of those tensors, so the hot loop runs no per-sample Python.

Device settings: on CUDA the loop turns on ``torch.backends.cudnn.benchmark``
(the batch shape is fixed, so cuDNN's autotuning pays off) and can train
under float16 autocast with gradient scaling (``TrainSettings.amp``, off by
default). On MPS, float64 inputs become float32, because MPS has no float64.
The loss of each step stays on the device and is read back once per
validation report, so a GPU does not wait for the host after every step.
"""

from __future__ import annotations

import copy
import logging
import math
import time
from dataclasses import dataclass, field
from typing import Callable

import torch
from torch import nn

from forecast.errors import ForecastError, TrainingCancelled

logger = logging.getLogger(__name__)

OPTIMIZERS = ("adam", "sgd")


@dataclass
class TrainSettings:
    """Optimiser and loop settings shared by all models."""

    epochs: int = 50  # upper bound; early stopping may end sooner
    batch_size: int = 64  # samples per optimiser step
    lr: float = 1e-3  # learning rate
    optimizer: str = "adam"  # "adam" or "sgd"
    weight_decay: float = 0.0  # L2 penalty passed to the optimiser
    clip_norm: float | None = 1.0  # max gradient norm; None turns clipping off
    patience: int | None = 10  # validations without improvement before stopping; None never stops early
    seed: int = 0  # seeds shuffling, dropout and weight init
    eval_every: int | None = None  # validate every N optimiser steps; None validates once per epoch
    # NOTE: mixed precision is untested on a GPU here, and whether it keeps the
    # metrics within tolerance is unmeasured, so it stays off by default.
    amp: bool = False  # CUDA only: float16 autocast with gradient scaling; ignored on CPU and MPS

    def __post_init__(self) -> None:
        if self.optimizer.lower() not in OPTIMIZERS:
            raise ForecastError("unknown_optimizer", self.optimizer, valid=", ".join(OPTIMIZERS))
        for name, value, low, high in (
            ("epochs", self.epochs, 1, 100_000),
            ("batch_size", self.batch_size, 1, 1_000_000),
            ("seed", self.seed, 0, 2**32 - 1),
        ):
            if not isinstance(value, int) or not low <= value <= high:
                raise ForecastError("setting_out_of_range", value, name=name, low=low, high=high)
        if not (math.isfinite(self.lr) and 0 < self.lr <= 1e6):
            raise ForecastError("setting_out_of_range", self.lr, name="lr", low="0 (exclusive)", high=1e6)
        if self.patience is not None and self.patience < 1:
            raise ForecastError("setting_out_of_range", self.patience, name="patience", low=1, high="epochs")
        if not (math.isfinite(self.weight_decay) and self.weight_decay >= 0):
            raise ForecastError("setting_out_of_range", self.weight_decay, name="weight_decay", low=0, high="inf")


@dataclass
class Progress:
    """Progress report passed to the callback after every validation."""

    epoch: int  # 1-based epoch in progress or just finished
    epochs: int  # planned epochs
    step: int  # optimiser steps so far
    train_loss: float  # mean training loss since the previous report
    val_loss: float | None  # validation loss, None without validation data
    val_metric: float | None  # value of ``metric_fn`` on validation data, if given
    seconds: float  # seconds since training started


@dataclass
class FitResult:
    """Outcome of :func:`fit`. The best weights are loaded into the model itself."""

    history: list[Progress] = field(default_factory=list)
    best_val_loss: float | None = None
    epochs_run: int = 0
    steps: int = 0
    samples: int = 0  # training samples processed, all epochs together
    seconds: float = 0.0
    stopped_early: bool = False


Callback = Callable[[Progress], "bool | None"]
MetricFn = Callable[[torch.Tensor, torch.Tensor], float]


def make_optimizer(model: nn.Module, settings: TrainSettings) -> torch.optim.Optimizer:
    """Build the optimiser named in ``settings`` ("adam" or "sgd")."""
    name = settings.optimizer.lower()
    if name == "adam":
        return torch.optim.Adam(model.parameters(), lr=settings.lr, weight_decay=settings.weight_decay)
    if name == "sgd":
        return torch.optim.SGD(model.parameters(), lr=settings.lr, weight_decay=settings.weight_decay)
    raise ForecastError("unknown_optimizer", settings.optimizer, valid=", ".join(OPTIMIZERS))


@torch.inference_mode()
def predict_batched(model: nn.Module, x: torch.Tensor, batch_size: int = 4096) -> torch.Tensor:
    """Run ``model`` on ``x`` in eval mode, in batches, without gradients.

    ``x`` must already be on the model's device; the result stays there.
    """
    was_training = model.training
    model.eval()
    outputs = [model(x[start : start + batch_size]) for start in range(0, len(x), batch_size)]
    model.train(was_training)
    return torch.cat(outputs) if outputs else x.new_empty((0,))


def evaluate_loss(
    model: nn.Module, x: torch.Tensor, y: torch.Tensor, loss_fn: nn.Module, metric_fn: MetricFn | None = None
) -> tuple[float, float | None]:
    """Return the mean loss of ``model`` on ``(x, y)`` and the optional metric."""
    output = predict_batched(model, x)
    loss = float(loss_fn(output, y))
    metric = metric_fn(output, y) if metric_fn is not None else None
    return loss, metric


def _to_device(tensor: torch.Tensor, device: torch.device) -> torch.Tensor:
    """Move ``tensor`` to ``device``; float64 becomes float32 on MPS, which has no float64."""
    if device.type == "mps" and tensor.dtype == torch.float64:
        tensor = tensor.float()
    return tensor.to(device)


def _prepare_device(device: torch.device, settings: TrainSettings) -> bool:
    """Apply the per-device speed settings; return whether mixed precision is on."""
    if device.type == "cuda" and not torch.backends.cudnn.benchmark:
        # Every batch but the last has the same shape, so autotuning runs about twice.
        torch.backends.cudnn.benchmark = True
        logger.info("turned on cudnn.benchmark for training on %s", device)
    if settings.amp and device.type != "cuda":
        logger.info("mixed precision needs CUDA; training in float32 on %s", device.type)
    return settings.amp and device.type == "cuda"


def _read_losses(pending: list[tuple[int, torch.Tensor]], lr: float) -> list[float]:
    """Return the step losses as floats, one device sync for all; raise on the first non-finite one.

    ``pending`` contains (epoch, detached loss) per step since the last report and is emptied.
    """
    if not pending:
        return []
    values = torch.stack([loss for _, loss in pending]).tolist()
    epochs = [epoch for epoch, _ in pending]
    pending.clear()
    for epoch, value in zip(epochs, values):
        if not math.isfinite(value):
            logger.warning("loss became %s at epoch %d (lr %g)", value, epoch, lr)
            raise ForecastError("loss_not_finite", lr, loss=value, epoch=epoch, suggested=f"{lr / 10:g}")
    return values


def _optimizer_step(
    loss: torch.Tensor, model: nn.Module, optimizer: torch.optim.Optimizer, scaler: torch.amp.GradScaler,
    clip_norm: float | None,
) -> None:
    """Back-propagate ``loss``, clip the gradients and step; ``scaler`` is a no-op unless AMP is on."""
    optimizer.zero_grad(set_to_none=True)
    scaler.scale(loss).backward()
    if clip_norm is not None:
        scaler.unscale_(optimizer)  # clip the true gradients, not the scaled ones
        nn.utils.clip_grad_norm_(model.parameters(), clip_norm)
    scaler.step(optimizer)
    scaler.update()


def fit(
    model: nn.Module,
    train: tuple[torch.Tensor, torch.Tensor],
    val: tuple[torch.Tensor, torch.Tensor] | None,
    *,
    loss_fn: nn.Module,
    settings: TrainSettings,
    device: torch.device,
    callback: Callback | None = None,
    metric_fn: MetricFn | None = None,
) -> FitResult:
    """Train ``model`` in place with mini-batches, early stopping and clipping.

    Parameters
    ----------
    model : nn.Module
        Already on ``device``.
    train, val : (inputs, targets)
        Tensors with the sample dimension first; moved to ``device`` here once.
    loss_fn : nn.Module
        Mean loss, for example ``nn.MSELoss()`` or ``nn.CrossEntropyLoss()``.
    settings : TrainSettings
    device : torch.device
    callback : callable, optional
        Called after every validation with a :class:`Progress`; returning True
        stops training and raises :class:`TrainingCancelled`.
    metric_fn : callable, optional
        ``metric_fn(outputs, targets) -> float`` reported as ``val_metric``.

    Returns
    -------
    FitResult
        With validation data the model ends with the weights of the best
        validation loss.

    Raises
    ------
    ForecastError
        "loss_not_finite" when a loss turns NaN or infinite. Losses are
        checked at each validation report (and at the end), so the steps
        up to the next report still run.
    TrainingCancelled
        When ``callback`` returns True.
    """
    torch.manual_seed(settings.seed)
    generator = torch.Generator(device="cpu").manual_seed(settings.seed)
    x_train, y_train = (_to_device(t, device) for t in train)
    x_val, y_val = (_to_device(t, device) for t in val) if val is not None and len(val[0]) else (None, None)
    optimizer = make_optimizer(model, settings)
    amp = _prepare_device(device, settings)
    scaler = torch.amp.GradScaler("cuda", enabled=amp)
    n_samples = len(x_train)
    batches_per_epoch = max(1, math.ceil(n_samples / settings.batch_size))
    eval_every = settings.eval_every or batches_per_epoch

    result = FitResult()
    best_state: dict[str, torch.Tensor] | None = None
    stale = 0
    pending: list[tuple[int, torch.Tensor]] = []  # (epoch, loss) of the steps since the last report
    started = time.perf_counter()
    logger.info(
        "training %s: %d samples, %d epochs, batch %d, lr %g, %s",
        type(model).__name__, n_samples, settings.epochs, settings.batch_size, settings.lr, settings.optimizer,
    )

    model.train()
    for epoch in range(1, settings.epochs + 1):
        order = torch.randperm(n_samples, generator=generator).to(device)
        for start in range(0, n_samples, settings.batch_size):
            index = order[start : start + settings.batch_size]
            with torch.autocast("cuda", dtype=torch.float16, enabled=amp):
                loss = loss_fn(model(x_train[index]), y_train[index])
            _optimizer_step(loss, model, optimizer, scaler, settings.clip_norm)
            pending.append((epoch, loss.detach()))
            result.steps += 1
            result.samples += len(index)
            if result.steps % eval_every:
                continue

            # Validation and reporting, every ``eval_every`` steps (once an epoch by default).
            losses = _read_losses(pending, settings.lr)
            val_loss = val_metric = None
            if x_val is not None:
                val_loss, val_metric = evaluate_loss(model, x_val, y_val, loss_fn, metric_fn)
            progress = Progress(
                epoch=epoch,
                epochs=settings.epochs,
                step=result.steps,
                train_loss=sum(losses) / len(losses),
                val_loss=val_loss,
                val_metric=val_metric,
                seconds=time.perf_counter() - started,
            )
            result.history.append(progress)
            logger.debug(
                "epoch %d step %d: train %.5f, val %s, %.1fs",
                epoch, result.steps, progress.train_loss, val_loss, progress.seconds,
            )
            if callback is not None and callback(progress):
                logger.info("training stopped by the caller at epoch %d", epoch)
                raise TrainingCancelled()

            if val_loss is not None:
                if result.best_val_loss is None or val_loss < result.best_val_loss:
                    result.best_val_loss = val_loss
                    best_state = copy.deepcopy(model.state_dict())
                    stale = 0
                else:
                    stale += 1
            if settings.patience is not None and stale >= settings.patience:
                result.stopped_early = True
                break
        result.epochs_run = epoch
        if result.stopped_early:
            break

    _read_losses(pending, settings.lr)  # steps after the last report must be finite too
    if best_state is not None:
        model.load_state_dict(best_state)
    model.eval()
    result.seconds = time.perf_counter() - started
    logger.info(
        "trained %s in %.2fs: %d epochs, best val loss %s%s",
        type(model).__name__, result.seconds, result.epochs_run, result.best_val_loss,
        " (early stop)" if result.stopped_early else "",
    )
    return result
