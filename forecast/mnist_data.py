"""MNIST digits without torchvision: the bundled sample, IDX files in a folder, or a download.

Every loader returns :class:`MnistData` with uint8 images (N, 28, 28), pixel
values 0-255, and int64 labels (N,) in 0-9. Nothing here touches the network
unless :func:`download_mnist` is called.
"""

from __future__ import annotations

import gzip
import hashlib
import logging
import math
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.error import URLError
from urllib.request import urlopen

import numpy as np
import torch
from sklearn.model_selection import train_test_split

from forecast.errors import ForecastError

logger = logging.getLogger(__name__)

SAMPLE_PATH = Path(__file__).resolve().parents[1] / "data" / "mnist_sample.npz"
SAMPLE_TEST_SIZE = 1000  # digits of the bundled 5,000 kept for testing, 100 per class
SAMPLE_SPLIT_SEED = 0  # fixed, so every run and every user sees the same split
IMAGE_SIZE = 28
CLASSES = 10
# Smallest data set that can be trained and scored: 10 training digits leave 9 to fit
# after the 10 % validation split takes its minimum of one, and one test digit gives a score.
MIN_TRAIN_DIGITS = 10
MIN_TEST_DIGITS = 1

# Role -> file name as MNIST publishes it (gzip-compressed) and its MD5 checksum.
# The checksums are those of the original files that torchvision also verifies.
MNIST_FILES: dict[str, tuple[str, str]] = {
    "train_images": ("train-images-idx3-ubyte.gz", "f68b3c2dcbeaaa9fbdd348bbdeb94873"),
    "train_labels": ("train-labels-idx1-ubyte.gz", "d53e105ee54ea40749a09fcbcd1e9432"),
    "test_images": ("t10k-images-idx3-ubyte.gz", "9fb629c4189551a2d022fa330f9573f3"),
    "test_labels": ("t10k-labels-idx1-ubyte.gz", "ec29112dd5afa0611ce80d1b7f02629c"),
}
# Mirrors tried in order; a file is accepted only with the checksum above.
MIRRORS = (
    "https://ossci-datasets.s3.amazonaws.com/mnist/",
    "https://storage.googleapis.com/cvdf-datasets/mnist/",
    "http://yann.lecun.com/exdb/mnist/",
)
DOWNLOAD_TIMEOUT = 30.0  # seconds per request

# IDX type code -> big-endian NumPy dtype (the IDX format stores numbers big-endian).
IDX_TYPES = {0x08: ">u1", 0x09: ">i1", 0x0B: ">i2", 0x0C: ">i4", 0x0D: ">f4", 0x0E: ">f8"}


@dataclass(frozen=True)
class MnistData:
    """Train and test digits: uint8 images (N, 28, 28) in 0-255, int64 labels (N,)."""

    train_images: np.ndarray
    train_labels: np.ndarray
    test_images: np.ndarray
    test_labels: np.ndarray
    source: str  # "sample", or the folder the IDX files were read from

    @property
    def sizes(self) -> dict[str, int]:
        return {"train": len(self.train_labels), "test": len(self.test_labels)}


# ---------------------------------------------------------------------------
# Bundled sample
# ---------------------------------------------------------------------------


def load_sample(path: str | Path = SAMPLE_PATH, test_size: int = SAMPLE_TEST_SIZE) -> MnistData:
    """Load the bundled 5,000 digits with a fixed, stratified train / test split.

    Parameters
    ----------
    path : path-like
        A ``.npz`` with ``images`` (N, 28, 28) uint8 and ``labels`` (N,).
    test_size : int
        Digits kept for testing; every class gets the same share in both parts.

    Returns
    -------
    MnistData
        With the default file, 4,000 training and 1,000 test digits.
    """
    path = Path(path)
    if not path.is_file():
        raise ForecastError("mnist_sample_missing", str(path))
    with np.load(path) as archive:
        images, labels = archive["images"], archive["labels"].astype(np.int64)
    _check_digits(images, labels, images_path=str(path), labels_path=str(path))
    train_index, test_index = train_test_split(
        np.arange(len(labels)), test_size=test_size, stratify=labels, random_state=SAMPLE_SPLIT_SEED
    )
    return MnistData(images[train_index], labels[train_index], images[test_index], labels[test_index], "sample")


