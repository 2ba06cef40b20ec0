"""Chart builders and result tables, checked as Vega-Lite dicts and DataFrames."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from conftest import make_price_frame
from forecast.pipeline import ExperimentSettings, run_experiment
from forecast.training import Progress, TrainSettings
from forecast.windows import WindowSpec
from ui import charts
from ui.result_data import (
    best_rows,
    comparison_frame,
    history_frame,
    metrics_frame,
    next_forecast_frame,
    series_names,
    style_metrics,
)


@pytest.fixture(scope="module")
def result():
    settings = ExperimentSettings(
        spec=WindowSpec(window=10, horizon=2), models=("gru", "lstm"), hidden_size=8,
        train=TrainSettings(epochs=2, seed=0),
    )
    return run_experiment(make_price_frame(300), settings)


def long_prices() -> pd.DataFrame:
    dates = pd.bdate_range("2024-01-01", periods=5)
    return pd.concat(
        [pd.DataFrame({"date": dates, "series": name, "price": np.arange(5.0) + offset})
         for offset, name in enumerate(["actual", "GRU", "LSTM", "naive"])],
        ignore_index=True,
    )


def test_series_colors_fixed_order():
    scale = charts.series_colors("actual", ["GRU", "LSTM"], ["naive"])
    assert scale.domain == ["actual", "GRU", "LSTM", "naive"]
    assert scale.range[0] == charts.ACTUAL_COLOR
    assert len(set(scale.range)) == 4


def test_subset_scale_keeps_colors():
    scale = charts.series_colors("actual", ["GRU", "LSTM"], ["naive"])
    subset = charts.subset_scale(scale, ["LSTM", "naive"])
    assert subset.domain == ["LSTM", "naive"]
    assert subset.range == [scale.range[2], scale.range[3]]


def test_comparison_legend_hides_series():
    scale = charts.series_colors("actual", ["GRU", "LSTM"], ["naive"])
    spec = charts.comparison_chart(long_prices(), scale, "title", "Close").to_dict()
    legend = [p for p in spec["params"] if p["select"].get("type") == "point"]
    assert len(legend) == 1
    assert legend[0]["bind"] == "legend"
    assert legend[0]["select"]["fields"] == ["series"]
    assert spec["encoding"]["opacity"]["condition"]["param"] == legend[0]["name"]
    assert spec["encoding"]["x"]["type"] == "temporal"


def test_price_chart_zooms_dates():
    frame = make_price_frame(20)
    spec = charts.price_chart(frame, "Close", "title", "Close").to_dict()
    zoom = spec["params"][0]
    assert zoom["bind"] == "scales"
    assert zoom["select"]["encodings"] == ["x"]
    data = spec["datasets"][spec["data"]["name"]]
    assert len(data) == 20


def test_small_multiples_one_panel_per_model():
    scale = charts.series_colors("actual", ["GRU", "LSTM"], ["naive"])
    chart = charts.small_multiples(long_prices(), "actual", ["GRU", "LSTM"], scale)
    spec = chart.to_dict()
    rows = pd.DataFrame(spec["datasets"][spec["data"]["name"]])
    assert sorted(rows["panel"].unique()) == ["GRU", "LSTM"]
    for panel in ("GRU", "LSTM"):
        assert set(rows.loc[rows["panel"] == panel, "series"]) == {"actual", panel}
    assert spec["facet"]["field"] == "panel"


def test_forecast_chart_joins_history():
    history = pd.DataFrame({"date": pd.bdate_range("2024-01-01", periods=5), "price": [1.0, 2, 3, 4, 5]})
    future = pd.DataFrame({"date": pd.bdate_range("2024-01-08", periods=2), "series": "GRU", "price": [6.0, 7]})
    scale = charts.series_colors("actual", ["GRU"], [])
    spec = charts.forecast_chart(history, future, scale, "title", "Close").to_dict()
    layers = spec["layer"]
    assert len(layers) == 3
    ahead = pd.DataFrame(spec["datasets"][layers[1]["data"]["name"]])
    assert list(ahead["price"]) == [5.0, 6.0, 7.0], "the forecast line starts at the last known price"


def test_comparison_frame_step_shapes(result):
    n = len(result.data.test)
    for step in (1, 2):
        frame = comparison_frame(result, "en", step)
        assert len(frame) == n * 4  # actual, GRU, LSTM, naive
        actual = frame[frame["series"] == series_names(result, "en")[0]]
        np.testing.assert_allclose(actual["price"], result.data.test.actual[:, step - 1])
        assert list(actual["date"]) == list(pd.to_datetime(result.data.test.dates[:, step - 1]))


def test_history_frame_rows():
    history = {"gru": [Progress(1, 2, 5, 0.5, 0.6, None, 1.0), Progress(2, 2, 10, 0.4, None, None, 2.0)]}
    frame = history_frame(history, "ko")
    assert list(frame["model"]) == ["GRU", "GRU", "GRU"]
    assert list(frame["split"]) == ["학습", "검증", "학습"]
    assert list(frame["loss"]) == [0.5, 0.6, 0.4]


def test_metrics_frame_rows_and_skill(result):
    table = metrics_frame(result, "en")
    actual, models, baselines = series_names(result, "en")
    assert list(table.index) == [*models, *baselines]
    naive = table.loc[baselines[0]]
    assert naive["skill"] == 0.0
    for name, run in result.runs.items():
        expected = 1 - run.metrics["rmse"] / naive["rmse"]
        assert table.loc[models[list(result.runs).index(name)], "skill"] == pytest.approx(expected)


def test_best_rows_directions():
    table = pd.DataFrame(
        {"rmse": [2.0, 1.0, 1.5], "mae": [1.0, 1.0, 2.0], "mape": [3.0, 2.0, 1.0],
         "directional_accuracy": [0.4, 0.6, 0.5], "skill": [-0.1, 0.2, 0.0], "seconds": [3.0, 1.0, np.nan],
         "parameters": [10, 20, np.nan], "device": ["cpu", "cpu", "-"]},
        index=["A", "B", "naive"],
    )
    best = best_rows(table)
    assert best["rmse"] == ["B"]
    assert best["mae"] == ["A", "B"]
    assert best["mape"] == ["naive"]
    assert best["directional_accuracy"] == ["B"]
    assert best["skill"] == ["B"]
    assert best["seconds"] == ["B"]
    assert "parameters" not in best


def test_style_metrics_translates_and_highlights(result):
    styled = style_metrics(metrics_frame(result, "ko"), "ko")
    assert "방향 정확도" in styled.data.columns
    html = styled.to_html()
    assert "font-weight: bold" in html


def test_next_forecast_frame_adds_naive():
    dates = pd.bdate_range("2024-01-08", periods=2)
    frame = next_forecast_frame({"gru": pd.DataFrame({"date": dates, "forecast": [6.0, 7.0]})}, 5.0, "en")
    naive = frame[frame["series"] == "naive (repeat last price)"]
    assert list(naive["price"]) == [5.0, 5.0]
    assert list(frame[frame["series"] == "GRU"]["price"]) == [6.0, 7.0]
