"""MNIST data loading, the sequence classifier, its training and the mnist command."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import struct
from dataclasses import replace
from pathlib import Path
from urllib.error import URLError

import numpy as np
import pytest
import torch

from forecast import mnist, mnist_data
from forecast.cli import main
from forecast.errors import ForecastError
from forecast.mnist import SequenceClassifier
from forecast.mnist_data import MnistData

# ---------------------------------------------------------------------------
# Small IDX files written by the tests
# ---------------------------------------------------------------------------


def idx_bytes(array: np.ndarray, type_code: int = 0x08) -> bytes:
    """Encode ``array`` as IDX: two zero bytes, type code, ndim, big-endian sizes, big-endian values."""
    header = bytes([0, 0, type_code, array.ndim]) + struct.pack(f">{array.ndim}I", *array.shape)
    return header + array.astype(mnist_data.IDX_TYPES[type_code]).tobytes()


def write_idx_set(folder: Path, rng: np.random.Generator, compress: bool, n_train: int = 30, n_test: int = 10):
    """Write the four MNIST files with random digits into ``folder``; return the arrays written."""
    folder.mkdir(parents=True, exist_ok=True)
    arrays = {
        "train_images": rng.integers(0, 256, (n_train, 28, 28), dtype=np.uint8),
        "train_labels": rng.integers(0, 10, n_train, dtype=np.uint8),
        "test_images": rng.integers(0, 256, (n_test, 28, 28), dtype=np.uint8),
        "test_labels": rng.integers(0, 10, n_test, dtype=np.uint8),
    }
    for role, array in arrays.items():
        name = mnist_data.MNIST_FILES[role][0]
        data = idx_bytes(array)
        if compress:
            (folder / name).write_bytes(gzip.compress(data))
        else:
            (folder / name.removesuffix(".gz")).write_bytes(data)
    return arrays


def test_read_idx_round_trip(tmp_path):
    rng = np.random.default_rng(0)
    for type_code, array in [
        (0x08, rng.integers(0, 256, (4, 3, 2), dtype=np.uint8)),
        (0x0C, rng.integers(-1000, 1000, (5,), dtype=np.int32)),
        (0x0D, rng.standard_normal((2, 3)).astype(np.float32)),
    ]:
        path = tmp_path / f"array_{type_code}.idx"
        path.write_bytes(idx_bytes(array, type_code))
        np.testing.assert_array_equal(mnist_data.read_idx(path), array)


def test_read_idx_gzip(tmp_path):
    array = np.arange(24, dtype=np.uint8).reshape(2, 3, 4)
    path = tmp_path / "images-idx3-ubyte.gz"
    path.write_bytes(gzip.compress(idx_bytes(array)))
    np.testing.assert_array_equal(mnist_data.read_idx(path), array)


def test_read_idx_bad_magic(tmp_path):
    path = tmp_path / "bad-idx3-ubyte"
    path.write_bytes(b"\x12\x34\x08\x03" + bytes(16))
    with pytest.raises(ForecastError, match="unknown magic number 12340803") as caught:
        mnist_data.read_idx(path)
    assert caught.value.key == "mnist_bad_idx"


def test_read_idx_truncated_data(tmp_path):
    path = tmp_path / "short-idx1-ubyte"
    path.write_bytes(idx_bytes(np.arange(10, dtype=np.uint8))[:-3])
    with pytest.raises(ForecastError, match=r"7 bytes of data for shape \(10,\), expected 10"):
        mnist_data.read_idx(path)


def test_read_idx_broken_gzip(tmp_path):
    path = tmp_path / "broken.gz"
    path.write_bytes(gzip.compress(idx_bytes(np.arange(100, dtype=np.uint8)))[:20])
    with pytest.raises(ForecastError, match="broken gzip data"):
        mnist_data.read_idx(path)


@pytest.mark.parametrize("compress", [True, False])
def test_load_idx_folder(tmp_path, compress):
    arrays = write_idx_set(tmp_path, np.random.default_rng(1), compress)
    data = mnist_data.load_idx_folder(tmp_path)

    np.testing.assert_array_equal(data.train_images, arrays["train_images"])
    np.testing.assert_array_equal(data.train_labels, arrays["train_labels"])
    np.testing.assert_array_equal(data.test_images, arrays["test_images"])
    np.testing.assert_array_equal(data.test_labels, arrays["test_labels"])
    assert data.train_labels.dtype == np.int64
    assert data.sizes == {"train": 30, "test": 10}


def test_load_idx_folder_torchvision_layout(tmp_path):
    arrays = write_idx_set(tmp_path / "MNIST" / "raw", np.random.default_rng(2), compress=False)
    data = mnist_data.load_idx_folder(tmp_path)
    np.testing.assert_array_equal(data.test_images, arrays["test_images"])


def test_load_idx_folder_missing_files(tmp_path):
    write_idx_set(tmp_path, np.random.default_rng(3), compress=True)
    (tmp_path / "t10k-labels-idx1-ubyte.gz").unlink()
    with pytest.raises(ForecastError, match="t10k-labels-idx1-ubyte.gz") as caught:
        mnist_data.load_idx_folder(tmp_path)
    assert caught.value.key == "mnist_files_missing"


def test_load_idx_folder_not_found(tmp_path):
    with pytest.raises(ForecastError, match="MNIST folder not found") as caught:
        mnist_data.load_mnist(tmp_path / "nowhere")
    assert caught.value.key == "mnist_folder_not_found"


def test_load_idx_folder_label_count_mismatch(tmp_path):
    write_idx_set(tmp_path, np.random.default_rng(4), compress=False)
    (tmp_path / "train-labels-idx1-ubyte").write_bytes(idx_bytes(np.zeros(29, dtype=np.uint8)))
    with pytest.raises(ForecastError, match=r"\(29,\) labels for 30 images") as caught:
        mnist_data.load_idx_folder(tmp_path)
    assert caught.value.value == str(tmp_path / "train-labels-idx1-ubyte")


def test_read_idx_huge_dims_rejected(tmp_path):
    # Four sizes of 65,536 declare 2**64 bytes, which wraps to 0 in a 64-bit integer; the file has none.
    path = tmp_path / "huge-idx4-ubyte"
    path.write_bytes(bytes([0, 0, 0x08, 4]) + struct.pack(">4I", *[65536] * 4))
    with pytest.raises(ForecastError, match=f"0 bytes of data for shape .*, expected {2**64}") as caught:
        mnist_data.read_idx(path)
    assert caught.value.key == "mnist_bad_idx"


def test_load_idx_folder_bad_labels_named(tmp_path):
    write_idx_set(tmp_path, np.random.default_rng(5), compress=False)
    labels_path = tmp_path / "train-labels-idx1-ubyte"
    labels_path.write_bytes(idx_bytes(np.full(30, 12, dtype=np.uint8)))
    with pytest.raises(ForecastError, match="labels outside 0-9") as caught:
        mnist_data.load_idx_folder(tmp_path)
    assert caught.value.value == str(labels_path)
    assert "train-images" not in caught.value.message("en")


def test_load_idx_folder_float_labels_rejected(tmp_path):
    write_idx_set(tmp_path, np.random.default_rng(5), compress=False)
    labels_path = tmp_path / "t10k-labels-idx1-ubyte"
    labels_path.write_bytes(idx_bytes(np.full(10, 2.5, dtype=np.float32), type_code=0x0D))
    with pytest.raises(ForecastError, match="labels must be integers") as caught:
        mnist_data.load_idx_folder(tmp_path)
    assert caught.value.value == str(labels_path)


@pytest.mark.parametrize(("n_train", "n_test"), [(0, 0), (30, 0), (1, 10), (9, 10)])
def test_load_idx_folder_too_few_digits(tmp_path, n_train, n_test):
    write_idx_set(tmp_path, np.random.default_rng(7), compress=True, n_train=n_train, n_test=n_test)
    with pytest.raises(ForecastError, match=f"has {n_train} training and {n_test} test digits") as caught:
        mnist_data.load_idx_folder(tmp_path)
    assert caught.value.key == "mnist_too_few_digits"
    assert caught.value.params["train_min"] == mnist_data.MIN_TRAIN_DIGITS
    assert "학습 숫자" in caught.value.message("ko")


def test_load_idx_folder_minimum_digits_accepted(tmp_path):
    write_idx_set(tmp_path, np.random.default_rng(7), compress=True, n_train=10, n_test=1)
    assert mnist_data.load_idx_folder(tmp_path).sizes == {"train": 10, "test": 1}


def test_load_idx_folder_roots_allow_inside(tmp_path):
    write_idx_set(tmp_path / "root" / "mnist", np.random.default_rng(8), compress=True)
    data = mnist_data.load_idx_folder(tmp_path / "root" / "mnist", roots=[tmp_path / "root"])
    assert data.sizes == {"train": 30, "test": 10}


def test_load_idx_folder_roots_reject_outside(tmp_path):
    root = tmp_path / "root"
    root.mkdir()
    write_idx_set(tmp_path / "outside", np.random.default_rng(9), compress=True)
    (root / "link").symlink_to(tmp_path / "outside")
    for folder in [tmp_path / "outside", tmp_path / "missing", root / ".." / "outside", root / "link", "~"]:
        with pytest.raises(ForecastError) as caught:
            mnist_data.load_idx_folder(folder, roots=[root])
        assert caught.value.key == "mnist_folder_not_allowed", folder
        assert caught.value.message("en") == f"The folder {folder} is not allowed on this server. Ask the " \
            "administrator, or use the bundled sample."


def test_load_idx_folder_roots_reject_linked_file(tmp_path):
    # The folder is inside the root, but one of its files links to a file outside.
    arrays_folder = tmp_path / "root" / "mnist"
    write_idx_set(arrays_folder, np.random.default_rng(10), compress=False)
    outside = tmp_path / "secret-idx1-ubyte"
    outside.write_bytes(idx_bytes(np.zeros(30, dtype=np.uint8)))
    labels = arrays_folder / "train-labels-idx1-ubyte"
    labels.unlink()
    labels.symlink_to(outside)
    with pytest.raises(ForecastError, match="is not allowed on this server"):
        mnist_data.load_idx_folder(arrays_folder, roots=[tmp_path / "root"])
    assert mnist_data.load_idx_folder(arrays_folder).sizes["train"] == 30  # without roots the link is read


def test_load_idx_folder_empty_roots_allow_nothing(tmp_path):
    write_idx_set(tmp_path, np.random.default_rng(11), compress=True)
    with pytest.raises(ForecastError, match="is not allowed on this server"):
        mnist_data.load_idx_folder(tmp_path, roots=[])


# ---------------------------------------------------------------------------
# Download, with the network replaced
# ---------------------------------------------------------------------------


def test_download_offline(tmp_path, monkeypatch):
    requested = []

    def offline(url, timeout):
        requested.append(url)
        raise URLError("Temporary failure in name resolution")

    monkeypatch.setattr(mnist_data, "urlopen", offline)
    with pytest.raises(ForecastError, match="Check the internet connection") as caught:
        mnist_data.download_mnist(tmp_path, mirrors=("https://mirror-a.invalid/", "https://mirror-b.invalid/"))
    assert caught.value.key == "mnist_download_failed"
    assert "name resolution" in caught.value.message("en")
    assert requested == ["https://mirror-a.invalid/train-images-idx3-ubyte.gz",
                         "https://mirror-b.invalid/train-images-idx3-ubyte.gz"]
    assert list(tmp_path.iterdir()) == []


def test_download_checksum_mismatch(tmp_path, monkeypatch):
    monkeypatch.setattr(mnist_data, "urlopen", lambda url, timeout: io.BytesIO(b"not the MNIST file"))
    with pytest.raises(ForecastError, match="expected f68b3c2dcbeaaa9fbdd348bbdeb94873") as caught:
        mnist_data.download_mnist(tmp_path, mirrors=("https://mirror.invalid/",))
    assert caught.value.key == "mnist_checksum_mismatch"
    assert not (tmp_path / "train-images-idx3-ubyte.gz").exists()


def test_download_verifies_and_caches(tmp_path, monkeypatch):
    """Files whose checksum matches are written once; a second call fetches nothing."""
    payloads = {}
    files = {}
    rng = np.random.default_rng(5)
    arrays = write_idx_set(tmp_path / "source", rng, compress=True)
    for role, (name, _) in mnist_data.MNIST_FILES.items():
        payloads[name] = (tmp_path / "source" / name).read_bytes()
        files[role] = (name, hashlib.md5(payloads[name]).hexdigest())
    monkeypatch.setattr(mnist_data, "MNIST_FILES", files)
    requested = []

    def serve(url, timeout):
        requested.append(url)
        if url.startswith("https://broken.invalid/"):
            raise URLError("connection refused")
        return io.BytesIO(payloads[url.rsplit("/", 1)[1]])

    monkeypatch.setattr(mnist_data, "urlopen", serve)
    cache = tmp_path / "cache"
    data = mnist_data.load_idx_folder(mnist_data.download_mnist(cache, mirrors=("https://broken.invalid/", "https://ok.invalid/")))
    assert len(requested) == 8
    np.testing.assert_array_equal(data.train_images, arrays["train_images"])

    mnist_data.download_mnist(cache, mirrors=("https://ok.invalid/",))
    assert len(requested) == 8


def test_default_cache_dir_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert mnist_data.default_cache_dir() == tmp_path / "forecast" / "mnist"


# ---------------------------------------------------------------------------
# Bundled sample
# ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample() -> MnistData:
    return mnist_data.load_sample()


def test_sample_split_sizes(sample):
    assert sample.train_images.shape == (4000, 28, 28)
    assert sample.test_images.shape == (1000, 28, 28)
    assert sample.train_images.dtype == np.uint8
    assert sample.source == "sample"


def test_sample_split_stratified(sample):
    # The bundled file has 500 digits of each class, so a stratified 1,000 test split has 100 of each.
    assert np.bincount(sample.test_labels, minlength=10).tolist() == [100] * 10
    assert np.bincount(sample.train_labels, minlength=10).tolist() == [400] * 10


def test_sample_split_fixed(sample):
    again = mnist_data.load_sample()
    np.testing.assert_array_equal(again.test_images, sample.test_images)
    np.testing.assert_array_equal(again.train_labels, sample.train_labels)
    train_rows = {image.tobytes() for image in sample.train_images}
    assert not any(image.tobytes() in train_rows for image in sample.test_images)


def test_sample_missing_file(tmp_path):
    with pytest.raises(ForecastError, match="export_mnist_sample.py") as caught:
        mnist_data.load_sample(tmp_path / "none.npz")
    assert caught.value.key == "mnist_sample_missing"


def test_to_tensors_scales_pixels():
    x, y = mnist_data.to_tensors(np.full((2, 28, 28), 255, dtype=np.uint8), np.array([3, 7]))
    assert x.dtype == torch.float32
    assert float(x.max()) == 1.0
    assert y.tolist() == [3, 7]


# ---------------------------------------------------------------------------
# Classifier
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["gru", "lstm", "bilstm"])
@pytest.mark.parametrize("impl", ["fused", "cell"])
def test_classifier_shapes(name, impl):
    model = SequenceClassifier(name, hidden_size=8, impl=impl)
    scores = model(torch.rand(5, 28, 28))
    assert scores.shape == (5, 10)
    assert model.head.in_features == (16 if name == "bilstm" else 8)


@pytest.mark.parametrize("name", ["gru", "lstm", "bilstm"])
def test_classifier_impls_agree(name):
    torch.manual_seed(0)
    fused = SequenceClassifier(name, hidden_size=8, impl="fused")
    cell = SequenceClassifier(name, hidden_size=8, impl="cell")
    cell.head.load_state_dict(fused.head.state_dict())
    mnist.cells.copy_from_torch(cell.rnn, fused.rnn)
    x = torch.rand(4, 28, 28)
    torch.testing.assert_close(cell(x), fused(x), atol=1e-5, rtol=0)


def test_classifier_rejects_unknown_names():
    with pytest.raises(ForecastError, match="Valid models: gru, lstm, bilstm"):
        SequenceClassifier("rnn")
    with pytest.raises(ForecastError, match="Choose one of: fused, cell"):
        SequenceClassifier("gru", impl="scratch")


def test_parameter_counts_gru_three_quarters():
    gru = mnist.parameter_counts(SequenceClassifier("gru", 128))
    lstm = mnist.parameter_counts(SequenceClassifier("lstm", 128))
    bilstm = mnist.parameter_counts(SequenceClassifier("bilstm", 128))
    assert 4 * gru["recurrent"] == 3 * lstm["recurrent"]
    # Gates x (input weights + hidden weights + two biases): 4 * 128 * (28 + 128 + 2) for LSTM.
    assert lstm["recurrent"] == 4 * 128 * (28 + 128 + 2)
    assert bilstm["recurrent"] == 2 * lstm["recurrent"]
    assert gru["head"] == 128 * 10 + 10
    assert gru["total"] == gru["recurrent"] + gru["head"]


# ---------------------------------------------------------------------------
# Settings and training
# ---------------------------------------------------------------------------


def test_presets_textbook_values():
    textbook = mnist.resolve_settings("textbook")
    assert (textbook.hidden_size, textbook.optimizer, textbook.lr) == (128, "sgd", 0.1)
    assert (textbook.batch_size, textbook.eval_every, textbook.epochs) == (100, 500, 10)


def test_resolve_settings_overrides():
    settings = mnist.resolve_settings("textbook", lr=0.05, epochs=None, optimizer="adam")
    assert settings.lr == 0.05
    assert settings.epochs == 10
    assert settings.optimizer == "adam"


def test_resolve_settings_rejects_bad_values():
    with pytest.raises(ForecastError, match="Unknown preset 'slow'"):
        mnist.resolve_settings("slow")
    with pytest.raises(ForecastError, match="hidden_size = 0 is out of range"):
        mnist.resolve_settings("fast", hidden_size=0)
    with pytest.raises(ForecastError, match="Unknown optimizer 'rmsprop'"):
        mnist.resolve_settings("fast", optimizer="rmsprop")


def small_subset(data: MnistData, n_train: int, n_test: int) -> MnistData:
    """Return the first digits of each part; the sample's parts are shuffled and balanced."""
    return replace(
        data,
        train_images=data.train_images[:n_train], train_labels=data.train_labels[:n_train],
        test_images=data.test_images[:n_test], test_labels=data.test_labels[:n_test],
    )


