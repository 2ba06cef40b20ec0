"""The results view: charts, metrics, loss curves, next-day forecasts and downloads.

Everything here reads a stored :class:`TrainedResult`; nothing retrains, so
display options and language switches only redraw.
"""

from __future__ import annotations

import streamlit as st

from ui import charts
from ui.evaluation_panels import render_evaluation
from ui.i18n import column_label, keep_on_language_switch, lang, t
from ui.result_data import (
    comparison_frame,
    history_frame,
    metrics_csv_frame,
    metrics_frame,
    model_label,
    next_forecast_frame,
    series_names,
    style_metrics,
)
from ui.training_job import TrainedResult

FORECAST_HISTORY_DAYS = 120  # trading days of history drawn before the next-day forecast
keep_on_language_switch("prices_shown_baselines")


def render_results(trained: TrainedResult) -> None:
    """Draw every section of one finished comparison."""
    result = trained.result
    test = result.data.test
    st.subheader(t("results_header"))
    st.caption(t(
        "results_caption", data=trained.data_label.text(lang()), target=column_label(result.data.spec.target),
        start=str(test.dates[0, 0])[:10], end=str(test.dates[-1, -1])[:10], samples=len(test), device=result.device,
    ))
    actual, models, baselines = series_names(result, lang())
    colors = charts.series_colors(actual, models, baselines)
    _comparison_section(trained, colors)
    _metrics_section(trained)
    _loss_section(trained, colors)
    _forecast_section(trained, colors)
    _downloads_section(trained)
    # Evaluation panels: significance against the naive forecast, intervals,
    # per-step scores, seeds, leakage demo and the walk-forward backtest.
    render_evaluation(result)


def _comparison_section(trained: TrainedResult, colors) -> None:
    result = trained.result
    horizon = result.data.spec.horizon
    step = 1
    if horizon > 1:
        step = st.selectbox(t("step_label"), range(1, horizon + 1), key="prices_show_step", help=t("step_help"))
    shown = st.multiselect(
        t("baselines_shown_label"), list(result.baselines), default=["naive"], key="prices_shown_baselines",
        format_func=lambda name: t(f"baseline_{name}"), help=t("baselines_shown_help"),
    )
    long = comparison_frame(result, lang(), step, baselines=shown)
    drawn = charts.subset_scale(colors, list(long["series"].unique()))
    target = column_label(result.data.spec.target)
    st.altair_chart(
        charts.comparison_chart(long, drawn, t("comparison_title", step=step), target),
        width="stretch", key="prices_comparison_chart",
    )
    st.caption(t("legend_hint"))
    _, models, _ = series_names(result, lang())
    with st.expander(t("multiples_title"), expanded=True):
        st.altair_chart(charts.small_multiples(long, colors.domain[0], models, drawn), key="prices_multiples_chart")


SIGNIFICANCE_LEVEL = 0.05  # DM p-value below which a model counts as distinguishable from naive


def verdict_against_naive(result) -> tuple[str, list[str]]:
    """Return the verdict message key and the models it names.

    A model beats the naive forecast only with a skill above 0 and a
    Diebold-Mariano p-value below the significance level; a skill above 0
    within the noise gets its own verdict, so a +0.001 is not sold as a win.
    """
    ahead = [name for name, run in result.runs.items() if run.metrics["skill"] > 0]
    significant = [name for name in ahead
                   if result.runs[name].diagnostics.get("dm_pvalue", 1.0) < SIGNIFICANCE_LEVEL]
    if significant:
        return "verdict_some", significant
    if ahead:
        return "verdict_within_noise", ahead
    return "verdict_none", []


def _metrics_section(trained: TrainedResult) -> None:
    result = trained.result
    table = metrics_frame(result, lang())
    st.markdown(f"**{t('metrics_title')}**")
    st.dataframe(style_metrics(table, lang()), width="stretch", key="prices_metrics_table")
    best = table["rmse"].idxmin()
    verdict, models = verdict_against_naive(result)
    if verdict == "verdict_none":
        st.warning(t(verdict, best=best))
    else:
        labels = ", ".join(model_label(name, lang()) for name in models)
        (st.info if verdict == "verdict_some" else st.warning)(t(verdict, best=best, models=labels))
    st.caption(t("skill_note"))


def _loss_section(trained: TrainedResult, colors) -> None:
    histories = {name: run.fit.history for name, run in trained.result.runs.items()}
    loss = history_frame(histories, lang())
    if loss.empty:
        return
    models = charts.subset_scale(colors, list(loss["model"].unique()))
    st.altair_chart(
        charts.loss_chart(loss, models, t("loss_title"), t("loss_axis"), t("epoch_axis")),
        width="stretch", key="prices_loss_chart",
    )
    st.caption(t("loss_note"))


def _forecast_section(trained: TrainedResult, colors) -> None:
    result = trained.result
    target = result.data.spec.target
    st.markdown(f"**{t('next_title', days=result.data.spec.horizon)}**")
    for name, error in trained.forecast_errors.items():
        st.warning(f"{model_label(name, lang())}: {error.message(lang())}")
    if not trained.next_forecasts:
        return
    tail = trained.history.tail(FORECAST_HISTORY_DAYS)
    history = tail.rename(columns={target: "price"}).rename_axis("date").reset_index()
    last_price = float(history["price"].iloc[-1])
    future = next_forecast_frame(trained.next_forecasts, last_price, lang())
    drawn = charts.subset_scale(colors, [colors.domain[0], *future["series"].unique()])
    chart = charts.forecast_chart(history, future, drawn, t("next_chart_title", date=str(history["date"].iloc[-1])[:10]),
                                  column_label(target))
    st.altair_chart(chart, width="stretch", key="prices_next_chart")
    table = future.assign(date=future["date"].dt.strftime("%Y-%m-%d")).pivot(index="date", columns="series", values="price")
    table = table[list(future["series"].unique())]  # models first, then the naive forecast
    st.dataframe(table.rename_axis(t("col_date")).style.format("{:,.2f}"), key="prices_next_table")
    st.caption(t("next_note"))


def _downloads_section(trained: TrainedResult) -> None:
    result = trained.result
    st.markdown(f"**{t('downloads_title')}**")
    columns = st.columns(2 + len(trained.model_files))
    predictions = result.predictions_frame().to_csv(index=False, date_format="%Y-%m-%d").encode("utf-8")
    columns[0].download_button(
        t("download_predictions"), predictions, "predictions.csv", "text/csv", key="prices_download_predictions",
        on_click="ignore",
    )
    metrics = metrics_csv_frame(result, lang()).to_csv(index=False).encode("utf-8")
    columns[1].download_button(
        t("download_metrics"), metrics, "metrics.csv", "text/csv", key="prices_download_metrics", on_click="ignore",
    )
    for column, (name, content) in zip(columns[2:], trained.model_files.items()):
        column.download_button(
            t("download_model", model=model_label(name, lang())), content, f"{name}.pt", "application/octet-stream",
            key=f"prices_download_model_{name}", on_click="ignore",
        )
    st.caption(t("downloads_note"))
