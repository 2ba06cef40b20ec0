"""Daily prices from Yahoo Finance through yfinance, normalised like a loaded file.

yfinance 1.x returns one ticker with MultiIndex columns (Price, Ticker), an
index that may be timezone-aware, and no Adj Close column when
``auto_adjust=True``. :func:`fetch` turns that into the canonical frame of
:mod:`forecast.prices` and runs the same repairs and checks.

yfinance reports most failures by logging them and returning an empty frame
rather than by raising, so :func:`fetch` listens to the ``yfinance`` logger
during the call to tell a rate limit or a network failure from an unknown
ticker.
"""

from __future__ import annotations

import copy
import logging
import re
import threading
from collections import OrderedDict
from typing import Any, Callable

import pandas as pd

from forecast._price_checks import Notes, repair_and_check
from forecast._price_columns import DATE, ALIASES, normalise_header, ordered_columns
from forecast.errors import ForecastError
from forecast.messages import Message

logger = logging.getLogger(__name__)

CACHE_SIZE = 32  # downloads kept in memory; prices are public, so sessions may share them
_cache: OrderedDict[tuple, Any] = OrderedDict()
_cache_lock = threading.Lock()
_KOREAN_CODE = re.compile(r"^\d{6}$")
_RATE_LIMIT = re.compile(r"rate.?limit|too many requests|\b429\b", re.IGNORECASE)
_NETWORK = re.compile(
    r"could not resolve|failed to (perform|connect)|connection|timed? ?out|timeout|network|ssl|curl", re.IGNORECASE
)


def clear_cache() -> None:
    """Forget every cached download."""
    with _cache_lock:
        _cache.clear()


def fetch(
    ticker: str,
    start: Any,
    end: Any,
    *,
    timeout: float = 10.0,
    download: Callable[..., pd.DataFrame] | None = None,
    auto_adjust: bool = False,
):
    """Download daily prices of one ticker and return them as ``PriceData``.

    Parameters
    ----------
    ticker : str
        One Yahoo symbol, such as "AAPL" or "005930.KS".
    start, end : str, date or Timestamp
        Date range; ``end`` is exclusive, as in yfinance.
    timeout : float
        Seconds yfinance waits for each HTTP response.
    download : callable, optional
        Replacement for ``yfinance.download`` with the same keyword
        arguments; tests pass a fake so that nothing touches the network.
    auto_adjust : bool
        False keeps Close as traded plus an Adj Close column; True returns
        split- and dividend-adjusted prices as Close and no Adj Close.

    Returns
    -------
    PriceData
        Canonical frame of :mod:`forecast.prices`; ``report.source`` is
        "yfinance:<TICKER>".

    Raises
    ------
    ForecastError
        ``invalid_ticker``, ``invalid_date_range``, ``fetch_empty`` (with a
        .KS/.KQ hint for six-digit codes), ``fetch_rate_limited``,
        ``fetch_timeout``, ``fetch_failed`` or ``multiple_tickers``.
    """
    symbol = _check_ticker(ticker)
    first, last = _check_range(start, end)
    download = download or _yfinance_download()
    key = (symbol, first.isoformat(), last.isoformat(), bool(auto_adjust), download)

    with _cache_lock:
        if key in _cache:
            _cache.move_to_end(key)
            return copy.deepcopy(_cache[key])

    raw = _call_download(download, symbol, first, last, timeout, auto_adjust)
    data = normalise_download(raw, symbol)
    logger.info("downloaded %s %s..%s: %d rows", symbol, first.date(), last.date(), len(data.frame))

    with _cache_lock:
        _cache[key] = copy.deepcopy(data)
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return data


def _yfinance_download() -> Callable[..., pd.DataFrame]:
    import yfinance

    return yfinance.download


def _check_ticker(ticker: Any) -> str:
    symbol = str(ticker or "").strip().upper()
    if not symbol or not re.fullmatch(r"[A-Z0-9^][A-Z0-9.\-=^]{0,19}", symbol):
        raise ForecastError("invalid_ticker", ticker)
    return symbol


def _check_range(start: Any, end: Any) -> tuple[pd.Timestamp, pd.Timestamp]:
    try:
        first, last = pd.Timestamp(start).normalize(), pd.Timestamp(end).normalize()
    except (TypeError, ValueError):
        raise ForecastError("invalid_date_range", str(start), end=str(end)) from None
    if pd.isna(first) or pd.isna(last) or first >= last:
        raise ForecastError("invalid_date_range", str(start), end=str(end))
    return first.tz_localize(None) if first.tzinfo else first, last.tz_localize(None) if last.tzinfo else last


