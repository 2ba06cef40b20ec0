"""The app in a real browser: streamlit run on a loopback port, driven by Debian's Chromium.

Without /usr/bin/chromium the test is skipped, except under CI=true, where a
missing browser is a failure.
"""

from __future__ import annotations

import os

import pytest

from conftest import make_price_frame
from forecast.messages import translate
from scripts.app_browser import CHROMIUM, chromium_page, open_app, running_app, set_number, train_and_wait, upload_prices


def require_chromium() -> None:
    if CHROMIUM.exists():
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{CHROMIUM} is missing; CI must install the chromium package")
    pytest.skip(f"{CHROMIUM} is not installed")


@pytest.mark.parametrize(("locale", "lang"), [("ko-KR", "ko"), ("en-US", "en")])
def test_upload_train_and_compare(tmp_path, locale, lang):
    require_chromium()
    playwright_api = pytest.importorskip("playwright.sync_api")
    csv_path = tmp_path / "prices.csv"
    make_price_frame(260, seed=3).to_csv(csv_path)

    with running_app(tmp_path / "streamlit.log") as url, playwright_api.sync_playwright() as playwright:
        with chromium_page(playwright, locale) as page:
            open_app(page, url, lang)
            page.get_by_role("button", name=translate("train_button", lang)).wait_for(timeout=60_000)
            upload_prices(page, csv_path, lang)
            set_number(page, "window_label", 10, lang)
            set_number(page, "hidden_label", 8, lang)
            set_number(page, "epochs_label", 3, lang)
            page.wait_for_timeout(500)
            train_and_wait(page, lang)
            page.get_by_text(translate("metrics_title", lang), exact=True).scroll_into_view_if_needed()
            page.screenshot(path=str(tmp_path / f"results-{lang}.png"))

    assert (tmp_path / f"results-{lang}.png").stat().st_size > 10_000
    log = (tmp_path / "streamlit.log").read_text(encoding="utf-8")
    assert "Traceback" not in log, log[-3000:]
