"""The Train and Stop buttons, live progress, and how the last run ended."""

from __future__ import annotations

import logging

import streamlit as st

from forecast.pipeline import ExperimentSettings
from forecast.training import Progress
from ui import charts, state
from ui.i18n import lang, t
from ui.prices_data import LoadedData
from ui.result_data import history_frame, model_label
from ui.training_job import TrainingJob

logger = logging.getLogger(__name__)

POLL_SECONDS = 0.5  # how often the progress panel redraws while a job runs



def render_training(loaded: LoadedData | None, settings: ExperimentSettings | None) -> None:
    """Draw the Train button and, while a job runs, its progress; start a job on click."""
    running = state.job_running()
    ready = loaded is not None and settings is not None
    clicked = st.button(
        t("train_button"), key="prices_train", type="primary", disabled=running or not ready,
        help=t("train_help") if ready else t("train_disabled_help"),
    )
    if clicked and ready and not running:
        logger.info(
            "training requested: %d rows, models %s, window %d, horizon %d, epochs %d, device %s",
            len(loaded.data.frame), ",".join(settings.models), settings.spec.window, settings.spec.horizon,
            settings.train.epochs, settings.device,
        )
        state.start_job(TrainingJob(loaded.data.frame, settings, loaded.label))
        running = True
    if state.current_job() is not None:
        st.fragment(_progress_panel, run_every=POLL_SECONDS if running else None)()
    _render_notice()


def _stop_current_job() -> None:
    job = state.current_job()
    if job is not None:
        job.request_stop()


def _progress_panel() -> None:
    job = state.current_job()
    if job is None:
        return
    if job.finished:
        st.rerun()  # the full run collects the outcome and draws the results
    current, histories, finished_seeds = job.snapshot()
    st.button(t("stop_button"), key="prices_stop", on_click=_stop_current_job, disabled=job.stop_requested,
              help=t("stop_help"))
    if job.stop_requested:
        st.caption(t("stopping"))
    planned = job.settings.train.epochs
    seeds = job.settings.seeds
    names = list(job.settings.models)
    for index, name in enumerate(names):
        history = histories[name]
        done = current is not None and names.index(current) > index
        share = (finished_seeds[name] * planned + len(history)) / (seeds * planned)
        text = _progress_text(name, history, planned, done)
        if seeds > 1:
            text = t("progress_seed", text=text, seed=min(finished_seeds[name] + 1, seeds), seeds=seeds)
        st.progress(1.0 if done else min(1.0, share), text=text)
    loss = history_frame({name: h for name, h in histories.items() if h}, lang())
    if not loss.empty:
        labels = [model_label(n, lang()) for n in names]
        colors = charts.subset_scale(charts.series_colors("-", labels, []), labels)
        st.altair_chart(
            charts.loss_chart(loss, colors, t("live_loss_title"), t("loss_axis"), t("epoch_axis")),
            width="stretch", key="prices_live_loss",
        )


def _progress_text(name: str, history: list[Progress], planned: int, done: bool) -> str:
    label = model_label(name, lang())
    if not history:
        return t("progress_waiting", model=label)
    last = history[-1]
    val = "-" if last.val_loss is None else f"{last.val_loss:.5f}"
    key = "progress_done" if done else "progress_epoch"
    return t(key, model=label, epoch=last.epoch, epochs=planned, train=f"{last.train_loss:.5f}", val=val,
             seconds=f"{last.seconds:.1f}")


def _render_notice() -> None:
    notice = state.notice()
    if notice is None:
        return
    if notice.level == "success":
        st.success(t("trained_notice"), icon=":material/check_circle:")
    elif notice.level == "warning":
        st.warning(notice.error.message(lang()), icon=":material/stop_circle:")
    else:
        st.error(notice.error.message(lang()), icon=":material/error:")
