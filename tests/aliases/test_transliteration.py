"""Names spelt in the other script by the learned chunk model (names no lexicon lists)."""

from __future__ import annotations

import pytest

from search.aliases.transliteration import (
    START,
    LetterModel,
    Transliterator,
    arabic_letters,
    consonant_key,
    latin_letters,
    latin_sounds,
    shipped_transliterator,
)


@pytest.mark.parametrize(
    ("latin", "arabic"),
    [("Beckham", "بيكهام"), ("Federer", "فيدرر"), ("Khodorkovsky", "خودوركوفسكي"), ("Ronaldo", "رونالدو")],
)
def test_english_names_are_spelt_in_arabic(latin: str, arabic: str) -> None:
    assert arabic in shipped_transliterator().to_arabic(latin, 10)


@pytest.mark.parametrize(("arabic", "latin"), [("رونالدو", "ronaldo"), ("بيكهام", "beckham"), ("تيم", "tim")])
def test_arabic_names_are_spelt_in_latin(arabic: str, latin: str) -> None:
    assert latin in shipped_transliterator().to_latin(arabic, 12)


def test_the_likeliest_spelling_comes_first() -> None:
    model = shipped_transliterator()
    assert model.to_arabic("Ronaldo", 5)[0] == "رونالدو"
    assert model.to_latin("رونالدو", 5)[0] == "ronaldo"


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("Sa'ad", "sa'ad"),
        ("Isma’il", "isma'il"),
        ("ʿAbd", "abd"),
        ("Sellal's", "sellal"),
        ("O'Brien", "o'brien"),
    ],
)
def test_the_model_reads_an_apostrophe_between_letters(written: str, read: str) -> None:
    assert latin_sounds(written) == read  # a first or last one, and a possessive, go


@pytest.mark.parametrize(("latin", "arabic"), [("Sa'ad", "سعد"), ("Isma'il", "اسماعيل"), ("Ba'ath", "بعث")])
def test_an_apostrophe_in_a_name_from_arabic_is_its_ain(latin: str, arabic: str) -> None:
    model = shipped_transliterator()
    # Read as letters only, Sa'ad was saad: سعد came seventh, and its key (سد) was too short.
    assert arabic in model.to_arabic(latin, 5) and consonant_key(arabic) in model.consonant_keys(latin)


def test_an_apostrophe_the_model_cannot_spell_is_left_out() -> None:
    # No chunk the model learnt starts with 'e: Ze'evi is spelt as Zeevi.
    model = shipped_transliterator()
    assert model.to_arabic("Ze'evi", 8) == model.to_arabic("Zeevi", 8) != []


def test_latin_spellings_come_without_apostrophes() -> None:
    assert all("'" not in spelling for spelling in shipped_transliterator().to_latin("سعد", 10))


def test_words_are_read_as_letters_only() -> None:
    assert latin_letters("O'Connell") == "oconnell"
    assert latin_letters("Élodie") == "elodie"
    assert arabic_letters("أُسامة") == "اسامه"


@pytest.mark.parametrize("word", ["Al", "بو", "A" * 21])
def test_too_short_or_too_long_words_are_not_spelt(word: str) -> None:
    model = shipped_transliterator()
    assert model.to_arabic(word) == [] and model.to_latin(word) == []


def test_a_model_from_counts_spells_by_its_chunks() -> None:
    model = Transliterator.from_counts(
        [("b", "ب", 10), ("a", "ا", 10), ("", "ع", 1), ("ab", "ب", 1), ("d", "د", 10), ("ch", "ش", 5)]
    )
    assert model.to_arabic("bad", 1) == ["باد"]
    assert model.to_arabic("chad", 3)[0] == "شاد"
    assert model.to_latin("باد", 2) == ["bad", "abad"]  # ab -> ب is rarer than b -> ب
    # A letter Latin does not write (ع) may be inserted, at the cost of its probability.
    assert model.to_arabic("dad", 1) == ["داد"] and "عداد" in model.to_arabic("dad", 10)


def test_the_letter_model_prefers_letters_names_have() -> None:
    letters = LetterModel.from_counts(
        (trigram, 5) for name in ("federer", "fedor", "frederic") for trigram in LetterModel.trigrams(name)
    )
    assert letters.score("fed", "er") > letters.score("fed", "rr")
    assert letters.end("federer") > letters.end("federe")


def test_latin_spellings_of_an_arabic_name_have_its_vowels() -> None:
    spelt = shipped_transliterator().to_latin("فيدرر", 8)
    # The chunk model alone put vidrr first; with the letter model, vedrer, vidrer, federr...
    assert spelt[0].endswith("rer") and "vidrr" not in spelt and "federr" in spelt


