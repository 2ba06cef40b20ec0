"""Data choice and training settings of the MNIST tab.

Every widget is keyed with a ``mnist_`` prefix, so its value survives reruns
and language switches. Choosing a preset fills the override fields (hidden
size, optimiser, learning rate, batch size, epochs) with the preset's values,
which the user may then change within :data:`CAPS`.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import streamlit as st

from forecast.device import available_devices, resolve_device
from forecast.errors import ForecastError
from forecast.messages import translate
from forecast.mnist import PRESETS, MnistSettings, resolve_settings
from forecast.mnist_data import MnistData, default_cache_dir, download_mnist, find_idx_files, load_idx_folder, load_sample
from forecast.models import IMPLS, MODEL_KINDS
from forecast.training import OPTIMIZERS
from ui.i18n import keep_on_language_switch, lang, option_formatter, t
from ui.mnist_job import TrainRequest
from ui.prices_settings import device_label

logger = logging.getLogger(__name__)

SOURCES = ("sample", "folder", "download")
DEFAULT_PRESET = "fast"
# Server setting: folders, separated by os.pathsep, that the "folder" source may read from.
ROOTS_VARIABLE = "FORECAST_MNIST_ROOTS"


@dataclass(frozen=True)
class Cap:
    """Allowed range of one numeric setting."""

    low: int
    high: int


# Caps keep one run on a shared class server within minutes or so. On one CPU
# thread of a 2-core server, a fused GRU of hidden size 128 took about 2 s per
# epoch on the bundled sample's 3,600 fitted digits. By that measure, the three
# models for 30 epochs on 54,000 fitted digits would take about an hour.
CAPS = {
    "epochs": Cap(1, 30),
    "hidden_size": Cap(4, 256),
    "batch_size": Cap(8, 1000),
    "train_digits": Cap(100, 60_000),
}
LEARNING_RATES = (1e-4, 3e-4, 1e-3, 2e-3, 5e-3, 1e-2, 2e-2, 5e-2, 0.1, 0.2, 0.5)
OPTIMIZER_LABELS = {"adam": "Adam", "sgd": "SGD"}  # names as the literature writes them
OVERRIDES = ("hidden_size", "optimizer", "lr", "batch_size", "epochs")  # preset fields the user may change
keep_on_language_switch("mnist_source", "mnist_models", "mnist_impl", "mnist_preset", "mnist_device", "mnist_optimizer")

assert all(preset.lr in LEARNING_RATES for preset in PRESETS.values()), "a preset's learning rate is not an option"


# ---------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------


# The digits are read-only and the same for every session, so one copy is shared.
@st.cache_resource(max_entries=1, show_spinner=False)
def load_sample_cached() -> MnistData:
    return load_sample()


# A folder is named by a user, so its digits are cached per value with cache_data (copies), not shared.
@st.cache_data(max_entries=3, ttl=3600, show_spinner=False)
def load_folder_cached(folder: str, roots: tuple[str, ...] | None = None) -> MnistData:
    return load_idx_folder(folder, roots)


def folder_roots() -> tuple[str, ...] | None:
    """Return the folders named by ``FORECAST_MNIST_ROOTS``, or None when the variable is unset.

    Unset means any folder the server can read is allowed, as on a student's
    own machine. Set but empty allows no folder, so a typo in the server's
    setting fails closed.
    """
    value = os.environ.get(ROOTS_VARIABLE)
    if value is None:
        return None
    return tuple(root.strip() for root in value.split(os.pathsep) if root.strip())


def show_error(error: ForecastError) -> None:
    st.error(error.message(lang()), icon=":material/error:")


def render_data() -> MnistData | None:
    """Draw the data choice and return the loaded digits, or None with the reason on screen."""
    st.subheader(t("mnist_ui_data_header"))
    source = st.radio(
        t("mnist_ui_source_label"), SOURCES, format_func=option_formatter("mnist_ui_source_"), key="mnist_source",
        horizontal=True, help=t("mnist_ui_source_help"),
    )
    try:
        data = _load(source)
    except ForecastError as error:
        logger.warning("MNIST data rejected (%s source): %s", source, error.key)
        show_error(error)
        st.caption(t("mnist_ui_data_fix"))
        return None
    except Exception:  # noqa: BLE001 - a loader bug must not end the session
        logger.exception("loading MNIST failed (%s source)", source)
        st.error(t("mnist_ui_load_crashed"), icon=":material/error:")
        return None
    if data is not None:
        where = t("mnist_ui_source_sample") if data.source == "sample" else data.source
        st.caption(t("mnist_ui_data_summary", source=where, **data.sizes))
    return data


def _load(source: str) -> MnistData | None:
    if source == "sample":
        return load_sample_cached()
    if source == "folder":
        return _from_folder()
    return _downloaded()


def _from_folder() -> MnistData | None:
    roots = folder_roots()
    folder = st.text_input(
        t("mnist_ui_folder_label"), key="mnist_folder", placeholder="~/data/MNIST/raw" if roots is None else None,
        help=t("mnist_ui_folder_help"),
    ).strip()
    if roots is not None:
        st.caption(t("mnist_ui_folder_restricted"))
    if not folder:
        st.info(t("mnist_ui_folder_waiting"))
        return None
    if roots is None:
        return load_folder_cached(str(Path(folder).expanduser()))
    # With roots set, "~" stays literal: it would name the server's home, not the user's.
    return load_folder_cached(folder, roots)


def _downloaded() -> MnistData | None:
    cache = default_cache_dir()
    st.caption(t("mnist_ui_download_note", folder=str(cache)))
    try:
        find_idx_files(cache)
    except ForecastError:
        if not st.button(t("mnist_ui_download_button"), key="mnist_download"):
            return None
        with st.spinner(t("mnist_ui_downloading")):
            download_mnist(cache)
    return load_folder_cached(str(cache))


# ---------------------------------------------------------------------------
# Settings
# ---------------------------------------------------------------------------


def _apply_preset() -> None:
    # Runs before the script when the preset changes, so the override widgets show the new preset's values.
    preset = PRESETS[st.session_state["mnist_preset"]]
    for name in OVERRIDES:
        st.session_state[f"mnist_{name}"] = getattr(preset, name)


def _init_overrides() -> None:
    if "mnist_preset" not in st.session_state:
        st.session_state["mnist_preset"] = DEFAULT_PRESET
    preset = PRESETS[st.session_state["mnist_preset"]]
    for name in OVERRIDES:
        st.session_state.setdefault(f"mnist_{name}", getattr(preset, name))


def describe_preset(name: str, language: str) -> str:
    """Return a one-line description of what preset ``name`` sets."""
    settings = PRESETS[name]
    validation = (
        translate("mnist_ui_eval_epoch", language) if settings.eval_every is None
        else translate("mnist_ui_eval_steps", language, steps=settings.eval_every)
    )
    clipping = (
        translate("mnist_ui_clip_off", language) if settings.clip_norm is None
        else translate("mnist_ui_clip_on", language, norm=settings.clip_norm)
    )
    return translate(
        f"mnist_ui_preset_{name}_about", language, hidden=settings.hidden_size,
        optimizer=OPTIMIZER_LABELS[settings.optimizer], lr=f"{settings.lr:g}", batch=settings.batch_size,
        epochs=settings.epochs, validation=validation, clipping=clipping,
    )


def bounds(name: str, available: int | None = None) -> Cap:
    """Return the allowed range of setting ``name``, narrowed to ``available`` digits when given.

    The range is never empty: with fewer digits than the cap's lower bound,
    both bounds shrink to what the data has (at least 1).
    """
    cap = CAPS[name]
    if available is None:
        return cap
    high = max(1, min(cap.high, available))
    return Cap(min(cap.low, high), high)


def _number(name: str, column, available: int | None = None) -> int:
    allowed = bounds(name, available)
    return int(column.number_input(
        t(f"mnist_ui_{name}_label"), min_value=allowed.low, max_value=allowed.high, step=1, key=f"mnist_{name}",
        help=t(f"mnist_ui_{name}_help", low=allowed.low, high=allowed.high),
    ))


def _model_inputs(column) -> dict:
    values = {
        "models": tuple(column.multiselect(
            t("mnist_ui_models_label"), list(MODEL_KINDS), default=list(MODEL_KINDS), key="mnist_models",
            format_func=option_formatter("model_"), help=t("mnist_ui_models_help"),
        )),
        "impl": column.radio(
            t("mnist_ui_impl_label"), IMPLS, format_func=option_formatter("impl_"), key="mnist_impl",
            help=t("mnist_ui_impl_help"), horizontal=True,
        ),
    }
    values["compile"] = values["impl"] == "cell" and column.checkbox(
        t("mnist_ui_compile_label"), key="mnist_compile", help=t("mnist_ui_compile_help")
    )
    values["preset"] = column.radio(
        t("mnist_ui_preset_label"), tuple(PRESETS), format_func=option_formatter("mnist_ui_preset_"),
        key="mnist_preset", on_change=_apply_preset, help=t("mnist_ui_preset_help"),
    )
    return values


def _override_inputs(column) -> dict:
    return {
        "hidden_size": _number("hidden_size", column),
        "optimizer": column.radio(
            t("mnist_ui_optimizer_label"), OPTIMIZERS, format_func=OPTIMIZER_LABELS.get,
            key="mnist_optimizer", horizontal=True, help=t("mnist_ui_optimizer_help"),
        ),
        "lr": column.select_slider(
            t("mnist_ui_lr_label"), LEARNING_RATES, key="mnist_lr", format_func=lambda value: f"{value:g}",
            help=t("mnist_ui_lr_help"),
        ),
        "batch_size": _number("batch_size", column),
        "epochs": _number("epochs", column),
    }


def _run_inputs(column, data: MnistData | None) -> dict:
    available = len(data.train_labels) if data is not None else None
    allowed = bounds("train_digits", available)
    st.session_state.setdefault("mnist_train_digits", allowed.high)
    # Other data may have fewer or more digits than the last choice allowed; Streamlit rejects a value out of bounds.
    chosen = st.session_state["mnist_train_digits"]
    st.session_state["mnist_train_digits"] = min(max(chosen, allowed.low), allowed.high)
    return {
        "available_digits": available,
        "train_digits": _number("train_digits", column, available),
        "device": column.selectbox(
            t("device_label"), ["auto", *available_devices()], key="mnist_device",
            format_func=partial(device_label, language=lang()), help=t("device_help"),
        ),
        "seed": int(column.number_input(
            t("mnist_ui_seed_label"), min_value=0, max_value=2**31 - 1, value=0, step=1, key="mnist_seed",
            help=t("mnist_ui_seed_help"),
        )),
    }


def build_request(values: dict) -> TrainRequest:
    """Turn widget values into a :class:`TrainRequest`; invalid values raise ForecastError.

    ``values["available_digits"]``, when present and not None, narrows the
    range of ``train_digits`` as :func:`bounds` does.
    """
    if not values["models"]:
        raise ForecastError("no_models", None, valid=", ".join(MODEL_KINDS))
    for name in ("epochs", "hidden_size", "batch_size", "train_digits"):
        allowed = bounds(name, values.get("available_digits") if name == "train_digits" else None)
        if not allowed.low <= values[name] <= allowed.high:
            raise ForecastError("setting_out_of_range", values[name], name=name, low=allowed.low, high=allowed.high)
    overrides = {name: values[name] for name in OVERRIDES}
    resolve_settings(values["preset"], **overrides)  # checks the overrides against the package's own limits
    return TrainRequest(
        models=values["models"], preset=values["preset"], impl=values["impl"], device=resolve_device(values["device"]),
        seed=values["seed"], train_digits=values["train_digits"], overrides=overrides, compile=values["compile"],
    )


def render_settings(data: MnistData | None) -> TrainRequest | None:
    """Draw the settings and return the request when training can start, else explain why not."""
    st.subheader(t("mnist_ui_settings_header"))
    _init_overrides()
    model_column, override_column, run_column = st.columns(3)
    values = {**_model_inputs(model_column), **_override_inputs(override_column), **_run_inputs(run_column, data)}
    st.caption(describe_preset(values["preset"], lang()))
    if _differs_from_preset(values):
        st.caption(t("mnist_ui_overridden"))
    st.caption(t("mnist_ui_caps_note", **{f"{name}_max": cap.high for name, cap in CAPS.items()}))
    try:
        return build_request(values)
    except ForecastError as error:
        show_error(error)
        return None


def _differs_from_preset(values: dict) -> bool:
    preset: MnistSettings = PRESETS[values["preset"]]
    return any(values[name] != getattr(preset, name) for name in OVERRIDES)
