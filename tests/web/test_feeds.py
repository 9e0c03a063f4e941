"""OpenSearch and RSS (web/feeds.py): valid XML that points back at this server."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime

from flask.testing import FlaskClient

from search import Engine

OPENSEARCH = "{http://a9.com/-/spec/opensearch/1.1/}"


def test_opensearch_description(client: FlaskClient) -> None:
    response = client.get("/opensearch.xml", base_url="http://news.example:8080")
    assert response.mimetype == "application/opensearchdescription+xml"
    root = ET.fromstring(response.data)
    templates = {url.get("type"): url.get("template") for url in root.iter(f"{OPENSEARCH}Url")}
    assert templates["text/html"] == "http://news.example:8080/?q={searchTerms}&page={startPage?}"
    assert templates["application/rss+xml"] == "http://news.example:8080/search.rss?q={searchTerms}"
    assert root.find(f"{OPENSEARCH}ShortName").text == "news-search"


def test_pages_advertise_the_opensearch_description(client: FlaskClient) -> None:
    assert (
        b'rel="search" type="application/opensearchdescription+xml" href="/opensearch.xml"'
        in client.get("/").data
    )


def test_rss_lists_the_results(client: FlaskClient, web_engine: Engine) -> None:
    response = client.get("/search.rss?q=داعش", base_url="http://news.example")
    assert response.mimetype == "application/rss+xml"
    channel = ET.fromstring(response.data).find("channel")
    assert channel.find("title").text == "news-search: داعش"
    items = channel.findall("item")
    expected = web_engine.search("داعش", limit=20)
    assert len(items) == min(expected.total, 20)
    for item, hit in zip(items, expected, strict=True):
        assert item.find("title").text == hit.title
        assert item.find("guid").text.startswith(f"http://news.example/doc/{hit.id}?q=")
        assert item.find("description").text == hit.snippet  # HTML as escaped text, as RSS wants it
        if hit.published:
            assert parsedate_to_datetime(item.find("pubDate").text).replace(tzinfo=None) == hit.published
        assert item.find("link").text == (hit.url or item.find("guid").text)


def test_rss_never_links_a_javascript_url(client: FlaskClient) -> None:
    channel = ET.fromstring(client.get("/search.rss?q=Palmyra checkpoint").data).find("channel")
    links = [item.find("link").text for item in channel.findall("item")]
    assert links and not [link for link in links if not link.startswith("http")]


def test_rss_errors_are_json_400(client: FlaskClient) -> None:
    response = client.get("/search.rss?q=")
    assert response.status_code == 400 and response.get_json()["parameter"] == "q"
    assert client.get("/search.rss?q=x&limit=1000").get_json()["parameter"] == "limit"


def test_results_page_links_its_feed(client: FlaskClient) -> None:
    html = client.get("/?q=Palmyra").get_data(as_text=True)
    assert '<link rel="alternate" type="application/rss+xml" href="/search.rss?q=Palmyra"' in html