@pytest.fixture(scope="module")
def trained(sample):
    """A small GRU trained on 600 digits for 3 epochs, and its untrained twin's accuracy."""
    data = small_subset(sample, 600, 200)
    reports = []
    results = mnist.train_mnist(
        data, ["gru"], preset="fast", hidden_size=32, epochs=3, batch_size=32, lr=1e-2,
        callback=lambda name, progress: reports.append((name, progress)),
    )
    return data, results["gru"], reports


def test_training_beats_chance(trained):
    data, result, _ = trained
    # Ten balanced classes: chance is 10 %. A GRU-32 after three epochs on 540 digits is far above it.
    assert result.test_accuracy > 0.3
    assert result.test_loss < np.log(10)


def test_training_result_fields(trained):
    data, result, reports = trained
    assert result.train_samples == 3 * 540  # 90 % of 600 train, 10 % validate
    assert result.epochs == 3
    assert result.confusion.shape == (10, 10)
    assert result.confusion.sum() == 200
    assert result.predictions.shape == (200,)
    assert np.isclose(np.trace(result.confusion) / 200, result.test_accuracy)
    assert [report[0] for report in reports] == ["gru"] * 3
    assert [entry["epoch"] for entry in result.history] == [1, 2, 3]
    assert all(0 <= entry["val_accuracy"] <= 1 for entry in result.history)
    assert set(result.metrics()) >= {"test_accuracy", "test_loss", "train_seconds", "train_samples", "impl", "parameters"}


