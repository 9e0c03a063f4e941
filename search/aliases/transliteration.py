"""Spell a name in the other script: Beckham -> بيكهام, فيدرر -> federer.

For names that neither the lexicon nor the Wikidata name table knows (names.py),
so a query can still cross the language line. The model is a table of chunk
pairs (one to three Latin letters, or none, with one or two Arabic letters) and
their probabilities, learned by expectation maximisation over the development
name pairs (scripts/build_transliteration_model.py; Wikidata name tokens, CC0,
and Google's ar2en names, Apache-2.0). A word is spelt by a beam search over
its chunkings; the most probable spellings come first.

The model proposes; the index disposes: the query compiler keeps only the
spellings that some article uses (compiler.py), so an implausible spelling
costs a lookup and nothing else.
"""

from __future__ import annotations

import heapq
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from search.aliases.shipped import shipped_rows
from search.analysis import arabic, english

MODEL_FILE = "transliteration-chunks.tsv"
APOSTROPHES = str.maketrans(dict.fromkeys("\u2019\u2018\u02bf\u02bb`", "'"))  # ’ ‘ ʿ ʻ ` as '
INNER_APOSTROPHE = re.compile(r"'+")
LETTERS_FILE = "transliteration-latin-letters.tsv"  # letter trigrams of Latin names
# Marks, in the model file, a chunk pair that begins a word. A word's start is spelt apart:
# Arabic words never start with a vowel letter alone, so Omar starts with ع and Ollie with
# او, where the same o inside a word is و or nothing.
START = "^"
# How much the Latin letter model counts against the chunk model when spelling Arabic in
# Latin: on the held-out pairs, 0 puts the right spelling in the first ten for 0.374 of
# Arabic names, 0.5 for 0.414, 1 for 0.405.
LETTERS_WEIGHT = 0.5
SMOOTHING = 0.1  # added to every letter trigram's count
ALPHABET = 28  # a-z, the apostrophe, and the end of the word
MAX_LATIN_CHUNK = 3  # "sch" -> ش; the chunk shapes must match the build script's
MAX_ARABIC_CHUNK = 2  # "ال" -> "al"
# Partial spellings kept per position, and spellings of one chunk tried (the likeliest).
# On the held-out 5 % of pairs, 12 and 4 spell as well as 32 and 8 (0.73 of English
# names right in the first ten either way) in 0.7 ms a word instead of 2.
BEAM = 12
CHOICES = 4
MIN_SHARE = 0.02  # and only spellings that write a chunk at least this often (sch is never ز)
# Two-letter words (Al, Bo) spell into too many real words, and are too many real words:
# ليو spelt le and li found every French title, and its Leo sank (entity-dev).
MIN_LETTERS = 3
MAX_LETTERS = 20  # longer "names" are not names; the search stays bounded


def latin_letters(word: str) -> str:
    """A Latin word as the model reads it: lowercase a-z only (O'Connell -> oconnell, Élodie -> elodie)."""
    folded = unicodedata.normalize("NFKD", word.casefold())
    return "".join(character for character in folded if "a" <= character <= "z")


def latin_sounds(word: str) -> str:
    """A Latin word as the model spells it: its letters (latin_letters), with an apostrophe
    between two letters kept, as ': in names from Arabic it writes ع or ء (Sa'ad -> سعد,
    Isma'il -> إسماعيل), elsewhere nothing (O'Brien). A possessive goes (Sellal's -> sellal)."""
    folded = unicodedata.normalize("NFKD", english.without_possessive(word.casefold())).translate(APOSTROPHES)
    kept = "".join(character for character in folded if "a" <= character <= "z" or character == "'")
    return INNER_APOSTROPHE.sub("'", kept.strip("'"))


def arabic_letters(word: str) -> str:
    """An Arabic word as the model reads it: normalised (alef forms, ى, ة folded), letters only."""
    return "".join(character for character in arabic.normalize(word) if "\u0621" <= character <= "\u064a")


