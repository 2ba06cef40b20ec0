"""Take the screenshot of the results view shown in the READMEs.

Starts ``streamlit run`` on a free loopback port, opens it in Debian's
Chromium with a Korean (or English) browser language, trains with the
default settings on the default sample, and saves the results view.
Prints how long the default first run took, from pressing Train to the
drawn results.

Usage, from the repository root::

    python scripts/screenshot.py                      # docs/screenshot-results.png, Korean
    python scripts/screenshot.py --lang en --out docs/screenshot-results-en.png
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from forecast.messages import translate  # noqa: E402
from scripts.app_browser import chromium_page, open_app, running_app, train_and_wait  # noqa: E402

LOCALES = {"ko": "ko-KR", "en": "en-US"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lang", choices=tuple(LOCALES), default="ko", help="browser language (default: ko)")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshot-results.png", help="PNG to write")
    parser.add_argument("--height", type=int, default=2300, help="viewport height in pixels (default: 2300)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder, running_app(Path(folder) / "streamlit.log") as url:
        with sync_playwright() as playwright, chromium_page(playwright, LOCALES[args.lang], height=args.height) as page:
            open_app(page, url, args.lang)
            started = time.perf_counter()
            train_and_wait(page, args.lang, timeout_ms=600_000)
            print(f"default first run: {time.perf_counter() - started:.1f} s from Train to drawn results")
            page.get_by_text(translate("results_header", args.lang), exact=True).scroll_into_view_if_needed()
            page.get_by_text(translate("results_header", args.lang), exact=True).evaluate(
                "element => element.scrollIntoView({block: 'start'})"
            )
            page.wait_for_timeout(2500)  # let Vega finish drawing after the scroll
            args.out.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(args.out))
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
