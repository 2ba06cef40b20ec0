"""Choosing the torch device once, at the entry point."""

from __future__ import annotations

import torch

from forecast.errors import ForecastError

DEVICE_CHOICES = ("auto", "cpu", "cuda", "mps")


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
        name = "cuda" if "cuda" in available else "mps" if "mps" in available else "cpu"
    if name not in available:
        raise ForecastError("device_unavailable", name, valid=", ".join(available))
    return torch.device(name)


def describe_device(device: torch.device) -> str:
    """Return a readable device label, such as "cuda (NVIDIA H200)" or "cpu"."""
    if device.type == "cuda":
        return f"cuda ({torch.cuda.get_device_name(device)})"
    return device.type