# ---------------------------------------------------------------------------
# IDX files
# ---------------------------------------------------------------------------


def read_idx(path: str | Path) -> np.ndarray:
    """Read one IDX file (optionally gzip-compressed) into a NumPy array.

    The header is two zero bytes, a type code, the number of dimensions and
    one big-endian uint32 size per dimension; the values follow, big-endian.

    Raises
    ------
    ForecastError
        "mnist_bad_idx" when the header or the length does not match the format.
    """
    path = Path(path)
    raw = path.read_bytes()
    if raw[:2] == b"\x1f\x8b":  # gzip magic number, whatever the file name says
        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError) as error:
            raise ForecastError("mnist_bad_idx", str(path), reason=f"broken gzip data ({error})") from error

    if len(raw) < 4 or raw[0] != 0 or raw[1] != 0 or raw[2] not in IDX_TYPES:
        raise ForecastError("mnist_bad_idx", str(path), reason=f"unknown magic number {raw[:4].hex() or 'none'}")
    dtype = np.dtype(IDX_TYPES[raw[2]])
    ndim = raw[3]
    header_size = 4 + 4 * ndim
    if ndim == 0 or len(raw) < header_size:
        raise ForecastError("mnist_bad_idx", str(path), reason=f"header of {ndim} dimensions is cut short")
    shape = tuple(int(size) for size in np.frombuffer(raw, dtype=">u4", count=ndim, offset=4))
    # Python ints, because a product of uint32 sizes can overflow any fixed-width NumPy integer.
    expected = math.prod(shape) * dtype.itemsize
    if len(raw) - header_size != expected:
        raise ForecastError(
            "mnist_bad_idx", str(path),
            reason=f"{len(raw) - header_size} bytes of data for shape {shape}, expected {expected}",
        )
    return np.frombuffer(raw, dtype=dtype, offset=header_size).reshape(shape).astype(dtype.newbyteorder("="))


def find_idx_files(folder: str | Path, roots: Sequence[str | Path] | None = None) -> dict[str, Path]:
    """Find the four MNIST IDX files in ``folder``, ``folder/MNIST/raw`` or ``folder/raw``.

    Either the ``.gz`` files or the unpacked ones count; torchvision leaves
    both in ``MNIST/raw``, and the unpacked one is preferred there.

    Parameters
    ----------
    folder : path-like
        Searched as given, with ``~`` expanded only when ``roots`` is None.
    roots : sequence of path-like, optional
        When given, ``folder`` and every file found must lie inside one of
        these folders once symbolic links and ``..`` are resolved. An empty
        sequence allows nothing.

    Returns
    -------
    dict
        Role ("train_images", "train_labels", "test_images", "test_labels") -> path.

    Raises
    ------
    ForecastError
        "mnist_folder_not_allowed" for a path outside ``roots``, with the same
        message whether or not it exists; "mnist_folder_not_found";
        "mnist_files_missing".
    """
    if roots is None:
        folder = Path(folder).expanduser()
    else:
        folder = _inside_roots(folder, roots, display_path=str(folder))
    if not folder.is_dir():
        raise ForecastError("mnist_folder_not_found", str(folder))
    candidates = [folder, folder / "MNIST" / "raw", folder / "raw"]
    found: dict[str, Path] = {}
    for role, (gz_name, _) in MNIST_FILES.items():
        base = gz_name.removesuffix(".gz")
        # Some copies name the files "train-images.idx3-ubyte" instead of "train-images-idx3-ubyte".
        names = [base, gz_name, base.replace("-idx", ".idx"), base.replace("-idx", ".idx") + ".gz"]
        for directory in candidates:
            match = next((directory / name for name in names if (directory / name).is_file()), None)
            if match is not None:
                found[role] = match
                break
    missing = [MNIST_FILES[role][0] for role in MNIST_FILES if role not in found]
    if missing:
        raise ForecastError("mnist_files_missing", str(folder), missing=", ".join(missing))
    if roots is not None:
        # A file may be a symbolic link to anywhere; the message names the folder the user typed, not the target.
        found = {role: _inside_roots(path, roots, display_path=str(folder)) for role, path in found.items()}
    return found


