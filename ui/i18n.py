"""The app's language: a sidebar switch whose default follows the browser."""

from __future__ import annotations

import streamlit as st

from forecast.messages import MESSAGES, translate

LANGUAGE_LABELS = {"ko": "한국어", "en": "English"}


def browser_language() -> str:
    """Return "ko" when the browser asks for Korean (``ko``, ``ko-KR`` ...), else "en"."""
    locale = st.context.locale or ""
    return "ko" if locale.lower().startswith("ko") else "en"


def language_switch() -> str:
    """Draw the 한국어 / English switch in the sidebar and return the chosen language."""
    if "lang" not in st.session_state:
        st.session_state["lang"] = browser_language()
    st.sidebar.radio(
        "Language / 언어", list(LANGUAGE_LABELS), format_func=LANGUAGE_LABELS.get, key="lang", horizontal=True
    )
    return st.session_state["lang"]


def lang() -> str:
    """Return the session's language, "ko" or "en"."""
    return st.session_state.get("lang", "en")


def t(key: str, **params) -> str:
    """Translate ``key`` into the session's language."""
    return translate(key, lang(), **params)


def column_label(column: str) -> str:
    """Return a price column's display name, such as "종가 (Close)" in Korean.

    Columns without an entry in the catalogue (extras such as "Turnover") keep their name.
    """
    key = f"column_{column}"
    return t(key) if key in MESSAGES else column
