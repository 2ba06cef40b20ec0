import numpy as np
import pytest

from forecast.errors import ForecastError
from forecast.windows import WindowSpec, check_length, make_windows, minimum_rows, targets_to_prices

from conftest import make_price_frame


def test_window_shapes_and_alignment(price_frame):
    spec = WindowSpec(features=("Close", "Volume"), window=10, horizon=3)
    data = make_windows(price_frame, spec)
    close = price_frame["Close"].to_numpy()
    for split in (data.train, data.val, data.test):
        assert split.x.shape == (len(split), 10, 2)
        assert split.y.shape == (len(split), 3)
        assert split.actual.shape == (len(split), 3)
        assert split.x.dtype == np.float32
    sample = 5
    origin = data.test.origin[sample]
    np.testing.assert_allclose(data.test.last_price[sample], close[origin])
    np.testing.assert_allclose(data.test.actual[sample], close[origin + 1 : origin + 4])
    # Inputs are the scaled rows origin-W+1 .. origin.
    expected = data.feature_scaler.transform(price_frame[["Close", "Volume"]].to_numpy()[origin - 9 : origin + 1])
    np.testing.assert_allclose(data.test.x[sample], expected, rtol=1e-5)


def test_periods_are_chronological_and_disjoint(price_frame):
    spec = WindowSpec(window=10, horizon=4)
    data = make_windows(price_frame, spec)
    assert data.train.dates.max() < data.val.dates.min()
    assert data.val.dates.max() < data.test.dates.min()
    assert data.test.dates[-1, -1] == price_frame.index[-1]
    counts = data.row_counts
    assert counts["train"] + counts["val"] + counts["test"] == len(price_frame)


def test_changing_test_period_leaves_training_untouched(price_frame):
    spec = WindowSpec(features=("Close", "Volume"), window=10, horizon=2)
    before = make_windows(price_frame, spec)
    changed = price_frame.copy()
    test_start = before.row_counts["train"] + before.row_counts["val"]
    changed.iloc[test_start:, :] *= 3.0
    after = make_windows(changed, spec)
    np.testing.assert_array_equal(before.feature_scaler.data_max_, after.feature_scaler.data_max_)
    np.testing.assert_array_equal(before.target_scaler.data_min_, after.target_scaler.data_min_)
    np.testing.assert_array_equal(before.train.x, after.train.x)
    np.testing.assert_array_equal(before.train.y, after.train.y)
    assert not np.array_equal(before.test.actual, after.test.actual)


def test_leak_switch_fits_scaler_on_whole_series(price_frame):
    spec = WindowSpec(window=10)
    honest = make_windows(price_frame, spec)
    leaky = make_windows(price_frame, spec, leak=True)
    assert leaky.target_scaler.data_max_[0] == pytest.approx(price_frame["Close"].max())
    assert honest.target_scaler.data_max_[0] == pytest.approx(price_frame["Close"].iloc[: honest.row_counts["train"]].max())


def test_inverse_scaling_recovers_prices(price_frame):
    data = make_windows(price_frame, WindowSpec(window=10, horizon=2))
    prices = data.to_prices(data.test.y, data.test.last_price)
    np.testing.assert_allclose(prices, data.test.actual, rtol=1e-5)


def test_log_return_targets_rebuild_prices(price_frame):
    data = make_windows(price_frame, WindowSpec(window=10, horizon=3, target_mode="log_return"))
    prices = data.to_prices(data.test.y, data.test.last_price)
    np.testing.assert_allclose(prices, data.test.actual, rtol=1e-4)


def test_targets_to_prices_compounds_returns():
    class Identity:
        def inverse_transform(self, values):
            return values

    returns = np.log(np.array([[1.1, 1.1]]))
    prices = targets_to_prices(returns, np.array([100.0]), Identity(), "log_return")
    np.testing.assert_allclose(prices, [[110.0, 121.0]])


def test_too_few_rows_is_rejected_with_advice():
    spec = WindowSpec(window=30, horizon=1)
    frame = make_price_frame(rows=minimum_rows(spec) - 1)
    with pytest.raises(ForecastError, match="need at least") as caught:
        make_windows(frame, spec)
    assert caught.value.key == "too_few_rows"
    assert caught.value.params["max_window"] < 30
    check_length(minimum_rows(spec), spec)


def test_minimum_rows_is_enough_to_build(price_frame):
    spec = WindowSpec(window=20, horizon=5)
    frame = make_price_frame(rows=minimum_rows(spec))
    data = make_windows(frame, spec)
    assert len(data.train) >= 30
    assert len(data.val) >= 5
    assert len(data.test) >= 10


@pytest.mark.parametrize(
    "kwargs, key",
    [
        ({"scaler": "robust"}, "unknown_scaler"),
        ({"target_mode": "returns"}, "unknown_target_mode"),
        ({"window": 0}, "setting_out_of_range"),
        ({"features": ()}, "no_features"),
    ],
)
def test_invalid_spec_is_rejected(kwargs, key):
    with pytest.raises(ForecastError) as caught:
        WindowSpec(**kwargs)
    assert caught.value.key == key


def test_unknown_feature_column_lists_valid_ones(price_frame):
    with pytest.raises(ForecastError, match="Available columns: Open, High"):
        make_windows(price_frame, WindowSpec(features=("Price",)))


def test_constant_target_is_rejected(price_frame):
    frame = price_frame.copy()
    frame["Close"] = 50.0
    with pytest.raises(ForecastError, match="does not change") as caught:
        make_windows(frame, WindowSpec(window=10))
    assert caught.value.key == "constant_series"


def test_held_out_share_is_capped():
    with pytest.raises(ForecastError, match="Lower one of them") as caught:
        WindowSpec(val_share=0.5, test_share=0.5)
    assert caught.value.key == "held_out_too_large"


def test_max_window_is_largest_that_fits():
    import time

    from forecast.windows import max_window

    spec = WindowSpec(window=10_000)
    started = time.perf_counter()
    largest = max_window(500, spec)
    assert time.perf_counter() - started < 2.0
    assert minimum_rows(WindowSpec(window=largest)) <= 500
    assert minimum_rows(WindowSpec(window=largest + 1)) > 500
