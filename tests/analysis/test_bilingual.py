"""The two views of bilingual text, routed by script, with offsets into the original."""

from __future__ import annotations

from search.analysis.bilingual import View, analyze, terms
from search.highlight import highlight_all


def test_stem_view_routes_each_word_by_script() -> None:
    assert terms("بسوريا Syria's coalitions لداعش ISIS") == ["سور", "syria", "coalit", "داعش", "isi"]


def test_stem_view_drops_stopwords_in_both_languages() -> None:
    assert terms("the attack في تدمر") == ["attack", "تدمر"]


def test_exact_view_normalises_without_stemming_or_stopwords() -> None:
    assert terms("الدَّوْلَةُ الإسلامية the coalitions", View.EXACT) == [
        "الدوله",
        "الاسلاميه",
        "the",
        "coalitions",
    ]


def test_offsets_point_into_the_original_text() -> None:
    text = "قالت سُورِيَا إن سوريـــا وبسوريا"
    spans = [text[term.start : term.end] for term in analyze(text, View.STEM)]
    assert spans == ["قالت", "سُورِيَا", "سوريـــا", "وبسوريا"]  # إن is a stopword


def test_positions_count_every_written_word() -> None:
    positions = [term.position for term in analyze("the attack in Palmyra", View.STEM)]
    assert positions == [1, 3]  # the=0 and in=2 are stopwords but keep their place


def test_highlight_marks_exactly_the_original_substring() -> None:
    """A match found through normalisation and stemming marks the word as written."""
    text = "أعلنت سُورِيَا و سوريـــا ودمشق"
    html = highlight_all(text, set(terms("سوريا")))
    assert html == "أعلنت <mark>سُورِيَا</mark> و <mark>سوريـــا</mark> ودمشق"


def test_quotes_match_exact_forms_only() -> None:
    """Quoted text is compared in the exact view: diacritics and letter variants
    fold, but clitics and suffixes do not."""
    assert terms('"الدولة"', View.EXACT) == terms("الدَّوْلَة", View.EXACT)
    assert terms("الدولة", View.EXACT) != terms("والدولة", View.EXACT)
    assert terms("الدولة", View.EXACT) != terms("الدول", View.EXACT)
    assert terms("الدولة") == terms("الدول")  # the stemmed view merges them


def test_second_view_of_the_same_text_reuses_its_words_and_agrees() -> None:
    # The indexer analyses each text once per view; the second view reuses the
    # first one's words and must give what a fresh analysis gives.
    text = "وبالتحالف الدَّوْلَة Syria's coalitions في"
    stem_first = list(analyze(text, View.STEM))
    exact_second = list(analyze(text, View.EXACT))
    fresh = "".join(list(text))  # an equal string that is another object
    assert exact_second == list(analyze(fresh, View.EXACT))
    assert stem_first == list(analyze(fresh, View.STEM))
    assert [term.text for term in exact_second] == ["وبالتحالف", "الدوله", "syria", "coalitions", "في"]


def test_stem_view_drops_the_alef_of_a_written_tanween_but_the_exact_view_keeps_it() -> None:
    assert terms("نوعاً أولاً", View.STEM) == ["نوع", "اول"]
    assert terms("نوعاً", View.EXACT) == ["نوعا"]
