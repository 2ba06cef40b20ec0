"""fetch(): yfinance output normalised to the canonical frame, failures turned into clear errors.

Every test passes a fake ``download`` returning frames shaped like
``yfinance.download`` 1.x output, so nothing touches the network.
"""

from __future__ import annotations

import socket

import numpy as np
import pandas as pd
import pytest

from forecast import yahoo
from forecast.errors import ForecastError
from forecast.prices import fetch


@pytest.fixture(autouse=True)
def _empty_cache():
    yahoo.clear_cache()
    yield
    yahoo.clear_cache()


def yfinance_frame(ticker="AAPL", days=5, auto_adjust=False, tz="America/New_York", start="2024-03-06"):
    """Return a frame shaped like yfinance 1.x ``download`` output for one ticker."""
    index = pd.date_range(start, periods=days, freq="B", tz=tz, name="Date")
    close = 100.0 + np.arange(days)
    prices = {
        "Close": close,
        "High": close + 1,
        "Low": close - 1,
        "Open": close - 0.5,
        "Volume": np.full(days, 1_000_000, dtype="int64"),
    }
    if not auto_adjust:
        prices["Adj Close"] = close * 0.9
    names = sorted(prices)  # yfinance sorts the Price level alphabetically
    columns = pd.MultiIndex.from_product([names, [ticker]], names=["Price", "Ticker"])
    return pd.DataFrame({column: prices[column[0]] for column in columns}, index=index, columns=columns)


class FakeDownload:
    """Stand-in for ``yfinance.download`` that records its calls."""

    def __init__(self, result=None, error=None):
        self.result, self.error, self.calls = result, error, []

    def __call__(self, tickers, **kwargs):
        self.calls.append((tickers, kwargs))
        if self.error is not None:
            raise self.error
        return self.result(tickers, kwargs) if callable(self.result) else self.result


def test_fetch_multiindex_to_canonical():
    fake = FakeDownload(yfinance_frame())
    data = fetch("aapl", "2024-03-01", "2024-04-01", download=fake)

    assert list(data.frame.columns) == ["Open", "High", "Low", "Close", "Adj Close", "Volume"]
    assert data.frame.index.tz is None
    assert data.frame.index.name == "Date"
    assert data.frame.index[0] == pd.Timestamp("2024-03-06")
    assert data.frame["Close"].iloc[0] == 100.0
    assert data.frame["Adj Close"].iloc[0] == pytest.approx(90.0)
    assert (data.frame.dtypes == "float64").all()
    assert data.report.source == "yfinance:AAPL"


def test_fetch_passes_explicit_settings():
    fake = FakeDownload(yfinance_frame())
    fetch("AAPL", "2024-03-01", "2024-04-01", download=fake, timeout=3.5)

    tickers, kwargs = fake.calls[0]
    assert tickers == "AAPL"
    assert kwargs["auto_adjust"] is False
    assert kwargs["progress"] is False
    assert kwargs["timeout"] == 3.5
    assert kwargs["start"] == "2024-03-01"
    assert kwargs["end"] == "2024-04-01"


def test_fetch_auto_adjusted_has_no_adj_close():
    fake = FakeDownload(yfinance_frame(auto_adjust=True))
    data = fetch("AAPL", "2024-03-01", "2024-04-01", download=fake, auto_adjust=True)

    assert fake.calls[0][1]["auto_adjust"] is True
    assert "Adj Close" not in data.frame.columns
    assert data.price_columns == ["Open", "High", "Low", "Close"]


def test_fetch_seoul_dates_not_shifted_to_utc():
    # Midnight in Seoul is 15:00 UTC of the previous day; the date must stay the Korean one.
    fake = FakeDownload(yfinance_frame("005930.KS", tz="Asia/Seoul", start="2024-01-02"))
    data = fetch("005930.KS", "2024-01-01", "2024-02-01", download=fake)

    assert data.frame.index[0] == pd.Timestamp("2024-01-02")
    assert list(data.frame.index.day_of_week) == [1, 2, 3, 4, 0]
    assert any("Asia/Seoul" in text for text in data.report.to_dict()["repairs"])


def test_fetch_dst_change_keeps_dates():
    # New York switches to daylight-saving time on 2024-03-10; offsets change from -05:00 to -04:00.
    fake = FakeDownload(yfinance_frame(days=6, start="2024-03-06"))
    data = fetch("AAPL", "2024-03-01", "2024-04-01", download=fake)

    expected = pd.to_datetime(["2024-03-06", "2024-03-07", "2024-03-08", "2024-03-11", "2024-03-12", "2024-03-13"])
    assert list(data.frame.index) == list(expected)


def test_fetch_flat_columns_accepted():
    frame = yfinance_frame().droplevel("Ticker", axis=1)
    data = fetch("AAPL", "2024-03-01", "2024-04-01", download=FakeDownload(frame))
    assert data.frame["Close"].iloc[-1] == 104.0


def test_fetch_other_ticker_rejected():
    both = pd.concat([yfinance_frame("MSFT"), yfinance_frame("IBM")], axis=1)
    with pytest.raises(ForecastError, match="several tickers") as raised:
        fetch("AAPL", "2024-03-01", "2024-04-01", download=FakeDownload(both))
    assert raised.value.key == "multiple_tickers"


def test_fetch_picks_requested_ticker():
    both = pd.concat([yfinance_frame("MSFT"), yfinance_frame("AAPL") + 1000], axis=1)
    data = fetch("AAPL", "2024-03-01", "2024-04-01", download=FakeDownload(both))
    assert data.frame["Close"].iloc[0] == 1100.0


