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

A name typed in a query may be spelt as the table does not (جيسن for
جايسون, Jason; ليسلي for ليزلي, Leslie). Queries, and only queries, also try
the written form unstripped (a name starting with ل or ب is not a clitic) and
then its consonant skeleton (long vowels dropped; ز/س, ط/ت, ق/ك, غ/ج folded,
the letters transliterations swap). Articles are not annotated that way:
a skeleton of every word of every article would match common words.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from search.aliases.shipped import shipped_rows
from search.aliases.transliteration import LONG_VOWELS, latin_letters, shipped_transliterator
from search.analysis import arabic, english
from search.analysis.bilingual import View, terms
from search.analysis.english import is_acronym

TABLE_FILE = "wikidata-name-tokens.tsv"
MIN_KEY_LENGTH = 4  # shorter keys (ali, omar) collide with too much
MIN_SKELETON_LENGTH = 3  # consonants: two (نل, لو) match any short word
MAX_SKELETON_KEYS = 3  # the commonest Latin names behind one skeleton
SKELETON_SHARE = 0.25  # and only those named at least a quarter as often as the first
MEMO_SIZE = 500_000  # words remembered by keys_for (a 100k-article rebuild sees about 400k)
CONSONANT_MEMO_SIZE = 200_000  # capitalised words remembered by consonant_keys_for
_SKELETON_FOLDS = str.maketrans("زطقغ", "ستكج")
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
    key = latin_letters(word)
    for pattern, replacement in _SPELLING_RULES:
        key = pattern.sub(replacement, key)
    return key


def arabic_key(word: str) -> str:
    """An Arabic name as the table indexes it: normalised, clitics and article off."""
    return arabic.strip_prefixes(arabic.normalize(word))


def arabic_skeleton(normalised: str) -> str:
    """The consonants of a normalised Arabic name, as transliterations vary them:
    جايسون and جيسن -> جسن, ليزلي and ليسلي -> لسل, غلازر and جليزر -> جلسر."""
    if not normalised:
        return ""
    return (normalised[0] + normalised[1:].translate(LONG_VOWELS)).translate(_SKELETON_FOLDS)


