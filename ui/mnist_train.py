"""The MNIST Train and Stop buttons, live progress and curves, and how the last run ended."""

from __future__ import annotations

import logging

import streamlit as st

from forecast.mnist_data import MnistData
from forecast.training import Progress
from ui import mnist_charts, mnist_job
from ui.i18n import lang, t
from ui.mnist_job import MnistJob, TrainRequest
from ui.result_data import model_label

logger = logging.getLogger(__name__)

POLL_SECONDS = 0.5  # how often the progress panel redraws while a job runs


def render_training(data: MnistData | None, request: TrainRequest | None) -> None:
    """Draw the Train button and, while a job runs, its progress; start a job on click."""
    running = mnist_job.job_running()
    ready = data is not None and request is not None
    clicked = st.button(
        t("mnist_ui_train_button"), key="mnist_train", type="primary", disabled=running or not ready,
        help=t("mnist_ui_train_help") if ready else t("mnist_ui_train_disabled_help"),
    )
    if clicked and ready and not running:
        subset = mnist_job.subset_training(data, request.train_digits, request.seed)
        logger.info(
            "MNIST training requested: %d training digits, models %s, preset %s, impl %s, overrides %s, device %s",
            len(subset.train_labels), ",".join(request.models), request.preset, request.impl, request.overrides,
            request.device,
        )
        mnist_job.start_job(MnistJob(subset, request))
        running = True
    if mnist_job.current_job() is not None:
        st.fragment(_progress_panel, run_every=POLL_SECONDS if running else None)()
    _render_notice()


def _stop_current_job() -> None:
    job = mnist_job.current_job()
    if job is not None:
        job.request_stop()


def _progress_panel() -> None:
    job = mnist_job.current_job()
    if job is None:
        return
    if job.finished:
        st.rerun()  # the full run collects the outcome and draws the results
    current, histories = job.snapshot()
    st.button(
        t("mnist_ui_stop_button"), key="mnist_stop", on_click=_stop_current_job, disabled=job.stop_requested,
        help=t("mnist_ui_stop_help"),
    )
    if job.stop_requested:
        st.caption(t("mnist_ui_stopping"))
    names = list(job.request.models)
    for index, name in enumerate(names):
        done = current is not None and names.index(current) > index
        history = histories[name]
        share = 0.0
        if done:
            share = 1.0
        elif history:
            share = history[-1].step / job.total_steps
        st.progress(min(1.0, share), text=_progress_text(name, history, job, done))
    reports = {name: [_as_report(progress) for progress in history] for name, history in histories.items() if history}
    if reports:
        render_curves(reports, names, "mnist_live")


def _as_report(progress: Progress) -> dict:
    return {"step": progress.step, "train_loss": progress.train_loss, "val_loss": progress.val_loss,
            "val_accuracy": progress.val_metric}


def _progress_text(name: str, history: list[Progress], job: MnistJob, done: bool) -> str:
    label = model_label(name, lang())
    if not history:
        return t("mnist_ui_progress_waiting", model=label)
    last = history[-1]
    key = "mnist_ui_progress_done" if done else "mnist_ui_progress"
    accuracy = "-" if last.val_metric is None else f"{last.val_metric:.1%}"
    return t(key, model=label, epoch=last.epoch, epochs=last.epochs, step=last.step, steps=job.total_steps,
             accuracy=accuracy, loss=f"{last.train_loss:.4f}", seconds=f"{last.seconds:.1f}")


def render_curves(histories: dict[str, list[dict]], names: list[str], key: str) -> None:
    """Draw validation accuracy and loss over steps, side by side, for every model in ``histories``."""
    labels = {name: model_label(name, lang()) for name in names}
    accuracy, loss = mnist_charts.curve_frames(histories, labels, (t("split_train"), t("split_val")))
    colors = mnist_charts.model_scale([labels[name] for name in names])
    left, right = st.columns(2)
    if not accuracy.empty:
        left.altair_chart(
            mnist_charts.accuracy_chart(accuracy, colors, t("mnist_ui_accuracy_title"), t("mnist_ui_accuracy_axis"),
                                        t("mnist_ui_step_axis")),
            width="stretch", key=f"{key}_accuracy",
        )
    right.altair_chart(
        mnist_charts.loss_chart(loss, colors, t("mnist_ui_loss_title"), t("mnist_ui_loss_axis"), t("mnist_ui_step_axis")),
        width="stretch", key=f"{key}_loss",
    )


def _render_notice() -> None:
    notice = st.session_state.get(mnist_job.NOTICE)
    if notice is None:
        return
    level, error = notice.level, notice.error
    if level == "success":
        st.success(t("mnist_ui_trained_notice"), icon=":material/check_circle:")
    elif level == "warning":
        st.warning(error.message(lang()), icon=":material/stop_circle:")
    else:
        st.error(error.message(lang()), icon=":material/error:")
