"""load_prices() on each kind of price file users have, with inputs written here."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from forecast.errors import ForecastError
from forecast.prices import CANONICAL_COLUMNS, PRICE_COLUMNS, SAMPLES, check_target, load_prices, load_sample
from price_factories import ohlcv, write_table


def load(text: str | bytes, name: str = "test.csv", **kwargs):
    content = text.encode("utf-8") if isinstance(text, str) else text
    return load_prices(content, name=name, **kwargs)


def texts(messages) -> str:
    return " | ".join(message.text("en") for message in messages)


def rejected(text: str | bytes, key: str, name: str = "test.csv") -> ForecastError:
    with pytest.raises(ForecastError) as raised:
        load(text, name)
    assert raised.value.key == key, raised.value.message("en")
    assert raised.value.message("ko") != raised.value.message("en")
    return raised.value


def assert_canonical(frame: pd.DataFrame) -> None:
    assert isinstance(frame.index, pd.DatetimeIndex)
    assert frame.index.name == "Date"
    assert frame.index.tz is None
    assert frame.index.is_monotonic_increasing and frame.index.is_unique
    assert (frame.index == frame.index.normalize()).all()
    assert all(dtype == np.float64 for dtype in frame.dtypes)
    assert np.isfinite(frame.to_numpy()).all()


YAHOO = """Date,Open,High,Low,Close,Adj Close,Volume
2024-01-02,187.15,188.44,183.89,185.64,184.94,82488700
2024-01-03,184.22,185.88,183.43,184.25,183.55,58414500
2024-01-04,182.15,183.09,180.88,181.91,181.22,71983600
"""


# ---------------------------------------------------------------- encodings and framing


def test_yahoo_csv_canonical():
    data = load(YAHOO)
    assert_canonical(data.frame)
    assert list(data.frame.columns) == list(CANONICAL_COLUMNS)
    assert len(data.frame) == 3
    assert data.frame.loc["2024-01-03", "Close"] == 184.25
    assert data.frame.loc["2024-01-04", "Volume"] == 71983600.0
    assert data.price_columns == list(PRICE_COLUMNS)
    assert data.report.encoding == "utf-8"
    assert data.report.separator == ","
    assert data.report.date_format == "%Y-%m-%d"
    assert data.report.rows_read == data.report.rows == 3


def test_utf8_bom_detected():
    data = load("\ufeff" + YAHOO)
    assert data.report.encoding == "utf-8-sig"
    assert data.report.column_map["Date"] == "Date"


def test_cp949_korean_crlf():
    text = (
        '"일자","종가","대비","등락률","시가","고가","저가","거래량","거래대금"\r\n'
        '"2024/03/05","73,400","-800","-1.08","74,000","74,200","73,100","12,345,678","905,000,000,000"\r\n'
        '"2024/03/04","74,200","900","1.23","73,500","74,500","73,300","11,000,000","815,000,000,000"\r\n'
    )
    data = load(text.encode("cp949"))
    assert data.report.encoding == "cp949"
    assert data.report.column_map["종가"] == "Close"
    assert list(data.frame.columns) == ["Open", "High", "Low", "Close", "Volume", "Change", "Change %", "Turnover"]
    assert data.frame["Close"].tolist() == [74200.0, 73400.0]
    assert data.frame["Volume"].iloc[1] == 12345678.0
    assert "newest first" in texts(data.report.repairs)


def test_cp1252_german_decoded_explicitly():
    text = "Datum;Eröffnung;Schluss;Hoch;Tief\n01.08.2024;10,5;11,25;12,0;9,75\n02.08.2024;11,0;11,5;12,5;10,5\n"
    data = load(text.encode("cp1252"))
    assert data.report.encoding == "cp1252"
    assert data.report.column_map["Eröffnung"] == "Open"
    assert data.frame["Open"].tolist() == [10.5, 11.0]


def test_utf16_with_bom():
    data = load(YAHOO.replace(",", "\t").encode("utf-16"))
    assert data.report.encoding == "utf-16"
    assert data.report.separator == "\t"
    assert data.frame["Close"].iloc[0] == 185.64


def test_invalid_bytes_rejected():
    # 0x81 is undefined in Windows-1252 and starts no valid CP949 pair with 0x20; not UTF-8 either.
    error = rejected(b"Date,Close\n2024-01-02,1\x81 \x81\n", "unreadable_encoding")
    assert "UTF-8" in error.message("en")


@pytest.mark.parametrize("separator", [",", ";", "\t"])
def test_separator_sniffed(separator):
    data = load(write_table(ohlcv(5), separator=separator))
    assert data.report.separator == separator
    assert len(data.frame) == 5
    assert data.frame["Close"].iloc[-1] == ohlcv(5)["Close"].iloc[-1]


def test_metadata_lines_skipped():
    content = write_table(ohlcv(4), metadata=["Samsung Electronics (005930)", "Exported 2024-02-01", ""])
    data = load(content)
    assert len(data.frame) == 4
    assert "Skipped 3 line(s) above the header" in texts(data.report.repairs)


def test_yfinance_three_line_header():
    text = (
        "Price,Adj Close,Close,High,Low,Open,Volume\n"
        "Ticker,MSFT,MSFT,MSFT,MSFT,MSFT,MSFT\n"
        "Date,,,,,,\n"
        "2024-01-02,368.1,370.87,376.0,366.5,373.86,25258600\n"
        "2024-01-03,367.8,370.6,373.26,368.51,369.01,23083500\n"
    )
    data = load(text)
    assert len(data.frame) == 2
    assert data.frame.index[0] == pd.Timestamp("2024-01-02")
    assert data.frame.loc["2024-01-03", "Close"] == 370.6
    assert data.frame.loc["2024-01-03", "Adj Close"] == 367.8
    assert "MSFT" in texts(data.report.repairs)


def test_yfinance_header_two_tickers_rejected():
    text = "Price,Close,Close\nTicker,AAPL,MSFT\nDate,,\n2024-01-02,1,2\n"
    error = rejected(text, "multiple_tickers")
    assert "AAPL, MSFT" in error.message("en")


def test_empty_yfinance_download_hint():
    text = "Price,Close,High,Low,Open,Volume\nTicker,123456,123456,123456,123456,123456\nDate,,,,,\n"
    error = rejected(text, "no_data_rows_yfinance")
    assert ".KS (KOSPI) or .KQ (KOSDAQ)" in error.message("en")


def test_html_page_rejected():
    page = "<!DOCTYPE html>\n<html><head><title>Stock</title></head><body><table><tr><td>Date</td></tr></table></body></html>"
    error = rejected(page, "web_page_not_prices", name="prices.csv")
    assert error.message("en") == (
        "prices.csv is a web page, not price data. Use the site's download button to get a CSV file."
    )


@pytest.mark.parametrize("content", [b"", b"   \n\r\n  "])
def test_empty_file_rejected(content):
    error = rejected(content, "empty_file", name="blank.csv")
    assert "blank.csv is empty" in error.message("en")


def test_header_only_rejected():
    error = rejected("Date,Close\n", "no_data_rows", name="h.csv")
    assert error.message("en") == "h.csv has a header but no data rows."


def test_binary_rejected():
    rejected(b"Date,Close\n\x00\x00\x00\x01", "binary_file")


def test_old_xls_rejected():
    rejected(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "old_excel_format", name="prices.xls")


def _xlsx_bytes(rows) -> bytes:
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_xlsx_korean_brokerage():
    import datetime

    content = _xlsx_bytes([
        ["삼성전자 일별 시세"],
        [],
        ["일자", "현재가", "시가", "고가", "저가", "거래량"],
        [datetime.datetime(2024, 1, 3), 77000, 78000, 78500, 76800, 15_000_000],
        [datetime.datetime(2024, 1, 2), 78400, 76100, 78900, 75600, 9_592_593],
        ["2024/01/04", "76,600", "76,900", "77,200", "76,400", "12,000,000"],
    ])
    data = load_prices(io.BytesIO(content), name="export.xlsx")
    assert_canonical(data.frame)
    assert data.report.encoding is None
    assert data.frame.index.tolist() == list(pd.to_datetime(["2024-01-02", "2024-01-03", "2024-01-04"]))
    assert data.frame["Close"].tolist() == [78400.0, 77000.0, 76600.0]
    assert "Skipped 2 line(s)" in texts(data.report.repairs)


def test_xlsx_detected_by_signature():
    content = _xlsx_bytes([["Date", "Close"], ["2024-01-02", 10.5], ["2024-01-03", 11.5]])
    data = load_prices(content, name="download")  # no extension: the zip signature decides
    assert data.frame["Close"].tolist() == [10.5, 11.5]


def test_damaged_xlsx_rejected():
    content = _xlsx_bytes([["Date", "Close"], ["2024-01-02", 1.0]])
    rejected(content[: len(content) // 2], "unreadable_excel", name="broken.xlsx")


# ---------------------------------------------------------------- sources


def test_sources_path_bytes_filelike(tmp_path: Path):
    path = tmp_path / "prices.csv"
    path.write_text(YAHOO, encoding="utf-8")

    class Upload(io.BytesIO):  # like Streamlit's UploadedFile: a BytesIO with a name
        name = "upload.csv"

    upload = Upload(YAHOO.encode())
    upload.read()  # a previous reader left the position at the end
    results = {
        "str": load_prices(str(path)),
        "path": load_prices(path),
        "bytes": load_prices(YAHOO.encode()),
        "upload": load_prices(upload),
        "text": load_prices(io.StringIO(YAHOO)),
    }
    for kind, data in results.items():
        assert data.frame["Close"].tolist() == [185.64, 184.25, 181.91], kind
    assert results["path"].report.source == "prices.csv"
    assert results["upload"].report.source == "upload.csv"
    assert results["text"].report.encoding == "text"


def test_missing_path_rejected(tmp_path: Path):
    with pytest.raises(ForecastError, match="File not found") as raised:
        load_prices(tmp_path / "nope.csv")
    assert raised.value.key == "file_not_found"


def test_invalid_source_type():
    with pytest.raises(ForecastError) as raised:
        load_prices(42)
    assert raised.value.key == "invalid_source"


# ---------------------------------------------------------------- column names


def test_investing_price_and_vol():
    text = (
        '"Date","Price","Open","High","Low","Vol.","Change %"\n'
        '"03/05/2024","1,234.50","1,200.00","1,240.00","1,190.00","1.5M","2.10%"\n'
        '"03/04/2024","1,209.10","1,215.00","1,220.00","1,200.00","-","-0.45%"\n'
        '"03/01/2024","1,214.60","1,201.00","1,216.00","1,199.00","980.2K","0.00%"\n'
    )
    data = load(text)
    assert data.report.column_map == {
        "Date": "Date", "Price": "Close", "Open": "Open", "High": "High", "Low": "Low",
        "Vol.": "Volume", "Change %": "Change %",
    }
    assert data.report.date_format == "%m/%d/%Y"
    assert data.frame.index.tolist() == list(pd.to_datetime(["2024-03-01", "2024-03-04", "2024-03-05"]))
    assert data.frame.loc["2024-03-05", "Close"] == 1234.5
    assert data.frame.loc["2024-03-05", "Volume"] == 1.5e6
    assert data.frame.loc["2024-03-01", "Volume"] == pytest.approx(980_200.0)
    assert data.frame.loc["2024-03-04", "Change %"] == -0.45
    # The "-" volume of 03/04 is carried forward from 03/01, and the report lists the repair.
    assert data.frame.loc["2024-03-04", "Volume"] == pytest.approx(980_200.0)
    assert "Filled 1 missing Volume value(s) with the previous day's value (2024-03-04)" in texts(data.report.repairs)


def test_leading_missing_value_drops_row():
    data = load("Date,Close,Volume\n2024-01-02,10,-\n2024-01-03,11,7\n")
    assert data.frame.index.tolist() == [pd.Timestamp("2024-01-03")]
    assert "Dropped 1 row(s) at the start" in texts(data.report.repairs)


@pytest.mark.parametrize("language", ["en", "investing", "ko", "de"])
def test_header_languages(language):
    frame = ohlcv(6)
    data = load(write_table(frame, language=language))
    assert list(data.frame.columns) == ["Open", "High", "Low", "Close", "Volume"]
    np.testing.assert_allclose(data.frame["Close"], frame["Close"])


def test_korean_current_price_alias():
    data = load("날짜,현재가,거래량\n2024-01-02,1000,5\n2024-01-03,1010,6\n")
    assert data.report.column_map == {"날짜": "Date", "현재가": "Close", "거래량": "Volume"}


def test_header_case_whitespace_variants():
    text = " DATE ,  open,HIGH , low,Close* ,Adj. Close**, VOLUME \n2024-01-02,1,2,0.5,1.5,1.4,10\n2024-01-03,1,2,0.5,1.6,1.5,11\n"
    data = load(text)
    assert list(data.frame.columns) == list(CANONICAL_COLUMNS)
    assert data.frame["Adj Close"].iloc[-1] == 1.5


def test_close_only_file():
    data = load("Date,Close\n2024-01-02,10\n2024-01-03,11\n2024-01-04,12\n")
    assert list(data.frame.columns) == ["Close"]
    assert data.price_columns == ["Close"]
    check_target(data, "Close")
    with pytest.raises(ForecastError, match=r"Target column 'Open' is not in the data\. Price columns present: Close\."):
        check_target(data, "Open")


def test_unknown_columns_ignored_and_reported():
    data = load("Date,Symbol,Close,Note\n2024-01-02,X,10,a\n2024-01-03,X,11,b\n")
    assert list(data.frame.columns) == ["Close"]
    assert "Ignored unrecognised columns: Symbol, Note." in texts(data.report.repairs)


def test_pandas_unnamed_index_column():
    data = load(",Close,Volume\n2024-01-02,10,100\n2024-01-03,11,100\n")
    assert data.frame.index[0] == pd.Timestamp("2024-01-02")


def test_no_date_column_rejected():
    error = rejected("Day of trade,Close\n1,2\n", "no_date_column")
    assert error.message("en").startswith("No date column found (columns or first line: Day of trade, Close).")


def test_no_price_column_rejected():
    error = rejected("Date,Volume,Comment\n2024-01-02,1,x\n", "no_price_column")
    assert "Close, Price, 종가, 현재가 or Schluss" in error.message("en")


def test_close_not_numeric_rejected():
    error = rejected("Date,Close\n2024-01-02,abc\n2024-01-03,def\n", "price_not_numeric")
    assert error.message("en") == (
        "Column Close does not contain numbers (for example 'abc'). Check that the file has prices in that column."
    )


# ---------------------------------------------------------------- numbers


def test_decimal_comma_dates_untouched():
    text = "Datum;Schluss;Umsatz\n14.08.24;1.217,27;63.179\n15.08.24;1.218,07;49.229\n"
    data = load(text)
    assert data.report.date_format == "%d.%m.%y"
    assert data.frame.index.tolist() == list(pd.to_datetime(["2024-08-14", "2024-08-15"]))
    assert data.frame["Close"].tolist() == [1217.27, 1218.07]
    assert data.frame["Volume"].tolist() == [63179.0, 49229.0]
    assert "decimal comma" in texts(data.report.repairs)


def test_quoted_thousands():
    data = load('Date,Close,Volume\n2024-01-02,"1,234.5","1,000,000"\n2024-01-03,"1,240.25","2,000,000"\n')
    assert data.frame["Close"].tolist() == [1234.5, 1240.25]
    assert data.frame["Volume"].tolist() == [1e6, 2e6]


@pytest.mark.parametrize("token, expected", [("1.2K", 1200.0), ("3.5M", 3.5e6), ("2B", 2e9), ("750", 750.0)])
def test_volume_suffixes(token, expected):
    data = load(f"Date,Close,Volume\n2024-01-02,10,{token}\n2024-01-03,11,1\n")
    assert data.frame["Volume"].iloc[0] == pytest.approx(expected)


@pytest.mark.parametrize("token", ["null", "-", "", "NaN", "N/A"])
def test_missing_tokens(token):
    text = f"Date,Close,Volume\n2024-01-02,10,5\n2024-01-03,{token},6\n2024-01-04,12,{token}\n"
    data = load(text)
    assert data.frame.index.tolist() == list(pd.to_datetime(["2024-01-02", "2024-01-04"]))
    # The 01-03 row is dropped with its volume, so 01-04 carries forward the volume of 01-02.
    assert data.frame.loc["2024-01-04", "Volume"] == 5.0
    assert "Dropped 1 row(s) without a Close value (2024-01-03)" in texts(data.report.repairs)
    assert "Filled 1 missing Volume value(s)" in texts(data.report.repairs)


def test_unreadable_values_warned():
    text = "Date,Close\n" + "".join(f"2024-01-{day:02d},{day}\n" for day in range(2, 12)) + "2024-01-12,n.v.\n"
    data = load(text)
    assert len(data.frame) == 10
    assert "1 value(s) in Close could not be read as numbers (for example 'n.v.')" in texts(data.report.warnings)


# ---------------------------------------------------------------- dates


@pytest.mark.parametrize(
    "cells, expected_format",
    [
        (["2024-01-02", "2024-01-03"], "%Y-%m-%d"),
        (["2024/01/02", "2024/01/03"], "%Y/%m/%d"),
        (["2024.01.02", "2024.01.03"], "%Y.%m.%d"),
        (["20240102", "20240103"], "%Y%m%d"),
        (["2024. 01. 02", "2024. 01. 03"], "%Y.%m.%d"),
        (["2024.01.02.", "2024.01.03."], "%Y.%m.%d"),
        (["2024년 1월 2일", "2024년 1월 3일"], "%Y년 %m월 %d일"),
        (["01/02/2024", "01/03/2024"], "%m/%d/%Y"),
        (["02.01.2024", "03.01.2024"], "%d.%m.%Y"),
        (["Jan 02, 2024", "Jan 03, 2024"], "%b %d, %Y"),
    ],
)
def test_date_formats(cells, expected_format):
    text = "Date,Close\n" + "".join(f'"{cell}",{10 + i}\n' for i, cell in enumerate(cells))
    data = load(text)
    assert data.report.date_format == expected_format
    assert data.frame.index.tolist() == list(pd.to_datetime(["2024-01-02", "2024-01-03"]))


def test_day_first_decided_by_column():
    # 03/04 alone could be 3 April or 4 March; 24/05 in the same column decides day-first for every row.
    data = load("Date;Close\n03/05/2019 16:00:00;10\n24/05/2019 16:00:00;11\n")
    assert data.frame.index.tolist() == list(pd.to_datetime(["2019-05-03", "2019-05-24"]))
    assert "Dropped the time of day" in texts(data.report.repairs)


def test_month_first_decided_by_column():
    data = load("Date,Close\n09/19/2023,10\n09/05/2023,11\n")
    assert data.frame.index.tolist() == list(pd.to_datetime(["2023-09-05", "2023-09-19"]))


def test_ambiguous_dates_resolved_and_reported():
    # Under day-first these are consecutive trading days; month-first would be monthly steps.
    data = load("Date,Close\n01/02/2024,10\n02/02/2024,11\n05/02/2024,12\n")
    assert data.frame.index[0] == pd.Timestamp("2024-02-01")
    assert "Dates fit both %d/%m/%Y and %m/%d/%Y; read them as %d/%m/%Y" in texts(data.report.warnings)


def test_ambiguous_dates_rejected():
    error = rejected("Date,Close\n01/02/2024,10\n", "ambiguous_dates")
    assert "'01/02/2024' fits both %d/%m/%Y and %m/%d/%Y" in error.message("en")


def test_dst_offsets_keep_local_date():
    text = (
        "Date,Close\n"
        "2024-03-08 00:00:00-05:00,10\n"
        "2024-03-11 00:00:00-04:00,11\n"
        "2024-01-02 00:00:00+09:00,9\n"
    )
    data = load(text)
    assert data.frame.index.tolist() == list(pd.to_datetime(["2024-01-02", "2024-03-08", "2024-03-11"]))
    assert "not converted to UTC" in texts(data.report.repairs)


def test_unparseable_dates_rejected():
    error = rejected("Date,Close\nyesterday,1\ntoday,2\n", "unparseable_dates")
    assert error.message("en").startswith("Dates could not be read (for example 'yesterday')")


def test_few_bad_dates_dropped():
    rows = "".join(f"2024-01-{day:02d},{day}\n" for day in range(2, 22))
    data = load("Date,Close\n" + rows + "Source: exchange,0\n")
    assert len(data.frame) == 20
    assert "Dropped 1 row(s) whose date could not be read (for example 'Source: exchange')" in texts(data.report.repairs)


def test_intraday_rejected():
    rejected("Date,Close\n2024-01-02 09:00,1\n2024-01-02 10:00,2\n2024-01-03 09:00,3\n", "intraday_data")


# ---------------------------------------------------------------- order and holes


def test_newest_first_sorted():
    frame = ohlcv(10)
    data = load(write_table(frame, newest_first=True))
    assert data.frame.index.tolist() == frame.index.tolist()
    assert "newest first" in texts(data.report.repairs)


def test_all_empty_rows_dropped():
    data = load("Date,Close\n2024-01-02,1\n,\n\n , \n2024-01-03,2\n")
    assert len(data.frame) == 2
    assert data.report.rows_read == 2


def test_duplicates_keep_complete_row():
    text = (
        "Date,Open,Close,Volume\n"
        "2024-01-02,1,1.5,10\n"
        "2024-01-03,,,\n"
        "2024-01-03,1.2,1.6,20\n"
        "2024-01-04,1.3,1.7,30\n"
        "2024-01-04,1.3,1.7,30\n"
    )
    data = load(text)
    assert len(data.frame) == 3
    assert data.frame.loc["2024-01-03", "Close"] == 1.6
    assert "Removed 2 duplicate row(s)" in texts(data.report.repairs)
    assert data.report.warnings == []


def test_conflicting_duplicates_reported():
    data = load("Date,Close\n2024-01-02,1\n2024-01-03,2\n2024-01-03,2.2\n")
    assert len(data.frame) == 2
    assert data.frame.loc["2024-01-03", "Close"] == 2.0  # first of equally complete rows
    assert "1 date(s) appear more than once with different values (2024-01-03)" in texts(data.report.warnings)


def test_all_missing_volume_dropped():
    data = load("Date,Close,Volume\n2024-01-02,1,\n2024-01-03,2,-\n")
    assert list(data.frame.columns) == ["Close"]
    assert "Column Volume is empty in every row and was left out." in texts(data.report.warnings)


def test_no_row_with_close_rejected():
    rejected("Date,Close,Volume\n2024-01-02,,1\n2024-01-03,-,2\n", "no_valid_rows")


def test_phantom_holiday_row_flagged():
    text = (
        "Date,Open,High,Low,Close,Volume\n"
        "2024-12-24,10,11,9,10.5,100\n"
        "2024-12-25,10.5,10.5,10.5,10.5,0\n"
        "2024-12-26,10.6,11,10,10.8,120\n"
    )
    data = load(text)
    assert len(data.frame) == 3  # flagged, not removed
    assert "1 row(s) repeat the previous day's prices with no change (2024-12-25)" in texts(data.report.warnings)


def test_gap_reported_not_filled():
    data = load("Date,Close\n2024-01-02,1\n2024-01-03,2\n2024-01-12,3\n2024-01-15,4\n")
    assert len(data.frame) == 4
    assert "1 gap(s) of more than 4 calendar days between rows: 2024-01-03 → 2024-01-12 (9)" in texts(
        data.report.warnings
    )


def test_missing_weekdays_reported():
    dates = pd.bdate_range("2024-01-01", periods=30)
    kept = dates.delete([5, 8, 12, 17])  # four lone weekdays missing: no long gap, but 13 % of weekdays
    text = "Date,Close\n" + "".join(f"{date.date()},{10 + i}\n" for i, date in enumerate(kept))
    data = load(text)
    assert len(data.frame) == 26
    assert "4 weekday(s) (13% of weekdays) have no row" in texts(data.report.warnings)


def test_weekly_data_warned():
    text = "Date,Close\n" + "".join(f"{date.date()},{10 + i}\n" for i, date in enumerate(pd.date_range("2024-01-05", periods=6, freq="W-FRI")))
    data = load(text)
    assert "median of 7 days apart" in texts(data.report.warnings)


# ---------------------------------------------------------------- suspicious data


def _split_table(with_adjusted: bool, volume_after: float) -> str:
    dates = pd.bdate_range("2024-01-01", periods=60)
    close = np.where(np.arange(60) < 30, 200.0, 100.0) + np.tile([0.0, 0.5], 30)
    volume = np.where(np.arange(60) < 30, 1_000_000, volume_after)
    header = "Date,Open,Close" + (",Adj Close" if with_adjusted else "") + ",Volume\n"
    lines = []
    for i, date in enumerate(dates):
        adjusted = f",{close[i] / 2 if i < 30 else close[i]}" if with_adjusted else ""
        lines.append(f"{date.date()},{close[i]},{close[i]}{adjusted},{volume[i]}\n")
    return header + "".join(lines)


def test_split_detected_by_volume():
    data = load(_split_table(with_adjusted=False, volume_after=2_000_000))
    warnings = texts(data.report.warnings)
    assert "Close probably contains 1 unadjusted stock split(s): 2024-02-12 (2:1)" in warnings
    assert "수정주가" in warnings
    assert "50 %" not in warnings  # the split is not also reported as a jump


def test_split_detected_by_adjusted_close():
    data = load(_split_table(with_adjusted=True, volume_after=1_000_000))
    assert "unadjusted stock split(s): 2024-02-12 (2:1)" in texts(data.report.warnings)


def test_halving_without_volume_jump_is_jump():
    data = load(_split_table(with_adjusted=False, volume_after=1_000_000))
    warnings = texts(data.report.warnings)
    assert "split" not in warnings
    assert "Close moves more than 50 % overnight 1 time(s): 2024-02-12 (-50%)" in warnings


def test_sample_aapl_splits_flagged():
    data = load_sample("aapl")
    warnings = texts(data.report.warnings)
    assert "2000-06-21 (2:1)" in warnings
    assert "2005-02-28 (2:1)" in warnings
    # The 2000-09-29 fall also shows in Adj Close, so it is a real move, not a split.
    assert "2000-09-29 (-52%)" in warnings


def test_non_positive_price_warned():
    data = load("Date,Close\n2024-01-02,1\n2024-01-03,0\n2024-01-04,1\n")
    assert "1 row(s) have a price of zero or below (2024-01-03)" in texts(data.report.warnings)


# ---------------------------------------------------------------- limits, samples, report


def test_row_limit():
    text = "Date,Close\n" + "".join(f"{date.date()},1\n" for date in pd.bdate_range("2020-01-01", periods=50))
    assert len(load(text, max_rows=50).frame) == 50
    with pytest.raises(ForecastError, match=r"too many rows \(> 49\); the maximum is 49") as raised:
        load(text, max_rows=49)
    assert raised.value.key == "too_many_rows"


@pytest.mark.parametrize("ticker", SAMPLES)
def test_samples_load(ticker):
    data = load_sample(ticker)
    assert_canonical(data.frame)
    assert list(data.frame.columns) == list(CANONICAL_COLUMNS)
    assert data.frame.index[-1] == pd.Timestamp("2013-03-01")
    assert data.report.source == f"sample:{ticker}"


def test_sample_values_match_source_file():
    data = load_sample("IBM")
    assert len(data.frame) == 3270
    assert data.frame.index[0] == pd.Timestamp("2000-03-01")
    assert data.frame.loc["2000-03-01", "Close"] == 100.25  # second line of data/IBM.csv


def test_unknown_sample():
    with pytest.raises(ForecastError, match=r"Unknown sample 'TSLA'\. Available samples: AAPL, GOOG, IBM, MSFT\.") as raised:
        load_sample("TSLA")
    assert raised.value.key == "unknown_sample"


def test_report_to_dict_korean():
    data = load("Date,Close\n2024-01-03,2\n2024-01-02,1\n")
    report = data.report.to_dict("ko")
    assert report["repairs"] == ["최신 날짜가 먼저 나와 있어 오래된 날짜부터 정렬했습니다."]
    assert report["rows"] == 2
    assert report["rows_read"] == 2
    assert report["column_map"] == {"Date": "Date", "Close": "Close"}


def test_check_target_on_frame():
    frame = ohlcv(3)
    check_target(frame, "Open")
    with pytest.raises(ForecastError) as raised:
        check_target(frame, "Volume")  # volume is a feature, never a price target
    assert raised.value.key == "unknown_target"
