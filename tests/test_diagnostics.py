import numpy as np
import pytest
from scipy import stats

from forecast.diagnostics import diebold_mariano, dm_reading, lag_check


def random_walk(n=400, seed=0):
    return 100 + np.cumsum(np.random.default_rng(seed).normal(0, 1, n))


def test_lag_check_flags_shifted_actual():
    prices = random_walk()
    origin = np.arange(10, 390)
    repeated = prices[origin][:, None]  # forecast of row origin + 1 is the price at the origin
    result = lag_check(repeated, prices, origin)
    assert result.flagged
    assert result.best_shift == [1]
    assert result.correlations[0, 1] == pytest.approx(1.0)


def test_lag_check_passes_perfect_forecast():
    prices = random_walk()
    origin = np.arange(10, 390)
    perfect = np.stack([prices[origin + 1], prices[origin + 2], prices[origin + 3]], axis=1)
    result = lag_check(perfect, prices, origin)
    assert not result.flagged
    assert result.best_shift == [0, 0, 0]


def test_lag_check_flags_naive_at_every_step():
    prices = random_walk()
    origin = np.arange(10, 390)
    naive = np.repeat(prices[origin][:, None], 3, axis=1)
    assert lag_check(naive, prices, origin).best_shift == [1, 2, 3]


def hand_dm(e1, e2, h, lags=None):
    # Textbook formula written out: loss differential, unweighted long-run
    # variance with autocovariances up to lag h - 1, HLN factor, t(n - 1).
    d = e1**2 - e2**2
    n = len(d)
    dbar = d.mean()
    lags = h if lags is None else lags
    gamma = [np.sum((d[k:] - dbar) * (d[: n - k] - dbar)) / n for k in range(lags)]
    variance = (gamma[0] + 2 * sum(gamma[1:])) / n
    assert variance > 0
    dm = dbar / np.sqrt(variance)
    factor = np.sqrt((n + 1 - 2 * h + h * (h - 1) / n) / n)
    statistic = dm * factor
    return statistic, 2 * stats.t.sf(abs(statistic), n - 1)


def test_dm_matches_hand_computation():
    e1 = np.array([1.0, 2.0, 2.5, 3.0, 1.0, 0.5, 0.4, 1.5, 2.5, 2.8])
    e2 = np.array([0.5, 1.0, 0.4, 1.0, 1.2, 1.0, 0.2, 0.9, 1.0, 0.7])
    for h in (1, 2):
        expected_stat, expected_p = hand_dm(e1, e2, h)
        result = diebold_mariano(e1, e2, horizon=h)
        assert result.statistic == pytest.approx(expected_stat)
        assert result.pvalue == pytest.approx(expected_p)
    # e1 has the larger squared errors: positive statistic.
    assert diebold_mariano(e1, e2).statistic > 0


def test_dm_falls_back_to_lag_zero_variance():
    # Alternating differentials have a strongly negative lag-1 autocovariance,
    # so the h = 2 long-run variance is negative and the lag-0 one is used.
    e1 = np.array([1.0, -2.0, 0.5, 3.0, -1.0, 2.5, -0.5, 1.5, -2.5, 0.8])
    e2 = np.array([0.5, -1.0, 0.4, 1.0, -1.2, 1.0, -0.2, 0.9, -1.0, 0.7])
    expected_stat, expected_p = hand_dm(e1, e2, h=2, lags=1)
    result = diebold_mariano(e1, e2, horizon=2)
    assert result.statistic == pytest.approx(expected_stat)
    assert result.pvalue == pytest.approx(expected_p)


def test_dm_known_value_for_h1():
    # Differential d = e1^2 - e2^2 = [3, 1, 3, 1]: mean 2, variance 1, n = 4.
    # DM = 2 / sqrt(1 / 4) = 4; HLN factor sqrt((4 + 1 - 2) / 4) = sqrt(0.75).
    e1 = np.array([2.0, 1.0, 2.0, 1.0])
    e2 = np.array([1.0, 0.0, 1.0, 0.0])
    result = diebold_mariano(e1, e2)
    assert result.statistic == pytest.approx(4 * np.sqrt(0.75))
    assert result.pvalue == pytest.approx(2 * stats.t.sf(4 * np.sqrt(0.75), 3))


def test_dm_is_antisymmetric():
    rng = np.random.default_rng(1)
    e1, e2 = rng.normal(size=50), rng.normal(scale=1.2, size=50)
    forward, backward = diebold_mariano(e1, e2, 2), diebold_mariano(e2, e1, 2)
    assert forward.statistic == pytest.approx(-backward.statistic)
    assert forward.pvalue == pytest.approx(backward.pvalue)


def test_dm_identical_errors_give_pvalue_one():
    errors = np.random.default_rng(2).normal(size=30)
    result = diebold_mariano(errors, errors.copy())
    assert result.statistic == 0.0
    assert result.pvalue == 1.0
    assert result.reading == "dm_not_distinguishable"


def test_dm_reading_keys():
    assert dm_reading(-3.0, 0.01) == "dm_better"
    assert dm_reading(3.0, 0.01) == "dm_worse"
    assert dm_reading(-3.0, 0.2) == "dm_not_distinguishable"