@dataclass
class NameTable:
    """Spelling keys of Latin names, and the keys each Arabic name is written as."""

    latin_keys: set[str] = field(default_factory=set)
    arabic_keys: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Query side only: names as written (not clitic-stripped), and skeletons.
    written_keys: dict[str, tuple[str, ...]] = field(default_factory=dict)
    skeleton_keys: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Latin key -> Arabic words too frequent to key articles by (صلاح for Salah: also
    # "righteousness"), commonest first: a query may still spell a name's part with them
    # inside a phrase (compounds, runs of names), never alone.
    frequent_words: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # keys_for per word as written: every article word is looked up, most of them often.
    _memo: dict[tuple[str, bool], tuple[str, ...]] = field(default_factory=dict, repr=False, compare=False)
    # arabic_words_for: the Arabic words by key, built on first use (query side only).
    _by_key: dict[str, tuple[str, ...]] | None = field(default=None, repr=False, compare=False)

    @classmethod
    def from_rows(
        cls, rows: Iterable[tuple[str, str] | tuple[str, str, int] | tuple[str, str, int, str]]
    ) -> NameTable:
        """From (Latin token, Arabic token[, how often Wikidata pairs them[, the Arabic token
        when it is too frequent a word to be the second field]]) rows."""
        frequent_by_key: dict[str, Counter[str]] = defaultdict(Counter)
        keys_by_arabic: dict[str, set[str]] = defaultdict(set)
        keys_by_written: dict[str, set[str]] = defaultdict(set)
        keys_by_skeleton: dict[str, Counter[str]] = defaultdict(Counter)
        latin_keys = set()
        for latin, arabic_name, *rest in rows:
            count = rest[:1]
            key = spelling_key(latin)
            if len(key) < MIN_KEY_LENGTH:
                continue
            latin_keys.add(key)
            if len(rest) > 1 and rest[1]:
                frequent_by_key[key][arabic.normalize(str(rest[1]))] += int(rest[0])
            written = arabic.normalize(arabic_name) if arabic_name else ""
            # As articles' words are looked up (arabic_key): a bare براهمي loses its ب as a
            # preposition (راهمي), but after the article it keeps it (البراهمي -> براهمي).
            after_article = written if written.startswith(arabic.ARTICLE) else arabic.ARTICLE + written
            for base in {arabic.strip_prefixes(written), arabic.strip_prefixes(after_article)}:
                if len(base) >= 3 and not arabic.is_stopword(base):
                    keys_by_arabic[base].add(key)
            if len(written) >= 3 and not arabic.is_stopword(written):
                keys_by_written[written].add(key)
                if len(skeleton := arabic_skeleton(written)) >= MIN_SKELETON_LENGTH:
                    keys_by_skeleton[skeleton][key] += int(count[0]) if count else 1
        return cls(
            latin_keys,
            _sorted(keys_by_arabic),
            _sorted(keys_by_written),
            {skeleton: _commonest(counts) for skeleton, counts in keys_by_skeleton.items()},
            {key: tuple(word for word, _ in counts.most_common()) for key, counts in frequent_by_key.items()},
        )

    def keys_for(self, written: str, script_is_arabic: bool) -> tuple[str, ...]:
        """Keys for one word as written; empty unless it passes the precision guard."""
        memo_key = (written, script_is_arabic)
        keys = self._memo.get(memo_key)
        if keys is None:
            if len(self._memo) >= MEMO_SIZE:
                self._memo.clear()
            keys = self._memo[memo_key] = self._keys_for(written, script_is_arabic)
        return keys

    def _keys_for(self, written: str, script_is_arabic: bool) -> tuple[str, ...]:
        if script_is_arabic:
            return self.arabic_keys.get(arabic_key(written), ())
        if not written[:1].isupper() or is_acronym(written):
            return ()
        key = spelling_key(english.normalize(written))  # Shaibani's is Shaibani
        return (key,) if key in self.latin_keys else ()

    def knows(self, written: str, script_is_arabic: bool) -> bool:
        """Whether the table has this very name (as written, or by its key), not
        only a name with the same consonant skeleton."""
        if script_is_arabic and self.written_keys.get(arabic.normalize(written)):
            return True
        return bool(self.keys_for(written, script_is_arabic))

    def arabic_words_for(self, written: str) -> tuple[str, ...]:
        """The Arabic words the table writes a Latin name as (Aziz: عزيز; Salah: صلاح, a word
        too frequent to key articles by), for spelling it inside a phrase: a compound's part
        (compounds.py), a name in a run of names. Surer than the model for Arabic names."""
        if self._by_key is None:
            by_key: dict[str, list[str]] = defaultdict(list)
            for arabic_name, keys in self.arabic_keys.items():
                for key in keys:
                    by_key[key].append(arabic_name)
            self._by_key = {key: tuple(words) for key, words in by_key.items()}
        keys = self.keys_for(written, False)
        # The frequent words first: a name common enough to be a word (صلاح) is the usual
        # spelling, where the key's other words are rarer names it stands for (Sala: سالا).
        found = [word for key in keys for word in self.frequent_words.get(key, ())]
        found += [word for key in keys for word in self._by_key.get(key, ())]
        return tuple(dict.fromkeys(found))

    def query_keys_for(self, written: str, script_is_arabic: bool) -> tuple[str, ...]:
        """Keys for a word typed in a query: an Arabic name the table spells
        otherwise is tried as written, then by its skeleton, before its clitics
        come off (ليسلي is Leslie, not ل + يسلي)."""
        if not script_is_arabic:
            return self.keys_for(written, script_is_arabic)
        normalised = arabic.normalize(written)
        return (
            self.written_keys.get(normalised)
            or self.skeleton_keys.get(arabic_skeleton(normalised))
            or self.keys_for(written, script_is_arabic)
        )


@lru_cache(maxsize=CONSONANT_MEMO_SIZE)
def consonant_keys_for(written: str) -> tuple[str, ...]:
    """The consonant keys of the Arabic spellings of a capitalised Latin word, for the
    index: an English article that says Federer is found by فيدرر, فدرر or فيديرر,
    whatever the table knows. The surer direction: Latin writes the vowels Arabic
    leaves out, so the English side is spelt and the Arabic side only reduced
    (transliteration.consonant_key)."""
    if not may_be_latin_name(written):
        return ()
    # The model reads the word as spoken (latin_sounds): Federer's is Federer, and Sa'ad's
    # apostrophe is its ع.
    return tuple(shipped_transliterator().consonant_keys(written))


@lru_cache(maxsize=CONSONANT_MEMO_SIZE)
def capitalised_form(written: str) -> str | None:
    """A capitalised Latin word that may be a name, as the exact views index it (Federer's:
    federer), for the index's record of the words its articles capitalise: a query typed in
    lowercase reads a word as a name where most articles that have it capitalise it."""
    if not may_be_latin_name(written):
        return None
    exact = terms(written, View.EXACT)
    return exact[0] if len(exact) == 1 else None


def may_be_latin_name(written: str) -> bool:
    """A capitalised Latin word that is not an acronym or a stopword: it may be a name."""
    if not written[:1].isupper() or is_acronym(written):
        return False
    return not english.is_stopword(written, english.normalize(written))


def _sorted(keys_by_form: dict[str, set[str]]) -> dict[str, tuple[str, ...]]:
    return {form: tuple(sorted(keys)) for form, keys in keys_by_form.items()}


def _commonest(counts: Counter[str]) -> tuple[str, ...]:
    """The Latin names a skeleton most likely stands for: جسن is Jason (141
    pairs), not Joseon (22) or Zhadan (1)."""
    ranked = counts.most_common(MAX_SKELETON_KEYS)
    return tuple(sorted(key for key, count in ranked if count >= ranked[0][1] * SKELETON_SHARE))


@lru_cache(maxsize=1)
def shipped_table() -> NameTable:
    """The table generated from Wikidata person names (CC0), loaded once."""
    rows = shipped_rows(TABLE_FILE)
    return NameTable.from_rows(
        (latin, arabic_name, int(count), frequent[0] if frequent else "")
        for latin, arabic_name, count, *frequent in rows
    )
