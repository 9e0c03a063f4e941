"""A document whose title, body, source, id and URL carry script payloads renders as text."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

pytestmark = pytest.mark.browser

XSS_ID = 'xss-"><svg onload=alert(1)>'


def assert_no_dialog(browser) -> None:
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # noqa: B018 (reading it is the check)


def injected_elements(browser) -> int:
    """Elements a payload would have created: the page itself has none of these in main
    (but one SVG, the timeline's, drawn by _timeline.html)."""
    return browser.execute_script(
        "return document.querySelectorAll("
        "'main script, main img, main svg:not(figure.timeline > svg.timeline-chart), main iframe, main b, "
        "[onerror], [onload], [onmouseover]'"
        ").length + Math.max(document.querySelectorAll('main svg.timeline-chart').length - 1, 0)"
    )


def test_hostile_document_renders_as_text(browser, live_server, screenshot, hostile_documents) -> None:
    hostile = hostile_documents[0]
    browser.get(f"{live_server.url}/?q={quote('Palmyra checkpoint')}&ui=en")
    WebDriverWait(browser, 10).until(lambda driver: driver.find_elements(By.CSS_SELECTOR, "li.hit"))
    assert_no_dialog(browser)
    assert injected_elements(browser) == 0
    [hit] = [
        hit
        for hit in browser.find_elements(By.CSS_SELECTOR, "li.hit")
        if hit.get_attribute("data-id") == XSS_ID
    ]
    assert hit.find_element(By.CSS_SELECTOR, ".hit-title").text == hostile["title"]
    assert "<script>alert(1)</script>" in hit.find_element(By.CSS_SELECTOR, ".snippet").text
    assert hit.find_element(By.CSS_SELECTOR, ".source").text == hostile["source"]
    assert not hit.find_elements(By.CSS_SELECTOR, "a.original")  # javascript: is never linked
    screenshot("xss-results")

    hit.find_element(By.CSS_SELECTOR, ".hit-title a").click()
    WebDriverWait(browser, 10).until(lambda driver: "/doc/" in driver.current_url)
    assert_no_dialog(browser)
    assert injected_elements(browser) == 0
    assert browser.find_element(By.TAG_NAME, "h1").text == hostile["title"]
    body = browser.find_element(By.CSS_SELECTOR, ".article-body").text
    assert "<img src=x onerror=alert(1)>" in body and "<a href=javascript:alert(1)>click</a>" in body
    marks = [mark.text for mark in browser.find_elements(By.CSS_SELECTOR, ".article-body mark")]
    assert marks == ["Palmyra", "checkpoints", "Palmyra"]
    assert browser.execute_script("return document.title").startswith("Palmyra checkpoint <script>")
    screenshot("xss-document")


def test_hostile_query_renders_as_text(browser, live_server) -> None:
    payload = '"><img src=x onerror=alert(1)><script>alert(2)</script>'
    browser.get(f"{live_server.url}/?q={quote(payload)}&ui=en")
    assert_no_dialog(browser)
    assert injected_elements(browser) == 0
    assert browser.find_element(By.ID, "q").get_attribute("value") == payload
