"""Page layout helpers (web/presentation.py): pagination windows, month groups, labels."""

from __future__ import annotations

from types import SimpleNamespace
from urllib.parse import parse_qs, urlsplit

import pytest
from markupsafe import Markup

from search.results import FacetValue, Results
from web.params import SearchParams
from web.presentation import entity_label, facet_label, month_groups, pagination, paragraphs


def pages_of(total: int, page: int, limit: int = 10) -> list[int] | None:
    found = pagination(Results("x", total, page, limit), SearchParams(q="x", page=page, limit=limit))
    return None if found is None else [link.number for link in found.pages]


@pytest.mark.parametrize(
    ("total", "page", "numbers"),
    [
        (5, 1, None),  # one page: no navigation
        (25, 1, [1, 2, 3]),
        (200, 1, [1, 2, 3, 20]),
        (200, 10, [1, 8, 9, 10, 11, 12, 20]),
        (200, 20, [1, 18, 19, 20]),
        (50_000, 1, [1, 2, 3, 100]),  # the result window: page 100 of 10 is the last reachable
        (25, 9, None),  # past the last page: the page offers page 1 instead
    ],
)
def test_pagination_window(total: int, page: int, numbers: list[int] | None) -> None:
    assert pages_of(total, page) == numbers


def test_pagination_links() -> None:
    found = pagination(Results("x", 200, 2, 10), SearchParams(q="x", page=2))
    assert parse_qs(urlsplit(found.previous).query) == {"q": ["x"]}
    assert parse_qs(urlsplit(found.next).query) == {"q": ["x"], "page": ["3"]}
    assert [link.current for link in found.pages] == [False, True, False, False, False]


def test_month_groups() -> None:
    values = [
        FacetValue("2026-02", "February 2026", 2),
        FacetValue("2026-01", "January 2026", 3),
        FacetValue("2025-12", "December 2025", 7),
    ]
    groups = month_groups(values)
    assert [(group.year, group.count, len(group.months)) for group in groups] == [
        ("2026", 5, 2),
        ("2025", 7, 1),
    ]


def test_entity_labels_follow_the_interface_language() -> None:
    results = SimpleNamespace(entities=[SimpleNamespace(id="Q1", label_en="ISIS", label_ar="داعش", count=3)])
    value = FacetValue("Q1", "ISIS", 3)
    assert facet_label("entity", value, results, "ar") == "داعش"
    assert facet_label("entity", value, results, "en") == "ISIS"
    assert (
        entity_label("Q2", results, "en") == ""
        and facet_label("entity", FacetValue("Q2", "Q2 label", 1), results, "en") == "Q2 label"
    )


def test_paragraphs_split_at_blank_lines_and_keep_marks() -> None:
    parts = paragraphs("one <mark>ISIS</mark>\n\n\n\ntwo &lt;b&gt;\r\n\r\nthree")
    assert parts == ["one <mark>ISIS</mark>", "two &lt;b&gt;", "three"] and all(
        isinstance(p, Markup) for p in parts
    )