class _ErrorRecords(logging.Handler):
    """Collect the error lines yfinance logs instead of raising."""

    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _call_download(download, symbol, first, last, timeout, auto_adjust) -> pd.DataFrame:
    """Call ``download`` and turn every failure into a specific ``ForecastError``."""
    records = _ErrorRecords()
    yf_logger = logging.getLogger("yfinance")
    yf_logger.addHandler(records)
    try:
        raw = download(
            symbol, start=first.date().isoformat(), end=last.date().isoformat(),
            auto_adjust=auto_adjust, progress=False, multi_level_index=True,
            threads=False, timeout=timeout,
        )
    except Exception as error:  # noqa: BLE001 - yfinance, requests and curl_cffi raise many types
        logger.warning("download of %s failed: %r", symbol, error)
        raise _classify_failure(symbol, repr(error), timeout, error) from None
    finally:
        yf_logger.removeHandler(records)

    if raw is None or raw.empty:
        # NOTE: the yfinance logger is process-wide, so a concurrent download
        # of another ticker could add its errors to this classification.
        logged = " ".join(records.messages)
        if logged and (_RATE_LIMIT.search(logged) or _NETWORK.search(logged)):
            logger.warning("download of %s returned nothing: %s", symbol, logged)
            raise _classify_failure(symbol, logged, timeout, None)
        raise _empty_error(symbol, first.date().isoformat(), last.date().isoformat())
    return raw


def _classify_failure(symbol: str, text: str, timeout: float, error: BaseException | None) -> ForecastError:
    name = type(error).__name__ if error is not None else ""
    if "RateLimit" in name or _RATE_LIMIT.search(text):
        return ForecastError("fetch_rate_limited", symbol)
    if isinstance(error, TimeoutError) or "Timeout" in name or re.search(r"timed? ?out", text, re.IGNORECASE):
        return ForecastError("fetch_timeout", symbol, timeout=timeout)
    reason = str(error) if error is not None and str(error) else text
    reason = re.split(r"\.?\s+See https?://", reason)[0]  # curl appends a link to its error list
    return ForecastError("fetch_failed", symbol, reason=reason[:200])


def _empty_error(symbol: str, start: str, end: str) -> ForecastError:
    """Return the error for an empty download, with the .KS/.KQ hint for six-digit codes."""
    if _KOREAN_CODE.match(symbol):
        return ForecastError("fetch_empty_korean_code", symbol, start=start, end=end, suggestion=f"{symbol}.KS")
    return ForecastError("fetch_empty", symbol, start=start, end=end)


def normalise_download(raw: pd.DataFrame, symbol: str):
    """Turn a yfinance frame into ``PriceData``.

    Accepts MultiIndex (Price, Ticker) or (Ticker, Price) columns and flat
    columns, and a naive or timezone-aware index. A timezone-aware index keeps
    its local calendar dates: 2024-01-02 00:00+09:00 stays 2024-01-02.
    """
    from forecast.prices import LoadReport, PriceData

    frame = _single_ticker(raw, symbol)
    notes = Notes()

    index = pd.DatetimeIndex(frame.index)
    if index.tz is not None:
        notes.repairs.append(Message("repair_timezone_dropped", {"timezone": str(index.tz)}))
        index = index.tz_localize(None)
    frame = frame.set_axis(index.normalize().astype("datetime64[ns]"), axis=0)

    column_map: dict[str, str] = {}
    columns: dict[str, pd.Series] = {}
    for original in frame.columns:
        name = ALIASES.get(normalise_header(original))
        if name is None or name == DATE or name in columns:
            continue
        column_map[str(original)] = name
        columns[name] = pd.to_numeric(frame[original], errors="coerce").astype("float64")
    if not any(name in ("Open", "High", "Low", "Close", "Adj Close") for name in columns):
        raise ForecastError("no_price_column", ", ".join(map(str, frame.columns)))

    values = pd.DataFrame(columns, index=frame.index)
    values = values[ordered_columns(list(values.columns))].replace([float("inf"), float("-inf")], float("nan"))
    rows_read = int(values.notna().any(axis=1).sum())
    values = values[values.notna().any(axis=1)]
    if values.empty:
        raise _empty_error(symbol, "-", "-")
    values = repair_and_check(values, notes)

    report = LoadReport(
        source=f"yfinance:{symbol}", encoding=None, separator=None, date_format=None,
        column_map=column_map, rows_read=rows_read, rows=len(values),
        repairs=notes.repairs, warnings=notes.warnings,
    )
    return PriceData(values, report)


def _single_ticker(raw: pd.DataFrame, symbol: str) -> pd.DataFrame:
    """Return the columns of ``symbol`` with one level of plain names."""
    if not isinstance(raw.columns, pd.MultiIndex):
        return raw
    names = list(raw.columns.names)
    level = names.index("Ticker") if "Ticker" in names else _ticker_level(raw.columns, symbol)
    tickers = list(dict.fromkeys(str(value) for value in raw.columns.get_level_values(level)))
    matching = [value for value in tickers if value.upper() == symbol]
    if len(tickers) > 1 and not matching:
        raise ForecastError("multiple_tickers", ", ".join(tickers))
    chosen = matching[0] if matching else tickers[0]
    return raw.xs(chosen, axis=1, level=level)


def _ticker_level(columns: pd.MultiIndex, symbol: str) -> int:
    for level in range(columns.nlevels):
        if any(str(value).upper() == symbol for value in columns.get_level_values(level)):
            return level
    return columns.nlevels - 1

