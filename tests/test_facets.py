"""Facet counts on the bundled sample: every match counted, each count equal to
what filtering on that value finds."""

from __future__ import annotations

import pytest

from search import Engine, InvalidParameterError
from search.facets import language_label, month_label

QUERY = "سوريا OR Syria"


def counts(results, name: str) -> dict[str, int]:
    return {value.value: value.count for value in results.facets[name]}


def test_facets_count_every_match_not_just_the_page(sample_engine: Engine) -> None:
    page = sample_engine.search(QUERY, limit=1)
    assert len(page) == 1 and page.total > 20
    for name in ("lang", "source"):
        assert sum(counts(page, name).values()) == page.total, name
    assert set(counts(page, "lang")) == {"ar", "en"}


@pytest.mark.parametrize(("facet", "parameter"), [("lang", "lang"), ("source", "source"), ("month", "month")])
def test_each_count_is_what_the_filter_finds(sample_engine: Engine, facet: str, parameter: str) -> None:
    everything = sample_engine.search(QUERY)
    assert everything.facets[facet], facet
    for value in everything.facets[facet]:
        narrowed = sample_engine.search(QUERY, **{parameter: value.value})
        assert narrowed.total == value.count, (facet, value.value)
        [chosen] = [option for option in narrowed.facets[facet] if option.selected]
        assert chosen.value == value.value and chosen.count == value.count


def test_month_facet_is_newest_first_and_skips_undated(sample_engine: Engine) -> None:
    results = sample_engine.search(QUERY, limit=100, collapse=False)  # every article a hit
    months = [value.value for value in results.facets["month"]]
    assert months == sorted(months, reverse=True) and "2025-12" in months
    dated = sum(1 for hit in results if hit.published)
    assert sum(counts(results, "month").values()) == dated < results.total  # undated articles have no month
    assert all(
        hit.published.strftime("%Y-%m") == "2025-12" for hit in sample_engine.search(QUERY, month="2025-12")
    )


def test_values_order_by_count_and_labels(sample_engine: Engine) -> None:
    results = sample_engine.search(QUERY)
    sources = [value.count for value in results.facets["source"]]
    assert sources == sorted(sources, reverse=True)
    assert {value.value: value.label for value in results.facets["lang"]} == {"ar": "Arabic", "en": "English"}
    assert not any(value.selected for values in results.facets.values() for value in values)


def test_facets_in_json(sample_engine: Engine) -> None:
    data = sample_engine.search("داعش", lang="ar").to_dict()
    assert data["facets"]["lang"] == [
        {"value": "ar", "label": "Arabic", "count": data["total"], "selected": True}
    ]


@pytest.mark.parametrize(
    ("value", "label"),
    [("2025-12", "December 2025"), ("2026-02", "February 2026"), ("not-a-month", "not-a-month")],
)
def test_month_label(value: str, label: str) -> None:
    assert month_label(value) == label


@pytest.mark.parametrize(("code", "label"), [("ar", "Arabic"), ("en", "English"), ("fr", "fr")])
def test_language_label(code: str, label: str) -> None:
    assert language_label(code) == label


@pytest.mark.parametrize("month", ["2025-13", "2025-1", "December 2025", "2025-12-01"])
def test_a_bad_month_names_the_parameter(sample_engine: Engine, month: str) -> None:
    with pytest.raises(InvalidParameterError, match=r"^month: .*YYYY-MM"):
        sample_engine.search("Syria", month=month)
