"""Names no lexicon lists: spelling keys link Latin and Arabic spellings."""

from __future__ import annotations

import pytest

from search.aliases.names import NameTable, consonant_keys_for, shipped_table, spelling_key
from search.aliases.transliteration import consonant_key


@pytest.mark.parametrize(
    "spelling", ["Shaibani", "al-Shibani", "Alshaibani", "Shaybani", "Chibany", "Shibani"]
)
def test_spellings_of_one_name_share_a_key(spelling: str) -> None:
    assert spelling_key(spelling) == "shibani"


@pytest.mark.parametrize(
    ("first", "second"),
    [("Mohammed", "Muhammad"), ("Ahmed", "Ahmad"), ("Mustafa", "Moustafa"), ("Sharaa", "Shara")],
)
def test_common_variants_meet(first: str, second: str) -> None:
    assert spelling_key(first) == spelling_key(second)


@pytest.mark.parametrize(("first", "second"), [("Shabani", "Shaibani"), ("Hassan", "Hussein")])
def test_different_names_stay_apart(first: str, second: str) -> None:
    assert spelling_key(first) != spelling_key(second)


def test_shipped_table_links_the_arabic_form() -> None:
    table = shipped_table()
    assert table.keys_for("الشيباني", script_is_arabic=True) == ("shibani",)
    assert table.keys_for("للشيباني", script_is_arabic=True) == ("shibani",)
    assert table.keys_for("Shaibani", script_is_arabic=False) == ("shibani",)


@pytest.mark.parametrize(
    ("word", "arabic", "why"),
    [
        ("shaibani", False, "lowercase Latin words are not names"),
        ("SHAIBANI", False, "all caps is an acronym"),
        ("الدولة", True, "a frequent Arabic word is vocabulary"),
        ("السلام", True, "a frequent Arabic word is vocabulary"),
        ("Zzyzxq", False, "not in the table"),
    ],
)
def test_precision_guard(word: str, arabic: bool, why: str) -> None:
    assert shipped_table().keys_for(word, script_is_arabic=arabic) == (), why


def test_table_from_rows() -> None:
    table = NameTable.from_rows([("moustafa", "مصطفى"), ("ali", "علي")])
    assert table.keys_for("Mustafa", False) == ("mustafa",)
    assert table.keys_for("المصطفى", True) == ("mustafa",)
    assert table.keys_for("Ali", False) == ()  # keys under four letters collide too much


def test_a_frequent_word_spells_a_name_for_queries_only() -> None:
    # Salah is written صلاح, also "righteousness": too frequent a word to key articles by.
    table = NameTable.from_rows([("salah", "", 51, "صلاح"), ("sala", "سالا", 2)])
    assert table.keys_for("صلاح", True) == ()
    assert table.arabic_words_for("Salah") == ("صلاح", "سالا")


def test_the_shipped_table_keeps_frequent_words_for_queries() -> None:
    table = shipped_table()
    # Salah and Saleh share a key: صالح and صلاح, before the rarer names (سالا) of that key.
    assert set(table.arabic_words_for("Salah")[:2]) == {"صلاح", "صالح"}
    assert table.keys_for("صلاح", True) == ()


@pytest.mark.parametrize(
    ("typed", "key", "why"),
    [
        ("جيسن", "jasun", "Wikidata writes Jason جايسون; the long vowels differ"),
        ("ليسلي", "lasli", "Wikidata writes Leslie ليزلي: ز and س, and ل is not a clitic here"),
        ("جليزر", "glazar", "Glazer is غلازر in Wikidata: غ and ج both write g"),
        ("والاس", "walis", "Wallace: و and ال are not clitics here"),
    ],
)
def test_a_query_finds_names_the_table_spells_otherwise(typed: str, key: str, why: str) -> None:
    assert key in shipped_table().query_keys_for(typed, script_is_arabic=True), why


@pytest.mark.parametrize("word", ["جيسن", "كتاب", "قالت", "وزير"])
def test_articles_are_not_annotated_by_skeleton(word: str) -> None:
    # A skeleton of every article word would tag common words (كتاب, قالت) as names.
    assert shipped_table().keys_for(word, script_is_arabic=True) == ()


def test_a_skeleton_stands_for_its_commonest_latin_names() -> None:
    table = NameTable.from_rows(
        [("jason", "جايسون", 141), ("joseon", "جوسون", 22), ("zhadan", "جازان", 1), ("jayson", "جيسون", 4)]
    )
    assert table.query_keys_for("جيسن", True) == ("jasun",)
    assert table.query_keys_for("جوسن", True) == ("jasun",)  # not Joseon: named a sixth as often
    assert table.query_keys_for("جيسون", True) == ("jisun",)  # written so in the table: Jayson


def test_the_table_knows_a_name_itself_not_its_skeleton() -> None:
    table = shipped_table()
    assert table.knows("الشيباني", True) and table.knows("Shaibani", False)
    # جولدمان (Goldman) has a key only through its consonant skeleton, a guess (Gladman).
    assert table.query_keys_for("جولدمان", True) == ("gladman",) and not table.knows("جولدمان", True)


def test_a_capitalised_latin_word_gets_the_consonant_keys_of_its_arabic_spellings() -> None:
    assert consonant_key("فيدرر") in consonant_keys_for("Federer")
    assert consonant_key("سلال") in consonant_keys_for("Sellal")


def test_a_possessive_is_keyed_as_the_name() -> None:
    assert (
        consonant_keys_for("Federer's")
        == consonant_keys_for("Federer\u2019s")
        == consonant_keys_for("Federer")
    )
    assert shipped_table().keys_for("Shaibani's", script_is_arabic=False) == ("shibani",)


@pytest.mark.parametrize(
    ("word", "why"),
    [
        ("federer", "a lowercase word is not taken for a name"),
        ("NATO", "an acronym is not spelt"),
        ("Which", "a stopword"),
        ("Leo", "two consonants (ل) would match half the short words of Arabic"),
    ],
)
def test_words_that_get_no_consonant_keys(word: str, why: str) -> None:
    assert consonant_keys_for(word) == (), why


def test_a_name_starting_with_a_clitic_letter_is_found_after_the_article() -> None:
    """A bare براهمي loses its ب as a preposition (راهمي); after the article it keeps it.
    The table is keyed both ways, so an article's البراهمي finds Brahmi too."""
    table = NameTable.from_rows([("Brahmi", "براهمي")])
    for written in ("براهمي", "البراهمي", "للبراهمي", "وبراهمي"):
        assert table.keys_for(written, script_is_arabic=True) == ("brahmi",), written
