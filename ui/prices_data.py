"""Price sources (sample, upload, yfinance) and the preview of the loaded data."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

import streamlit as st

from forecast import prices
from forecast.errors import ForecastError
from forecast.messages import Message
from forecast.prices import PriceData
from ui import charts
from ui.i18n import column_formatter, column_label, keep_on_language_switch, lang, option_formatter, t
from ui.state import FETCHED

logger = logging.getLogger(__name__)

SOURCES = ("sample", "upload", "yfinance")
# GOOG's Close has no stock split in the bundled period (AAPL's and MSFT's do),
# so the default target, Close, is a continuous series.
DEFAULT_SAMPLE = "GOOG"
FETCH_TIMEOUT_S = 8.0  # per HTTP response; a failed download must not block the page
UPLOAD_TYPES = ("csv", "txt", "tsv", "xlsx")
# About 80 years of trading days. It bounds the work one upload can cause on a
# shared server; the loader's own limit (prices.DEFAULT_MAX_ROWS) is far higher.
MAX_ROWS = 20_000
TARGET_KEY = "prices_target"
keep_on_language_switch("prices_source", TARGET_KEY)


@dataclass(frozen=True)
class LoadedData:
    """The price data in use and the name shown for it."""

    data: PriceData
    label: Message  # rendered in the session's language when shown


@st.cache_data(max_entries=len(prices.SAMPLES), show_spinner=False)
def load_sample_cached(ticker: str) -> PriceData:
    return prices.load_sample(ticker)


@st.cache_data(max_entries=16, ttl=3600, show_spinner=False)
def load_upload_cached(content: bytes, name: str, max_rows: int) -> PriceData:
    """Parse an uploaded file; keyed on its bytes and name, so a re-upload is free."""
    return prices.load_prices(content, name=name, max_rows=max_rows)


def show_error(error: ForecastError) -> None:
    st.error(error.message(lang()), icon=":material/error:")


def render_source() -> LoadedData | None:
    """Draw the source picker and return the loaded data, or None with the reason on screen."""
    st.subheader(t("data_header"))
    source = st.radio(
        t("source_label"), SOURCES, format_func=option_formatter("source_"), key="prices_source", horizontal=True
    )
    try:
        if source == "sample":
            return _sample_source()
        if source == "upload":
            return _upload_source()
        return _yfinance_source()
    except ForecastError as error:
        logger.warning("price data rejected (%s source): %s", source, error.key)
        show_error(error)
    except Exception:  # noqa: BLE001 - a loader bug must not end the session
        logger.exception("loading prices failed (%s source)", source)
        st.error(t("app_load_crashed"), icon=":material/error:")
    return None


def _sample_source() -> LoadedData:
    ticker = st.selectbox(
        t("sample_label"), prices.SAMPLES, index=prices.SAMPLES.index(DEFAULT_SAMPLE), key="prices_sample",
        help=t("sample_help"),
    )
    return LoadedData(load_sample_cached(ticker), Message("label_sample", {"ticker": ticker}))


def _upload_source() -> LoadedData | None:
    limits = {"megabytes": st.get_option("server.maxUploadSize"), "rows": f"{MAX_ROWS:,}"}
    upload = st.file_uploader(
        t("upload_label"), type=list(UPLOAD_TYPES), key="prices_upload", help=t("upload_help", **limits)
    )
    if upload is None:
        st.info(t("upload_waiting"))
        return None
    content = upload.getvalue()
    logger.info("price upload %s: %d bytes", upload.name, len(content))
    return LoadedData(load_upload_cached(content, upload.name, MAX_ROWS), Message("label_upload", {"name": upload.name}))


def _yfinance_source() -> LoadedData | None:
    today = dt.date.today()
    ticker_column, start_column, end_column = st.columns([2, 1, 1])
    ticker = ticker_column.text_input(t("ticker_label"), value="AAPL", key="prices_ticker", help=t("ticker_help"))
    start = start_column.date_input(t("start_label"), value=today - dt.timedelta(days=5 * 365), key="prices_start")
    end = end_column.date_input(t("end_label"), value=today, key="prices_end")
    if st.button(t("fetch_button"), key="prices_fetch"):
        st.session_state.pop(FETCHED, None)
        with st.spinner(t("fetching", ticker=ticker)):
            # End is exclusive in yfinance; one day more includes the chosen end date.
            data = prices.fetch(ticker, start, end + dt.timedelta(days=1), timeout=FETCH_TIMEOUT_S)
        st.session_state[FETCHED] = LoadedData(data, Message("label_yfinance", {"ticker": ticker.strip().upper()}))
    fetched = st.session_state.get(FETCHED)
    if fetched is None:
        st.info(t("fetch_waiting"))
    return fetched


def choose_target(data: PriceData) -> str:
    """Draw the target picker (default Close) and return the chosen column."""
    options = data.price_columns
    if st.session_state.get(TARGET_KEY) not in options:
        st.session_state.pop(TARGET_KEY, None)
    default = options.index("Close") if "Close" in options else 0
    return st.selectbox(
        t("target_label"), options, index=default, key=TARGET_KEY, format_func=column_formatter(), help=t("target_help")
    )


def render_preview(loaded: LoadedData, target: str) -> None:
    """Show the price chart, the size, the recognised columns and the loader's report."""
    frame, report = loaded.data.frame, loaded.data.report
    first, last = frame.index[0].date(), frame.index[-1].date()
    chart = charts.price_chart(frame, target, t("preview_title", data=loaded.label.text(lang()), column=column_label(target)),
                               column_label(target))
    st.altair_chart(chart, width="stretch", key="prices_preview_chart")
    rows_column, first_column, last_column, target_column = st.columns(4)
    rows_column.metric(t("preview_rows"), f"{len(frame):,}")
    first_column.metric(t("preview_first"), str(first))
    last_column.metric(t("preview_last"), str(last))
    target_column.metric(t("preview_target"), column_label(target))
    st.caption(t("preview_columns", columns=", ".join(column_label(c) for c in frame.columns)))
    if target == "Close" and any(m.key == "warn_probable_split" for m in report.warnings):
        st.info(t("split_hint"))
    _render_report(report)


def _render_report(report: prices.LoadReport) -> None:
    if not report.repairs and not report.warnings:
        st.caption(t("report_clean"))
        return
    with st.expander(t("report_title", repairs=len(report.repairs), warnings=len(report.warnings))):
        for message in report.repairs:
            st.markdown(f"- :material/build: {message.text(lang())}")
        for message in report.warnings:
            st.markdown(f"- :material/warning: {message.text(lang())}")
