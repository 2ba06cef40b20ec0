"""Training settings of the prices tab: widgets, server caps and checks made before training.

Every widget is keyed, so its value survives reruns and language switches.
:func:`check_settings` rejects impossible settings (too long a window for
the data, a missing column, a setting over the server caps) before any
training starts.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

import numpy as np
import pandas as pd
import streamlit as st
import torch

from forecast.device import available_devices, resolve_device
from forecast.errors import ForecastError
from forecast.messages import translate
from forecast.models import IMPLS, MODEL_KINDS
from forecast.pipeline import ExperimentSettings
from forecast.prices import check_target
from forecast.training import TrainSettings
from forecast.windows import SCALERS, TARGET_MODES, WindowSpec, check_length
from ui.i18n import column_formatter, keep_on_language_switch, lang, option_formatter, t


@dataclass(frozen=True)
class Cap:
    """Allowed range of one numeric setting, and its default."""

    low: float
    high: float
    default: float


# Caps keep one run on a shared class server within minutes; the app enforces
# them in the widgets and again in check_settings. Defaults are sized so the
# first run on a sample (3 models, about 2,100 rows) stays well under a minute
# on a 2-core CPU.
CAPS = {
    "window": Cap(2, 250, 30),
    "horizon": Cap(1, 30, 1),
    "epochs": Cap(1, 300, 15),
    "batch_size": Cap(8, 1024, 64),
    "hidden_size": Cap(4, 256, 32),
    "num_layers": Cap(1, 4, 1),
    "patience": Cap(0, 100, 10),
    "seeds": Cap(1, 5, 1),  # models trained per kind; each seed costs a full training
}
keep_on_language_switch(
    "prices_features", "prices_models", "prices_impl", "prices_device", "prices_target_mode", "prices_scaler"
)
LEARNING_RATES = (1e-4, 3e-4, 1e-3, 3e-3, 1e-2, 3e-2, 1e-1)
DEFAULT_LR = 1e-3


def _number(name: str, label_key: str, container=st) -> int:
    cap = CAPS[name]
    return int(container.number_input(
        t(label_key), min_value=int(cap.low), max_value=int(cap.high), value=int(cap.default), step=1,
        key=f"prices_{name}", help=t(f"{label_key}_help", low=int(cap.low), high=int(cap.high)),
    ))


def _data_inputs(frame: pd.DataFrame, target: str, column) -> dict:
    options = list(frame.columns)
    chosen = st.session_state.get("prices_features")
    if chosen is not None and not set(chosen) <= set(options):
        del st.session_state["prices_features"]  # columns of another file
    features = column.multiselect(
        t("features_label"), options, default=[target], key="prices_features", format_func=column_formatter(),
        help=t("features_help"),
    )
    return {
        "features": tuple(features),
        "window": _number("window", "window_label", column),
        "horizon": _number("horizon", "horizon_label", column),
        "test_share": column.slider(
            t("test_share_label"), 0.05, 0.5, 0.2, 0.05, key="prices_test_share", help=t("test_share_help")
        ),
    }


def _model_inputs(column) -> dict:
    models = column.multiselect(
        t("models_label"), list(MODEL_KINDS), default=list(MODEL_KINDS), key="prices_models",
        format_func=option_formatter("model_"), help=t("models_help"),
    )
    return {
        "models": tuple(models),
        "hidden_size": _number("hidden_size", "hidden_label", column),
        "num_layers": _number("num_layers", "layers_label", column),
        "dropout": column.slider(t("dropout_label"), 0.0, 0.5, 0.0, 0.05, key="prices_dropout", help=t("dropout_help")),
        "impl": column.radio(
            t("impl_label"), IMPLS, format_func=option_formatter("impl_"), key="prices_impl",
            help=t("impl_help"), horizontal=True,
        ),
    }


def device_label(name: str, language: str) -> str:
    """Return a device option's text: "CUDA (NVIDIA H200)", "Apple MPS", "CPU", or auto with its pick."""
    if name == "auto":
        return translate("device_auto", language, device=device_label(resolve_device("auto").type, language))
    if name == "cuda":
        return f"CUDA ({torch.cuda.get_device_name(0)})"
    return {"mps": "Apple MPS", "cpu": "CPU"}[name]


