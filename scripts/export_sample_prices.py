"""Export the bundled sample prices to ``data/<TICKER>.csv``.

The prices come from the ``stocks`` module of the ``bokeh_sampledata`` package,
which ships daily Quandl WIKI prices (public domain) for a few tickers from
2000-03-01 to 2013-03-01. Each file gets the columns of a Yahoo Finance
download (Date, Open, High, Low, Close, Adj Close, Volume) in ascending date
order, so the bundled samples look like what users upload.

Run from the repository root::

    pip install bokeh_sampledata
    python scripts/export_sample_prices.py

``bokeh_sampledata`` is needed only here, not at runtime.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pandas as pd

TICKERS = ("AAPL", "GOOG", "IBM", "MSFT")
DATA_DIR = Path(__file__).resolve().parents[1] / "data"

# Source key in bokeh_sampledata -> Yahoo column name, in Yahoo's order.
YAHOO_COLUMNS = {
    "date": "Date",
    "open": "Open",
    "high": "High",
    "low": "Low",
    "close": "Close",
    "adj_close": "Adj Close",
    "volume": "Volume",
}


def sample_frame(ticker: str) -> pd.DataFrame:
    """Return one ticker's prices as a Yahoo-style frame sorted by date."""
    from bokeh_sampledata import stocks

    frame = pd.DataFrame(getattr(stocks, ticker))[list(YAHOO_COLUMNS)].rename(columns=YAHOO_COLUMNS)
    frame["Date"] = pd.to_datetime(frame["Date"], format="%Y-%m-%d")
    frame["Volume"] = frame["Volume"].astype("int64")
    frame = frame.sort_values("Date").drop_duplicates("Date", keep="first")
    assert frame.notna().all().all(), f"{ticker}: missing values in the source"
    return frame


def export(ticker: str, out_dir: Path) -> Path:
    """Write ``out_dir/<ticker>.csv`` and return its path."""
    path = out_dir / f"{ticker}.csv"
    sample_frame(ticker).to_csv(path, index=False, date_format="%Y-%m-%d", lineterminator="\n")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DATA_DIR, help="output folder (default: data/)")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for ticker in TICKERS:
        path = export(ticker, args.out)
        rows = sum(1 for _ in path.open(encoding="utf-8")) - 1
        print(f"{path}: {rows} rows")


if __name__ == "__main__":
    main()
