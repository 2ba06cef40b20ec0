"""``python -m forecast inspect``: text and JSON summaries, and rejections with exit status 2."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from forecast.cli import main

ROOT = Path(__file__).resolve().parents[1]

KRX = (
    '"일자","종가","대비","시가","고가","저가","거래량"\r\n'
    '"2024/01/03","77,000","-1,400","78,000","78,500","76,800","15,000,000"\r\n'
    '"2024/01/02","78,400","0","76,100","78,900","75,600","9,592,593"\r\n'
)


@pytest.fixture
def krx_file(tmp_path: Path) -> Path:
    path = tmp_path / "krx.csv"
    path.write_bytes(KRX.encode("cp949"))
    return path


def test_inspect_json_in_process(krx_file, capsys):
    assert main(["--lang", "en", "inspect", str(krx_file), "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)

    assert summary["rows"] == 2
    assert summary["first_date"] == "2024-01-02"
    assert summary["last_date"] == "2024-01-03"
    assert summary["columns"] == ["Open", "High", "Low", "Close", "Volume", "Change"]
    assert summary["target"] == "Close"
    assert summary["first_row"]["Close"] == 78400
    assert summary["last_row"] == {"Open": 78000, "High": 78500, "Low": 76800, "Close": 77000,
                                   "Volume": 15000000, "Change": -1400}
    assert summary["encoding"] == "cp949"
    assert summary["repairs"] == ["The rows were newest first; sorted them oldest first."]
    # Two rows load, but are far too few to train with the default window of 30.
    assert len(summary["warnings"]) == 1
    assert summary["warnings"][0].startswith("The table has 2 rows")
    assert summary["column_map"]["종가"] == "Close"


def test_inspect_text_korean(krx_file, capsys):
    assert main(["--lang", "ko", "inspect", str(krx_file)]) == 0
    out = capsys.readouterr().out
    assert "2024-01-02 → 2024-01-03" in out
    assert "인코딩" in out
    assert "cp949" in out
    assert "최신 날짜가 먼저 나와 있어 오래된 날짜부터 정렬했습니다." in out


def test_inspect_unknown_target(krx_file, capsys):
    assert main(["--lang", "en", "inspect", str(krx_file), "--target", "Adj Close", "--json"]) == 2
    error = json.loads(capsys.readouterr().out)
    assert error == {
        "error": "unknown_target",
        "message": "Target column 'Adj Close' is not in the data. Price columns present: Open, High, Low, Close.",
    }


def test_inspect_rejection_text(tmp_path, capsys):
    path = tmp_path / "page.csv"
    path.write_text("<html><body>Not found</body></html>", encoding="utf-8")
    assert main(["--lang", "ko", "inspect", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.strip() == (
        "page.csv은(는) 가격 데이터가 아니라 웹 페이지입니다. 사이트의 다운로드 버튼으로 CSV 파일을 받으세요."
    )


def run_cli(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
    return subprocess.run(
        [sys.executable, "-m", "forecast", *args],
        cwd=ROOT, env=env, capture_output=True, text=True, encoding="utf-8", timeout=120,
    )


def test_inspect_subprocess_sample_json():
    result = run_cli("inspect", "data/AAPL.csv", "--json")
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["rows"] == 3270
    assert summary["first_date"] == "2000-03-01"
    assert summary["last_date"] == "2013-03-01"
    assert summary["first_row"]["Close"] == 130.31  # second line of data/AAPL.csv
    assert any("unadjusted stock split" in text for text in summary["warnings"])


def test_inspect_subprocess_rejection_json(tmp_path):
    path = tmp_path / "nodate.csv"
    path.write_text("When,Close\nyesterday,1\n", encoding="utf-8")
    result = run_cli("--lang", "en", "inspect", str(path), "--json")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    error = json.loads(result.stdout)
    assert error["error"] == "no_date_column"
    assert error["message"].startswith("No date column found (columns or first line: When, Close).")


def test_inspect_subprocess_missing_file(tmp_path):
    result = run_cli("--lang", "en", "inspect", str(tmp_path / "absent.csv"))
    assert result.returncode == 2
    assert result.stderr.strip() == f"File not found: {tmp_path / 'absent.csv'}. Check the path."
