"""OpenSearch and RSS (web/feeds.py): valid XML that points back at this server."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime

import pytest
from flask.testing import FlaskClient

from search import Engine
from web import create_app
from web.serving import DEFAULT_HOST, DEFAULT_PORT

OPENSEARCH = "{http://a9.com/-/spec/opensearch/1.1/}"
ATOM = "{http://www.w3.org/2005/Atom}"
# What a client may claim to be talking to; a cache or a proxy would hand the answer on to others.
FORGED = {"Host": "evil.example", "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https"}


@pytest.fixture
def public_client(web_engine: Engine) -> FlaskClient:
    """The app as `serve --base-url http://news.example:8080` builds it."""
    config = {"TESTING": True, "PUBLIC_BASE_URL": "http://news.example:8080"}
    return create_app(web_engine, config).test_client()


def own_urls(data: bytes) -> list[str]:
    """The URLs of this server in an OpenSearch description or RSS feed (not the articles' own
    links), read by a real XML parser."""
    root = ET.fromstring(data)
    urls = [url.get("template") for url in root.iter(f"{OPENSEARCH}Url")]
    urls += [image.text for image in root.iter(f"{OPENSEARCH}Image")]
    urls += [link.get("href") for link in root.iter(f"{ATOM}link")]
    urls += [channel.find("link").text for channel in root.iter("channel")]
    urls += [guid.text for guid in root.iter("guid")]
    return urls


def test_opensearch_description(public_client: FlaskClient) -> None:
    response = public_client.get("/opensearch.xml")
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


def test_rss_lists_the_results(public_client: FlaskClient, web_engine: Engine) -> None:
    response = public_client.get("/search.rss?q=داعش")
    assert response.mimetype == "application/rss+xml"
    channel = ET.fromstring(response.data).find("channel")
    assert channel.find("title").text == "news-search: داعش"
    items = channel.findall("item")
    expected = web_engine.search("داعش", limit=20)
    assert len(items) == min(expected.total, 20)
    for item, hit in zip(items, expected, strict=True):
        assert item.find("title").text == hit.title
        assert item.find("guid").text.startswith(f"http://news.example:8080/doc/{hit.id}?q=")
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


@pytest.mark.parametrize("path", ["/opensearch.xml", "/search.rss?q=Palmyra"])
def test_feeds_never_link_to_the_host_a_request_names(client: FlaskClient, path: str) -> None:
    """Without a base URL (tests, embedding): serve's default address, never the Host header."""
    response = client.get(path, headers=FORGED)
    assert response.status_code == 200 and b"evil.example" not in response.data
    urls = own_urls(response.data)
    assert len(urls) >= 4 and all(url.startswith(f"http://{DEFAULT_HOST}:{DEFAULT_PORT}/") for url in urls)


@pytest.mark.parametrize("path", ["/opensearch.xml", "/search.rss?q=Palmyra"])
def test_feeds_link_to_the_configured_base_url(public_client: FlaskClient, path: str) -> None:
    response = public_client.get(path, headers=FORGED)
    assert response.status_code == 200 and b"evil.example" not in response.data
    urls = own_urls(response.data)
    assert len(urls) >= 4 and all(url.startswith("http://news.example:8080/") for url in urls)


def test_a_base_url_with_a_path_prefixes_every_link(web_engine: Engine) -> None:
    """Behind a proxy that serves the app under /news/ (its trailing slash is optional)."""
    config = {"TESTING": True, "PUBLIC_BASE_URL": "https://example.org/news/"}
    response = create_app(web_engine, config).test_client().get("/opensearch.xml")
    templates = {
        url.get("type"): url.get("template") for url in ET.fromstring(response.data).iter(f"{OPENSEARCH}Url")
    }
    assert templates["application/rss+xml"] == "https://example.org/news/search.rss?q={searchTerms}"


def test_feed_links_for_a_dot_dot_id_stay_inside_the_article_pages(client: FlaskClient) -> None:
    import xml.etree.ElementTree as ElementTree

    feed = ElementTree.fromstring(client.get("/search.rss?q=Zaatari").get_data())
    [item] = list(feed.iter("item"))
    for link in (item.find("link").text, item.find("guid").text):
        assert "/doc/..%2F..%2Fhostile-traversal?" in link and "/../" not in link