LONG_VOWELS = str.maketrans("", "", "اويء")  # the letters spellings of one Arabic name add or leave out
WORD_INITIAL_CONSONANTS = ("و", "ي")
# Letters that spellings of one name swap: غاري/جاري (Gary), صالح/سالح (Saleh), ذكي/زكي (Zaki),
# كاثرين/كاترين (Catherine). On the held-out pairs ث folded into ت or into س keys as well
# (0.822 in the first two); English th is written either ث or ت, so ت.
CONSONANT_FOLDS = str.maketrans("زطقغثذظصض", "ستكجتززسد")
# Consonant keys of a Latin name: the likeliest few. On the 5 % of development pairs held out
# of training (the names with a key: three consonants or more), the right Arabic spelling's
# key is first for 0.73 of English names and among the first two for 0.83 (three: 0.86), in
# 0.1 ms a word; the first ten spellings themselves hold the right one for 0.77, in 1.4 ms
# (`scripts/build_transliteration_model.py --check`, the model with word starts; before
# them 0.71, 0.82 and 0.73). Three keys (before ث folded into ت)
# raised entity-dev's Arabic->English culture slice (capped Recall@100 0.796 -> 0.832) and
# moved the Google list's MRR@10 0.820 -> 0.800, which rebuilds alone move as much (tied
# scores). With ث folded into ت, three keys found nothing more (every slice's capped recall
# the same), so two: a third fewer index terms.
CONSONANT_KEYS = 2
CONSONANT_BEAM = 4  # a beam of 12 finds the same keys, 2.5 times slower
MIN_CONSONANTS = 3  # two consonants (نل, بت) are half the short words of the language


def arabic_consonants(word: str, starts_word: bool = True) -> str:
    """An Arabic spelling without its long vowels (شبرنغر, شبرينغر -> شبرنغر). A word's first
    و or ي stays: no Arabic word starts with a vowel, so there they are W and Y (والاس,
    Wallace -> ولس; ياسر, Yasser -> يسر), where a key without them would be too short."""
    letters = arabic_letters(word)
    kept = letters[:1] if starts_word and letters[:1] in WORD_INITIAL_CONSONANTS else ""
    return kept + letters[len(kept) :].translate(LONG_VOWELS)


def consonant_key(word: str) -> str:
    """What every Arabic spelling of one name shares: its consonants, with the letters
    spellings swap folded (فيدرر, فدرر -> فدرر; صالح, سالح -> سلح), and without a last ه
    (the ة of فضيلة, which Fadhila and Fadila leave out): the key of the right spelling
    is among a Latin name's first two for 0.82 of held-out names with the ه dropped, 0.80
    with it kept."""
    return _folded_consonants(word).removesuffix("ه")


def _folded_consonants(letters: str, starts_word: bool = True) -> str:
    return arabic_consonants(letters, starts_word).translate(CONSONANT_FOLDS)


@dataclass(frozen=True)
class LetterModel:
    """How likely each letter is after the two before it in a Latin name.

    Arabic leaves short vowels unwritten, so the chunk model alone spells فيدرر
    as "vidrr" before "vidrer"; the letters of real names tell them apart.
    "^" pads a name's start and "$" marks its end.
    """

    log_p: dict[str, float]  # "ab" + "c" -> log P(c | ab)
    unseen: dict[str, float]  # "ab" -> log P(a letter never seen after ab)

    @classmethod
    def from_counts(cls, rows: Iterable[tuple[str, int]]) -> LetterModel:
        """From (trigram, count) rows."""
        rows = list(rows)
        after: dict[str, int] = defaultdict(int)
        for trigram, count in rows:
            after[trigram[:2]] += count
        log_p = {
            trigram: math.log((count + SMOOTHING) / (after[trigram[:2]] + SMOOTHING * ALPHABET))
            for trigram, count in rows
        }
        unseen = {context: math.log(SMOOTHING / (n + SMOOTHING * ALPHABET)) for context, n in after.items()}
        return cls(log_p, unseen)

    @staticmethod
    def trigrams(name: str) -> list[str]:
        padded = f"^^{name}$"
        return [padded[i - 2 : i + 1] for i in range(2, len(padded))]

    def score(self, before: str, written: str) -> float:
        """log P(`written` follows `before`), letter by letter."""
        context = f"^^{before}"[-2:]
        total = 0.0
        for letter in written:
            total += self._letter(context, letter)
            context = context[1:] + letter
        return total

    def end(self, spelling: str) -> float:
        return self._letter(f"^^{spelling}"[-2:], "$")

    def _letter(self, context: str, letter: str) -> float:
        found = self.log_p.get(context + letter)
        if found is not None:
            return found
        return self.unseen.get(context, math.log(1 / ALPHABET))


Spellings = tuple[tuple[str, float], ...]  # (chunk written, log p), likeliest first


@dataclass(frozen=True)
class Chunks:
    """What each source chunk is written as: at the start of a word, and anywhere else."""

    anywhere: dict[str, Spellings]
    first: dict[str, Spellings]

    def spellings(self, chunk: str, at_start: bool) -> Spellings:
        return (self.first if at_start else self.anywhere).get(chunk, ())


