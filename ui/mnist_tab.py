"""The MNIST tab: each 28 x 28 digit read as 28 time steps of 28 pixels by GRU, LSTM and biLSTM.

Data and settings, training, results, then a look inside one trained model,
in that order on the page.
"""

from __future__ import annotations

import streamlit as st

from ui import mnist_job
from ui.i18n import t
from ui.mnist_inside import render_inside
from ui.mnist_results import render_results
from ui.mnist_settings import render_data, render_settings
from ui.mnist_train import render_training


def render() -> None:
    """Draw the MNIST tab; a finished training job is collected first."""
    mnist_job.collect_finished_job()
    st.caption(t("mnist_ui_intro"))

    data = render_data()
    st.divider()
    request = render_settings(data)
    st.divider()
    render_training(data, request)

    run = mnist_job.finished_run()
    if run is not None:
        render_results(run)
        st.divider()
        render_inside(run)