def test_textbook_preset_reports_every_epoch_on_short_runs(sample, caplog):
    """500 steps between reports exceed a short run, so validation falls back to once per epoch."""
    data = small_subset(sample, 200, 50)
    with caplog.at_level("INFO", logger="forecast.mnist"):
        result = mnist.train_mnist(data, ["lstm"], preset="textbook", hidden_size=8, epochs=2)["lstm"]
    assert len(result.history) == 2
    assert "validating once per epoch" in caplog.text


def test_training_cell_impl_repeats_with_seed(sample):
    data = small_subset(sample, 100, 20)
    first = mnist.train_mnist(data, ["gru"], impl="cell", hidden_size=8, epochs=1, seed=3)["gru"]
    second = mnist.train_mnist(data, ["gru"], impl="cell", hidden_size=8, epochs=1, seed=3)["gru"]
    assert first.impl == "cell"
    assert first.test_loss == second.test_loss
    np.testing.assert_array_equal(first.predictions, second.predictions)


def test_train_mnist_rejects_unknown_model(sample):
    with pytest.raises(ForecastError, match="Unknown model 'cnn'"):
        mnist.train_mnist(sample, ["gru", "cnn"])


def test_train_mnist_rejects_repeated_model(sample):
    with pytest.raises(ForecastError, match="Model 'gru' is listed more than once in gru,lstm,gru") as caught:
        mnist.train_mnist(sample, ["gru", "lstm", "gru"])
    assert caught.value.key == "mnist_duplicate_models"


