"""Snippets with <mark>ed matches, cut from the ORIGINAL stored text.

A word matches when its stemmed or exact form is among the query's terms, so
سوريـــا, بسوريا and سُورِيَا are all marked for the query سوريا, and the mark
covers the word exactly as written, diacritics and tatweel included.
Everything outside the marks is HTML-escaped: the result is safe to insert.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass
from html import escape

from search.analysis.bilingual import words_in

SNIPPET_CHARS = 240
MAX_ANALYSED_CHARS = 200_000  # a 20 MB page is searched whole but snippeted from its start
_SENTENCE_STOPS = ".!?؟\n"
# A snippet ends at a word's end, but no word is followed further than this:
# a 100,000-character "word" (a base64 blob, a run of dashes) is cut instead.
MAX_WORD_STRETCH = 40


@dataclass(frozen=True)
class Span:
    """A matched word: where it is, which query term it matched, and whether it
    is the very form the reader typed."""

    start: int
    end: int
    term: str = ""
    typed: bool = False


def matches(
    text: str,
    stem_terms: Collection[str],
    exact_terms: Collection[str] = (),
    typed: Collection[str] = (),
) -> list[Span]:
    """Spans of the words of `text` that the query terms match."""
    if not stem_terms and not exact_terms:
        return []
    found = []
    # The words come from words_in, which keeps the last texts' words: the
    # alias marks of the same title and body (searching._entity_spans) read
    # them too, so a hit's text is tokenised once.
    for forms, start, end in words_in(text[:MAX_ANALYSED_CHARS]):
        if forms.exact in exact_terms:
            found.append(Span(start, end, forms.exact, forms.exact in typed))
        elif forms.stem is not None and forms.stem in stem_terms:
            found.append(Span(start, end, forms.stem, forms.exact in typed))
    return found


def mark(text: str, spans: list[Span], start: int = 0, end: int | None = None) -> str:
    """HTML for text[start:end] with each span wrapped in <mark>."""
    end = len(text) if end is None else end
    parts, cursor = [], start
    for span in spans:
        if span.start < start or span.end > end:
            continue
        parts.append(escape(text[cursor : span.start]))
        parts.append(f"<mark>{escape(text[span.start : span.end])}</mark>")
        cursor = span.end
    parts.append(escape(text[cursor:end]))
    return "".join(parts)


def highlight_all(
    text: str, stem_terms: Collection[str], exact_terms: Collection[str] = (), extra: Collection[Span] = ()
) -> str:
    """The whole text as HTML with every match marked (for an article page).

    `extra` are more spans to mark, such as the alias forms of an entity.
    """
    return mark(text, _merge(matches(text, stem_terms, exact_terms), extra))


def _merge(spans: list[Span], extra: Collection[Span]) -> list[Span]:
    """Term matches and extra spans in text order, without overlaps (the earlier wins)."""
    if not extra:
        return spans
    merged: list[Span] = []
    for span in sorted([*spans, *extra], key=lambda span: (span.start, -span.end)):
        if not merged or span.start >= merged[-1].end:
            merged.append(span)
    return merged


def snippet(
    text: str,
    stem_terms: Collection[str],
    exact_terms: Collection[str] = (),
    length: int = SNIPPET_CHARS,
    typed: Collection[str] = (),
    extra: Collection[Span] = (),
) -> str:
    """The window of about `length` characters that covers the most query terms, as HTML.

    Ties go to the window with more of the forms the reader typed (`typed`,
    exact-view forms: بسوريا over السورية), then to more matches, then the earliest.
    """
    spans = _merge(matches(text, stem_terms, exact_terms, typed), extra)
    if not spans:
        start, end = 0, _word_end(text, min(length, len(text)))
        return mark(text, [], start, end) + ("…" if end < len(text) else "")
    start, at_sentence = _window_start(text, _best_window(spans, length))
    end = _word_end(text, min(start + length, len(text)))
    html = mark(text, spans, start, end)
    return ("" if at_sentence else "…") + html + ("…" if end < len(text) else "")


def _best_window(spans: list[Span], length: int) -> int:
    """Start of the best window (see `snippet`); a two-pointer sweep, linear in
    the number of matches, so a long page full of the query word stays cheap."""
    terms: Counter[str] = Counter()
    typed = right = 0
    best_start, best_score = spans[0].start, (-1, -1, -1)
    for left, first in enumerate(spans):
        while right < len(spans) and spans[right].end <= first.start + length:
            terms[spans[right].term] += 1
            typed += spans[right].typed
            right += 1
        score = (len(terms), typed, right - left)
        if score > best_score:
            best_start, best_score = first.start, score
        if right > left:
            terms[first.term] -= 1
            if not terms[first.term]:
                del terms[first.term]
            typed -= first.typed
        else:
            right = left + 1
    # Give the first match some context before it, up to a third of the window.
    return max(best_start - length // 3, 0)


def _window_start(text: str, start: int) -> tuple[int, bool]:
    """(start, whether it is a sentence start): back to a sentence start
    within 60 characters, else forward to the next word."""
    for back in range(start, max(start - 60, 0) - 1, -1):
        if _sentence_starts_at(text, back):
            return _skip_space(text, back), True
    limit = min(start + MAX_WORD_STRETCH, len(text))
    while start < limit and not text[start - 1].isspace():
        start += 1
    return _skip_space(text, start), False


def _sentence_starts_at(text: str, position: int) -> bool:
    """At the text's start, a line start, or after a stop and a space ("Dec.20" is no stop)."""
    if position == 0 or text[position - 1] == "\n":
        return True
    return position >= 2 and text[position - 1].isspace() and text[position - 2] in _SENTENCE_STOPS


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position].isspace():
        position += 1
    return position


def _word_end(text: str, end: int) -> int:
    """Do not cut a word in half: extend to the end of the word at `end`,
    unless it runs on for more than MAX_WORD_STRETCH characters."""
    limit = min(end + MAX_WORD_STRETCH, len(text))
    while end < limit and not text[end].isspace():
        end += 1
    return end
