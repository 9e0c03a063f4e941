"""Arabic normalisation and light stemming: one table row per word, one per rule."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from search.analysis import arabic
from search.analysis.bilingual import View, terms
from search.analysis.tokenizer import SCRIPT_ARABIC, tokenize

# (written form, normalised, stemmed, why). Real words from ../shared/seeds and
# the Arabic news corpora in ../shared/data.
WORDS = [
    ("وبالتحالف", "وبالتحالف", "تحالف", "clitic stack و+ب+ال (seed 004)"),
    ("للتحالف", "للتحالف", "تحالف", "ل + article, spelled لل"),
    ("لداعش", "لداعش", "داعش", "bare ل, which Lucene leaves"),
    ("بسوريا", "بسوريا", "سور", "bare ب, which Lucene leaves"),
    ("والولايات", "والولايات", "ولا", "و + article, plural ات, nisba ي (ولاية -> ولا too)"),
    ("وللتحالف", "وللتحالف", "تحالف", "و + لل"),
    ("فبالتحالف", "فبالتحالف", "تحالف", "ف + ب + article"),
    ("وبسوريا", "وبسوريا", "سور", "و + ب stack"),
    ("فلداعش", "فلداعش", "داعش", "ف + ل stack"),
    ("كالعادة", "كالعاده", "عاد", "ك + article, ة"),
    ("فالتنظيم", "فالتنظيم", "تنظيم", "ف + article"),
    ("والرقة", "والرقه", "رقه", "و + article; ة kept on a 3-letter stem"),
    ("لوزارة", "لوزاره", "وزار", "ل before radical-first وزارة"),
    ("لبريطانيا", "لبريطانيا", "بريطان", "ل before radical-first بريطانيا"),
    ("بيت", "بيت", "بيت", "3 letters: ب kept"),
    ("كتب", "كتب", "كتب", "3 letters: ك kept"),
    ("ليل", "ليل", "ليل", "3 letters: ل kept"),
    ("ولد", "ولد", "ولد", "3 letters: و kept"),
    ("فيل", "فيل", "فيل", "3 letters: ف kept"),
    ("وزير", "وزير", "وزير", "و is radical (corpus list)"),
    ("ووزير", "ووزير", "وزير", "conjunction before radical و"),
    ("والوزير", "والوزير", "وزير", "و + article before radical و"),
    ("فلسطين", "فلسطين", "فلسطين", "ف radical, ين radical"),
    ("لفلسطين", "لفلسطين", "فلسطين", "ل before radical ف"),
    ("الفلسطينيين", "الفلسطينيين", "فلسطين", "nisba + plural"),
    ("لبنان", "لبنان", "لبنان", "ان radical: not لبن (milk)"),
    ("اللبنانية", "اللبنانيه", "لبنان", "nisba + feminine"),
    ("مُسْلِمٌ", "مسلم", "مسلم", "harakat and tanween"),
    ("المُسْلِمُونَ", "المسلمون", "مسلم", "harakat + plural ون"),
    ("سوريـــا", "سوريا", "سور", "tatweel"),
    ("سُورِيَا", "سوريا", "سور", "harakat"),
    ("سورية", "سوريه", "سور", "ة -> ه: the other spelling of Syria meets سوريا"),
    ("السوريين", "السوريين", "سور", "nisba plural meets the country"),
    ("الدَّوْلَة", "الدوله", "دول", "shadda and sukun; state and states share دول"),
    ("الإرهاب", "الارهاب", "ارهاب", "hamza below"),
    ("أكدت", "اكدت", "اكدت", "hamza above; verb endings are not stripped"),
    ("آمنة", "امنه", "امن", "madda"),
    ("ٱلله", "الله", "له", "alef wasla; the article rule applies (والله and بالله meet it)"),
    ("مستشفى", "مستشفي", "مستشف", "alef maqsura -> ي (meets مستشفيات)"),
    ("على", "علي", "علي", "alef maqsura: a stopword"),
    ("مسؤول", "مسءول", "مسءول", "hamza seat و -> ء"),
    ("مسئول", "مسءول", "مسءول", "hamza seat ي -> ء: the Egyptian spelling meets مسؤول"),
    ("شيء", "شيء", "شيء", "bare hamza kept"),
    ("شيئ", "شيء", "شيء", "hamza seat -> ء: the misspelling meets شيء"),
    ("رئيس", "رءيس", "رءيس", "ئ -> ء, so it stays apart from ريس"),
    ("سؤال", "سءال", "سءال", "ؤ -> ء"),
    ("هيئة", "هيءه", "هيء", "ئ and ة"),
    ("قواتها", "قواتها", "قوات", "pronoun ها"),
    ("حسابها", "حسابها", "حساب", "pronoun ها"),
    ("نشرته", "نشرته", "نشرت", "pronoun ه after a verb"),
    ("ملاذات", "ملاذات", "ملاذ", "plural ات"),
    ("جنديين", "جنديين", "جند", "dual ين, nisba ي"),
    ("المدنيين", "المدنيين", "مدن", "plural ين after nisba (civilians meet cities: light stemming)"),
    ("مسلمون", "مسلمون", "مسلم", "plural ون"),
    ("مسلمات", "مسلمات", "مسلم", "plural ات"),
    ("الأمريكيين", "الامريكيين", "امريك", "nisba plural with article"),
    ("الأمريكي", "الامريكي", "امريك", "nisba with article"),
    ("الإسلامية", "الاسلاميه", "اسلام", "nisba feminine"),
    ("العسكرية", "العسكريه", "عسكر", "nisba feminine"),
    ("الخارجية", "الخارجيه", "خارج", "nisba feminine"),
    ("الحكومة", "الحكومه", "حكوم", "article + ة (meets حكومات)"),
    ("مدينة", "مدينه", "مدينه", "ة kept: مدين is another word (corpus list)"),
    ("الجزائر", "الجزاءر", "جزاءر", "article; ئ -> ء"),
    ("التزام", "التزام", "التزام", "ال is radical (إلتزام): it takes an article itself"),
    ("الالتزام", "الالتزام", "التزام", "article before radical ال"),
    ("بالتزام", "بالتزام", "التزام", "ب before radical ال"),
    ("ألمانيا", "المانيا", "المان", "أل is radical; يا country ending"),
    ("لألمانيا", "لالمانيا", "المان", "ل before radical أل"),
    ("إلغاء", "الغاء", "الغاء", "إل is radical"),
    ("الأردن", "الاردن", "اردن", "article before a name"),
    ("اليمن", "اليمن", "يمن", "article before a name"),
    ("القاهرة", "القاهره", "قاهره", "article + ة"),
    ("بغزة", "بغزه", "غزه", "ب before a name with ة"),
    ("لمصر", "لمصر", "مصر", "ل before a 3-letter name: the guard allows a 3-letter stem"),
    ("ليبيا", "ليبيا", "ليب", "يا country ending"),
    ("الليبي", "الليبي", "ليب", "nisba meets the country"),
    ("لليبيا", "لليبيا", "ليب", "ل + ليبيا, not ل + article"),
    ("قضايا", "قضايا", "قضايا", "broken plural ـايا: يا kept"),
    ("تدمر", "تدمر", "تدمر", "name, no affix"),
    ("هيغسيث", "هيغسيث", "هيغسيث", "name, no affix"),
    ("٢٠٢٥", "2025", "2025", "Arabic-Indic digits"),
    ("۱۴۰۴", "1404", "1404", "Persian digits"),
    ("ﻻ", "لا", "لا", "lam-alef ligature (NFKC)"),
    ("ﻣﺮﺣﺒﺎ", "مرحبا", "مرحبا", "presentation forms (NFKC)"),
    ("سوريا\u200f", "سوريا", "سور", "RLM after the word"),
    ("ت\u200cحالف", "تحالف", "تحالف", "ZWNJ inside the word"),
    ("الدول", "الدول", "دول", "plural of دولة: same stem"),
    ("دمشق", "دمشق", "دمشق", "name, no affix"),
    ("الشرع", "الشرع", "شرع", "article + name"),
    ("والشيباني", "والشيباني", "شيباني", "و + article; ي of the name kept (corpus list)"),
    ("وقال", "وقال", "قال", "و + verb"),
    ("محاولتهم", "محاولتهم", "محاول", "pronoun هم; ة is written ت before a pronoun"),
    ("سفارتها", "سفارتها", "سفاره", "ت + ها is ة + ها: meets السفارة"),
    ("السفارة", "السفاره", "سفاره", "article + ة kept: سفار is another word (corpus list)"),
    ("قواتهم", "قواتهم", "قوات", "ات before هم is the plural, not ة"),
    ("صوتهما", "صوتهما", "صوت", "pronoun هما; the ت of صوت stays: 3-letter guard"),
    ("وقتها", "وقتها", "وقتها", "corpus list: its ت is radical (وقت + ها)"),
    ("تفاهم", "تفاهم", "تفاهم", "هم is radical (corpus list): understanding, not تفا + هم"),
]

# Different words that light stemming must not merge.
DISTINCT = [
    ("كتب", "كاتب"),  # books / writer
    ("بيت", "بيان"),  # house / statement
    ("وزير", "زير"),  # minister / jar: و is radical
    ("لبنان", "لبن"),  # Lebanon / milk: ان is radical
    ("رئيس", "ريس"),  # president / (misspelling): hamza seats fold to ء, not ي
    ("سؤال", "سوال"),  # question / (other word): ؤ folds to ء, not و
    ("فيلم", "فيل"),  # film / elephant
    ("دولة", "دولار"),  # state / dollar
    ("سلام", "إسلام"),  # peace / Islam
    ("وطن", "طن"),  # homeland / ton: 3 letters keep و
    ("الشرع", "الشارع"),  # al-Sharaa, law / street
    ("إيران", "إيراد"),  # Iran / revenue
    ("عمان", "عم"),  # Amman, Oman / uncle
    ("مدينة", "مدين"),  # city / debtor
    ("كلام", "لام"),  # speech / the letter lam: ك is radical
]


@pytest.mark.parametrize(("word", "normalized", "stem", "why"), WORDS, ids=[row[0] for row in WORDS])
def test_word_table(word: str, normalized: str, stem: str, why: str) -> None:
    assert arabic.normalize(word) == normalized, why
    assert arabic.light_stem(arabic.normalize(word)) == stem, why


def test_table_is_large_enough() -> None:
    assert len(WORDS) >= 80
    assert len(DISTINCT) >= 10


@pytest.mark.parametrize(("first", "second"), DISTINCT)
def test_distinct_words_stay_distinct(first: str, second: str) -> None:
    stems = {arabic.light_stem(arabic.normalize(word)) for word in (first, second)}
    assert len(stems) == 2, f"{first} and {second} both stem to {stems}"


# --- one row per normalisation rule (the Lucene way) -------------------------


@pytest.mark.parametrize(
    "mark",
    [chr(code) for code in range(0x064B, 0x0660)] + ["\u0670"] + [chr(c) for c in range(0x06D6, 0x06EE)],
    ids=lambda ch: f"U+{ord(ch):04X}",
)
def test_marks_are_removed(mark: str) -> None:
    # After a letter that does not compose with it (combining hamza on ا would
    # compose to أ, which then folds to ا: same result, tested below).
    assert arabic.normalize(f"كت{mark}ب") == "كتب"


@pytest.mark.parametrize(
    "control",
    [chr(c) for c in [*range(0x200B, 0x2010), *range(0x202A, 0x202F), *range(0x2066, 0x206A)]],
    ids=lambda ch: f"U+{ord(ch):04X}",
)
def test_invisible_controls_inside_words_are_removed(control: str) -> None:
    assert arabic.normalize(f"سو{control}ريا") == "سوريا"


def test_tatweel_is_removed() -> None:
    assert arabic.normalize("داعـــش") == "داعش"


@pytest.mark.parametrize(
    ("letter", "folded"), [("آ", "ا"), ("أ", "ا"), ("إ", "ا"), ("ٱ", "ا"), ("ى", "ي"), ("ة", "ه")]
)
def test_letter_folds(letter: str, folded: str) -> None:
    assert arabic.normalize(letter) == folded


@pytest.mark.parametrize(("seated", "why"), [("ؤ", "hamza on waw"), ("ئ", "hamza on ya")])
def test_hamza_seats_fold_to_bare_hamza(seated: str, why: str) -> None:
    # Decision: recall for spelling variants (مسؤول/مسئول), while ء stays
    # apart from و and ي so that رئيس and سؤال do not merge with other words.
    assert arabic.normalize(seated) == "ء", why
    assert arabic.normalize(seated) not in ("و", "ي")


def test_decomposed_hamza_equals_precomposed() -> None:
    assert arabic.normalize("مسو\u0654ول") == arabic.normalize("مسؤول")
    assert arabic.normalize("ا\u0653من") == arabic.normalize("آمن")


@pytest.mark.parametrize("digit", range(10))
def test_eastern_digits_become_ascii(digit: int) -> None:
    assert arabic.normalize(chr(0x0660 + digit)) == str(digit)
    assert arabic.normalize(chr(0x06F0 + digit)) == str(digit)


def test_presentation_forms_via_nfkc() -> None:
    # Every lam-alef ligature (isolated and final forms) becomes لا / لأ / لإ / لآ, then folds.
    for code in range(0xFEF5, 0xFEFD):
        assert arabic.normalize(chr(code)) == "لا", f"U+{code:04X}"


def test_other_scripts_pass_through() -> None:
    assert arabic.normalize("Syria 2025") == "Syria 2025"


# --- stemming rules ------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["وال", "بال", "كال", "فال", "لل", "ال", "وبال", "فبال", "ولل", "فلل"])
def test_article_prefixes(prefix: str) -> None:
    assert arabic.light_stem(prefix + "تحالف") == "تحالف"


@pytest.mark.parametrize("stack", ["و", "ف", "ب", "ك", "ل", "وب", "ول", "فب", "وك", "فل"])
def test_single_clitics_and_stacks(stack: str) -> None:
    assert arabic.light_stem(stack + "داعش") == "داعش"


@pytest.mark.parametrize("suffix", ["ها", "هما", "هم", "هن", "ان", "ات", "ون", "ين", "يه", "ه", "ي"])
def test_suffixes(suffix: str) -> None:
    assert arabic.light_stem("مقاتل" + suffix) == "مقاتل"


@pytest.mark.parametrize(
    ("written", "stem", "why"),
    [
        ("نوعاً", "نوع", "tanween al-fath after alef: the alef is spelling"),
        ("أولاً", "اول", "meets الأول and لأول"),
        ("شيئاً", "شيء", "hamza + alef + tanween"),
        ("كتابًا", "كتاب", "mark written before the alef"),
        ("نوعا", "نوع", "no mark written, but the corpora show نوعا as the accusative of نوع"),
        ("ولداً", "ولد", "the mark written"),
        ("ولدا", "ولد", "the mark left out: not و + لدا"),
        ("سوريا", "سور", "radical alef: the common form, not an accusative of سوري"),
        ("أمريكا", "امريكا", "radical alef"),
        ("البابا", "بابا", "no tanween after the article: the Pope, not الباب"),
        ("عملها", "عمل", "the alef of the pronoun ها"),
    ],
)
def test_accusative_alef(written: str, stem: str, why: str) -> None:
    assert arabic.light_stem(arabic.accusative_base(written, arabic.normalize(written))) == stem, why


@pytest.mark.parametrize(("marked", "unmarked"), [("ولداً", "ولدا"), ("كتاباً", "كتابا"), ("يوماً", "يوما")])
def test_an_accusative_analyses_alike_with_or_without_its_mark(marked: str, unmarked: str) -> None:
    assert terms(marked, View.STEM) == terms(unmarked, View.STEM)
    assert terms("و" + unmarked, View.STEM) == terms(unmarked, View.STEM)  # and behind a conjunction


def test_the_accusative_list_holds_normalised_words_ending_in_alef() -> None:
    words = arabic.accusative_alef_words()
    assert len(words) > 1_000 and "ولدا" in words and "سوريا" not in words
    assert all(word == arabic.normalize(word) and word.endswith("ا") and len(word) > 3 for word in words)


def test_stopwords_are_normalised_and_curated() -> None:
    words = arabic.stopwords()
    assert "التي" in words and "الذي" in words and "علي" in words  # على normalised
    assert arabic.is_stopword("وهذه") and arabic.is_stopword("فإن".replace("إ", "ا"))
    for kept in (
        "نيسان",
        "ديسمبر",
        "دولار",
        "زياره",
        "شمال",
        "شرع",
        "للامم",
        "راي",
        "فراي",
        "جيم",
        "كيت",
        "وكيت",
        "ديك",
        "امين",
        "معاذ",
        "يوان",
    ):
        assert not arabic.is_stopword(kept), kept


# --- cross-check against camel-tools -----------------------------------------

# Our documented additions to CAMeL's dediacritisation and folds: tatweel and
# in-word controls deleted, hamza seats folded, Eastern digits to ASCII,
# Quranic marks and the combining hamza/madda range deleted.
_OUR_EXTRAS = {0x0640: None, 0x0624: "ء", 0x0626: "ء"} | dict.fromkeys(
    [
        *range(0x200B, 0x2010),
        *range(0x202A, 0x202F),
        *range(0x2066, 0x206A),
        *range(0x0653, 0x0660),
        *range(0x06D6, 0x06EE),
    ]
)
_OUR_EXTRAS |= {0x0660 + i: str(i) for i in range(10)} | {0x06F0 + i: str(i) for i in range(10)}


def _camel_normalize(word: str) -> str:
    normalize = pytest.importorskip("camel_tools.utils.normalize", reason="pip install --no-deps camel-tools")
    dediac = pytest.importorskip("camel_tools.utils.dediac")
    text = normalize.normalize_unicode(word)
    text = dediac.dediac_ar(text)
    text = normalize.normalize_teh_marbuta_ar(
        normalize.normalize_alef_maksura_ar(normalize.normalize_alef_ar(text))
    )
    return text.translate(_OUR_EXTRAS)


def test_agrees_with_camel_tools_on_the_sample_corpus() -> None:
    sample = Path(__file__).resolve().parents[2] / "search" / "sample"
    words = {
        token.text
        for path in sorted(sample.rglob("*.*"))
        if path.suffix in (".txt", ".jsonl")
        for token in tokenize(path.read_text("utf-8"))
        if token.script == SCRIPT_ARABIC
    }
    words |= {row[0] for row in WORDS if row[0] not in ("سوريا\u200f",)}
    assert len(words) > 1500
    disagreements = {word: (arabic.normalize(word), _camel_normalize(word)) for word in words}
    disagreements = {word: pair for word, pair in disagreements.items() if pair[0] != pair[1]}
    assert not disagreements, list(disagreements.items())[:10]


def test_nfkc_is_only_applied_to_presentation_forms() -> None:
    # NFKC elsewhere would, for example, turn the superscript digit ² into 2
    # or fold ligatures in Latin text; Arabic words outside FB50-FEFF are untouched.
    assert unicodedata.normalize("NFKC", "²") == "2"
    assert arabic.normalize("x²") == "x²"
