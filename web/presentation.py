"""How a page of results is laid out: page windows, facet links, month groups, labels.

Layout only: no search logic (counts, matches and suggestions come from
search/) and no markup (that is the templates'). Functions here are the
template globals the ui blueprint registers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import quote, urlencode

from flask import request, url_for
from markupsafe import Markup

from search.documents import Document
from search.results import FacetValue, Hit, Results
from search.searching import MAX_WINDOW
from web import i18n
from web.params import SearchParams
from web.timeline import timeline_chart

PAGE_WINDOW = 2  # page links shown on each side of the current page

# A "." or ".." path segment, which a browser resolves away before asking for the link.
_DOT_SEGMENT = re.compile(r"(^|/)\.{1,2}(/|$)")

# Facet names are the names of the parameters that filter on them.
FACET_ORDER = ("lang", "source", "entity", "month")


@dataclass(frozen=True)
class PageLink:
    number: int
    href: str
    current: bool


@dataclass(frozen=True)
class Pagination:
    previous: str | None
    next: str | None
    pages: list[PageLink]


@dataclass(frozen=True)
class YearGroup:
    year: str
    count: int
    months: list[FacetValue]


def last_page(results: Results) -> int:
    """The last page a reader can reach: the result window caps deep paging."""
    return max(min(results.pages, MAX_WINDOW // results.limit), 1)


def pagination(results: Results, params: SearchParams, path: str = "/") -> Pagination | None:
    """Links to nearby pages, or None when everything fits on one page."""
    last = last_page(results)
    if last <= 1 or results.page > last:
        return None
    low, high = max(results.page - PAGE_WINDOW, 1), min(results.page + PAGE_WINDOW, last)
    numbers = sorted({1, *range(low, high + 1), last})
    return Pagination(
        previous=params.link(path, page=results.page - 1) if results.page > 1 else None,
        next=params.link(path, page=results.page + 1) if results.page < last else None,
        pages=[
            PageLink(number, params.link(path, page=number), number == results.page) for number in numbers
        ],
    )


def shown_facets(results: Results) -> list[str]:
    """Names of the facets that have values, in display order (entity appears
    once the index fills it)."""
    return [name for name in FACET_ORDER if results.facets.get(name)]


def facet_link(params: SearchParams, name: str, value: FacetValue) -> str:
    """Narrow to `value`, or, when it is the selected one, remove the filter."""
    return params.link("/", **{name: "" if value.selected else value.value})


def remove_filter_link(params: SearchParams, name: str) -> str:
    return params.link("/", **{name: ""})


def month_groups(values: list[FacetValue]) -> list[YearGroup]:
    """Month facet values (newest first) grouped under their years."""
    groups: dict[str, list[FacetValue]] = {}
    for value in values:
        groups.setdefault(value.value[:4], []).append(value)
    return [YearGroup(year, sum(month.count for month in months), months) for year, months in groups.items()]


def facet_label(name: str, value: FacetValue, results: Results | None, ui: str) -> str:
    """A facet value's label in the interface language."""
    if name == "lang":
        return i18n.language_name(value.value, ui)
    if name == "month":
        return i18n.format_month(value.value, ui)
    if name == "entity":
        return entity_label(value.value, results, ui) or value.label
    return value.label


def filter_label(name: str, value: str, results: Results | None, ui: str) -> str:
    """An active filter as the chip above the results shows it."""
    if name == "lang":
        return i18n.language_name(value, ui)
    if name == "month":
        return f"{i18n.format_month(value, ui)} {value[:4]}"
    if name == "entity":
        return entity_label(value, results, ui) or value
    return value


def entity_label(entity_id: str, results: Results | None, ui: str) -> str:
    """The entity's label in the interface language, from Results.entities
    (filled by the entity index, issue 3/5); "" when unknown."""
    for entity in getattr(results, "entities", None) or ():
        if getattr(entity, "id", None) == entity_id:
            arabic, english = getattr(entity, "label_ar", ""), getattr(entity, "label_en", "")
            return (arabic or english) if ui == "ar" else (english or arabic)
    return ""


def hit_date(hit: Hit | Document, ui: str) -> str:
    """The date as a reader says it, else the dateline the page gave, else "undated"."""
    if hit.published:
        return i18n.format_date(hit.published, ui)
    return hit.dateline or i18n.translate(ui, "undated")


def similar_summary(hit: Hit, ui: str) -> str:
    """ "2 similar from Site B, Site C": the copies folded under a hit, each site named once."""
    sources = list(dict.fromkeys(copy.source for copy in hit.similar if copy.source))
    named = i18n.translate(ui, "list_separator").join(sources) or "?"
    if len(hit.similar) == 1:
        return i18n.translate(ui, "similar_from_one", sources=named)
    return i18n.translate(ui, "similar_from", count=len(hit.similar), sources=named)


def iso_date(moment: datetime | None) -> str:
    return moment.isoformat() if moment else ""


def article_link(doc_id: str, query: str) -> str:
    """The article page of `doc_id`, for the search `query`.

    Ids are outside input and often URLs; their slashes stay readable, except
    in an id with a "." or ".." segment, whose slashes are percent-encoded too:
    a browser would resolve `/doc/../../x` to `/x`, outside the article pages."""
    if _DOT_SEGMENT.search(doc_id):
        return f"{request.script_root}/doc/{quote(doc_id, safe='')}?{urlencode({'q': query})}"
    return url_for("ui.article_page", doc_id=doc_id, q=query)


def paragraphs(html: str) -> list[Markup]:
    """Highlighted article HTML split at blank lines. Safe: `html` comes from
    search.highlight, which escapes everything but its own <mark> tags, and a
    mark never spans a line break."""
    return [Markup(part.strip()) for part in html.replace("\r\n", "\n").split("\n\n") if part.strip()]


def template_globals() -> dict[str, Any]:
    return {
        "pagination": pagination,
        "shown_facets": shown_facets,
        "facet_link": facet_link,
        "remove_filter_link": remove_filter_link,
        "month_groups": month_groups,
        "facet_label": facet_label,
        "filter_label": filter_label,
        "hit_date": hit_date,
        "timeline_chart": timeline_chart,
        "similar_summary": similar_summary,
        "iso_date": iso_date,
        "paragraphs": paragraphs,
        "article_link": article_link,
        "direction": i18n.direction,
        "language_name": i18n.language_name,
    }
