import io
import pickle

import numpy as np
import pandas as pd
import pytest
import torch

from forecast.errors import ForecastError
from forecast.persistence import (
    FORMAT_VERSION,
    forecast_next,
    input_range_warnings,
    load_model,
    model_bytes,
    model_to_dict,
    save_model,
)
from forecast.pipeline import ExperimentSettings, run_experiment
from forecast.training import TrainSettings, predict_batched
from forecast.windows import WindowSpec


@pytest.fixture(scope="module")
def trained():
    from conftest import make_price_frame

    frame = make_price_frame(rows=260)
    settings = ExperimentSettings(
        spec=WindowSpec(features=("Close", "Volume"), window=10, horizon=3, target_mode="log_return"),
        models=("bilstm",), hidden_size=8, num_layers=2, train=TrainSettings(epochs=2), device="cpu",
    )
    return frame, run_experiment(frame, settings)


def save_run(result, target):
    run = result.runs["bilstm"]
    data = result.data
    save_model(target, run.model, data.spec, data.feature_scaler, data.target_scaler, {"note": "test"})


def test_save_load_gives_identical_predictions(trained, tmp_path):
    frame, result = trained
    path = tmp_path / "model.pt"
    save_run(result, path)
    saved = load_model(path)
    assert saved.config == result.runs["bilstm"].config
    assert saved.spec == result.data.spec
    x = torch.from_numpy(result.data.test.x)
    before = predict_batched(result.runs["bilstm"].model, x)
    after = predict_batched(saved.model, x)
    torch.testing.assert_close(before, after, rtol=0, atol=0)
    np.testing.assert_array_equal(saved.target_scaler.scale_, result.data.target_scaler.scale_)


def test_forecast_next_uses_business_days(trained, tmp_path):
    frame, result = trained
    saved = load_model(io.BytesIO(model_bytes(result.runs["bilstm"].model, result.data.spec,
                                              result.data.feature_scaler, result.data.target_scaler)))
    table = forecast_next(saved, frame)
    assert list(table.columns) == ["date", "forecast"]
    assert len(table) == 3
    assert table["date"].iloc[0] == frame.index[-1] + pd.offsets.BDay(1)
    assert all(day.weekday() < 5 for day in table["date"])
    assert np.all(np.isfinite(table["forecast"]))


class MarkerPayload:
    """Unpickling this object would create the marker file."""

    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return (open, (self.marker, "w"))


def test_malicious_pickle_runs_no_code(tmp_path):
    marker = tmp_path / "marker"
    path = tmp_path / "evil.pt"
    torch.save({"format": "forecast-model", "payload": MarkerPayload(str(marker))}, path)
    assert not marker.exists()
    with pytest.raises(ForecastError) as caught:
        load_model(path)
    assert caught.value.key == "model_file_invalid"
    assert not marker.exists()
    # The raw pickle protocol too, without torch's zip container.
    raw = tmp_path / "evil.pkl"
    raw.write_bytes(pickle.dumps(MarkerPayload(str(marker))))
    with pytest.raises(ForecastError, match="not a valid model file"):
        load_model(raw)
    assert not marker.exists()


