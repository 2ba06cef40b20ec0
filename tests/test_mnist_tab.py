"""The app's MNIST tab driven through ``streamlit.testing.v1.AppTest``, plus its pure helpers.

Training runs in a background thread, so each test presses Train, waits for
the session's job and runs the script once more to draw the results. Models
are tiny (hidden 8, one epoch, 300 of the bundled training digits).
"""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path
from urllib.error import URLError

import numpy as np
import pytest
import torch
from streamlit.testing.v1 import AppTest

from forecast import mnist_data
from forecast.errors import ForecastError
from forecast.messages import translate
from forecast.mnist import PRESETS, resolve_settings
from forecast.mnist_data import MnistData
from ui import mnist_charts, mnist_job
from ui.mnist_results import implementation_path, recurrent_counts
from ui.mnist_settings import ROOTS_VARIABLE, build_request, describe_preset

APP = Path(__file__).resolve().parents[1] / "streamlit_app.py"
TRAIN_TIMEOUT_S = 120
MODELS = ("gru", "lstm", "bilstm")


# ---------------------------------------------------------------- helpers


def new_app(locale: str = "en-US") -> AppTest:
    app = AppTest.from_file(str(APP), default_timeout=60)
    app.context = {"locale": locale}
    return app.run()


def assert_no_exception(app: AppTest) -> None:
    assert not app.exception, [e.value for e in app.exception]


def error_texts(app: AppTest) -> list[str]:
    return [element.value for element in app.error]


def write_digits(folder: Path, n_train: int, n_test: int = 10) -> Path:
    """Write the four MNIST IDX files (gzip-compressed) with random digits into ``folder``; return it."""
    rng = np.random.default_rng(n_train)
    arrays = {
        "train_images": rng.integers(0, 256, (n_train, 28, 28), dtype=np.uint8),
        "train_labels": np.arange(n_train, dtype=np.uint8) % 10,
        "test_images": rng.integers(0, 256, (n_test, 28, 28), dtype=np.uint8),
        "test_labels": np.arange(n_test, dtype=np.uint8) % 10,
    }
    folder.mkdir(parents=True, exist_ok=True)
    for role, array in arrays.items():
        header = bytes([0, 0, 0x08, array.ndim]) + b"".join(size.to_bytes(4, "big") for size in array.shape)
        (folder / mnist_data.MNIST_FILES[role][0]).write_bytes(gzip.compress(header + array.tobytes()))
    return folder


def open_folder(folder: str, locale: str = "en-US") -> AppTest:
    app = new_app(locale)
    app.radio(key="mnist_source").set_value("folder").run()
    app.text_input(key="mnist_folder").set_value(folder).run()
    assert_no_exception(app)
    return app


def tiny_settings(app: AppTest, *, models=MODELS, epochs: int = 1, hidden: int = 8, digits: int = 300) -> None:
    app.multiselect(key="mnist_models").set_value(list(models))
    app.number_input(key="mnist_hidden_size").set_value(hidden)
    app.number_input(key="mnist_epochs").set_value(epochs)
    app.number_input(key="mnist_train_digits").set_value(digits)
    app.run()
    assert_no_exception(app)


def press_train(app: AppTest):
    """Press Train; return the running job, or None when it already ended and was collected."""
    app.button(key="mnist_train").click().run()
    assert_no_exception(app)
    return app.session_state[mnist_job.JOB] if mnist_job.JOB in app.session_state else None


def train(app: AppTest) -> mnist_job.MnistRun:
    job = press_train(app)
    if job is not None:
        assert job.wait(TRAIN_TIMEOUT_S), "training did not finish in time"
    app.run()
    assert_no_exception(app)
    assert mnist_job.JOB not in app.session_state
    return app.session_state[mnist_job.RUN]


def scores_table(app: AppTest, lang: str = "en"):
    for element in app.dataframe:
        if element.value.index.name == translate("mnist_ui_col_model", lang):
            return element.value
    raise AssertionError("no MNIST scores table on the page")


