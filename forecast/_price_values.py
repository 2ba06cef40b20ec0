"""Parsing of the cells of a price table: numbers and dates, decided per file.

Both parsers look at a whole column (numbers: at every numeric column of the
file) before they decide on a convention, and then apply that one convention
to every cell. A date like ``14.08.24`` is therefore never read as a number,
and ``03/04/2024`` is never day-first in one row and month-first in the next.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from forecast.errors import ForecastError
from forecast.messages import Message

MISSING_TOKENS = frozenset(
    {"", "-", "--", "—", "–", "null", "none", "nan", "na", "n/a", "#n/a", "#value!", "nil", "."}
)
MAX_BAD_DATE_SHARE = 0.1  # more unreadable dates than this rejects the file
_MIN_YEAR, _MAX_YEAR = 1800, 2200  # inside the datetime64[ns] range, and wide enough for any price series

_SUFFIX_FACTORS = {"K": 1e3, "M": 1e6, "B": 1e9, "T": 1e12}
# Patterns use re.ASCII so that \d is 0-9 only, not every Unicode digit.
_COMMA_DECIMAL = re.compile(r"^[-+]?(\d{1,3}(\.\d{3})+,\d+|\d+,(\d{1,2}|\d{4,})|\d{1,3}(\.\d{3}){2,})$", re.ASCII)
_DOT_DECIMAL = re.compile(r"^[-+]?(\d{1,3}(,\d{3})+\.\d+|\d+\.(\d{1,2}|\d{4,})|\d{1,3}(,\d{3}){2,})$", re.ASCII)
_PLAIN_NUMBER = re.compile(r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?", re.ASCII)


# ---------------------------------------------------------------- numbers


def _strip_number_text(column: pd.Series) -> tuple[pd.Series, pd.Series, pd.Series]:
    """Return (cleaned text, suffix factor, missing mask) of one column of cells."""
    text = column.astype(object).fillna("").astype(str).str.strip()
    missing = text.str.lower().isin(MISSING_TOKENS)

    text = text.str.replace(r"[\s\u00a0\u202f'’]", "", regex=True)  # space or apostrophe thousands separators
    text = text.str.replace(r"[$€£¥₩]|원|KRW|USD|EUR", "", regex=True)
    text = text.str.replace(r"^[▲△+]", "", regex=True).str.replace(r"^[▼▽]", "-", regex=True)
    text = text.str.replace(r"^\((.*)\)$", r"-\1", regex=True)  # accounting negative (1.5)
    text = text.str.replace(r"%$", "", regex=True)

    suffix = text.str.extract(r"[0-9]([KkMmBbTt])$", expand=False).str.upper()
    factor = suffix.map(_SUFFIX_FACTORS).astype(float).fillna(1.0)
    text = text.where(suffix.isna(), text.str[:-1])
    return text, factor, missing


def decide_decimal_comma(columns: list[pd.Series]) -> bool:
    """Return True when the numeric cells of a file use a decimal comma (``1.234,5``).

    Each cell that can only be read one way (``217,27``, ``1,234.50``) is a
    vote; cells such as ``12,570`` fit both readings and do not vote. With no
    votes, the decimal point wins.
    """
    comma_votes = dot_votes = 0
    for column in columns:
        text, _, missing = _strip_number_text(column)
        text = text[~missing]
        comma_votes += int(text.str.match(_COMMA_DECIMAL).sum())
        dot_votes += int(text.str.match(_DOT_DECIMAL).sum())
    return comma_votes > dot_votes


@dataclass
class ParsedNumbers:
    """One parsed numeric column and the cells that could not be read."""

    values: pd.Series  # float64, NaN where missing or unreadable
    unreadable: int
    example: str | None


def parse_numbers(column: pd.Series, decimal_comma: bool) -> ParsedNumbers:
    """Parse one column of number cells into float64 with the file's decimal convention."""
    text, factor, missing = _strip_number_text(column)
    if decimal_comma:
        text = text.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
    else:
        text = text.str.replace(",", "", regex=False)

    # Only plain decimal or scientific literals: to_numeric would also accept "inf" or "1_000".
    valid = text.str.fullmatch(_PLAIN_NUMBER)
    numbers = pd.to_numeric(text.where(valid & ~missing), errors="coerce").astype("float64")
    with np.errstate(over="ignore", invalid="ignore"):
        values = numbers.to_numpy(dtype="float64") * factor.to_numpy(dtype="float64")
    values[~np.isfinite(values)] = np.nan
    values = pd.Series(values, index=column.index, dtype="float64")

    bad = ~missing & values.isna()
    example = str(column[bad].iloc[0]) if bad.any() else None
    return ParsedNumbers(values, int(bad.sum()), example)


