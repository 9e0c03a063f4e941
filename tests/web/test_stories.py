"""Copies of one story on the page, in its JSON twin and in the RSS feed: the same grouping, escaped."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from flask.testing import FlaskClient

from search import Engine
from web import create_app

QUERY = "Deir Ali power station"
HOSTILE_SOURCE = '<b onmouseover="alert(1)">Evil Wire</b>'
WIRE_TEXT = (
    "A convoy of forty trucks carrying wheat flour reached the city of Deir ez-Zor on Wednesday, "
    "the first delivery by road since the bridge over the Euphrates was repaired last month.\n\n"
    "Local officials said the flour would supply the city's bakeries for three weeks and that a "
    "second convoy was expected before the end of the month."
)


def test_the_page_folds_copies_under_their_lead(client: FlaskClient) -> None:
    page = BeautifulSoup(client.get(f"/?q={QUERY}").data, "html5lib")
    [hit] = page.select("li.hit")
    summary = hit.select_one("details.similar > summary").get_text()
    assert summary.startswith("2 similar from ") and summary.count(",") == 1
    assert len(hit.select("details.similar li.similar-copy")) == 2
    assert "3 results" in page.select_one("#summary").get_text()
    assert "in 1 story" in page.select_one("#summary").get_text()


def test_the_arabic_page_says_it_in_arabic(client: FlaskClient) -> None:
    page = BeautifulSoup(client.get(f"/?q={QUERY}&ui=ar").data, "html5lib")
    summary = page.select_one("details.similar > summary").get_text()
    assert summary.startswith("2 نسخ مشابهة من ") and "، " in summary
    assert page.select_one("details.similar")["dir"] == "rtl"


def test_the_json_twin_and_the_feed_carry_the_grouping(client: FlaskClient) -> None:
    data = client.get(f"/api/search?q={QUERY}").get_json()
    [hit] = data["hits"]
    copies = {copy["id"] for copy in hit["similar"]}
    feed = ElementTree.fromstring(client.get(f"/search.rss?q={QUERY}").data)
    [item] = feed.iter("item")
    related = item.findall("{http://www.w3.org/2005/Atom}link[@rel='related']")
    assert len(related) == len(copies) == 2
    assert {link.get("title") for link in related} == {copy["source"] for copy in hit["similar"]}
    assert (
        "1 stories" in feed.find("channel/description").text
        or "1 stor" in feed.find("channel/description").text
    )
    listed = ElementTree.fromstring(client.get(f"/search.rss?q={QUERY}&collapse=0").data)
    assert len(list(listed.iter("item"))) == 3


def test_collapse_takes_1_or_0(client: FlaskClient) -> None:
    assert client.get(f"/api/search?q={QUERY}&collapse=1").get_json()["collapse"] is True
    response = client.get(f"/api/search?q={QUERY}&collapse=maybe")
    assert response.status_code == 400 and "collapse" in response.get_json()["error"]


@pytest.fixture
def hostile_client(tmp_path: Path, backend: str):
    lead = {
        "id": "lead",
        "title": "Grain convoy reaches Deir ez-Zor",
        "body": "AMMAN (Agency) – " + WIRE_TEXT,
        "lang": "en",
        "published": "2026-04-02T08:00:00",
        "source": "Site A",
        "url": "https://example.org/a",
    }
    body = "BEIRUT – " + WIRE_TEXT + "\n\nFollow us."  # longer: ranked below the lead
    copy = dict(lead, id="copy", title="Grain convoy <script>alert(1)</script>", body=body)
    documents = [lead, dict(copy, published="2026-04-02T12:00:00", source=HOSTILE_SOURCE, url="javascript:x")]
    with Engine.create(tmp_path / "index", backend=backend) as engine:
        engine.add_documents(documents)
        yield create_app(engine, {"TESTING": True}).test_client()


def test_the_sources_of_copies_are_escaped(hostile_client: FlaskClient) -> None:
    html = hostile_client.get("/?q=grain+convoy+wheat").get_data(as_text=True)
    page = BeautifulSoup(html, "html5lib")
    details = page.select_one("details.similar")
    assert HOSTILE_SOURCE in details.select_one("summary").get_text()  # shown as text
    assert not page.select("details.similar b, details.similar script")
    assert "javascript:" not in "".join(a.get("href", "") for a in details.select("a"))
    assert "<script>alert(1)</script>" in details.select_one("li.similar-copy a").get_text()
    feed = hostile_client.get("/search.rss?q=grain+convoy+wheat").get_data(as_text=True)
    ElementTree.fromstring(feed)  # well-formed
    assert "<b onmouseover" not in feed and "javascript:" not in feed
