"""Link person names that no lexicon lists, across scripts, through spelling keys.

Built from Wikidata name tokens (English token, Arabic token). A Latin name
is reduced to a spelling key: al-/el- dropped, ch→sh, ai/ay/ei/ey/y→i,
o/ou/oo→u, e→a, doubled letters folded. So Shaibani, al-Shibani, Alshaibani,
Shaybani and the French Chibany all become "shibani". An Arabic name gets the
keys of the Latin spellings Wikidata records for it (الشيباني → shibani).
Documents and queries are compared in that key space.

Precision guard: only capitalised Latin words, and only words whose key (or
Arabic form) is in the table take part; the query side gives these matches
a low weight, below exact and curated ones.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from search.analysis import arabic
from search.analysis.english import is_acronym

TABLE_FILE = "wikidata-name-tokens.tsv"
MIN_KEY_LENGTH = 4  # shorter keys (ali, omar) collide with too much
# Spelling rules, applied in order to a lowercase ASCII word.
_SPELLING_RULES = (
    (re.compile(r"^(?:al|el)(?=[a-z]{4,})"), ""),  # Alshaibani -> shaibani
    (re.compile(r"ch"), "sh"),  # French transliteration: Chibany
    (re.compile(r"ph"), "f"),
    (re.compile(r"ou|oo|o"), "u"),
    (re.compile(r"ee|ai|ay|ei|ey|ie|y"), "i"),
    (re.compile(r"e"), "a"),  # Ahmed/Ahmad, Mohamed/Muhammad
    (re.compile(r"q"), "k"),
    (re.compile(r"(.)\1+"), r"\1"),  # Sharaa -> shara, Hassan -> hasan
    (re.compile(r"(?<=[aiu])h$"), ""),  # Salamah -> salama
)


def spelling_key(word: str) -> str:
    """The spelling key of a Latin name: Shaibani, al-Shibani, Alshaibani -> shibani."""
    folded = unicodedata.normalize("NFKD", word.casefold())
    key = "".join(character for character in folded if "a" <= character <= "z")
    for pattern, replacement in _SPELLING_RULES:
        key = pattern.sub(replacement, key)
    return key


def arabic_key(word: str) -> str:
    """An Arabic name as the table indexes it: normalised, clitics and article off."""
    return arabic.strip_prefixes(arabic.normalize(word))


@dataclass
class NameTable:
    """Spelling keys of Latin names, and the keys each Arabic name is written as."""

    latin_keys: set[str] = field(default_factory=set)
    arabic_keys: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @classmethod
    def from_rows(cls, rows: list[tuple[str, str]]) -> NameTable:
        keys_by_arabic: dict[str, set[str]] = defaultdict(set)
        latin_keys = set()
        for latin, arabic_name in rows:
            key = spelling_key(latin)
            if len(key) < MIN_KEY_LENGTH:
                continue
            latin_keys.add(key)
            base = arabic_key(arabic_name) if arabic_name else ""
            if len(base) >= 3 and not arabic.is_stopword(base):
                keys_by_arabic[base].add(key)
        return cls(latin_keys, {name: tuple(sorted(keys)) for name, keys in keys_by_arabic.items()})

    def keys_for(self, written: str, script_is_arabic: bool) -> tuple[str, ...]:
        """Keys for one word as written; empty unless it passes the precision guard."""
        if script_is_arabic:
            return self.arabic_keys.get(arabic_key(written), ())
        if not written[:1].isupper() or is_acronym(written):
            return ()
        key = spelling_key(written)
        return (key,) if key in self.latin_keys else ()


@lru_cache(maxsize=1)
def shipped_table() -> NameTable:
    """The table generated from Wikidata person names (CC0), loaded once."""
    text = resources.files("search.aliases").joinpath("data", TABLE_FILE).read_text("utf-8")
    rows = []
    for line in text.splitlines():
        if line and not line.startswith("#"):
            latin, arabic_name, _count = line.split("\t")
            rows.append((latin, arabic_name))
    return NameTable.from_rows(rows)