def _training_inputs(column) -> dict:
    return {
        "epochs": _number("epochs", "epochs_label", column),
        "batch_size": _number("batch_size", "batch_label", column),
        "lr": column.select_slider(
            t("lr_label"), LEARNING_RATES, value=DEFAULT_LR, key="prices_lr", format_func=lambda v: f"{v:g}",
            help=t("lr_help"),
        ),
        "device": column.selectbox(
            t("device_label"), ["auto", *available_devices()], key="prices_device", format_func=partial(device_label, language=lang()),
            help=t("device_help"),
        ),
        "seed": int(column.number_input(
            t("seed_label"), min_value=0, max_value=2**31 - 1, value=0, step=1, key="prices_seed", help=t("seed_help")
        )),
        "seeds": _number("seeds", "seeds_label", column),
    }


def _advanced_inputs() -> dict:
    with st.expander(t("advanced_label")):
        left, right = st.columns(2)
        return {
            "target_mode": left.radio(
                t("target_mode_label"), TARGET_MODES, index=TARGET_MODES.index("log_return"),
                format_func=option_formatter("target_mode_"),
                key="prices_target_mode", help=t("target_mode_help"),
            ),
            "scaler": left.radio(
                t("scaler_label"), tuple(SCALERS), format_func=option_formatter("scaler_"), key="prices_scaler",
                help=t("scaler_help"),
            ),
            "val_share": right.slider(
                t("val_share_label"), 0.05, 0.3, 0.1, 0.05, key="prices_val_share", help=t("val_share_help")
            ),
            "patience": _number("patience", "patience_label", right),
            "leak_demo": left.toggle(t("leak_toggle"), value=False, key="prices_leak_demo", help=t("leak_toggle_help")),
        }


def build_settings(values: dict, target: str) -> ExperimentSettings:
    """Turn widget values into :class:`ExperimentSettings`; invalid values raise ForecastError."""
    spec = WindowSpec(
        target=target, features=values["features"], window=values["window"], horizon=values["horizon"],
        val_share=values["val_share"], test_share=values["test_share"], scaler=values["scaler"],
        target_mode=values["target_mode"],
    )
    train = TrainSettings(
        epochs=values["epochs"], batch_size=values["batch_size"], lr=values["lr"],
        patience=values["patience"] or None, seed=values["seed"],
    )
    return ExperimentSettings(
        spec=spec, models=values["models"], hidden_size=values["hidden_size"], num_layers=values["num_layers"],
        dropout=values["dropout"], impl=values["impl"], train=train, device=values["device"], seeds=values["seeds"],
        leak_demo=values.get("leak_demo", False),
    )


def check_caps(settings: ExperimentSettings) -> None:
    """Raise ``setting_out_of_range`` for a setting outside :data:`CAPS`."""
    values = {
        "window": settings.spec.window, "horizon": settings.spec.horizon, "epochs": settings.train.epochs,
        "batch_size": settings.train.batch_size, "hidden_size": settings.hidden_size,
        "num_layers": settings.num_layers, "patience": settings.train.patience or 0, "seeds": settings.seeds,
    }
    for name, value in values.items():
        cap = CAPS[name]
        if not cap.low <= value <= cap.high:
            raise ForecastError("setting_out_of_range", value, name=name, low=int(cap.low), high=int(cap.high))


def check_settings(settings: ExperimentSettings, frame: pd.DataFrame) -> None:
    """Reject settings that cannot train on ``frame``, before any training starts.

    Raises
    ------
    ForecastError
        ``setting_out_of_range`` (a cap), ``unknown_target``, ``unknown_column``,
        ``too_few_rows`` (with the largest window that fits), ``non_positive_price``
        or ``device_unavailable``.
    """
    check_caps(settings)
    spec = settings.spec
    check_target(frame, spec.target)
    for column in spec.features:
        if column not in frame.columns:
            raise ForecastError("unknown_column", column, valid=", ".join(map(str, frame.columns)))
    check_length(len(frame), spec)
    if spec.target_mode == "log_return" and np.any(frame[spec.target].to_numpy() <= 0):
        bad = float(frame[spec.target][frame[spec.target] <= 0].iloc[0])
        raise ForecastError("non_positive_price", bad, column=spec.target)
    resolve_device(settings.device)


def render_settings(frame: pd.DataFrame, target: str) -> ExperimentSettings | None:
    """Draw the settings and return them when training can start, else explain why not."""
    st.subheader(t("settings_header"))
    data_column, model_column, training_column = st.columns(3)
    values = {
        **_data_inputs(frame, target, data_column),
        **_model_inputs(model_column),
        **_training_inputs(training_column),
        **_advanced_inputs(),
    }
    st.caption(t("caps_note", **{f"{name}_max": int(cap.high) for name, cap in CAPS.items()}))
    try:
        settings = build_settings(values, target)
        check_settings(settings, frame)
    except ForecastError as error:
        st.error(error.message(lang()), icon=":material/error:")
        return None
    return settings
