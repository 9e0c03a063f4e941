"""English (and other Latin-script) word analysis: pure functions on str.

Lowercasing with accent folding, possessive removal, stopwords, and the
Snowball English (Porter2) stemmer. Knows nothing about Whoosh.
"""

from __future__ import annotations

import threading
import unicodedata
from functools import lru_cache
from importlib import resources

import Stemmer

_APOSTROPHES = "'\u2019"
_POSSESSIVES = ("'s", "\u2019s")


def is_acronym(word: str) -> bool:
    """All-caps words of two or more letters (US, IS, WHO, U.S.): never stopwords."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def fold(word: str) -> str:
    """Lowercase, drop accents and apostrophes: Erdoğan -> erdogan, Qur'an -> quran."""
    word = word.casefold()
    if not word.isascii():
        word = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
    return word


def normalize(word: str) -> str:
    """The exact-view form: folded, possessive 's removed, dots and apostrophes dropped.

    Syria's -> syria, U.S. -> us, al-Sharaa's -> sharaa (the tokenizer already
    split al- off).
    """
    word = without_possessive(fold(word))
    return word.replace(".", "").replace("'", "").replace("\u2019", "")


def without_possessive(word: str) -> str:
    """Syria's -> Syria, officials' -> officials; the transliteration model reads the
    apostrophes that remain (Sa'ad)."""
    if word.endswith(_POSSESSIVES):
        return word[:-2]
    if word.endswith(_APOSTROPHES):  # plural possessive: "officials'"
        return word[:-1]
    return word


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    text = resources.files("search.analysis").joinpath("data", "english-stopwords.txt").read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def is_stopword(word: str, normalized: str) -> bool:
    """A stopword unless written as an acronym: `us` is, `US` is not."""
    return normalized in stopwords() and not is_acronym(word)


# libstemmer keeps per-call buffers, so a Stemmer must not be shared between
# threads (the web server searches from several).
_per_thread = threading.local()


def stemmer(algorithm: str = "english") -> Stemmer.Stemmer:
    """This thread's libstemmer instance for `algorithm` ("english" is Porter2; the
    evaluation's Lucene-equivalent baseline uses the original "porter")."""
    stemmers = _per_thread.__dict__.setdefault("stemmers", {})
    if algorithm not in stemmers:
        stemmers[algorithm] = Stemmer.Stemmer(algorithm)
    return stemmers[algorithm]


def stem(normalized: str) -> str:
    """Snowball English stem of a normalised word: coalitions -> coalit."""
    return stemmer().stemWord(normalized)
