import math

import pytest
import torch
from torch import nn

from forecast.errors import ForecastError, TrainingCancelled
from forecast.models import ModelConfig, build_model
from forecast.pipeline import ExperimentSettings, run_experiment
from forecast.training import TrainSettings, fit
from forecast.windows import WindowSpec

CPU = torch.device("cpu")


def toy_data(n=200, seed=0):
    generator = torch.Generator().manual_seed(seed)
    x = torch.randn(n, 8, 1, generator=generator)
    y = x[:, -1, :] * 0.5  # the last input step, halved
    return x, y


def test_fit_lowers_loss_and_reports_each_epoch():
    x, y = toy_data()
    model = build_model(ModelConfig("gru", input_size=1, hidden_size=16))
    reports = []
    result = fit(model, (x[:160], y[:160]), (x[160:], y[160:]), loss_fn=nn.MSELoss(),
                 settings=TrainSettings(epochs=15, lr=1e-2, patience=None), device=CPU, callback=reports.append)
    assert [r.epoch for r in reports] == list(range(1, 16))
    assert reports[-1].val_loss < reports[0].val_loss
    assert result.samples == 15 * 160
    assert result.best_val_loss == min(r.val_loss for r in reports)


def test_early_stopping_restores_best_weights():
    x, y = toy_data()
    model = build_model(ModelConfig("gru", input_size=1, hidden_size=8))
    result = fit(model, (x[:160], y[:160]), (x[160:], y[160:]), loss_fn=nn.MSELoss(),
                 settings=TrainSettings(epochs=200, lr=5e-2, patience=3), device=CPU)
    assert result.stopped_early
    with torch.no_grad():
        val_loss = float(nn.MSELoss()(model(x[160:]), y[160:]))
    assert val_loss == pytest.approx(result.best_val_loss, rel=1e-5)


def test_exploding_loss_raises_clear_error():
    x, y = toy_data()
    model = build_model(ModelConfig("lstm", input_size=1, hidden_size=8))
    with pytest.raises(ForecastError, match="Lower the learning rate") as caught:
        fit(model, (x, y * 1e30), None, loss_fn=nn.MSELoss(),
            settings=TrainSettings(epochs=3, lr=1e6, clip_norm=None), device=CPU)
    assert caught.value.key == "loss_not_finite"


def test_callback_can_cancel_training():
    x, y = toy_data()
    model = build_model(ModelConfig("gru", input_size=1, hidden_size=8))
    with pytest.raises(TrainingCancelled):
        fit(model, (x, y), (x, y), loss_fn=nn.MSELoss(), settings=TrainSettings(epochs=5),
            device=CPU, callback=lambda progress: progress.epoch >= 2)


def test_unknown_optimizer_lists_choices():
    x, y = toy_data()
    model = build_model(ModelConfig("gru", input_size=1, hidden_size=8))
    with pytest.raises(ForecastError, match="adam, sgd"):
        fit(model, (x, y), None, loss_fn=nn.MSELoss(), settings=TrainSettings(optimizer="rmsprop"), device=CPU)


def small_settings(**overrides):
    train = TrainSettings(epochs=3, batch_size=32, seed=overrides.pop("seed", 0))
    values = dict(spec=WindowSpec(window=10), models=("gru", "lstm", "bilstm"), hidden_size=8,
                  train=train, device="cpu")
    values.update(overrides)
    return ExperimentSettings(**values)


def test_same_seed_repeats_metrics_exactly(price_frame):
    first = run_experiment(price_frame, small_settings()).metrics_dict()
    second = run_experiment(price_frame, small_settings()).metrics_dict()
    for name in ("gru", "lstm", "bilstm"):
        for metric in ("rmse", "mae", "mape", "directional_accuracy"):
            assert first["models"][name][metric] == second["models"][name][metric]


def test_other_seed_changes_metrics(price_frame):
    first = run_experiment(price_frame, small_settings(models=("gru",))).metrics_dict()
    other = run_experiment(price_frame, small_settings(models=("gru",), seed=1)).metrics_dict()
    assert first["models"]["gru"]["rmse"] != other["models"]["gru"]["rmse"]


def test_experiment_metrics_are_finite_and_complete(price_frame):
    metrics = run_experiment(price_frame, small_settings(models=("gru", "bilstm"))).metrics_dict()
    assert set(metrics["models"]) == {"gru", "bilstm"}
    for values in metrics["models"].values():
        for key in ("rmse", "mae", "mape", "directional_accuracy", "skill", "train_seconds", "epochs", "parameters"):
            assert math.isfinite(values[key]), key
    assert set(metrics["baselines"]["naive"]) >= {"rmse", "mae", "mape", "directional_accuracy"}
    assert metrics["rows"]["test"] > 0
    assert metrics["versions"]["torch"] == torch.__version__
    assert metrics["settings"]["train"]["seed"] == 0


@pytest.mark.parametrize(
    "kwargs, name",
    [
        ({"epochs": 0}, "epochs"),
        ({"epochs": -5}, "epochs"),
        ({"batch_size": 0}, "batch_size"),
        ({"lr": 0.0}, "lr"),
        ({"lr": -1.0}, "lr"),
        ({"lr": float("nan")}, "lr"),
        ({"seed": -1}, "seed"),
        ({"seed": 2**70}, "seed"),
        ({"patience": 0}, "patience"),
    ],
)
def test_invalid_train_settings_are_rejected(kwargs, name):
    with pytest.raises(ForecastError) as caught:
        TrainSettings(**kwargs)
    assert caught.value.key == "setting_out_of_range"
    assert caught.value.params["name"] == name


@pytest.mark.parametrize(
    "kwargs, key",
    [
        ({"hidden_size": 0}, "setting_out_of_range"),
        ({"num_layers": 0}, "setting_out_of_range"),
        ({"dropout": 1.5}, "setting_out_of_range"),
        ({"models": ("gru", "gru")}, "duplicate_model"),
    ],
)
def test_invalid_experiment_settings_are_rejected(kwargs, key):
    with pytest.raises(ForecastError) as caught:
        ExperimentSettings(**kwargs)
    assert caught.value.key == key


def test_huge_prices_raise_clear_error():
    from conftest import make_price_frame

    frame = make_price_frame(rows=200) * 1e306
    settings = ExperimentSettings(spec=WindowSpec(window=10, target_mode="price"), models=("gru",), hidden_size=8,
                                  train=TrainSettings(epochs=1), device="cpu")
    with pytest.raises(ForecastError) as caught:
        run_experiment(frame, settings)
    assert caught.value.key == "values_too_large"


def test_cpu_threads_follow_variable_and_argument(monkeypatch):
    from forecast.device import set_cpu_threads

    before = torch.get_num_threads()
    try:
        monkeypatch.setenv("FORECAST_TORCH_THREADS", "2")
        assert set_cpu_threads() == 2
        assert torch.get_num_threads() == 2
        assert set_cpu_threads(1) == 1
        assert torch.get_num_threads() == 1
        with pytest.raises(ForecastError):
            set_cpu_threads(0)
        monkeypatch.setenv("FORECAST_TORCH_THREADS", "many")
        with pytest.raises(ForecastError):
            set_cpu_threads()
    finally:
        torch.set_num_threads(before)