# ---------------------------------------------------------------- dates


@dataclass
class ParsedDates:
    """A parsed date column and what the parser decided."""

    dates: pd.Series  # datetime64[ns], NaT where a cell was missing or unreadable
    date_format: str
    notes: list[Message]
    warnings: list[Message]
    times: pd.Series  # the time-of-day text that was dropped, "" where there was none


_YEAR_FIRST = re.compile(r"^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?=$|[T ])", re.ASCII)
_YEAR_LAST = re.compile(r"^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})(?=$|[T ])", re.ASCII)
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})(?=$|[T ])", re.ASCII)
_MONTH_NAME_FORMATS = ("%b %d, %Y", "%B %d, %Y", "%d %b %Y", "%d %B %Y", "%d-%b-%Y", "%d-%b-%y", "%b %d %Y", "%Y-%b-%d")


def _normalise_date_text(column: pd.Series) -> tuple[pd.Series, pd.Series, bool]:
    """Return (cleaned text, missing mask, whether Korean 년/월/일 were seen)."""
    text = column.astype(object).fillna("").astype(str).str.strip()
    missing = text.str.lower().isin(MISSING_TOKENS)
    korean = bool(text.str.contains("년", regex=False).any())

    text = text.str.replace(r"\s*년\s*", "-", regex=True).str.replace(r"\s*월\s*", "-", regex=True)
    text = text.str.replace(r"\s*일\b", "", regex=True).str.replace("일", "", regex=False)
    text = text.str.replace(r"\s*\([^)]*\)", "", regex=True)  # weekday such as "(금)" or "(Fri)"
    text = text.str.replace(r"([-/.])\s+", r"\1", regex=True)  # "2024. 01. 05" -> "2024.01.05"
    text = text.str.replace(r"^(\d{4}[-/.]\d{1,2}[-/.]\d{1,2})\.", r"\1", regex=True)  # trailing dot
    return text, missing, korean


def _build_dates(year: pd.Series, month: pd.Series, day: pd.Series) -> pd.Series:
    parts = pd.DataFrame({"year": year, "month": month, "day": day}).apply(pd.to_numeric, errors="coerce")
    parts = parts.where((parts["year"] >= _MIN_YEAR) & (parts["year"] <= _MAX_YEAR))
    dates = pd.to_datetime(parts, errors="coerce")
    return dates.astype("datetime64[ns]")


def _two_digit_year(year: pd.Series) -> pd.Series:
    """Expand ``%y`` years like :func:`time.strptime`: 69-99 -> 19xx, 00-68 -> 20xx."""
    number = pd.to_numeric(year, errors="coerce")
    short = year.str.len() == 2
    return number.where(~short, np.where(number >= 69, 1900 + number, 2000 + number))


def _plausibility(dates: pd.Series) -> tuple[bool, float]:
    """Rank a candidate reading of a date column: monotonic first, then small steps."""
    values = dates.dropna()
    if len(values) < 2:
        return True, 0.0
    monotonic = values.is_monotonic_increasing or values.is_monotonic_decreasing
    steps = values.diff().dropna().abs().dt.days
    return monotonic, -float(steps.median())


