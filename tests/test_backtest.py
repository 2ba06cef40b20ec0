import numpy as np
import pytest
from conftest import make_price_frame

from forecast.backtest import BacktestSettings, run_backtest
from forecast.errors import ForecastError
from forecast.pipeline import ExperimentSettings
from forecast.training import TrainSettings
from forecast.windows import WindowSpec, make_windows


def tiny_settings(**overrides):
    values = dict(spec=WindowSpec(window=5, horizon=2), models=("gru",), hidden_size=4,
                  train=TrainSettings(epochs=2, batch_size=32), device="cpu")
    values.update(overrides)
    return ExperimentSettings(**values)


@pytest.fixture(scope="module")
def frame():
    return make_price_frame(rows=200)


def test_train_once_vs_retrain(frame):
    once = run_backtest(frame, tiny_settings(), BacktestSettings(retrain_every=0))
    every = run_backtest(frame, tiny_settings(), BacktestSettings(retrain_every=10))
    n_test = len(make_windows(frame, tiny_settings().spec).test)
    assert len(once.retrain_dates) == 1
    assert len(every.retrain_dates) == -(-n_test // 10)
    # The first block is trained on the same rows both ways, later blocks are not.
    np.testing.assert_allclose(once.predictions["gru"][:10], every.predictions["gru"][:10], rtol=1e-5)
    assert not np.allclose(once.predictions["gru"][10:], every.predictions["gru"][10:])
    np.testing.assert_array_equal(once.predictions["naive"], every.predictions["naive"])


def test_backtest_scores_models_and_baselines(frame):
    result = run_backtest(frame, tiny_settings(), BacktestSettings(retrain_every=20, window="sliding"))
    summary = result.to_dict()
    assert set(summary["models"]) == {"gru"}
    assert set(summary["baselines"]) == {"naive", "drift", "moving_average", "linear"}
    for metrics in result.metrics.values():
        assert np.isfinite(metrics["rmse"])
    assert result.metrics["naive"]["skill"] == 0.0
    assert "dm_pvalue" in result.metrics["gru"]


def test_backtest_ignores_future_rows(frame):
    settings = tiny_settings(models=("gru",), baselines=("naive", "linear"))
    backtest = BacktestSettings(retrain_every=10)
    before = run_backtest(frame, settings, backtest)
    changed = frame.copy()
    test = make_windows(frame, settings.spec).test
    # Change every price after the target rows of the first block.
    cutoff = test.origin[9] + settings.spec.horizon + 1
    changed.iloc[cutoff:, :] *= 1.5
    after = run_backtest(changed, settings, backtest)
    for name in ("gru", "linear"):
        np.testing.assert_allclose(before.predictions[name][:10], after.predictions[name][:10], rtol=1e-5)
        assert not np.allclose(before.predictions[name][20:], after.predictions[name][20:])


def test_progress_callback_counts_blocks(frame):
    calls = []
    run_backtest(frame, tiny_settings(models=("gru", "lstm")), BacktestSettings(retrain_every=25),
                 callback=lambda done, total, name: calls.append((done, total, name)))
    assert calls[-1][0] == calls[-1][1] == len(calls)
    assert {name for _, _, name in calls} == {"gru", "lstm"}


def test_unknown_window_kind_lists_choices():
    with pytest.raises(ForecastError, match="expanding, sliding"):
        BacktestSettings(window="rolling")
