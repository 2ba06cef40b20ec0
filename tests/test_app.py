"""The Streamlit app driven through ``streamlit.testing.v1.AppTest``.

Training runs in a background thread (so the Stop button works), so each test
presses Train, waits for the session's job and runs the script once more to
draw the results. Models are tiny (hidden 8, window 10, a few epochs).
"""

from __future__ import annotations

import pickle
import time
from pathlib import Path

import pytest
import torch
from streamlit.testing.v1 import AppTest

from conftest import make_price_frame
from forecast import pipeline, prices
from forecast.errors import ForecastError
from forecast.messages import translate
from ui import state
from ui.prices_settings import CAPS, check_caps
from ui.training_job import TrainedResult

APP = Path(__file__).resolve().parents[1] / "streamlit_app.py"
TRAIN_TIMEOUT_S = 120


# ---------------------------------------------------------------- helpers


def new_app(locale: str = "en-US") -> AppTest:
    app = AppTest.from_file(str(APP), default_timeout=60)
    app.context = {"locale": locale}
    return app.run()


def assert_no_exception(app: AppTest) -> None:
    assert not app.exception, [e.value for e in app.exception]


def csv_bytes(rows: int = 300, seed: int = 0, start: str = "2020-01-01") -> bytes:
    return make_price_frame(rows, seed=seed, start=start).to_csv().encode("utf-8")


def upload_prices(app: AppTest, content: bytes, name: str = "prices.csv") -> AppTest:
    app.radio(key="prices_source").set_value("upload").run()
    assert_no_exception(app)
    app.file_uploader(key="prices_upload").set_value((name, content, "text/csv"))
    return app.run()


def tiny_settings(app: AppTest, *, models=("gru",), epochs: int = 2, horizon: int = 1, patience: int = 10) -> None:
    app.number_input(key="prices_window").set_value(10)
    app.number_input(key="prices_hidden_size").set_value(8)
    app.number_input(key="prices_epochs").set_value(epochs)
    app.number_input(key="prices_horizon").set_value(horizon)
    app.number_input(key="prices_patience").set_value(patience)
    app.multiselect(key="prices_models").set_value(list(models))
    app.run()


def press_train(app: AppTest):
    """Press Train; return the running job, or None when it already ended and was collected."""
    app.button(key="prices_train").click().run()
    assert_no_exception(app)
    if state.JOB not in app.session_state:
        assert state.NOTICE in app.session_state, "pressing Train started no job"
        return None
    return app.session_state[state.JOB]


def finish(app: AppTest, job) -> None:
    """Wait for ``job`` (if still running) and run the script once more to collect it."""
    if job is not None:
        assert job.wait(TRAIN_TIMEOUT_S), "training did not finish in time"
    app.run()


def train(app: AppTest) -> TrainedResult:
    """Press Train, wait for the job and draw the results; return the stored result."""
    finish(app, press_train(app))
    assert_no_exception(app)
    assert state.JOB not in app.session_state
    return app.session_state[state.RESULT]


def error_texts(app: AppTest) -> list[str]:
    return [element.value for element in app.error]


def metrics_table(app: AppTest):
    for element in app.dataframe:
        frame = element.value
        if "RMSE" in frame.columns:
            return frame
    raise AssertionError("no metrics table on the page")


@pytest.fixture(scope="module")
def trained_app():
    """One English session trained on the GOOG sample with all three models; counts training calls."""
    calls = []
    original = pipeline.run_experiment

    def counting_run(*args, **kwargs):
        calls.append(1)
        return original(*args, **kwargs)

    patch = pytest.MonkeyPatch()
    patch.setattr(pipeline, "run_experiment", counting_run)
    app = new_app("en-US")
    tiny_settings(app, models=("gru", "lstm", "bilstm"), epochs=2, horizon=2)
    trained = train(app)
    yield app, trained, calls
    patch.undo()


# ---------------------------------------------------------------- start and language


@pytest.mark.parametrize(("locale", "lang"), [("en-US", "en"), ("ko-KR", "ko"), ("de-DE", "en")])
def test_app_starts_in_browser_language(locale, lang):
    app = new_app(locale)
    assert_no_exception(app)
    assert app.title[0].value == translate("app_title", lang)
    assert app.button(key="prices_train").label == translate("train_button", lang)
    assert not error_texts(app)


