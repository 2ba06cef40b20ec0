"""Per-session state of the prices tab, kept in ``st.session_state``.

Everything a user trains or loads lives here, in their own session, and
nothing user-specific goes into ``st.cache_resource``. A finished result
stays until a later training succeeds, so reruns, tab and language switches,
a stopped run or a failed run all keep it.
"""

from __future__ import annotations

import streamlit as st

from ui.background_job import JobSlot
from ui.training_job import TrainedResult

JOB = "prices_job"  # TrainingJob in progress or finished but not yet collected
RESULT = "prices_result"  # TrainedResult of the last successful training
NOTICE = "prices_notice"  # Notice about the last training run
FETCHED = "prices_fetched"  # PriceData downloaded with yfinance


_SLOT = JobSlot(JOB, RESULT, NOTICE)
current_job = _SLOT.current_job
job_running = _SLOT.job_running
start_job = _SLOT.start_job
collect_finished_job = _SLOT.collect_finished_job
notice = _SLOT.notice


def trained_result() -> TrainedResult | None:
    return st.session_state.get(RESULT)