def chart_titles(app: AppTest) -> list[str]:
    """Return the title of every Altair chart on the page (a layered chart's from its first layer)."""
    titles = []
    for element in app.get("vega_lite_chart"):
        spec = json.loads(element.proto.spec)
        title = spec.get("title") or spec.get("layer", [{}])[0].get("title")
        titles.append(title["text"] if isinstance(title, dict) else title)
    return titles


def has_chart(app: AppTest, title_key: str, **params) -> bool:
    return translate(title_key, "en", **params) in chart_titles(app)


@pytest.fixture(scope="module")
def trained_app():
    """One English session trained on 300 sample digits with all three models; counts training calls."""
    calls = []
    original = mnist_job.train_mnist

    def counting_train(*args, **kwargs):
        calls.append(kwargs.get("preset"))
        return original(*args, **kwargs)

    patch = pytest.MonkeyPatch()
    patch.setattr(mnist_job, "train_mnist", counting_train)
    app = new_app("en-US")
    tiny_settings(app)
    run = train(app)
    yield app, run, calls
    patch.undo()


# ---------------------------------------------------------------- start and settings


@pytest.mark.parametrize(("locale", "lang"), [("en-US", "en"), ("ko-KR", "ko")])
def test_tab_renders_in_language(locale, lang):
    app = new_app(locale)
    assert_no_exception(app)
    assert app.button(key="mnist_train").label == translate("mnist_ui_train_button", lang)
    assert app.radio(key="mnist_source").label == translate("mnist_ui_source_label", lang)
    assert app.number_input(key="mnist_hidden_size").label == translate("mnist_ui_hidden_size_label", lang)
    captions = " ".join(element.value for element in app.caption)
    assert translate("mnist_ui_data_summary", lang, source=translate("mnist_ui_source_sample", lang),
                     train=4000, test=1000) in captions
    assert not error_texts(app)


def test_preset_fills_override_fields():
    app = new_app()
    app.radio(key="mnist_preset").set_value("textbook").run()
    assert_no_exception(app)
    textbook = PRESETS["textbook"]
    assert app.number_input(key="mnist_hidden_size").value == textbook.hidden_size
    assert app.radio(key="mnist_optimizer").value == textbook.optimizer
    assert app.select_slider(key="mnist_lr").value == textbook.lr
    assert app.number_input(key="mnist_batch_size").value == textbook.batch_size
    assert app.number_input(key="mnist_epochs").value == textbook.epochs
    captions = " ".join(element.value for element in app.caption)
    assert translate("mnist_ui_eval_steps", "en", steps=500) in captions


def test_no_model_disables_train():
    app = new_app()
    app.multiselect(key="mnist_models").set_value([]).run()
    assert_no_exception(app)
    assert app.button(key="mnist_train").disabled
    assert any(text.startswith("No model is selected") for text in error_texts(app))


def test_bad_folder_shows_error(tmp_path):
    missing = tmp_path / "no-such-folder"
    app = new_app("ko-KR")
    app.radio(key="mnist_source").set_value("folder").run()
    app.text_input(key="mnist_folder").set_value(str(missing)).run()
    assert_no_exception(app)
    expected = ForecastError("mnist_folder_not_found", str(missing)).message("ko")
    assert expected in error_texts(app)
    assert app.button(key="mnist_train").disabled


def test_folder_without_idx_files_names_them(tmp_path):
    app = new_app()
    app.radio(key="mnist_source").set_value("folder").run()
    app.text_input(key="mnist_folder").set_value(str(tmp_path)).run()
    assert_no_exception(app)
    assert any("t10k-labels-idx1-ubyte.gz" in text for text in error_texts(app)), error_texts(app)


