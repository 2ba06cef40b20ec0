"""Stock regressors: seconds per epoch, seconds to early stopping, seconds per forecast.

Trains GRU, LSTM and biLSTM with the defaults of ``python -m forecast train``
(at the time of writing: hidden 64, Adam 1e-3, batch 64, at most 50 epochs,
patience 10, window 30, horizon 1, target Close as log returns) on the
bundled AAPL sample (3,270 daily rows) with
:func:`forecast.pipeline.train_one`, on the CPU unless ``--device`` names
another device. The settings are read from the command's own parser, so
they follow its defaults. Also times, per model, a
forecast of every test window in one batch and of a single window, one full
:func:`forecast.pipeline.run_experiment` (the three models plus baselines
and diagnostics, as the app runs it) and the wall time of the command::

    python -m forecast train --sample AAPL --models gru,lstm,bilstm --epochs 20

Every repeat trains from the same seed, so epochs and losses repeat exactly
and only the times vary.

Usage::

    python benchmarks/stock_training.py
    python benchmarks/stock_training.py --quick
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import replace

import common
import torch

from forecast.cli.train import register, settings_from_args
from forecast.device import resolve_device
from forecast.pipeline import ExperimentSettings, run_experiment, train_one
from forecast.prices import load_sample
from forecast.training import TrainSettings, predict_batched
from forecast.windows import make_windows

SAMPLE = "AAPL"
MODELS = ("gru", "lstm", "bilstm")


def cli_default_settings(device: str) -> ExperimentSettings:
    """Return the settings ``python -m forecast train --sample AAPL --device DEVICE`` would use."""
    parser = argparse.ArgumentParser()
    register(parser.add_subparsers())
    args = parser.parse_args(["train", "--sample", SAMPLE, "--models", ",".join(MODELS), "--device", device])
    return settings_from_args(args)


def time_training(frame, settings: ExperimentSettings, name: str) -> dict:
    """Train ``name`` once and return its fit figures and inference timings."""
    data = make_windows(frame, settings.spec)
    device = resolve_device(settings.device)
    model, _, fitted = train_one(name, data, settings, device)
    x_test = torch.from_numpy(data.test.x).to(device)  # (N, W, F)
    batch_seconds, _ = common.timed(lambda: predict_batched(model, x_test).cpu())
    single = x_test[-1:]
    predict_batched(model, single)  # warm-up
    calls = 50
    single_seconds, _ = common.timed(lambda: [predict_batched(model, single).cpu() for _ in range(calls)])
    return {
        "train_seconds": fitted.seconds,
        "epochs": fitted.epochs_run,
        "stopped_early": fitted.stopped_early,
        "seconds_per_epoch": fitted.seconds / fitted.epochs_run,
        "best_val_loss": fitted.best_val_loss,
        "test_windows": len(x_test),
        "batch_seconds_per_forecast": batch_seconds / len(x_test),
        "single_seconds_per_forecast": single_seconds / calls,
    }


def time_cli(epochs: int, models: str, device: str) -> float:
    """Return the wall time of one ``python -m forecast train`` run, from process start to exit."""
    with tempfile.TemporaryDirectory() as folder:
        command = [sys.executable, "-m", "forecast", "train", "--sample", SAMPLE, "--models", models,
                   "--epochs", str(epochs), "--device", device, "--out", folder]
        started = time.perf_counter()
        subprocess.run(command, cwd=common.ROOT, check=True, stdout=subprocess.DEVNULL,
                       env={**os.environ, "PYTHONPATH": str(common.ROOT)})
        return time.perf_counter() - started


def main() -> None:
    parser = common.base_parser(__doc__.splitlines()[0])
    parser.add_argument("--no-cli", action="store_true", help="skip the command-line wall time")
    common.add_device_option(parser)
    args = parser.parse_args()
    common.apply_threads(args.threads)
    load_before = common.warn_if_busy()
    frame = load_sample(SAMPLE).frame

    settings = cli_default_settings(args.device)
    cli_epochs, cli_models, repeats = 20, ",".join(MODELS), args.repeats
    if args.quick:
        settings = replace(settings, hidden_size=8, train=TrainSettings(epochs=2))
        cli_epochs, cli_models, repeats = 1, "gru", 1

    records = []
    totals = [0.0] * repeats
    for name in settings.models:
        runs = [time_training(frame, settings, name) for _ in range(repeats)]
        for index, run in enumerate(runs):
            totals[index] += run["train_seconds"]
        records.append({
            "case": name, "sample": SAMPLE, "rows": len(frame), "window": settings.spec.window,
            "target_mode": settings.spec.target_mode,
            "hidden": settings.hidden_size, "batch": settings.train.batch_size, "patience": settings.train.patience,
            "epochs": runs[0]["epochs"], "stopped_early": runs[0]["stopped_early"],
            "epochs_repeat": all(run["epochs"] == runs[0]["epochs"] for run in runs),
            **{key: common.summarize(run[key] for run in runs)
               for key in ("train_seconds", "seconds_per_epoch", "batch_seconds_per_forecast",
                           "single_seconds_per_forecast")},
            "test_windows": runs[0]["test_windows"],
        })
    records.append({"case": "three models, training only", "train_seconds": common.summarize(totals)})

    experiment = [common.timed(lambda: run_experiment(frame, settings))[0] for _ in range(repeats)]
    records.append({"case": "run_experiment, three models", "wall_seconds": common.summarize(experiment)})
    if not args.no_cli:
        cli = [time_cli(cli_epochs, cli_models, args.device) for _ in range(repeats)]
        records.append({"case": f"CLI train --epochs {cli_epochs}", "models": cli_models,
                        "wall_seconds": common.summarize(cli)})
    report(records, repeats, args, load_before, resolve_device(settings.device))


def report(records: list[dict], repeats: int, args, load_before, device) -> None:
    columns = ["case", "epochs", "s / epoch", "s to early stop", "ms / forecast (batched)", "ms / forecast (one window)"]
    rows = []
    for record in records:
        if "epochs" in record:
            rows.append([record["case"], record["epochs"] if record["stopped_early"] else f"{record['epochs']} (no stop)",
                         common.spread(record["seconds_per_epoch"], 3), common.spread(record["train_seconds"], 1),
                         common.spread(record["batch_seconds_per_forecast"], 4, 1000),
                         common.spread(record["single_seconds_per_forecast"], 2, 1000)])
        else:
            seconds = record.get("train_seconds") or record["wall_seconds"]
            rows.append([record["case"], "", "", common.spread(seconds, 1), "", ""])
    print(f"{SAMPLE} sample, CLI defaults, {device}, {torch.get_num_threads()} CPU threads, median (min–max) of {repeats} runs\n")
    common.print_table(columns, rows)
    common.write_records(args.out, "stock_training", records, load_before, args.quick, device)


if __name__ == "__main__":
    main()
