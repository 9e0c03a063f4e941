"""The timeline in a real Chromium: bars drawn in colour under the CSP, named for screen readers
in both interface languages, oldest on the left in both, and a click narrows to the bar's month."""

from __future__ import annotations

from urllib.parse import parse_qs, quote, urlsplit

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from tests.browser.test_search_page import console_problems, hits, open_page, total

pytestmark = pytest.mark.browser

QUERY = "سوريا OR Syria"
# The badges' colours in style.css (--badge-ar, --badge-en), as the browser computes them.
FILLS = {"ar": "rgb(15, 95, 75)", "en": "rgb(59, 63, 158)"}


def bars(browser) -> list:
    return browser.find_elements(By.CSS_SELECTOR, "svg.timeline-chart a.timeline-bar")


def text_of(browser, element) -> str:
    return browser.execute_script("return arguments[0].textContent", element).strip()


@pytest.mark.parametrize(
    ("ui", "title", "first", "counts"),
    [
        ("en", "Results per month", "November 2025", "{ar} Arabic, {en} English"),
        ("ar", "النتائج حسب الشهر", "نوفمبر 2025", "{ar} بالعربية، {en} بالإنجليزية"),
    ],
)
def test_the_timeline_draws_stacked_bars_with_accessible_names(
    browser, live_server, screenshot, ui: str, title: str, first: str, counts: str
) -> None:
    open_page(browser, f"{live_server.url}/?q={quote(QUERY)}&ui={ui}")
    chart = browser.find_element(By.CSS_SELECTOR, "svg.timeline-chart")
    assert chart.is_displayed() and chart.rect["height"] > 40 and chart.rect["width"] > 300
    assert chart.accessible_name == title
    assert text_of(browser, browser.find_element(By.ID, "timeline-chart-desc")).count("2025") >= 2
    table = browser.find_element(By.CSS_SELECTOR, "figure.timeline table")
    hidden = table.find_element(By.XPATH, "..")
    assert hidden.rect["width"] <= 1 and hidden.rect["height"] <= 1  # visually hidden, still read out
    rows = [
        [text_of(browser, cell) for cell in row.find_elements(By.CSS_SELECTOR, "th, td")]
        for row in table.find_elements(By.CSS_SELECTOR, "tbody tr")
    ]
    assert rows[0][0] == first
    found = bars(browser)
    assert len(found) == len(rows) >= 4
    for bar, (label, arabic, english, total_count) in zip(found, rows, strict=True):
        assert bar.get_attribute("data-total") == total_count
        segments = bar.find_elements(By.CSS_SELECTOR, "rect.segment")
        assert segments and all(segment.rect["height"] > 0 for segment in segments)
        for segment in segments:
            language = segment.get_attribute("class").split("segment-")[-1]
            assert (
                browser.execute_script("return getComputedStyle(arguments[0]).fill", segment)
                == FILLS[language]
            )
        # What a screen reader says for the link is its <title>: the period and its counts.
        assert bar.accessible_name == f"{label}: {counts.format(ar=arabic, en=english)}"
    lefts = [bar.rect["x"] for bar in found]
    assert lefts == sorted(lefts) and lefts[0] < lefts[-1]  # oldest on the left, in Arabic too
    assert console_problems(browser) == []  # nothing blocked by the CSP
    screenshot(f"timeline-{ui}")


def test_clicking_a_bar_applies_its_month(browser, live_server, screenshot) -> None:
    open_page(browser, f"{live_server.url}/?q={quote(QUERY)}&ui=en&sort=newest")
    tallest = max(bars(browser), key=lambda bar: int(bar.get_attribute("data-total")))
    period, count = tallest.get_attribute("data-period"), int(tallest.get_attribute("data-total"))
    tallest.find_element(By.CSS_SELECTOR, "rect.segment").click()
    WebDriverWait(browser, 10).until(lambda driver: "month=" in driver.current_url)
    query = parse_qs(urlsplit(browser.current_url).query)
    assert query["month"] == [period] and query["q"] == [QUERY] and query["sort"] == ["newest"]
    assert total(browser) == count
    assert all(
        hit.find_element(By.TAG_NAME, "time").get_attribute("datetime").startswith(period)
        for hit in hits(browser)
    )
    chips = [chip.text for chip in browser.find_elements(By.CSS_SELECTOR, ".active-filters .chip")]
    assert any("December" in chip for chip in chips)
    # Within the month the chart has a bar per day, each linking to its day.
    assert browser.find_element(By.CSS_SELECTOR, "figure.timeline").get_attribute("data-unit") == "day"
    days = bars(browser)
    assert days and all(bar.get_attribute("data-period").startswith(period) for bar in days)
    screenshot("timeline-month-days")
