"""The search page in a real Chromium: what a reader sees and can do, in both languages."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from search import Engine

pytestmark = pytest.mark.browser


def open_page(browser, url: str) -> None:
    browser.get(url)
    WebDriverWait(browser, 10).until(
        lambda driver: driver.execute_script("return document.readyState") == "complete"
    )


def hits(browser) -> list:
    return browser.find_elements(By.CSS_SELECTOR, "li.hit")


def total(browser) -> int:
    summary = browser.find_element(By.ID, "summary").text
    return int("".join(ch for ch in summary.split(" in ")[0] if ch.isdigit()))


def computed(browser, element, prop: str) -> str:
    return browser.execute_script("return getComputedStyle(arguments[0])[arguments[1]]", element, prop)


def console_problems(browser) -> list[str]:
    """Console errors, CSP violations included: a blocked script or style shows up here."""
    return [
        entry["message"] for entry in browser.get_log("browser") if entry["level"] in ("SEVERE", "WARNING")
    ]


def expected_total(web_index: Path, query: str) -> int:
    with Engine.open(web_index) as engine:
        return engine.search(query).total


def test_arabic_query_shows_rtl_hits_with_marks(browser, live_server, screenshot, web_index) -> None:
    open_page(browser, f"{live_server.url}/?q={quote('داعش')}&ui=en")
    found = hits(browser)
    assert len(found) == 10 and total(browser) == expected_total(web_index, "داعش")
    first = found[0]
    assert first.get_attribute("dir") == "rtl" and computed(browser, first, "direction") == "rtl"
    title = first.find_element(By.CSS_SELECTOR, ".hit-title")
    assert computed(browser, title, "textAlign") in ("start", "right")
    # The title's right edge sits at the list's right edge: laid out right to left.
    hit_box, title_box = first.rect, title.find_element(By.TAG_NAME, "a").rect
    assert abs((hit_box["x"] + hit_box["width"]) - (title_box["x"] + title_box["width"])) < 2
    marks = [mark.text for mark in first.find_elements(By.CSS_SELECTOR, ".snippet mark")]
    assert marks and all(mark.replace("ـ", "").endswith("داعش") for mark in marks)
    assert computed(browser, first.find_element(By.TAG_NAME, "mark"), "backgroundColor") != "rgba(0, 0, 0, 0)"
    assert console_problems(browser) == []
    screenshot("arabic-query")
    # Bilingual: the English articles that say ISIS are in the same results (aliases).
    languages = [link.text for link in browser.find_elements(By.CSS_SELECTOR, ".facet-lang a.facet-value")]
    assert len(languages) == 2 and any(label.startswith("English") for label in languages)
    open_page(browser, f"{live_server.url}/?q={quote('داعش')}&ui=en&lang=en")
    english = hits(browser)
    assert english and all(hit.get_attribute("dir") == "ltr" for hit in english)
    marks = {mark.text for hit in english for mark in hit.find_elements(By.CSS_SELECTOR, ".snippet mark")}
    assert marks & {"ISIS", "Islamic State", "Daesh", "ISIL"}  # the form each article uses
    screenshot("arabic-query-english-hits")


def test_english_query_shows_ltr_hits(browser, live_server, screenshot) -> None:
    open_page(browser, f"{live_server.url}/?q=Palmyra&ui=en")
    found = hits(browser)
    assert found and {hit.get_attribute("lang") for hit in found} == {"en"}
    assert all(computed(browser, hit, "direction") == "ltr" for hit in found)
    assert {mark.text for mark in browser.find_elements(By.CSS_SELECTOR, "li.hit mark")} == {"Palmyra"}
    screenshot("english-query")


def test_box_has_focus_and_enter_searches(browser, live_server) -> None:
    open_page(browser, f"{live_server.url}/?ui=en")
    box = browser.switch_to.active_element
    assert box.get_attribute("id") == "q" and box.get_attribute("dir") == "auto"
    box.send_keys("تدمر", Keys.ENTER)
    WebDriverWait(browser, 10).until(
        expected_conditions.presence_of_element_located((By.CSS_SELECTOR, "li.hit"))
    )
    assert parse_qs(urlsplit(browser.current_url).query)["q"] == ["تدمر"]
    assert all(hit.get_attribute("dir") == "rtl" for hit in hits(browser))
    # "/" brings the focus back to the box: our own script runs under the CSP.
    browser.find_element(By.TAG_NAME, "body").click()
    browser.find_element(By.TAG_NAME, "body").send_keys("/")
    assert browser.switch_to.active_element.get_attribute("id") == "q"
    assert console_problems(browser) == []


def test_mixed_list_and_facet_click_narrows(browser, live_server, screenshot) -> None:
    open_page(browser, f"{live_server.url}/?q={quote('سوريا OR Syria')}&ui=en")
    everything = total(browser)
    directions = {(hit.get_attribute("lang"), computed(browser, hit, "direction")) for hit in hits(browser)}
    assert ("ar", "rtl") in directions or everything > 10
    english = browser.find_element(By.CSS_SELECTOR, 'a.facet-value[data-facet="lang"][data-value="en"]')
    count = int(english.find_element(By.CSS_SELECTOR, ".count").text)
    assert 0 < count < everything
    english.click()
    WebDriverWait(browser, 10).until(
        expected_conditions.presence_of_element_located((By.CSS_SELECTOR, ".chip"))
    )
    assert total(browser) == count
    assert {hit.get_attribute("lang") for hit in hits(browser)} == {"en"}
    chip = browser.find_element(By.CSS_SELECTOR, ".active-filters .chip")
    assert chip.get_attribute("aria-label") == "Remove filter: English"
    screenshot("facet-narrowed")
    chip.click()
    WebDriverWait(browser, 10).until(lambda driver: not driver.find_elements(By.CSS_SELECTOR, ".chip"))
    assert total(browser) == everything


def test_misspelt_query_shows_results_for_the_correction(browser, live_server, screenshot, web_index) -> None:
    open_page(browser, f"{live_server.url}/?q={quote('داعيش')}&ui=en")
    corrected = browser.find_element(By.CSS_SELECTOR, '.spelling[data-kind="corrected"]')
    assert (
        corrected.text.startswith("Showing results for داعش.")
        and "Search instead for داعيش" in corrected.text
    )
    assert total(browser) == expected_total(web_index, "داعش")
    screenshot("spelling-corrected")
    corrected.find_element(By.CSS_SELECTOR, "a.verbatim").click()
    WebDriverWait(browser, 10).until(lambda driver: driver.find_elements(By.CSS_SELECTOR, ".empty"))
    assert not hits(browser) and "«داعيش»" in browser.find_element(By.CSS_SELECTOR, ".empty-title").text


def test_pagination(browser, live_server) -> None:
    open_page(browser, f"{live_server.url}/?q={quote('سوريا OR Syria')}&ui=en")
    first_page = [hit.get_attribute("data-id") for hit in hits(browser)]
    browser.find_element(By.CSS_SELECTOR, "nav.pagination a[rel=next]").click()
    WebDriverWait(browser, 10).until(lambda driver: "page=2" in driver.current_url)
    second_page = [hit.get_attribute("data-id") for hit in hits(browser)]
    assert len(second_page) == 10 and not set(first_page) & set(second_page)
    current = browser.find_element(By.CSS_SELECTOR, 'nav.pagination a[aria-current="page"]')
    assert current.text == "2"
    assert browser.find_element(By.CSS_SELECTOR, "ol.hits").get_attribute("start") == "11"


def test_language_switch_is_remembered(browser, live_server, screenshot) -> None:
    open_page(browser, f"{live_server.url}/?q={quote('داعش')}&ui=en")
    browser.find_element(By.CSS_SELECTOR, "a.language-switch").click()
    WebDriverWait(browser, 10).until(
        lambda driver: driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "ar"
    )
    html = browser.find_element(By.TAG_NAME, "html")
    assert html.get_attribute("dir") == "rtl" and computed(browser, html, "direction") == "rtl"
    assert browser.find_element(By.CSS_SELECTOR, "form[role=search] button").text == "بحث"
    assert "عدد النتائج" in browser.find_element(By.ID, "summary").text
    # The facets column is on the right in an Arabic page.
    facets, results = (
        browser.find_element(By.CSS_SELECTOR, "aside.facets"),
        browser.find_element(By.CSS_SELECTOR, "section.results"),
    )
    assert facets.rect["x"] > results.rect["x"]
    screenshot("ui-arabic")
    # Remembered: a new page without ui= stays Arabic.
    open_page(browser, f"{live_server.url}/?q=Palmyra")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "ar"
    assert browser.find_element(By.CSS_SELECTOR, ".badge").text == "الإنجليزية"
    assert hits(browser)[0].get_attribute("dir") == "ltr"  # English hits stay left to right
    browser.find_element(By.CSS_SELECTOR, "a.language-switch").click()
    WebDriverWait(browser, 10).until(
        lambda driver: driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    )


def test_keyboard_order_starts_with_skip_link_and_box(browser, live_server) -> None:
    # The article page: nothing has focus on load, so Tab starts at the top.
    open_page(browser, f"{live_server.url}/doc/sample-en-001?q=Sharaa&ui=en")
    order = []
    for _ in range(6):
        ActionChains(browser).send_keys(Keys.TAB).perform()
        active = browser.switch_to.active_element
        order.append(active.get_attribute("id") or active.get_attribute("class") or active.tag_name)
    assert order == [
        "skip-link",
        "brand",
        "q",
        "button",
        "language-switch",
        "a",
    ]  # then "back to the results"
    ActionChains(browser).key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(Keys.SHIFT).perform()
    assert browser.switch_to.active_element.get_attribute("class") == "language-switch"
