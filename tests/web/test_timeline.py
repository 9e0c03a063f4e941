"""The timeline above the hits: its geometry (web/timeline.py), its JSON in /api/search and
its markup in both interface languages, on the sample index of each backend."""

from __future__ import annotations

from datetime import date
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from flask.testing import FlaskClient

from search.timeline import Bar, Timeline
from web.timeline import HEIGHT, MIN_HEIGHT, SLOT, chart

QUERY = "سوريا OR Syria"


def bar(period: str, ar: int, en: int, other: int = 0) -> Bar:
    return Bar(
        period, date(2025, 1, 1), date(2025, 1, 31), {"ar": ar, "en": en, "other": other}, {"month": period}
    )


MONTHS = Timeline(
    "month",
    [bar("2025-11", 4, 3), bar("2025-12", 8, 12), bar("2026-01", 0, 0), bar("2026-02", 0, 1, other=1)],
)


def links(filters: dict[str, str]) -> str:
    return "/?" + "&".join(f"{name}={value}" for name, value in filters.items())


def test_bars_are_scaled_to_the_tallest_and_stacked_arabic_first() -> None:
    made = chart(MONTHS, "en", links)
    november, december, january, february = made.bars
    assert (made.width, made.height) == (4 * SLOT, HEIGHT)
    assert [item.x for item in made.bars] == [0, SLOT, 2 * SLOT, 3 * SLOT]  # time runs evenly, gaps kept
    assert sum(segment.height for segment in december.segments) == pytest.approx(HEIGHT)  # the tallest
    assert sum(segment.height for segment in november.segments) == pytest.approx(HEIGHT * 7 / 20)
    arabic, english = november.segments
    assert (arabic.language, english.language) == ("ar", "en")
    assert arabic.y + arabic.height == pytest.approx(HEIGHT)  # Arabic sits on the baseline
    assert english.y + english.height == pytest.approx(arabic.y)  # English on top of it
    assert arabic.height == pytest.approx(english.height * 4 / 3)
    assert january.segments == [] and january.href is None  # an empty month: a gap, no link
    assert [segment.language for segment in february.segments] == ["en", "other"]
    assert november.href == "/?month=2025-11"


def test_a_small_bar_stays_visible() -> None:
    made = chart(Timeline("month", [bar("2025-11", 1, 0), bar("2025-12", 5000, 0)]), "en", links)
    assert made.bars[0].segments[0].height == MIN_HEIGHT


@pytest.mark.parametrize(
    ("ui", "title", "tooltip", "other", "summary"),
    [
        (
            "en",
            "Results per month",
            "December 2025: 8 Arabic, 12 English",
            "February 2026: 0 Arabic, 1 English, 1 in other languages",
            "29 dated results from November 2025 to February 2026; the most in December 2025 (20).",
        ),
        (
            "ar",
            "النتائج حسب الشهر",
            "ديسمبر 2025: 8 بالعربية، 12 بالإنجليزية",
            "فبراير 2026: 0 بالعربية، 1 بالإنجليزية، 1 بلغات أخرى",
            "عدد النتائج المؤرخة: 29، من نوفمبر 2025 إلى فبراير 2026؛ أكثرها في ديسمبر 2025 (20).",
        ),
    ],
)
def test_words_in_both_interface_languages(
    ui: str, title: str, tooltip: str, other: str, summary: str
) -> None:
    made = chart(MONTHS, ui, links)
    assert (made.title, made.bars[1].title, made.bars[3].title, made.summary) == (
        title,
        tooltip,
        other,
        summary,
    )
    assert made.others


@pytest.mark.parametrize(
    ("unit", "period", "en", "ar"),
    [("day", "2025-12-13", "13 December 2025", "13 ديسمبر 2025"), ("year", "2025", "2025", "2025")],
)
def test_day_and_year_labels(unit: str, period: str, en: str, ar: str) -> None:
    timeline = Timeline(
        unit, [Bar(period, date(2025, 1, 1), date(2025, 1, 1), {"ar": 1}, {}), bar("x", 1, 0)]
    )
    assert chart(timeline, "en", links).bars[0].label == en
    assert chart(timeline, "ar", links).bars[0].label == ar


# --- the page and its JSON twin, on both backends ------------------------------------------


def page(client: FlaskClient, query: str, ui: str = "en") -> BeautifulSoup:
    response = client.get("/", query_string={"q": query, "ui": ui})
    assert response.status_code == 200
    return BeautifulSoup(response.get_data(as_text=True), "html5lib")


def api(client: FlaskClient, **params: str) -> dict:
    response = client.get("/api/search", query_string=params)
    assert response.status_code == 200
    return response.get_json()


