"""Look inside a trained MNIST model: one digit, its class probabilities row by row, the gates, and
the check that the from-scratch cells compute what torch's layers compute.
"""

from __future__ import annotations

import logging

import numpy as np
import streamlit as st

from forecast.mnist import equivalence_check, gate_activations, row_probabilities
from ui import mnist_charts
from ui.about_tab import GRU_EQUATIONS, LSTM_EQUATIONS, TEXTBOOK_GRU_UPDATE
from ui.i18n import keep_on_language_switch, lang, option_formatter, t
from ui.mnist_job import MnistRun
from ui.result_data import model_label

logger = logging.getLogger(__name__)

# Gates drawn per cell kind, in the order of the equations. Gates are sigmoid
# outputs in (0, 1); the others are tanh values or the unbounded cell state.
GATES = {
    "gru": ("reset", "update", "candidate"),
    "lstm": ("input", "forget", "output", "cell_state"),
}
SIGNED = {"candidate", "cell_state"}
EQUIVALENCE_TOLERANCE = 1e-5  # float32 rounding over 28 steps stays far below this
keep_on_language_switch("mnist_inside_model", "mnist_direction")


def render_inside(run: MnistRun) -> None:
    """Draw the look-inside section for one chosen model and test digit."""
    st.subheader(t("mnist_ui_inside_header"))
    st.caption(t("mnist_ui_inside_intro"))
    names = list(run.results)
    if st.session_state.get("mnist_inside_model") not in names:
        st.session_state.pop("mnist_inside_model", None)  # a model of an earlier run
    model_column, digit_column, direction_column = st.columns(3)
    name = model_column.selectbox(
        t("mnist_ui_model_shown"), names, key="mnist_inside_model", format_func=option_formatter("model_")
    )
    last = len(run.test_labels) - 1
    if st.session_state.get("mnist_digit", 0) > last:
        st.session_state["mnist_digit"] = 0  # a shorter test set than the last run's
    index = int(digit_column.number_input(
        t("mnist_ui_digit_label"), min_value=0, max_value=last, value=0, step=1, key="mnist_digit",
        help=t("mnist_ui_digit_help", last=last),
    ))
    direction = 0
    if name == "bilstm":
        direction = direction_column.radio(
            t("mnist_ui_direction_label"), (0, 1), format_func=option_formatter("mnist_ui_direction_"),
            key="mnist_direction", help=t("mnist_ui_direction_help"),
        )
    try:
        _render_digit(run, name, index, direction)
    except Exception:  # noqa: BLE001 - a bug in one view must not end the session
        logger.exception("look-inside view failed for %s, test digit %d", name, index)
        st.error(t("mnist_ui_inside_crashed"), icon=":material/error:")
    _render_equations()


def _render_digit(run: MnistRun, name: str, index: int, direction: int) -> None:
    result = run.results[name]
    image = run.test_images[index]
    model = result.model
    probabilities = row_probabilities(model, image)  # (T, C)

    image_column, chart_column = st.columns([1, 4])
    image_column.image(image, width=140)
    image_column.markdown(t(
        "mnist_ui_digit_caption", true=int(run.test_labels[index]), predicted=int(result.predictions[index]),
        confidence=f"{probabilities[-1].max():.1%}",
    ))
    chart_column.altair_chart(
        mnist_charts.probability_chart(
            probabilities, t("mnist_ui_probabilities_title", model=model_label(name, lang())),
            t("mnist_ui_row_axis"), t("mnist_ui_class_axis"),
        ),
        width="stretch", key="mnist_probabilities_chart",
    )
    st.caption(t("mnist_ui_probabilities_note", row=_first_confident_row(probabilities, int(result.predictions[index]))))

    _render_gates(model, name, image, direction)
    _render_equivalence(model, image)


def _first_confident_row(probabilities: np.ndarray, predicted: int) -> str:
    # The first row from which the final prediction stays the arg-max to the end.
    leading = probabilities.argmax(axis=1) == predicted
    if not leading[-1]:
        return "-"
    changed = np.flatnonzero(~leading)
    return str(int(changed[-1]) + 2 if len(changed) else 1)


def _render_gates(model, name: str, image: np.ndarray, direction: int) -> None:
    st.markdown(f"**{t('mnist_ui_gates_header')}**")
    gates = gate_activations(model, image, direction=direction)
    kind = "gru" if name == "gru" else "lstm"
    hidden = next(iter(gates.values())).shape[1]
    if hidden > mnist_charts.MAX_UNITS:
        st.caption(t("mnist_ui_units_cut", shown=mnist_charts.MAX_UNITS, hidden=hidden))
    columns = st.columns(2)
    for position, gate in enumerate(GATES[kind]):
        column = columns[position % 2]
        column.altair_chart(
            mnist_charts.gate_chart(
                gates[gate], t(f"mnist_ui_gate_{gate}_title"), t("mnist_ui_row_axis"), t("mnist_ui_unit_axis"),
                signed=gate in SIGNED,
            ),
            width="stretch", key=f"mnist_gate_{gate}_chart",
        )
        column.caption(t(f"mnist_ui_gate_{gate}_about"))


def _render_equivalence(model, image: np.ndarray) -> None:
    st.markdown(f"**{t('mnist_ui_equivalence_header')}**")
    st.caption(t("mnist_ui_equivalence_intro"))
    differences = equivalence_check(model, image)
    output_column, state_column = st.columns(2)
    output_column.metric(t("mnist_ui_equivalence_output"), f"{differences['output']:.2e}")
    state_column.metric(t("mnist_ui_equivalence_state"), f"{differences['h_n']:.2e}")
    largest = max(differences.values())
    if largest < EQUIVALENCE_TOLERANCE:
        st.success(t("mnist_ui_equivalence_ok", tolerance=f"{EQUIVALENCE_TOLERANCE:g}"), icon=":material/check_circle:")
    else:
        st.warning(t("mnist_ui_equivalence_off", difference=f"{largest:.2e}", tolerance=f"{EQUIVALENCE_TOLERANCE:g}"))


def _aligned(lines: tuple[str, ...]) -> str:
    return r"\begin{aligned}" + r" \\ ".join(line.replace("=", "&=", 1) for line in lines) + r"\end{aligned}"


def _render_equations() -> None:
    with st.expander(t("mnist_ui_equations_header")):
        lstm_column, gru_column = st.columns(2)
        with lstm_column:
            st.markdown(f"**{t('mnist_ui_equations_lstm')}**")
            st.latex(_aligned(LSTM_EQUATIONS))
            st.caption(t("mnist_ui_equations_lstm_note"))
        with gru_column:
            st.markdown(f"**{t('mnist_ui_equations_gru')}**")
            st.latex(_aligned(GRU_EQUATIONS))
            st.caption(t("mnist_ui_equations_gru_note"))
            st.latex(TEXTBOOK_GRU_UPDATE)
            st.caption(t("mnist_ui_equations_gru_mirror"))
