"""End-to-end tests of ``python -m forecast train`` and ``predict``."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from forecast.cli import main

from conftest import make_price_frame

ROOT = Path(__file__).resolve().parents[1]
FAST = ["--window", "10", "--epochs", "2", "--hidden", "8", "--batch-size", "64"]


def write_yahoo_csv(path: Path, rows: int = 320) -> Path:
    frame = make_price_frame(rows=rows, seed=3)
    frame.round(4).to_csv(path, index_label="Date", date_format="%Y-%m-%d")
    return path


def test_train_writes_metrics_predictions_and_models(tmp_path, capsys):
    csv = write_yahoo_csv(tmp_path / "prices.csv")
    out = tmp_path / "run"
    status = main(["--lang", "en", "train", "--csv", str(csv), "--models", "gru,lstm,bilstm", *FAST, "--out", str(out)])
    assert status == 0
    printed = capsys.readouterr().out
    for label in ("GRU", "LSTM", "biLSTM", "naive (repeat last price)", "RMSE"):
        assert label in printed

    metrics = json.loads((out / "metrics.json").read_text())
    assert metrics["target"] == "Close"
    assert metrics["window"] == 10
    assert metrics["horizon"] == 1
    assert metrics["device"] == "cpu"
    assert set(metrics["rows"]) == {"train", "val", "test"}
    for name in ("gru", "lstm", "bilstm"):
        assert set(metrics["models"][name]) >= {
            "rmse", "mae", "mape", "directional_accuracy", "skill", "train_seconds", "epochs", "parameters"}
    assert set(metrics["baselines"]["naive"]) >= {"rmse", "mae", "mape", "directional_accuracy"}

    predictions = pd.read_csv(out / "predictions.csv", parse_dates=["date"])
    assert list(predictions.columns[:2]) == ["date", "actual"]
    assert {"gru", "lstm", "bilstm", "naive"} <= set(predictions.columns)
    assert len(predictions) == metrics["rows"]["test"]
    assert predictions["date"].is_monotonic_increasing
    for name in ("gru", "lstm", "bilstm"):
        assert (out / f"{name}.pt").stat().st_size > 0


def test_predict_forecasts_next_business_days(tmp_path, capsys):
    csv = write_yahoo_csv(tmp_path / "prices.csv")
    out = tmp_path / "run"
    assert main(["train", "--csv", str(csv), "--models", "gru", "--horizon", "3", *FAST, "--out", str(out)]) == 0
    forecast_csv = tmp_path / "forecast.csv"
    assert main(["predict", "--model", str(out / "gru.pt"), "--csv", str(csv), "--out", str(forecast_csv)]) == 0
    table = pd.read_csv(forecast_csv, parse_dates=["date"])
    assert len(table) == 3
    last = pd.read_csv(csv, parse_dates=["Date"])["Date"].max()
    assert table["date"].iloc[0] == last + pd.offsets.BDay(1)


def test_train_rejects_unknown_target_with_status_2(tmp_path, capsys):
    csv = write_yahoo_csv(tmp_path / "prices.csv")
    status = main(["--lang", "en", "train", "--csv", str(csv), "--target", "Price", *FAST, "--out", str(tmp_path)])
    assert status == 2
    assert "Price" in capsys.readouterr().err


def test_train_explains_too_short_file_in_korean(tmp_path, capsys):
    csv = write_yahoo_csv(tmp_path / "short.csv", rows=60)
    status = main(["--lang", "ko", "train", "--csv", str(csv), "--window", "30", "--out", str(tmp_path)])
    assert status == 2
    error = capsys.readouterr().err
    assert "최소" in error
    assert "30" in error


def test_predict_rejects_malicious_model_file(tmp_path, capsys):
    import pickle

    marker = tmp_path / "marker"

    class Payload:
        def __reduce__(self):
            return (open, (str(marker), "w"))

    evil = tmp_path / "evil.pt"
    evil.write_bytes(pickle.dumps(Payload()))
    csv = write_yahoo_csv(tmp_path / "prices.csv")
    status = main(["--lang", "en", "predict", "--model", str(evil), "--csv", str(csv)])
    assert status == 2
    assert "not a valid model file" in capsys.readouterr().err
    assert not marker.exists()


def test_module_entry_point_runs_on_bundled_sample(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "forecast", "--lang", "en", "train", "--sample", "IBM", "--models", "gru",
         *FAST, "--out", str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True, timeout=300, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 0, result.stderr
    metrics = json.loads((tmp_path / "metrics.json").read_text())
    assert metrics["rows"]["test"] > 500
    assert "Traceback" not in result.stderr


def test_bad_csv_exits_2_without_traceback(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("name,colour\nfoo,red\nbar,blue\n")
    result = subprocess.run(
        [sys.executable, "-m", "forecast", "--lang", "en", "train", "--csv", str(bad), "--out", str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.strip()


@pytest.mark.parametrize("option, value", [("--batch-size", "0"), ("--lr", "-1"), ("--epochs", "0"),
                                           ("--hidden", "0"), ("--models", "gru,gru")])
def test_invalid_setting_exits_2_before_training(tmp_path, capsys, option, value):
    csv = write_yahoo_csv(tmp_path / "prices.csv")
    args = ["--lang", "en", "train", "--csv", str(csv), *FAST, option, value, "--out", str(tmp_path / "run")]
    assert main(args) == 2
    assert capsys.readouterr().err.strip()
    assert not (tmp_path / "run").exists()


def test_out_path_file_rejected(tmp_path, capsys):
    csv = write_yahoo_csv(tmp_path / "prices.csv")
    assert main(["--lang", "en", "train", "--csv", str(csv), *FAST, "--out", str(csv)]) == 2
    assert "needs a folder" in capsys.readouterr().err


def test_volume_can_be_a_feature(tmp_path):
    csv = write_yahoo_csv(tmp_path / "prices.csv")
    out = tmp_path / "run"
    assert main(["train", "--csv", str(csv), "--models", "gru", "--features", "Close,Volume", *FAST,
                 "--out", str(out)]) == 0
    metrics = json.loads((out / "metrics.json").read_text())
    assert metrics["features"] == ["Close", "Volume"]