def _parse_year_last(parts: pd.DataFrame, separator: str) -> tuple[pd.Series, str, list[Message]]:
    year = _two_digit_year(parts[3])
    day_first = _build_dates(year, parts[2], parts[0])
    month_first = _build_dates(year, parts[0], parts[2])
    year_code = "%y" if (parts[3].dropna().str.len() == 2).all() else "%Y"
    formats = {
        True: f"%d{separator}%m{separator}{year_code}",
        False: f"%m{separator}%d{separator}{year_code}",
    }

    valid_day_first, valid_month_first = day_first.notna().sum(), month_first.notna().sum()
    if valid_day_first != valid_month_first:
        chosen = valid_day_first > valid_month_first
        return (day_first if chosen else month_first), formats[chosen], []

    if day_first.equals(month_first):  # every day equals its month, e.g. 05/05
        return day_first, formats[True], []

    rank_day_first, rank_month_first = _plausibility(day_first), _plausibility(month_first)
    if rank_day_first == rank_month_first:
        example = parts.dropna().iloc[0]
        raise ForecastError(
            "ambiguous_dates", f"{example[0]}{separator}{example[2]}{separator}{example[3]}",
            day_first=formats[True], month_first=formats[False],
        )
    chosen = rank_day_first > rank_month_first
    warning = Message("warn_dates_ambiguous", {"format": formats[chosen], "other": formats[not chosen]})
    return (day_first if chosen else month_first), formats[chosen], [warning]


def parse_dates(column: pd.Series) -> ParsedDates:
    """Parse a date column with one format decided from all of its cells.

    Time-of-day and UTC offsets are cut off, so ``2024-03-08 00:00:00+09:00``
    becomes 2024-03-08, the calendar date where the exchange is. Converting to
    UTC first would move Asian bars to the previous day.
    """
    text, missing, korean = _normalise_date_text(column)
    present = text[~missing]
    families = {
        "year_first": present.str.extract(_YEAR_FIRST),
        "year_last": present.str.extract(_YEAR_LAST),
        "compact": present.str.extract(_COMPACT),
    }
    counts = {family: int(parts[0].notna().sum()) for family, parts in families.items()}
    family = max(counts, key=counts.get)
    warnings: list[Message] = []

    if counts[family] == 0:
        dates, date_format = _parse_month_names(present)
        times = pd.Series("", index=present.index)
    else:
        parts = families[family]
        matched = parts[0].notna()
        if family == "year_first":
            dates = _build_dates(parts[0], parts[2], parts[3])
            separator = parts[1].dropna().mode().iloc[0]
            date_format = f"%Y{separator}%m{separator}%d"
        elif family == "compact":
            dates = _build_dates(parts[0], parts[1], parts[2])
            date_format = "%Y%m%d"
        else:
            separator = parts[1].dropna().mode().iloc[0]
            dates, date_format, warnings = _parse_year_last(parts, separator)
        if korean:
            date_format = "%Y년 %m월 %d일"
        pattern = {"year_first": _YEAR_FIRST, "year_last": _YEAR_LAST, "compact": _COMPACT}[family]
        times = present.str.replace(pattern, "", regex=True).str.strip().where(matched, "")

    result = pd.Series(pd.NaT, index=column.index, dtype="datetime64[ns]")
    result[present.index] = dates.to_numpy()
    all_times = pd.Series("", index=column.index, dtype=object)
    all_times[present.index] = times.astype(object).fillna("").to_numpy()
    return ParsedDates(result, date_format, [], warnings, all_times)


def _parse_month_names(present: pd.Series) -> tuple[pd.Series, str]:
    """Parse dates written with month names ("Sep 19, 2023", "19-Sep-23")."""
    best_format, best_dates, best_count = None, None, 0
    date_part = present.str.replace(r"[T ]\d{1,2}:\d{2}.*$", "", regex=True)
    for date_format in _MONTH_NAME_FORMATS:
        dates = pd.to_datetime(date_part, format=date_format, errors="coerce")
        count = int(dates.notna().sum())
        if count > best_count:
            best_format, best_dates, best_count = date_format, dates, count
    if best_dates is None:
        example = present.iloc[0] if len(present) else ""
        raise ForecastError("unparseable_dates", example, max_share=f"{MAX_BAD_DATE_SHARE:.0%}")
    years = best_dates.dt.year
    best_dates = best_dates.where((years >= _MIN_YEAR) & (years <= _MAX_YEAR))
    return best_dates.astype("datetime64[ns]"), best_format