def _inside_roots(path: str | Path, roots: Sequence[str | Path], display_path: str) -> Path:
    """Return ``path`` resolved, or raise "mnist_folder_not_allowed" (naming ``display_path``) if no root contains it."""
    try:
        resolved = Path(path).resolve()
        allowed = any(resolved.is_relative_to(Path(root).resolve()) for root in roots)
    except (OSError, ValueError, RuntimeError) as error:  # a NUL byte, a symbolic link loop
        logger.info("MNIST folder %r rejected: %s", display_path, error)
        allowed = False
    if not allowed:
        raise ForecastError("mnist_folder_not_allowed", display_path)
    return resolved


def load_idx_folder(folder: str | Path, roots: Sequence[str | Path] | None = None) -> MnistData:
    """Load full MNIST (60,000 training and 10,000 test digits) from its four IDX files.

    See :func:`find_idx_files` for where the files may lie and for ``roots``.

    Raises
    ------
    ForecastError
        From :func:`find_idx_files` and :func:`read_idx`; "mnist_bad_idx" for
        images that are not (N, 28, 28) uint8 or labels that do not match
        them; "mnist_too_few_digits" from :func:`check_digit_counts`.
    """
    paths = find_idx_files(folder, roots)
    arrays = {role: read_idx(path) for role, path in paths.items()}
    for part in ("train", "test"):
        _check_digits(
            arrays[f"{part}_images"], arrays[f"{part}_labels"],
            images_path=str(paths[f"{part}_images"]), labels_path=str(paths[f"{part}_labels"]),
        )
    source = str(folder) if roots is not None else str(Path(folder).expanduser())
    logger.info("read MNIST from %s: %d training, %d test digits", source, len(arrays["train_labels"]),
                len(arrays["test_labels"]))
    data = MnistData(
        arrays["train_images"].astype(np.uint8), arrays["train_labels"].astype(np.int64),
        arrays["test_images"].astype(np.uint8), arrays["test_labels"].astype(np.int64),
        source,
    )
    check_digit_counts(data)
    return data


def check_digit_counts(data: MnistData) -> None:
    """Raise "mnist_too_few_digits" unless ``data`` has enough digits to train and test.

    The minimums are :data:`MIN_TRAIN_DIGITS` and :data:`MIN_TEST_DIGITS`.
    """
    train, test = len(data.train_labels), len(data.test_labels)
    if train < MIN_TRAIN_DIGITS or test < MIN_TEST_DIGITS:
        raise ForecastError(
            "mnist_too_few_digits", data.source, train=train, test=test,
            train_min=MIN_TRAIN_DIGITS, test_min=MIN_TEST_DIGITS,
        )


def _check_digits(images: np.ndarray, labels: np.ndarray, images_path: str, labels_path: str) -> None:
    # Each problem names the file that has it; a count mismatch names the labels file and the images count.
    if images.ndim != 3 or images.shape[1:] != (IMAGE_SIZE, IMAGE_SIZE) or images.dtype != np.uint8:
        raise ForecastError(
            "mnist_bad_idx", images_path,
            reason=f"images must be uint8 (N, 28, 28), got {images.dtype} {images.shape}",
        )
    if labels.ndim != 1 or labels.dtype.kind not in "iu":
        raise ForecastError(
            "mnist_bad_idx", labels_path, reason=f"labels must be integers of shape (N,), got {labels.dtype} {labels.shape}"
        )
    if len(labels) != len(images):
        raise ForecastError(
            "mnist_bad_idx", labels_path, reason=f"{labels.shape} labels for {len(images)} images in {images_path}"
        )
    if len(labels) and (labels.min() < 0 or labels.max() >= CLASSES):
        raise ForecastError(
            "mnist_bad_idx", labels_path, reason=f"labels outside 0-9 (from {labels.min()} to {labels.max()})"
        )


# ---------------------------------------------------------------------------
# Download
# ---------------------------------------------------------------------------


