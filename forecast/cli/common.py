"""Arguments and helpers shared by the price commands (train, predict)."""

from __future__ import annotations

import argparse
from datetime import date, timedelta

from forecast import prices
from forecast.device import DEVICE_CHOICES


def add_source_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the mutually exclusive price sources: --csv, --ticker (with dates) or --sample."""
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--csv", metavar="PATH", help="price file (CSV or .xlsx), for example a Yahoo Finance export")
    source.add_argument("--ticker", metavar="SYMBOL", help="download daily prices with yfinance (needs the internet)")
    source.add_argument("--sample", metavar="NAME", help=f"bundled sample: {', '.join(prices.SAMPLES)}")
    parser.add_argument("--start", type=date.fromisoformat, help="first date for --ticker, YYYY-MM-DD (default: 5 years ago)")
    parser.add_argument("--end", type=date.fromisoformat, help="last date for --ticker, YYYY-MM-DD (default: today)")


def add_device_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--device", choices=DEVICE_CHOICES, default="auto",
        help="where to run: auto picks CUDA, then Apple MPS, then the CPU (default: auto)",
    )


def load_source(args: argparse.Namespace) -> prices.PriceData:
    """Load the price table named by --csv, --ticker or --sample."""
    if args.csv:
        return prices.load_prices(args.csv)
    if args.sample:
        return prices.load_sample(args.sample)
    end = args.end or date.today()
    start = args.start or end - timedelta(days=5 * 365)
    return prices.fetch(args.ticker, start, end)


def comma_list(text: str) -> tuple[str, ...]:
    """Split "gru, lstm" into ("gru", "lstm"), dropping empty items."""
    return tuple(item.strip() for item in text.split(",") if item.strip())
