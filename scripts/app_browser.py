"""Run the Streamlit app on a loopback port and drive it with Debian's Chromium.

Shared by ``tests/test_browser.py`` and ``scripts/screenshot.py``. Playwright
drives the system Chromium at ``/usr/bin/chromium``; no browser is
downloaded. Every label is looked up in the message catalogue, so the same
steps work in Korean and English.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from forecast.messages import translate

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update"]
STARTUP_TIMEOUT_S = 60


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_healthy(url: str, process: subprocess.Popen, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with code {process.returncode} before it served {url}")
        with contextlib.suppress(OSError):
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        time.sleep(0.3)
    raise TimeoutError(f"streamlit did not respond on {url} within {timeout} s")


@contextlib.contextmanager
def running_app(log_path: Path, port: int | None = None) -> Iterator[str]:
    """Start ``streamlit run streamlit_app.py`` headless on 127.0.0.1; yield its URL; stop it after."""
    port = port or free_port()
    command = [
        sys.executable, "-m", "streamlit", "run", "streamlit_app.py", "--server.headless", "true",
        "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
    ]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with open(log_path, "w", encoding="utf-8") as log:
        process = subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env=env)
        url = f"http://127.0.0.1:{port}"
        try:
            _wait_healthy(url, process, STARTUP_TIMEOUT_S)
            yield url
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@contextlib.contextmanager
def chromium_page(playwright, locale: str, width: int = 1400, height: int = 1000):
    """Open a page in the system Chromium with the browser language set to ``locale``."""
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    try:
        context = browser.new_context(locale=locale, viewport={"width": width, "height": height})
        yield context.new_page()
    finally:
        browser.close()


def open_app(page, url: str, lang: str, timeout_ms: float = 60_000) -> None:
    """Load the app and wait until the prices tab has drawn its data section."""
    page.goto(url, wait_until="domcontentloaded")
    page.get_by_text(translate("data_header", lang), exact=True).wait_for(timeout=timeout_ms)


def upload_prices(page, csv_path: Path, lang: str, timeout_ms: float = 30_000) -> None:
    """Choose the upload source, upload ``csv_path`` and wait for the preview."""
    page.get_by_text(translate("source_upload", lang), exact=True).click()
    uploader = page.get_by_test_id("stFileUploader").filter(has_text=translate("upload_label", lang))
    uploader.locator('input[type="file"]').set_input_files(str(csv_path))
    page.get_by_text(translate("preview_rows", lang), exact=True).wait_for(timeout=timeout_ms)


def prices_panel(page, lang: str):
    """Return the prices tab's panel; the MNIST tab has inputs with the same labels."""
    return page.get_by_role("tabpanel", name=translate("tab_prices", lang))


def set_number(page, label_key: str, value: int, lang: str) -> None:
    """Type ``value`` into the prices tab's number input labelled by message ``label_key``."""
    field = prices_panel(page, lang).get_by_label(translate(label_key, lang), exact=True)
    field.fill(str(value))
    field.press("Enter")


def train_and_wait(page, lang: str, timeout_ms: float = 180_000) -> None:
    """Press Train and wait for the metrics table and the charts of the results."""
    page.get_by_role("button", name=translate("train_button", lang)).click()
    page.get_by_text(translate("metrics_title", lang), exact=True).wait_for(timeout=timeout_ms)
    page.get_by_test_id("stDataFrame").first.wait_for(timeout=timeout_ms)
    chart = page.get_by_test_id("stVegaLiteChart")
    # Preview, comparison, small multiples, loss curves and next-day forecast.
    deadline = time.monotonic() + timeout_ms / 1000
    while chart.count() < 5 and time.monotonic() < deadline:
        page.wait_for_timeout(250)
    chart.nth(1).locator("canvas, svg").first.wait_for(timeout=timeout_ms)
