"""``python -m forecast inspect PATH``: show what the loader recognised in a price file."""

from __future__ import annotations

import argparse
import json
import math
import unicodedata
from typing import Any

from forecast.errors import ForecastError
from forecast.messages import translate
from forecast.prices import PriceData, check_target, load_prices
from forecast.windows import WindowSpec, check_length


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "inspect",
        help="load a price file and show what was recognised, repaired and warned about",
        description="Load a CSV or .xlsx price file and print the canonical columns, the date range, "
        "the first and last row, and the loading report. Exit status 2 when the file is rejected.",
    )
    parser.add_argument("path", help="price file (.csv or .xlsx)")
    parser.add_argument("--json", dest="json", action="store_true", help="print one JSON object instead of text")
    parser.add_argument("--target", default="Close", help="price column to forecast (default: Close)")
    parser.add_argument("--window", type=int, default=None,
                        help="reject the file (exit status 2) when it is too short for this window; "
                        "without it, a file too short for train's default window 30 only gets a warning")
    parser.add_argument("--horizon", type=int, default=1, help="horizon used with --window (default: 1)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    data = load_prices(args.path)
    check_target(data, args.target)
    if args.window is not None:
        check_length(len(data.frame), WindowSpec(target=args.target, window=args.window, horizon=args.horizon))
    summary = summarise(data, args.target, args.lang)
    try:
        check_length(len(data.frame), WindowSpec(target=args.target))
    except ForecastError as error:
        summary["warnings"].append(error.message(args.lang))
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        print(format_summary(summary, args.lang))
    return 0


def _number(value: float) -> float | int:
    """Return ``value`` as an int when it is whole, so JSON shows 1000 rather than 1000.0."""
    return int(value) if math.isfinite(value) and value.is_integer() and abs(value) < 2**53 else float(value)


def summarise(data: PriceData, target: str, lang: str = "en") -> dict[str, Any]:
    """Return the JSON-ready summary of loaded prices and their report."""
    frame = data.frame
    report = data.report.to_dict(lang)
    summary = {
        "rows": len(frame),
        "first_date": frame.index[0].date().isoformat(),
        "last_date": frame.index[-1].date().isoformat(),
        "columns": list(frame.columns),
        "price_columns": data.price_columns,
        "target": target,
        "first_row": {name: _number(value) for name, value in frame.iloc[0].items()},
        "last_row": {name: _number(value) for name, value in frame.iloc[-1].items()},
    }
    for key, value in report.items():
        summary.setdefault(key, value)
    summary["rows_read"] = report["rows_read"]
    return summary


def format_summary(summary: dict[str, Any], lang: str) -> str:
    """Return the summary as aligned text lines for a terminal."""
    def label(key: str) -> str:
        return translate(f"inspect_{key}", lang)

    none = translate("inspect_none", lang)
    separator = {",": ",", ";": ";", "\t": "tab", None: "-"}.get(summary["separator"], summary["separator"])
    fields = [
        (label("source"), summary["source"]),
        (label("rows"), translate("inspect_rows_value", lang, rows=summary["rows"], rows_read=summary["rows_read"])),
        (label("dates"), f"{summary['first_date']} → {summary['last_date']}"),
        (label("columns"), ", ".join(summary["columns"])),
        (label("target"), summary["target"]),
        (label("encoding"), summary["encoding"] or "-"),
        (label("separator"), separator),
        (label("date_format"), summary["date_format"] or "-"),
        (label("column_map"), ", ".join(f"{old} → {new}" for old, new in summary["column_map"].items())),
        (label("first_row"), _row_text(summary["first_row"])),
        (label("last_row"), _row_text(summary["last_row"])),
    ]
    width = max(_display_width(name) for name, _ in fields)
    lines = [f"{name}{' ' * (width - _display_width(name))}  {value}" for name, value in fields]
    for key in ("repairs", "warnings"):
        lines.append(f"{label(key)}:" + ("" if summary[key] else f" {none}"))
        lines.extend(f"  - {text}" for text in summary[key])
    return "\n".join(lines)


def _row_text(row: dict[str, float | int]) -> str:
    return ", ".join(f"{name}={value if isinstance(value, int) else format(value, '.6g')}" for name, value in row.items())


def _display_width(text: str) -> int:
    """Return the terminal width of ``text``: Hangul and other wide characters take two columns."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)
