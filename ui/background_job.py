"""A training run of one session in its own thread, which the page polls, and its session-state slot.

In Streamlit any click, Stop included, ends the running script, so training
that should survive clicks runs in a thread. The page reads its progress and
outcome on every rerun; Stop sets an event that the training callback returns,
so the package raises ``TrainingCancelled`` and keeps nothing.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from typing import Any

import streamlit as st

from forecast.errors import ForecastError, TrainingCancelled

logger = logging.getLogger(__name__)


class BackgroundJob:
    """Thread, stop flag and outcome shared by the prices and MNIST training jobs.

    Subclasses implement :meth:`_work`, which trains and returns the outcome,
    and pass ``_on_progress``-style callbacks that return :attr:`stop_requested`.
    ``description`` names the job in the log without user data, such as
    "training job on 3270 rows".
    """

    def __init__(self, thread_name: str, description: str) -> None:
        self.description = description
        self.outcome: Any = None
        self.error: ForecastError | None = None
        self.cancelled = False
        self.started_at = time.time()
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._current: str | None = None
        self._thread = threading.Thread(target=self._run, name=thread_name, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def request_stop(self) -> None:
        """Ask the training to stop at the next validation report."""
        self._stop.set()

    @property
    def stop_requested(self) -> bool:
        return self._stop.is_set()

    @property
    def finished(self) -> bool:
        return self._thread.ident is not None and not self._thread.is_alive()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the job ends or ``timeout`` seconds pass; return whether it ended."""
        self._thread.join(timeout)
        return self.finished

    def _work(self) -> Any:
        raise NotImplementedError

    def _run(self) -> None:
        started = time.perf_counter()
        try:
            self.outcome = self._work()
            logger.info("%s finished in %.1fs", self.description, time.perf_counter() - started)
        except TrainingCancelled:
            self.cancelled = True
            logger.info("%s stopped by the user after %.1fs", self.description, time.perf_counter() - started)
        except ForecastError as error:
            self.error = error
            logger.warning("%s failed: %s", self.description, error.key)
        except Exception:  # noqa: BLE001 - any bug must end as a message, never kill the session
            logger.exception("%s crashed", self.description)
            self.error = ForecastError("app_training_crashed")


@dataclass(frozen=True)
class Notice:
    """Outcome of the last training run, shown until the next one starts."""

    level: str  # "success", "warning" or "error"
    error: ForecastError | None = None  # translated when shown, so it follows the language


class JobSlot:
    """The session-state keys of one tab's training: the job, its last outcome and the notice about it.

    A finished outcome stays until a later training succeeds, so reruns, tab
    and language switches, a stopped run or a failed run all keep it.
    """

    def __init__(self, job_key: str, outcome_key: str, notice_key: str) -> None:
        self.job_key = job_key
        self.outcome_key = outcome_key
        self.notice_key = notice_key

    def current_job(self) -> BackgroundJob | None:
        return st.session_state.get(self.job_key)

    def job_running(self) -> bool:
        job = self.current_job()
        return job is not None and not job.finished

    def start_job(self, job: BackgroundJob) -> None:
        """Start ``job`` as this session's training and clear the previous notice."""
        st.session_state.pop(self.notice_key, None)
        st.session_state[self.job_key] = job
        job.start()

    def collect_finished_job(self) -> None:
        """Move a finished job's outcome into the session: a new outcome, or a notice saying why there is none."""
        job = self.current_job()
        if job is None or not job.finished:
            return
        del st.session_state[self.job_key]
        if job.outcome is not None:
            st.session_state[self.outcome_key] = job.outcome
            st.session_state[self.notice_key] = Notice("success")
        elif job.cancelled:
            st.session_state[self.notice_key] = Notice("warning", ForecastError("training_cancelled"))
        else:
            st.session_state[self.notice_key] = Notice("error", job.error)

    def outcome(self) -> Any:
        return st.session_state.get(self.outcome_key)

    def notice(self) -> Notice | None:
        return st.session_state.get(self.notice_key)
