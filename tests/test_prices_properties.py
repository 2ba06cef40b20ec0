"""Property tests of load_prices(): dialect round trips, and fuzzed input never crashes.

The round trip writes a generated price table in one of many dialects
(encoding, separator, decimal convention, date format, order, quoting, header
language) and checks that loading recovers the same dates and values. The
fuzz tests feed arbitrary bytes and CSV-like text and accept only the
canonical frame or the package's own error.
"""

from __future__ import annotations

import datetime
import io

import numpy as np
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from forecast.errors import ForecastError
from forecast.prices import load_prices
from price_factories import write_table

ENCODINGS = {"en": ("utf-8", "utf-8-sig", "cp949", "cp1252"), "investing": ("utf-8", "cp1252"),
             "ko": ("utf-8", "utf-8-sig", "cp949"), "de": ("utf-8", "utf-8-sig", "cp1252")}
DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y%m%d", "%d.%m.%Y", "%d.%m.%y", "%m/%d/%Y", "%d/%m/%Y",
                "%Y. %m. %d", "%Y년 %m월 %d일")


@st.composite
def price_tables(draw):
    rows = draw(st.integers(3, 25))
    start = draw(st.dates(datetime.date(1995, 1, 1), datetime.date(2030, 1, 1)))
    dates = pd.bdate_range(start, periods=rows, name="Date")
    cents = draw(st.lists(st.integers(1, 10**8), min_size=rows, max_size=rows))
    close = np.array(cents, dtype=float) / 100
    volume = np.array(draw(st.lists(st.integers(1, 10**9), min_size=rows, max_size=rows)), dtype=float)
    with_open = draw(st.booleans())
    columns = {"Open": np.round(close * 1.01, 2)} if with_open else {}
    columns.update({"Close": close, "Volume": volume})
    return pd.DataFrame(columns, index=dates)


@st.composite
def dialects(draw):
    language = draw(st.sampled_from(sorted(ENCODINGS)))
    encoding = draw(st.sampled_from(ENCODINGS[language]))
    formats = [fmt for fmt in DATE_FORMATS if "년" not in fmt or encoding in ("utf-8", "utf-8-sig", "cp949")]
    return {
        "language": language,
        "encoding": encoding,
        "separator": draw(st.sampled_from([",", ";", "\t"])),
        "decimal_comma": draw(st.booleans()),
        "thousands": draw(st.booleans()),
        "date_format": draw(st.sampled_from(formats)),
        "newest_first": draw(st.booleans()),
        "quote_all": draw(st.booleans()),
        "line_end": draw(st.sampled_from(["\n", "\r\n"])),
        "metadata": draw(st.sampled_from([None, ["Exported prices"], ["종목: 005930", ""]])) if encoding != "cp1252" else None,
    }


