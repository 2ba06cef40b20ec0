import numpy as np
import pytest
from conftest import make_price_frame
from streamlit.testing.v1 import AppTest

from forecast.pipeline import ExperimentSettings, run_experiment
from forecast.training import TrainSettings
from forecast.windows import WindowSpec
from ui.evaluation_panels import interval_frame, per_step_frame, seeds_frame, significance_frame


@pytest.fixture(scope="module")
def result():
    settings = ExperimentSettings(spec=WindowSpec(window=5, horizon=2), models=("gru",), hidden_size=4,
                                  train=TrainSettings(epochs=2), device="cpu", seeds=2, leak_demo=True)
    return run_experiment(make_price_frame(rows=220), settings)


def test_interval_frame_nests_bands(result):
    frame = interval_frame(result, "gru", step=2)
    assert len(frame) == len(result.data.test)
    np.testing.assert_array_equal(frame["actual"], result.data.test.actual[:, 1])
    assert (frame["lower_95"] <= frame["lower_80"]).all()
    assert (frame["lower_80"] <= frame["forecast"]).all()
    assert (frame["upper_80"] <= frame["upper_95"]).all()
    assert (frame["seed_low"] <= frame["seed_high"]).all()


def test_frames_cover_models_and_baselines(result):
    assert len(significance_frame(result, "en")) == 1 + 3  # the model and the non-naive baselines
    steps = per_step_frame(result, "en")
    assert sorted(steps["step"].unique()) == [1, 2]
    assert steps["series"].nunique() == 1 + 4
    assert "±" in seeds_frame(result).loc["GRU", "rmse"]


def show_panels():
    import streamlit as st
    from conftest import make_price_frame

    from forecast.pipeline import ExperimentSettings, run_experiment
    from forecast.training import TrainSettings
    from forecast.windows import WindowSpec
    from ui.evaluation_panels import render_evaluation

    if "result" not in st.session_state:
        settings = ExperimentSettings(spec=WindowSpec(window=5, horizon=2), models=("gru",), hidden_size=4,
                                      train=TrainSettings(epochs=1), device="cpu", leak_demo=True)
        st.session_state["result"] = run_experiment(make_price_frame(rows=220), settings)
    render_evaluation(st.session_state["result"], "ko")


def test_panels_render_and_run_backtest():
    app = AppTest.from_function(show_panels, default_timeout=120).run()
    assert not app.exception
    assert "유의성과 지연 검사" in [header.value for header in app.subheader]
    app.number_input(key="evaluation_backtest_every").set_value(40)
    app.button[0].click().run()
    assert not app.exception
    assert any("모델당" in caption.value for caption in app.caption)


def test_pvalues_are_shown_readably():
    from ui.evaluation_panels import format_pvalue

    assert format_pvalue(3e-31) == "<0.001"
    assert format_pvalue(0.0421) == "0.042"
    assert format_pvalue(None) == "-"
    assert format_pvalue(float("nan")) == "-"
