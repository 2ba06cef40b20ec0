"""Tables behind the result charts: pure pandas, no Streamlit.

Shape key as in ``forecast.windows``: N test samples, K horizon steps.
Every label is translated here, so the charts and tables change language
without touching the trained models.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
from pandas.io.formats.style import Styler

from forecast.evaluation import skill_score
from forecast.messages import MESSAGES, translate
from forecast.pipeline import ExperimentResult
from forecast.training import Progress

# Column order of the metrics table; the first element is the metric key.
METRIC_COLUMNS = ("rmse", "mae", "mape", "directional_accuracy", "skill", "seconds", "parameters", "device")
LOWER_IS_BETTER = ("rmse", "mae", "mape", "seconds")
HIGHER_IS_BETTER = ("directional_accuracy", "skill")
BEST_STYLE = "font-weight: bold; background-color: rgba(89, 161, 79, 0.28)"


def model_label(name: str, lang: str) -> str:
    """Return the display name of a model ("gru" -> "GRU", "bilstm" -> "양방향 LSTM" in Korean)."""
    return translate(f"model_{name}", lang)


def baseline_label(name: str, lang: str) -> str:
    """Return the display name of a baseline, such as "naive (repeat last price)"."""
    return translate(f"baseline_{name}", lang)


def series_names(result: ExperimentResult, lang: str) -> tuple[str, list[str], list[str]]:
    """Return the labels of the actual series, of each model and of each baseline."""
    target = result.data.spec.target
    column = translate(f"column_{target}", lang) if f"column_{target}" in MESSAGES else target
    actual = translate("series_actual", lang, column=column)
    models = [model_label(name, lang) for name in result.runs]
    baselines = [baseline_label(name, lang) for name in result.baselines]
    return actual, models, baselines


def comparison_frame(
    result: ExperimentResult, lang: str, step: int = 1, baselines: Sequence[str] = ("naive",)
) -> pd.DataFrame:
    """Return test-period prices in long form: ``date``, ``series``, ``price``.

    ``step`` (1..K) picks which forecast step each sample contributes, so every
    date appears once per series: with ``step=2`` the row dated d contains the
    forecast made two trading days before d. Only the named ``baselines`` are
    included; the metrics table lists all of them.
    """
    test = result.data.test
    column = step - 1
    dates = pd.to_datetime(test.dates[:, column])
    actual, models, _ = series_names(result, lang)
    pieces = [(actual, test.actual[:, column])]
    pieces += [(label, run.predictions[:, column]) for label, run in zip(models, result.runs.values())]
    pieces += [(baseline_label(name, lang), result.baselines[name]["predictions"][:, column]) for name in baselines]
    return pd.concat(
        [pd.DataFrame({"date": dates, "series": label, "price": np.asarray(values, dtype=float)}) for label, values in pieces],
        ignore_index=True,
    )


def history_frame(histories: Mapping[str, Sequence[Progress]], lang: str) -> pd.DataFrame:
    """Return loss curves in long form: ``model``, ``epoch``, ``split``, ``loss``.

    ``histories`` maps a model name to its per-epoch :class:`Progress` list.
    Validation points are left out where no validation loss exists.
    """
    train, val = translate("split_train", lang), translate("split_val", lang)
    rows = []
    for name, history in histories.items():
        label = model_label(name, lang)
        for progress in history:
            rows.append((label, progress.epoch, train, progress.train_loss))
            if progress.val_loss is not None:
                rows.append((label, progress.epoch, val, progress.val_loss))
    return pd.DataFrame(rows, columns=["model", "epoch", "split", "loss"])


def metrics_frame(result: ExperimentResult, lang: str) -> pd.DataFrame:
    """Return one row per model and baseline with the columns of ``METRIC_COLUMNS``.

    Column names stay the metric keys; :func:`style_metrics` translates them.
    Skill is ``1 - RMSE / RMSE(naive)``, so the naive baseline scores 0.
    """
    naive_rmse = result.baselines["naive"]["metrics"]["rmse"]
    rows = {}
    for name, run in result.runs.items():
        rows[model_label(name, lang)] = {
            **run.metrics, "seconds": run.fit.seconds, "parameters": run.parameters, "device": result.device,
        }
    for name, baseline in result.baselines.items():
        metrics = dict(baseline["metrics"])
        if name == "naive":
            # It never forecasts a move, so a direction score (the share of flat days) would read as "always wrong".
            metrics["directional_accuracy"] = np.nan
        rows[baseline_label(name, lang)] = {
            **metrics, "skill": skill_score(metrics["rmse"], naive_rmse), "seconds": np.nan, "parameters": np.nan,
            "device": "-",
        }
    table = pd.DataFrame.from_dict(rows, orient="index")
    return table.reindex(columns=list(METRIC_COLUMNS))


def best_rows(table: pd.DataFrame) -> dict[str, list[str]]:
    """Return, per scored column, the row labels holding the best value (ties share it)."""
    best = {}
    for column in (*LOWER_IS_BETTER, *HIGHER_IS_BETTER):
        values = pd.to_numeric(table[column], errors="coerce")
        if values.notna().any():
            target = values.min() if column in LOWER_IS_BETTER else values.max()
            best[column] = list(values.index[np.isclose(values, target, rtol=1e-12, atol=0.0)])
    return best


def _formatter(pattern: str):
    return lambda value: "-" if pd.isna(value) else pattern.format(value)


FORMATS = {
    "rmse": "{:,.3f}", "mae": "{:,.3f}", "mape": "{:.2f} %", "directional_accuracy": "{:.1%}",
    "skill": "{:+.3f}", "seconds": "{:.1f}", "parameters": "{:,.0f}",
}


def style_metrics(table: pd.DataFrame, lang: str) -> Styler:
    """Translate the headers of :func:`metrics_frame` and highlight each scored column's best value.

    Numbers become formatted text here because ``st.dataframe`` shows a
    missing number as "None" and ignores the Styler's ``na_rep``.
    """
    best = best_rows(table)
    headers = {column: translate(f"col_{column}", lang) for column in table.columns}
    keys = {header: column for column, header in headers.items()}

    def highlight(column: pd.Series) -> list[str]:
        winners = best.get(keys[column.name], [])
        return [BEST_STYLE if label in winners else "" for label in column.index]

    formatted = table.copy()
    for column, pattern in FORMATS.items():
        formatted[column] = table[column].map(_formatter(pattern))
    return formatted.rename(columns=headers).style.apply(highlight, axis=0)


def metrics_csv_frame(result: ExperimentResult, lang: str) -> pd.DataFrame:
    """Return the metrics table for download, with a ``series`` column first."""
    table = metrics_frame(result, lang)
    return table.rename_axis("series").reset_index()


def next_forecast_frame(forecasts: Mapping[str, pd.DataFrame], last_price: float, lang: str) -> pd.DataFrame:
    """Return the next-days forecasts in long form, with the naive forecast beside the models.

    ``forecasts`` maps a model name to a frame with columns ``date`` and
    ``forecast`` (as returned by ``forecast.persistence.forecast_next``).
    """
    pieces = []
    for name, frame in forecasts.items():
        pieces.append(pd.DataFrame({"date": frame["date"], "series": model_label(name, lang), "price": frame["forecast"]}))
    if pieces:
        dates = pieces[0]["date"]
        pieces.append(pd.DataFrame({"date": dates, "series": baseline_label("naive", lang), "price": last_price}))
    return pd.concat(pieces, ignore_index=True) if pieces else pd.DataFrame(columns=["date", "series", "price"])
