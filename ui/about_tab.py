"""The about tab: what the app does, where the data come from, and the cell equations."""

from __future__ import annotations

import streamlit as st

from ui.i18n import t

# [h_{t-1}, x_t] is the previous hidden state and the current input side by side.
LSTM_EQUATIONS = (
    r"f_t = \sigma(W_f [h_{t-1}, x_t] + b_f)",
    r"i_t = \sigma(W_i [h_{t-1}, x_t] + b_i)",
    r"g_t = \tanh(W_g [h_{t-1}, x_t] + b_g)",
    r"o_t = \sigma(W_o [h_{t-1}, x_t] + b_o)",
    r"c_t = f_t \odot c_{t-1} + i_t \odot g_t",
    r"h_t = o_t \odot \tanh(c_t)",
)
# PyTorch's nn.GRU convention: z_t close to 1 keeps the previous state.
GRU_EQUATIONS = (
    r"r_t = \sigma(W_r x_t + b_r + U_r h_{t-1} + b_{hr})",
    r"z_t = \sigma(W_z x_t + b_z + U_z h_{t-1} + b_{hz})",
    r"n_t = \tanh(W_n x_t + b_n + r_t \odot (U_n h_{t-1} + b_{hn}))",
    r"h_t = (1 - z_t) \odot n_t + z_t \odot h_{t-1}",
)
TEXTBOOK_GRU_UPDATE = r"h_t = (1 - z_t) \odot h_{t-1} + z_t \odot n_t"


def _equations(lines: tuple[str, ...]) -> None:
    st.latex(r"\begin{aligned}" + r" \\ ".join(line.replace("=", "&=", 1) for line in lines) + r"\end{aligned}")


def _render_lstm() -> None:
    st.subheader(t("about_lstm_header"))
    _equations(LSTM_EQUATIONS)
    st.markdown(t("about_lstm_gates"))
    st.markdown(t("about_lstm_output_gate"))


def _render_gru() -> None:
    st.subheader(t("about_gru_header"))
    _equations(GRU_EQUATIONS)
    st.markdown(t("about_gru_gates"))
    st.markdown(t("about_gru_convention"))
    st.latex(TEXTBOOK_GRU_UPDATE)
    st.markdown(t("about_gru_convention_after"))


def render() -> None:
    """Draw the about tab."""
    st.subheader(t("about_what_header"))
    st.markdown(t("about_what"))
    st.markdown(t("about_baseline"))
    _render_lstm()
    _render_gru()
    st.subheader(t("about_bilstm_header"))
    st.markdown(t("about_bilstm"))
    st.subheader(t("about_data_header"))
    st.markdown(t("about_data"))
