"""Sliding windows, chronological splits and scaling fitted on the training split.

Shape key: N samples, W window (past steps fed to the model), F features,
K horizon (future values of the target predicted at once).

A sample ``s`` reads rows ``s .. s+W-1`` and predicts the target at rows
``s+W .. s+W+K-1``. Rows are split in time order into train, validation and
test periods; a sample belongs to a period only when all its K targets lie in
it, so no training target comes from the validation or test period, and the
scalers see the training rows alone.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field

import numpy as np
import pandas as pd
from numpy.lib.stride_tricks import sliding_window_view
from sklearn.preprocessing import MinMaxScaler, StandardScaler

from forecast.errors import ForecastError

SCALERS = {"minmax": MinMaxScaler, "standard": StandardScaler}
TARGET_MODES = ("price", "log_return")
PRICE_LIKE = ("Open", "High", "Low", "Close", "Adj Close")

# The smallest periods that still give a meaningful fit and score.
MIN_TRAIN_SAMPLES = 30
MIN_VAL_SAMPLES = 5
MIN_TEST_SAMPLES = 10
MAX_HELD_OUT_SHARE = 0.6  # validation and test together; the rest trains
MAX_ABS_VALUE = 1e15  # larger prices or features are rejected before any arithmetic


@dataclass(frozen=True)
class WindowSpec:
    """Settings that turn a price table into supervised samples."""

    target: str = "Close"  # column predicted, always named explicitly
    features: tuple[str, ...] = ("Close",)  # columns fed to the model at each step
    window: int = 30  # W, past trading days per sample
    horizon: int = 1  # K, future trading days predicted at once
    val_share: float = 0.1  # share of rows for validation (early stopping)
    test_share: float = 0.2  # share of rows, the most recent, for the test period
    scaler: str = "minmax"  # "minmax" or "standard"
    target_mode: str = "price"  # "price": predict levels; "log_return": predict log returns

    def __post_init__(self) -> None:
        object.__setattr__(self, "features", tuple(self.features))
        if self.scaler not in SCALERS:
            raise ForecastError("unknown_scaler", self.scaler, valid=", ".join(SCALERS))
        if self.target_mode not in TARGET_MODES:
            raise ForecastError("unknown_target_mode", self.target_mode, valid=", ".join(TARGET_MODES))
        if not self.features:
            raise ForecastError("no_features")
        for name, value, low, high in (
            ("window", self.window, 1, 10_000),
            ("horizon", self.horizon, 1, 1_000),
            ("val_share", self.val_share, 0.01, 0.5),
            ("test_share", self.test_share, 0.01, 0.5),
        ):
            if not low <= value <= high:
                raise ForecastError("setting_out_of_range", value, name=name, low=low, high=high)
        if self.val_share + self.test_share > MAX_HELD_OUT_SHARE:
            raise ForecastError("held_out_too_large", self.val_share + self.test_share,
                                val=self.val_share, test=self.test_share, high=MAX_HELD_OUT_SHARE)

    def to_dict(self) -> dict:
        data = asdict(self)
        data["features"] = list(self.features)
        return data

    @classmethod
    def from_dict(cls, data: dict) -> WindowSpec:
        return cls(**{**data, "features": tuple(data["features"])})


@dataclass
class Split:
    """One period's samples: scaled model inputs and targets, plus price-unit context."""

    x: np.ndarray  # (N, W, F) float32, scaled
    y: np.ndarray  # (N, K) float32, scaled target (level or log return)
    origin: np.ndarray  # (N,) row index of the last input row of each sample
    last_price: np.ndarray  # (N,) target price at the origin, in price units
    actual: np.ndarray  # (N, K) target prices in price units
    dates: np.ndarray  # (N, K) datetime64 dates of the K targets

    def __len__(self) -> int:
        return len(self.x)


@dataclass
class WindowedData:
    """Train, validation and test samples of one price table, with fitted scalers."""

    spec: WindowSpec
    train: Split
    val: Split
    test: Split
    feature_scaler: MinMaxScaler | StandardScaler
    target_scaler: MinMaxScaler | StandardScaler
    row_counts: dict[str, int] = field(default_factory=dict)  # rows in each period
    leaky: bool = False  # True when the scalers saw every row (teaching experiment only)

    def to_prices(self, y_scaled: np.ndarray, last_price: np.ndarray) -> np.ndarray:
        """Turn scaled model outputs (N, K) into prices (N, K)."""
        return targets_to_prices(y_scaled, last_price, self.target_scaler, self.spec.target_mode)


