"""Run a search on a backend's reader: check parameters, compile, page, build hits.

Parameters are bounded here (query length, page size, result window), so
every caller (Python API, CLI, web) gets the same limits and the same error
messages naming the parameter at fault.
"""

from __future__ import annotations

import re
import time
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

from search.aliases.matcher import confirmed
from search.aliases.resolver import AliasResolver
from search.backends import Filters, Found, Reader
from search.entity_facets import facet_counts
from search.errors import InvalidParameterError
from search.facets import facet_values
from search.highlight import MAX_ANALYSED_CHARS, Span, highlight_all, snippet
from search.index import date_key, stored_published
from search.ingest.dates import FIRST_YEAR, LAST_YEAR, parse_date
from search.parameters import parameter, parameters
from search.query import And, Compiled, Compiler, Node, Not, expand, parse, walk
from search.query.plan import Plan
from search.results import FacetValue, Hit, QueryEntity, Results, Similar
from search.suggest import suggest
from search.timeline import timeline

MAX_QUERY_CHARS = 500
MAX_WILDCARD_WORDS = 50  # words one `prefix*` searches
MAX_WILDCARD_SCAN = 5_000  # vocabulary entries read to find them
MAX_LIMIT = 100
MAX_WINDOW = 1_000  # page * limit: deep paging costs, and nobody reads page 900
SORTS = ("relevance", "newest", "oldest")
# "all": every word required, falling back to any word when that finds nothing
# (what a reader typing keywords expects). "any": BM25 over the OR of the
# words from the start, for natural-language questions (evaluation, "more like").
MATCHES = ("all", "any")
_MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])")
_DATE_RANGE = f"dates from {FIRST_YEAR}-01-01 to {LAST_YEAR}-12-31 are searched"
_ANY_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")
_ENTITY = re.compile(r"[a-z0-9][a-z0-9-]{0,99}")