def test_fetch_empty_korean_code_hint():
    empty = yfinance_frame("005930").iloc[:0]
    with pytest.raises(ForecastError, match=r"\.KS \(KOSPI\) or \.KQ \(KOSDAQ\): try 005930\.KS") as raised:
        fetch("005930", "2024-01-01", "2024-02-01", download=FakeDownload(empty))
    assert raised.value.key == "fetch_empty_korean_code"
    assert "005930.KS" in raised.value.message("ko")


def test_fetch_empty_other_ticker():
    empty = yfinance_frame("NOPE").iloc[:0]
    with pytest.raises(ForecastError, match="returned no prices for NOPE between 2024-01-01 and 2024-02-01") as raised:
        fetch("NOPE", "2024-01-01", "2024-02-01", download=FakeDownload(empty))
    assert raised.value.key == "fetch_empty"


def test_fetch_all_nan_rows_is_empty():
    frame = yfinance_frame() * np.nan
    with pytest.raises(ForecastError) as raised:
        fetch("AAPL", "2024-03-01", "2024-04-01", download=FakeDownload(frame))
    assert raised.value.key == "fetch_empty"


def test_fetch_rate_limit_exception():
    from yfinance.exceptions import YFRateLimitError

    with pytest.raises(ForecastError, match="limiting requests") as raised:
        fetch("AAPL", "2024-03-01", "2024-04-01", download=FakeDownload(error=YFRateLimitError()))
    assert raised.value.key == "fetch_rate_limited"


def test_fetch_rate_limit_logged_by_yfinance():
    # yfinance.download logs per-ticker failures and returns an empty frame instead of raising.
    import logging

    def logs_then_empty(tickers, kwargs):
        logging.getLogger("yfinance").error("['AAPL']: YFRateLimitError('Too Many Requests. Rate limited.')")
        return yfinance_frame().iloc[:0]

    with pytest.raises(ForecastError) as raised:
        fetch("AAPL", "2024-03-01", "2024-04-01", download=FakeDownload(logs_then_empty))
    assert raised.value.key == "fetch_rate_limited"


def test_fetch_connection_error_curl():
    from curl_cffi.requests.exceptions import ConnectionError as CurlConnectionError

    error = CurlConnectionError("Failed to perform, curl: (6) Could not resolve host: query2.finance.yahoo.com")
    with pytest.raises(ForecastError, match="Download of AAPL failed: .*Could not resolve host") as raised:
        fetch("AAPL", "2024-03-01", "2024-04-01", download=FakeDownload(error=error))
    assert raised.value.key == "fetch_failed"
    assert "인터넷 연결" in raised.value.message("ko")


def test_fetch_timeout_error():
    from curl_cffi.requests.exceptions import Timeout

    with pytest.raises(ForecastError, match="timed out after 2.0 s") as raised:
        fetch("AAPL", "2024-03-01", "2024-04-01", timeout=2.0, download=FakeDownload(error=Timeout("timed out")))
    assert raised.value.key == "fetch_timeout"


def test_fetch_offline_real_yfinance(monkeypatch):
    """The real yfinance.download, with every HTTP request failing as with no network, gives a clear error."""
    yfinance = pytest.importorskip("yfinance")
    curl_requests = pytest.importorskip("curl_cffi.requests")
    from curl_cffi.requests.exceptions import DNSError

    requests_sent = []

    def unreachable(self, method, url, *args, **kwargs):
        requests_sent.append(url)
        raise DNSError(f"Failed to perform, curl: (6) Could not resolve host: {url.split('/')[2]}")

    def no_socket(*args, **kwargs):
        raise OSError("network is unreachable (disabled by the test)")

    # curl_cffi does its own networking in C, so its Session is blocked as well as Python sockets.
    monkeypatch.setattr(curl_requests.Session, "request", unreachable)
    monkeypatch.setattr(socket.socket, "connect", no_socket)
    monkeypatch.setattr(socket, "create_connection", no_socket)

    with pytest.raises(ForecastError, match="Download of AAPL failed: .*Could not resolve host") as raised:
        fetch("AAPL", "2024-01-01", "2024-02-01", timeout=2.0, download=yfinance.download)
    assert raised.value.key == "fetch_failed"
    assert requests_sent, "yfinance sent no request through curl_cffi; the test no longer blocks its path"


def test_fetch_caches_success():
    fake = FakeDownload(yfinance_frame())
    first = fetch("AAPL", "2024-03-01", "2024-04-01", download=fake)
    first.frame.iloc[0, 0] = -1.0  # a caller's change must not leak into the cache
    second = fetch("AAPL", "2024-03-01", "2024-04-01", download=fake)

    assert len(fake.calls) == 1
    assert second.frame["Open"].iloc[0] == 99.5


def test_fetch_failure_not_cached():
    fake = FakeDownload(error=OSError("down"))
    for _ in range(2):
        with pytest.raises(ForecastError):
            fetch("AAPL", "2024-03-01", "2024-04-01", download=fake)
    assert len(fake.calls) == 2


@pytest.mark.parametrize("ticker", ["", "   ", "AAPL MSFT", "a/b", None])
def test_fetch_invalid_ticker(ticker):
    with pytest.raises(ForecastError) as raised:
        fetch(ticker, "2024-01-01", "2024-02-01", download=FakeDownload(yfinance_frame()))
    assert raised.value.key == "invalid_ticker"


@pytest.mark.parametrize("start, end", [("2024-02-01", "2024-01-01"), ("2024-01-01", "2024-01-01"), ("soon", "2024-01-01")])
def test_fetch_invalid_range(start, end):
    with pytest.raises(ForecastError, match="Invalid date range") as raised:
        fetch("AAPL", start, end, download=FakeDownload(yfinance_frame()))
    assert raised.value.key == "invalid_date_range"
