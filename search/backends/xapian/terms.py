"""How the shared index fields become Xapian terms, values and stored data.

Each field is a term prefix (Xapian's convention: capital letters), so one
database holds every view: stemmed title and body (frequencies only),
normalised exact title and body (with positions, for OP_PHRASE), the
filter fields as boolean terms, entity ids and name keys. Filters, sorts,
facets and the collapse key are value slots. The stored fields are one
JSON object in the document data.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

import xapian

from search.analysis.bilingual import View, terms, words_in

PREFIXES = {
    "title": "S",
    "body": "B",
    "title_exact": "XS",
    "body_exact": "XB",
    "source_words": "XW",
    "lang": "L",
    "source": "XO",
    "month": "XM",
    "entities": "E",
    "names": "N",
    "consonants": "XC",
    "capitalised": "XU",
    "id": "Q",
    "content_hash": "XH",
    "story": "XT",  # the story key of near-duplicates (search/stories.py)
    "bands": "XK",  # the LSH band keys that find an article's copies
    # A cluster's shards (search/backends/cluster/): the generation an article
    # belongs to, and its key within that generation (generation and id, hashed).
    "generation": "XG",
    "member": "XZ",
}
# Value slots. DAY_LANG ("2025-12-13|ar", the timeline) came last: an index built before it
# has no values there, and the timeline is left out (search/timeline.py).
LANG, SOURCE, MONTH, NEWEST, OLDEST, COLLAPSE, ENTITY_IDS, DAY_LANG = range(8)
FACET_SLOTS = {"lang": LANG, "source": SOURCE, "month": MONTH, "day_lang": DAY_LANG}
UNDATED_LAST = 2**62  # the oldest-first sort key of an article without a date
STORED = ("id", "title", "body", "lang", "source", "url", "author", "published", "dateline", "entity_ids",
          "content_hash", "story", "signature")  # fmt: skip
# The text views: (stemmed field, exact field) of each text field.
TEXT_VIEWS = {"title": ("title", "title_exact"), "body": ("body", "body_exact")}
MAX_TERM_BYTES = 240  # Xapian refuses terms over 245 bytes; a 100k-character "word" is no word


def term(field: str, text: str) -> str:
    """The Xapian term of `text` in `field`."""
    return _prefixed(PREFIXES[field], text)


def _prefixed(prefix: str, text: str) -> str:
    """`prefix` and `text` as one term (a ':' between them when the text starts upper-case)."""
    return f"{prefix}:{text}" if text[:1].isupper() else prefix + text


def fits(full: str) -> bool:
    """Whether a term is short enough for Xapian (UTF-8 is encoded only when it could be too long)."""
    return len(full) * 4 <= MAX_TERM_BYTES or len(full.encode()) <= MAX_TERM_BYTES


def key_term(field: str, value: str) -> str:
    """The boolean term of an exact value (id, source, language, month, content hash).
    A value too long for a term (an id of 256 Arabic letters) is keyed by its SHA-1 instead."""
    full = term(field, value)
    if fits(full):
        return full
    return f"{PREFIXES[field]}#{hashlib.sha1(value.encode()).hexdigest()}"


def document(fields: Mapping[str, Any]) -> xapian.Document:
    """The Xapian document of one article's index fields (index.document_fields)."""
    doc = xapian.Document()
    for name, (stem_field, exact_field) in TEXT_VIEWS.items():
        stem_prefix, exact_prefix = PREFIXES[stem_field], PREFIXES[exact_field]
        stems: dict[str, int] = {}
        # One pass over the words gives both views; positions count every
        # written word, as the analyzers' do (search/analysis/bilingual.py).
        # Stems are counted first: one call per distinct term, not per word.
        for position, (forms, _, _) in enumerate(words_in(fields.get(name) or ""), start=1):
            if forms.stem:
                stems[forms.stem] = stems.get(forms.stem, 0) + 1
            if forms.exact and (exact := _fitting(exact_prefix, forms.exact)):
                doc.add_posting(exact, position)
        for stem, count in stems.items():
            if text := _fitting(stem_prefix, stem):
                doc.add_term(text, count)
    for word in terms(fields.get("source_words") or "", View.EXACT):
        doc.add_term(term("source_words", word))
    for name in ("lang", "source", "month", "id", "content_hash", "story"):
        if value := fields.get(name):
            doc.add_boolean_term(key_term(name, str(value)))
    for entity in filter(None, str(fields.get("entities") or "").split(",")):
        doc.add_term(term("entities", entity))  # once per mention: BM25 sees how often
    for name in ("names", "consonants"):
        for key in str(fields.get(name) or "").split():
            doc.add_term(term(name, key))
    for word in str(fields.get("capitalised") or "").split():
        doc.add_boolean_term(term("capitalised", word))
    for key in str(fields.get("bands") or "").split():
        doc.add_boolean_term(term("bands", key))
    doc.add_value(LANG, fields.get("lang") or "")
    doc.add_value(SOURCE, fields.get("source") or "")
    if month := fields.get("month"):
        doc.add_value(MONTH, month)
    if day := fields.get("day_lang"):
        doc.add_value(DAY_LANG, day)
    dated = fields.get("newest_key")
    if dated is not None:
        doc.add_value(NEWEST, xapian.sortable_serialise(dated))
    doc.add_value(OLDEST, xapian.sortable_serialise(dated if dated is not None else UNDATED_LAST))
    # Copies of one story collapse together; an article without a story (an index made
    # before stories) is a story of its own, keyed by its text.
    doc.add_value(COLLAPSE, fields.get("story") or fields.get("content_hash") or "")
    doc.add_value(ENTITY_IDS, fields.get("entity_ids") or "")
    stored = {name: fields.get(name) or "" for name in STORED}
    if "_stored_title" in fields:  # a title cut from the body: shown, not indexed
        stored["title"] = fields["_stored_title"]
    doc.set_data(json.dumps(stored, ensure_ascii=False))
    return doc


def _fitting(prefix: str, text: str) -> str | None:
    """The prefixed term, or None when it is too long to be a Xapian term."""
    full = _prefixed(prefix, text)
    return full if fits(full) else None


def stored(doc: xapian.Document) -> dict[str, Any]:
    return json.loads(doc.get_data())