@settings(max_examples=120, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(frame=price_tables(), dialect=dialects())
def test_dialect_round_trip(frame, dialect):
    content = write_table(frame, **dialect)
    data = load_prices(content, name="generated.csv")

    assert data.frame.index.tolist() == frame.index.tolist()
    for column in frame.columns:
        np.testing.assert_allclose(data.frame[column].to_numpy(), frame[column].to_numpy(), rtol=1e-12)
    if dialect["encoding"] == "cp949" and dialect["language"] == "ko":
        assert data.report.encoding == "cp949"
    assert data.report.separator == dialect["separator"]


def assert_canonical_or_own_error(content) -> None:
    try:
        data = load_prices(content, name="fuzz.csv")
    except ForecastError as error:
        assert error.message("en")
        assert error.message("ko")
        return
    frame = data.frame
    assert isinstance(frame.index, pd.DatetimeIndex)
    assert frame.index.is_monotonic_increasing and frame.index.is_unique
    assert len(frame) > 0
    assert all(dtype == np.float64 for dtype in frame.dtypes)
    assert np.isfinite(frame.to_numpy()).all()
    assert data.price_columns


@settings(max_examples=150, deadline=2000)
@given(st.binary(max_size=3000))
def test_fuzz_bytes(content):
    assert_canonical_or_own_error(content)


HEADER_WORDS = ["Date", "날짜", "일자", "Datum", "Close", "Price", "종가", "Open", "시가", "Volume", "Vol.", "Adj Close",
                "Price", "Ticker", "High", "Low", "Schluss", "거래량", ""]
CELL_VALUES = st.one_of(
    st.sampled_from(HEADER_WORDS),
    st.sampled_from(["2024-01-02", "2024/01/03", "02.01.24", "01/02/2024", "13/13/2024", "2024년 1월 5일",
                     "2024-03-08 00:00:00-05:00", "20240105", "Sep 19, 2023", "9999-99-99", "0000-01-01",
                     "1.234,5", "1,234.5", "12,570", "1.5M", "3K", "7%", "-", "null", "NaN", "inf", "-inf",
                     "1e308", "1e309", "-0", "0", "()", "(1.5)", "▲100", "<html>", '"', "''"]),
    st.from_regex(r"-?[0-9]{1,9}([.,][0-9]{1,4})?[KMB%]?", fullmatch=True),
    st.dates(datetime.date(1700, 1, 1), datetime.date(2300, 1, 1)).map(lambda day: day.isoformat()),
    st.text(max_size=8),
)


DATE_PATTERNS = ("%Y-%m-%d", "%d.%m.%y", "%m/%d/%Y", "%Y%m%d", "%Y/%m/%d 09:30:00+09:00", "%Y년 %m월 %d일")
NUMBER_CELLS = st.tuples(st.integers(0, 9), st.from_regex(r"[0-9]{1,6}([.,][0-9]{1,3})?[KM%]?", fullmatch=True), CELL_VALUES)
NUMBER_CELLS = NUMBER_CELLS.map(lambda drawn: drawn[2] if drawn[0] == 0 else drawn[1])


@st.composite
def csv_like_texts(draw):
    """Tables that are often almost valid: a date and a price header, then rows of mixed cells."""
    separator = draw(st.sampled_from([",", ";", "\t", "|"]))
    width = draw(st.integers(1, 5))
    header = [draw(st.sampled_from(["Date", "날짜", "Datum", ""])), draw(st.sampled_from(["Close", "종가", "Price", "Open"]))]
    header += draw(st.lists(st.sampled_from(HEADER_WORDS), max_size=width))
    if draw(st.booleans()):
        header = draw(st.permutations(header))
    pattern = draw(st.sampled_from(DATE_PATTERNS))
    # About one date cell in twenty is junk, so some tables load and others are rejected.
    date_cells = st.tuples(st.integers(0, 19), st.dates(datetime.date(1990, 1, 1), datetime.date(2030, 1, 1)), CELL_VALUES)
    date_cells = date_cells.map(lambda drawn: drawn[2] if drawn[0] == 0 else drawn[1].strftime(pattern))
    rows = draw(st.lists(
        st.tuples(date_cells, st.lists(NUMBER_CELLS, min_size=0, max_size=width + 2)).map(lambda row: [row[0], *row[1]]),
        max_size=25,
    ))
    metadata = st.one_of(st.text(max_size=10), st.text("abc 0123:-", max_size=10))
    lines = draw(st.lists(metadata, max_size=2)) + [separator.join(header)]
    lines += [separator.join(row) for row in rows]
    return draw(st.sampled_from(["\n", "\r\n"])).join(lines)


@settings(max_examples=250, deadline=2000)
@given(csv_like_texts(), st.sampled_from(["utf-8", "cp949", "text"]))
def test_fuzz_csv_like_text(text, encoding):
    if encoding == "text":
        assert_canonical_or_own_error(io.StringIO(text))
        return
    assert_canonical_or_own_error(text.encode(encoding, errors="replace"))
