"""Loading daily prices into one canonical frame, with a report of what was done.

Every source (a CSV or Excel file a user uploads, a bundled sample, a yfinance
download) ends as a :class:`PriceData`: a DataFrame with an ascending, unique
``DatetimeIndex`` named "Date" and float64 columns named Open, High, Low,
Close, Adj Close and Volume where present, plus a :class:`LoadReport` that
lists the encoding, separator, date format, column mapping, repairs and
warnings in Korean or English.

Problems a user can fix raise :class:`forecast.errors.ForecastError` with a
message key: ``empty_file``, ``file_not_found``, ``unreadable_encoding``,
``web_page_not_prices``, ``binary_file``, ``old_excel_format``,
``unreadable_excel``, ``no_date_column``, ``no_price_column``,
``price_not_numeric``, ``unparseable_dates``, ``ambiguous_dates``,
``intraday_data``, ``multiple_tickers``, ``no_data_rows``, ``no_valid_rows``,
``too_many_rows``, ``unknown_sample``, ``unknown_target`` and the ``fetch_*``
keys of :func:`fetch`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from forecast import _price_text as text_io
from forecast._price_checks import Notes, repair_and_check
from forecast._price_columns import DATE, MAIN_COLUMNS, PRICE_NAMES, ordered_columns
from forecast._price_values import MAX_BAD_DATE_SHARE, decide_decimal_comma, parse_dates, parse_numbers
from forecast.errors import ForecastError
from forecast.messages import Message

__all__ = [
    "SAMPLES", "CANONICAL_COLUMNS", "PRICE_COLUMNS", "DEFAULT_MAX_ROWS",
    "LoadReport", "PriceData", "load_prices", "load_sample", "fetch", "check_target",
]

logger = logging.getLogger(__name__)

SAMPLES: tuple[str, ...] = ("AAPL", "GOOG", "IBM", "MSFT")
CANONICAL_COLUMNS = MAIN_COLUMNS
PRICE_COLUMNS = PRICE_NAMES
DEFAULT_MAX_ROWS = 200_000  # about 800 years of trading days; protects a shared server from huge uploads
DATA_DIR = Path(__file__).resolve().parents[1] / "data"
MIN_NUMERIC_SHARE = 0.5  # a column with fewer readable numbers than this is not numeric


@dataclass
class LoadReport:
    """Report of the recognised file format and of the changes made while loading.

    ``repairs`` are changes made to the data (rows dropped, values filled,
    order fixed); ``warnings`` are things that look wrong but were kept.
    """

    source: str  # file name, "sample:AAPL" or "yfinance:AAPL"
    encoding: str | None  # "utf-8", "utf-8-sig", "cp949", "cp1252", "utf-16"; None for Excel and downloads
    separator: str | None  # ",", ";" or "\t"; None for Excel and downloads
    date_format: str | None  # strftime-style pattern such as "%Y-%m-%d" or "%d.%m.%y"
    column_map: dict[str, str]  # original header -> canonical name
    rows_read: int  # non-empty data rows in the source
    rows: int  # rows in the canonical frame
    repairs: list[Message] = field(default_factory=list)
    warnings: list[Message] = field(default_factory=list)

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        """Return the report as JSON-ready data, with messages rendered in ``lang``."""
        return {
            "source": self.source,
            "encoding": self.encoding,
            "separator": self.separator,
            "date_format": self.date_format,
            "column_map": dict(self.column_map),
            "rows_read": self.rows_read,
            "rows": self.rows,
            "repairs": [message.text(lang) for message in self.repairs],
            "warnings": [message.text(lang) for message in self.warnings],
        }


@dataclass
class PriceData:
    """A canonical price frame and the report of how it was loaded.

    ``frame`` has shape (rows, columns): an ascending unique ``DatetimeIndex``
    named "Date" (tz-naive, midnight), float64 columns in the order of
    ``CANONICAL_COLUMNS`` and then recognised extras (Change, Change %,
    Turnover, Market Cap, ...), and no NaN or infinity.
    """

    frame: pd.DataFrame
    report: LoadReport

    @property
    def price_columns(self) -> list[str]:
        """Price columns present, in canonical order; each can be the target."""
        return [name for name in PRICE_COLUMNS if name in self.frame.columns]


# ---------------------------------------------------------------- loading files


def load_prices(source: Any, *, name: str | None = None, max_rows: int = DEFAULT_MAX_ROWS) -> PriceData:
    """Load a price table from a file, bytes or a file-like object.

    Parameters
    ----------
    source : str, Path, bytes or file-like
        A CSV (any of , ; tab as separator) or an ``.xlsx`` workbook. File-like
        objects may be binary or text, such as Streamlit's ``UploadedFile``.
    name : str, optional
        Name shown in the report and in messages; defaults to the file name.
    max_rows : int
        Maximum number of data rows; longer files raise ``too_many_rows``.

    Returns
    -------
    PriceData
        The canonical frame (see :class:`PriceData`) and its report.

    Raises
    ------
    ForecastError
        With one of the keys listed in the module docstring.
    """
    content, display = text_io.read_source(source, name)
    text_io.reject_binary(content, display)
    if text_io.is_excel(content, display):
        table = text_io.read_excel(content, display, max_rows)
    else:
        table = text_io.frame_text(text_io.decode(content), display, max_rows)
    return _table_to_data(table, display)


def load_sample(ticker: str) -> PriceData:
    """Load one of the bundled daily price files (see ``data/README.md``).

    Raises ``ForecastError("unknown_sample")`` listing :data:`SAMPLES` for other names.
    """
    key = str(ticker).strip().upper()
    if key not in SAMPLES:
        raise ForecastError("unknown_sample", ticker, valid=", ".join(SAMPLES))
    data = load_prices(DATA_DIR / f"{key}.csv")
    data.report.source = f"sample:{key}"
    return data


def check_target(data: PriceData | pd.DataFrame, target: str) -> None:
    """Raise ``ForecastError("unknown_target")`` unless ``target`` is a price column of ``data``."""
    frame = data.frame if isinstance(data, PriceData) else data
    valid = [name for name in PRICE_COLUMNS if name in frame.columns]
    if target not in valid:
        raise ForecastError("unknown_target", target, valid=", ".join(valid) or "-")


def fetch(ticker: str, start: Any, end: Any, *, timeout: float = 10.0, download=None, auto_adjust: bool = False) -> PriceData:
    """Download daily prices with yfinance; see :func:`forecast.yahoo.fetch`."""
    from forecast.yahoo import fetch as fetch_yahoo

    return fetch_yahoo(ticker, start, end, timeout=timeout, download=download, auto_adjust=auto_adjust)


# ---------------------------------------------------------------- table -> frame


def _table_to_data(table: text_io.Table, display: str) -> PriceData:
    notes = Notes(repairs=list(table.notes))
    if not table.rows:
        if table.yfinance_ticker is not None:
            raise ForecastError("no_data_rows_yfinance", display, ticker=table.yfinance_ticker or "-")
        raise ForecastError("no_data_rows", display)

    width = len(table.header)
    cells = pd.DataFrame([row[:width] + [""] * (width - len(row)) for row in table.rows], dtype=object)
    match = table.match
    column_map = {table.header[match.date_index].strip() or "(index)": DATE}
    column_map.update({table.header[index].strip(): name for index, name in match.columns.items()})
    _note_ignored_columns(match, notes)

    dates = _parse_date_column(cells[match.date_index], notes)
    values = _parse_value_columns(cells, match.columns, notes)

    keep = dates.dates.notna().to_numpy()
    frame = values[keep].set_axis(pd.DatetimeIndex(dates.dates[keep], name=DATE), axis=0)
    frame = frame[ordered_columns(list(frame.columns))]
    frame = repair_and_check(frame, notes)

    report = LoadReport(
        source=display, encoding=table.encoding, separator=table.separator, date_format=dates.date_format,
        column_map=column_map, rows_read=len(table.rows), rows=len(frame),
        repairs=notes.repairs, warnings=notes.warnings,
    )
    logger.info("loaded %s: %d of %d rows, columns %s", display, len(frame), len(table.rows), list(frame.columns))
    return PriceData(frame, report)


def _note_ignored_columns(match, notes: Notes) -> None:
    if match.ignored:
        notes.repairs.append(Message("repair_columns_ignored", {"columns": ", ".join(match.ignored)}))
    if match.duplicates:
        notes.warnings.append(Message("warn_duplicate_columns", {"columns": ", ".join(match.duplicates)}))


def _parse_date_column(column: pd.Series, notes: Notes):
    """Parse the date column, dropping rows with unreadable dates or rejecting the file."""
    parsed = parse_dates(column)
    notes.warnings.extend(parsed.warnings)
    text = column.astype(str).str.strip()
    empty = text.eq("")
    unreadable = parsed.dates.isna() & ~empty

    present = int((~empty).sum())
    if present == 0 or unreadable.sum() > MAX_BAD_DATE_SHARE * present or parsed.dates.notna().sum() == 0:
        failed = text[unreadable] if unreadable.any() else text
        example = failed.iloc[0] if len(failed) else ""
        raise ForecastError("unparseable_dates", example, max_share=f"{MAX_BAD_DATE_SHARE:.0%}")
    if unreadable.any():
        notes.repairs.append(
            Message("repair_bad_dates_dropped", {"count": int(unreadable.sum()), "example": text[unreadable].iloc[0]})
        )
    if empty.any():
        notes.repairs.append(Message("repair_missing_dates_dropped", {"count": int(empty.sum())}))

    _check_times(parsed, notes)
    return parsed


def _check_times(parsed, notes: Notes) -> None:
    """Note dropped times of day; reject intraday files, whose dates repeat with other times."""
    times = parsed.times[parsed.dates.notna()]
    if not times.ne("").any():
        return
    dates = parsed.dates[parsed.dates.notna()]
    repeated = dates.duplicated(keep=False)
    if repeated.any() and times[repeated].groupby(dates[repeated].to_numpy()).nunique().gt(1).any():
        raise ForecastError("intraday_data", str(times[repeated].iloc[0]))
    offset = times.str.contains(r"(?:[+-]\d{2}:?\d{2}|Z)$", regex=True)
    key = "repair_utc_offset_dropped" if offset.any() else "repair_time_dropped"
    notes.repairs.append(Message(key, {"example": str(times[times.ne("")].iloc[0])}))


def _parse_value_columns(cells: pd.DataFrame, columns: dict[int, str], notes: Notes) -> pd.DataFrame:
    """Parse every recognised value column with the file's one decimal convention."""
    decimal_comma = decide_decimal_comma([cells[index] for index in columns])
    if decimal_comma:
        notes.repairs.append(Message("repair_decimal_comma"))

    values: dict[str, pd.Series] = {}
    for index, name in columns.items():
        parsed = parse_numbers(cells[index], decimal_comma)
        readable = int(parsed.values.notna().sum())
        if parsed.unreadable and readable < MIN_NUMERIC_SHARE * (readable + parsed.unreadable):
            only_price = not any(other in PRICE_COLUMNS and other != name for other in columns.values())
            if name == "Close" or (name in PRICE_COLUMNS and only_price):
                raise ForecastError("price_not_numeric", parsed.example, column=name)
            notes.warnings.append(Message("warn_column_not_numeric", {"column": name, "example": parsed.example}))
            continue
        if parsed.unreadable:
            notes.warnings.append(
                Message("warn_values_unreadable", {"count": parsed.unreadable, "column": name, "example": parsed.example})
            )
        values[name] = parsed.values

    if not any(name in PRICE_COLUMNS for name in values):
        raise ForecastError("no_price_column", ", ".join(columns.values()))
    return pd.DataFrame(values, index=cells.index)
