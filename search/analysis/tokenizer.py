"""Split ORIGINAL text into word tokens with true character offsets, tagged by script.

Nothing here changes the text: normalisation happens per token later, so
`text[start:end]` is always the word as the author wrote it (diacritics,
tatweel and invisible controls included). Knows nothing about Whoosh.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

# Arabic letters: base block, Supplement, Extended-A and the presentation forms
# (lam-alef ligatures etc., folded later by NFKC). U+0640 tatweel and the
# combining marks are listed separately because a word may not start with them.
ARABIC_LETTERS = (
    "\u0621-\u063a\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef"
    "\u06fa-\u06fc\u06ff\u0750-\u077f\u08a0-\u08c9\ufb50-\ufdff\ufe70-\ufefc"
)
# Harakat, superscript alef, Quranic annotation marks, Extended-A marks, tatweel.
ARABIC_MARKS = "\u064b-\u065f\u0670\u06d6-\u06ed\u08ca-\u08ff\u0640"
# Zero-width and bidi controls that editors leave inside words.
INWORD_CONTROLS = "\u200b-\u200f\u202a-\u202e\u2066-\u2069\u00ad\ufeff"
# Arabic-Indic and Persian digits form number tokens of their own.
EASTERN_DIGITS = "\u0660-\u0669\u06f0-\u06f9"
# Any other letter or ASCII digit (Latin, Cyrillic, ...): \w minus underscore,
# minus everything Arabic-script.
_OTHER = r"[^\W_\u0600-\u06ff\u0750-\u077f\u0870-\u08ff\ufb50-\ufdff\ufe70-\ufeff]"
_LATIN_MARK = r"[\u0300-\u036f]"  # combining accents on decomposed Latin text

SCRIPT_ARABIC = "ar"
SCRIPT_NUMBER = "num"
SCRIPT_WORD = "word"  # Latin and every other non-Arabic script

_TOKEN_RE = re.compile(
    # An Arabic word may carry marks and controls inside, but it starts with a
    # letter and ends with a letter or a mark (a trailing RLM is not the word).
    rf"(?P<ar>[{ARABIC_LETTERS}](?:[{ARABIC_LETTERS}{ARABIC_MARKS}{INWORD_CONTROLS}]*"
    rf"[{ARABIC_LETTERS}{ARABIC_MARKS}])?)"
    rf"|(?P<num>[{EASTERN_DIGITS}]+)"
    # Dotted acronyms keep their dots: U.S. / U.N. / U.K.
    r"|(?P<acronym>(?:[A-Z]\.){2,})"
    # Other words: letters and digits, with inner apostrophes (Syria's, Qur'an).
    rf"|(?P<word>{_OTHER}(?:{_OTHER}|{_LATIN_MARK}|['\u2019](?={_OTHER}))*)"
)


class RawToken(NamedTuple):
    """A word exactly as written: `text == source[start:end]`."""

    text: str
    start: int
    end: int
    script: str


_SCRIPT_OF_GROUP = {"ar": SCRIPT_ARABIC, "num": SCRIPT_NUMBER, "acronym": SCRIPT_WORD, "word": SCRIPT_WORD}


def tokenize(text: str) -> Iterator[RawToken]:
    """Yield the words of `text` in order, with offsets into `text` itself."""
    for match in _TOKEN_RE.finditer(text):
        yield RawToken(match.group(), match.start(), match.end(), _SCRIPT_OF_GROUP[match.lastgroup])


def scan(text: str) -> Iterator[re.Match[str]]:
    """The regex matches `tokenize` is made of, for the two hot loops (indexing and
    snippets) where a RawToken per word costs more than the match itself:
    `match.group()` is the word, `script_of(match)` its script."""
    return _TOKEN_RE.finditer(text)


def script_of(match: re.Match[str]) -> str:
    return _SCRIPT_OF_GROUP[match.lastgroup or "word"]


def arabic_share(text: str) -> float:
    """Fraction of the letters in `text` that are Arabic script (0.0 if none)."""
    arabic = other = 0
    for match in _TOKEN_RE.finditer(text):
        kind = match.lastgroup
        if kind == "ar":
            arabic += match.end() - match.start()
        elif kind in ("word", "acronym"):
            other += match.end() - match.start()
    total = arabic + other
    return arabic / total if total else 0.0