@pytest.mark.parametrize("latin", ["Ollie", "Omar", "Osman", "O'Brien", "Usman"])
def test_an_arabic_spelling_never_starts_with_a_vowel_letter_alone(latin: str) -> None:
    # No Arabic word starts with a vowel: O is او or ع there (اولي, عمر), where inside a
    # word it is و. Read like any other o, Ollie was ولي ("guardian") first.
    spelt = shipped_transliterator().to_arabic(latin, 10)
    assert spelt and not any(spelling.startswith("و") for spelling in spelt)


def test_a_word_s_first_chunk_is_spelt_by_the_model_s_word_starts() -> None:
    model = Transliterator.from_counts(
        [
            (f"{START}o", "او", 10),
            ("o", "و", 10),
            ("l", "ل", 10),
            ("i", "ي", 10),
            (f"{START}l", "ل", 5),
            ("z", "ز", 3),  # never seen starting a word
            ("ol", "ول", 30),  # nor this, and a chunk, not a letter
        ]
    )
    assert model.to_arabic("oli", 1) == ["اولي"]
    assert model.to_arabic("loli", 1) == ["لولي"]
    # A letter that no word started with still starts one; a longer chunk does not.
    assert model.to_arabic("zol", 1) == ["زول"]
    assert model.to_arabic("oll", 5) == ["اولل"]


@pytest.mark.parametrize(("arabic", "latin"), [("ليو", "Leo"), ("سور", "Sor"), ("نون", "Nunn")])
def test_two_letter_spellings_are_not_offered(arabic: str, latin: str) -> None:
    # لو, سر, le and li are words; ليو spelt le found every French title, and Leo sank.
    model = shipped_transliterator()
    assert all(len(spelling) >= 3 for spelling in model.to_latin(arabic, 10) + model.to_arabic(latin, 10))


@pytest.mark.parametrize(
    ("spellings", "key"),
    [
        (("فيدرر", "فدرر", "فيديرر"), "فدرر"),  # long vowels go
        (("غاري", "جاري"), "جر"),  # Gary
        (("صالح", "سالح"), "سلح"),  # Saleh
        (("كاثرين", "كاترين"), "كترن"),  # Catherine: English th is ث or ت
        (("أوكونيل", "اوكونيل"), "كنل"),  # hamza forms fold, then go
        (("فضيلة", "فضيله", "فضيل"), "فدل"),  # a last ة (Fadhila, Fadila) goes too
        (("والاس", "ولاس"), "ولس"),  # a first و is W (Wallace): no word starts with a vowel
        (("ياسر", "يسر"), "يسر"),  # and a first ي is Y (Yasser)
        (("اوليفر", "أوليفر"), "لفر"),  # after alef, و is a vowel again (Oliver)
    ],
)
def test_spellings_of_one_name_share_a_consonant_key(spellings: tuple[str, ...], key: str) -> None:
    assert {consonant_key(spelling) for spelling in spellings} == {key}


@pytest.mark.parametrize(
    ("latin", "arabic"),
    [
        ("Beckham", "بيكهام"),
        ("Federer", "فيدرر"),
        ("Khodorkovsky", "خودوركوفسكي"),
        ("Ronaldo", "رونالدو"),
        ("Wallace", "والاس"),
        ("Yasser", "ياسر"),
    ],
)
def test_a_latin_name_s_consonant_keys_hold_its_arabic_spelling_s(latin: str, arabic: str) -> None:
    keys = shipped_transliterator().consonant_keys(latin)
    assert consonant_key(arabic) in keys and len(keys) <= 2


def test_consonant_keys_are_the_keys_of_the_likeliest_spellings() -> None:
    model = Transliterator.from_counts(
        [
            ("b", "ب", 10),
            ("a", "ا", 10),
            ("a", "ع", 2),
            ("r", "ر", 10),
            ("d", "د", 10),
            ("d", "ض", 3),
            ("", "ي", 5),
        ]
    )
    # بارد, برد, بيرد, بارض are one key (ض folds into د, long vowels go): the likeliest, first.
    # The inserted ي writes no consonant, so it is not tried at all; ع is a consonant.
    assert model.consonant_keys("bard", 2) == ["برد", "بعرد"]
    assert model.consonant_keys("bad", 2) == ["بعد"]  # بد: two consonants are no key
    assert model.consonant_keys("da", 1) == []  # too short a word, like to_arabic


def test_too_few_consonants_make_no_key() -> None:
    # Leo: لي, ليو -> ل; one or two consonants match half the short words of Arabic.
    assert shipped_transliterator().consonant_keys("Leo") == []
