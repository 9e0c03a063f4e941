"""Bad queries on the web: a page with a clear message or a 400 that names the parameter, never a crash."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient


@pytest.mark.parametrize(
    ("url", "status", "says"),
    [
        ("/?q=" + "x" * 10_000, 400, "over the limit of 500"),
        ("/api/search?q=" + "x" * 10_000, 400, "over the limit of 500"),
        ("/?q=*", 200, "needs 2 letters or more"),
        ("/?q=ال*", 200, "most common were searched"),
        ("/?q=%22%28%28", 200, ""),
        ("/api/search?q=ًٌٍ", 200, "Nothing to search for"),
    ],
)
def test_bad_queries_on_the_web(client: FlaskClient, url: str, status: int, says: str) -> None:
    response = client.get(url)
    assert response.status_code == status
    assert says in response.get_data(as_text=True)


@pytest.mark.parametrize(
    "query",
    ["(" * 244 + "a", "(" * 499 + "a", "-(" * 249 + "a", "title:(" * 70 + "a"],
    ids=["244 parentheses", "499 parentheses", "negated groups", "fielded groups"],
)
def test_deeply_nested_queries_are_a_400_naming_q_never_a_500(client: FlaskClient, query: str) -> None:
    response = client.get("/api/search", query_string={"q": query})
    assert response.status_code == 400
    assert response.get_json()["parameter"] == "q"
    assert "nested" in response.get_json()["error"]
    page = client.get("/", query_string={"q": query})
    assert page.status_code == 400
    assert "over the limit of 32" in page.get_data(as_text=True)
    assert client.get("/search.rss", query_string={"q": query}).status_code == 400


@pytest.mark.parametrize(
    ("url", "parameter"), [("from=1800-01-01", "from"), ("to=2150-01-01", "to"), ("month=1850-01", "month")]
)
def test_dates_out_of_range_name_the_parameter_and_the_range(
    client: FlaskClient, url: str, parameter: str
) -> None:
    response = client.get(f"/api/search?q=Palmyra&{url}")
    assert response.status_code == 400
    assert response.get_json()["parameter"] == parameter
    assert response.get_json()["error"].startswith(f"{parameter}: ")
    assert "dates from 1900-01-01 to 2099-12-31 are searched" in response.get_json()["error"]