@dataclass(frozen=True)
class Transliterator:
    """Chunk-pair log probabilities, indexed by the chunk each direction reads, and
    the letter model that judges Latin spellings."""

    from_latin: Chunks  # Latin chunk -> (Arabic chunk, log p)
    from_arabic: Chunks  # Arabic chunk -> (Latin chunk, log p)
    latin_letters: LetterModel | None = None
    # Latin chunk -> (consonant key of its Arabic chunks, log p of the likeliest), for consonant_keys.
    to_consonants: Chunks = field(default_factory=lambda: Chunks({}, {}))

    @classmethod
    def from_counts(
        cls, rows: Iterable[tuple[str, str, float]], latin_letters: LetterModel | None = None
    ) -> Transliterator:
        """From (Latin chunk, Arabic chunk, expected count) rows; joint probabilities. A Latin
        chunk that begins with START is the pair at a word's start."""
        rows = [row for row in rows if row[2] > 0]
        total = sum(count for _, _, count in rows)
        starts = sum(count for latin, _, count in rows if latin.startswith(START))
        # A letter never seen starting a word (ظ of ظريف, after pruning) starts one with its
        # spellings elsewhere, at the odds of a chunk pair being a word's first. Longer chunks
        # do not: us -> وس inside a word made Usman's first spelling وسمان, and without the
        # fallback for them the right spelling was first for 0.392 of held-out English names
        # instead of 0.381. A model without word starts reads every chunk alike.
        share = math.log(starts / total) if starts else 0.0
        tables: dict[tuple[bool, bool], dict[str, list[tuple[str, float]]]] = defaultdict(
            lambda: defaultdict(list)
        )
        for latin, arabic_chunk, count in rows:
            log_p = math.log(count / total)
            at_start = latin.startswith(START)
            latin = latin.removeprefix(START)
            tables[True, at_start][latin].append((arabic_chunk, log_p))
            tables[False, at_start][arabic_chunk].append((latin, log_p))
        for from_latin in (True, False):
            first = tables[from_latin, True]
            for chunk, pairs in tables[from_latin, False].items():
                if chunk not in first and (len(chunk) == 1 or not starts):
                    first[chunk] = [(written, log_p + share) for written, log_p in pairs]

        def chunks(from_latin: bool) -> Chunks:
            return Chunks(_choices(tables[from_latin, False]), _choices(tables[from_latin, True]))

        chosen = chunks(True)
        keys = Chunks(_consonant_choices(chosen.anywhere, False), _consonant_choices(chosen.first, True))
        return cls(chosen, chunks(False), latin_letters, keys)

    def to_arabic(self, word: str, count: int = 10) -> list[str]:
        """The `count` likeliest Arabic spellings of a Latin word, best first."""
        letters = latin_sounds(word)
        if not MIN_LETTERS <= len(letters) <= MAX_LETTERS:
            return []
        spelt = _spell(
            letters, self.from_latin, MAX_LATIN_CHUNK, count, insertions=True, shortest=MIN_LETTERS
        )
        if not spelt and "'" in letters:  # an apostrophe before a chunk the model never saw after one
            return self.to_arabic(letters.replace("'", ""), count)
        return spelt

    def consonant_keys(self, word: str, count: int = CONSONANT_KEYS) -> list[str]:
        """The `count` likeliest consonant keys of a Latin word's Arabic spellings, best first.

        The beam runs over keys, not spellings: Federer's فيدرر, فدرر and فيديرر are one
        state (فدرر), so a small beam finds the likeliest keys fast enough for every
        capitalised word of every English article (index time, names.py)."""
        letters = latin_sounds(word)
        if not MIN_LETTERS <= len(letters) <= MAX_LETTERS:
            return []
        spelt = _spell(
            letters, self.to_consonants, MAX_LATIN_CHUNK, count, insertions=True, beam=CONSONANT_BEAM
        )
        if not spelt and "'" in letters:  # Ze'evi: no chunk the model knows starts 'e
            return self.consonant_keys(letters.replace("'", ""), count)
        keys = dict.fromkeys(key.removesuffix("ه") for key in spelt)
        # Not only when the first is long enough: a name whose likeliest key is short may have
        # its right one second (keeping only those: 0.822 -> 0.813 right in the first two).
        return [key for key in keys if len(key) >= MIN_CONSONANTS]

    def to_latin(self, word: str, count: int = 10) -> list[str]:
        """The `count` likeliest Latin spellings (lowercase) of an Arabic word, best first;
        without apostrophes, as the index's words are (sa'ad is saad there)."""
        letters = arabic_letters(word)
        if not MIN_LETTERS <= len(letters) <= MAX_LETTERS:
            return []
        spelt = _spell(
            letters, self.from_arabic, MAX_ARABIC_CHUNK, 2 * count, insertions=False, judge=self.latin_letters
        )
        plain = (spelling.replace("'", "") for spelling in spelt)
        return list(dict.fromkeys(spelling for spelling in plain if len(spelling) >= MIN_LETTERS))[:count]


