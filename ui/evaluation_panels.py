"""Panels that show how good a trained result really is.

Call :func:`render_evaluation` with an ``ExperimentResult`` after the
comparison chart. Each panel is also a function of its own. The frame
builders (``*_frame``) are plain pandas so tests can check them without
Streamlit.
"""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from forecast.backtest import WINDOW_KINDS, BacktestSettings, run_backtest
from forecast.cli.evaluation_report import leakage_table, seeds_table
from forecast.errors import ForecastError
from forecast.messages import translate
from forecast.pipeline import ExperimentResult
from ui import i18n

BAND_COLOR = "#4e79a7"
CHART_HEIGHT = 320


def _text(key: str, lang: str | None, **params) -> str:
    return translate(key, lang or i18n.lang(), **params)


def _series_label(result: ExperimentResult, name: str, lang: str | None) -> str:
    if name in result.runs:
        return result.runs[name].label
    return _text(f"baseline_{name}", lang)


# Frames (no Streamlit) ------------------------------------------------------


def format_pvalue(value: float | None) -> str:
    """Show a p-value with three decimals, "<0.001" below that, and "-" when missing."""
    if value is None or not np.isfinite(value):
        return "-"
    return "<0.001" if value < 0.001 else f"{value:.3f}"


def significance_frame(result: ExperimentResult, lang: str | None = None) -> pd.DataFrame:
    """Return one row per model and non-naive baseline: DM p-value, its reading and the lag check's best shift."""
    rows = []
    entries = [(name, run.diagnostics) for name, run in result.runs.items()]
    entries += [(name, b.get("diagnostics", {})) for name, b in result.baselines.items() if name != "naive"]
    for name, diagnostics in entries:
        lag = diagnostics.get("lag", {})
        rows.append({
            _text("label_series", lang): _series_label(result, name, lang),
            _text("label_dm_pvalue", lang): format_pvalue(diagnostics.get("dm_pvalue")),
            _text("label_reading", lang): _text(diagnostics.get("dm_reading", "dm_not_distinguishable"), lang),
            _text("label_lag", lang): (lag.get("best_shift") or [None])[0],
        })
    return pd.DataFrame(rows)


def interval_frame(result: ExperimentResult, name: str, step: int = 1) -> pd.DataFrame:
    """Return the step-``step`` test forecasts of model ``name`` with its bands.

    Columns: date, actual, forecast, lower_80, upper_80, lower_95, upper_95,
    seed_low and seed_high (mean ∓ one standard deviation over seeds).
    """
    run = result.runs[name]
    test = result.data.test
    column = step - 1
    frame = pd.DataFrame({
        "date": pd.to_datetime(test.dates[:, column]),
        "actual": test.actual[:, column],
        "forecast": run.predictions[:, column],
    })
    for level in run.intervals.quantiles:
        lower, upper = run.intervals.interval(run.predictions, level)
        tag = round(level * 100)
        # An infinite band (too few validation samples) is left out of the chart.
        frame[f"lower_{tag}"] = np.where(np.isfinite(lower[:, column]), lower[:, column], np.nan)
        frame[f"upper_{tag}"] = np.where(np.isfinite(upper[:, column]), upper[:, column], np.nan)
    mean, spread = run.seed_band()
    frame["seed_low"] = mean[:, column] - spread[:, column]
    frame["seed_high"] = mean[:, column] + spread[:, column]
    return frame


def per_step_frame(result: ExperimentResult, lang: str | None = None) -> pd.DataFrame:
    """Return the RMSE per step ahead in long form: step, series, rmse."""
    rows = []
    entries = [(name, run.diagnostics) for name, run in result.runs.items()]
    entries += [(name, b.get("diagnostics", {})) for name, b in result.baselines.items()]
    for name, diagnostics in entries:
        for step in diagnostics.get("per_step", []):
            rows.append({"step": step["step"], "series": _series_label(result, name, lang), "rmse": step["rmse"]})
    return pd.DataFrame(rows)


def seeds_frame(result: ExperimentResult) -> pd.DataFrame:
    """Return "mean ± std" of every metric over seeds, one row per model (the CLI's table)."""
    return seeds_table(result, i18n.lang())


def leakage_frame(result: ExperimentResult, lang: str | None = None) -> pd.DataFrame:
    """Return the clean and leaky RMSE and skill of each model side by side (the CLI's table)."""
    return leakage_table(result, lang or i18n.lang())