def test_the_api_timeline_is_the_month_facet_by_language(client: FlaskClient) -> None:
    found = api(client, q=QUERY, limit="1")
    timeline = found["timeline"]
    assert timeline["unit"] == "month"
    months = {value["value"]: value["count"] for value in found["facets"]["month"]}
    assert {item["period"]: item["total"] for item in timeline["bars"]} == months
    assert timeline["total"] == sum(months.values()) < found["total"]  # undated matches have no bar
    for item in timeline["bars"]:
        assert item["ar"] + item["en"] + item["other"] == item["total"]
        assert item["filter"] == {"month": item["period"]}
        narrowed = api(client, q=QUERY, month=item["period"])
        languages = {value["value"]: value["count"] for value in narrowed["facets"]["lang"]}
        assert (narrowed["total"], languages.get("ar", 0), languages.get("en", 0)) == (
            item["total"],
            item["ar"],
            item["en"],
        )


def test_the_api_gives_days_within_a_month_and_nothing_for_one_day(client: FlaskClient) -> None:
    days = api(client, q=QUERY, month="2025-12")["timeline"]
    assert days["unit"] == "day" and days["bars"][0]["period"].startswith("2025-12-")
    assert days["bars"][0]["filter"] == {
        "since": days["bars"][0]["period"],
        "until": days["bars"][0]["period"],
    }
    single = api(client, q=QUERY, **{"from": "2025-12-13", "to": "2025-12-13"})
    assert single["total"] and single["timeline"] is None


@pytest.mark.parametrize("ui", ["en", "ar"])
def test_the_page_draws_a_linked_bar_per_period_with_a_text_alternative(client: FlaskClient, ui: str) -> None:
    timeline = api(client, q=QUERY)["timeline"]
    soup = page(client, QUERY, ui)
    figure = soup.select_one("main figure.timeline")
    assert figure is not None and figure["data-unit"] == "month"
    svg = figure.select_one("svg.timeline-chart")
    assert svg["role"] == "group" and soup.find(id=svg["aria-describedby"]).name == "desc"
    assert soup.find(id=svg["aria-labelledby"]).get_text() == (
        "Results per month" if ui == "en" else "النتائج حسب الشهر"
    )
    bars = figure.select("a.timeline-bar")
    assert [link["data-period"] for link in bars] == [
        item["period"] for item in timeline["bars"] if item["total"]
    ]
    for link, item in zip(bars, [item for item in timeline["bars"] if item["total"]], strict=True):
        query = parse_qs(urlsplit(link["href"]).query)
        assert query == {"q": [QUERY], "month": [item["period"]]}
        assert link.title.get_text().endswith(
            f"{item['ar']} Arabic, {item['en']} English"
            if ui == "en"
            else f"{item['ar']} بالعربية، {item['en']} بالإنجليزية"
        )
        assert {rect["class"][-1] for rect in link.select("rect.segment")} == {
            f"segment-{language}" for language in ("ar", "en") if item[language]
        }
    rows = [[cell.get_text() for cell in row.select("th, td")] for row in figure.select("table tbody tr")]
    assert [row[1:] for row in rows] == [
        [str(item["ar"]), str(item["en"]), str(item["total"])] for item in timeline["bars"] if item["total"]
    ]
    assert rows[0][0] == ("November 2025" if ui == "en" else "نوفمبر 2025")
    assert "visually-hidden" in figure.select_one("table").parent["class"]
    # The timeline sits above the hits.
    assert figure.find_next("ol", class_="hits") is not None


def test_a_bar_keeps_the_other_parameters_and_goes_back_to_page_one(client: FlaskClient) -> None:
    soup = BeautifulSoup(
        client.get("/", query_string={"q": QUERY, "page": "2", "sort": "newest", "lang": "en"}).get_data(
            as_text=True
        ),
        "html5lib",
    )
    link = soup.select_one("a.timeline-bar")
    query = parse_qs(urlsplit(link["href"]).query)
    assert query == {"q": [QUERY], "sort": ["newest"], "lang": ["en"], "month": [link["data-period"]]}
    narrowed = api(client, q=QUERY, lang="en", month=link["data-period"])
    assert narrowed["total"] == int(link["data-total"])


def test_day_bars_link_to_their_day(client: FlaskClient) -> None:
    soup = BeautifulSoup(
        client.get("/", query_string={"q": QUERY, "month": "2025-12"}).get_data(as_text=True), "html5lib"
    )
    assert soup.select_one("figure.timeline")["data-unit"] == "day"
    for link in soup.select("a.timeline-bar"):
        query = parse_qs(urlsplit(link["href"]).query)
        day = link["data-period"]
        assert query == {"q": [QUERY], "month": ["2025-12"], "from": [day], "to": [day]}
        found = api(client, q=QUERY, month="2025-12", **{"from": day, "to": day})
        assert found["total"] == int(link["data-total"])


def test_no_timeline_without_two_dated_periods(client: FlaskClient) -> None:
    one_day = client.get("/", query_string={"q": QUERY, "from": "2025-12-13", "to": "2025-12-13"})
    soup = BeautifulSoup(one_day.get_data(as_text=True), "html5lib")
    assert soup.select("li.hit") and not soup.select("figure.timeline, svg")
    nothing = BeautifulSoup(client.get("/", query_string={"q": "zzzqqq"}).get_data(as_text=True), "html5lib")
    assert not nothing.select("figure.timeline")
