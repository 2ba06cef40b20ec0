"""Decoding and framing of price files: bytes -> text -> header and data rows.

Bytes are decoded once, trying UTF-8 first and then the two legacy code pages
a user here is likely to have (CP949 for Korean, which covers EUC-KR, and
Windows-1252 for Western Europe). When both legacy code pages decode, the one
whose header row is recognised better wins, so a Korean header is never
garbled into Latin letters and a German one never into Hanja. Latin-1 is not
tried, because it decodes any byte string and would hide a wrong guess.
"""

from __future__ import annotations

import csv
import datetime
import io
import itertools
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from forecast._price_columns import DATE, HeaderMatch, match_header
from forecast.errors import ForecastError
from forecast.messages import Message

logger = logging.getLogger(__name__)

SEPARATORS = (",", ";", "\t", "|")
HEAD_LINES = 60  # lines searched for the header row
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .xls
_HTML_START = re.compile(r"^\s*(<!doctype\s+html|<html|<head|<body|<\?xml|<table|<meta|<script)", re.IGNORECASE)
_HANGUL = re.compile("[\uac00-\ud7a3]")


@dataclass
class Table:
    """A framed table: canonical header match plus the raw data rows as strings."""

    header: list[str]
    match: HeaderMatch
    rows: list[list[Any]]
    encoding: str | None
    separator: str | None
    notes: list[Message] = field(default_factory=list)
    yfinance_ticker: str | None = None  # set when the file had the yfinance Price/Ticker header


def read_source(source: Any, name: str | None) -> tuple[bytes | str, str]:
    """Return the raw content of ``source`` and a display name for it."""
    if isinstance(source, (str, Path)):
        path = Path(source)
        try:
            return path.read_bytes(), name or path.name
        except (FileNotFoundError, IsADirectoryError, ValueError):  # ValueError: a NUL byte in the path
            raise ForecastError("file_not_found", str(path)[:200]) from None
        except OSError as error:
            raise ForecastError("file_unreadable", str(path), reason=error.strerror or str(error)) from None
    if isinstance(source, (bytes, bytearray, memoryview)):
        return bytes(source), name or "upload"
    if hasattr(source, "read"):
        if hasattr(source, "seek"):
            try:
                source.seek(0)
            except (OSError, ValueError):
                pass  # unseekable stream: read from where it is
        content = source.read()
        if not isinstance(content, (bytes, str)):
            raise ForecastError("invalid_source", type(source).__name__)
        display = name or Path(str(getattr(source, "name", "") or "upload")).name
        return content, display
    raise ForecastError("invalid_source", type(source).__name__)


def is_excel(content: bytes | str, name: str) -> bool:
    """Return True for an .xlsx workbook, recognised by name or by its zip signature."""
    if isinstance(content, str):
        return False
    return content.startswith(_ZIP_MAGIC) or name.lower().endswith((".xlsx", ".xlsm"))


def reject_binary(content: bytes | str, name: str) -> None:
    """Raise for inputs that are clearly not a text table: empty content or a legacy .xls workbook."""
    if isinstance(content, bytes):
        if content.startswith(_OLE_MAGIC) or name.lower().endswith(".xls"):
            raise ForecastError("old_excel_format", name)
    if not content or not content.strip():
        raise ForecastError("empty_file", name)


def decode(content: bytes | str) -> list[tuple[str, str]]:
    """Return every plausible (encoding, text) reading of ``content``, best first.

    UTF-8 (with or without a byte-order mark) and UTF-16 with a byte-order mark
    are unambiguous, so they are returned alone. Otherwise CP949 and
    Windows-1252 are both returned when they decode, and the caller picks by
    header recognition.
    """
    if isinstance(content, str):
        return [("text", content)]
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return [("utf-16", content.decode("utf-16"))]
        except UnicodeDecodeError:
            raise ForecastError("unreadable_encoding", "utf-16") from None
    for encoding in ("utf-8-sig", "utf-8"):
        try:
            text = content.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "utf-8-sig" and not content.startswith(b"\xef\xbb\xbf"):
            encoding = "utf-8"
        return [(encoding, text)]

    readings = []
    for encoding in ("cp949", "cp1252"):
        try:
            readings.append((encoding, content.decode(encoding)))
        except UnicodeDecodeError:
            continue
    if not readings:
        raise ForecastError("unreadable_encoding", "utf-8, cp949, cp1252")
    return readings


def reject_html(text: str, name: str) -> None:
    """Raise when the text is a saved web page rather than a table."""
    head = text[:2048]
    if _HTML_START.match(head) or re.search(r"<html[\s>]|</(?:div|table|head|script)>", head, re.IGNORECASE):
        raise ForecastError("web_page_not_prices", name)


def frame_text(readings: list[tuple[str, str]], name: str, max_rows: int) -> Table:
    """Find encoding, separator and header row, and split the data rows.

    Raises ``ForecastError`` when no header row with a date and a price column
    is found in the first ``HEAD_LINES`` lines.
    """
    best: tuple[tuple[int, ...], str, str, str, int, HeaderMatch] | None = None
    for encoding, text in readings:
        if "\x00" in text:
            raise ForecastError("binary_file", name)
        reject_html(text, name)
        head = text[:200_000]
        for separator in SEPARATORS:
            found = _find_header(_split_head(text, separator))
            if found is None:
                continue
            index, match = found
            hangul_bonus = int(encoding == "cp949" and bool(_HANGUL.search(head)))
            rank = (match.date_index is not None and match.has_price, match.score, hangul_bonus)
            if best is None or rank > best[0]:
                best = (rank, encoding, text, separator, index, match)

    if best is None or not best[0][0]:
        _raise_no_header(readings[0][1], best)
    _, encoding, text, separator, header_index, match = best
    return _split_table(text, encoding, separator, header_index, match, name, max_rows)


