"""``python -m forecast mnist``: train GRU, LSTM and biLSTM on MNIST rows, print and save the scores."""

from __future__ import annotations

import argparse
import json
import platform
from pathlib import Path

import numpy as np
import pandas as pd
import sklearn
import torch

import forecast
from forecast import cells
from forecast.cli.common import add_device_argument, comma_list
from forecast.device import describe_device, resolve_device
from forecast.errors import ForecastError
from forecast.messages import translate
from forecast.mnist import (
    PRESETS, SEED_RANGE, MnistResult, check_models, check_seed, model_label, resolve_settings, train_mnist,
)
from forecast.mnist_data import load_mnist
from forecast.models import IMPLS
from forecast.training import OPTIMIZERS


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "mnist",
        help="classify MNIST digits read row by row with GRU, LSTM and biLSTM",
        description="Train each model on MNIST as a sequence (28 rows of 28 pixels), print test accuracy, "
        "loss, training time and parameter counts, and write metrics.json to --out. Options given "
        "explicitly override the preset.",
    )
    parser.add_argument("--data", default="sample",
                        help="sample: the bundled 5,000 digits; download: full MNIST, fetched once into "
                        "--cache; or a folder with the four IDX files (default: sample)")
    parser.add_argument("--cache", type=Path, default=None,
                        help="download folder for --data download (default: ~/.cache/forecast/mnist)")
    parser.add_argument("--models", type=comma_list, default=("gru", "lstm", "bilstm"),
                        help="comma-separated models among gru, lstm, bilstm (default: all three)")
    parser.add_argument("--impl", choices=IMPLS, default="fused",
                        help="fused: torch's nn.GRU/nn.LSTM; cell: the from-scratch cells (default: fused)")
    parser.add_argument("--compile", action="store_true",
                        help="with --impl cell: compile the cell steps with torch.compile (the first run "
                        "spends seconds to minutes compiling; falls back to eager if compiling fails)")
    parser.add_argument("--preset", choices=tuple(PRESETS), default="fast",
                        help="fast: Adam lr 0.005, batch 32, 6 epochs; textbook: SGD lr 0.1, batch 100, "
                        "10 epochs (default: fast)")
    parser.add_argument("--epochs", type=int, help="passes over the training digits (default: from the preset)")
    parser.add_argument("--hidden", type=int, help="hidden units per direction (default: from the preset, 128)")
    parser.add_argument("--batch-size", type=int, help="digits per optimiser step (default: from the preset)")
    parser.add_argument("--optimizer", choices=OPTIMIZERS, help="optimiser (default: from the preset)")
    parser.add_argument("--lr", type=float, help="learning rate (default: from the preset)")
    add_device_argument(parser)
    parser.add_argument("--seed", type=int, default=0,
                        help=f"random seed from {SEED_RANGE[0]} to {SEED_RANGE[1]}; the same seed repeats a CPU "
                        "run exactly (default: 0)")
    parser.add_argument("--out", type=Path, default=Path("runs/mnist"), help="output folder (default: runs/mnist)")
    parser.set_defaults(func=run)


def results_table(results: dict[str, MnistResult], lang: str) -> pd.DataFrame:
    """Return one row per model: accuracy, loss, seconds, speed and parameter counts."""
    rows = {}
    for name, result in results.items():
        rows[model_label(name)] = {
            translate("mnist_col_accuracy", lang): result.test_accuracy,
            translate("mnist_col_loss", lang): result.test_loss,
            translate("mnist_col_seconds", lang): result.train_seconds,
            translate("mnist_col_speed", lang): round(result.train_samples / max(result.train_seconds, 1e-9)),
            translate("mnist_col_parameters", lang): result.parameters["total"],
            translate("mnist_col_recurrent", lang): result.parameters["recurrent"],
        }
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = translate("mnist_col_model", lang)
    return table


def metrics_document(results: dict[str, MnistResult], args: argparse.Namespace, settings, data, device) -> dict:
    """Return the content of metrics.json."""
    return {
        "preset": args.preset,
        "settings": settings.to_dict(),
        "impl": args.impl,
        "compile": args.compile,
        "data": {"source": data.source, **data.sizes},
        "seed": args.seed,
        "device": describe_device(device),
        "versions": {
            "forecast": forecast.__version__, "torch": torch.__version__, "numpy": np.__version__,
            "scikit-learn": sklearn.__version__, "python": platform.python_version(),
        },
        "torch_threads": torch.get_num_threads(),
        "models": {name: result.metrics() for name, result in results.items()},
    }


def run(args: argparse.Namespace) -> int:
    # Check every argument before the data is read or downloaded, so a typo costs no time.
    check_models(args.models)
    check_seed(args.seed)
    settings = resolve_settings(
        args.preset, hidden_size=args.hidden, batch_size=args.batch_size, epochs=args.epochs,
        optimizer=args.optimizer, lr=args.lr,
    )
    device = resolve_device(args.device)
    data = load_mnist(args.data, cache_dir=args.cache)
    print(translate("mnist_data_line", args.lang, source=data.source, **data.sizes))
    print(translate("mnist_settings_line", args.lang, preset=args.preset, impl=args.impl,
                    device=describe_device(device), **settings.to_dict()), flush=True)

    def show_progress(name: str, progress) -> None:
        if args.verbose and progress.val_metric is not None:
            print(translate("mnist_progress_line", args.lang, model=model_label(name), epoch=progress.epoch,
                            epochs=progress.epochs, step=progress.step, train_loss=progress.train_loss,
                            val_accuracy=progress.val_metric, seconds=progress.seconds), flush=True)

    results = train_mnist(
        data, args.models, preset=args.preset, impl=args.impl, device=device, seed=args.seed,
        compile=args.compile, callback=show_progress, hidden_size=args.hidden, batch_size=args.batch_size,
        epochs=args.epochs, optimizer=args.optimizer, lr=args.lr,
    )
    status = cells.compile_status()
    if args.compile and not status["available"]:
        print(translate("mnist_compile_fallback", args.lang, error=status["error"]))
    with pd.option_context("display.width", 120, "display.float_format", "{:.4f}".format):
        print(results_table(results, args.lang).to_string())

    path = args.out / "metrics.json"
    document = metrics_document(results, args, settings, data, device)
    try:
        args.out.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    except OSError as error:
        raise ForecastError("mnist_output_unwritable", str(args.out), reason=error.strerror or str(error)) from error
    print(translate("mnist_written", args.lang, path=path))
    return 0
