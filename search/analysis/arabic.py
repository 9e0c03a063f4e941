"""Arabic normalisation and light stemming: pure functions on str.

Knows nothing about Whoosh or tokenisation; it is handed one word at a time.
Every rule is a table at the top of this module, and every table row has a
test row in tests/analysis/test_arabic.py (Lucene's ArabicNormalizer and
ArabicStemmer are the model: the rules are data, the code is a thin loop).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

# --- normalisation -----------------------------------------------------------

# Deleted outright: harakat and tanween (U+064B–U+065F, which also holds the
# combining hamza/madda U+0653–U+0655: those are composed first, see below),
# superscript alef U+0670, Quranic annotation marks U+06D6–U+06ED, tatweel
# U+0640, Extended-A marks, and zero-width / bidi controls that editors leave
# inside words.
_DELETED = [
    *range(0x064B, 0x0660),  # harakat, tanween, combining hamza and madda
    0x0670,  # superscript alef
    *range(0x06D6, 0x06EE),  # Quranic annotation marks
    0x0640,  # tatweel
    *range(0x08CA, 0x0900),  # Arabic Extended-A marks
    *range(0x200B, 0x2010),  # zero-width space, ZWNJ, ZWJ, LRM, RLM
    *range(0x202A, 0x202F),  # bidi embeddings and overrides
    *range(0x2066, 0x206A),  # bidi isolates
    0x00AD,  # soft hyphen
    0xFEFF,  # zero-width no-break space
]

# Letter folds. Alef with hamza/madda and alef wasla are spelled
# interchangeably in news text (أحمد / احمد), alef maqsura and ya are confused
# at word ends (على / علي), ta marbuta is often written as ha (سورية / سوريه).
#
# Hamza seats (decision): ؤ and ئ fold to the bare hamza ء. Their spelling
# varies with regional convention (مسؤول in the Levant, مسئول in Egypt; شيء /
# شيئ), so folding both seats to one letter merges the variants (recall),
# while keeping ء distinct from و and ي avoids merging unrelated words such as
# سؤال "question" with سوال, or رئيس "president" with ريس (precision). Lucene
# keeps the seats apart and so misses مسئول for مسؤول.
_FOLDED = {
    "\u0622": "\u0627",  # آ -> ا
    "\u0623": "\u0627",  # أ -> ا
    "\u0625": "\u0627",  # إ -> ا
    "\u0671": "\u0627",  # ٱ -> ا
    "\u0672": "\u0627",  # ٲ -> ا
    "\u0673": "\u0627",  # ٳ -> ا
    "\u0649": "\u064a",  # ى -> ي
    "\u06cc": "\u064a",  # Persian yeh ی -> ي (common in web text)
    "\u06d2": "\u064a",  # yeh barree ے -> ي
    "\u06a9": "\u0643",  # keheh ک -> ك
    "\u0629": "\u0647",  # ة -> ه
    "\u06c0": "\u0647",  # heh with yeh above ۀ -> ه
    "\u0624": "\u0621",  # ؤ -> ء
    "\u0626": "\u0621",  # ئ -> ء
}
# Arabic-Indic (U+0660–U+0669) and Persian (U+06F0–U+06F9) digits -> ASCII.
_DIGITS = {0x0660 + i: str(i) for i in range(10)} | {0x06F0 + i: str(i) for i in range(10)}

NORMALISATION_TABLE: dict[int, str | None] = (
    dict.fromkeys(_DELETED) | {ord(k): v for k, v in _FOLDED.items()} | _DIGITS
)

# Presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF), including the lam-alef
# ligatures, are compatibility characters: NFKC maps them to plain letters.
_PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]")
# A combining hamza or madda after its seat (و + U+0654) must be composed to
# the precomposed letter (ؤ) before the marks are deleted, or و\u0654 and ؤ
# would normalise differently.
_COMBINING_HAMZA = re.compile("[\u0653-\u0655]")


def normalize(word: str) -> str:
    """Normalise Arabic text: fold letters, delete marks and controls, ASCII digits.

    Works on a single word or on running text; other scripts pass through.
    """
    if _PRESENTATION_FORMS.search(word):
        word = unicodedata.normalize("NFKC", word)
    if _COMBINING_HAMZA.search(word):
        word = unicodedata.normalize("NFC", word)
    return word.translate(NORMALISATION_TABLE)


# --- light stemming ----------------------------------------------------------
# The stemmer works on NORMALISED words (ة is already ه, أ is already ا).

# Prefix layers, stripped left to right, at most one from each: a conjunction,
# then a preposition, then the article. Their stacks are the prefixes of
# Larkey's light10 (وال بال كال فال لل) and more (وبال فبال ولل وب ول فب وك فل).
CONJUNCTIONS = ("و", "ف")
PREPOSITIONS = ("ب", "ك", "ل")
ARTICLE = "ال"
# ل before the article drops the article's alef: ل + الأمم = للأمم.
LAM_ARTICLE = "لل"
# Suffix layers, stripped right to left, at most one from each layer:
# possessive pronoun, then plural/dual, then nisba/feminine. ه alone is
# ambiguous (ة or "his") and is left to the feminine layer.
PRONOUN_SUFFIXES = ("هما", "ها", "هم", "هن")
# ة is written ت before a pronoun: محاولتهم is محاولة + هم, سفارتها is
# سفارة + ها. So after a pronoun, a final ت is read as ة (normalised ه) and
# the feminine layer treats it as it treats المحاولة, السفارة; not after ا:
# قواتها is the plural قوات + ها.
TA_BEFORE_PRONOUN = "ت"
PLURAL_SUFFIXES = ("ات", "ان", "ون", "ين")
# يه is ية after normalisation. يا ends country names whose adjective ends in
# ي/ية (سوريا سوري سورية, ليبيا ليبي), so all of them share a stem; but not
# after ا, where it is the broken plural ـايا (قضايا، خلايا، ضحايا).
FEMININE_SUFFIXES = ("يه", "يا", "ه", "ي")

# Minimum-length guards, in letters left after stripping.
MIN_STEM_AFTER_ARTICLE = 2  # الم -> no; الأمن -> امن
MIN_STEM_AFTER_CLITIC = 3  # بيت كتب ليل ولد فيل survive whole
MIN_STEM_AFTER_SUFFIX = 3  # علي (Ali) keeps its ي; سوري -> سور


def _load_word_list(name: str) -> frozenset[str]:
    text = resources.files("search.analysis").joinpath("data", name).read_text("utf-8")
    words = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return frozenset(normalize(word) for word in words if word)


@lru_cache(maxsize=1)
def stem_exceptions() -> tuple[frozenset[str], frozenset[str]]:
    """(words whose first letter is radical, words whose ending is radical).

    Built from corpus statistics by scripts/build_arabic_stem_exceptions.py:
    فلسطين does not end in the plural ين, لبنان not in the dual ان, and the ب
    of بريطانيا and the و of وزير are not clitics.
    """
    return (
        _load_word_list("arabic-radical-prefixes.txt"),
        _load_word_list("arabic-radical-suffixes.txt"),
    )


def strip_prefixes(word: str) -> str:
    """Remove proclitics and the article: وبالتحالف -> تحالف, لداعش -> داعش.

    A word listed as radical-first keeps its first letters at that layer
    (وزير, بريطانيا; التزام, المانيا), so its clitic forms (ووزير,
    لبريطانيا, بالتزام, الالتزام) stem alike.
    """
    radical_first, _ = stem_exceptions()
    if word[:1] in CONJUNCTIONS and len(word) - 1 >= MIN_STEM_AFTER_CLITIC and word not in radical_first:
        word = word[1:]
    if word[:1] in PREPOSITIONS and word not in radical_first:
        if word.startswith(LAM_ARTICLE):
            # للأمم is ل + الأمم, but لليبيا is ل + ليبيا: a word of its own
            # that starts with ل.
            if word[1:] in radical_first:
                return word[1:]
            if len(word) - 2 >= MIN_STEM_AFTER_ARTICLE:
                return word[2:]
        elif len(word) - 1 >= MIN_STEM_AFTER_CLITIC:
            word = word[1:]
    if (
        word.startswith(ARTICLE)
        and len(word) - 2 >= MIN_STEM_AFTER_ARTICLE
        and word not in radical_first  # الغاء (إلغاء), المانيا, التزام
    ):
        word = word[2:]
    return word


def strip_suffixes(word: str) -> str:
    """Remove one pronoun, one plural and one feminine/nisba suffix, in that order."""
    _, radical_last = stem_exceptions()
    for layer in (PRONOUN_SUFFIXES, PLURAL_SUFFIXES, FEMININE_SUFFIXES):
        if word in radical_last:
            break
        for suffix in layer:
            if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM_AFTER_SUFFIX:
                if suffix == "يا" and word[-3] == "ا":
                    continue
                word = word[: -len(suffix)]
                if (
                    layer is PRONOUN_SUFFIXES
                    and word.endswith(TA_BEFORE_PRONOUN)
                    and word[-2] != "ا"
                    and len(word) - 1 >= MIN_STEM_AFTER_SUFFIX
                ):
                    word = word[:-1] + "ه"
                break
    return word


# The alef that carries tanween al-fath (كتاباً، نوعاً، ولداً) is spelling,
# not part of the word: نوعاً is نوع in the accusative. While the mark is
# written that is certain. Most text omits it (ولدا), so the words whose
# final alef the corpora show to be this one are listed too
# (data/arabic-accusative-alef.txt: ولدا is rare beside ولد, while سوريا
# and أمريكا are no accusatives of سوري and أمريك).
_TANWEEN_ALEF = re.compile("(?:\u0627\u064b|\u064b\u0627)$")


@lru_cache(maxsize=1)
def accusative_alef_words() -> frozenset[str]:
    return _load_word_list("arabic-accusative-alef.txt")


def accusative_base(written: str, normalized: str) -> str:
    """`normalized` without the alef of tanween al-fath: نوعاً -> نوع, and ولدا -> ولد."""
    if not normalized.endswith("\u0627") or len(normalized) <= 3:
        return normalized
    if _TANWEEN_ALEF.search(written):
        return normalized[:-1]
    # The list holds words without clitics (وولدا is و + ولدا); tanween never follows the article.
    listed = accusative_alef_words()
    if not has_article(normalized) and (normalized in listed or strip_prefixes(normalized) in listed):
        return normalized[:-1]
    return normalized


def has_article(word: str) -> bool:
    """ال at the start, behind one clitic letter (وال, بال, كال, فال), or as لل."""
    return word.startswith((ARTICLE, LAM_ARTICLE)) or word[1:3] == ARTICLE


def light_stem(word: str) -> str:
    """Stem a NORMALISED word: prefixes first, then suffixes."""
    return strip_suffixes(strip_prefixes(word))


# --- stopwords ---------------------------------------------------------------


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Normalised Arabic stopwords: the MIT list minus the words news search needs.

    The exclusions (months, currencies, زيارة, شمال, the ل+الأمم fragment
    للامم ...) are listed with reasons in data/arabic-stopwords-kept.txt.
    """
    kept = _load_word_list("arabic-stopwords-kept.txt")
    return _load_word_list("arabic-stopwords.txt") - kept


def is_stopword(normalized: str) -> bool:
    """True for a stopword, also behind a conjunction: وهذه, فإن, ولم."""
    words = stopwords()
    if normalized in words:
        return True
    return normalized[:1] in CONJUNCTIONS and normalized[1:] in words
