"""The MNIST tab in a real browser: streamlit run on a loopback port, driven by Debian's Chromium.

Without /usr/bin/chromium the test is skipped, except under CI=true, where a
missing browser is a failure.
"""

from __future__ import annotations

import time

import pytest

from forecast.messages import translate
from scripts.app_browser import chromium_page, open_app, running_app
from test_browser import require_chromium  # skips without Chromium, fails under CI=true

TRAIN_TIMEOUT_MS = 180_000


def mnist_panel(page, lang: str):
    """Return the MNIST tab's panel; the prices tab has fields with the same labels."""
    train = page.get_by_role("button", name=translate("mnist_ui_train_button", lang))
    return page.get_by_role("tabpanel").filter(has=train)


def set_number(panel, label_key: str, value: int, lang: str) -> None:
    field = panel.get_by_label(translate(label_key, lang), exact=True)
    field.fill(str(value))
    field.press("Enter")
    panel.page.wait_for_timeout(300)


def wait_for_charts(page, count: int, timeout_ms: float) -> None:
    charts = page.get_by_test_id("stVegaLiteChart")
    deadline = time.monotonic() + timeout_ms / 1000
    while charts.count() < count and time.monotonic() < deadline:
        page.wait_for_timeout(250)
    assert charts.count() >= count, f"{charts.count()} charts drawn, expected at least {count}"


@pytest.mark.parametrize(("locale", "lang"), [("ko-KR", "ko"), ("en-US", "en")])
def test_mnist_train_on_sample(tmp_path, locale, lang):
    require_chromium()
    playwright_api = pytest.importorskip("playwright.sync_api")

    with running_app(tmp_path / "streamlit.log") as url, playwright_api.sync_playwright() as playwright:
        with chromium_page(playwright, locale) as page:
            open_app(page, url, lang)
            page.get_by_role("tab", name=translate("tab_mnist", lang)).click()
            panel = mnist_panel(page, lang)
            panel.get_by_role("button", name=translate("mnist_ui_train_button", lang)).wait_for(timeout=60_000)
            set_number(panel, "mnist_ui_hidden_size_label", 16, lang)
            set_number(panel, "mnist_ui_epochs_label", 1, lang)
            set_number(panel, "mnist_ui_train_digits_label", 500, lang)

            panel.get_by_role("button", name=translate("mnist_ui_train_button", lang)).click()
            heading = panel.get_by_text(translate("mnist_ui_confusion_header", lang), exact=True)
            heading.wait_for(timeout=TRAIN_TIMEOUT_MS)
            # Confusion matrix, probabilities, three GRU gate heatmaps.
            wait_for_charts(page, 5, TRAIN_TIMEOUT_MS)
            title = translate("mnist_ui_confusion_title", lang, model="GRU")
            matrix = page.get_by_test_id("stVegaLiteChart").filter(has_text=title)
            matrix.locator("canvas, svg").first.wait_for(timeout=TRAIN_TIMEOUT_MS)
            heading.evaluate("element => element.scrollIntoView({block: 'start'})")
            page.wait_for_timeout(500)
            page.screenshot(path=str(tmp_path / f"mnist-{lang}.png"))

    assert (tmp_path / f"mnist-{lang}.png").stat().st_size > 10_000
    log = (tmp_path / "streamlit.log").read_text(encoding="utf-8")
    assert "Traceback" not in log, log[-3000:]
