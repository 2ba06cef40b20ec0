"""``python -m forecast train``: train the regressors, print the scores, write the outputs."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pandas as pd

from forecast.backtest import WINDOW_KINDS, BacktestSettings
from forecast.baselines import BASELINE_NAMES
from forecast.cli.common import add_device_argument, add_source_arguments, comma_list, load_source
from forecast.cli.evaluation_report import print_evaluation
from forecast.errors import ForecastError
from forecast.messages import translate
from forecast.models import IMPLS, MODEL_LABELS
from forecast.persistence import save_model
from forecast.pipeline import ExperimentResult, ExperimentSettings, run_experiment
from forecast.prices import check_target
from forecast.training import OPTIMIZERS, TrainSettings
from forecast.windows import SCALERS, TARGET_MODES, WindowSpec


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "train",
        help="train GRU, LSTM and biLSTM on a price table and compare them with the baselines",
        description="Train each model, print test metrics beside the baselines (naive, drift, moving "
        "average, linear), the Diebold-Mariano test against naive, the lag check and the coverage of "
        "split-conformal 80 % and 95 % intervals, and write metrics.json, predictions.csv and one "
        "model file per model to --out.",
    )
    add_source_arguments(parser)
    parser.add_argument("--models", type=comma_list, default=("gru", "lstm", "bilstm"),
                        help="comma-separated models among gru, lstm, bilstm (default: all three)")
    parser.add_argument("--target", default="Close", help="column to forecast (default: Close)")
    parser.add_argument("--features", type=comma_list, default=None,
                        help="comma-separated input columns (default: the target alone)")
    parser.add_argument("--target-mode", choices=TARGET_MODES, default="log_return",
                        help="log_return: predict the change from the last price, rebuilt into prices for the "
                        "scores; price: predict levels as the textbook does, which fails when test prices leave "
                        "the training range (default: log_return)")
    parser.add_argument("--window", type=int, default=30, help="past trading days per sample (default: 30)")
    parser.add_argument("--horizon", type=int, default=1, help="future trading days predicted (default: 1)")
    parser.add_argument("--test-share", type=float, default=0.2, help="share of rows in the test period (default: 0.2)")
    parser.add_argument("--val-share", type=float, default=0.1, help="share of rows for validation (default: 0.1)")
    parser.add_argument("--scaler", choices=tuple(SCALERS), default="minmax", help="scaler fitted on the training rows")
    parser.add_argument("--epochs", type=int, default=50, help="maximum epochs; early stopping may end sooner (default: 50)")
    parser.add_argument("--patience", type=int, default=10,
                        help="epochs without validation improvement before stopping (default: 10)")
    parser.add_argument("--batch-size", type=int, default=64, help="samples per optimiser step (default: 64)")
    parser.add_argument("--lr", type=float, default=1e-3, help="learning rate (default: 0.001)")
    parser.add_argument("--optimizer", choices=OPTIMIZERS, default="adam", help="optimiser (default: adam)")
    parser.add_argument("--hidden", type=int, default=64, help="hidden units per layer and direction (default: 64)")
    parser.add_argument("--layers", type=int, default=1, help="stacked recurrent layers (default: 1)")
    parser.add_argument("--dropout", type=float, default=0.0, help="dropout between layers and in the head (default: 0)")
    parser.add_argument("--impl", choices=IMPLS, default="fused",
                        help="fused: torch's nn.GRU/nn.LSTM; cell: the from-scratch cells (default: fused)")
    add_device_argument(parser)
    parser.add_argument("--seed", type=int, default=0, help="random seed; the same seed repeats a CPU run exactly")
    parser.add_argument("--seeds", type=int, default=1,
                        help="train each model with N seeds (seed, seed+1, ...) and report mean and standard "
                        "deviation of every metric (default: 1)")
    parser.add_argument("--baselines", type=comma_list, default=BASELINE_NAMES,
                        help="comma-separated baselines among naive, drift, moving_average, linear; naive is "
                        "always kept because skill is measured against it (default: all four)")
    parser.add_argument("--leak-demo", action="store_true",
                        help="teaching experiment: also train every model with the scalers fitted on the whole "
                        "series and show how much better the leaky run falsely looks")
    parser.add_argument("--backtest", action="store_true",
                        help="also run a walk-forward (rolling-origin) backtest over the test period")
    parser.add_argument("--retrain-every", type=int, default=0,
                        help="backtest: retrain after every K test forecasts; 0 trains once (default: 0)")
    parser.add_argument("--backtest-window", choices=WINDOW_KINDS, default="expanding",
                        help="backtest training rows: expanding from the first row, or sliding with the length "
                        "of the first fit (default: expanding)")
    parser.add_argument("--refit-epochs", type=int, default=3,
                        help="backtest: epochs of each retrain after the first, starting from the previous "
                        "weights; 0 retrains from scratch with --epochs (default: 3)")
    parser.add_argument("--out", type=Path, default=Path("runs/latest"), help="output folder (default: runs/latest)")
    parser.set_defaults(func=run)


def settings_from_args(args: argparse.Namespace) -> ExperimentSettings:
    spec = WindowSpec(
        target=args.target,
        features=args.features or (args.target,),
        window=args.window,
        horizon=args.horizon,
        val_share=args.val_share,
        test_share=args.test_share,
        scaler=args.scaler,
        target_mode=args.target_mode,
    )
    train = TrainSettings(
        epochs=args.epochs,
        batch_size=args.batch_size,
        lr=args.lr,
        optimizer=args.optimizer,
        patience=args.patience if args.patience > 0 else None,
        seed=args.seed,
    )
    backtest = None
    if args.backtest:
        backtest = BacktestSettings(retrain_every=args.retrain_every, window=args.backtest_window,
                                    refit_epochs=args.refit_epochs or None)
    return ExperimentSettings(
        spec=spec, models=args.models, hidden_size=args.hidden, num_layers=args.layers,
        dropout=args.dropout, impl=args.impl, train=train, device=args.device,
        baselines=args.baselines, seeds=args.seeds, leak_demo=args.leak_demo, backtest=backtest,
    )


def metrics_table(result: ExperimentResult, lang: str) -> pd.DataFrame:
    """Return one row per model and baseline with the test metrics."""
    rows = {}
    for name, run in result.runs.items():
        rows[run.label] = {**run.metrics, **_dm_column(run.diagnostics), "seconds": run.fit.seconds,
                           "epochs": run.fit.epochs_run, "parameters": run.parameters}
    for name, baseline in result.baselines.items():
        dm_column = _dm_column(baseline.get("diagnostics", {}))
        rows[translate(f"baseline_{name}", lang)] = {**baseline["metrics"], **dm_column}
    table = pd.DataFrame.from_dict(rows, orient="index")
    return table.rename(columns={
        "rmse": "RMSE", "mae": "MAE", "mape": "MAPE %", "directional_accuracy": translate("col_direction", lang),
        "seconds": translate("col_seconds", lang), "epochs": translate("col_epochs", lang),
        "parameters": translate("col_parameters", lang),
    })


def format_table(table: pd.DataFrame, lang: str) -> str:
    """Render the metrics table: counts as integers, p-values below 0.001 as "<0.001", blanks as "-"."""
    counts = {translate("col_epochs", lang), translate("col_parameters", lang)}

    def cell(column: str, value) -> str:
        if pd.isna(value):
            return "-"
        if column in counts:
            return f"{int(value)}"
        if column == "DM p" and value < 0.001:
            return "<0.001"
        return f"{value:.4f}"

    text = table.copy().astype(object)
    for column in table.columns:
        text[column] = [cell(column, value) for value in table[column]]
    return text.to_string()


def _dm_column(diagnostics: dict) -> dict:
    return {"DM p": diagnostics["dm_pvalue"]} if "dm_pvalue" in diagnostics else {}


def check_output_folder(out: Path) -> None:
    """Reject an --out path that cannot become a folder, before any training."""
    if out.exists() and not out.is_dir():
        raise ForecastError("output_is_file", str(out))


def write_outputs(result: ExperimentResult, out: Path) -> list[Path]:
    """Write metrics.json, predictions.csv and one model file per model; return the paths."""
    try:
        return _write_outputs(result, out)
    except OSError as error:
        raise ForecastError("output_not_writable", str(out), reason=error.strerror or type(error).__name__) from None


def _write_outputs(result: ExperimentResult, out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    paths = [out / "metrics.json", out / "predictions.csv"]
    paths[0].write_text(json.dumps(result.metrics_dict(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    result.predictions_frame().to_csv(paths[1], index=False, date_format="%Y-%m-%d")
    data = result.data
    for name, run in result.runs.items():
        path = out / f"{name}.pt"
        metadata = {"trained_rows": result.metrics_dict()["rows"], "metrics": run.metrics,
                    "last_date": result.last_date.date().isoformat()}
        save_model(path, run.model.cpu(), data.spec, data.feature_scaler, data.target_scaler, metadata)
        paths.append(path)
    return paths


def run(args: argparse.Namespace) -> int:
    settings = settings_from_args(args)
    loaded = load_source(args)
    check_target(loaded, args.target)
    for column in settings.spec.features:
        if column not in loaded.frame.columns:
            raise ForecastError("unknown_column", column, valid=", ".join(map(str, loaded.frame.columns)))
    check_output_folder(args.out)
    for warning in loaded.report.warnings:
        print(translate("cli_warning", args.lang, text=warning.text(args.lang)))

    current = {"model": None}

    def show_progress(name: str, progress) -> None:
        # One line per model, then every 10th epoch (every epoch with -v), so a long run never looks stuck.
        label = MODEL_LABELS[name]
        if current["model"] != name:
            print(translate("cli_training_model", args.lang, model=label), flush=True)
            current["model"] = name
        if progress.val_loss is not None and (args.verbose or progress.epoch % 10 == 0):
            print(translate("cli_epoch_progress", args.lang, model=label, epoch=progress.epoch,
                            epochs=progress.epochs, val_loss=progress.val_loss, seconds=progress.seconds), flush=True)

    def show_backtest(done: int, total: int, name: str) -> None:
        print(translate("cli_backtest_progress", args.lang, done=done, total=total, model=MODEL_LABELS[name]),
              flush=True)

    result = run_experiment(loaded.frame, settings, callback=show_progress, backtest_callback=show_backtest)
    print(translate("cli_train_summary", args.lang, target=settings.spec.target, rows=len(loaded.frame),
                    test=len(result.data.test), start=result.metrics_dict()["test_start"],
                    end=result.metrics_dict()["test_end"], device=result.device))
    with pd.option_context("display.width", 160):
        print(format_table(metrics_table(result, args.lang), args.lang))
    print(translate("cli_skill_note", args.lang))
    print_evaluation(result, args.lang)
    for path in write_outputs(result, args.out):
        print(translate("cli_wrote", args.lang, path=path))
    return 0