@pytest.mark.parametrize("seed", [-1, 2**32, 1.5, True])
def test_train_mnist_rejects_bad_seed(sample, seed):
    with pytest.raises(ForecastError, match=f"seed = {seed} is out of range. Use a value from 0 to {2**32 - 1}"):
        mnist.train_mnist(sample, ["gru"], seed=seed)


def test_check_seed_accepts_range_ends():
    mnist.check_seed(0)
    mnist.check_seed(2**32 - 1)
    mnist.check_seed(np.int64(7))


@pytest.mark.parametrize(("n_train", "n_test"), [(1, 20), (9, 20), (100, 0)])
def test_train_mnist_rejects_too_few_digits(sample, n_train, n_test):
    data = small_subset(sample, n_train, n_test)
    with pytest.raises(ForecastError, match=f"{n_train} training and {n_test} test digits, too few"):
        mnist.train_mnist(data, ["gru"], hidden_size=4, epochs=1)


def test_train_mnist_minimum_digits_trains(sample):
    data = small_subset(sample, mnist_data.MIN_TRAIN_DIGITS, mnist_data.MIN_TEST_DIGITS)
    result = mnist.train_mnist(data, ["gru"], hidden_size=4, epochs=1)["gru"]
    assert result.train_samples == 9  # one of the ten digits validates
    assert result.predictions.shape == (1,)