def backtest_frame(backtest, lang: str | None = None) -> pd.DataFrame:
    """Return the walk-forward metrics of every model and baseline."""
    columns = ("rmse", "mae", "mape", "directional_accuracy", "skill", "dm_pvalue")
    rows = {}
    for name, metrics in backtest.metrics.items():
        label = name.upper() if name in backtest.model_names else _text(f"baseline_{name}", lang)
        rows[label] = {column: metrics.get(column) for column in columns}
    return pd.DataFrame.from_dict(rows, orient="index")


# Charts ---------------------------------------------------------------------


def interval_chart(frame: pd.DataFrame, lang: str | None = None) -> alt.LayerChart:
    """Draw the 95 % and 80 % bands, the seed band, the forecast and the actual prices."""
    base = alt.Chart(frame).encode(x=alt.X("date:T", title=_text("label_date", lang)))
    band_95 = base.mark_area(opacity=0.15, color=BAND_COLOR).encode(
        y=alt.Y("lower_95:Q", title=_text("label_price", lang), scale=alt.Scale(zero=False)), y2="upper_95:Q")
    band_80 = base.mark_area(opacity=0.25, color=BAND_COLOR).encode(y="lower_80:Q", y2="upper_80:Q")
    seeds = base.mark_area(opacity=0.35, color="#f28e2b").encode(y="seed_low:Q", y2="seed_high:Q")
    forecast = base.mark_line(color=BAND_COLOR, strokeWidth=1.2).encode(y="forecast:Q")
    actual = base.mark_line(color="#222222", strokeWidth=1).encode(y="actual:Q")
    zoom = alt.selection_interval(bind="scales", encodings=["x"])
    return (band_95 + band_80 + seeds + forecast + actual).add_params(zoom).properties(height=CHART_HEIGHT)


def per_step_chart(frame: pd.DataFrame, lang: str | None = None) -> alt.Chart:
    """Draw RMSE against the step ahead, one line per model and baseline."""
    return (
        alt.Chart(frame)
        .mark_line(point=True)
        .encode(
            x=alt.X("step:O", title=_text("label_step", lang)),
            y=alt.Y("rmse:Q", title=_text("label_rmse", lang)),
            color=alt.Color("series:N", title=_text("label_series", lang)),
        )
        .properties(height=260)
    )


# Panels ---------------------------------------------------------------------


def render_significance(result: ExperimentResult, lang: str | None = None) -> None:
    """Show lag-detector warnings and the DM p-value with its reading for every forecaster."""
    st.subheader(_text("panel_significance", lang))
    for run in result.runs.values():
        lag = run.diagnostics.get("lag", {})
        if lag.get("flagged"):
            st.warning(_text("lag_flagged", lang, model=run.label, shift=lag["best_shift"][0]))
        else:
            st.success(_text("lag_ok", lang, model=run.label))
    st.dataframe(significance_frame(result, lang), hide_index=True, key="evaluation_significance")
    st.caption(_text("dm_explainer", lang))
    st.caption(_text("lag_explainer", lang))


def render_intervals(result: ExperimentResult, lang: str | None = None) -> None:
    """Show the interval band and seed band on one model's forecast, and the measured coverage."""
    st.subheader(_text("panel_intervals", lang))
    names = list(result.runs)
    name = st.selectbox(_text("label_model", lang), names, format_func=lambda n: result.runs[n].label,
                        key="evaluation_interval_model")
    step = 1
    if result.data.spec.horizon > 1:
        step = st.slider(_text("label_step", lang), 1, result.data.spec.horizon, 1, key="evaluation_interval_step")
    st.altair_chart(interval_chart(interval_frame(result, name, step), lang), width="stretch")

    diagnostics = result.runs[name].diagnostics
    columns = st.columns(2)
    for column, nominal in zip(columns, (80, 95)):
        measured = 100 * diagnostics[f"coverage_{nominal}"]
        column.metric(_text("label_coverage", lang, nominal=nominal), f"{measured:.1f}%",
                      delta=f"{measured - nominal:+.1f} pp", delta_color="off")
        if measured < nominal - 5:
            column.warning(_text("interval_coverage_low", lang, model=result.runs[name].label, nominal=nominal,
                                 coverage=measured))
    st.caption(_text("interval_explainer", lang))