def test_truncated_file_is_rejected(trained, tmp_path):
    _, result = trained
    buffer = io.BytesIO()
    save_run(result, buffer)
    content = buffer.getvalue()
    with pytest.raises(ForecastError) as caught:
        load_model(content[: len(content) // 2])
    assert caught.value.key == "model_file_invalid"


def test_newer_format_version_is_rejected(trained, tmp_path):
    _, result = trained
    run = result.runs["bilstm"]
    payload = model_to_dict(run.model, result.data.spec, result.data.feature_scaler, result.data.target_scaler)
    payload["version"] = FORMAT_VERSION + 1
    path = tmp_path / "new.pt"
    torch.save(payload, path)
    with pytest.raises(ForecastError, match="newer than this tool supports") as caught:
        load_model(path)
    assert caught.value.key == "model_file_too_new"


def test_other_model_kind_is_rejected(trained, tmp_path):
    _, result = trained
    run = result.runs["bilstm"]
    payload = model_to_dict(run.model, result.data.spec, result.data.feature_scaler, result.data.target_scaler)
    payload["kind"] = "mnist-classifier"
    path = tmp_path / "other.pt"
    torch.save(payload, path)
    with pytest.raises(ForecastError) as caught:
        load_model(path)
    assert caught.value.key == "model_file_wrong_kind"


def test_missing_file_is_reported(tmp_path):
    with pytest.raises(ForecastError) as caught:
        load_model(tmp_path / "absent.pt")
    assert caught.value.key == "model_file_missing"


def test_gpu_saved_tensors_load_on_cpu(trained, tmp_path, monkeypatch):
    # A CUDA-saved file stores device "cuda:0" per tensor; map_location must move them to the CPU.
    _, result = trained
    path = tmp_path / "model.pt"
    save_run(result, path)
    calls = {}
    original = torch.load

    def spy(*args, **kwargs):
        calls.update(kwargs)
        return original(*args, **kwargs)

    monkeypatch.setattr(torch, "load", spy)
    load_model(path)
    assert calls["map_location"] == "cpu"
    assert calls["weights_only"] is True


def price_level_model(frame):
    settings = ExperimentSettings(spec=WindowSpec(window=10, target_mode="price"), models=("gru",), hidden_size=8,
                                  train=TrainSettings(epochs=1), device="cpu")
    result = run_experiment(frame, settings)
    data = result.data
    return load_model(model_bytes(result.runs["gru"].model, data.spec, data.feature_scaler, data.target_scaler))


def test_prices_outside_training_range_are_warned():
    from conftest import make_price_frame

    frame = make_price_frame(rows=260)
    saved = price_level_model(frame)
    assert input_range_warnings(saved, frame) == []
    far = frame * 50.0
    warnings = input_range_warnings(saved, far)
    assert [warning.key for warning in warnings] == ["input_outside_training_range"]
    assert "outside the range the model was trained on" in warnings[0].text("en")


def test_log_return_model_gets_no_range_warning(trained):
    frame, result = trained
    data = result.data
    saved = load_model(model_bytes(result.runs["bilstm"].model, data.spec, data.feature_scaler, data.target_scaler))
    assert input_range_warnings(saved, frame * 50.0) == []


def tampered(result, change):
    run = result.runs["bilstm"]
    payload = model_to_dict(run.model, result.data.spec, result.data.feature_scaler, result.data.target_scaler)
    change(payload)
    buffer = io.BytesIO()
    torch.save(payload, buffer)
    return buffer.getvalue()


def set_path(payload, path, value):
    target = payload
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value


@pytest.mark.parametrize(
    "path, value",
    [
        (("config", "hidden_size"), 200_000),  # would need hundreds of GB if built before checking
        (("config", "unexpected_SECRET_4242"), 1),
        (("spec", "horizon"), 5),
        (("spec", "features"), ["Close", "Volume", "Open"]),
        (("feature_scaler", "type"), "SECRET_scaler_4242"),
        (("target_scaler", "state", "min_"), 1.0),
        (("target_scaler", "state", "scale_"), torch.ones(3, dtype=torch.float64)),
        (("version",), "1"),
        (("metadata",), "not a dict"),
    ],
)
def test_inconsistent_model_file_is_rejected(trained, caplog, path, value):
    _, result = trained
    content = tampered(result, lambda payload: set_path(payload, path, value))
    caplog.set_level("DEBUG")
    if path == ("metadata",):
        assert load_model(content).metadata == {}
        return
    with pytest.raises(ForecastError) as caught:
        load_model(content, name="tampered.pt")
    assert caught.value.key == "model_file_invalid"
    assert "tampered.pt" in caught.value.message("en")
    assert "SECRET" not in caplog.text


def test_non_finite_weights_are_rejected(trained):
    _, result = trained

    def poison(payload):
        key = next(iter(payload["state_dict"]))
        payload["state_dict"][key] = payload["state_dict"][key].clone().fill_(float("nan"))

    with pytest.raises(ForecastError) as caught:
        load_model(tampered(result, poison))
    assert caught.value.key == "model_file_invalid"


def test_extra_weight_is_rejected(trained):
    _, result = trained

    def add(payload):
        payload["state_dict"]["SECRET_extra"] = torch.zeros(2)

    with pytest.raises(ForecastError) as caught:
        load_model(tampered(result, add))
    assert caught.value.key == "model_file_invalid"