def test_about_tab_shows_equations():
    app = new_app("ko-KR")
    formulas = " ".join(element.value for element in app.latex)
    assert r"h_t &= o_t \odot \tanh(c_t)" in formulas
    assert r"c_t &= f_t \odot c_{t-1} + i_t \odot g_t" in formulas
    assert r"h_t &= (1 - z_t) \odot n_t + z_t \odot h_{t-1}" in formulas


# ---------------------------------------------------------------- training and results


def test_train_shows_each_model_and_baseline(trained_app):
    app, trained, calls = trained_app
    table = metrics_table(app)
    for label in ("GRU", "LSTM", "biLSTM", translate("baseline_naive", "en")):
        assert label in table.index, f"{label} missing from {list(table.index)}"
    assert set(trained.result.runs) == {"gru", "lstm", "bilstm"}
    assert calls == [1]


def test_results_offer_every_download(trained_app):
    app, trained, _ = trained_app
    keys = {button.key for button in app.get("download_button")}
    expected = {"prices_download_predictions", "prices_download_metrics"}
    expected |= {f"prices_download_model_{name}" for name in trained.result.runs}
    assert expected <= keys, keys


def test_next_forecast_covers_horizon(trained_app):
    _, trained, _ = trained_app
    for name, forecast in trained.next_forecasts.items():
        assert len(forecast) == 2, name
        assert (forecast["date"] > trained.history.index[-1]).all(), name


def test_language_switch_keeps_result(trained_app):
    app, trained, calls = trained_app
    app.radio(key="lang").set_value("ko").run()
    assert_no_exception(app)
    try:
        assert app.button(key="prices_train").label == translate("train_button", "ko")
        table = metrics_table(app)
        assert translate("col_directional_accuracy", "ko") in table.columns
        assert translate("model_bilstm", "ko") in table.index
        assert app.session_state[state.RESULT] is trained
        assert calls == [1]
    finally:
        app.radio(key="lang").set_value("en").run()


def test_display_option_keeps_result(trained_app):
    app, trained, calls = trained_app
    app.selectbox(key="prices_show_step").set_value(2).run()
    assert_no_exception(app)
    assert app.session_state[state.RESULT] is trained
    assert calls == [1]


def test_saved_model_upload_forecasts(trained_app):
    app, trained, _ = trained_app
    content = trained.model_files["lstm"]
    app.file_uploader(key="prices_model_upload").set_value(("lstm.pt", content, "application/octet-stream")).run()
    assert_no_exception(app)
    assert not error_texts(app)
    assert any("LSTM" in element.value for element in app.success)