def render_per_step(result: ExperimentResult, lang: str | None = None) -> None:
    """Show RMSE per step ahead; only meaningful with a horizon above 1."""
    if result.data.spec.horizon < 2:
        return
    st.subheader(_text("panel_per_step", lang))
    st.altair_chart(per_step_chart(per_step_frame(result, lang), lang), width="stretch")


def render_seeds(result: ExperimentResult, lang: str | None = None) -> None:
    """Show mean ± standard deviation over seeds, or a hint to train more than one."""
    st.subheader(_text("panel_seeds", lang))
    if result.settings.seeds < 2:
        st.info(_text("seeds_single", lang))
        return
    st.dataframe(seeds_frame(result), key="evaluation_seeds")
    st.caption(_text("seeds_explainer", lang, seeds=result.settings.seeds))


def render_leakage(result: ExperimentResult, lang: str | None = None) -> None:
    """Show the clean and the leaky run side by side, with the scaler ranges behind them."""
    st.subheader(_text("panel_leakage", lang))
    if result.leakage is None:
        st.info(_text("leak_off", lang))
        return
    (low, high), (leaky_low, leaky_high) = result.leakage.scaler_range["clean"], result.leakage.scaler_range["leaky"]
    st.warning(_text("leak_header", lang))
    st.write(_text("leak_scaler_range", lang, low=low, high=high, leaky_low=leaky_low, leaky_high=leaky_high))
    st.dataframe(leakage_frame(result, lang), key="evaluation_leakage")
    st.caption(_text("leak_reading", lang))


def render_backtest(result: ExperimentResult, lang: str | None = None) -> None:
    """Show the walk-forward backtest, or controls and a button that run it with a progress bar."""
    st.subheader(_text("panel_backtest", lang))
    stored = st.session_state.get("evaluation_backtest_result")
    # A backtest run from this panel belongs to the result it was run on, not to a newer one.
    backtest = result.backtest or (stored[1] if stored and stored[0] == id(result) else None)
    with st.form("evaluation_backtest_form"):
        every = st.number_input(_text("backtest_retrain_every", lang), min_value=0, value=60, step=10,
                                key="evaluation_backtest_every")
        # Options are the translated labels, mapped back to the kind, rather than format_func,
        # so the widget's value is plain text that AppTest can set.
        labels = {_text(f"backtest_window_{kind}", lang): kind for kind in WINDOW_KINDS}
        window = labels[st.radio(_text("backtest_window_label", lang), list(labels), horizontal=True,
                                 key="evaluation_backtest_window")]
        start = st.form_submit_button(_text("backtest_run", lang))
    if start:
        backtest = _run_backtest_with_progress(result, BacktestSettings(int(every), window), lang)
    if backtest is None:
        return
    every_text = backtest.settings.retrain_every or _text("backtest_once", lang)
    st.caption(_text("backtest_explainer", lang, every=every_text,
                     window=_text(f"backtest_window_{backtest.settings.window}", lang)))
    st.dataframe(backtest_frame(backtest, lang), key="evaluation_backtest_table")
    st.caption(_text("backtest_done", lang, retrains=len(backtest.retrain_dates), seconds=backtest.seconds))


def _run_backtest_with_progress(result: ExperimentResult, settings: BacktestSettings, lang: str | None):
    if result.frame is None:
        st.error(_text("backtest_needs_frame", lang))
        return None
    bar = st.progress(0.0)

    def report(done: int, total: int, name: str) -> None:
        bar.progress(done / total, text=_text("backtest_progress", lang, done=done, total=total,
                                              model=result.runs[name].label))

    try:
        backtest = run_backtest(result.frame, result.settings, settings, callback=report,
                                baselines=result.settings.baselines)
    except ForecastError as error:
        st.error(error.message(lang or i18n.lang()))
        return None
    finally:
        bar.empty()
    st.session_state["evaluation_backtest_result"] = (id(result), backtest)
    return backtest


def render_evaluation(result: ExperimentResult, lang: str | None = None) -> None:
    """Draw every evaluation panel for ``result``; ``lang`` defaults to the session's language."""
    render_significance(result, lang)
    render_intervals(result, lang)
    render_per_step(result, lang)
    render_seeds(result, lang)
    render_leakage(result, lang)
    render_backtest(result, lang)


__all__ = [
    "render_evaluation", "render_significance", "render_intervals", "render_per_step", "render_seeds",
    "render_leakage", "render_backtest", "significance_frame", "interval_frame", "per_step_frame",
    "seeds_frame", "leakage_frame", "backtest_frame", "interval_chart", "per_step_chart",
]
