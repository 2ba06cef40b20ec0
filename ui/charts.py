"""Altair chart builders for the prices tab.

Pure functions from DataFrames and already translated labels to Altair
charts: no Streamlit here, so tests can inspect each chart as a Vega-Lite
dict. Series colours are fixed by :func:`series_colors`, so a model keeps its
colour in every chart of one result.
"""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import pandas as pd

# Actual prices in black, the naive baseline in grey, models in distinct hues
# (Tableau 10), further baselines in lighter greys.
ACTUAL_COLOR = "#222222"
BASELINE_COLORS = ("#8c8c8c", "#b0b0b0", "#c8c8c8", "#d9d9d9", "#e6e6e6")
MODEL_COLORS = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#b07aa1", "#76b7b2", "#edc948")
CHART_HEIGHT = 360


def series_colors(actual: str, models: Sequence[str], baselines: Sequence[str]) -> alt.Scale:
    """Return a colour scale with the series in legend order: actual, models, baselines."""
    domain = [actual, *models, *baselines]
    colors = [ACTUAL_COLOR, *MODEL_COLORS[: len(models)], *BASELINE_COLORS[: len(baselines)]]
    assert len(colors) == len(domain), "more series than colours"
    return alt.Scale(domain=domain, range=colors)


def subset_scale(scale: alt.Scale, names: Sequence[str]) -> alt.Scale:
    """Return ``scale`` restricted to ``names``, each series keeping its colour."""
    colors = dict(zip(scale.domain, scale.range))
    return alt.Scale(domain=list(names), range=[colors[name] for name in names])


def price_chart(frame: pd.DataFrame, column: str, title: str, y_title: str) -> alt.Chart:
    """Line chart of one price column; drag to pan, scroll to zoom the date axis.

    ``frame`` has a DatetimeIndex and the column ``column``.
    """
    data = pd.DataFrame({"date": frame.index, "price": frame[column].to_numpy()})
    zoom = alt.selection_interval(bind="scales", encodings=["x"])
    return (
        alt.Chart(data, title=title)
        .mark_line(color=MODEL_COLORS[0], strokeWidth=1.2)
        .encode(
            x=alt.X("date:T", title=None),
            y=alt.Y("price:Q", title=y_title, scale=alt.Scale(zero=False)),
            tooltip=[alt.Tooltip("date:T"), alt.Tooltip("price:Q", format=",.2f")],
        )
        .add_params(zoom)
        .properties(height=CHART_HEIGHT)
    )


def comparison_chart(long: pd.DataFrame, colors: alt.Scale, title: str, y_title: str) -> alt.Chart:
    """Draw every series in one chart; clicking a legend entry shows that series alone.

    ``long`` has columns ``date``, ``series`` and ``price``, one row per date
    and series. Shift-click in the legend selects several series.
    """
    chosen = alt.selection_point(fields=["series"], bind="legend", name="shown_series")
    zoom = alt.selection_interval(bind="scales", encodings=["x"], name="zoom")
    return (
        alt.Chart(long, title=title)
        .mark_line(strokeWidth=1.4)
        .encode(
            x=alt.X("date:T", title=None),
            y=alt.Y("price:Q", title=y_title, scale=alt.Scale(zero=False)),
            color=alt.Color("series:N", scale=colors, title=None, legend=alt.Legend(orient="top")),
            opacity=alt.condition(chosen, alt.value(1.0), alt.value(0.06)),
            tooltip=[alt.Tooltip("date:T"), "series:N", alt.Tooltip("price:Q", format=",.2f")],
        )
        .add_params(chosen, zoom)
        .properties(height=CHART_HEIGHT)
    )


def small_multiples(long: pd.DataFrame, actual: str, models: Sequence[str], colors: alt.Scale) -> alt.FacetChart:
    """Draw one small panel per model, each over the actual prices.

    ``long`` has the columns of :func:`comparison_chart`; rows of ``actual``
    are repeated in every panel.
    """
    panels = []
    for model in models:
        rows = long[long["series"].isin([actual, model])].copy()
        rows["panel"] = model
        panels.append(rows)
    data = pd.concat(panels, ignore_index=True)
    base = (
        alt.Chart(data)
        .mark_line(strokeWidth=1.2)
        .encode(
            x=alt.X("date:T", title=None),
            y=alt.Y("price:Q", title=None, scale=alt.Scale(zero=False)),
            color=alt.Color("series:N", scale=colors, title=None, legend=None),
            tooltip=[alt.Tooltip("date:T"), "series:N", alt.Tooltip("price:Q", format=",.2f")],
        )
        .properties(width=240, height=180)
    )
    return base.facet(facet=alt.Facet("panel:N", title=None, sort=list(models)), columns=3)


def loss_chart(history: pd.DataFrame, colors: alt.Scale, title: str, y_title: str, x_title: str) -> alt.Chart:
    """Training and validation loss per epoch of every model, on a log scale.

    ``history`` has columns ``model``, ``epoch``, ``split`` (translated
    "train" / "validation" labels, drawn solid / dashed) and ``loss``.
    """
    return (
        alt.Chart(history, title=title)
        .mark_line(point=alt.OverlayMarkDef(size=14))
        .encode(
            x=alt.X("epoch:Q", title=x_title, axis=alt.Axis(tickMinStep=1)),
            y=alt.Y("loss:Q", title=y_title, scale=alt.Scale(type="log")),
            color=alt.Color("model:N", scale=colors, title=None, legend=alt.Legend(orient="top")),
            strokeDash=alt.StrokeDash("split:N", title=None, legend=alt.Legend(orient="top")),
            tooltip=["model:N", "split:N", "epoch:Q", alt.Tooltip("loss:Q", format=".5f")],
        )
        .properties(height=280)
    )


def forecast_chart(
    history: pd.DataFrame, forecasts: pd.DataFrame, colors: alt.Scale, title: str, y_title: str
) -> alt.LayerChart:
    """Draw the last known prices, then each series' forecast after the last date.

    ``history`` has columns ``date`` and ``price`` (the actual series);
    ``forecasts`` has ``date``, ``series`` and ``price``. A dotted rule marks
    the last known date, and each forecast starts from the last known price so
    that it joins the history.
    """
    last = history.iloc[-1]
    joined = [forecasts]
    for series in forecasts["series"].unique():
        joined.append(pd.DataFrame({"date": [last["date"]], "series": [series], "price": [last["price"]]}))
    future = pd.concat(joined, ignore_index=True).sort_values(["series", "date"])
    actual = colors.domain[0]

    past = (
        alt.Chart(history.assign(series=actual))
        .mark_line(strokeWidth=1.4)
        .encode(
            x=alt.X("date:T", title=None),
            y=alt.Y("price:Q", title=y_title, scale=alt.Scale(zero=False)),
            color=alt.Color("series:N", scale=colors, title=None, legend=alt.Legend(orient="top")),
            tooltip=[alt.Tooltip("date:T"), alt.Tooltip("price:Q", format=",.2f")],
        )
    )
    ahead = (
        alt.Chart(future)
        .mark_line(point=True, strokeWidth=1.6)
        .encode(
            x="date:T",
            y="price:Q",
            color=alt.Color("series:N", scale=colors),
            tooltip=[alt.Tooltip("date:T"), "series:N", alt.Tooltip("price:Q", format=",.2f")],
        )
    )
    rule = alt.Chart(pd.DataFrame({"date": [last["date"]]})).mark_rule(strokeDash=[3, 3], color="#666666").encode(x="date:T")
    return alt.layer(past, ahead, rule, title=title).properties(height=CHART_HEIGHT)
