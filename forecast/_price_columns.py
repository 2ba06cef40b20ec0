"""Column names of price tables: aliases in English, Korean and German.

A header cell is normalised (case, whitespace, dots, stars, a trailing unit in
brackets) and looked up in :data:`ALIASES`, which maps it to one canonical
English name. The same table serves CSV headers, Excel sheets and yfinance
frames.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

DATE = "Date"
MAIN_COLUMNS = ("Open", "High", "Low", "Close", "Adj Close", "Volume")
PRICE_NAMES = ("Open", "High", "Low", "Close", "Adj Close")
# Recognised columns that are kept, after the main ones, but are no price.
EXTRA_COLUMNS = ("Change", "Change %", "Turnover", "Market Cap", "Shares Outstanding", "Dividends", "Stock Splits")

_ALIAS_LISTS: dict[str, tuple[str, ...]] = {
    DATE: (
        "date", "datetime", "trade date", "trading date", "day",
        "날짜", "일자", "일시", "기준일", "기준일자", "거래일", "거래일자", "년/월/일",
        "datum", "handelstag", "handelsdatum",
    ),
    "Open": ("open", "open price", "opening price", "opening", "시가", "시작가", "eröffnung", "eroeffnung", "erster"),
    "High": ("high", "high price", "고가", "hoch", "höchst", "hoechst", "tageshoch"),
    "Low": ("low", "low price", "저가", "tief", "tiefst", "tagestief"),
    "Close": (
        "close", "close price", "closing price", "close/last", "last", "price",
        "종가", "현재가", "schluss", "schlusskurs", "letzter", "letzter kurs",
    ),
    "Adj Close": ("adj close", "adjclose", "adjusted close", "adj close price", "수정종가", "수정주가"),
    "Volume": ("volume", "vol", "거래량", "umsatz", "umsatz in stück", "umsatz in stueck", "stück", "volumen"),
    "Change": ("change", "대비", "전일비", "전일대비", "전일 대비"),
    "Change %": ("change %", "change%", "등락률", "등락율", "변동 %", "변동%", "veränderung %", "veränderung in %"),
    "Turnover": ("turnover", "거래대금", "umsatz in euro", "umsatz in eur"),
    "Market Cap": ("market cap", "시가총액"),
    "Shares Outstanding": ("shares outstanding", "상장주식수"),
    "Dividends": ("dividends",),
    "Stock Splits": ("stock splits",),
}

# Names of a first column that contains dates without saying so, such as the
# blank index header that ``DataFrame.to_csv`` writes; used only when no date
# alias above matches.
_WEAK_DATE_NAMES = ("time", "timestamp", "unnamed: 0", "")

ALIASES: dict[str, str] = {alias: name for name, aliases in _ALIAS_LISTS.items() for alias in aliases}


def normalise_header(cell: object) -> str:
    """Return the lookup key of one header cell ("Adj. Close*" -> "adj close")."""
    text = str(cell).replace("\ufeff", "").strip().lower()
    text = re.sub(r"\s*\((?:[^()]*)\)\s*$", "", text) or text  # "종가(원)" -> "종가"
    text = text.replace("*", "").replace("_", " ").replace(".", " ")
    return re.sub(r"\s+", " ", text).strip()


@dataclass
class HeaderMatch:
    """Result of matching one header row: which cell becomes which column."""

    date_index: int | None
    columns: dict[int, str] = field(default_factory=dict)  # cell index -> canonical name
    duplicates: list[str] = field(default_factory=list)  # original names mapped twice
    ignored: list[str] = field(default_factory=list)  # original names not recognised

    @property
    def has_price(self) -> bool:
        return any(name in PRICE_NAMES for name in self.columns.values())

    @property
    def score(self) -> int:
        return len(self.columns) + (self.date_index is not None)


def match_header(cells: list[str]) -> HeaderMatch:
    """Map the cells of a candidate header row to canonical names."""
    keys = [normalise_header(cell) for cell in cells]
    match = HeaderMatch(date_index=None)

    for index, key in enumerate(keys):
        name = ALIASES.get(key)
        if name is None:
            if key:
                match.ignored.append(str(cells[index]).strip())
            continue
        if name == DATE:
            if match.date_index is None:
                match.date_index = index
            else:
                match.duplicates.append(str(cells[index]).strip())
        elif name in match.columns.values():
            match.duplicates.append(str(cells[index]).strip())
        else:
            match.columns[index] = name

    if match.date_index is None and len(keys) > 1 and keys[0] in _WEAK_DATE_NAMES and 0 not in match.columns:
        match.date_index = 0
        if keys[0]:
            match.ignored.remove(str(cells[0]).strip())
    return match


def ordered_columns(names: list[str] | tuple[str, ...]) -> list[str]:
    """Return canonical names in the output order: main columns, then extras."""
    order = MAIN_COLUMNS + EXTRA_COLUMNS
    return sorted(names, key=order.index)
