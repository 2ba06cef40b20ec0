"""The example price files stored beside the repository load as their names suggest."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from forecast.errors import ForecastError
from forecast.prices import load_prices

EXAMPLES = Path(__file__).parents[1].parent / "shared" / "price-files"

pytestmark = pytest.mark.skipif(not EXAMPLES.is_dir(), reason=f"example folder {EXAMPLES} is not present")


def warnings_text(data) -> str:
    return " | ".join(message.text("en") for message in data.report.warnings)


def test_krx_cp949():
    data = load_prices(EXAMPLES / "krx_cp949.csv")
    assert data.report.encoding == "cp949"
    assert data.frame.index.is_monotonic_increasing
    assert data.frame.index[0] == pd.Timestamp("2024-01-02")
    assert data.frame.index[-1] == pd.Timestamp("2024-01-16")
    assert data.frame.loc["2024-01-16", "Close"] == 78800.0
    assert data.report.column_map["종가"] == "Close"


def test_frankfurt_semicolon_decimal_comma():
    data = load_prices(EXAMPLES / "frankfurt_semicolon_decimal_comma.csv")
    assert data.report.separator == ";"
    assert data.report.date_format == "%d.%m.%y"
    assert len(data.frame) == 10
    assert data.frame.index[-1] == pd.Timestamp("2024-08-14")
    assert data.frame.loc["2024-08-14", "Close"] == 218.07
    assert data.frame.loc["2024-08-14", "Volume"] == 63179.0


def test_investing_en():
    data = load_prices(EXAMPLES / "investing_en.csv")
    assert data.report.column_map["Price"] == "Close"
    assert data.frame.index[0] == pd.Timestamp("2023-09-04")
    assert data.frame.index[-1] == pd.Timestamp("2023-09-19")
    assert data.frame.loc["2023-09-19", "Close"] == 12570.0
    assert data.frame.loc["2023-09-19", "Volume"] == 1.76e6


def test_duplicates_and_gaps():
    data = load_prices(EXAMPLES / "duplicates_and_gaps.csv")
    repairs = " | ".join(message.text("en") for message in data.report.repairs)
    assert data.frame.index.is_unique
    assert data.frame.loc["2024-08-30", "Close"] == 5704.45
    assert "duplicate" in repairs
    assert "without a Close value" in repairs
    assert "have no row" in warnings_text(data)
    assert pd.Timestamp("2024-09-04") not in data.frame.index  # reported, never invented


def test_too_short_loads():
    # Whether 12 rows are enough depends on window and horizon; training rejects it, loading does not.
    data = load_prices(EXAMPLES / "too_short.csv")
    assert len(data.frame) == 12


def test_yahoo_auto_adjusted():
    data = load_prices(EXAMPLES / "yahoo_auto_adjusted.csv")
    assert "Adj Close" not in data.frame.columns
    assert data.price_columns == ["Open", "High", "Low", "Close"]


def test_yfinance_empty_download():
    with pytest.raises(ForecastError, match=r"\.KS \(KOSPI\) or \.KQ \(KOSDAQ\)") as raised:
        load_prices(EXAMPLES / "yfinance_empty_download.csv")
    assert raised.value.key == "no_data_rows_yfinance"


def test_every_example_loads_or_is_rejected():
    for path in sorted(EXAMPLES.iterdir()):
        try:
            data = load_prices(path)
        except ForecastError as error:
            assert error.message("ko"), path.name
        else:
            assert data.frame.index.is_monotonic_increasing and data.frame.index.is_unique, path.name


def test_too_short_is_refused_by_inspect_and_train(tmp_path, capsys):
    from forecast.cli import main

    assert main(["--lang", "en", "inspect", str(EXAMPLES / "too_short.csv"), "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert any("has 12 rows" in warning for warning in summary["warnings"])
    assert main(["--lang", "en", "inspect", str(EXAMPLES / "too_short.csv"), "--json", "--window", "5"]) == 2
    error = json.loads(capsys.readouterr().out)
    assert error["error"] == "too_few_rows_any_window"
    assert "has 12 rows" in error["message"]
    assert main(["--lang", "en", "train", "--csv", str(EXAMPLES / "too_short.csv"), "--out", str(tmp_path)]) == 2
    assert "has 12 rows" in capsys.readouterr().err
