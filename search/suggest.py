"""Spelling suggestions ("did you mean") from the index's own vocabulary, both scripts.

A query word is a suspect only when it matches nothing at all (none of its
stemmed terms is in the index). Candidates come from the exact views
(`title_exact`, `body_exact`): normalised, unstemmed words that really occur
in the articles, so داعيش → داعش and Palmira → Palmyra, and nothing is ever
suggested that would find nothing. The nearest edit distance wins, then the
most frequent word. The suggestion shows the word as the articles write it
(الأميركية with its hamza, Palmyra capitalised), not the folded index form.

Cost is bounded: at most MAX_SUSPECTS words, distance 2 only for longer words
and only when distance 1 found nothing, and a shared prefix (the article ال
included) so the backend reads only a small slice of the term list.
Runs only when a search found nothing, had to relax, or searched a name by a guess
(a transliteration or consonant key; searching.py).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from search.analysis.bilingual import View, terms, word_forms
from search.analysis.tokenizer import ARABIC_MARKS, INWORD_CONTROLS, tokenize
from search.backends import Reader
from search.highlight import MAX_ANALYSED_CHARS
from search.query import Node, Not, Word, walk

VOCABULARY_FIELDS = ("title_exact", "body_exact")
MATCH_FIELDS = ("title", "body")
MAX_SUSPECTS = 3  # misspelt words corrected per query
MIN_LENGTH = 3  # shorter words are too ambiguous to correct
LONG_WORD = 5  # from this length, two edits are allowed
SPELLING_ARTICLES = 5  # articles read to see how a suggested word is written
_MARKS = re.compile(f"[{ARABIC_MARKS}{INWORD_CONTROLS}]")


@dataclass(frozen=True)
class Suggestion:
    """The corrected query text and which written word became which."""

    text: str
    corrections: tuple[tuple[str, str], ...]


def suggest(reader: Reader, query: str, tree: Node | None) -> Suggestion | None:
    """A corrected version of `query`, or None when no word looks misspelt or
    no close word exists in the index."""
    corrections: list[tuple[str, str]] = []
    for written in _suspects(reader, tree):
        correction = _closest(reader, written)
        if correction is not None:
            corrections.append((written, correction))
    if not corrections:
        return None
    text = query
    for written, correction in corrections:
        text = re.sub(rf"(?<!\w){re.escape(written)}(?!\w)", lambda _, new=correction: new, text, count=1)
    return Suggestion(text, tuple(corrections)) if text != query else None


def _suspects(reader: Reader, tree: Node | None) -> list[str]:
    """Plain, positive query words (no field, not excluded) that match no document."""
    excluded = {id(node.child) for node in walk(tree) if isinstance(node, Not)}
    suspects: list[str] = []
    for node in walk(tree):
        if not isinstance(node, Word) or node.field is not None or id(node) in excluded:
            continue
        stems = terms(node.text, View.STEM)
        if len(terms(node.text, View.EXACT)) != 1 or not stems:
            continue  # stopwords, numbers glued to words, hyphenated compounds: leave them
        if any(reader.doc_frequency(field, stem) for field in MATCH_FIELDS for stem in stems):
            continue
        if node.text not in suspects:
            suspects.append(node.text)
    return suspects[:MAX_SUSPECTS]


def _closest(reader: Reader, written: str) -> str | None:
    [exact] = terms(written, View.EXACT)
    if len(exact) < MIN_LENGTH:
        return None
    # Misspellings rarely touch the first letters; an Arabic word with the
    # article shares ال plus one letter. The prefix is what keeps this cheap.
    prefix = 3 if exact.startswith("ال") and len(exact) > 4 else 2 if len(exact) >= LONG_WORD else 1
    for distance in (1, 2) if len(exact) >= LONG_WORD else (1,):
        found: set[str] = set()
        for field in VOCABULARY_FIELDS:
            found.update(reader.words_near(field, exact, distance, prefix))
        found.discard(exact)
        useful = [word for word in found if terms(word, View.STEM)]  # a stopword would find nothing
        if useful:
            best = max(useful, key=lambda word: (_frequency(reader, word), word))
            return _as_written(reader, best)
    return None


def _frequency(reader: Reader, word: str) -> int:
    return sum(reader.doc_frequency(field, word) for field in VOCABULARY_FIELDS)


def _as_written(reader: Reader, exact: str) -> str:
    """The index word as the articles spell it (hamza, capitals), without
    diacritics or tatweel; the folded form if no article shows it."""
    spellings: Counter[str] = Counter()
    articles = reader.articles_with_term("body_exact", exact, SPELLING_ARTICLES) or reader.articles_with_term(
        "title_exact", exact, SPELLING_ARTICLES
    )
    for stored in articles:
        text = f"{stored.get('title', '')}\n{stored.get('body', '')}"[:MAX_ANALYSED_CHARS]
        for token in tokenize(text):
            if word_forms(token.text, token.script).exact == exact:
                spellings[_MARKS.sub("", token.text)] += 1
    # The commonest spelling over a few articles ("coalition" in running text over
    # "Coalition" in a title), not one article's: which article a backend reads first is
    # its own affair, and the spelling then decides whether a name is looked up.
    return max(spellings, key=lambda spelling: (spellings[spelling], spelling)) if spellings else exact
