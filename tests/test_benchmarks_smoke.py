"""Each benchmark script runs with ``--quick`` and writes JSON lines with the expected keys.

These runs prove the scripts work; their figures mean nothing and no speed is
asserted here.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ENVIRONMENT_KEYS = {"benchmark", "date", "cpu", "cores", "torch", "threads", "load_before", "load_after", "quick",
                    "command"}

# script -> (expected number of lines, keys every line has)
SCRIPTS = {
    "mnist_throughput": (8, {"model", "impl", "loop", "batch", "samples_per_second", "ratio_to_reference",
                             "flops_per_sample", "gflops", "peak_share", "matmul_peak_gflops"}),
    "mnist_time_to_accuracy": (3, {"preset", "impl", "train_seconds", "seconds_per_epoch", "final_accuracy",
                                   "accuracy_per_epoch"}),
    "stock_training": (6, {"case"}),
    "app_rerun": (2, {"case"}),
}


def run_quick(script: str, out: Path) -> list[dict]:
    completed = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / f"{script}.py"), "--quick", "--out", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def check_lines(script: str, lines: list[dict]) -> None:
    count, keys = SCRIPTS[script]
    assert len(lines) == count
    for line in lines:
        assert ENVIRONMENT_KEYS | keys <= set(line), sorted(ENVIRONMENT_KEYS | keys - set(line))
        assert line["benchmark"] == script
        assert line["quick"] is True
        assert line["threads"] >= 1


def test_mnist_throughput_quick_run(tmp_path):
    lines = run_quick("mnist_throughput", tmp_path / "results.jsonl")
    check_lines("mnist_throughput", lines)
    references = [line for line in lines if line["impl"] == "reference"]
    assert {line["model"] for line in references} == {"gru", "bilstm"}
    for line in references:
        assert line["ratio_to_reference"]["median"] == 1.0
    assert all(line["samples_per_second"]["min"] > 0 for line in lines)


def test_time_to_accuracy_quick_run(tmp_path):
    lines = run_quick("mnist_time_to_accuracy", tmp_path / "results.jsonl")
    check_lines("mnist_time_to_accuracy", lines)
    for line in lines:
        assert 0.0 <= line["final_accuracy"] <= 1.0
        assert len(line["accuracy_per_epoch"]) == line["epochs"] == 1


def test_stock_training_rows_have_timings(tmp_path):
    lines = run_quick("stock_training", tmp_path / "results.jsonl")
    check_lines("stock_training", lines)
    models = [line for line in lines if line["case"] in ("gru", "lstm", "bilstm")]
    assert [line["case"] for line in models] == ["gru", "lstm", "bilstm"]
    for line in models:
        assert line["epochs"] == 2
        assert 0 < line["seconds_per_epoch"]["median"] <= line["train_seconds"]["median"]
        assert line["single_seconds_per_forecast"]["median"] > 0


def test_app_rerun_reports_no_training(tmp_path):
    lines = run_quick("app_rerun", tmp_path / "results.jsonl")
    check_lines("app_rerun", lines)
    rerun, memory = lines
    assert rerun["fit_calls"] == 0
    assert rerun["run_experiment_calls"] == 0
    assert rerun["training_run_calls"] == {"run_experiment": 1, "fit": 1}  # the counters do see a training
    assert memory["peak_mib"]["median"] >= memory["before_training_mib"]["median"] > 0