def transform_columns(frame: pd.DataFrame, spec: WindowSpec) -> tuple[np.ndarray, np.ndarray, pd.DataFrame]:
    """Compute the model's feature and target series from a canonical price frame.

    Returns ``features`` (n, F), ``target`` (n,) and the matching rows of
    ``frame``. With ``target_mode="log_return"`` price columns become log
    returns, Volume becomes log(1 + volume), and the first row is dropped
    because it has no previous price.
    """
    missing = [c for c in (spec.target, *spec.features) if c not in frame.columns]
    if missing:
        raise ForecastError("unknown_column", missing[0], valid=", ".join(map(str, frame.columns)))
    values = frame[list(spec.features)].to_numpy(dtype=np.float64)
    target = frame[spec.target].to_numpy(dtype=np.float64)
    if spec.target_mode == "price":
        return values, target, frame

    prices = frame[spec.target].to_numpy(dtype=np.float64)
    if np.any(prices <= 0):
        raise ForecastError("non_positive_price", float(prices[prices <= 0][0]), column=spec.target)
    columns = []
    for index, name in enumerate(spec.features):
        column = values[:, index]
        if name in PRICE_LIKE:
            with np.errstate(divide="ignore", invalid="ignore"):
                column = np.diff(np.log(column), prepend=np.nan)
        else:
            column = np.log1p(np.clip(column, 0, None))
        columns.append(column)
    features = np.column_stack(columns)[1:]
    returns = np.diff(np.log(prices))
    if not np.all(np.isfinite(features)):
        bad = spec.features[int(np.argwhere(~np.isfinite(features))[0, 1])]
        raise ForecastError("non_positive_price", bad, column=bad)
    return features, returns, frame.iloc[1:]


def split_rows(n_rows: int, spec: WindowSpec) -> tuple[int, int, int]:
    """Return the row counts (train, val, test) of a chronological split."""
    n_test = max(math.ceil(n_rows * spec.test_share), spec.horizon + MIN_TEST_SAMPLES - 1)
    n_val = max(math.ceil(n_rows * spec.val_share), spec.horizon + MIN_VAL_SAMPLES - 1)
    return n_rows - n_val - n_test, n_val, n_test


def minimum_rows(spec: WindowSpec) -> int:
    """Return the fewest table rows that give enough train, val and test samples."""
    extra = 1 if spec.target_mode == "log_return" else 0  # returns lose the first row
    needed_train = spec.window + spec.horizon + MIN_TRAIN_SAMPLES - 1
    n_rows = needed_train
    while split_rows(n_rows, spec)[0] < needed_train:
        n_rows += 1
    return n_rows + extra


def check_length(n_rows: int, spec: WindowSpec) -> None:
    """Raise ``ForecastError("too_few_rows")`` when the table cannot fill all three periods."""
    needed = minimum_rows(spec)
    if n_rows < needed:
        largest = max_window(n_rows, spec)
        raise ForecastError(
            "too_few_rows" if largest else "too_few_rows_any_window", n_rows, needed=needed, window=spec.window,
            horizon=spec.horizon, max_window=largest,
        )


def max_window(n_rows: int, spec: WindowSpec) -> int:
    """Return the largest window this many rows allow with the other settings kept (0 if none)."""

    def fits(window: int) -> bool:
        return minimum_rows(WindowSpec(**{**spec.to_dict(), "window": window, "features": spec.features})) <= n_rows

    # minimum_rows grows with the window, so a binary search finds the largest that fits.
    low, high = 0, spec.window
    while low < high:
        middle = (low + high + 1) // 2
        if fits(middle):
            low = middle
        else:
            high = middle - 1
    return low


