"""The prices tab."""

import streamlit as st

from ui.i18n import t


def render() -> None:
    st.info(t("tab_prices"))
