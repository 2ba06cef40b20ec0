"""Builders of price tables and their text in the dialects users upload, for the price tests."""

from __future__ import annotations

import csv
import io

import numpy as np
import pandas as pd

# Header names per language, in the order of the canonical columns they stand for.
HEADERS = {
    "en": {"Date": "Date", "Open": "Open", "High": "High", "Low": "Low", "Close": "Close", "Volume": "Volume"},
    "investing": {"Date": "Date", "Open": "Open", "High": "High", "Low": "Low", "Close": "Price", "Volume": "Vol."},
    "ko": {"Date": "일자", "Open": "시가", "High": "고가", "Low": "저가", "Close": "종가", "Volume": "거래량"},
    "de": {"Date": "Datum", "Open": "Eröffnung", "High": "Hoch", "Low": "Tief", "Close": "Schluss", "Volume": "Umsatz"},
}


def ohlcv(rows: int = 30, start: str = "2024-01-02", seed: int = 0) -> pd.DataFrame:
    """Return a canonical OHLCV frame on business days, prices with two decimals."""
    rng = np.random.default_rng(seed)
    close = np.round(100 * np.exp(np.cumsum(rng.normal(0, 0.01, rows))), 2)
    frame = pd.DataFrame(
        {
            "Open": np.round(close * 1.001, 2),
            "High": np.round(close * 1.01, 2),
            "Low": np.round(close * 0.99, 2),
            "Close": close,
            "Volume": rng.integers(1_000, 2_000_000, rows).astype(float),
        },
        index=pd.bdate_range(start, periods=rows, name="Date"),
    )
    return frame


def format_number(value: float, decimal_comma: bool, thousands: bool, decimals: int = 2) -> str:
    """Return ``value`` as text: '1,234.50', '1.234,50', '1234.50' or '1234,50'."""
    text = f"{value:,.{decimals}f}" if thousands else f"{value:.{decimals}f}"
    if decimal_comma:
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def write_table(
    frame: pd.DataFrame,
    *,
    language: str = "en",
    separator: str = ",",
    decimal_comma: bool = False,
    thousands: bool = False,
    date_format: str = "%Y-%m-%d",
    newest_first: bool = False,
    quote_all: bool = False,
    encoding: str = "utf-8",
    line_end: str = "\n",
    metadata: list[str] | None = None,
) -> bytes:
    """Write ``frame`` as CSV bytes in one dialect."""
    names = HEADERS[language]
    rows = frame.iloc[::-1] if newest_first else frame
    buffer = io.StringIO()
    for line in metadata or []:
        buffer.write(line + line_end)
    writer = csv.writer(
        buffer, delimiter=separator, lineterminator=line_end,
        quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL,
    )
    writer.writerow([names["Date"], *(names[column] for column in frame.columns)])
    for date, values in rows.iterrows():
        cells = [date.strftime(date_format)]
        for column, value in values.items():
            decimals = 0 if column == "Volume" else 2
            cells.append(format_number(value, decimal_comma, thousands, decimals))
        writer.writerow(cells)
    return buffer.getvalue().encode(encoding)
