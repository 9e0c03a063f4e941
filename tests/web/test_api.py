"""The JSON API (web/api.py): the search page's twin, the article's twin, /healthz, and 400s."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from search import Engine
from tests.conftest import HOSTILE_DOCUMENTS
from tests.web.conftest import alias_marked_hit


def api(client: FlaskClient, url: str, status: int = 200) -> dict:
    response = client.get(url)
    assert response.status_code == status, response.data[:300]
    assert response.mimetype == "application/json"
    return response.get_json()


def test_search_shape(client: FlaskClient, web_engine: Engine) -> None:
    data = api(client, "/api/search?q=داعش&limit=3")
    assert list(data)[:8] == ["query", "total", "page", "limit", "sort", "relaxed", "took_ms", "message"]
    assert {"hits", "facets", "suggestion", "corrected_from"} <= set(data)
    expected = web_engine.search("داعش", limit=3)
    assert data["total"] == expected.total and [hit["id"] for hit in data["hits"]] == [
        hit.id for hit in expected
    ]
    assert data["page"] == 1 and data["limit"] == 3 and data["relaxed"] is False and data["took_ms"] >= 0
    hit = data["hits"][0]
    assert hit["lang"] == "ar" and "<mark>" in hit["snippet"] and "<mark>" in hit["title_html"]
    # داعش finds the articles that say ISIS too (aliases): both languages, counted apart.
    languages = {value["value"]: value["count"] for value in data["facets"]["lang"]}
    assert set(languages) == {"ar", "en"} and sum(languages.values()) == expected.total
    assert data["query_entities"][0]["id"] == "isis"
    tagged = sum("isis" in hit.entities for hit in web_engine.search("داعش", limit=100))
    assert data["facets"]["entity"][0] == {
        "value": "isis",
        "label": "ISIS",
        "count": tagged,
        "selected": False,
    }


def test_search_is_the_html_pages_twin(client: FlaskClient) -> None:
    """The page links its JSON twin with the same parameters; both list the same hits."""
    html = client.get("/?q=سوريا OR Syria&lang=en&sort=newest&page=2").get_data(as_text=True)
    twin = "/api/search?q=%D8%B3%D9%88%D8%B1%D9%8A%D8%A7+OR+Syria&lang=en&sort=newest&page=2"
    assert f'href="{twin.replace("&", "&amp;")}"' in html
    data = api(client, twin)
    assert data["page"] == 2 and data["sort"] == "newest"
    for hit in data["hits"]:
        assert f'data-id="{hit["id"]}"' in html


@pytest.mark.parametrize(
    ("url", "check"),
    [
        ("/api/search?q=Syria&lang=en", lambda d: {h["lang"] for h in d["hits"]} == {"en"}),
        (
            "/api/search?q=Syria&source=Levant+Wire",
            lambda d: {h["source"] for h in d["hits"]} == {"Levant Wire"},
        ),
        (
            "/api/search?q=Syria&from=2026-01-01&to=2026-02-28&limit=50",
            lambda d: d["total"] and all("2026-01-01" <= h["published"] < "2026-03" for h in d["hits"]),
        ),
        (
            "/api/search?q=Syria&month=2025-12&limit=50",
            lambda d: d["hits"] and all(h["published"][:7] == "2025-12" for h in d["hits"]),
        ),
        (
            "/api/search?q=Syria&sort=newest&limit=50",
            lambda d: d["hits"][0]["published"] >= d["hits"][1]["published"],
        ),
        ("/api/search?q=Syria&limit=5&page=2", lambda d: len(d["hits"]) == 5 and d["page"] == 2),
        ("/api/search?q=Palmira", lambda d: d["corrected_from"] == "Palmira" and d["query"] == "Palmyra"),
        ("/api/search?q=Palmira&nocorrect=1", lambda d: d["total"] == 0 and d["corrected_from"] is None),
        ("/api/search?q=Palmira+attack", lambda d: d["relaxed"] and d["suggestion"] == "Palmyra attack"),
    ],
)
def test_search_parameters(client: FlaskClient, url: str, check) -> None:
    data = api(client, url)
    assert check(data), data


@pytest.mark.parametrize(
    ("url", "parameter", "says"),
    [
        ("/api/search?q=Syria&limit=101", "limit", "from 1 to 100"),
        ("/api/search?q=Syria&limit=0", "limit", "from 1 to 100"),
        ("/api/search?q=Syria&limit=ten", "limit", "whole number"),
        ("/api/search?q=Syria&page=0", "page", "whole number"),
        ("/api/search?q=Syria&page=-1", "page", "whole number"),
        ("/api/search?q=Syria&page=11&limit=100", "page", "up to number 1000"),
        ("/api/search?q=Syria&page=99999999999", "page", "too large"),
        ("/api/search?q=Syria&from=yesterday-ish", "from", "YYYY-MM-DD"),
        ("/api/search?q=Syria&to=2026-13-45", "to", "YYYY-MM-DD"),
        ("/api/search?q=Syria&from=2026-02-01&to=2026-01-01", "from", "after to"),
        ("/api/search?q=Syria&sort=random", "sort", "relevance, newest, oldest"),
        ("/api/search?q=Syria&month=2025-13", "month", "YYYY-MM"),
        ("/api/search?q=" + "x" * 501, "q", "over the limit of 500"),
        ("/api/search?q=Syria&source=" + "s" * 501, "source", "over 500 characters"),
        ("/api/search", "q", "give the words"),
        ("/api/search?q=", "q", "give the words"),
    ],
)
def test_bad_parameters_are_400_naming_the_parameter(
    client: FlaskClient, url: str, parameter: str, says: str
) -> None:
    data = api(client, url, status=400)
    assert data["parameter"] == parameter
    assert data["error"].startswith(f"{parameter}: ") and says in data["error"], data["error"]


def test_match_any_ranks_any_word_instead_of_relaxing(client: FlaskClient, web_engine: Engine) -> None:
    """No article names both Palmyra and Zaatari: all words relax to any word and say so;
    match=any ranks the articles with any of them from the start, as Engine.search does."""
    all_words = api(client, "/api/search?q=Palmyra Zaatari")
    any_word = api(client, "/api/search?q=Palmyra Zaatari&match=any")
    assert all_words["relaxed"] is True and any_word["relaxed"] is False
    expected = web_engine.search("Palmyra Zaatari", match="any")
    assert any_word["total"] == expected.total and [hit["id"] for hit in any_word["hits"]] == [
        hit.id for hit in expected
    ]
    assert api(client, "/api/search?q=x&match=some", status=400)["parameter"] == "match"


def test_entity_filter_narrows_to_articles_naming_it(client: FlaskClient, web_engine: Engine) -> None:
    everything = api(client, "/api/search?q=Syria&limit=100")
    narrowed = api(client, "/api/search?q=Syria&entity=palmyra&limit=100")
    assert 0 < narrowed["total"] < everything["total"]
    assert all("palmyra" in hit["entities"] for hit in narrowed["hits"])
    assert next(v for v in narrowed["facets"]["entity"] if v["value"] == "palmyra")["selected"] is True
    data = api(client, "/api/search?q=Syria&entity=Not An Id!", status=400)
    assert data["parameter"] == "entity" and "expected an entity id" in data["error"]


@pytest.mark.parametrize(
    ("path", "doc_id"),
    [
        ("/api/doc/sample-ar-001", "sample-ar-001"),
        (
            "/api/doc/https://example.org/wire/2026/03/21/raqqa-market%3Fref=rss%23top",
            "https://example.org/wire/2026/03/21/raqqa-market?ref=rss#top",
        ),
    ],
)
def test_doc(client: FlaskClient, web_engine: Engine, path: str, doc_id: str) -> None:
    data = api(client, path)
    document = web_engine.get(doc_id)
    assert data["id"] == doc_id and data["title"] == document.title and data["body"] == document.body
    assert set(data) == {
        "id", "title", "body", "lang", "published", "source", "url", "dateline", "author", "title_html",
        "body_html",
    }  # fmt: skip
    assert "<mark>" not in data["body_html"]  # no query, nothing marked


def test_doc_marks_the_query(client: FlaskClient) -> None:
    data = api(client, "/api/doc/sample-ar-001?q=الشرع")
    assert "<mark>أحمد الشرع</mark>" in data["body_html"] and "<mark>أحمد الشرع</mark>" in data["title_html"]


def test_unknown_doc_is_404_json(client: FlaskClient) -> None:
    data = api(client, "/api/doc/no-such-article", status=404)
    assert data["error"] == "id: no article has the id 'no-such-article'"


def test_healthz(client: FlaskClient, web_engine: Engine) -> None:
    data = api(client, "/healthz")
    assert data == {
        "status": "ok",
        "documents": 54 + len(HOSTILE_DOCUMENTS),
        "generation": web_engine.store.current().name,
    }


def test_unknown_api_path_is_404_json(client: FlaskClient) -> None:
    assert "error" in api(client, "/api/nothing-here", status=404)


def test_doc_marks_the_alias_form_its_hit_marked(client: FlaskClient, web_engine: Engine) -> None:
    """?q=ISIS marks the Arabic article's own form (تنظيم داعـــش, with tatweel), as its snippet did."""
    doc_id, form = alias_marked_hit(web_engine, "ISIS")
    data = api(client, f"/api/doc/{doc_id}?q=ISIS")
    assert f"<mark>{form}</mark>" in data["body_html"]
