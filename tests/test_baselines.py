import numpy as np
import pytest

from forecast.baselines import (
    baseline_forecasts,
    check_baseline_names,
    drift_forecast,
    fit_linear,
    linear_forecast,
    moving_average_forecast,
    price_windows,
)
from forecast.errors import ForecastError
from forecast.windows import WindowSpec, make_windows

# Prices 10, 12, 11, 14, 13 with a window of 3: the windows ending at rows 2, 3, 4.
PRICES = np.array([10.0, 12.0, 11.0, 14.0, 13.0])


def test_price_windows_end_at_origin():
    windows = price_windows(PRICES, np.array([2, 4]), window=3)
    np.testing.assert_array_equal(windows, [[10, 12, 11], [11, 14, 13]])


def test_drift_extends_line_through_first_and_last():
    history = price_windows(PRICES, np.array([2, 4]), window=3)
    # Window 10, 12, 11: slope (11 - 10) / 2 = 0.5 per step -> 11.5, 12.0.
    # Window 11, 14, 13: slope (13 - 11) / 2 = 1.0 per step -> 14, 15.
    np.testing.assert_allclose(drift_forecast(history, horizon=2), [[11.5, 12.0], [14.0, 15.0]])


def test_drift_with_one_price_is_naive():
    np.testing.assert_allclose(drift_forecast(np.array([[7.0]]), horizon=3), [[7.0, 7.0, 7.0]])


def test_moving_average_repeats_window_mean():
    history = price_windows(PRICES, np.array([2, 4]), window=3)
    np.testing.assert_allclose(moving_average_forecast(history, horizon=2), [[11.0, 11.0], [38 / 3, 38 / 3]])


def test_linear_learns_constant_growth():
    # A series that doubles every step: every window, relative to its last
    # price, looks the same, and the next prices are 2x and 4x the last one.
    prices = 2.0 ** np.arange(12)
    origins = np.arange(2, 9)
    history = price_windows(prices, origins, window=3)
    actual = np.stack([prices[origins + 1], prices[origins + 2]], axis=1)
    model = fit_linear(history, actual)
    test_history = np.array([[1.0, 2.0, 4.0], [5.0, 10.0, 20.0]])
    np.testing.assert_allclose(linear_forecast(model, test_history), [[8.0, 16.0], [40.0, 80.0]], rtol=1e-9)


def test_linear_uses_differences_with_non_positive_prices():
    # A series that rises by 3 every step through zero: ratios are undefined, differences are constant.
    prices = np.arange(-12.0, 24.0, 3.0)
    origins = np.arange(2, 9)
    history = price_windows(prices, origins, window=3)
    actual = np.stack([prices[origins + 1], prices[origins + 2]], axis=1)
    model = fit_linear(history, actual)
    assert not model.log_scale
    np.testing.assert_allclose(linear_forecast(model, np.array([[-3.0, 0.0, 3.0]])), [[6.0, 9.0]], atol=1e-6)


def test_unknown_baseline_lists_valid_names():
    with pytest.raises(ForecastError, match="naive, drift, moving_average, linear") as caught:
        check_baseline_names(["naive", "arima"])
    assert caught.value.key == "unknown_baseline"


def test_naive_is_always_kept_first():
    assert check_baseline_names(["linear", "drift"]) == ("naive", "drift", "linear")


def test_baselines_on_windowed_frame_match_hand_rules(price_frame):
    spec = WindowSpec(window=5, horizon=2)
    data = make_windows(price_frame, spec)
    prices = price_frame["Close"].to_numpy()
    forecasts = baseline_forecasts(prices, data.train, data.test, spec.window)
    assert list(forecasts) == ["naive", "drift", "moving_average", "linear"]
    first = data.test.origin[0]
    window = prices[first - 4 : first + 1]
    assert forecasts["naive"][0, 1] == prices[first]
    assert forecasts["moving_average"][0, 0] == pytest.approx(window.mean())
    assert forecasts["drift"][0, 1] == pytest.approx(window[-1] + 2 * (window[-1] - window[0]) / 4)
    for predicted in forecasts.values():
        assert predicted.shape == data.test.actual.shape
