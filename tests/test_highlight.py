"""Snippets: the best window, marks on the original words, everything escaped."""

from __future__ import annotations

from search.analysis.bilingual import View, terms
from search.highlight import highlight_all, snippet


def test_marks_original_forms_of_stemmed_matches() -> None:
    html = highlight_all("ضربات لداعش بسوريـا", set(terms("داعش سوريا")))
    assert html == "ضربات <mark>لداعش</mark> <mark>بسوريـا</mark>"


def test_escapes_document_text() -> None:
    html = highlight_all('<img src=x onerror="alert(1)"> ISIS', set(terms("ISIS")))
    assert html == "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; <mark>ISIS</mark>"


def test_window_prefers_more_distinct_terms() -> None:
    text = (
        ("ISIS " * 3) + ("filler words here. " * 30) + "ISIS struck near Palmyra. " + ("more filler. " * 30)
    )
    html = snippet(text, set(terms("ISIS Palmyra")), length=120)
    # Both terms, with some context before them, starting at a sentence.
    assert "<mark>ISIS</mark> struck near <mark>Palmyra</mark>" in html
    assert html.startswith("filler words here.") and html.count("<mark>") == 2


def test_no_match_gives_the_opening() -> None:
    html = snippet("Syria joins the coalition. " * 20, set(terms("xyzzy")), length=60)
    assert html.startswith("Syria joins the coalition.") and html.endswith("…")


def test_exact_terms_mark_only_exact_forms() -> None:
    text = "الدولة الإسلامية والدول الإسلامية"
    html = highlight_all(text, set(), set(terms("الدولة الإسلامية", View.EXACT)))
    assert html == "<mark>الدولة</mark> <mark>الإسلامية</mark> والدول <mark>الإسلامية</mark>"


def test_long_text_is_fast_to_snippet() -> None:
    text = "سوريا " * 200_000
    assert snippet(text, {"سور"}).count("<mark>") > 10


def test_a_100k_character_word_is_cut_in_snippets() -> None:
    from search.highlight import MAX_WORD_STRETCH, SNIPPET_CHARS

    blob = "x" * 100_000
    for text in (f"Palmyra {blob} end", f"{blob} Palmyra attack", f"intro Palmyra{blob}", f"{blob}"):
        html = snippet(text, set(terms("Palmyra")))
        assert len(html) <= SNIPPET_CHARS + MAX_WORD_STRETCH + len("<mark></mark>……"), len(html)