def default_cache_dir() -> Path:
    """Return ``$XDG_CACHE_HOME/forecast/mnist``, by default ``~/.cache/forecast/mnist``."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "forecast" / "mnist"


def _md5(data: bytes) -> str:
    return hashlib.md5(data, usedforsecurity=False).hexdigest()


def download_mnist(
    cache_dir: str | Path | None = None, mirrors: tuple[str, ...] = MIRRORS, timeout: float = DOWNLOAD_TIMEOUT
) -> Path:
    """Download the four MNIST files once into ``cache_dir`` and return that folder.

    Files already in the cache with the right MD5 checksum are not fetched
    again. Each missing file is tried on every mirror in turn and written only
    after its checksum matches.

    Raises
    ------
    ForecastError
        "mnist_download_failed" when no mirror could be reached (for example
        offline), "mnist_checksum_mismatch" when a mirror sent different bytes.
    """
    cache = Path(cache_dir).expanduser() if cache_dir is not None else default_cache_dir()
    cache.mkdir(parents=True, exist_ok=True)
    for name, md5 in MNIST_FILES.values():
        target = cache / name
        if target.is_file() and _md5(target.read_bytes()) == md5:
            continue
        _write_atomically(target, _fetch_verified(name, md5, mirrors, timeout))
        logger.info("downloaded %s into %s", name, cache)
    return cache


def _fetch_verified(name: str, md5: str, mirrors: tuple[str, ...], timeout: float) -> bytes:
    """Return the bytes of ``name`` from the first mirror whose copy has checksum ``md5``."""
    network_errors: list[str] = []
    bad_checksum: tuple[str, str] | None = None
    for mirror in mirrors:
        url = mirror + name
        try:
            with urlopen(url, timeout=timeout) as response:
                data = response.read()
        except (URLError, OSError) as error:  # URLError covers DNS and refused connections, OSError timeouts
            logger.warning("download of %s failed: %s", url, error)
            network_errors.append(f"{url}: {getattr(error, 'reason', error)}")
            continue
        actual = _md5(data)
        if actual == md5:
            return data
        logger.warning("checksum mismatch for %s: expected MD5 %s, got %s", url, md5, actual)
        bad_checksum = (url, actual)
    if bad_checksum is not None:
        raise ForecastError("mnist_checksum_mismatch", bad_checksum[0], expected=md5, actual=bad_checksum[1])
    raise ForecastError("mnist_download_failed", name, reason="; ".join(network_errors) or "no mirror given")


def _write_atomically(target: Path, data: bytes) -> None:
    # A crash mid-write leaves a temporary file, never a truncated one under the real name.
    with tempfile.NamedTemporaryFile(dir=target.parent, prefix=target.name, suffix=".part", delete=False) as handle:
        handle.write(data)
    Path(handle.name).replace(target)


# ---------------------------------------------------------------------------
# One entry point
# ---------------------------------------------------------------------------


def load_mnist(data: str | Path = "sample", cache_dir: str | Path | None = None) -> MnistData:
    """Load digits from "sample" (bundled), "download" (full MNIST, cached) or a folder path.

    IDX folders with fewer than :data:`MIN_TRAIN_DIGITS` training or
    :data:`MIN_TEST_DIGITS` test digits raise "mnist_too_few_digits".

    Parameters
    ----------
    data : str or path-like
        "sample", "download", or a folder with the four IDX files.
    cache_dir : path-like, optional
        Download cache; default :func:`default_cache_dir`.
    """
    if str(data) == "sample":
        return load_sample()
    if str(data) == "download":
        return load_idx_folder(download_mnist(cache_dir))
    return load_idx_folder(data)


def to_tensors(images: np.ndarray, labels: np.ndarray) -> tuple[torch.Tensor, torch.Tensor]:
    """Turn uint8 images (N, 28, 28) and labels (N,) into float32 pixels in [0, 1] and int64 labels."""
    x = torch.from_numpy(np.ascontiguousarray(images)).float().div_(255.0)  # (N, 28, 28): 28 steps of 28 pixels
    y = torch.from_numpy(np.ascontiguousarray(labels)).long()
    return x, y
