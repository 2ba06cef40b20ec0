import numpy as np
import pytest

from forecast.evaluation import directional_accuracy, naive_forecast, regression_metrics, skill_score


def test_naive_baseline_on_hand_checkable_series():
    # Prices 10, 12, 11, 14: the naive forecast of each next day is the day before.
    last = np.array([10.0, 12.0, 11.0])
    actual = np.array([[12.0], [11.0], [14.0]])
    predicted = naive_forecast(last, horizon=1)
    metrics = regression_metrics(actual, predicted, last)
    # Errors 2, -1, 3.
    assert metrics["rmse"] == pytest.approx(np.sqrt((4 + 1 + 9) / 3))
    assert metrics["mae"] == pytest.approx(2.0)
    assert metrics["mape"] == pytest.approx(100 * (2 / 12 + 1 / 11 + 3 / 14) / 3)
    assert metrics["directional_accuracy"] == 0.0


def test_naive_forecast_repeats_over_horizon():
    np.testing.assert_array_equal(naive_forecast(np.array([5.0, 7.0]), 3), [[5, 5, 5], [7, 7, 7]])


def test_directional_accuracy_counts_right_signs():
    last = np.array([10.0, 10.0, 10.0, 10.0])
    actual = np.array([[11.0], [9.0], [12.0], [10.0]])
    predicted = np.array([[10.5], [10.5], [13.0], [10.0]])
    assert directional_accuracy(actual, predicted, last) == pytest.approx(0.75)


def test_skill_score_against_naive():
    assert skill_score(1.0, 2.0) == pytest.approx(0.5)
    assert skill_score(2.0, 2.0) == 0.0
    assert skill_score(3.0, 2.0) < 0
    assert np.isnan(skill_score(1.0, 0.0))