@dataclass(frozen=True)
class SearchRequest:
    """A checked search: every field is within bounds.

    Each field is a parameter of Engine.search, of the web (by its web name)
    and of `news-search query` (by its option), declared here once;
    PARAMETERS below reads the declarations back.
    """

    query: str = field(
        metadata=parameter(help="the words to search for (docs/query-syntax.md)", web="q", cli="")
    )
    lang: str | None = field(
        default=None,
        metadata=parameter(help="only articles in this language (ar, en, ...)", metavar="CODE", narrows=True),
    )
    source: str | None = field(
        default=None,
        metadata=parameter(help="only articles from this source (exact name)", metavar="NAME", narrows=True),
    )
    entity: str | None = field(
        default=None,
        metadata=parameter(
            help="only articles naming this entity: its id, like isis (docs/aliases.md, `aliases lookup`)",
            metavar="ID",
            narrows=True,
        ),
    )
    month: str | None = field(
        default=None,
        metadata=parameter(
            help="only articles published in this month (YYYY-MM)", metavar="YYYY-MM", narrows=True
        ),
    )
    since: datetime | None = field(
        default=None,
        metadata=parameter(
            help="only articles published on or after DATE (YYYY-MM-DD)",
            web="from",
            metavar="DATE",
            narrows=True,
        ),
    )
    until: datetime | None = field(
        default=None,
        metadata=parameter(
            help="only articles published on or before DATE (YYYY-MM-DD)",
            web="to",
            metavar="DATE",
            narrows=True,
        ),
    )
    sort: str = field(default="relevance", metadata=parameter(help="order of the results", choices=SORTS))
    match: str = field(
        default="all",
        metadata=parameter(
            help="all: every word required (any word, marked relaxed, if no article has all); "
            "any: rank the articles having any of the words, for questions",
            choices=MATCHES,
        ),
    )
    page: int = field(default=1, metadata=parameter(help="page number", metavar="N"))
    limit: int = field(default=10, metadata=parameter(help=f"results per page, 1-{MAX_LIMIT}", metavar="N"))
    collapse: bool = field(
        default=True,
        metadata=parameter(
            help="one hit per story: copies of one wire story on other sites are folded under "
            "its most relevant copy (off: list every article)"
        ),
    )

    @classmethod
    def checked(cls, query: str, **options: Any) -> SearchRequest:
        """The request `query` and `options` (other fields by name; dates as
        text or date objects) describe; InvalidParameterError names the first
        out of bounds, TypeError an unknown option."""
        for name in options:
            if name not in _OPTION_NAMES:
                raise TypeError(f"search() got an unexpected keyword argument {name!r}")
        values = {spec.name: spec.default for spec in PARAMETERS if spec.name != "query"} | options
        limit, page, sort, match = values["limit"], values["page"], values["sort"], values["match"]
        collapse = values["collapse"]
        lang, source, month, entity = values["lang"], values["source"], values["month"], values["entity"]
        if not isinstance(query, str):
            raise InvalidParameterError(f"query: expected text, got {type(query).__name__}", "query")
        if len(query) > MAX_QUERY_CHARS:
            raise InvalidParameterError(
                f"query: {len(query)} characters is over the limit of {MAX_QUERY_CHARS}; shorten it", "query"
            )
        if not isinstance(limit, int) or not 1 <= limit <= MAX_LIMIT:
            raise InvalidParameterError(
                f"limit: must be a whole number from 1 to {MAX_LIMIT}, got {limit!r}", "limit"
            )
        if not isinstance(page, int) or page < 1:
            raise InvalidParameterError(f"page: must be a whole number from 1, got {page!r}", "page")
        if page * limit > MAX_WINDOW:
            raise InvalidParameterError(
                f"page: results are served up to number {MAX_WINDOW}; page {page} of {limit} goes past it "
                "(narrow the query or filters instead)",
                "page",
            )
        if not isinstance(collapse, bool):
            raise InvalidParameterError(f"collapse: must be true or false, got {collapse!r}", "collapse")
        if sort not in SORTS:
            raise InvalidParameterError(f"sort: must be one of {', '.join(SORTS)}, got {sort!r}", "sort")
        if match not in MATCHES:
            raise InvalidParameterError(f"match: must be one of {', '.join(MATCHES)}, got {match!r}", "match")
        start, end = _day("since", values["since"]), _day("until", values["until"], end_of_day=True)
        if start and end and start > end:
            raise InvalidParameterError("since: is after until; swap them", "since", mentions=("until",))
        if month and not (isinstance(month, str) and _MONTH.fullmatch(month)):
            raise InvalidParameterError(
                f"month: expected a month as YYYY-MM (like 2025-12), got {month!r}", "month"
            )
        if month and not FIRST_YEAR <= int(month[:4]) <= LAST_YEAR:
            raise InvalidParameterError(f"month: {month!r} is out of range; {_DATE_RANGE}", "month")
        if entity and not (isinstance(entity, str) and _ENTITY.fullmatch(entity)):
            raise InvalidParameterError(
                f"entity: expected an entity id such as isis or deir-ez-zor, got {entity!r}", "entity"
            )
        return cls(
            query=query,
            lang=(lang or "").strip().lower() or None,
            source=source or None,
            entity=entity or None,
            month=month or None,
            since=start,
            until=end,
            sort=sort,
            match=match,
            page=page,
            limit=limit,
            collapse=collapse,
        )


# Every search parameter, in the order pages, links and --help list them.
PARAMETERS = parameters(SearchRequest)
_OPTION_NAMES = frozenset(spec.name for spec in PARAMETERS if spec.name != "query")


def _day(name: str, value: str | date | None, end_of_day: bool = False) -> datetime | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, date):
        moment = datetime(value.year, value.month, value.day)
    else:
        moment = parse_date(str(value))
        year = _ANY_YEAR.search(str(value))
        if moment is None and year and not FIRST_YEAR <= int(year.group(1)) <= LAST_YEAR:
            raise InvalidParameterError(f"{name}: {str(value)[:40]!r} is out of range; {_DATE_RANGE}", name)
        if moment is None:
            raise InvalidParameterError(f"{name}: {value!r} is not a date; use YYYY-MM-DD", name)
    if not FIRST_YEAR <= moment.year <= LAST_YEAR:
        raise InvalidParameterError(
            f"{name}: {moment.date().isoformat()} is out of range; {_DATE_RANGE}", name
        )
    if end_of_day and (moment.hour, moment.minute, moment.second) == (0, 0, 0):
        moment = moment.replace(hour=23, minute=59, second=59)
    return moment


def _filters(request: SearchRequest) -> Filters:
    return Filters(
        lang=request.lang,
        source=request.source,
        since=date_key(request.since) if request.since else None,
        until=date_key(request.until) if request.until else None,
        month=request.month,
        entity=request.entity,
    )


