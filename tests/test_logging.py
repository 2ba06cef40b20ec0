"""Server-side logs: start and end of training with settings and duration, no user data."""

import logging

import pytest

from forecast.errors import ForecastError
from forecast.pipeline import ExperimentSettings, run_experiment
from forecast.prices import load_prices
from forecast.training import TrainSettings
from forecast.windows import WindowSpec

from conftest import make_price_frame


def distinctive_csv(tmp_path):
    frame = make_price_frame(rows=200, seed=11)
    # Prices with digits that appear nowhere else, so any leak into the logs is visible.
    frame["Close"] = 4321.987 + frame["Close"] / 1000
    path = tmp_path / "secret-prices.csv"
    frame.round(6).to_csv(path, index_label="Date", date_format="%Y-%m-%d")
    return path, frame


def test_training_logs_start_end_settings_and_no_prices(tmp_path, caplog):
    path, _ = distinctive_csv(tmp_path)
    caplog.set_level(logging.DEBUG)
    data = load_prices(path)
    settings = ExperimentSettings(spec=WindowSpec(window=10), models=("gru",), hidden_size=8,
                                  train=TrainSettings(epochs=2), device="cpu")
    run_experiment(data.frame, settings)
    text = "\n".join(record.getMessage() for record in caplog.records)
    assert "experiment start" in text
    assert "window 10" in text
    assert "experiment end" in text
    assert "trained RecurrentRegressor in" in text
    assert "4321" not in text
    assert "432" + "2" not in text


def test_handled_training_error_is_logged(caplog):
    caplog.set_level(logging.INFO)
    frame = make_price_frame(rows=200)
    settings = ExperimentSettings(spec=WindowSpec(window=10), models=("lstm",), hidden_size=8,
                                  train=TrainSettings(epochs=3, lr=1e5, optimizer="sgd", clip_norm=None),
                                  device="cpu")
    with pytest.raises(ForecastError):
        run_experiment(frame, settings)
    assert any("loss became" in record.getMessage() for record in caplog.records)