# ---------------------------------------------------------------------------
# Looking inside
# ---------------------------------------------------------------------------


def test_row_probabilities_match_hidden_states(trained):
    data, result, _ = trained
    model = result.model
    probabilities = mnist.row_probabilities(model, data.test_images[0])
    assert probabilities.shape == (28, 10)
    np.testing.assert_allclose(probabilities.sum(axis=1), 1.0, atol=1e-5)
    # For a one-way GRU, reading rows 0..t equals applying the head to the output at step t.
    with torch.inference_mode():
        x = torch.from_numpy(data.test_images[:1].astype(np.float32) / 255)
        output, _ = model.rnn(x)
        expected = torch.softmax(model.head(output[0]), dim=1).numpy()
    np.testing.assert_allclose(probabilities, expected, atol=1e-5)
    assert probabilities[-1].argmax() == result.predictions[0]


@pytest.mark.parametrize("name,impl", [("gru", "fused"), ("lstm", "cell"), ("bilstm", "fused")])
def test_gate_activations_shapes(name, impl):
    model = SequenceClassifier(name, hidden_size=8, impl=impl)
    gates = mnist.gate_activations(model, np.zeros((28, 28), dtype=np.uint8))
    expected = ["reset", "update", "candidate"] if name == "gru" else [
        "input", "forget", "cell_candidate", "output", "cell_state"]
    assert list(gates) == expected
    assert all(values.shape == (28, 8) for values in gates.values())


