"""Forecast the current data with a model file saved earlier.

Model files are read by ``forecast.persistence.load_model`` with
``weights_only=True``: a file that carries code is rejected, never run.
"""

from __future__ import annotations

import logging

import streamlit as st

from forecast.errors import ForecastError
from forecast.persistence import forecast_next, input_range_warnings, load_model
from ui.i18n import column_label, lang, t
from ui.prices_data import LoadedData
from ui.result_data import model_label

logger = logging.getLogger(__name__)


def render_saved_model(loaded: LoadedData | None) -> None:
    """Draw the model-file upload and, for a valid file, its forecast on the current data."""
    with st.expander(t("saved_model_title")):
        upload = st.file_uploader(t("saved_model_label"), type=["pt"], key="prices_model_upload",
                                  help=t("saved_model_help"))
        if upload is None:
            return
        if loaded is None:
            st.info(t("saved_model_needs_data"))
            return
        try:
            saved = load_model(upload.getvalue(), name=upload.name)
            forecast = forecast_next(saved, loaded.data.frame)
        except ForecastError as error:
            logger.warning("model file %s rejected: %s", upload.name, error.key)
            st.error(error.message(lang()), icon=":material/error:")
            return
        except Exception:  # noqa: BLE001 - a bad file must not end the session
            logger.exception("forecast with model file %s failed", upload.name)
            st.error(t("app_model_crashed"), icon=":material/error:")
            return
        spec = saved.spec
        st.success(t(
            "saved_model_loaded", model=model_label(saved.config.name, lang()), target=column_label(spec.target),
            window=spec.window, horizon=spec.horizon, last=saved.metadata.get("last_date", "-"),
        ))
        for warning in input_range_warnings(saved, loaded.data.frame):
            st.warning(warning.text(lang()), icon=":material/warning:")
        st.dataframe(
            forecast.rename(columns={"date": t("col_date"), "forecast": t("col_forecast")}),
            hide_index=True, key="prices_saved_model_forecast",
        )