def _split_head(text: str, separator: str) -> list[list[str]]:
    """Return the first ``HEAD_LINES`` rows, split the way the full read will split them."""
    try:
        return list(itertools.islice(csv.reader(io.StringIO(text), delimiter=separator), HEAD_LINES))
    except csv.Error:
        return []


def _find_header(rows: list[list[str]]) -> tuple[int, HeaderMatch] | None:
    """Return the first row with a date and a price column, else the best partial match."""
    partial: tuple[int, HeaderMatch] | None = None
    for index, cells in enumerate(rows):
        if len(cells) < 2:
            continue
        yfinance = _yfinance_header(rows, index)
        match = match_header(yfinance if yfinance is not None else cells)
        if match.date_index is not None and match.has_price:
            return index, match
        if (match.date_index is not None or match.has_price) and (partial is None or match.score > partial[1].score):
            partial = (index, match)
    return partial


def _yfinance_header(rows: list[list[str]], index: int) -> list[str] | None:
    """Return the column names of a pandas-written yfinance header starting at ``index``.

    ``DataFrame.to_csv`` writes MultiIndex (Price, Ticker) columns as two rows,
    ``Price,Close,High,...`` and ``Ticker,AAPL,AAPL,...``, followed by a
    ``Date,,,`` row that names the index.
    """
    first = rows[index][0].strip().lower() if rows[index] else ""
    if first != "price" or index + 1 >= len(rows) or not rows[index + 1]:
        return None
    if rows[index + 1][0].strip().lower() != "ticker":
        return None
    return [DATE, *rows[index][1:]]


def _raise_no_header(text: str, best) -> None:
    if best is not None:
        match: HeaderMatch = best[-1]
        names = ", ".join(match.ignored + list(match.columns.values())) or "-"
        if match.date_index is None:
            raise ForecastError("no_date_column", names)
        raise ForecastError("no_price_column", names)
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    raise ForecastError("no_date_column", first_line[:120])


def _split_table(text, encoding, separator, header_index, match, name, max_rows) -> Table:
    reader = csv.reader(io.StringIO(text), delimiter=separator)
    notes: list[Message] = []
    rows: list[list[str]] = []
    header: list[str] = []
    yfinance_ticker = None
    try:
        for _ in range(header_index):
            next(reader)
        header = next(reader)
        if header and header[0].strip().lower() == "price":
            tickers = {cell.strip() for cell in next(reader)[1:] if cell.strip()}
            if len(tickers) > 1:
                raise ForecastError("multiple_tickers", ", ".join(sorted(tickers)))
            yfinance_ticker = next(iter(tickers), "")
            header = [DATE, *header[1:]]
            notes.append(Message("repair_yfinance_header", {"ticker": yfinance_ticker or "-"}))
        for cells in reader:
            if not any(cell.strip() for cell in cells):
                continue
            if yfinance_ticker is not None and not rows and cells[0].strip().lower() in ("date", "datetime"):
                if not any(cell.strip() for cell in cells[1:]):
                    continue  # the index-name row of the yfinance header
            rows.append(cells)
            if len(rows) > max_rows:
                raise ForecastError("too_many_rows", f"> {max_rows}", limit=max_rows)
    except StopIteration:
        pass
    except csv.Error as error:
        raise ForecastError("unreadable_table", name, reason=str(error)) from None

    if header_index > 0:
        notes.append(Message("repair_metadata_skipped", {"count": header_index}))
    return Table(header, match, rows, encoding, separator, notes, yfinance_ticker)


def read_excel(content: bytes, name: str, max_rows: int) -> Table:
    """Read the first worksheet with a recognisable header from an .xlsx workbook."""
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as error:  # noqa: BLE001 - openpyxl raises many types on a malformed archive
        logger.info("openpyxl could not open %s: %r", name, error)
        raise ForecastError("unreadable_excel", name) from None

    try:
        best: tuple[int, list[list[Any]], int, HeaderMatch] | None = None
        for sheet in workbook.worksheets:
            rows = [list(row) for _, row in zip(range(max_rows + HEAD_LINES + 2), sheet.iter_rows(values_only=True))]
            head = [[_cell_text(cell) for cell in row] for row in rows[:HEAD_LINES]]
            found = _find_header(head)
            if found is None:
                continue
            index, match = found
            rank = int(match.date_index is not None and match.has_price) * 100 + match.score
            if best is None or rank > best[0]:
                best = (rank, rows, index, match)
    except Exception as error:  # noqa: BLE001 - same reason: cell parsing errors of a damaged workbook
        logger.info("openpyxl could not read %s: %r", name, error)
        raise ForecastError("unreadable_excel", name) from None
    finally:
        workbook.close()

    if best is None or best[0] < 100:
        _raise_no_header("", None if best is None else (None, best[3]))
    _, rows, index, match = best
    header = [_cell_text(cell) for cell in rows[index]]
    data = [[_cell_text(cell) for cell in row] for row in rows[index + 1:]]
    data = [row for row in data if any(cell.strip() for cell in row)]
    if len(data) > max_rows:
        raise ForecastError("too_many_rows", f"> {max_rows}", limit=max_rows)
    notes = [Message("repair_metadata_skipped", {"count": index})] if index else []
    return Table(header, match, data, None, None, notes)


def _cell_text(cell: Any) -> str:
    """Return an Excel cell as the text a CSV export would hold."""
    if cell is None:
        return ""
    if isinstance(cell, datetime.datetime):
        return cell.isoformat(sep=" ")
    if isinstance(cell, datetime.date):
        return cell.isoformat()
    if isinstance(cell, float) and cell.is_integer() and abs(cell) < 1e15:
        return str(int(cell))
    return str(cell)