@pytest.mark.parametrize("name,impl", [("gru", "fused"), ("lstm", "cell"), ("bilstm", "cell")])
def test_equivalence_check_small(name, impl):
    model = SequenceClassifier(name, hidden_size=8, impl=impl)
    differences = mnist.equivalence_check(model, np.random.default_rng(0).integers(0, 256, (28, 28), dtype=np.uint8))
    assert set(differences) == {"output", "h_n"}
    assert differences["output"] < 1e-5
    assert differences["h_n"] < 1e-5


def test_look_inside_rejects_wrong_image_shape():
    with pytest.raises(ValueError, match=r"shape \(28, 28\)"):
        mnist.row_probabilities(SequenceClassifier("gru", 8), np.zeros((28, 27), dtype=np.uint8))


# ---------------------------------------------------------------------------
# Command line
# ---------------------------------------------------------------------------


def test_cli_end_to_end(tmp_path, capsys, monkeypatch):
    rng = np.random.default_rng(6)
    write_idx_set(tmp_path / "idx" / "MNIST" / "raw", rng, compress=True, n_train=60, n_test=20)
    out = tmp_path / "out"

    status = main(["--lang", "en", "mnist", "--data", str(tmp_path / "idx"), "--models", "gru,bilstm",
                   "--impl", "cell", "--epochs", "1", "--hidden", "4", "--batch-size", "16",
                   "--optimizer", "sgd", "--lr", "0.05", "--device", "cpu", "--out", str(out)])

    assert status == 0
    printed = capsys.readouterr().out
    assert "60 training and 20 test digits" in printed
    assert "biLSTM" in printed
    metrics = json.loads((out / "metrics.json").read_text(encoding="utf-8"))
    assert list(metrics["models"]) == ["gru", "bilstm"]
    for figures in metrics["models"].values():
        for key in ("test_accuracy", "test_loss", "train_seconds", "train_samples", "impl", "parameters"):
            assert key in figures, key
        assert figures["impl"] == "cell"
        assert figures["train_samples"] == 54
    assert metrics["settings"]["optimizer"] == "sgd"
    assert metrics["settings"]["hidden_size"] == 4
    assert metrics["versions"]["torch"] == torch.__version__
    assert metrics["device"] == "cpu"


