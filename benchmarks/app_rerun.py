"""The app: a display-only rerun after training, and the peak memory of a training run.

Drives ``streamlit_app.py`` with ``streamlit.testing.v1.AppTest`` in this
process. It trains GRU once on the default sample with small settings
(window 30, hidden 8, 2 epochs, horizon 2), then switches the forecast step
shown in the results (a display option) back and forth and times each rerun.
The training functions are wrapped with counters (``run_experiment`` as the
app calls it, and ``fit``), so the table shows how many trainings each rerun
started. The target is zero. AppTest runs the script without a browser, so
the time is the server-side script run, not the browser's drawing.

Peak memory: a fresh Python process loads the app's default sample and runs
:func:`forecast.pipeline.run_experiment` with the app's default settings
(three models, window 30, hidden 32, batch 64), except at most 3 epochs,
because memory peaks in the first epoch and later ones only add time. The
process reports its peak resident set size (``ru_maxrss``) after the imports
and data loading and again after training.

Usage::

    python benchmarks/app_rerun.py
    python benchmarks/app_rerun.py --quick
"""

from __future__ import annotations

import json
import subprocess
import sys
import time

import common
import torch
from streamlit.testing.v1 import AppTest

from forecast import pipeline, training
from ui import state

APP = common.ROOT / "streamlit_app.py"
TRAIN_TIMEOUT_S = 600

MEMORY_SCRIPT = """
import json, resource, sys
from forecast.pipeline import ExperimentSettings, run_experiment
from forecast.prices import load_sample
from forecast.training import TrainSettings
from forecast.windows import WindowSpec
from ui.prices_data import DEFAULT_SAMPLE
from ui.prices_settings import CAPS, DEFAULT_LR

def peak_mib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB

frame = load_sample(DEFAULT_SAMPLE).frame
epochs = min(int(sys.argv[1]), int(CAPS["epochs"].default))
settings = ExperimentSettings(
    spec=WindowSpec(window=int(CAPS["window"].default), horizon=int(CAPS["horizon"].default)),
    hidden_size=int(CAPS["hidden_size"].default), device="cpu",
    train=TrainSettings(epochs=epochs, batch_size=int(CAPS["batch_size"].default), lr=DEFAULT_LR,
                        patience=int(CAPS["patience"].default)),
)
before = peak_mib()
run_experiment(frame, settings)
print(json.dumps({"sample": DEFAULT_SAMPLE, "rows": len(frame), "epochs": epochs,
                  "models": list(settings.models), "hidden": settings.hidden_size,
                  "before_mib": before, "peak_mib": peak_mib()}))
"""


class Counter:
    """Wrap a module function and count its calls until :meth:`undo`."""

    def __init__(self, module, name: str) -> None:
        self.module, self.name, self.calls = module, name, 0
        self.original = getattr(module, name)

        def counted(*args, **kwargs):
            self.calls += 1
            return self.original(*args, **kwargs)

        setattr(module, name, counted)

    def undo(self) -> None:
        setattr(self.module, self.name, self.original)


def assert_clean(app: AppTest) -> None:
    if app.exception:
        raise RuntimeError(f"the app raised: {[element.value for element in app.exception]}")


def train_in_app(epochs: int) -> AppTest:
    """Start the app, train GRU with small settings and draw the results."""
    app = AppTest.from_file(str(APP), default_timeout=120)
    app.context = {"locale": "en-US"}
    app.run()
    app.number_input(key="prices_hidden_size").set_value(8)
    app.number_input(key="prices_epochs").set_value(epochs)
    app.number_input(key="prices_horizon").set_value(2)
    app.multiselect(key="prices_models").set_value(["gru"])
    app.run()
    app.button(key="prices_train").click().run()
    assert_clean(app)
    job = app.session_state[state.JOB]
    if not job.wait(TRAIN_TIMEOUT_S):
        raise RuntimeError(f"training in the app did not finish within {TRAIN_TIMEOUT_S} s")
    app.run()  # collects the finished job and draws the results
    assert_clean(app)
    if state.RESULT not in app.session_state:
        raise RuntimeError("the app finished training but stored no result")
    return app


def time_display_reruns(app: AppTest, repeats: int) -> list[float]:
    """Switch the shown forecast step between 1 and 2 ``repeats`` times; return each rerun's seconds."""
    seconds = []
    for index in range(repeats):
        widget = app.selectbox(key="prices_show_step").set_value(2 if index % 2 == 0 else 1)
        started = time.perf_counter()
        widget.run()
        seconds.append(time.perf_counter() - started)
        assert_clean(app)
    return seconds


def peak_memory(epochs: int) -> dict:
    """Run one training in a fresh process and return its memory report."""
    completed = subprocess.run([sys.executable, "-c", MEMORY_SCRIPT, str(epochs)], cwd=common.ROOT, check=True,
                               capture_output=True, text=True)
    return json.loads(completed.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = common.base_parser(__doc__.splitlines()[0])
    args = parser.parse_args()
    common.apply_threads(args.threads)
    load_before = common.warn_if_busy()
    repeats = 2 if args.quick else args.repeats

    experiments = Counter(pipeline, "run_experiment")
    fits = Counter(pipeline, "fit")
    try:
        app = train_in_app(epochs=1 if args.quick else 2)
        trained = (experiments.calls, fits.calls)
        experiments.calls = fits.calls = 0
        reruns = time_display_reruns(app, repeats)
        during_reruns = (experiments.calls, fits.calls)
    finally:
        experiments.undo()
        fits.undo()
    if training.fit is not fits.original:
        raise RuntimeError("forecast.training.fit was replaced; the counter would miss calls")

    memory = [peak_memory(1 if args.quick else 3) for _ in range(repeats)]
    records = [
        {"case": "display-only rerun", "seconds": common.summarize(reruns),
         "run_experiment_calls": during_reruns[0], "fit_calls": during_reruns[1],
         "training_run_calls": {"run_experiment": trained[0], "fit": trained[1]}},
        {"case": "training run, peak memory", **{key: memory[0][key] for key in ("sample", "rows", "epochs", "models", "hidden")},
         "peak_mib": common.summarize(run["peak_mib"] for run in memory),
         "before_training_mib": common.summarize(run["before_mib"] for run in memory)},
    ]

    print(f"median (min–max) of {repeats} runs\n")
    common.print_table(
        ["case", "value", "trainings started"],
        [["display-only rerun (forecast step 1 ↔ 2)", f"{common.spread(records[0]['seconds'], 3)} s",
          f"run_experiment {during_reruns[0]}, fit {during_reruns[1]} (training run: {trained[0]}, {trained[1]})"],
         ["peak RSS of a training run", f"{common.spread(records[1]['peak_mib'])} MiB", ""],
         ["  of which before training", f"{common.spread(records[1]['before_training_mib'])} MiB", ""]],
    )
    common.write_records(args.out, "app_rerun", records, load_before, args.quick, torch.device("cpu"))


if __name__ == "__main__":
    main()
