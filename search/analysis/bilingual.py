"""Route each word of bilingual text to Arabic or English analysis.

Two views of the same text, both with offsets into the ORIGINAL string:
STEM (normalised, stemmed, no stopwords) for recall, and EXACT (normalised,
unstemmed, every word kept) for quoted phrases. Pure Python, no Whoosh: the
Whoosh analyzers in analyzers.py are thin wrappers over `analyze`.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from typing import NamedTuple

from search.analysis import arabic, english
from search.analysis.tokenizer import SCRIPT_ARABIC, SCRIPT_NUMBER, scan, script_of


class View(str, enum.Enum):
    STEM = "stem"
    EXACT = "exact"


class WordForms(NamedTuple):
    """The index terms of one written word; `stem` is None for a stopword."""

    exact: str
    stem: str | None
    script: str  # tokenizer.SCRIPT_*: the aliases look up Arabic and Latin names apart


class Term(NamedTuple):
    """One index term with the span of the original word it came from."""

    text: str
    start: int
    end: int
    position: int


def _analyze_word(raw: str, script: str) -> WordForms:
    if script == SCRIPT_ARABIC:
        exact = arabic.normalize(raw)
        if arabic.is_stopword(exact):
            return WordForms(exact, None, script)
        return WordForms(exact, arabic.light_stem(arabic.accusative_base(raw, exact)), script)
    if script == SCRIPT_NUMBER:
        digits = arabic.normalize(raw)
        return WordForms(digits, digits, script)
    exact = english.normalize(raw)
    if not exact or english.is_stopword(raw, exact):
        return WordForms(exact, None, script)
    if exact.isascii() and exact.isalpha():
        return WordForms(exact, english.stem(exact), script)
    return WordForms(exact, exact, script)  # digits, mixed tokens, other scripts


# Natural text is Zipf-distributed, so a plain dict memo saves most of the
# per-word work; it is bounded so a huge vocabulary cannot grow it forever.
_CACHE_LIMIT = 300_000
_cache: dict[str, WordForms] = {}


def word_forms(raw: str, script: str) -> WordForms:
    """Exact and stemmed forms of one word as written (memoised)."""
    forms = _cache.get(raw)
    if forms is None:
        if len(_cache) >= _CACHE_LIMIT:
            _cache.clear()
        forms = _cache[raw] = _analyze_word(raw, script)
    return forms


# The index analyses every title and body twice, once per view, and the
# aliases read them too, all handed the same string objects, in turn: the
# words of the last few texts are kept (by identity), so the next reader of
# the title or the body skips tokenising. The tuple is replaced as a whole,
# so threads never see half of it.
_RECENT_TEXTS = 4  # an article's title and body, and the previous article's
_recent_words: tuple[tuple[str, list[tuple[WordForms, int, int]]], ...] = ()


def words_in(text: str) -> list[tuple[WordForms, int, int]]:
    """Every written word of `text` with its forms and its span, in order."""
    global _recent_words
    recent = _recent_words
    for seen, words in recent:
        if seen is text:
            return words
    words = []
    for match in scan(text):
        raw = match.group()
        forms = _cache.get(raw) or word_forms(raw, script_of(match))
        words.append((forms, match.start(), match.end()))
    _recent_words = ((text, words), *recent[: _RECENT_TEXTS - 1])
    return words


def analyze(text: str, view: View = View.STEM) -> Iterator[Term]:
    """Index terms of `text` in one view; positions count every written word."""
    stemmed = view is View.STEM
    for position, (forms, start, end) in enumerate(words_in(text)):
        term = forms.stem if stemmed else forms.exact
        if term:
            yield Term(term, start, end, position)


def terms(text: str, view: View = View.STEM) -> list[str]:
    """Just the index terms of `text`, in order (for queries and tests)."""
    return [term.text for term in analyze(text, view)]
