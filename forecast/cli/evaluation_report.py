"""Text report of the evaluation checks printed by ``python -m forecast train``."""

from __future__ import annotations

import pandas as pd

from forecast.messages import translate
from forecast.pipeline import ExperimentResult

SEED_METRICS = ("rmse", "mae", "mape", "directional_accuracy", "skill")
TABLE_OPTIONS = ("display.width", 120, "display.float_format", "{:.4f}".format)


def reading_lines(result: ExperimentResult, lang: str) -> list[str]:
    """Return one line per model for the DM test, the lag check and the interval coverage."""
    lines = []
    for run in result.runs.values():
        diagnostics = run.diagnostics
        pvalue = diagnostics.get("dm_pvalue")
        reading = translate(diagnostics["dm_reading"], lang)
        lines.append(translate("cli_dm_line", lang, model=run.label,
                               pvalue="n/a" if pvalue is None else f"{pvalue:.3f}", reading=reading))
        lag = diagnostics.get("lag", {})
        if lag.get("flagged"):
            lines.append(translate("lag_flagged", lang, model=run.label, shift=lag["best_shift"][0]))
        lines.append(translate("cli_coverage_line", lang, model=run.label,
                               coverage_80=100 * diagnostics["coverage_80"],
                               coverage_95=100 * diagnostics["coverage_95"]))
    return lines


def seeds_table(result: ExperimentResult, lang: str) -> pd.DataFrame:
    """Return "mean ± std" of each metric over seeds, one row per model."""
    rows = {}
    for run in result.runs.values():
        summary = run.seed_summary()
        rows[run.label] = {
            # The standard deviation is None with one seed; it shows as 0.
            name: f"{summary['mean'][name]:.4f} ± {summary['std'][name] or 0:.4f}" for name in SEED_METRICS
        }
    return pd.DataFrame.from_dict(rows, orient="index")


def per_step_table(result: ExperimentResult) -> pd.DataFrame:
    """Return the RMSE of every model and baseline per step ahead (rows: step 1..K)."""
    columns = {run.label: [step["rmse"] for step in run.diagnostics["per_step"]] for run in result.runs.values()}
    for name, baseline in result.baselines.items():
        columns[name] = [step["rmse"] for step in baseline["diagnostics"]["per_step"]]
    table = pd.DataFrame(columns)
    table.index = range(1, len(table) + 1)
    table.index.name = "step"
    return table


def leakage_table(result: ExperimentResult, lang: str) -> pd.DataFrame:
    """Return the clean and leaky RMSE and skill of each model side by side."""
    demo = result.leakage
    rows = {}
    for name, run in result.runs.items():
        rows[run.label] = {
            translate("label_clean_rmse", lang): demo.clean[name]["rmse"],
            translate("label_leaky_rmse", lang): demo.leaky[name]["rmse"],
            translate("label_clean_skill", lang): demo.clean[name]["skill"],
            translate("label_leaky_skill", lang): demo.leaky[name]["skill"],
        }
    return pd.DataFrame.from_dict(rows, orient="index")


def backtest_table(result: ExperimentResult) -> pd.DataFrame:
    """Return the walk-forward metrics of every model and baseline."""
    columns = ("rmse", "mae", "mape", "directional_accuracy", "skill", "dm_pvalue")
    rows = {name: {c: metrics.get(c) for c in columns} for name, metrics in result.backtest.metrics.items()}
    return pd.DataFrame.from_dict(rows, orient="index")


def print_evaluation(result: ExperimentResult, lang: str) -> None:
    """Print the checks that tell a real forecast from one that only looks good."""
    print()
    for line in reading_lines(result, lang):
        print(line)
    with pd.option_context(*TABLE_OPTIONS):
        if result.settings.seeds > 1:
            print("\n" + translate("cli_seeds_header", lang, seeds=result.settings.seeds))
            print(seeds_table(result, lang).to_string())
        if result.data.spec.horizon > 1:
            print("\n" + translate("cli_per_step_header", lang))
            print(per_step_table(result).to_string())
        if result.leakage is not None:
            low, high = result.leakage.scaler_range["clean"]
            leaky_low, leaky_high = result.leakage.scaler_range["leaky"]
            print("\n" + translate("leak_header", lang))
            print(translate("leak_scaler_range", lang, low=low, high=high, leaky_low=leaky_low, leaky_high=leaky_high))
            print(leakage_table(result, lang).to_string())
            print(translate("leak_reading", lang))
        if result.backtest is not None:
            backtest = result.backtest
            print("\n" + translate("cli_backtest_header", lang, retrains=len(backtest.retrain_dates),
                                   window=backtest.settings.window, seconds=backtest.seconds))
            print(backtest_table(result).to_string())
