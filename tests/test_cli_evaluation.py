import json

import numpy as np
import pytest
from conftest import make_price_frame

from forecast.cli import main
from forecast.pipeline import ExperimentSettings, run_experiment
from forecast.training import TrainSettings
from forecast.windows import WindowSpec, make_windows


def rising_frame(rows=220):
    frame = make_price_frame(rows=rows)
    trend = np.linspace(1.0, 3.0, rows)[:, None]  # the test period is far above the training range
    frame[["Open", "High", "Low", "Close", "Adj Close"]] *= trend
    return frame


def test_leak_switch_changes_scaler_range():
    frame = rising_frame()
    spec = WindowSpec(window=5)
    clean, leaky = make_windows(frame, spec), make_windows(frame, spec, leak=True)
    n_train = clean.row_counts["train"]
    assert clean.target_scaler.data_max_[0] == pytest.approx(frame["Close"].iloc[:n_train].max())
    assert leaky.target_scaler.data_max_[0] == pytest.approx(frame["Close"].max())
    assert leaky.target_scaler.data_max_[0] > clean.target_scaler.data_max_[0]


def test_leak_demo_reports_both_runs():
    settings = ExperimentSettings(spec=WindowSpec(window=5), models=("gru",), hidden_size=4,
                                  train=TrainSettings(epochs=2), device="cpu", leak_demo=True,
                                  baselines=("naive",))
    result = run_experiment(rising_frame(), settings)
    leakage = result.metrics_dict()["leakage"]
    clean_range, leaky_range = leakage["target_scaler_range"]["clean"], leakage["target_scaler_range"]["leaky"]
    assert leaky_range[1] > clean_range[1]
    assert leakage["models"]["gru"]["clean"]["rmse"] == result.runs["gru"].metrics["rmse"]
    assert leakage["models"]["gru"]["leaky"]["rmse"] != leakage["models"]["gru"]["clean"]["rmse"]


@pytest.fixture(scope="module")
def cli_run(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cli")
    csv = folder / "prices.csv"
    make_price_frame(rows=220).to_csv(csv)
    out = folder / "out"
    status = main(["--lang", "ko", "train", "--csv", str(csv), "--models", "gru,lstm", "--window", "5",
                   "--horizon", "2", "--epochs", "2", "--hidden", "4", "--seeds", "2", "--leak-demo",
                   "--backtest", "--retrain-every", "30", "--out", str(out)])
    return status, json.loads((out / "metrics.json").read_text(encoding="utf-8"))


def test_cli_writes_evaluation_keys(cli_run):
    status, metrics = cli_run
    assert status == 0
    assert set(metrics["baselines"]) == {"naive", "drift", "moving_average", "linear"}
    for name in ("gru", "lstm"):
        model = metrics["models"][name]
        for key in ("rmse", "skill", "dm_pvalue", "coverage_80", "coverage_95"):
            assert np.isfinite(model[key]), key
        # One best shift per step; None when a tiny model's forecast never changes.
        assert len(model["lag"]["best_shift"]) == 2
        assert [step["step"] for step in model["per_step"]] == [1, 2]
        assert model["seeds"]["count"] == 2
        assert model["seeds"]["seeds"] == [0, 1]
        assert model["seeds"]["std"]["rmse"] >= 0
    assert "gru" in metrics["leakage"]["models"]
    assert metrics["backtest"]["retrains"] >= 2
    assert set(metrics["backtest"]["models"]) == {"gru", "lstm"}


def test_cli_prints_readings_in_korean(tmp_path, capsys):
    csv = tmp_path / "prices.csv"
    make_price_frame(rows=220).to_csv(csv)
    status = main(["--lang", "ko", "train", "--csv", str(csv), "--models", "gru", "--window", "5", "--epochs", "1",
                   "--hidden", "4", "--baselines", "naive", "--out", str(tmp_path / "out")])
    printed = capsys.readouterr().out
    assert status == 0
    assert "80% 구간 포함률" in printed
    assert "DM 검정 p =" in printed


def test_cli_rejects_unknown_baseline(tmp_path, capsys):
    csv = tmp_path / "prices.csv"
    make_price_frame(rows=220).to_csv(csv)
    status = main(["--lang", "en", "train", "--csv", str(csv), "--baselines", "naive,arima", "--out", str(tmp_path)])
    assert status == 2
    assert "Unknown baseline 'arima'" in capsys.readouterr().err


def test_train_help_lists_evaluation_options(capsys):
    with pytest.raises(SystemExit):
        main(["train", "--help"])
    text = capsys.readouterr().out
    for option in ("--seeds", "--baselines", "--leak-demo", "--backtest", "--retrain-every", "--backtest-window"):
        assert option in text