class _CreatesMarker:
    """Unpickling this runs ``open(path, "w")``, which creates the marker file."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __reduce__(self):
        return open, (str(self.path), "w")


@pytest.mark.parametrize("container", ["torch_zip", "raw_pickle"])
def test_malicious_model_upload_rejected(trained_app, tmp_path, container):
    app, _, _ = trained_app
    marker = tmp_path / "marker"
    payload = {"format": "forecast-model", "version": 1, "evil": _CreatesMarker(marker)}
    if container == "torch_zip":
        path = tmp_path / "evil.pt"
        torch.save(payload, path)
        content = path.read_bytes()
    else:
        content = pickle.dumps(payload)
    assert not marker.exists()
    app.file_uploader(key="prices_model_upload").set_value(("evil.pt", content, "application/octet-stream")).run()
    assert_no_exception(app)
    assert not marker.exists(), "loading the upload ran code from it"
    assert translate("model_file_invalid", "en", value="upload").split("'")[0] in " ".join(error_texts(app))
    app.file_uploader(key="prices_model_upload").set_value(None).run()


# ---------------------------------------------------------------- data sources


def test_bad_upload_shows_error():
    app = new_app()
    content = b"\x00\x01\x02 this is not a price table \xff\xfe"
    with pytest.raises(ForecastError) as expected:
        prices.load_prices(content, name="bad.csv")
    upload_prices(app, content, "bad.csv")
    assert_no_exception(app)
    assert error_texts(app) == [expected.value.message("en")]
    assert app.button(key="prices_train").disabled


def test_row_limit_explained(monkeypatch):
    from ui import prices_data

    monkeypatch.setattr(prices_data, "MAX_ROWS", 100)
    content = csv_bytes(150)
    with pytest.raises(ForecastError) as expected:
        prices.load_prices(content, name="long.csv", max_rows=100)
    assert expected.value.key == "too_many_rows"
    app = new_app()
    upload_prices(app, content, "long.csv")
    assert_no_exception(app)
    assert error_texts(app) == [expected.value.message("en")]


def test_good_upload_shows_preview():
    app = new_app()
    upload_prices(app, csv_bytes(300, start="2020-01-01"), "mine.csv")
    assert_no_exception(app)
    assert not error_texts(app)
    metrics = {element.label: element.value for element in app.metric}
    assert metrics[translate("preview_rows", "en")] == "300"
    assert metrics[translate("preview_first", "en")] == "2020-01-01"
    assert not app.button(key="prices_train").disabled


@pytest.mark.parametrize(
    ("failure", "key"),
    [(ConnectionError("Could not resolve host: query1.finance.yahoo.com"), "fetch_failed"),
     (TimeoutError("Read timed out"), "fetch_timeout")],
)
def test_yfinance_failure_shows_message(monkeypatch, failure, key):
    import yfinance

    def failing_download(*args, **kwargs):
        raise failure

    monkeypatch.setattr(yfinance, "download", failing_download)
    app = new_app()
    app.radio(key="prices_source").set_value("yfinance").run()
    app.text_input(key="prices_ticker").set_value("MSFT")
    started = time.perf_counter()
    app.button(key="prices_fetch").click().run()
    assert time.perf_counter() - started < 10
    assert_no_exception(app)
    errors = error_texts(app)
    assert len(errors) == 1, errors
    assert errors[0].startswith(translate(key, "en", value="MSFT").split(":")[0][:20])
    assert "CSV" in errors[0]


# ---------------------------------------------------------------- settings


def test_impossible_window_explained_before_training():
    app = new_app()
    upload_prices(app, csv_bytes(150), "short.csv")
    app.number_input(key="prices_window").set_value(120).run()
    assert_no_exception(app)
    errors = error_texts(app)
    assert len(errors) == 1, errors
    assert "150" in errors[0], errors
    assert app.button(key="prices_train").disabled
    assert state.JOB not in app.session_state


def test_settings_over_cap_rejected():
    from forecast.pipeline import ExperimentSettings
    from forecast.training import TrainSettings

    with pytest.raises(ForecastError, match="epochs") as error:
        check_caps(ExperimentSettings(train=TrainSettings(epochs=int(CAPS["epochs"].high) + 1)))
    assert error.value.key == "setting_out_of_range"
    check_caps(ExperimentSettings(train=TrainSettings(epochs=int(CAPS["epochs"].high))))


def test_epochs_widget_enforces_cap():
    app = new_app()
    field = app.number_input(key="prices_epochs")
    assert field.max == CAPS["epochs"].high


# ---------------------------------------------------------------- stop, failures, sessions


def test_stop_discards_run_and_keeps_earlier_result():
    app = new_app()
    upload_prices(app, csv_bytes(300), "stop.csv")
    tiny_settings(app, epochs=1)
    earlier = train(app)

    tiny_settings(app, models=("gru", "lstm", "bilstm"), epochs=int(CAPS["epochs"].high), patience=0)
    job = press_train(app)
    assert job is not None, "the long run ended before Stop could be pressed"
    app.button(key="prices_stop").click().run()
    assert job.stop_requested
    assert job.wait(TRAIN_TIMEOUT_S)
    app.run()
    assert_no_exception(app)
    assert job.cancelled and job.outcome is None
    assert app.session_state[state.RESULT] is earlier
    assert translate("training_cancelled", "en") in [element.value for element in app.warning]


def test_training_crash_keeps_app_usable(monkeypatch):
    def broken_run(*args, **kwargs):
        raise RuntimeError("simulated bug")

    app = new_app()
    upload_prices(app, csv_bytes(300), "crash.csv")
    tiny_settings(app)
    monkeypatch.setattr(pipeline, "run_experiment", broken_run)
    finish(app, press_train(app))
    assert_no_exception(app)
    assert translate("app_training_crashed", "en") in error_texts(app)
    assert state.RESULT not in app.session_state
    assert not app.button(key="prices_train").disabled


def test_job_counts_seeds():
    from forecast.messages import Message
    from forecast.pipeline import ExperimentSettings
    from forecast.training import TrainSettings
    from forecast.windows import WindowSpec
    from ui.training_job import TrainingJob

    settings = ExperimentSettings(
        spec=WindowSpec(window=10), models=("gru",), hidden_size=8, seeds=2,
        train=TrainSettings(epochs=3, patience=None),
    )
    job = TrainingJob(make_price_frame(200), settings, Message("label_upload", {"name": "seeds.csv"}))
    job.start()
    assert job.wait(TRAIN_TIMEOUT_S)
    assert job.error is None
    _, histories, finished_seeds = job.snapshot()
    assert finished_seeds == {"gru": 1}
    assert [progress.epoch for progress in histories["gru"]] == [1, 2, 3]
    assert len(job.outcome.result.runs["gru"].seed_metrics) == 2


def test_concurrent_sessions_see_own_results():
    """Two sessions train at the same time on different data; each sees only its own result.

    AppTest keeps widget format functions in a registry that two script runs
    in parallel threads can mix up, so the script runs take turns here. The
    trainings, which run in each session's job thread, overlap.
    """
    sessions = {
        "first.csv": make_price_frame(260, seed=1, start="2015-03-02"),
        "second.csv": make_price_frame(320, seed=2, start="2019-06-03"),
    }
    apps = {}
    for name, frame in sessions.items():
        app = new_app()
        upload_prices(app, frame.to_csv().encode("utf-8"), name)
        tiny_settings(app, epochs=100, patience=0)
        apps[name] = app

    jobs = {name: press_train(app) for name, app in apps.items()}
    assert all(job is not None for job in jobs.values())
    assert not jobs["first.csv"].finished, "the first training ended before the second started"
    for name, app in apps.items():
        finish(app, jobs[name])
        assert_no_exception(app)

    for name, frame in sessions.items():
        trained = apps[name].session_state[state.RESULT]
        assert trained.result.last_date == frame.index[-1], name
        assert trained.result.first_date == frame.index[0], name
        assert trained.data_label.params["name"] == name
        assert len(trained.history) == len(frame), name



def comparison_chart_text(app: AppTest) -> str:
    title = translate("comparison_title", "en", step=app.selectbox(key="prices_show_step").value)
    charts = [element for element in app.get("vega_lite_chart") if title in element.proto.spec]
    assert len(charts) == 1
    return str(charts[0].proto)


def test_baseline_choice_draws_more_series(trained_app):
    app, trained, calls = trained_app
    drift = translate("baseline_drift", "en")
    trainings = len(calls)
    app.multiselect(key="prices_shown_baselines").set_value(["naive", "drift"]).run()
    assert_no_exception(app)
    assert app.session_state[state.RESULT] is trained
    assert len(calls) == trainings
    assert drift in comparison_chart_text(app)
    app.multiselect(key="prices_shown_baselines").set_value(["naive"]).run()
    assert drift not in comparison_chart_text(app)


def test_leak_demo_toggle_is_off_by_default():
    app = new_app()
    assert app.toggle(key="prices_leak_demo").value is False
    app.toggle(key="prices_leak_demo").set_value(True).run()
    assert_no_exception(app)
    assert app.toggle(key="prices_leak_demo").value is True


def test_verdict_requires_significance():
    from types import SimpleNamespace

    from ui.prices_results import verdict_against_naive

    def result(*runs):
        return SimpleNamespace(runs={name: SimpleNamespace(metrics={"skill": skill}, diagnostics={"dm_pvalue": p})
                                     for name, skill, p in runs})

    assert verdict_against_naive(result(("gru", 0.002, 0.4))) == ("verdict_within_noise", ["gru"])
    assert verdict_against_naive(result(("gru", 0.05, 0.01), ("lstm", 0.01, 0.3))) == ("verdict_some", ["gru"])
    assert verdict_against_naive(result(("gru", -0.1, 0.01))) == ("verdict_none", [])


def test_naive_direction_shown_as_blank(trained_app):
    import math

    from ui.result_data import metrics_frame

    _, trained, _ = trained_app
    table = metrics_frame(trained.result, "en")
    assert math.isnan(table.loc[translate("baseline_naive", "en"), "directional_accuracy"])
    assert not math.isnan(table.loc["GRU", "directional_accuracy"])