def run_search(
    reader: Reader, request: SearchRequest, aliases: AliasResolver | None = None, correct: bool = True
) -> Results:
    started = time.perf_counter()
    results = Results(
        request.query, 0, request.page, request.limit, sort=request.sort, collapse=request.collapse
    )
    tree = expand(parse(request.query), aliases)
    vocabulary = IndexVocabulary(reader)
    any_word = request.match == "any"
    compiled, exact = _compile(tree, vocabulary, relaxed=any_word)
    results.message = " ".join(compiled.notes)
    if compiled.query is None:
        results.message = " ".join(
            [
                *compiled.notes,
                "Nothing to search for: type a word (stopwords and punctuation alone are ignored).",
            ]
        )
        return results
    found = _find(reader, compiled.query, request)
    if not found.total and not any_word and _relaxable(tree):
        relaxed = Compiler(relaxed=True, exact=exact, vocabulary=vocabulary).compile(tree)
        found = _find(reader, relaxed.query, request)
        results.relaxed = True
    results.total, results.stories = found.total, found.stories
    results.facets = facet_values(
        found.facets, {"lang": request.lang, "source": request.source, "month": request.month}
    )
    results.timeline = timeline(found.facets, request.since, request.until)
    for hit in found.hits:
        similar = tuple(_similar(copy) for copy in hit.similar)
        results.hits.append(_hit(dict(hit.fields), hit.score, compiled, aliases, similar))
    if aliases is not None:
        results.query_entities = [
            _entity_ref(aliases, entity, form) for entity, form in compiled.entities.items()
        ]
        if results.total:
            results.entities = facet_counts(found.entities, aliases)
            results.entities_over = found.entities_over
            results.facets["entity"] = [
                FacetValue(entity.id, entity.label_en, entity.count, entity.id == request.entity)
                for entity in results.entities
            ]
    if correct and (results.total == 0 or results.relaxed or compiled.guessed):
        results = _corrected(reader, request, tree, results, aliases)
    results.took_ms = (time.perf_counter() - started) * 1000
    return results


def _entity_ref(aliases: AliasResolver, entity_id: str, form: str) -> QueryEntity:
    entity = aliases.entity(entity_id)
    label_en, label_ar = (entity.label_en, entity.label_ar) if entity else (entity_id, entity_id)
    return QueryEntity(entity_id, label_en, label_ar, form)


def _find(reader: Reader, plan: Plan | None, request: SearchRequest) -> Found:
    if plan is None:
        return Found(0)
    offset = (request.page - 1) * request.limit
    return reader.find(plan, _filters(request), request.sort, offset, request.limit, request.collapse)


def _corrected(
    reader: Reader,
    request: SearchRequest,
    tree: Node | None,
    results: Results,
    aliases: AliasResolver | None,
) -> Results:
    """Spelling help when a query found nothing, had to relax, or searched a name by a
    guess (a word the index does not have may be misspelt, not a name): search the
    correction instead if the query found nothing, else offer it."""
    suggestion = suggest(reader, request.query, tree)
    if suggestion is None:
        return results
    if results.total:
        results.suggestion = suggestion.text
        return results
    corrected = run_search(reader, replace(request, query=suggestion.text), aliases, correct=False)
    if not corrected.total:
        return results
    corrected.corrected_from = request.query
    return corrected


def _compile(
    tree: Node | None, vocabulary: IndexVocabulary | None = None, relaxed: bool = False
) -> tuple[Compiled, bool]:
    """The query plan of a tree, and whether it searches the exact views."""
    compiled = Compiler(relaxed=relaxed, vocabulary=vocabulary).compile(tree)
    if compiled.query is None and tree is not None:
        # "علي", "The Who": only stopwords, so search the unstemmed views
        return Compiler(relaxed=relaxed, exact=True, vocabulary=vocabulary).compile(tree), True
    return compiled, False


