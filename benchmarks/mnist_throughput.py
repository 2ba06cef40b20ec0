"""MNIST sequence training throughput against a textbook-style loop, in one run.

Measures training samples per second (forward, backward and optimiser step)
of the package's :class:`forecast.mnist.SequenceClassifier` for GRU, LSTM and
biLSTM. Each runs with ``impl="fused"`` (torch's layers) and ``impl="cell"``
(the from-scratch cells, eager and compiled), at batch 100 and at the batch
of the "fast" preset, which is the app's default. Every case is compared with a reference
written here in the style of a textbook: a Python loop over 28 rows through a
cell made of two ``nn.Linear`` maps (input to gates and hidden to gates,
both applied inside the loop), hidden 128, plain SGD.

FLOP count per training sample (matrix products only; the elementwise gate
arithmetic, the loss and the optimiser are left out)::

    forward  = T * D * 2 * G * H * (F + H)  +  2 * D * H * C
    training = 3 * forward

with T = 28 rows, F = 28 pixels, H = 128, C = 10 classes, D directions and G
gates (3 for GRU, 4 for LSTM). Backward costs two products per forward product
(gradients of the inputs and of the weights), hence the factor 3. The gradient
with respect to the pixels is counted though nothing needs it, so the count
is slightly high. GRU-128 gives 10.1 MFLOP per sample, LSTM-128 13.4 MFLOP and
biLSTM-128 26.9 MFLOP.

The matrix-multiply peak is ``torch.mm`` of two 2048 x 2048 float32 matrices,
measured between the training cases. Cases run round-robin, one timed repeat
of each per round, so a slow spell of the machine hits every case alike;
ratios to the reference are taken within each round and the table shows
their median.

Usage::

    python benchmarks/mnist_throughput.py            # full run, 5 rounds
    python benchmarks/mnist_throughput.py --quick    # seconds, proves it runs
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Callable

import common
import torch
from torch import nn
from torch.nn import functional as F

from forecast.device import resolve_device
from forecast.mnist import PRESETS, SequenceClassifier
from forecast.mnist_data import load_sample, to_tensors
from forecast.training import TrainSettings, fit

HIDDEN = 128
ROWS = 28  # T, time steps: one image row each
PIXELS = 28  # F, features per step
CLASSES = 10
LR = 0.1  # SGD learning rate of the textbook recipe, used by every case
GATES = {"gru": 3, "lstm": 4}
KINDS = {"gru": ("gru", 1), "lstm": ("lstm", 1), "bilstm": ("lstm", 2)}  # model -> (cell, directions)


def training_flops(model: str, hidden: int = HIDDEN) -> int:
    """Return the matrix-product FLOPs of one training sample (see the module docstring)."""
    cell, directions = KINDS[model]
    forward = ROWS * directions * 2 * GATES[cell] * hidden * (PIXELS + hidden) + 2 * directions * hidden * CLASSES
    return 3 * forward


# ---------------------------------------------------------------------------
# The textbook-style reference
# ---------------------------------------------------------------------------


class TextbookCell(nn.Module):
    """A GRU or LSTM step as two linear maps, applied one time step at a time."""

    def __init__(self, cell: str, input_size: int, hidden_size: int) -> None:
        super().__init__()
        self.cell = cell
        self.hidden_size = hidden_size
        self.x_to_gates = nn.Linear(input_size, GATES[cell] * hidden_size)
        self.h_to_gates = nn.Linear(hidden_size, GATES[cell] * hidden_size)

    def forward(self, x_t: torch.Tensor, h: torch.Tensor, c: torch.Tensor | None) -> tuple[torch.Tensor, torch.Tensor | None]:
        """Map x_t (B, F) and the state (B, H) to the next state."""
        if self.cell == "gru":
            x_r, x_z, x_n = self.x_to_gates(x_t).chunk(3, dim=1)
            h_r, h_z, h_n = self.h_to_gates(h).chunk(3, dim=1)
            r = torch.sigmoid(x_r + h_r)
            z = torch.sigmoid(x_z + h_z)
            n = torch.tanh(x_n + r * h_n)
            return (1 - z) * n + z * h, None
        i, f, g, o = (self.x_to_gates(x_t) + self.h_to_gates(h)).chunk(4, dim=1)
        c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
        return torch.sigmoid(o) * torch.tanh(c), c


class TextbookClassifier(nn.Module):
    """Rows through one cell per direction in a Python loop, then a linear head."""

    def __init__(self, model: str, hidden_size: int = HIDDEN) -> None:
        super().__init__()
        cell, directions = KINDS[model]
        self.cells = nn.ModuleList(TextbookCell(cell, PIXELS, hidden_size) for _ in range(directions))
        self.head = nn.Linear(directions * hidden_size, CLASSES)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Map images (B, T, F) to class scores (B, C)."""
        finals = []
        for direction, cell in enumerate(self.cells):
            h = x.new_zeros(x.shape[0], cell.hidden_size)
            c = torch.zeros_like(h) if cell.cell == "lstm" else None
            rows = range(x.shape[1] - 1, -1, -1) if direction else range(x.shape[1])
            for t in rows:
                h, c = cell(x[:, t], h, c)
            finals.append(h)
        return self.head(torch.cat(finals, dim=1))  # (B, D * H) -> (B, C)


