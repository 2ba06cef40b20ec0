"""Per-session state of the prices tab, kept in ``st.session_state``.

Everything a user trains or loads lives here, in their own session, and
nothing user-specific goes into ``st.cache_resource``. A finished result
stays until a later training succeeds, so reruns, tab and language switches,
a stopped run or a failed run all keep it.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from forecast.errors import ForecastError
from ui.training_job import TrainedResult, TrainingJob

JOB = "prices_job"  # TrainingJob in progress or finished but not yet collected
RESULT = "prices_result"  # TrainedResult of the last successful training
NOTICE = "prices_notice"  # Notice about the last training run
FETCHED = "prices_fetched"  # PriceData downloaded with yfinance


@dataclass(frozen=True)
class Notice:
    """Outcome of the last training run, shown until the next one starts."""

    level: str  # "success", "warning" or "error"
    error: ForecastError | None = None  # translated when shown, so it follows the language


def current_job() -> TrainingJob | None:
    return st.session_state.get(JOB)


def job_running() -> bool:
    job = current_job()
    return job is not None and not job.finished


def start_job(job: TrainingJob) -> None:
    """Start ``job`` as this session's training run and clear the previous notice."""
    st.session_state.pop(NOTICE, None)
    st.session_state[JOB] = job
    job.start()


def collect_finished_job() -> None:
    """Move a finished job's outcome into the session: a new result or a notice."""
    job = current_job()
    if job is None or not job.finished:
        return
    del st.session_state[JOB]
    if job.outcome is not None:
        st.session_state[RESULT] = job.outcome
        st.session_state[NOTICE] = Notice("success")
    elif job.cancelled:
        st.session_state[NOTICE] = Notice("warning", ForecastError("training_cancelled"))
    else:
        st.session_state[NOTICE] = Notice("error", job.error)


def trained_result() -> TrainedResult | None:
    return st.session_state.get(RESULT)


def notice() -> Notice | None:
    return st.session_state.get(NOTICE)
