"""Real Chromium through chromedriver (Debian's packages) against a real waitress server.

Nothing is downloaded: selenium is pointed at /usr/bin/chromedriver, never
at selenium-manager. Without Chromium the tests FAIL under CI (CI=true) and
are skipped elsewhere, saying how to install it. Screenshots go to
artifacts/screenshots/ (git-ignored) for a person to look at.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from search import Engine
from web import create_app
from web.serving import BackgroundServer, serve_in_background

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
INSTALL = (
    "install them with `apt-get install -y --no-install-recommends chromium chromium-driver` "
    "(scripts/test does)"
)
# The closed network refuses Chromium's background connections; these keep it quiet and quick.
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--window-size=1280,900",
    "--lang=en-US",
)


def _require_chromium() -> None:
    missing = [str(path) for path in (CHROMIUM, CHROMEDRIVER) if not path.exists()]
    if not missing:
        return
    message = f"browser tests need {' and '.join(missing)}: {INSTALL}"
    if os.environ.get("CI"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def live_server(web_index: Path) -> Iterator[BackgroundServer]:
    """The sample index plus the hostile documents, served by waitress on a free port."""
    with Engine.open(web_index) as engine:
        server = serve_in_background(create_app(engine), threads=4)
        yield server
        server.stop()


@pytest.fixture(scope="session")
def chromium() -> Iterator[object]:
    _require_chromium()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    profile = tempfile.TemporaryDirectory(prefix="chromium-profile-")
    for flag in (*CHROMIUM_FLAGS, f"--user-data-dir={profile.name}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()
        profile.cleanup()


@pytest.fixture
def browser(chromium, live_server: BackgroundServer):
    """The shared Chromium, starting each test with no cookies (interface language from scratch)."""
    chromium.get(f"{live_server.url}/healthz")
    chromium.delete_all_cookies()
    chromium.get_log("browser")  # drop what earlier tests left
    return chromium


@pytest.fixture
def screenshot(browser):
    """Save a full-page screenshot as artifacts/screenshots/NAME.png."""

    def save(name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        height, chrome = browser.execute_script(
            "return [document.documentElement.scrollHeight, window.outerHeight - window.innerHeight]"
        )
        browser.set_window_size(1280, min(max(height, 700), 4000) + chrome)
        path = SCREENSHOTS / f"{name}.png"
        assert browser.save_screenshot(str(path)), path
        browser.set_window_size(1280, 900)
        return path

    return save
