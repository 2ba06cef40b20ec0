"""Helpers shared by the benchmark scripts: machine facts, repeats, tables, JSON lines.

Every script prints one table and appends one JSON line per table row to
``benchmarks/results.jsonl`` (or the file given with ``--out``). Each line
carries the machine, the torch version, the thread count, the load average
before and after the run and the date, so figures taken on a busy machine
can be separated from figures taken on a quiet one.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path
from typing import Callable, Iterable

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import torch  # noqa: E402

from forecast.device import DEVICE_CHOICES  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results.jsonl"
QUIET_LOAD = 1.2  # one-minute load average above which timings on 2 cores are not trusted


def base_parser(description: str) -> argparse.ArgumentParser:
    """Return a parser with the options every benchmark shares."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--quick", action="store_true",
                        help="tiny settings that only prove the script runs (figures are meaningless)")
    parser.add_argument("--repeats", type=int, default=5, help="timed repeats per case; the table shows their median")
    parser.add_argument("--threads", type=int, default=None,
                        help="torch intra-op threads (default: torch's own choice, one per physical core)")
    parser.add_argument("--out", type=Path, default=RESULTS, help=f"JSON lines file to append to (default: {RESULTS})")
    return parser


def add_device_option(parser: argparse.ArgumentParser) -> None:
    """Add ``--device`` to a script that can train on a GPU."""
    parser.add_argument("--device", default="cpu", choices=DEVICE_CHOICES,
                        help="device to train on (default: cpu); auto picks CUDA, then MPS, then the CPU")


def apply_threads(threads: int | None) -> None:
    """Set torch's intra-op thread count when one is given."""
    if threads is not None:
        torch.set_num_threads(threads)


def synchronize(device: torch.device) -> None:
    """Wait for the work queued on ``device``, so a host clock read after it is fair."""
    if device.type == "cuda":
        torch.cuda.synchronize(device)
    elif device.type == "mps":
        torch.mps.synchronize()


def cpu_model() -> str:
    """Return the CPU model name from /proc/cpuinfo, or the platform's processor string."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def load_average() -> list[float] | None:
    """Return the 1, 5 and 15 minute load averages, or None where the OS has none."""
    try:
        return [round(value, 2) for value in os.getloadavg()]
    except (AttributeError, OSError):
        return None


def environment() -> dict:
    """Return the facts recorded with every result line."""
    return {
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "cpu": cpu_model(),
        "cores": os.cpu_count(),
        "torch": str(torch.__version__),
        "python": platform.python_version(),
        "threads": torch.get_num_threads(),
        "cuda": torch.cuda.get_device_name(0) if torch.cuda.is_available() else None,
    }


def warn_if_busy() -> list[float] | None:
    """Print a warning when the one-minute load average shows other work on the CPU."""
    load = load_average()
    if load is not None and load[0] > QUIET_LOAD:
        print(f"warning: load average {load[0]:.2f} > {QUIET_LOAD}; timings are not trustworthy", file=sys.stderr)
    return load


def summarize(values: Iterable[float]) -> dict:
    """Return median, min, max and count of ``values``."""
    values = list(values)
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "runs": len(values)}


def timed(function: Callable[[], object]) -> tuple[float, object]:
    """Run ``function`` once and return (seconds, its result)."""
    started = time.perf_counter()
    result = function()
    return time.perf_counter() - started, result


def spread(stats: dict, digits: int = 0, scale: float = 1.0) -> str:
    """Format a summary as "median (min–max)"."""
    def number(value: float) -> str:
        return f"{value * scale:,.{digits}f}"

    return f"{number(stats['median'])} ({number(stats['min'])}–{number(stats['max'])})"


def print_table(columns: list[str], rows: list[list[str]]) -> None:
    """Print ``rows`` as a Markdown table under ``columns``."""
    print("| " + " | ".join(columns) + " |")
    print("|" + "|".join(" --- " for _ in columns) + "|")
    for row in rows:
        print("| " + " | ".join(str(cell) for cell in row) + " |")


def write_records(path: Path, benchmark: str, records: list[dict], load_before: list[float] | None,
                  quick: bool, device: torch.device) -> None:
    """Append one JSON line per record, each with the benchmark name, the device and the environment."""
    shared = {
        "benchmark": benchmark,
        "device": str(device),
        **environment(),
        "load_before": load_before,
        "load_after": load_average(),
        "quick": quick,
        "command": " ".join([Path(sys.argv[0]).as_posix(), *sys.argv[1:]]),
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps({**shared, **record}, ensure_ascii=False) + "\n")
    print(f"\n{len(records)} result lines appended to {path}")