def make_windows(frame: pd.DataFrame, spec: WindowSpec, *, leak: bool = False) -> WindowedData:
    """Build scaled train, validation and test samples from a canonical price frame.

    Parameters
    ----------
    frame : DataFrame
        Ascending DatetimeIndex, float columns including ``spec.target`` and
        ``spec.features``, no missing values (as ``forecast.prices`` returns it).
    spec : WindowSpec
    leak : bool
        Teaching experiment only: fit the scalers on every row, test period
        included, as the flawed textbook recipe does. Never use it for results.

    Returns
    -------
    WindowedData
    """
    check_length(len(frame), spec)
    features, target, rows = transform_columns(frame, spec)
    if not (np.all(np.isfinite(features)) and np.all(np.isfinite(target))):
        raise ForecastError("missing_values", spec.target)
    for name, values in ((spec.target, frame[spec.target].to_numpy()), *((c, frame[c].to_numpy()) for c in spec.features)):
        largest = float(np.max(np.abs(values)))
        if largest > MAX_ABS_VALUE:
            # Squared errors of larger values overflow float64 in the metrics.
            raise ForecastError("values_too_large", largest, column=name, high=MAX_ABS_VALUE)
    n_train, n_val, n_test = split_rows(len(rows), spec)
    if np.ptp(target[:n_train]) == 0:
        # A flat training target gives the scaler a zero range and the model nothing to learn.
        raise ForecastError("constant_series", spec.target, rows=n_train)

    # Scalers: fitted on the training rows only, unless the leak switch is on.
    fit_rows = slice(None) if leak else slice(0, n_train)
    feature_scaler = SCALERS[spec.scaler]().fit(features[fit_rows])
    target_scaler = SCALERS[spec.scaler]().fit(target[fit_rows].reshape(-1, 1))
    scaled_features = feature_scaler.transform(features).astype(np.float32)  # (n, F)
    scaled_target = target_scaler.transform(target.reshape(-1, 1)).ravel().astype(np.float32)  # (n,)

    # Windows as strided views: inputs (N, W, F), targets (N, K).
    W, K = spec.window, spec.horizon
    x_all = sliding_window_view(scaled_features, W, axis=0).transpose(0, 2, 1)[: len(rows) - W - K + 1]
    y_all = sliding_window_view(scaled_target[W:], K)
    origin = np.arange(len(x_all)) + W - 1  # last input row of each sample
    first_target, last_target = origin + 1, origin + K

    prices = rows[spec.target].to_numpy(dtype=np.float64)
    dates = rows.index.to_numpy()
    periods = {
        "train": last_target < n_train,
        "val": (first_target >= n_train) & (last_target < n_train + n_val),
        "test": first_target >= n_train + n_val,
    }
    splits = {}
    for name, mask in periods.items():
        target_rows = origin[mask, None] + np.arange(1, K + 1)  # (N, K)
        splits[name] = Split(
            x=np.ascontiguousarray(x_all[mask]),
            y=np.ascontiguousarray(y_all[mask]),
            origin=origin[mask],
            last_price=prices[origin[mask]],
            actual=prices[target_rows],
            dates=dates[target_rows],
        )
    return WindowedData(
        spec=spec,
        feature_scaler=feature_scaler,
        target_scaler=target_scaler,
        row_counts={"train": n_train, "val": n_val, "test": n_test},
        leaky=leak,
        **splits,
    )


def targets_to_prices(y_scaled: np.ndarray, last_price: np.ndarray, target_scaler, target_mode: str) -> np.ndarray:
    """Invert the target scaling and, for log returns, rebuild prices from the last known price.

    ``y_scaled`` is (N, K) and ``last_price`` (N,); the result is (N, K) in price units.
    """
    y_scaled = np.asarray(y_scaled, dtype=np.float64)
    shape = y_scaled.shape
    values = target_scaler.inverse_transform(y_scaled.reshape(-1, 1)).reshape(shape)
    if target_mode == "price":
        return values
    return np.asarray(last_price, dtype=np.float64)[:, None] * np.exp(np.cumsum(values, axis=1))


def latest_window(frame: pd.DataFrame, spec: WindowSpec, feature_scaler) -> tuple[np.ndarray, float]:
    """Return the scaled input (1, W, F) made of the last W rows, and the last target price."""
    features, _, rows = transform_columns(frame, spec)
    if len(features) < spec.window:
        raise ForecastError("too_few_rows", len(frame), needed=spec.window + 1, window=spec.window,
                            horizon=spec.horizon, max_window=len(features))
    window = feature_scaler.transform(features[-spec.window :]).astype(np.float32)
    return window[None], float(rows[spec.target].iloc[-1])
