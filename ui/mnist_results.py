"""Results of the MNIST tab: scores, parameter counts, curves, confusion matrix, misclassified digits.

Everything here reads a stored :class:`ui.mnist_job.MnistRun`; nothing
retrains, so widget changes and language switches only redraw.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from forecast.messages import translate
from forecast.mnist import SequenceClassifier, parameter_counts
from ui import mnist_charts
from ui.i18n import keep_on_language_switch, lang, option_formatter, t
from ui.mnist_job import MnistRun
from ui.mnist_settings import OPTIMIZER_LABELS
from ui.mnist_train import render_curves
from ui.result_data import model_label

MISCLASSIFIED_SHOWN = 30  # digits in the grid of wrong predictions
DIGIT_PIXELS = 84  # on-screen width of one 28 x 28 digit (3x)
keep_on_language_switch("mnist_confusion_model")


def implementation_path(impl: str, compiled: bool) -> str:
    """Return the message key of the code path that ran: fused, cell or compiled cell."""
    if impl == "fused":
        return "mnist_ui_path_fused"
    return "mnist_ui_path_compiled" if compiled else "mnist_ui_path_cell"


def scores_table(run: MnistRun, language: str) -> pd.DataFrame:
    """Return one row per model: test accuracy and loss, time, speed, parameters and code path."""
    rows = {}
    for name, result in run.results.items():
        rows[model_label(name, language)] = {
            translate("mnist_ui_col_accuracy", language): result.test_accuracy * 100,
            translate("mnist_ui_col_loss", language): result.test_loss,
            translate("mnist_ui_col_seconds", language): result.train_seconds,
            translate("mnist_ui_col_speed", language): result.train_samples / max(result.train_seconds, 1e-9),
            translate("mnist_ui_col_epochs", language): result.epochs,
            translate("mnist_ui_col_parameters", language): result.parameters["total"],
            translate("mnist_ui_col_recurrent", language): result.parameters["recurrent"],
            translate("mnist_ui_col_path", language): translate(implementation_path(result.impl, result.compiled), language),
        }
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = translate("mnist_ui_col_model", language)
    return table


def recurrent_counts(hidden_size: int) -> dict[str, int]:
    """Return the recurrent-layer parameters of a GRU and an LSTM of ``hidden_size`` units reading 28 pixels."""
    return {name: parameter_counts(SequenceClassifier(name, hidden_size))["recurrent"] for name in ("gru", "lstm")}


def render_results(run: MnistRun) -> None:
    """Draw every section of one finished MNIST training."""
    st.subheader(t("mnist_ui_results_header"))
    settings = run.request.settings
    where = t("mnist_ui_source_sample") if run.data_source == "sample" else run.data_source
    st.caption(t(
        "mnist_ui_results_caption", source=where, train=run.train_digits, test=len(run.test_labels),
        preset=t(f"mnist_ui_preset_{run.request.preset}"), hidden=settings.hidden_size,
        optimizer=OPTIMIZER_LABELS[settings.optimizer], lr=f"{settings.lr:g}", batch=settings.batch_size,
        epochs=settings.epochs, device=run.device, seed=run.request.seed,
    ))
    _scores_section(run)
    _parameters_section(settings.hidden_size)
    with st.expander(t("mnist_ui_curves_header")):
        render_curves({name: result.history for name, result in run.results.items()}, list(run.results), "mnist_done")
    _confusion_section(run)


def _scores_section(run: MnistRun) -> None:
    st.markdown(f"**{t('mnist_ui_scores_title')}**")
    table = scores_table(run, lang())
    columns = list(table.columns)
    config = {
        columns[0]: st.column_config.NumberColumn(format="%.2f %%"),
        columns[1]: st.column_config.NumberColumn(format="%.4f"),
        columns[2]: st.column_config.NumberColumn(format="%.1f"),
        columns[3]: st.column_config.NumberColumn(format="%.0f"),
        columns[5]: st.column_config.NumberColumn(format="localized"),
        columns[6]: st.column_config.NumberColumn(format="localized"),
    }
    st.dataframe(table, column_config=config, width="stretch", key="mnist_scores_table")
    st.caption(t("mnist_ui_scores_note"))


def _parameters_section(hidden_size: int) -> None:
    counts = recurrent_counts(hidden_size)
    st.info(t(
        "mnist_ui_parameters_note", hidden=hidden_size, gru=f"{counts['gru']:,}", lstm=f"{counts['lstm']:,}",
        ratio=f"{counts['gru'] / counts['lstm']:.2f}",
    ), icon=":material/calculate:")


def _confusion_section(run: MnistRun) -> None:
    st.markdown(f"**{t('mnist_ui_confusion_header')}**")
    names = list(run.results)
    if st.session_state.get("mnist_confusion_model") not in names:
        st.session_state.pop("mnist_confusion_model", None)  # a model of an earlier run
    name = st.selectbox(
        t("mnist_ui_model_shown"), names, key="mnist_confusion_model", format_func=option_formatter("model_")
    )
    result = run.results[name]
    left, right = st.columns([2, 3])
    left.altair_chart(
        mnist_charts.confusion_chart(
            result.confusion, t("mnist_ui_confusion_title", model=model_label(name, lang())),
            t("mnist_ui_predicted_axis"), t("mnist_ui_true_axis"),
        ),
        key="mnist_confusion_chart",
    )
    with right:
        _misclassified_grid(run, name)


def _misclassified_grid(run: MnistRun, name: str) -> None:
    predictions = run.results[name].predictions
    wrong = np.flatnonzero(predictions != run.test_labels)
    st.markdown(t("mnist_ui_wrong_title", wrong=len(wrong), total=len(run.test_labels)))
    if len(wrong) == 0:
        st.caption(t("mnist_ui_wrong_none"))
        return
    shown_indices = wrong[:MISCLASSIFIED_SHOWN]
    captions = [
        t("mnist_ui_wrong_caption", index=int(i), true=int(run.test_labels[i]), predicted=int(predictions[i]))
        for i in shown_indices
    ]
    st.image([run.test_images[i] for i in shown_indices], caption=captions, width=DIGIT_PIXELS)
    st.caption(t("mnist_ui_wrong_hint", shown=len(shown_indices)))
