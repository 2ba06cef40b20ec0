"""Streamlit entry point: page setup, language, and one function per tab.

Run with ``streamlit run streamlit_app.py``. All computation comes from the
``forecast`` package; widgets and charts live in the ``ui`` package.
"""

import logging

import streamlit as st

from ui import about_tab, mnist_tab, prices_tab
from ui.i18n import language_switch, t
from ui.training_job import limit_torch_threads

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")


def main() -> None:
    st.set_page_config(page_title="RNN Forecast Lab", page_icon="📈", layout="wide")
    limit_torch_threads()
    language_switch()
    st.title(t("app_title"))
    prices, mnist, about = st.tabs([t("tab_prices"), t("tab_mnist"), t("tab_about")])
    with prices:
        prices_tab.render()
    with mnist:
        mnist_tab.render()
    with about:
        about_tab.render()


main()