def test_small_folder_bounds_digits(tmp_path, monkeypatch):
    monkeypatch.delenv(ROOTS_VARIABLE, raising=False)
    app = open_folder(str(write_digits(tmp_path / "small", 50)))
    assert not error_texts(app)
    digits = app.number_input(key="mnist_train_digits")
    assert (digits.min, digits.max, digits.value) == (50, 50, 50)
    assert not app.button(key="mnist_train").disabled

    # Back to the sample: its 4,000 digits raise the lower bound above the 50 chosen before.
    app.radio(key="mnist_source").set_value("sample").run()
    assert_no_exception(app)
    assert app.number_input(key="mnist_train_digits").value == 100


def test_too_small_folder_shows_error(tmp_path, monkeypatch):
    monkeypatch.delenv(ROOTS_VARIABLE, raising=False)
    folder = write_digits(tmp_path / "tiny", 5, n_test=0)
    app = open_folder(str(folder), "ko-KR")
    expected = ForecastError("mnist_too_few_digits", str(folder), train=5, test=0,
                             train_min=mnist_data.MIN_TRAIN_DIGITS, test_min=mnist_data.MIN_TEST_DIGITS)
    assert error_texts(app) == [expected.message("ko")]
    assert app.button(key="mnist_train").disabled


def test_roots_unset_expands_home(tmp_path, monkeypatch):
    monkeypatch.delenv(ROOTS_VARIABLE, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    write_digits(tmp_path / "digits", 30)
    app = open_folder("~/digits")
    assert not error_texts(app)
    assert any("30 training and 10 test digits" in element.value for element in app.caption)


def test_roots_set_loads_inside(tmp_path, monkeypatch):
    monkeypatch.setenv(ROOTS_VARIABLE, f"{tmp_path / 'other'}{os.pathsep}{tmp_path / 'root'}")
    folder = write_digits(tmp_path / "root" / "digits", 30)
    app = open_folder(str(folder))
    assert not error_texts(app)
    assert any("30 training and 10 test digits" in element.value for element in app.caption)
    assert translate("mnist_ui_folder_restricted", "en") in [element.value for element in app.caption]


def test_roots_set_rejects_outside_neutrally(tmp_path, monkeypatch):
    root = tmp_path / "root"
    root.mkdir()
    outside = write_digits(tmp_path / "outside", 30)
    (root / "link").symlink_to(outside)
    monkeypatch.setenv(ROOTS_VARIABLE, str(root))
    monkeypatch.setenv("HOME", str(root))  # "~" must stay literal, not name the home inside the root
    for folder in [str(outside), str(tmp_path / "missing"), "/etc", "/nonexistent", f"{root}/../outside",
                   str(root / "link"), "~"]:
        for locale, language in (("en-US", "en"), ("ko-KR", "ko")):
            app = open_folder(folder, locale)
            expected = ForecastError("mnist_folder_not_allowed", folder).message(language)
            assert error_texts(app) == [expected], (folder, language)
            assert app.button(key="mnist_train").disabled


def test_download_offline_shows_error(tmp_path, monkeypatch):
    opened = []

    def offline(url, timeout=None):
        opened.append(url)
        raise URLError("network is unreachable")

    monkeypatch.setattr(mnist_data, "urlopen", offline)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    app = new_app()
    app.radio(key="mnist_source").set_value("download").run()
    assert_no_exception(app)
    assert not opened, "the download started before the button was pressed"
    app.button(key="mnist_download").click().run()
    assert_no_exception(app)
    assert opened and all(url.startswith(mnist_data.MIRRORS) for url in opened)
    errors = error_texts(app)
    assert any(text.startswith("Could not download train-images-idx3-ubyte.gz") for text in errors), errors
    assert app.button(key="mnist_train").disabled


# ---------------------------------------------------------------- training and results


def test_train_shows_each_model(trained_app):
    app, run, calls = trained_app
    table = scores_table(app)
    assert list(table.index) == ["GRU", "LSTM", "biLSTM"]
    assert translate("mnist_ui_col_accuracy", "en") in table.columns
    assert set(run.results) == set(MODELS)
    assert run.train_digits == 300
    assert calls == ["fast"]


def test_scores_table_matches_results(trained_app):
    app, run, _ = trained_app
    table = scores_table(app)
    for name, label in zip(MODELS, table.index):
        result = run.results[name]
        assert table.loc[label, translate("mnist_ui_col_accuracy", "en")] == pytest.approx(100 * result.test_accuracy)
        assert table.loc[label, translate("mnist_ui_col_recurrent", "en")] == result.parameters["recurrent"]
        assert table.loc[label, translate("mnist_ui_col_path", "en")] == translate("mnist_ui_path_fused", "en")


def test_results_draw_confusion_and_wrong_digits(trained_app):
    app, run, _ = trained_app
    assert has_chart(app, "mnist_ui_confusion_title", model="GRU")
    wrong = int((run.results["gru"].predictions != run.test_labels).sum())
    grid_sizes = [len(element.proto.imgs) for element in app.get("image")]
    assert min(wrong, 30) in grid_sizes, grid_sizes
    assert translate("mnist_ui_wrong_title", "en", wrong=wrong, total=len(run.test_labels)) in [
        element.value for element in app.markdown
    ]


def test_confusion_matrix_counts_test_digits(trained_app):
    _, run, _ = trained_app
    for name, result in run.results.items():
        assert result.confusion.sum() == len(run.test_labels), name
        assert np.trace(result.confusion) == (result.predictions == run.test_labels).sum(), name


def test_parameter_note_shows_three_quarters(trained_app):
    app, _, _ = trained_app
    counts = recurrent_counts(8)
    # Per gate block: 8 x 28 input weights, 8 x 8 hidden weights and two biases of 8.
    block = 8 * 28 + 8 * 8 + 2 * 8
    assert counts == {"gru": 3 * block, "lstm": 4 * block}
    notes = [element.value for element in app.info]
    assert any("ratio 0.75" in text and f"{3 * block:,}" in text for text in notes), notes


def test_language_switch_keeps_results(trained_app):
    app, run, calls = trained_app
    app.radio(key="lang").set_value("ko").run()
    assert_no_exception(app)
    try:
        assert app.button(key="mnist_train").label == translate("mnist_ui_train_button", "ko")
        table = scores_table(app, "ko")
        assert translate("mnist_ui_col_accuracy", "ko") in table.columns
        assert translate("model_bilstm", "ko") in table.index
        assert app.multiselect(key="mnist_models").value == list(MODELS)
        assert app.number_input(key="mnist_hidden_size").value == 8
        assert app.session_state[mnist_job.RUN] is run
        assert calls == ["fast"]
    finally:
        app.radio(key="lang").set_value("en").run()


def test_equivalence_below_tolerance(trained_app):
    app, _, _ = trained_app
    metrics = {element.label: element.value for element in app.metric}
    for key in ("mnist_ui_equivalence_output", "mnist_ui_equivalence_state"):
        difference = float(metrics[translate(key, "en")])
        assert 0 <= difference < 1e-5, (key, difference)
    assert any(text.startswith("Both differences are below") for text in (s.value for s in app.success))


@pytest.mark.parametrize(("model", "direction", "gates"), [
    ("gru", None, ("reset", "update", "candidate")),
    ("lstm", None, ("input", "forget", "output", "cell_state")),
    ("bilstm", 1, ("input", "forget", "output", "cell_state")),
])
def test_look_inside_draws_gates(trained_app, model, direction, gates):
    app, run, calls = trained_app
    app.selectbox(key="mnist_inside_model").set_value(model)
    app.number_input(key="mnist_digit").set_value(7)
    app.run()
    if direction is not None:
        app.radio(key="mnist_direction").set_value(direction).run()
    assert_no_exception(app)
    assert not error_texts(app)
    for gate in gates:
        assert has_chart(app, f"mnist_ui_gate_{gate}_title"), gate
    assert has_chart(app, "mnist_ui_probabilities_title", model=translate(f"model_{model}", "en"))
    caption = translate("mnist_ui_digit_caption", "en", true=int(run.test_labels[7]),
                        predicted=int(run.results[model].predictions[7]), confidence="")
    assert any(element.value.startswith(caption.split("(")[0]) for element in app.markdown)
    assert calls == ["fast"]


def test_gate_equations_are_correct(trained_app):
    app, _, _ = trained_app
    formulas = " ".join(element.value for element in app.latex)
    assert r"h_t &= o_t \odot \tanh(c_t)" in formulas
    assert r"c_t &= f_t \odot c_{t-1} + i_t \odot g_t" in formulas
    assert r"h_t &= (1 - z_t) \odot n_t + z_t \odot h_{t-1}" in formulas
    assert r"\tanh(c_{t-1})" not in formulas


def test_stop_discards_run_and_keeps_earlier(trained_app):
    app, run, _ = trained_app
    app.number_input(key="mnist_epochs").set_value(30)
    app.number_input(key="mnist_train_digits").set_value(4000)
    app.multiselect(key="mnist_models").set_value(["lstm"])
    app.run()
    try:
        job = press_train(app)
        assert job is not None, "a 30-epoch run ended before Stop could be pressed"
        app.button(key="mnist_stop").click().run()
        assert job.stop_requested
        assert job.wait(TRAIN_TIMEOUT_S)
        app.run()
        assert_no_exception(app)
        assert job.cancelled
        assert app.session_state[mnist_job.RUN] is run
        assert translate("training_cancelled", "en") in [element.value for element in app.warning]
        assert scores_table(app) is not None
    finally:
        tiny_settings(app)


# ---------------------------------------------------------------- pure helpers


def test_subset_training_is_stratified():
    data = mnist_data.load_sample()
    subset = mnist_job.subset_training(data, 500, seed=0)
    assert len(subset.train_labels) == 500
    assert np.bincount(subset.train_labels, minlength=10).min() >= 45
    assert len(subset.test_labels) == len(data.test_labels)
    assert mnist_job.subset_training(data, 10**6, seed=0) is data


def test_planned_steps_counts_validation_share():
    settings = resolve_settings("fast", epochs=2, batch_size=32)
    # 300 digits: 30 held out for validation, 270 left, 9 batches of 32 per epoch.
    assert mnist_job.planned_steps(300, settings) == 18


def test_build_request_rejects_out_of_cap():
    values = {"models": ("gru",), "preset": "fast", "impl": "fused", "compile": False, "device": "cpu", "seed": 0,
              "train_digits": 300, "hidden_size": 8, "optimizer": "adam", "lr": 0.005, "batch_size": 32,
              "epochs": 31}
    with pytest.raises(ForecastError, match="epochs = 31 is out of range") as error:
        build_request(values)
    assert error.value.key == "setting_out_of_range"
    with pytest.raises(ForecastError, match="Unknown device 'tpu'") as error:
        build_request({**values, "epochs": 1, "device": "tpu"})
    assert error.value.key == "unknown_device"


def test_describe_preset_in_both_languages():
    textbook = describe_preset("textbook", "en")
    assert "SGD" in textbook
    assert "learning rate 0.1" in textbook
    assert translate("mnist_ui_clip_off", "ko") in describe_preset("textbook", "ko")
    assert translate("mnist_ui_eval_epoch", "en") in describe_preset("fast", "en")


def test_implementation_path_keys():
    assert implementation_path("fused", False) == "mnist_ui_path_fused"
    assert implementation_path("cell", False) == "mnist_ui_path_cell"
    assert implementation_path("cell", True) == "mnist_ui_path_compiled"


def test_confusion_chart_has_cells_and_counts():
    matrix = np.diag(np.arange(1, 11))
    spec = mnist_charts.confusion_chart(matrix, "title", "predicted", "true").to_dict()
    marks = [layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"] for layer in spec["layer"]]
    assert marks == ["rect", "text"]
    values = next(iter(spec["datasets"].values()))
    assert len(values) == 100
    assert sum(row["count"] for row in values) == matrix.sum()


def test_gate_chart_caps_units():
    values = np.random.default_rng(0).random((28, 300))
    spec = mnist_charts.gate_chart(values, "t", "x", "y").to_dict()
    rows = next(iter(spec["datasets"].values()))
    assert len(rows) == 28 * mnist_charts.MAX_UNITS
    assert {row["step"] for row in rows} == set(range(1, 29))


def test_curve_frames_split_accuracy_and_loss():
    history = {"gru": [{"step": 10, "train_loss": 2.0, "val_loss": 1.5, "val_accuracy": 0.4},
                       {"step": 20, "train_loss": 1.0, "val_loss": None, "val_accuracy": None}]}
    accuracy, loss = mnist_charts.curve_frames(history, {"gru": "GRU"}, ("train", "validation"))
    assert accuracy.to_dict("records") == [{"model": "GRU", "step": 10, "accuracy": 0.4}]
    assert list(loss["split"]) == ["train", "validation", "train"]


def tiny_request(**changes) -> mnist_job.TrainRequest:
    settings = {"models": ("gru",), "preset": "fast", "impl": "fused", "device": torch.device("cpu"), "seed": 0,
                "train_digits": 0, "overrides": {"epochs": 1, "hidden_size": 4}}
    return mnist_job.TrainRequest(**{**settings, **changes})


def run_job(data: MnistData, request: mnist_job.TrainRequest) -> mnist_job.MnistJob:
    job = mnist_job.MnistJob(data, request)
    job.start()
    assert job.wait(30)
    assert job.outcome is None
    assert not job.cancelled
    return job


def test_job_turns_crash_into_message(caplog, monkeypatch):
    def crash(*args, **kwargs):
        raise RuntimeError("a bug in training")

    monkeypatch.setattr(mnist_job, "train_mnist", crash)
    job = run_job(mnist_data.load_sample(), tiny_request(train_digits=4000))
    assert job.error.key == "app_training_crashed"
    assert "Traceback" in caplog.text


def test_job_empty_data_explains():
    empty = MnistData(np.zeros((0, 28, 28), np.uint8), np.zeros(0, np.int64), np.zeros((0, 28, 28), np.uint8),
                      np.zeros(0, np.int64), "sample")
    job = run_job(empty, tiny_request())
    assert job.error.key == "mnist_too_few_digits"


def test_subset_training_near_total():
    # 5 digits left out cannot hold one of each of 10 classes, so the subset is drawn without stratifying.
    data = mnist_data.load_sample()
    subset = mnist_job.subset_training(data, len(data.train_labels) - 5, seed=0)
    assert len(subset.train_labels) == len(data.train_labels) - 5


def test_build_request_narrows_to_data():
    values = {"models": ("gru",), "preset": "fast", "impl": "fused", "compile": False, "device": "cpu", "seed": 0,
              "train_digits": 50, "hidden_size": 8, "optimizer": "adam", "lr": 0.005, "batch_size": 32,
              "epochs": 1, "available_digits": 50}
    assert build_request(values).train_digits == 50
    with pytest.raises(ForecastError, match="train_digits = 50 is out of range. Use a value from 100 to 60000"):
        build_request({**values, "available_digits": None})
    with pytest.raises(ForecastError, match="train_digits = 51 is out of range. Use a value from 50 to 50"):
        build_request({**values, "train_digits": 51})


def test_cell_implementation_trains_and_matches():
    app = new_app()
    app.radio(key="mnist_impl").set_value("cell").run()
    assert app.checkbox(key="mnist_compile").value is False
    tiny_settings(app, models=("lstm",))
    run = train(app)
    assert run.results["lstm"].impl == "cell"
    table = scores_table(app)
    assert table.loc["LSTM", translate("mnist_ui_col_path", "en")] == translate("mnist_ui_path_cell", "en")
    metrics = {element.label: element.value for element in app.metric}
    assert float(metrics[translate("mnist_ui_equivalence_output", "en")]) < 1e-5
