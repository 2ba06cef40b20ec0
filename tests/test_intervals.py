import numpy as np
import pytest

from forecast.errors import ForecastError
from forecast.intervals import conformal_quantile, coverage, fit_conformal, interval_report


def test_coverage_on_gaussian_residuals_is_near_nominal():
    rng = np.random.default_rng(0)
    forecast_val = rng.normal(size=(2000, 2))
    forecast_test = rng.normal(size=(5000, 2))
    actual_val = forecast_val + rng.normal(size=forecast_val.shape)
    actual_test = forecast_test + rng.normal(size=forecast_test.shape)
    intervals = fit_conformal(actual_val, forecast_val, relative=False)
    report = interval_report(intervals, actual_test, forecast_test)
    assert report["coverage_80"] == pytest.approx(0.80, abs=0.02)
    assert report["coverage_95"] == pytest.approx(0.95, abs=0.015)
    # For N(0, 1) errors the 80 % half-width is about 1.2816.
    assert intervals.quantiles[0.8] == pytest.approx([1.2816, 1.2816], abs=0.08)


def test_relative_intervals_scale_with_price():
    rng = np.random.default_rng(1)
    forecast_val = np.full((1000, 1), 20.0)
    actual_val = forecast_val * np.exp(rng.normal(0, 0.02, forecast_val.shape))
    forecast_test = np.full((3000, 1), 400.0)
    actual_test = forecast_test * np.exp(rng.normal(0, 0.02, forecast_test.shape))
    intervals = fit_conformal(actual_val, forecast_val)
    assert intervals.relative
    report = interval_report(intervals, actual_test, forecast_test)
    assert report["coverage_95"] == pytest.approx(0.95, abs=0.02)
    lower, upper = intervals.interval(forecast_test[:1], 0.95)
    assert upper[0, 0] - lower[0, 0] == pytest.approx(400 * 2 * 0.02 * 1.96, rel=0.15)


def test_quantile_rank_is_ceil_n_plus_one():
    scores = np.arange(1.0, 11.0)[:, None]  # 1 .. 10
    # ceil(11 * 0.8) = 9 -> the 9th smallest score.
    assert conformal_quantile(scores, 0.8)[0] == 9.0
    # ceil(11 * 0.95) = 11 > 10 samples: no finite quantile.
    assert np.isinf(conformal_quantile(scores, 0.95)[0])


def test_quantile_rejects_bad_level():
    with pytest.raises(ForecastError, match="interval level"):
        conformal_quantile(np.ones((5, 1)), 1.5)


def test_coverage_counts_bounds_inclusive():
    actual = np.array([[1.0], [2.0], [3.0], [4.0]])
    assert coverage(actual, np.full((4, 1), 2.0), np.full((4, 1), 3.0)) == 0.5


def test_too_few_samples_give_infinite_band():
    rng = np.random.default_rng(3)
    forecast = rng.normal(size=(5, 1)) + 10
    intervals = fit_conformal(forecast + 0.1, forecast, relative=False)
    report = interval_report(intervals, forecast + 0.5, forecast)
    assert report["coverage_95"] == 1.0
    assert report["width_95"] is None
    assert np.isfinite(report["width_80"])
