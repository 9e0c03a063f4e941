"""The HTML pages (web/ui.py) through Flask's test client, on the sample index."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from flask.testing import FlaskClient

from search import Engine
from tests.conftest import HOSTILE_DOCUMENTS
from tests.web.conftest import alias_marked_hit


def page(client: FlaskClient, url: str, status: int = 200, **options) -> BeautifulSoup:
    response = client.get(url, **options)
    assert response.status_code == status, response.data[:500]
    assert response.mimetype == "text/html"
    return BeautifulSoup(response.get_data(as_text=True), "html.parser")


def hit_ids(soup: BeautifulSoup) -> list[str]:
    return [hit["data-id"] for hit in soup.select("li.hit")]


def query_of(href: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(href).query)


def test_home_page_has_one_focused_search_box(client: FlaskClient) -> None:
    soup = page(client, "/")
    [box] = soup.select("input[type=search]")
    assert box["name"] == "q" and box["dir"] == "auto" and box.has_attr("autofocus")
    assert soup.select_one(f"label[for={box['id']}]").get_text(strip=True)  # a label for screen readers
    assert soup.select_one("form[role=search]")["action"] == "/"
    assert (
        f"{54 + len(HOSTILE_DOCUMENTS)} " in soup.select_one(".index-size").get_text()
    )  # sample + test documents
    assert not soup.select("li.hit")


def test_arabic_query_lists_rtl_hits_with_marks(client: FlaskClient, web_engine: Engine) -> None:
    soup = page(client, "/?q=داعش")
    expected = web_engine.search("داعش")
    assert hit_ids(soup) == [hit.id for hit in expected]
    assert f"{expected.total} results" in soup.select_one("#summary").get_text()
    assert " ms" in soup.select_one("#summary").get_text()
    for hit in soup.select("li.hit"):
        assert (hit["lang"], hit["dir"]) == ("ar", "rtl")
        assert any("داعش" in mark.get_text() or "داعـــش" in mark.get_text() for mark in hit.select("mark"))
        assert hit.select_one(".badge").get_text(strip=True) == "Arabic"
    assert soup.html["lang"] == "en" and soup.html["dir"] == "ltr"


def test_english_hits_are_ltr_in_the_same_list(client: FlaskClient) -> None:
    soup = page(client, "/?q=تدمر OR Palmyra&limit=50")
    directions = {(hit["lang"], hit["dir"]) for hit in soup.select("li.hit")}
    assert directions == {("ar", "rtl"), ("en", "ltr")}


def test_hit_links_to_the_article_page_and_the_source(client: FlaskClient) -> None:
    soup = page(client, "/?q=Sharaa White House")
    first = soup.select_one("li.hit")
    assert first["data-id"] == "sample-en-001"
    title_link = first.select_one(".hit-title a")["href"]
    assert title_link.startswith("/doc/sample-en-001?") and query_of(title_link)["q"] == [
        "Sharaa White House"
    ]
    original = first.select_one("a.original")
    assert original["href"].startswith("https://example.org/levant-wire/") and "noopener" in original["rel"]
    assert first.select_one("time")["datetime"] == "2025-11-10T21:30:00"
    assert first.select_one("time").get_text(strip=True) == "10 November 2025"
    assert first.select_one(".source").get_text() == "Levant Wire"


def test_facets_narrow_and_show_how_to_remove_them(client: FlaskClient, web_engine: Engine) -> None:
    soup = page(client, "/?q=سوريا OR Syria")
    english = soup.select_one('a.facet-value[data-facet="lang"][data-value="en"]')
    count = int(english.select_one(".count").get_text())
    assert count == web_engine.search("سوريا OR Syria", lang="en").total
    narrowed = page(client, english["href"])
    assert f"{count} results" in narrowed.select_one("#summary").get_text()
    assert {hit["lang"] for hit in narrowed.select("li.hit")} == {"en"}
    selected = narrowed.select_one("a.facet-value.selected")
    assert selected["aria-current"] == "true" and "lang" not in query_of(selected["href"])
    [chip] = narrowed.select(".active-filters a.chip")
    assert chip["aria-label"] == "Remove filter: English" and "lang" not in query_of(chip["href"])
    assert query_of(chip["href"])["q"] == ["سوريا OR Syria"]


@pytest.mark.parametrize("facet", ["source", "month"])
def test_source_and_month_facets_narrow(client: FlaskClient, facet: str) -> None:
    soup = page(client, "/?q=سوريا OR Syria")
    option = soup.select_one(f'a.facet-value[data-facet="{facet}"]')
    count = int(option.select_one(".count").get_text())
    narrowed = page(client, option["href"])
    assert query_of(option["href"])[facet] == [option["data-value"]]
    assert f"{count} result" in narrowed.select_one("#summary").get_text()


def test_month_facet_is_grouped_by_year(client: FlaskClient) -> None:
    soup = page(client, "/?q=Palmyra")
    years = [heading.contents[0].strip() for heading in soup.select(".facet-month h4.year")]
    assert years == ["2026", "2025"]
    months = [link.select_one("bdi").get_text() for link in soup.select(".facet-month a.facet-value")]
    assert "December" in months and all(not month[0].isdigit() for month in months)


def test_sort_by_newest(client: FlaskClient, web_engine: Engine) -> None:
    soup = page(client, "/?q=Palmyra")
    newest = next(link for link in soup.select("nav.sort a") if link.get_text() == "Newest")
    assert query_of(newest["href"])["sort"] == ["newest"]
    sorted_page = page(client, newest["href"])
    assert hit_ids(sorted_page) == [hit.id for hit in web_engine.search("Palmyra", sort="newest")]
    assert sorted_page.select_one("nav.sort a.current").get_text() == "Newest"
    assert sorted_page.select_one("form[role=search] input[name=sort]")["value"] == "newest"


def test_match_any_is_kept_by_links_and_the_search_box(client: FlaskClient) -> None:
    soup = page(client, "/?q=Palmyra Zaatari&match=any")
    assert not soup.select_one(".notice.relaxed")  # any word from the start: nothing relaxed
    newest = next(link for link in soup.select("nav.sort a") if link.get_text() == "Newest")
    facet = soup.select_one(".facet-lang a.facet-value")
    twin = soup.select_one('link[type="application/json"]')
    assert all(query_of(link["href"])["match"] == ["any"] for link in (newest, facet, twin))
    assert soup.select_one("form[role=search] input[name=match]")["value"] == "any"
    assert not page(client, "/?q=Palmyra").select_one("form[role=search] input[name=match]")


def test_pagination(client: FlaskClient, web_engine: Engine) -> None:
    everything = [hit.id for hit in web_engine.search("سوريا OR Syria", limit=30)]
    first = page(client, "/?q=سوريا OR Syria")
    nav = first.select_one("nav.pagination")
    assert nav["aria-label"] == "Pages" and nav.select_one("a.current")["aria-current"] == "page"
    second = page(client, nav.select_one("a[rel=next]")["href"])
    assert hit_ids(first) + hit_ids(second) == everything[:20]
    assert second.select_one("ol.hits")["start"] == "11"
    assert query_of(second.select_one("a[rel=prev]")["href"]).get("page") is None  # page 1 is the default


def test_a_page_past_the_last_one_offers_the_first(client: FlaskClient) -> None:
    soup = page(client, "/?q=Palmyra&page=50")
    assert not soup.select("li.hit") and "past the last one" in soup.select_one(".empty").get_text()


def test_relaxed_and_did_you_mean(client: FlaskClient) -> None:
    soup = page(client, "/?q=Palmira attack")
    assert "any of them" in soup.select_one(".notice.relaxed").get_text()
    suggestion = soup.select_one('.spelling[data-kind="suggestion"] a')
    assert suggestion.get_text() == "Palmyra attack" and query_of(suggestion["href"])["q"] == [
        "Palmyra attack"
    ]


@pytest.mark.parametrize(("typed", "searched"), [("داعيش", "داعش"), ("Palmira", "Palmyra")])
def test_showing_results_for_and_search_instead_for(client: FlaskClient, typed: str, searched: str) -> None:
    soup = page(client, f"/?q={typed}")
    corrected = soup.select_one('.spelling[data-kind="corrected"]')
    shown, instead = corrected.select("a")
    assert shown.get_text() == searched and instead.get_text() == typed
    assert query_of(instead["href"]) == {"q": [typed], "nocorrect": ["1"]}
    assert soup.select("li.hit") and all(hit.select("mark") for hit in soup.select("li.hit"))
    verbatim = page(client, instead["href"])
    assert not verbatim.select("li.hit") and not verbatim.select(".spelling")
    assert typed in verbatim.select_one(".empty-title").get_text()


def test_empty_state_helps(client: FlaskClient) -> None:
    soup = page(client, "/?q=qwxzvq&lang=ar")
    empty = soup.select_one(".empty")
    assert "«qwxzvq»" in empty.select_one(".empty-title").get_text()
    assert "ISIS" in empty.get_text()  # suggests the other language
    clear = next(link for link in empty.select("a") if link.get_text() == "Clear all filters")
    assert query_of(clear["href"]) == {"q": ["qwxzvq"]}
    assert [link.get_text() for link in empty.select(".examples a")][:2] == ["داعش", "Palmyra"]


def test_stopwords_only(client: FlaskClient) -> None:
    soup = page(client, '/?q=" ( -')
    assert "Nothing to search for" in soup.select_one(".empty-title").get_text()


@pytest.mark.parametrize(
    ("url", "lang", "button"),
    [("/?ui=ar", "ar", "بحث"), ("/?ui=en", "en", "Search"), ("/?q=داعش&ui=ar", "ar", "بحث")],
)
def test_interface_language_switch(client: FlaskClient, url: str, lang: str, button: str) -> None:
    response = client.get(url)
    soup = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    assert (soup.html["lang"], soup.html["dir"]) == (lang, "rtl" if lang == "ar" else "ltr")
    assert soup.select_one("form[role=search] button").get_text() == button
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith(f"ui={lang};") and "SameSite=Lax" in cookie and "HttpOnly" in cookie
    # Remembered: the next page without ui= keeps the language.
    again = page(client, "/?q=Palmyra")
    assert again.html["lang"] == lang and "Set-Cookie" not in client.get("/?q=Palmyra").headers


def test_switch_link_keeps_the_page(client: FlaskClient) -> None:
    soup = page(client, "/?q=داعش&lang=ar&page=2")
    switch = soup.select_one("a.language-switch")
    assert switch["lang"] == "ar" and switch.get_text() == "العربية"
    assert query_of(switch["href"]) == {"q": ["داعش"], "lang": ["ar"], "page": ["2"], "ui": ["ar"]}
    arabic = page(client, switch["href"])
    assert arabic.select_one("a.language-switch")["lang"] == "en"
    assert arabic.select_one(".badge").get_text() == "العربية"
    assert "عدد النتائج" in arabic.select_one("#summary").get_text()


def test_browser_language_decides_until_the_reader_chooses(client: FlaskClient) -> None:
    assert page(client, "/", headers={"Accept-Language": "ar,en;q=0.5"}).html["lang"] == "ar"
    assert page(client, "/", headers={"Accept-Language": "fr"}).html["lang"] == "en"
    client.get("/?ui=en")
    assert page(client, "/", headers={"Accept-Language": "ar"}).html["lang"] == "en"


def test_arabic_interface_facets_and_dates(client: FlaskClient) -> None:
    soup = page(client, "/?q=Sharaa White House&ui=ar")
    first = soup.select_one("li.hit")
    assert first.select_one("time").get_text(strip=True) == "10 نوفمبر 2025"
    assert first["dir"] == "ltr"  # an English hit stays left-to-right in the Arabic interface
    labels = [link.select_one("bdi").get_text() for link in soup.select(".facet-lang a.facet-value")]
    assert set(labels) == {"الإنجليزية", "العربية"}  # the Arabic articles that name al-Sharaa too
    assert soup.select_one(".facet-month h3").get_text() == "الزمن"


@pytest.mark.parametrize(
    ("doc_id", "query", "marked"),
    [
        # The entity as the article names it, as in its hit (Engine.highlight, with aliases).
        ("sample-en-001", "Sharaa", {"Ahmad al-Sharaa", "Al-Sharaa", "al-Sharaa"}),
        ("sample-ar-001", "الشرع", {"أحمد الشرع", "الشرع", "للشرع"}),  # clitic forms too
        ("https://example.org/wire/2026/03/21/raqqa-market?ref=rss#top", "Raqqa", {"Raqqa"}),
    ],
)
def test_article_page(
    client: FlaskClient, web_engine: Engine, doc_id: str, query: str, marked: set[str]
) -> None:
    from flask import url_for

    with client.application.test_request_context():
        url = url_for("ui.article_page", doc_id=doc_id, q=query)
    soup = page(client, url)
    document = web_engine.get(doc_id)
    article = soup.select_one("article.article")
    assert article["lang"] == document.lang and article["dir"] == ("rtl" if document.lang == "ar" else "ltr")
    assert soup.select_one("h1").get_text() == document.title
    body = "\n\n".join(p.get_text() for p in article.select(".article-body p"))
    assert body == "\n\n".join(part.strip() for part in document.body.split("\n\n") if part.strip())
    assert {mark.get_text() for mark in article.select("mark")} <= marked and article.select("mark")
    assert query_of(article.select_one(".back a")["href"]) == {"q": [query]}
    assert not soup.select_one("input[type=search]").has_attr("autofocus")  # reading, not searching


def test_article_page_marks_the_alias_form_its_hit_marked(client: FlaskClient, web_engine: Engine) -> None:
    """/doc/<id>?q=ISIS marks what the hit's snippet marked: the article's own Arabic form."""
    doc_id, form = alias_marked_hit(web_engine, "ISIS")
    article = page(client, f"/doc/{doc_id}?q=ISIS").select_one("article.article")
    assert form in {mark.get_text() for mark in article.select(".article-body mark")}


def test_article_link_from_the_results_resolves_a_url_id(client: FlaskClient) -> None:
    soup = page(client, "/?q=Raqqa market reopens")
    link = soup.select_one("li.hit .hit-title a")["href"]
    assert link.startswith("/doc/https://example.org/wire/2026/03/21/raqqa-market%3Fref=rss%23top?")
    assert page(client, link).select_one("h1").get_text() == "Raqqa market reopens"


def test_unknown_article_is_404(client: FlaskClient) -> None:
    soup = page(client, "/doc/no-such-article", status=404)
    assert soup.select_one("h1").get_text() == "Not found" and soup.select_one("input[type=search]")


def test_entity_facet_renders_once_the_index_fills_it(
    client: FlaskClient, web_engine: Engine, monkeypatch
) -> None:
    """Issue 3/5 fills Results.facets["entity"] and Results.entities; the page is ready for them."""
    from types import SimpleNamespace

    from search.results import FacetValue

    real_search = web_engine.search

    def search_with_entities(*args, **kwargs):
        results = real_search(*args, **kwargs)
        results.facets["entity"] = [FacetValue("isis", "ISIS", 7), FacetValue("palmyra", "Palmyra", 3)]
        results.entities = [
            SimpleNamespace(id="isis", label_en="ISIS", label_ar="داعش", count=7),
            SimpleNamespace(id="palmyra", label_en="Palmyra", label_ar="تدمر", count=3),
        ]
        return results

    monkeypatch.setattr(web_engine, "search", search_with_entities)
    for ui, labels in (("en", ["ISIS", "Palmyra"]), ("ar", ["داعش", "تدمر"])):
        soup = page(client, f"/?q=Palmyra&ui={ui}")
        entity = soup.select_one(".facet-entity")
        assert [link.select_one("bdi").get_text() for link in entity.select("a.facet-value")] == labels
        assert query_of(entity.select_one("a.facet-value")["href"])["entity"] == ["isis"]
    headings = [heading.get_text() for heading in page(client, "/?q=Palmyra&ui=en").select(".facet h3")]
    assert headings == ["Language", "Source", "Entity", "Time"]
