"""Copies of one story in a real Chromium: folded under one hit, opened with <details>, in both languages."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from selenium.webdriver.common.by import By

from tests.browser.test_search_page import console_problems, hits, open_page

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    ("query", "ui", "summary", "copies"),
    [
        ("Deir Ali power station", "en", "2 similar from ", 2),
        ("محطة عين الفيجة", "ar", "نسخة مشابهة من بوابة الشام", 1),
    ],
)
def test_similar_copies_fold_and_unfold(browser, live_server, query, ui, summary, copies) -> None:
    open_page(browser, f"{live_server.url}/?q={quote(query)}&ui={ui}")
    [hit] = hits(browser)
    details = hit.find_element(By.CSS_SELECTOR, "details.similar")
    assert details.get_attribute("dir") == ("rtl" if ui == "ar" else "ltr")
    toggle = details.find_element(By.TAG_NAME, "summary")
    assert toggle.text.startswith(summary)
    listed = details.find_elements(By.CSS_SELECTOR, "li.similar-copy")
    assert len(listed) == copies and not listed[0].is_displayed()  # folded until asked
    toggle.click()
    assert details.get_attribute("open") is not None and all(copy.is_displayed() for copy in listed)
    link = listed[0].find_element(By.CSS_SELECTOR, "a")
    assert "/doc/sample-" in link.get_attribute("href")
    assert not console_problems(browser)  # no script was needed, none was blocked


def test_no_collapse_lists_every_copy(browser, live_server) -> None:
    open_page(browser, f"{live_server.url}/?q={quote('Deir Ali power station')}&collapse=0")
    assert len(hits(browser)) == 3
    assert not browser.find_elements(By.CSS_SELECTOR, "details.similar")
