"""The baselines' analyzers: Lucene's ArabicAnalyzer re-implemented for Whoosh, and plain Whoosh.

`LuceneArabicEnglishAnalyzer` is what an Elasticsearch or Solr user gets
from the stock analyzers, routed by script: Arabic words go through
Lucene's ArabicNormalizer and ArabicStemmer (Larkey's light10) exactly as
Lucene writes them, other words through Lucene's EnglishAnalyzer chain
(possessive, lowercase, its 33 stopwords, Porter). One deviation: Lucene's
own Arabic stopword file is not available here, so the MIT list the project
ships (search/analysis/data/arabic-stopwords.txt, unedited) stands in.

Whoosh pickles analyzers into the index, so every part is a module-level class.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources

from whoosh.analysis import Filter, LowercaseFilter, RegexTokenizer, StandardAnalyzer, Token

from search.analysis import english

# --- Lucene ArabicNormalizer -----------------------------------------------------
# Lucene folds only these: alef with madda/hamza above/below to bare alef,
# dotless yeh (alef maqsura) to yeh, teh marbuta to heh; and deletes tatweel
# and the eight harakat. No hamza seats, no alef wasla, no digits.
LUCENE_NORMALIZATION = {
    ord("\u0622"): "\u0627",  # آ
    ord("\u0623"): "\u0627",  # أ
    ord("\u0625"): "\u0627",  # إ
    ord("\u0649"): "\u064a",  # ى
    ord("\u0629"): "\u0647",  # ة
    **dict.fromkeys(map(ord, "\u0640\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652")),
}

# --- Lucene ArabicStemmer (light10) ------------------------------------------------
# In Lucene's order: the first matching prefix is removed (one only); then
# every suffix in turn is removed if it matches (several may go: ها then ات).
LUCENE_PREFIXES = ("ال", "وال", "بال", "كال", "فال", "لل", "و")
LUCENE_SUFFIXES = ("ها", "ان", "ات", "ون", "ين", "يه", "ية", "ه", "ة", "ي")

# Lucene's EnglishAnalyzer stop set.
LUCENE_ENGLISH_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "but",
        "by",
        "for",
        "if",
        "in",
        "into",
        "is",
        "it",
        "no",
        "not",
        "of",
        "on",
        "or",
        "such",
        "that",
        "the",
        "their",
        "then",
        "there",
        "these",
        "they",
        "this",
        "to",
        "was",
        "will",
        "with",
    ]
)

_ARABIC_LETTER = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc]")
# Like Lucene's StandardTokenizer for these texts: letters, digits and the
# combining marks inside a word (harakat do not split it), inner apostrophes.
WORD_PATTERN = r"(?:[^\W_]|[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640])+(?:['’][^\W_]+)*"


def lucene_normalize(word: str) -> str:
    return word.translate(LUCENE_NORMALIZATION)


def lucene_stem(word: str) -> str:
    """Lucene ArabicStemmer.stem on a normalised word, with its exact length checks."""
    for prefix in LUCENE_PREFIXES:
        # A one-letter prefix (و) needs a word of 4+ letters; longer ones leave 2+.
        minimum = 4 if len(prefix) == 1 else len(prefix) + 2
        if len(word) >= minimum and word.startswith(prefix):
            word = word[len(prefix) :]
            break
    for suffix in LUCENE_SUFFIXES:
        if len(word) >= len(suffix) + 2 and word.endswith(suffix):
            word = word[: -len(suffix)]
    return word


@lru_cache(maxsize=1)
def arabic_stopwords() -> frozenset[str]:
    text = resources.files("search.analysis").joinpath("data", "arabic-stopwords.txt").read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip())


def porter_stem(word: str) -> str:
    """Porter's original algorithm (Lucene's PorterStemFilter), via libstemmer."""
    return english.stemmer("porter").stemWord(word)


def lucene_term(word: str) -> str | None:
    """The index term of one lowercased word, or None for a stopword."""
    if _ARABIC_LETTER.search(word):
        # Lucene removes Arabic stopwords before it normalises.
        if word in arabic_stopwords():
            return None
        return lucene_stem(lucene_normalize(word)) or None
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    if word in LUCENE_ENGLISH_STOPWORDS:
        return None
    return porter_stem(word)


class LuceneScriptFilter(Filter):
    """Route each token by script to Lucene's Arabic or English chain; drop stopwords."""

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self)

    def __hash__(self) -> int:
        return hash(type(self).__name__)

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        for token in tokens:
            term = lucene_term(token.text)
            if term:
                token.text = term
                yield token


def lucene_arabic_english_analyzer():
    """Tokenizer, lowercase, then Lucene's per-script chains."""
    return RegexTokenizer(WORD_PATTERN) | LowercaseFilter() | LuceneScriptFilter()


def plain_whoosh_analyzer():
    """Whoosh out of the box: regex words, lowercase, English stopwords; no Arabic handling."""
    return StandardAnalyzer()