def _choices(table: dict[str, list[tuple[str, float]]]) -> dict[str, Spellings]:
    """Per chunk, its CHOICES likeliest spellings among those with at least MIN_SHARE of its uses."""
    chosen = {}
    for chunk, pairs in table.items():
        ranked = sorted(pairs, key=lambda pair: -pair[1])
        uses = sum(math.exp(log_p) for _, log_p in ranked)
        kept = [pair for pair in ranked if math.exp(pair[1]) >= MIN_SHARE * uses][:CHOICES]
        chosen[chunk] = tuple(kept)
    return chosen


def _consonant_choices(from_latin: dict[str, Spellings], at_start: bool) -> dict[str, Spellings]:
    """`from_latin` with each Arabic chunk as its consonant key; chunks that share a key
    keep the likeliest's probability, and an inserted chunk that is only a long vowel goes.
    `at_start`: the chunks begin a word (its first و or ي is a consonant)."""
    table = {}
    for latin, pairs in from_latin.items():
        keys: dict[str, float] = {}
        for written, log_p in pairs:
            key = _folded_consonants(written, at_start)  # a chunk's ه is not a name's last letter
            if latin or key:
                keys[key] = max(keys.get(key, -math.inf), log_p)
        table[latin] = tuple(sorted(keys.items(), key=lambda pair: -pair[1]))
    return table


def _spell(
    letters: str,
    table: Chunks,
    longest: int,
    count: int,
    insertions: bool,
    judge: LetterModel | None = None,
    beam: int = BEAM,
    shortest: int = 1,
) -> list[str]:
    """Beam search over chunkings of `letters`, left to right.

    `insertions`: the empty source chunk may write a letter (Latin has no letter for
    some Arabic ones: Ali -> علي), never twice in a row. The first chunk, or a letter
    inserted before it, is read from the table's word-start spellings. `judge`: a
    letter model of the target script, weighted LETTERS_WEIGHT. A spelling reached by
    several chunkings keeps its best score; one shorter than `shortest` is not offered.
    """
    # beams[i]: (score, spelling, last step inserted) having read letters[:i]
    beams: list[dict[tuple[str, bool], float]] = [{} for _ in range(len(letters) + 1)]
    beams[0][("", False)] = 0.0
    for position in range(len(letters) + 1):
        here = beams[position]
        if len(here) > beam:
            kept = heapq.nlargest(beam, here.items(), key=lambda item: item[1])
            here = beams[position] = dict(kept)
        if position == len(letters):
            break
        # Insertions first: they stay at this position, so their results join its beam.
        if insertions:
            for (spelling, was_inserted), score in list(here.items()):
                if was_inserted:
                    continue
                for written, log_p in table.spellings("", at_start=position == 0):
                    _keep(here, (spelling + written, True), score + log_p)
        for (spelling, was_inserted), score in here.items():
            at_start = position == 0 and not was_inserted  # a Latin chunk may write nothing (ع -> "")
            for size in range(1, min(longest, len(letters) - position) + 1):
                for written, log_p in table.spellings(letters[position : position + size], at_start):
                    if judge is not None:
                        log_p += LETTERS_WEIGHT * judge.score(spelling, written)
                    _keep(beams[position + size], (spelling + written, False), score + log_p)
    best: dict[str, float] = {}
    for (spelling, _), score in beams[-1].items():
        if judge is not None:
            score += LETTERS_WEIGHT * judge.end(spelling)
        if len(spelling) >= shortest and score > best.get(spelling, -math.inf):
            best[spelling] = score
    return [spelling for spelling, _ in sorted(best.items(), key=lambda item: -item[1])[:count]]


def _keep(beam: dict[tuple[str, bool], float], state: tuple[str, bool], score: float) -> None:
    if score > beam.get(state, -math.inf):
        beam[state] = score


@lru_cache(maxsize=20_000)
def spellings(word: str, to_arabic: bool, count: int) -> tuple[str, ...]:
    """The shipped model's spellings of a query word, remembered: queries repeat names."""
    model = shipped_transliterator()
    return tuple(model.to_arabic(word, count) if to_arabic else model.to_latin(word, count))


@lru_cache(maxsize=1)
def shipped_transliterator() -> Transliterator:
    """The model learned from the development name pairs, loaded once."""
    rows = shipped_rows(MODEL_FILE)
    letters = LetterModel.from_counts((trigram, int(count)) for trigram, count in shipped_rows(LETTERS_FILE))
    return Transliterator.from_counts(
        ((latin, written, float(count)) for latin, written, count in rows), letters
    )
