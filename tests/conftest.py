"""Shared fixtures: small synthetic price frames that train in a second."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest


def make_price_frame(rows: int = 300, seed: int = 0, start: str = "2020-01-01") -> pd.DataFrame:
    """Return a canonical OHLCV frame: a positive random walk on business days."""
    rng = np.random.default_rng(seed)
    close = 100 * np.exp(np.cumsum(rng.normal(0, 0.01, rows)))
    open_ = close * np.exp(rng.normal(0, 0.003, rows))
    frame = pd.DataFrame(
        {
            "Open": open_,
            "High": np.maximum(open_, close) * 1.005,
            "Low": np.minimum(open_, close) * 0.995,
            "Close": close,
            "Adj Close": close,
            "Volume": rng.integers(1_000, 10_000, rows).astype(float),
        },
        index=pd.bdate_range(start, periods=rows, name="Date"),
    )
    return frame


@pytest.fixture
def price_frame() -> pd.DataFrame:
    return make_price_frame()
