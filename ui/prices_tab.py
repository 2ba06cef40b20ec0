"""The prices tab: data, settings, training, results, in that order on the page."""

from __future__ import annotations

import streamlit as st

from ui import state
from ui.i18n import t
from ui.prices_data import choose_target, render_preview, render_source
from ui.prices_results import render_results
from ui.prices_saved_model import render_saved_model
from ui.prices_settings import render_settings
from ui.prices_training import render_training


def render() -> None:
    """Draw the prices tab; a finished training job is collected first."""
    state.collect_finished_job()
    st.caption(t("prices_intro"))

    loaded = render_source()
    settings = None
    if loaded is not None:
        target = choose_target(loaded.data)
        render_preview(loaded, target)
        st.divider()
        settings = render_settings(loaded.data.frame, target)

    st.divider()
    render_training(loaded, settings)
    trained = state.trained_result()
    if trained is not None:
        render_results(trained)
    render_saved_model(loaded)