# ---------------------------------------------------------------------------
# Cases
# ---------------------------------------------------------------------------


@dataclass
class Case:
    """One model, implementation and batch size, with its measurements."""

    model: str  # "gru", "lstm" or "bilstm"
    impl: str  # "reference", "fused", "cell" or "cell+compile"
    batch: int
    loop: str  # "step": bare training steps; "fit": forecast.training.fit
    net: nn.Module = field(repr=False, default=None)
    run: Callable[[], float] = field(repr=False, default=None)  # one timed repeat -> samples/s
    compiled: bool = False  # whether compiled cell steps actually ran
    warmup_seconds: float = 0.0  # first calls, compilation included
    rates: list[float] = field(default_factory=list)
    ratios: list[float] = field(default_factory=list)


def batches_of(x: torch.Tensor, y: torch.Tensor, batch: int, count: int) -> list[tuple[torch.Tensor, torch.Tensor]]:
    """Cut ``count`` consecutive batches from (x, y), wrapping around at the end."""
    starts = [(index * batch) % (len(x) - batch + 1) for index in range(count)]
    return [(x[start : start + batch], y[start : start + batch]) for start in starts]


def make_model(model: str, impl: str) -> nn.Module:
    torch.manual_seed(0)
    if impl == "reference":
        return TextbookClassifier(model)
    return SequenceClassifier(model, HIDDEN, impl="cell" if impl.startswith("cell") else "fused",
                              compile=impl == "cell+compile")


def step_runner(net: nn.Module, batches: list, device: torch.device) -> Callable[[], float]:
    """Return a function that trains ``net`` on ``batches`` once and returns samples/s."""
    optimizer = torch.optim.SGD(net.parameters(), lr=LR)
    samples = sum(len(y) for _, y in batches)

    def run() -> float:
        common.synchronize(device)
        started = time.perf_counter()
        for x, y in batches:
            optimizer.zero_grad(set_to_none=True)
            loss = F.cross_entropy(net(x), y)
            loss.backward()
            optimizer.step()
        common.synchronize(device)
        return samples / (time.perf_counter() - started)

    return run


def fit_runner(net: nn.Module, x: torch.Tensor, y: torch.Tensor, batch: int, device: torch.device) -> Callable[[], float]:
    """Return a function that runs one epoch of :func:`fit` (textbook settings) and returns samples/s."""
    settings = TrainSettings(epochs=1, batch_size=batch, lr=LR, optimizer="sgd", clip_norm=None, patience=None)

    def run() -> float:
        result = fit(net, (x, y), None, loss_fn=nn.CrossEntropyLoss(), settings=settings, device=device)
        return result.samples / result.seconds

    return run


