"""Escaping, headers and limits (web/security.py and every template), on hostile documents."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from flask import Flask, url_for
from flask.testing import FlaskClient

from web.security import CONTENT_SECURITY_POLICY, safe_link

XSS_ID = 'xss-"><svg onload=alert(1)>'

# Every route, as the route table a reviewer checks: (path, status).
ROUTES = [
    ("/", 200),
    ("/?q=داعش", 200),
    ("/?q=Palmyra&lang=en&sort=newest", 200),
    ("/doc/sample-en-001?q=Sharaa", 200),
    ("/api/search?q=داعش", 200),
    ("/api/doc/sample-en-001", 200),
    ("/healthz", 200),
    ("/opensearch.xml", 200),
    ("/search.rss?q=Palmyra", 200),
    ("/static/style.css", 200),
    ("/static/search.js", 200),
    ("/?q=x&limit=500", 400),
    ("/api/search?q=x&limit=500", 400),
    ("/doc/no-such-article", 404),
    ("/nothing-here", 404),
]


@pytest.mark.parametrize(("path", "status"), ROUTES)
def test_every_response_carries_the_security_headers(client: FlaskClient, path: str, status: int) -> None:
    with client.get(path) as response:
        assert response.status_code == status
    assert response.headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["X-Frame-Options"] == "DENY"


def test_policy_forbids_inline_script_and_framing() -> None:
    policy = dict(part.split(" ", 1) for part in CONTENT_SECURITY_POLICY.split("; "))
    assert policy["default-src"] == "'none'" and policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'" and policy["frame-ancestors"] == "'none'"
    assert "unsafe" not in CONTENT_SECURITY_POLICY


@pytest.mark.parametrize("path", ["/", "/?q=داعش", "/doc/sample-en-001", "/nothing-here", "/?q=x&limit=0"])
def test_pages_have_no_inline_script_or_style(client: FlaskClient, path: str) -> None:
    soup = BeautifulSoup(client.get(path).get_data(as_text=True), "html.parser")
    assert all(script.has_attr("src") and not script.string for script in soup.select("script"))
    assert not soup.select("style") and not soup.select("[style]")
    assert not [tag for tag in soup.find_all(True) if any(name.startswith("on") for name in tag.attrs)]


def assert_inert(html: str) -> BeautifulSoup:
    """No payload became markup: every script is ours, nothing has an event handler."""
    soup = BeautifulSoup(html, "html.parser")
    assert [script["src"] for script in soup.select("script")] == ["/static/search.js"]
    assert not soup.select("main img, main iframe, main b")
    # The one SVG is the timeline's (web/templates/_timeline.html), with no markup from a document.
    assert [svg.get("class") for svg in soup.select("main svg")] in ([], [["timeline-chart"]])
    assert not soup.select("main svg *:not(title, desc, a, rect)")
    assert not [tag for tag in soup.find_all(True) if any(name.startswith("on") for name in tag.attrs)]
    assert not [link for link in soup.select("a[href]") if link["href"].lower().startswith("javascript")]
    return soup


def test_hostile_document_in_results_is_text(client: FlaskClient, hostile_documents) -> None:
    hostile = hostile_documents[0]
    soup = assert_inert(client.get("/?q=Palmyra checkpoint").get_data(as_text=True))
    [hit] = [hit for hit in soup.select("li.hit") if hit["data-id"] == XSS_ID]
    assert hit.select_one(".hit-title a").get_text() == hostile["title"]
    assert hit.select_one(".source").get_text() == hostile["source"]
    assert "<script>alert(1)</script>" in hit.select_one(".snippet").get_text()
    assert not hit.select("a.original")  # its url is javascript:, so it is not linked
    assert "{{7*7}}" in hit.get_text() and "49" not in hit.get_text()  # no template evaluation


def test_hostile_document_page_is_text(client: FlaskClient, app: Flask, hostile_documents) -> None:
    hostile = hostile_documents[0]
    with app.test_request_context():
        path = url_for("ui.article_page", doc_id=XSS_ID, q="Palmyra")
    assert path.startswith("/doc/xss-%22%3E%3Csvg%20onload=alert(1)%3E?")
    soup = assert_inert(client.get(path).get_data(as_text=True))
    assert soup.select_one("h1").get_text() == hostile["title"]
    paragraphs = [p.get_text() for p in soup.select(".article-body p")]
    assert paragraphs == [part.strip() for part in hostile["body"].split("\n\n")]
    assert [mark.get_text() for mark in soup.select(".article-body mark")] == ["Palmyra", "Palmyra"]


def test_hostile_source_in_facets_and_filters_is_text(client: FlaskClient, hostile_documents) -> None:
    source = hostile_documents[0]["source"]
    soup = assert_inert(client.get("/?q=checkpoint").get_data(as_text=True))
    [facet] = [
        link for link in soup.select('a.facet-value[data-facet="source"]') if link["data-value"] == source
    ]
    narrowed = assert_inert(client.get(facet["href"]).get_data(as_text=True))
    assert narrowed.select_one(".active-filters .chip bdi").get_text() == source


def test_hostile_query_is_text_everywhere(client: FlaskClient) -> None:
    payload = '"><script>alert(1)</script><img src=x onerror=alert(1)>'
    for path in (f"/?q={payload}", f"/?q={payload}&page=0", f"/doc/sample-en-001?q={payload}"):
        response = client.get(path)
        assert payload not in response.get_data(as_text=True)
        soup = assert_inert(response.get_data(as_text=True))
        assert soup.select_one("input[type=search]")["value"] == payload
    rss = client.get(f"/search.rss?q={payload} Palmyra").get_data(as_text=True)
    assert "<script>" not in rss and "&lt;script&gt;" in rss


def test_json_escapes_nothing_it_should_not_and_marks_only_marks(client: FlaskClient) -> None:
    data = client.get("/api/search?q=Palmyra checkpoint").get_json()
    [hit] = [hit for hit in data["hits"] if hit["id"] == XSS_ID]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in hit["snippet"] and "<script>" not in hit["snippet"]
    assert hit["title"].count("<script>") == 1  # the raw field stays raw: JSON is data
    assert "<mark>Palmyra</mark>" in hit["title_html"] and "<svg" not in hit["title_html"]


@pytest.mark.parametrize(
    "path",
    [
        "/doc/../../etc/passwd",
        "/doc/%2e%2e/%2e%2e/etc/passwd",
        "/doc//etc/passwd",
        "/doc/..%2F..%2Fpyproject.toml",
    ],
)
def test_article_ids_never_reach_the_filesystem(client: FlaskClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert b"root:" not in response.data and b"[project]" not in response.data


def test_large_request_bodies_are_refused(client: FlaskClient) -> None:
    response = client.get("/api/search?q=Syria", data=b"x" * 100_000)
    assert response.status_code == 413 and "over 16384 bytes" in response.get_json()["error"]
    page = client.get("/?q=Syria", data=b"x" * 100_000)
    assert page.status_code == 413 and b"too large" in page.data


def test_only_get(client: FlaskClient) -> None:
    response = client.post("/api/search?q=Syria")
    assert response.status_code == 405
    assert set(response.headers["Allow"].split(", ")) == {"GET", "HEAD", "OPTIONS"}


def test_no_debug_and_no_traceback(web_engine) -> None:
    from web import create_app

    app = create_app(web_engine)
    assert not app.debug and not app.testing

    @app.get("/boom")
    def boom() -> str:
        raise RuntimeError("secret internals")

    response = app.test_client().get("/boom")
    assert response.status_code == 500
    assert b"secret internals" not in response.data and b"Traceback" not in response.data


@pytest.mark.parametrize(
    ("url", "linked"),
    [
        ("https://example.org/a", "https://example.org/a"),
        ("HTTP://example.org/a", "HTTP://example.org/a"),
        ("javascript:alert(1)", ""),
        ("JavaScript:alert(1)", ""),
        (" javascript:alert(1)", ""),
        ("data:text/html,<script>alert(1)</script>", ""),
        ("//evil.example/a", ""),
        ("", ""),
    ],
)
def test_safe_link(url: str, linked: str) -> None:
    assert safe_link(url) == linked


# --- characters XML 1.0 forbids, and links that walk out of /doc/ ----------------

FORBIDDEN_IN_QUERIES = ["%00", "%01", "%1B", "%EF%BF%BE", "%EF%BF%BF"]  # NUL, SOH, ESC, U+FFFE, U+FFFF


def strict_html(page: bytes) -> None:
    """Parse a page as a browser would, failing on any parse error (NUL included)."""
    import html5lib

    html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(page.decode("utf-8"))


@pytest.mark.parametrize("character", FORBIDDEN_IN_QUERIES)
def test_feeds_and_pages_stay_well_formed_when_the_query_holds_a_control_character(
    client: FlaskClient, character: str
) -> None:
    import xml.etree.ElementTree as ElementTree

    feed = client.get(f"/search.rss?q=ISIS{character}")
    assert feed.status_code == 200
    channel = ElementTree.fromstring(feed.get_data()).find("channel")
    assert channel is not None and "ISIS" in channel.find("title").text
    ElementTree.fromstring(client.get("/opensearch.xml").get_data())
    for path in (
        f"/?q=ISIS{character}",
        f"/doc/sample-en-001?q=ISIS{character}",
        f"/?q=x{character}&limit=0",
    ):
        page = client.get(path)
        assert b"\x00" not in page.get_data() and b"\x1b" not in page.get_data()
        strict_html(page.get_data())


def test_a_stored_title_with_control_characters_is_clean_in_feed_page_and_json(client: FlaskClient) -> None:
    import xml.etree.ElementTree as ElementTree

    feed = ElementTree.fromstring(client.get("/search.rss?q=Zaatari").get_data())
    [title] = [item.find("title").text for item in feed.iter("item")]
    assert title == "Zaatari camp convoy stopped[2J at the border"
    strict_html(client.get("/?q=Zaatari").get_data())
    strict_html(client.get("/doc/..%2F..%2Fhostile-traversal?q=Zaatari").get_data())
    [hit] = client.get("/api/search?q=Zaatari").get_json()["hits"]
    assert hit["source"] == "Border Wire" and "\x0b" not in hit["snippet"]


def test_printable_drops_forbidden_characters_from_every_printed_value(app: Flask) -> None:
    from flask import render_template_string
    from markupsafe import Markup

    with app.test_request_context():
        assert render_template_string("{{ v }}", v="a\x00b<\x1b>") == "ab&lt;&gt;"
        assert render_template_string("{{ v }}", v=Markup("<mark>\x01x</mark>")) == "<mark>x</mark>"
        assert render_template_string("{{ v }}", v=3) == "3"


def test_a_result_link_for_a_dot_dot_id_stays_inside_the_article_pages(client: FlaskClient) -> None:
    from urllib.parse import urljoin

    soup = BeautifulSoup(client.get("/?q=Zaatari").get_data(as_text=True), "html.parser")
    [link] = [a["href"] for a in soup.select(".hit-title a")]
    resolved = urljoin("http://news.example/?q=Zaatari", link)  # dot segments resolved as a browser does
    assert resolved.startswith("http://news.example/doc/"), resolved
    assert client.get(link).status_code == 200  # and it opens that article


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("post", "/api/search?q=a"),
        ("delete", "/api/doc/sample-en-001"),
        ("post", "/healthz"),
        ("put", "/healthz"),
    ],
)
def test_a_wrong_method_on_a_machine_endpoint_is_a_json_405(
    client: FlaskClient, method: str, path: str
) -> None:
    response = getattr(client, method)(path)
    assert response.status_code == 405
    assert response.is_json and "not allowed" in response.get_json()["error"]
    assert response.headers["Allow"]
