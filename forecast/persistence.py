"""Model files: weights, architecture, data settings and fitted scalers in one file.

A file is a ``torch.save`` of a dict that holds only tensors, numbers,
strings, lists and dicts, and it is read back with ``weights_only=True``, so
loading a file can never run code from it (a crafted pickle raises instead).
``map_location="cpu"`` lets a model trained on a GPU load anywhere.
"""

from __future__ import annotations

import io
import logging
import pickle
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import numpy as np
import pandas as pd
import torch
from sklearn.preprocessing import MinMaxScaler, StandardScaler

import forecast
from forecast.errors import ForecastError
from forecast.models import ModelConfig, RecurrentRegressor, build_model
from forecast.training import predict_batched
from forecast.windows import WindowSpec, latest_window, targets_to_prices

logger = logging.getLogger(__name__)

FORMAT_NAME = "forecast-model"
FORMAT_VERSION = 1
KIND_REGRESSOR = "price-regressor"

# Fitted attributes that fully describe each scaler type (scikit-learn's names).
_SCALER_STATE = {
    "MinMaxScaler": ("min_", "scale_", "data_min_", "data_max_", "data_range_"),
    "StandardScaler": ("mean_", "scale_", "var_"),
}
_SCALER_TYPES = {"MinMaxScaler": MinMaxScaler, "StandardScaler": StandardScaler}


@dataclass
class SavedModel:
    """A regressor restored from a file, ready to forecast on new prices."""

    model: RecurrentRegressor
    config: ModelConfig
    spec: WindowSpec
    feature_scaler: MinMaxScaler | StandardScaler
    target_scaler: MinMaxScaler | StandardScaler
    metadata: dict  # versions, training dates, metrics at training time


def scaler_to_dict(scaler) -> dict:
    """Return a fitted scaler's type and learned attributes as tensors."""
    kind = type(scaler).__name__
    state = {name: torch.as_tensor(np.asarray(getattr(scaler, name), dtype=np.float64)) for name in _SCALER_STATE[kind]}
    return {"type": kind, "state": state, "n_features_in": int(scaler.n_features_in_)}


def scaler_from_dict(data: dict):
    """Rebuild a fitted scikit-learn scaler from :func:`scaler_to_dict` output."""
    scaler = _SCALER_TYPES[data["type"]]()
    for name, value in data["state"].items():
        setattr(scaler, name, value.numpy())
    scaler.n_features_in_ = data["n_features_in"]
    if data["type"] == "StandardScaler":
        scaler.n_samples_seen_ = 1
    return scaler


def model_to_dict(
    model: RecurrentRegressor, spec: WindowSpec, feature_scaler, target_scaler, metadata: dict | None = None
) -> dict:
    """Return the plain dict that a model file stores."""
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "kind": KIND_REGRESSOR,
        "config": model.config.to_dict(),
        "spec": spec.to_dict(),
        "feature_scaler": scaler_to_dict(feature_scaler),
        "target_scaler": scaler_to_dict(target_scaler),
        "state_dict": {key: value.detach().cpu() for key, value in model.state_dict().items()},
        "metadata": {"forecast_version": forecast.__version__, "torch_version": str(torch.__version__), **(metadata or {})},
    }


def save_model(
    target: str | Path | IO[bytes],
    model: RecurrentRegressor,
    spec: WindowSpec,
    feature_scaler,
    target_scaler,
    metadata: dict | None = None,
) -> None:
    """Write a model file to a path or a binary file object."""
    torch.save(model_to_dict(model, spec, feature_scaler, target_scaler, metadata), target)


def model_bytes(model: RecurrentRegressor, spec: WindowSpec, feature_scaler, target_scaler, metadata=None) -> bytes:
    """Return a model file's content, for downloads."""
    buffer = io.BytesIO()
    save_model(buffer, model, spec, feature_scaler, target_scaler, metadata)
    return buffer.getvalue()


def _read_payload(source: str | Path | bytes | IO[bytes]) -> dict:
    name = getattr(source, "name", None) or (str(source) if isinstance(source, (str, Path)) else "upload")
    if isinstance(source, bytes):
        source = io.BytesIO(source)
    try:
        payload = torch.load(source, map_location="cpu", weights_only=True)
    except FileNotFoundError:
        raise ForecastError("model_file_missing", str(name)) from None
    except (pickle.UnpicklingError, RuntimeError, EOFError, zipfile.BadZipFile, ValueError, TypeError,
            AttributeError, KeyError, IndexError, OSError, UnicodeDecodeError) as error:
        # weights_only=True rejects any pickle that would import or call something.
        logger.warning("rejected model file %s: %s", name, type(error).__name__)
        raise ForecastError("model_file_invalid", str(name)) from None
    if not isinstance(payload, dict) or payload.get("format") != FORMAT_NAME:
        raise ForecastError("model_file_invalid", str(name))
    return payload


def load_model(source: str | Path | bytes | IO[bytes], *, kind: str = KIND_REGRESSOR) -> dict | SavedModel:
    """Read a model file safely and rebuild the model it describes.

    Parameters
    ----------
    source : path, bytes or binary file object
    kind : str
        Expected model kind; a file of another kind raises
        ``ForecastError("model_file_wrong_kind")``. For kinds other than the
        price regressor the checked payload dict is returned as it is.

    Raises
    ------
    ForecastError
        ``model_file_missing``, ``model_file_invalid`` (not a model file,
        truncated, or a pickle that tries to run code), ``model_file_wrong_kind``,
        ``model_file_too_new``.
    """
    payload = _read_payload(source)
    version = payload.get("version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise ForecastError("model_file_too_new", version, supported=FORMAT_VERSION)
    if payload.get("kind") != kind:
        raise ForecastError("model_file_wrong_kind", payload.get("kind"), expected=kind)
    if kind != KIND_REGRESSOR:
        return payload
    try:
        config = ModelConfig(**payload["config"])
        spec = WindowSpec.from_dict(payload["spec"])
        model = build_model(config)
        model.load_state_dict(payload["state_dict"])
        feature_scaler = scaler_from_dict(payload["feature_scaler"])
        target_scaler = scaler_from_dict(payload["target_scaler"])
    except (KeyError, TypeError, RuntimeError, ValueError) as error:
        logger.warning("model file has an invalid layout: %s", error)
        raise ForecastError("model_file_invalid", getattr(source, "name", "upload")) from None
    model.eval()
    return SavedModel(model, config, spec, feature_scaler, target_scaler, payload.get("metadata", {}))


def forecast_next(saved: SavedModel, frame: pd.DataFrame, device: torch.device | None = None) -> pd.DataFrame:
    """Forecast the ``horizon`` business days after the last date of ``frame``.

    Returns a frame with columns ``date`` and ``forecast`` (price units).
    """
    device = device or torch.device("cpu")
    window, last_price = latest_window(frame, saved.spec, saved.feature_scaler)
    model = saved.model.to(device)
    output = predict_batched(model, torch.from_numpy(window).to(device)).float().cpu().numpy()
    prices = targets_to_prices(output, np.array([last_price]), saved.target_scaler, saved.spec.target_mode)[0]
    dates = pd.bdate_range(frame.index[-1] + pd.offsets.BDay(1), periods=saved.spec.horizon)
    return pd.DataFrame({"date": dates, "forecast": prices})
