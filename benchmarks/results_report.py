"""Table phase of ``results_table.py``: score saved predictions and the baselines, write Markdown."""

from __future__ import annotations

import re

import numpy as np

from benchmarks.results_table import MODELS, MODES, RAW, ROOT, SEEDS, settings_for
from forecast.baselines import baseline_forecasts, price_series
from forecast.diagnostics import diebold_mariano
from forecast.evaluation import regression_metrics, skill_score
from forecast.prices import load_sample
from forecast.windows import make_windows

RESULTS = ROOT / "docs" / "RESULTS.md"
BEGIN, END = "<!-- results-table:begin -->", "<!-- results-table:end -->"
BASELINES = ("naive", "drift", "moving_average", "linear")


def score(actual, predicted, last_price, naive, naive_rmse) -> dict[str, float]:
    """Return RMSE, skill, directional accuracy and the DM p-value against naive."""
    metrics = regression_metrics(actual, predicted, last_price)
    metrics["skill"] = skill_score(metrics["rmse"], naive_rmse)
    metrics["dm_pvalue"] = diebold_mariano(actual - predicted, actual - naive, actual.shape[1]).pvalue
    return metrics


def ticker_rows(ticker: str, mode: str) -> list[dict]:
    """Return one table row per model (mean ± std over seeds) and per baseline."""
    raw = np.load(RAW / f"{ticker}_{mode}.npz")
    frame = load_sample(ticker).frame
    data = make_windows(frame, settings_for(mode, SEEDS[0]).spec)
    test = data.test
    np.testing.assert_allclose(raw["actual"], test.actual)  # the saved run used these very windows
    forecasts = baseline_forecasts(price_series(frame, data), data.train, test, data.spec.window)
    naive = forecasts["naive"]
    naive_rmse = regression_metrics(test.actual, naive, test.last_price)["rmse"]

    rows = []
    for name in MODELS:
        runs = [score(test.actual, raw[f"{name}_seed{seed}"], test.last_price, naive, naive_rmse) for seed in SEEDS]
        rows.append({"ticker": ticker, "target": mode, "name": name, "runs": runs})
    for name in BASELINES:
        metrics = score(test.actual, forecasts[name], test.last_price, naive, naive_rmse)
        if name == "naive":
            metrics["dm_pvalue"] = float("nan")
        rows.append({"ticker": ticker, "target": mode, "name": name, "runs": [metrics]})
    return rows


def _mean_std(values: list[float], digits: int) -> str:
    if len(values) == 1:
        return f"{values[0]:.{digits}f}"
    return f"{np.mean(values):.{digits}f} ± {np.std(values, ddof=1):.{digits}f}"


def _pvalues(values: list[float]) -> str:
    if all(np.isnan(values)):
        return "–"
    if len(values) == 1:
        return f"{values[0]:.3f}"
    return f"{min(values):.3f}–{max(values):.3f}"


def markdown_table(rows: list[dict]) -> str:
    """Return the results as one Markdown table."""
    lines = [
        "| ticker | target | forecaster | RMSE ($) | skill | direction | DM p vs naive |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        runs = row["runs"]
        lines.append(
            f"| {row['ticker']} | {row['target']} | {row['name']} "
            f"| {_mean_std([r['rmse'] for r in runs], 3)} "
            f"| {_mean_std([r['skill'] for r in runs], 3)} "
            f"| {_mean_std([r['directional_accuracy'] for r in runs], 3)} "
            f"| {_pvalues([r['dm_pvalue'] for r in runs])} |"
        )
    return "\n".join(lines)


def target_summary(rows: list[dict]) -> str:
    """Return the mean skill of the three models per ticker and target, as a Markdown table."""
    lines = ["| ticker | mean model skill, price | mean model skill, log_return | better target |",
             "| --- | ---: | ---: | --- |"]
    tickers = sorted({row["ticker"] for row in rows})
    for ticker in tickers:
        skills = {}
        for mode in MODES:
            values = [r["skill"] for row in rows if row["ticker"] == ticker and row["target"] == mode
                      and row["name"] in MODELS for r in row["runs"]]
            skills[mode] = float(np.mean(values))
        better = max(skills, key=skills.get)
        lines.append(f"| {ticker} | {skills['price']:.3f} | {skills['log_return']:.3f} | {better} |")
    return "\n".join(lines)


def write_report(tickers: tuple[str, ...], write: bool) -> None:
    """Print the tables; with ``write`` replace the generated part of docs/RESULTS.md."""
    rows = [row for ticker in tickers for mode in MODES for row in ticker_rows(ticker, mode)]
    text = f"{BEGIN}\n{markdown_table(rows)}\n\n{target_summary(rows)}\n{END}"
    print(text)
    if write:
        current = RESULTS.read_text(encoding="utf-8")
        pattern = re.compile(re.escape(BEGIN) + ".*?" + re.escape(END), re.S)
        RESULTS.write_text(pattern.sub(lambda _: text, current), encoding="utf-8")
