"""Score every model and baseline on the bundled samples and write docs/RESULTS.md.

Two phases, so the slow one runs once:

1. ``train``: for each ticker, target mode and seed, train the three models
   with ``run_experiment`` and save their test predictions to
   ``benchmarks/results/raw/<TICKER>_<mode>.npz``. Finished files are kept and
   skipped on a rerun.
2. ``table``: rebuild the same test windows, score the saved predictions and
   the four baselines with the package's metrics and the Diebold-Mariano
   test, and print a Markdown table (``--write`` puts it in docs/RESULTS.md).

Usage::

    python benchmarks/results_table.py train
    python benchmarks/results_table.py table --write
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path

import numpy as np
import torch

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from forecast.pipeline import ExperimentSettings, run_experiment  # noqa: E402
from forecast.prices import load_sample  # noqa: E402
from forecast.training import TrainSettings  # noqa: E402
from forecast.windows import WindowSpec  # noqa: E402

RAW = ROOT / "benchmarks" / "results" / "raw"
TICKERS = ("AAPL", "GOOG", "IBM", "MSFT")
MODES = ("price", "log_return")
MODELS = ("gru", "lstm", "bilstm")

# Modest settings so the whole grid runs on a 2-core CPU in well under an hour.
EPOCHS = 20
PATIENCE = 5
BATCH_SIZE = 128
HIDDEN = 32
WINDOW = 30
SEEDS = (0, 1, 2)

logger = logging.getLogger("results_table")


def settings_for(mode: str, seed: int) -> ExperimentSettings:
    """Return the experiment settings of one grid cell."""
    return ExperimentSettings(
        spec=WindowSpec(target="Close", window=WINDOW, horizon=1, target_mode=mode),
        models=MODELS,
        hidden_size=HIDDEN,
        train=TrainSettings(epochs=EPOCHS, patience=PATIENCE, batch_size=BATCH_SIZE, seed=seed),
        device="cpu",
    )


def train_grid(tickers: tuple[str, ...]) -> None:
    """Train every (ticker, mode, seed) cell that has no saved predictions yet."""
    RAW.mkdir(parents=True, exist_ok=True)
    for ticker in tickers:
        frame = load_sample(ticker).frame
        for mode in MODES:
            path = RAW / f"{ticker}_{mode}.npz"
            if path.exists():
                logger.info("skip %s (exists)", path.name)
                continue
            arrays = {}
            for seed in SEEDS:
                started = time.perf_counter()
                result = run_experiment(frame, settings_for(mode, seed))
                for name, run in result.runs.items():
                    arrays[f"{name}_seed{seed}"] = run.predictions
                    arrays[f"{name}_seed{seed}_seconds"] = np.array(run.fit.seconds)
                    arrays[f"{name}_seed{seed}_epochs"] = np.array(run.fit.epochs_run)
                logger.info("%s %s seed %d: %.0fs", ticker, mode, seed, time.perf_counter() - started)
            arrays["actual"] = result.data.test.actual
            np.savez(path, **arrays)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("phase", choices=("train", "table"))
    parser.add_argument("--tickers", default=",".join(TICKERS), help="comma-separated bundled samples")
    parser.add_argument("--write", action="store_true", help="write the table into docs/RESULTS.md")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s: %(message)s")
    tickers = tuple(args.tickers.split(","))
    if args.phase == "train":
        # One intra-op thread: on a shared 2-core machine two threads per process mostly wait on each other.
        torch.set_num_threads(1)
        train_grid(tickers)
        return 0
    from benchmarks.results_report import write_report  # table phase needs the evaluation modules

    write_report(tickers, write=args.write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
