"""Choosing the torch device once, at the entry point."""

from __future__ import annotations

import logging
import os

import torch

from forecast.errors import ForecastError

logger = logging.getLogger(__name__)

DEVICE_CHOICES = ("auto", "cpu", "cuda", "mps")

# CPU threads per training. The models are small, so extra intra-op threads gain
# little, while on a busy 2-core machine two threads ran a GRU epoch up to 20
# times slower than one (torch 2.13 CPU, hidden 64, other jobs running; see
# docs/BENCHMARKS.md). Override with the variable or the CLI's --threads.
THREADS_VARIABLE = "FORECAST_TORCH_THREADS"
DEFAULT_CPU_THREADS = 1


def available_devices() -> list[str]:
    """Return the device names usable here, "cpu" always included."""
    devices = ["cpu"]
    if torch.cuda.is_available():
        devices.append("cuda")
    if torch.backends.mps.is_available():
        devices.append("mps")
    return devices


def resolve_device(name: str = "auto") -> torch.device:
    """Turn "auto", "cpu", "cuda" or "mps" into a torch.device that exists here.

    "auto" prefers CUDA, then Apple MPS, then the CPU. An explicit device that is
    missing raises ``ForecastError("device_unavailable")``.
    """
    name = name.lower().strip()
    if name not in DEVICE_CHOICES:
        raise ForecastError("unknown_device", name, valid=", ".join(DEVICE_CHOICES))
    available = available_devices()
    if name == "auto":
        name = next(candidate for candidate in ("cuda", "mps", "cpu") if candidate in available)
    if name not in available:
        raise ForecastError("device_unavailable", name, valid=", ".join(available))
    return torch.device(name)


def describe_device(device: torch.device) -> str:
    """Return a readable device label, such as "cuda (NVIDIA H200)" or "cpu"."""
    if device.type == "cuda":
        return f"cuda ({torch.cuda.get_device_name(device)})"
    return device.type


def set_cpu_threads(threads: int | None = None) -> int:
    """Set torch's intra-op CPU threads and return the number in use.

    ``None`` reads ``FORECAST_TORCH_THREADS`` and falls back to
    :data:`DEFAULT_CPU_THREADS`. Values below 1 raise ``ForecastError``.
    """
    if threads is None:
        text = os.environ.get(THREADS_VARIABLE, str(DEFAULT_CPU_THREADS))
        try:
            threads = int(text)
        except ValueError:
            raise ForecastError("setting_out_of_range", text, name=THREADS_VARIABLE, low=1, high=os.cpu_count()) from None
    if threads < 1:
        raise ForecastError("setting_out_of_range", threads, name="threads", low=1, high=os.cpu_count())
    if torch.get_num_threads() != threads:
        logger.info("torch CPU threads set from %d to %d", torch.get_num_threads(), threads)
        torch.set_num_threads(threads)
    return threads