def build_cases(models, impls, batch_sizes, x, y, samples_per_repeat, fit_models, device) -> list[Case]:
    cases = []
    for batch in batch_sizes:
        steps = max(1, samples_per_repeat // batch)
        batches = batches_of(x, y, batch, steps)
        for model in models:
            for impl in ("reference", *impls):
                net = make_model(model, impl).to(device)
                cases.append(Case(model, impl, batch, "step", net, step_runner(net, batches, device)))
            if batch == 100 and model in fit_models:
                for impl in ("fused", "cell"):
                    subset = steps * batch
                    net = make_model(model, impl).to(device)
                    runner = fit_runner(net, x[:subset], y[:subset], batch, device)
                    cases.append(Case(model, impl, batch, "fit", net, runner))
    return cases


# ---------------------------------------------------------------------------
# Measuring
# ---------------------------------------------------------------------------


def matmul_gflops(size: int, device: torch.device, products: int = 3) -> float:
    """Return the GFLOP/s of ``products`` float32 ``torch.mm`` calls of size x size matrices."""
    generator = torch.Generator().manual_seed(0)
    a = torch.randn(size, size, generator=generator).to(device)
    b = torch.randn(size, size, generator=generator).to(device)
    torch.mm(a, b)  # warm-up
    common.synchronize(device)
    started = time.perf_counter()
    for _ in range(products):
        torch.mm(a, b)
    common.synchronize(device)
    return products * 2 * size**3 / (time.perf_counter() - started) / 1e9


def reference_of(case: Case, cases: list[Case]) -> Case:
    return next(c for c in cases if c.impl == "reference" and c.model == case.model and c.batch == case.batch)


def measure(cases: list[Case], rounds: int, matmul_size: int, device: torch.device) -> list[float]:
    """Warm every case up, then time them round-robin; return the matmul GFLOP/s of each round."""
    for case in cases:
        case.warmup_seconds, _ = common.timed(case.run)
        case.compiled = bool(getattr(case.net, "compiled", False))
    peaks = []
    for number in range(rounds):
        peaks.append(matmul_gflops(matmul_size, device))
        for case in cases:
            case.rates.append(case.run())
        for case in cases:
            case.ratios.append(case.rates[-1] / reference_of(case, cases).rates[-1])
        print(f"round {number + 1}/{rounds} done", flush=True)
    return peaks


def main() -> None:
    parser = common.base_parser(__doc__.splitlines()[0])
    parser.add_argument("--no-compile", action="store_true", help="skip the compiled cell cases")
    common.add_device_option(parser)
    args = parser.parse_args()
    common.apply_threads(args.threads)
    device = resolve_device(args.device)
    load_before = common.warn_if_busy()

    data = load_sample()
    x, y = (tensor.to(device) for tensor in to_tensors(data.train_images, data.train_labels))  # (N, 28, 28), (N,)
    app_batch = PRESETS["fast"].batch_size
    if args.quick:
        models, impls, sizes, per_repeat, rounds, matmul_size = ("gru", "bilstm"), ("fused", "cell"), (100,), 100, 2, 256
        fit_models = ("gru",)
    else:
        impls = ("fused", "cell") if args.no_compile else ("fused", "cell", "cell+compile")
        models, sizes, per_repeat, rounds, matmul_size = ("gru", "lstm", "bilstm"), (100, app_batch), 3000, args.repeats, 2048
        fit_models = ("gru", "lstm")
    sizes = tuple(dict.fromkeys(sizes))  # the app's batch may be 100 too

    cases = build_cases(models, impls, sizes, x, y, per_repeat, fit_models, device)
    peaks = measure(cases, rounds, matmul_size, device)
    peak = common.summarize(peaks)
    report(cases, peak, args, load_before, device)


def report(cases: list[Case], peak: dict, args, load_before, device: torch.device) -> None:
    columns = ["model", "impl", "loop", "batch", "samples/s median (min–max)", "× reference", "GFLOP/s", "% of matmul peak"]
    rows, records = [], []
    for case in cases:
        rate = common.summarize(case.rates)
        ratio = common.summarize(case.ratios)
        flops = training_flops(case.model)
        gflops = rate["median"] * flops / 1e9
        share = gflops / peak["median"]
        rows.append([case.model, case.impl, case.loop, case.batch, common.spread(rate),
                     "—" if case.impl == "reference" else f"{ratio['median']:.2f} ({ratio['min']:.2f}–{ratio['max']:.2f})",
                     f"{gflops:.1f}", f"{100 * share:.0f} %"])
        records.append({
            "model": case.model, "impl": case.impl, "loop": case.loop, "batch": case.batch, "hidden": HIDDEN,
            "samples_per_second": rate, "ratio_to_reference": ratio, "flops_per_sample": flops,
            "gflops": gflops, "peak_share": share, "matmul_peak_gflops": peak,
            "compiled": case.compiled, "warmup_seconds": case.warmup_seconds,
        })
    print(f"\nfloat32 matmul peak (torch.mm) on {device}: {common.spread(peak, 1)} GFLOP/s, "
          f"{torch.get_num_threads()} CPU threads\n")
    common.print_table(columns, rows)
    common.write_records(args.out, "mnist_throughput", records, load_before, args.quick, device)


if __name__ == "__main__":
    main()
