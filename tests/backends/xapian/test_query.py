"""Plans and filters as Xapian queries; documents as Xapian terms and values."""

from __future__ import annotations

import pytest

xapian = pytest.importorskip("xapian", reason="the xapian extra is not installed (pip install '.[xapian]')")

from search.backends import Filters  # noqa: E402
from search.backends.xapian.query import filter_query, to_xapian  # noqa: E402
from search.backends.xapian.terms import MAX_TERM_BYTES, NEWEST, OLDEST, document, key_term, term  # noqa: E402
from search.documents import Document  # noqa: E402
from search.index import document_fields  # noqa: E402
from search.query import Compiler, parse  # noqa: E402


def described(text: str) -> str:
    return str(to_xapian(Compiler().compile(parse(text)).query))


def test_words_search_both_stemmed_views_with_the_title_weighted_twice() -> None:
    assert described("لداعش") == "Query((2 * Sداعش OR Bداعش))"


def test_quotes_are_phrases_on_the_positional_exact_views() -> None:
    assert described('"الدولة الإسلامية"') == (
        "Query((2 * (XSالدوله PHRASE 2 XSالاسلاميه) OR (XBالدوله PHRASE 2 XBالاسلاميه)))"
    )


def test_exclusions_alone_exclude_from_everything() -> None:
    assert described("-isis") == "Query((<alldocuments> AND_NOT (2 * Sisi OR Bisi)))"


def test_filters_are_boolean_terms_and_a_date_range() -> None:
    query = filter_query(Filters(lang="ar", source="Levant Wire", since=0, until=86400, entity="isis"))
    text = str(query)
    assert "Lar" in text and "XO:Levant Wire" in text and "Eisis" in text and f"VALUE_RANGE {NEWEST}" in text
    assert filter_query(Filters()) is None


def test_an_upper_case_term_is_separated_from_its_prefix() -> None:
    assert term("source", "Levant Wire") == "XO:Levant Wire" and term("body", "isis") == "Bisis"


def test_an_id_too_long_for_a_term_is_keyed_by_its_hash() -> None:
    long_id = "https://example.org/" + "تدمر" * 60
    key = key_term("id", long_id)
    assert key.startswith("Q#") and len(key.encode()) <= MAX_TERM_BYTES
    assert key_term("id", "sample-en-001") == "Qsample-en-001"


def test_a_document_has_both_views_values_and_its_stored_fields() -> None:
    doc = Document(
        id="t1", title="Palmyra attack", body="ISIS fighters attacked Palmyra. " + "x" * 1000, lang="en",
        source="Levant Wire",
    )  # fmt: skip
    built = document(document_fields(doc))
    terms = {item.term.decode() for item in built.termlist()}
    assert {"Spalmyra", "Bpalmyra", "XSpalmyra", "XBpalmyra", "Qt1", "Len", "XO:Levant Wire"} <= terms
    assert not [text for text in terms if len(text.encode()) > MAX_TERM_BYTES]  # the 1000-x word is left out
    positions = [p for item in built.termlist() if item.term == b"XBpalmyra" for p in item.positer]
    assert positions == [4]
    assert built.get_value(OLDEST)  # undated: sorts last when the oldest come first
    assert not built.get_value(NEWEST)
