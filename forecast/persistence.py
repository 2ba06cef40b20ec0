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
from forecast.messages import Message
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
    """Rebuild a fitted scikit-learn scaler from :func:`scaler_to_dict` output.

    Raises ``ValueError`` when the stored attributes are not those of the type,
    not tensors, or not finite.
    """
    kind = data["type"]
    if kind not in _SCALER_TYPES or set(data["state"]) != set(_SCALER_STATE[kind]):
        raise ValueError("unknown scaler type or attributes")
    scaler = _SCALER_TYPES[kind]()
    for name, value in data["state"].items():
        if not isinstance(value, torch.Tensor) or value.ndim != 1 or not torch.isfinite(value).all():
            raise ValueError(f"scaler attribute {name} is not a finite vector")
        setattr(scaler, name, value.numpy())
    scaler.n_features_in_ = int(data["n_features_in"])
    if kind == "StandardScaler":
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


def _source_name(source, name: str | None) -> str:
    if name:
        return name
    if isinstance(source, (str, Path)):
        return Path(source).name
    return getattr(source, "name", None) or "upload"


def _read_payload(source: str | Path | bytes | IO[bytes], name: str) -> dict:
    if isinstance(source, bytes):
        source = io.BytesIO(source)
    try:
        payload = torch.load(source, map_location="cpu", weights_only=True)
    except FileNotFoundError:
        raise ForecastError("model_file_missing", str(source)) from None
    except (pickle.UnpicklingError, RuntimeError, EOFError, zipfile.BadZipFile, ValueError, TypeError,
            AttributeError, KeyError, IndexError, OSError, UnicodeDecodeError) as error:
        # weights_only=True rejects any pickle that would import or call something.
        logger.warning("rejected model file %s: %s", name, type(error).__name__)
        raise ForecastError("model_file_invalid", name) from None
    if not isinstance(payload, dict) or payload.get("format") != FORMAT_NAME:
        logger.warning("rejected model file %s: not a %s file", name, FORMAT_NAME)
        raise ForecastError("model_file_invalid", name)
    return payload


def _check_architecture(config: ModelConfig, spec: WindowSpec, state_dict: dict, feature_scaler, target_scaler):
    """Raise ValueError unless the file's weights and scalers fit the architecture it names.

    The model is first built on the meta device, which allocates no memory, so a
    small file that claims a huge architecture is rejected before anything large
    is allocated.
    """
    with torch.device("meta"):
        expected = build_model(config).state_dict()
    if set(expected) != set(state_dict):
        raise ValueError("weight names differ from the architecture")
    for key, tensor in expected.items():
        stored = state_dict[key]
        if not isinstance(stored, torch.Tensor) or stored.shape != tensor.shape:
            raise ValueError(f"weight {key} has the wrong shape")
        if not torch.isfinite(stored).all():
            raise ValueError(f"weight {key} is not finite")
    features = len(spec.features)
    if config.input_size != features or config.horizon != spec.horizon:
        raise ValueError("architecture and data settings disagree")
    if feature_scaler.n_features_in_ != features or any(
        len(getattr(feature_scaler, name)) != features for name in _SCALER_STATE[type(feature_scaler).__name__]
    ):
        raise ValueError("feature scaler does not match the features")
    if target_scaler.n_features_in_ != 1 or any(
        len(getattr(target_scaler, name)) != 1 for name in _SCALER_STATE[type(target_scaler).__name__]
    ):
        raise ValueError("target scaler is not for one column")


def load_model(
    source: str | Path | bytes | IO[bytes], *, kind: str = KIND_REGRESSOR, name: str | None = None
) -> dict | SavedModel:
    """Read a model file safely and rebuild the model it describes.

    Parameters
    ----------
    source : path, bytes or binary file object
    kind : str
        Expected model kind; a file of another kind raises
        ``ForecastError("model_file_wrong_kind")``. For kinds other than the
        price regressor the checked payload dict is returned as it is.
    name : str, optional
        File name for messages and logs, for sources without one (uploaded bytes).

    Raises
    ------
    ForecastError
        ``model_file_missing``, ``model_file_invalid`` (not a model file,
        truncated, a pickle that tries to run code, or weights, scalers and
        settings that do not fit together), ``model_file_wrong_kind``,
        ``model_file_too_new``.
    """
    name = _source_name(source, name)
    payload = _read_payload(source, name)
    version = payload.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        logger.warning("rejected model file %s: invalid format version", name)
        raise ForecastError("model_file_invalid", name)
    if version > FORMAT_VERSION:
        raise ForecastError("model_file_too_new", version, supported=FORMAT_VERSION)
    if payload.get("kind") != kind:
        raise ForecastError("model_file_wrong_kind", payload.get("kind"), expected=kind)
    if kind != KIND_REGRESSOR:
        return payload
    try:
        config = ModelConfig(**payload["config"])
        spec = WindowSpec.from_dict(payload["spec"])
        feature_scaler = scaler_from_dict(payload["feature_scaler"])
        target_scaler = scaler_from_dict(payload["target_scaler"])
        _check_architecture(config, spec, payload["state_dict"], feature_scaler, target_scaler)
        model = build_model(config)
        model.load_state_dict(payload["state_dict"])
    except (KeyError, TypeError, RuntimeError, ValueError, AttributeError, ForecastError) as error:
        # Only the error type is logged: the message could quote text from the uploaded file.
        logger.warning("rejected model file %s: invalid layout (%s)", name, type(error).__name__)
        raise ForecastError("model_file_invalid", name) from None
    model.eval()
    metadata = payload.get("metadata")
    return SavedModel(model, config, spec, feature_scaler, target_scaler, metadata if isinstance(metadata, dict) else {})


def input_range_warnings(saved: SavedModel, frame: pd.DataFrame) -> list[Message]:
    """Warn when a price-level model is asked about prices outside its training range.

    A model that predicts scaled price levels cannot follow prices beyond the
    range its scaler saw; log-return models depend on changes only and get no
    warning. The range is widened by a quarter of its width on each side, so
    ordinary drift past the training extremes passes.
    """
    if saved.spec.target_mode != "price" or saved.spec.target not in frame.columns:
        return []
    scaler = saved.target_scaler
    if hasattr(scaler, "data_min_"):
        low, high = float(scaler.data_min_[0]), float(scaler.data_max_[0])
    else:
        mean, spread = float(scaler.mean_[0]), float(scaler.scale_[0])
        low, high = mean - 2 * spread, mean + 2 * spread
    margin = 0.25 * (high - low)
    last = float(frame[saved.spec.target].iloc[-1])
    if low - margin <= last <= high + margin:
        return []
    return [Message("input_outside_training_range",
                    {"column": saved.spec.target, "value": last, "low": low, "high": high})]


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