def test_cli_korean_error(tmp_path, capsys):
    status = main(["--lang", "ko", "mnist", "--data", str(tmp_path / "missing"), "--out", str(tmp_path)])
    assert status == 2
    assert "MNIST 폴더를 찾을 수 없습니다" in capsys.readouterr().err


@pytest.mark.parametrize(("arguments", "expected"), [
    (["--seed", "-1"], f"seed = -1 is out of range. Use a value from 0 to {2**32 - 1}"),
    (["--seed", str(2**32)], f"seed = {2**32} is out of range"),
    (["--models", "gru,gru"], "Model 'gru' is listed more than once in gru,gru"),
])
def test_cli_rejects_bad_arguments_before_loading(tmp_path, capsys, monkeypatch, arguments, expected):
    def fail_load(*args, **kwargs):
        raise AssertionError("data was loaded before the arguments were checked")

    monkeypatch.setattr("forecast.cli.mnist.load_mnist", fail_load)
    status = main(["--lang", "en", "mnist", *arguments, "--out", str(tmp_path)])
    assert status == 2
    assert expected in capsys.readouterr().err


@pytest.mark.parametrize(("n_train", "n_test"), [(0, 0), (30, 0), (1, 10)])
def test_cli_too_few_digits(tmp_path, capsys, n_train, n_test):
    write_idx_set(tmp_path / "idx", np.random.default_rng(12), compress=True, n_train=n_train, n_test=n_test)
    status = main(["--lang", "ko", "mnist", "--data", str(tmp_path / "idx"), "--epochs", "1", "--hidden", "4",
                   "--device", "cpu", "--out", str(tmp_path / "out")])
    assert status == 2
    error = capsys.readouterr().err
    assert f"학습 숫자 {n_train}개, 테스트 숫자 {n_test}개" in error
    assert not (tmp_path / "out").exists()
