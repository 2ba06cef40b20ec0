"""Altair chart builders for the MNIST tab.

Pure functions from arrays or DataFrames and already translated labels to
Altair charts: no Streamlit here, so tests can inspect each chart as a
Vega-Lite dict. Heatmaps put the time step (image row 1-28) on the x axis.
"""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

MODEL_COLORS = ("#4e79a7", "#f28e2b", "#59a14f")  # same hues as the prices tab's first three models
MAX_UNITS = 128  # hidden units drawn per gate heatmap: 28 x 128 cells stay under Altair's 5,000-row limit


def model_scale(labels: list[str]) -> alt.Scale:
    """Return a colour scale giving each model label a fixed colour."""
    return alt.Scale(domain=list(labels), range=list(MODEL_COLORS[: len(labels)]))


def accuracy_chart(history: pd.DataFrame, colors: alt.Scale, title: str, y_title: str, x_title: str) -> alt.Chart:
    """Validation accuracy of every model over optimiser steps.

    ``history`` has columns ``model``, ``step`` and ``accuracy`` (0-1).
    """
    return (
        alt.Chart(history, title=title)
        .mark_line(point=alt.OverlayMarkDef(size=20))
        .encode(
            x=alt.X("step:Q", title=x_title),
            y=alt.Y("accuracy:Q", title=y_title, axis=alt.Axis(format="%"), scale=alt.Scale(zero=False)),
            color=alt.Color("model:N", scale=colors, title=None, legend=alt.Legend(orient="top")),
            tooltip=["model:N", "step:Q", alt.Tooltip("accuracy:Q", format=".2%")],
        )
        .properties(height=260)
    )


def loss_chart(history: pd.DataFrame, colors: alt.Scale, title: str, y_title: str, x_title: str) -> alt.Chart:
    """Training (solid) and validation (dashed) cross-entropy of every model over optimiser steps.

    ``history`` has columns ``model``, ``step``, ``split`` (translated labels) and ``loss``.
    """
    return (
        alt.Chart(history, title=title)
        .mark_line(point=alt.OverlayMarkDef(size=20))
        .encode(
            x=alt.X("step:Q", title=x_title),
            y=alt.Y("loss:Q", title=y_title, scale=alt.Scale(type="log")),
            color=alt.Color("model:N", scale=colors, title=None, legend=alt.Legend(orient="top")),
            strokeDash=alt.StrokeDash("split:N", title=None, legend=alt.Legend(orient="top")),
            tooltip=["model:N", "split:N", "step:Q", alt.Tooltip("loss:Q", format=".4f")],
        )
        .properties(height=260)
    )


def confusion_chart(matrix: np.ndarray, title: str, x_title: str, y_title: str) -> alt.LayerChart:
    """Heatmap of a confusion matrix (C, C), row = true digit, column = predicted digit, with counts."""
    classes = matrix.shape[0]
    true, predicted = np.meshgrid(np.arange(classes), np.arange(classes), indexing="ij")
    frame = pd.DataFrame({"true": true.ravel(), "predicted": predicted.ravel(), "count": matrix.ravel()})
    frame["share"] = frame["count"] / frame.groupby("true")["count"].transform("sum").clip(lower=1)
    base = alt.Chart(frame, title=title).encode(
        x=alt.X("predicted:O", title=x_title, axis=alt.Axis(labelAngle=0, orient="top")),
        y=alt.Y("true:O", title=y_title),
    )
    cells = base.mark_rect().encode(
        color=alt.Color("share:Q", scale=alt.Scale(scheme="blues", domain=[0, 1]), legend=None),
        tooltip=["true:O", "predicted:O", "count:Q", alt.Tooltip("share:Q", format=".1%")],
    )
    counts = base.mark_text(fontSize=11).encode(
        text=alt.Text("count:Q"),
        color=alt.condition(alt.datum.share > 0.5, alt.value("white"), alt.value("#222222")),
    )
    return alt.layer(cells, counts).properties(width=360, height=360)


def _step_frame(values: np.ndarray, row_name: str) -> pd.DataFrame:
    steps, rows = values.shape
    step, row = np.meshgrid(np.arange(1, steps + 1), np.arange(rows), indexing="ij")
    return pd.DataFrame({"step": step.ravel(), row_name: row.ravel(), "value": values.ravel()})


def probability_chart(probabilities: np.ndarray, title: str, x_title: str, y_title: str) -> alt.Chart:
    """Heatmap of the class probabilities (T, C) after each image row is read."""
    frame = _step_frame(probabilities, "digit")
    return (
        alt.Chart(frame, title=title)
        .mark_rect()
        .encode(
            x=alt.X("step:O", title=x_title, axis=alt.Axis(labelAngle=0, values=[1, 7, 14, 21, 28])),
            y=alt.Y("digit:O", title=y_title, axis=alt.Axis(labelOverlap=False)),
            color=alt.Color("value:Q", scale=alt.Scale(scheme="greens", domain=[0, 1]), title=None),
            tooltip=["step:O", "digit:O", alt.Tooltip("value:Q", format=".3f")],
        )
        .properties(height=250)
    )


def gate_chart(values: np.ndarray, title: str, x_title: str, y_title: str, signed: bool = False) -> alt.Chart:
    """Heatmap of one gate or state over the time steps, ``values`` (T, H), first :data:`MAX_UNITS` units.

    Gates are sigmoid outputs in (0, 1) and share one colour scale. With
    ``signed`` (the cell state) a diverging scale centred on 0 is used.
    """
    values = values[:, :MAX_UNITS]
    frame = _step_frame(values, "unit")
    if signed:
        bound = float(np.abs(values).max()) or 1.0
        scale = alt.Scale(scheme="redblue", domain=[-bound, bound], reverse=True)
    else:
        scale = alt.Scale(scheme="viridis", domain=[0, 1])
    return (
        alt.Chart(frame, title=title)
        .mark_rect()
        .encode(
            x=alt.X("step:O", title=x_title, axis=alt.Axis(labelAngle=0, values=[1, 7, 14, 21, 28])),
            y=alt.Y("unit:O", title=y_title, axis=alt.Axis(labels=False, ticks=False)),
            color=alt.Color("value:Q", scale=scale, title=None),
            tooltip=["step:O", "unit:O", alt.Tooltip("value:Q", format=".3f")],
        )
        .properties(height=240)
    )


def curve_frames(histories: dict[str, list[dict]], labels: dict[str, str], split_labels: tuple[str, str]):
    """Return (accuracy, loss) long frames for :func:`accuracy_chart` and :func:`loss_chart`.

    ``histories`` maps a model name to its validation reports, each a dict
    with ``step``, ``train_loss``, ``val_loss`` and ``val_accuracy``;
    ``labels`` maps the model name to its display label, and
    ``split_labels`` contains the translated "train" and "validation".
    """
    accuracy_rows, loss_rows = [], []
    train, validation = split_labels
    for name, history in histories.items():
        for report in history:
            label, step = labels[name], report["step"]
            loss_rows.append((label, step, train, report["train_loss"]))
            if report.get("val_loss") is not None:
                loss_rows.append((label, step, validation, report["val_loss"]))
            if report.get("val_accuracy") is not None:
                accuracy_rows.append((label, step, report["val_accuracy"]))
    accuracy = pd.DataFrame(accuracy_rows, columns=["model", "step", "accuracy"])
    loss = pd.DataFrame(loss_rows, columns=["model", "step", "split", "loss"])
    return accuracy, loss
