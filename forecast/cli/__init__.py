"""Command line: ``python -m forecast {inspect,train,predict,mnist} ...``.

Each command lives in its own module with ``register(subparsers)``, which adds
its parser and sets ``func(args) -> int``. Errors the user can fix are printed
in the chosen language with exit status 2, never as a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import sys
import warnings

from forecast.device import set_cpu_threads
from forecast.errors import ForecastError
from forecast.messages import LANGUAGES, default_language

COMMAND_MODULES = ("inspect", "train", "predict", "mnist")

logger = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m forecast",
        description="Train and compare GRU, LSTM and biLSTM forecasters on daily prices, or classify MNIST.",
    )
    parser.add_argument(
        "--lang", choices=LANGUAGES, default=default_language(),
        help="language of messages (default: from the LANG environment variable)",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    parser.add_argument(
        "--threads", type=int, default=None,
        help="torch CPU threads (default: FORECAST_TORCH_THREADS or 1; small recurrent models gain little "
        "from more, and lose much when the cores are busy)",
    )
    subparsers = parser.add_subparsers(dest="command", required=True)
    for name in COMMAND_MODULES:
        importlib.import_module(f"forecast.cli.{name}").register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command and return its exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    # Errors the user can fix are printed as messages below; the log lines behind them (and
    # yfinance's own download log) would only repeat them, so they show with -v alone.
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.CRITICAL,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    if not args.verbose:
        warnings.filterwarnings("ignore", module="yfinance")
    try:
        set_cpu_threads(args.threads)
        return args.func(args)
    except BrokenPipeError:
        # The reader closed the pipe early (``| head``); stop quietly like other CLI tools.
        sys.stderr.close()
        return 0
    except ForecastError as error:
        logger.info("command failed: %s (%r)", error.key, error.value)
        if getattr(args, "json", False):
            print(json.dumps(error.to_dict(args.lang), ensure_ascii=False))
        else:
            print(error.message(args.lang), file=sys.stderr)
        return 2
