"""Time to 93 % test accuracy on the bundled MNIST sample, and seconds per epoch.

Trains a GRU-128 classifier on the bundled sample (4,000 training digits, 10 %
of them held out for validation, 1,000 test digits) the way
:func:`forecast.mnist.train_classifier` does, with one difference: after every
epoch a callback scores the model on the test digits. The callback's time is
subtracted, so "seconds to 93 %" is training time (validation included, test
scoring excluded) until the first epoch whose test accuracy reaches 93 %.
The preset "textbook" validates every 500 steps; here both presets report
once per epoch, which changes nothing in the training itself.

Every repeat starts from the same seed, so on the CPU the accuracies repeat
exactly and only the times vary.

Usage::

    python benchmarks/mnist_time_to_accuracy.py
    python benchmarks/mnist_time_to_accuracy.py --quick
"""

from __future__ import annotations

import time
from dataclasses import replace

import common
import torch
from torch import nn

from forecast.device import resolve_device
from forecast.mnist import SequenceClassifier, accuracy, evaluate, resolve_settings, split_validation
from forecast.mnist_data import MnistData, load_sample, to_tensors
from forecast.training import TrainSettings, fit

TARGET = 0.93  # test accuracy


def train_once(data, preset: str, impl: str, compile: bool, epochs: int | None, device: torch.device,
               seed: int = 0) -> dict:
    """Train one GRU like ``train_classifier`` and return its timings and test accuracies per epoch."""
    settings = resolve_settings(preset, epochs=epochs)
    torch.manual_seed(seed)
    model = SequenceClassifier("gru", settings.hidden_size, impl, compile=compile).to(device)
    train, val = split_validation(data, seed=seed)
    x_test, y_test = (tensor.to(device) for tensor in to_tensors(data.test_images, data.test_labels))
    train_settings = TrainSettings(
        epochs=settings.epochs, batch_size=settings.batch_size, lr=settings.lr, optimizer=settings.optimizer,
        clip_norm=settings.clip_norm, patience=None, seed=seed,
    )
    scoring_seconds = 0.0
    curve: list[tuple[int, float, float]] = []  # (epoch, training seconds, test accuracy)

    def score_on_test(progress) -> None:
        nonlocal scoring_seconds
        started = time.perf_counter()
        _, test_accuracy, _ = evaluate(model, x_test, y_test)
        curve.append((progress.epoch, progress.seconds - scoring_seconds, test_accuracy))
        scoring_seconds += time.perf_counter() - started

    result = fit(model, train, val, loss_fn=nn.CrossEntropyLoss(), settings=train_settings, device=device,
                 callback=score_on_test, metric_fn=accuracy)
    _, final_accuracy, _ = evaluate(model, x_test, y_test)  # best validation weights, as train_classifier keeps
    reached = next(((epoch, seconds) for epoch, seconds, value in curve if value >= TARGET), (None, None))
    train_seconds = result.seconds - scoring_seconds
    return {
        "epoch_at_target": reached[0],
        "seconds_to_target": reached[1],
        "train_seconds": train_seconds,
        "seconds_per_epoch": train_seconds / result.epochs_run,
        "samples_per_second": result.samples / train_seconds,
        "final_accuracy": final_accuracy,
        "accuracy_per_epoch": [value for _, _, value in curve],
        "compiled": model.compiled,
    }


def run_case(data, preset, impl, compile, epochs, repeats, device) -> dict:
    runs = [train_once(data, preset, impl, compile, epochs, device) for _ in range(repeats + (1 if compile else 0))]
    if compile:
        runs = runs[1:]  # the first run pays for compilation; it is reported apart
    first = runs[0]
    reached = [run["seconds_to_target"] for run in runs if run["seconds_to_target"] is not None]
    return {
        "preset": preset, "model": "gru", "impl": impl + ("+compile" if compile else ""),
        "compiled": first["compiled"],
        "epochs": len(first["accuracy_per_epoch"]),
        "epoch_at_target": first["epoch_at_target"],
        "seconds_to_target": common.summarize(reached) if len(reached) == len(runs) else None,
        "train_seconds": common.summarize(run["train_seconds"] for run in runs),
        "seconds_per_epoch": common.summarize(run["seconds_per_epoch"] for run in runs),
        "samples_per_second": common.summarize(run["samples_per_second"] for run in runs),
        "final_accuracy": first["final_accuracy"],
        "accuracies_repeat": all(run["accuracy_per_epoch"] == first["accuracy_per_epoch"] for run in runs),
        "accuracy_per_epoch": first["accuracy_per_epoch"],
    }


def shrink(data: MnistData, count: int) -> MnistData:
    """Keep the first ``count`` training and test digits (for ``--quick``)."""
    return replace(data, train_images=data.train_images[:count], train_labels=data.train_labels[:count],
                   test_images=data.test_images[:count], test_labels=data.test_labels[:count])


def main() -> None:
    parser = common.base_parser(__doc__.splitlines()[0])
    parser.add_argument("--no-compile", action="store_true", help="skip the compiled cell case")
    common.add_device_option(parser)
    args = parser.parse_args()
    common.apply_threads(args.threads)
    device = resolve_device(args.device)
    load_before = common.warn_if_busy()
    data = load_sample()

    if args.quick:
        data = shrink(data, 400)
        plan = [("fast", "fused", False), ("fast", "cell", False), ("textbook", "fused", False)]
        epochs, repeats = 1, 1
    else:
        plan = [("fast", "fused", False), ("fast", "cell", False), ("fast", "cell", True),
                ("textbook", "fused", False), ("textbook", "cell", False)]
        plan = [case for case in plan if not (case[2] and args.no_compile)]
        epochs, repeats = None, args.repeats

    records = [run_case(data, preset, impl, compile, epochs, repeats, device) for preset, impl, compile in plan]

    columns = ["preset", "impl", "epochs", f"s to {TARGET:.0%} (epoch)", "train s", "s / epoch", "samples/s",
               "final test acc."]
    rows = []
    for record in records:
        to_target = record["seconds_to_target"]
        rows.append([
            record["preset"], record["impl"], record["epochs"],
            f"{common.spread(to_target, 1)} ({record['epoch_at_target']})" if to_target else "not reached",
            common.spread(record["train_seconds"], 1), common.spread(record["seconds_per_epoch"], 2),
            common.spread(record["samples_per_second"]), f"{record['final_accuracy']:.3f}",
        ])
    print(f"GRU-128 on the bundled MNIST sample, {device}, {torch.get_num_threads()} CPU threads, "
          f"median (min–max) of {repeats} runs\n")
    common.print_table(columns, rows)
    common.write_records(args.out, "mnist_time_to_accuracy", records, load_before, args.quick, device)


if __name__ == "__main__":
    main()