def highlight_article(
    title: str, body: str, query: str, aliases: AliasResolver | None = None
) -> tuple[str, str]:
    """Title and body of an article as HTML with the words of `query` marked,
    the way its hit was marked (article pages), alias forms of the entities
    it names included; everything else escaped."""
    if len(query) > MAX_QUERY_CHARS:
        raise InvalidParameterError(
            f"query: {len(query)} characters is over the limit of {MAX_QUERY_CHARS}; shorten it", "query"
        )
    compiled, _ = _compile(expand(parse(query), aliases))
    title_marks: list[Span] = []
    body_marks: list[Span] = []
    if compiled.entities and aliases is not None:
        title_marks, body_marks = _entity_spans(aliases, tuple(compiled.entities), title, body)
    return (
        highlight_all(title, compiled.stem_terms, compiled.exact_terms, extra=title_marks),
        highlight_all(body, compiled.stem_terms, compiled.exact_terms, extra=body_marks),
    )


class IndexVocabulary:
    """The words of one index, as the query compiler asks for them (spelling.Vocabulary)."""

    def __init__(self, reader: Reader) -> None:
        self.reader = reader
        self._articles: int | None = None

    def prefixed(self, field: str, prefix: str) -> tuple[list[str], bool]:
        """Wildcard expansion, bounded in work and in size: `a*` could mean tens of
        thousands of words, so at most MAX_WILDCARD_SCAN are read, and the
        MAX_WILDCARD_WORDS most frequent of them searched."""
        found: list[tuple[int, str]] = []
        more = False
        for number, word in enumerate(self.reader.words_with_prefix(field, prefix)):
            if number >= MAX_WILDCARD_SCAN:
                more = True
                break
            found.append((self.reader.doc_frequency(field, word), word))
        found.sort(key=lambda pair: (-pair[0], pair[1]))
        return [word for _, word in found[:MAX_WILDCARD_WORDS]], more or len(found) > MAX_WILDCARD_WORDS

    def frequency(self, field: str, word: str) -> tuple[int, int]:
        if self._articles is None:
            self._articles = self.reader.doc_count()
        return self.reader.doc_frequency(field, word), self._articles

    def frequency_with(self, field: str, word: str, other_field: str, other_word: str) -> tuple[int, int]:
        return self.reader.frequency_with(field, word, other_field, other_word)


def _relaxable(tree: Node | None) -> bool:
    """Whether any-word matching could find more: some implicit AND of two or more terms."""
    return any(
        isinstance(node, And)
        and node.implicit
        and sum(not isinstance(child, Not) for child in node.children) > 1
        for node in walk(tree)
    )


def _similar(stored: Mapping[str, Any]) -> Similar:
    return Similar(
        id=stored["id"],
        source=stored.get("source", ""),
        url=stored.get("url", ""),
        published=stored_published(stored),
        title=stored.get("title", ""),
        lang=stored.get("lang", ""),
        dateline=stored.get("dateline", ""),
    )


def _hit(
    stored: dict,
    score: float,
    compiled: Compiled,
    aliases: AliasResolver | None,
    similar: tuple[Similar, ...] = (),
) -> Hit:
    title, body = stored.get("title", ""), stored.get("body", "")
    entities = tuple(entity for entity in (stored.get("entity_ids") or "").split(",") if entity)
    matched = tuple(entity for entity in compiled.entities if entity in entities)
    title_marks: list[Span] = []
    body_marks: list[Span] = []
    if matched and aliases is not None:
        # Mark the form this article actually uses: the query ISIS marks داعش.
        title_marks, body_marks = _entity_spans(aliases, matched, title, body)
    return Hit(
        id=stored["id"],
        score=score,
        title=title,
        title_html=highlight_all(title, compiled.stem_terms, compiled.exact_terms, extra=title_marks),
        snippet=snippet(
            body, compiled.stem_terms, compiled.exact_terms, typed=compiled.typed, extra=body_marks
        ),
        lang=stored.get("lang", ""),
        published=stored_published(stored),
        source=stored.get("source", ""),
        url=stored.get("url", ""),
        dateline=stored.get("dateline", ""),
        entities=entities,
        matched_entities=matched,
        similar=similar,
    )


def _entity_spans(
    aliases: AliasResolver, entities: tuple[str, ...], title: str, body: str
) -> tuple[list[Span], list[Span]]:
    """Spans of the confirmed mentions of `entities` in the title and the body."""
    wanted = set(entities)
    spans = []
    for text in (title, body[:MAX_ANALYSED_CHARS]):
        mentions = confirmed(aliases.mentions(text))
        spans.append(
            [Span(m.start, m.end, f"entity:{m.entity}", False) for m in mentions if m.entity in wanted]
        )
    return spans[0], spans[1]
