"""The app's language: a sidebar switch whose default follows the browser.

Choice widgets (radio, selectbox, multiselect) send their value back to the
server as the displayed option text. After a language switch that text no
longer matches any option, and Streamlit would reset the widget to its
default. Widgets registered with :func:`keep_on_language_switch` are
re-assigned their current value when the language changes, which keeps them.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from forecast.messages import MESSAGES, translate

LANGUAGE_LABELS = {"ko": "한국어", "en": "English"}
LANGUAGE_KEY = "lang"
_KEPT_KEYS: set[str] = set()  # widget keys (static names, no user data) kept across a language switch


def browser_language() -> str:
    """Return "ko" when the browser asks for Korean (``ko``, ``ko-KR`` ...), else "en"."""
    locale = st.context.locale or ""
    return "ko" if locale.lower().startswith("ko") else "en"


def keep_on_language_switch(*keys: str) -> None:
    """Register choice widgets whose option texts are translated, so a switch keeps their value."""
    _KEPT_KEYS.update(keys)


def _keep_choices() -> None:
    # Runs before the script, while the previous run's widget metadata still
    # decodes the old option texts; the assignment stores the decoded value.
    for key in _KEPT_KEYS:
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]


def language_switch() -> str:
    """Draw the 한국어 / English switch in the sidebar and return the chosen language."""
    if LANGUAGE_KEY not in st.session_state:
        st.session_state[LANGUAGE_KEY] = browser_language()
    st.sidebar.radio(
        "Language / 언어", list(LANGUAGE_LABELS), format_func=LANGUAGE_LABELS.get, key=LANGUAGE_KEY,
        horizontal=True, on_change=_keep_choices,
    )
    return st.session_state[LANGUAGE_KEY]


def lang() -> str:
    """Return the session's language, "ko" or "en"."""
    return st.session_state.get(LANGUAGE_KEY, "en")


def t(key: str, **params) -> str:
    """Translate ``key`` into the session's language."""
    return translate(key, lang(), **params)


def option_formatter(prefix: str) -> Callable[[object], str]:
    """Return a ``format_func`` that shows option ``x`` as message ``prefix + x``.

    The language is fixed when the formatter is made, so the function gives
    the same texts as the widget drawn with it, even when called later.
    """
    current = lang()
    return lambda option: translate(f"{prefix}{option}", current)


def column_label(column: str, language: str | None = None) -> str:
    """Return a price column's display name, such as "종가 (Close)" in Korean.

    Columns without an entry in the catalogue (extras such as "Turnover") keep their name.
    """
    key = f"column_{column}"
    return translate(key, language or lang()) if key in MESSAGES else column


def column_formatter() -> Callable[[str], str]:
    """Return :func:`column_label` fixed to the current language, for ``format_func``."""
    current = lang()
    return lambda column: column_label(column, current)
