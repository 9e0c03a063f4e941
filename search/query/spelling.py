"""Which spellings of a name the articles of an index use: the words and phrases the query
compiler (compiler.py) searches for a name no lexicon lists, and the index statistics that
decide them. The compiler weighs and combines what this finds.
"""

from __future__ import annotations

from typing import Protocol

from search.aliases.compounds import latin_compounds
from search.aliases.transliteration import arabic_consonants, spellings
from search.analysis.arabic import ARTICLE
from search.analysis.bilingual import View, terms
from search.analysis.tokenizer import arabic_share
from search.query.tree import Name

# When no article uses any spelling of an Arabic name: its likeliest NEIGHBOURS_OF spellings
# with one vowel added, dropped or changed, kept where an article uses them and their own
# Arabic spellings (the likeliest BACK_SPELLINGS) give the name back, long vowels aside.
# Only for a word at most RARE_SHARE of the articles use (a common word is a word). entity-dev
# Arabic->English capped Recall@100: unseen names 0.292 -> 0.372, culture 0.733 -> 0.796,
# all lists 0.880 -> 0.900; English->Arabic unchanged. Any edit of one letter (Whoosh's
# terms_within) recalled more (unseen 0.412) but took 17 ms a word; a 0.5 % share lost a name.
NEIGHBOURS_OF = 3
BACK_SPELLINGS = 8
RARE_SHARE = 0.01
MAX_SPELLINGS = 2  # transliterations searched per name: the likeliest that articles use
# ... and not so common that it must be a word (امر, "matter", for Amor): one in twenty articles.
# Tighter bounds (1 %, 0.3 %) also dropped names: entity-dev unseen English->Arabic capped
# Recall@100 0.361 at 5 %, 0.283 at 1 %, 0.225 at 0.3 %.
MAX_SPELLING_SHARE = 0.05
MIN_COMMON_ARTICLES = 100  # ... in an index large enough for shares to say so
# A query that is a short run of English names no lexicon lists (Omar Sharif) is also searched
# as Arabic articles write it together: phrases of the names' spellings that articles use,
# SPELT_FORMS a name (its compound spellings, then the name table's, then the model's; a later
# name also after ال: عمر الشريف), the likeliest compiler.MAX_SPELT_PHRASES combinations. The words one
# by one may be common (عمر, "age", which no spelling search keeps) where the phrase is the
# name. The lexicon's 215 people with two- or three-word names, searched with the lexicon off
# (scripts/measure_unlisted_full_names.py): capped Recall@100 0.849 -> 0.867, capped
# Precision@10 0.592 -> 0.669 with the model's spellings; the table's first (Adel: عادل, which
# the model spells اديل) and compounds: 0.874 and 0.720; the table's frequent words first
# (Omar: عمر; names.NameTable.frequent_words): 0.906 and 0.770. Three to six model spellings
# gave the same; five finds عمر الشريف, whose عمر is the fourth spelling of Omar the model gives.
SPELT_FORMS = 5
# A compound name's rule-made spellings (Abdelaziz: عبد العزيز, عبدالعزيز) searched, the first
# that articles have: two readings, each spaced and joined.
MAX_COMPOUNDS = 4
JOINED_SPELLINGS = 8  # Latin spellings of a compound's other part, for the joined Latin words
# A Latin word typed without its capital (federer) is read as a name when at least this share
# of the articles that have it write it capitalised (the index records which words each
# article capitalises), or when no article has it. On entity-dev's corpus names give 1.00
# (federer, nadal, blair, london), words far less (election, film, police).
MIN_CAPITALISED_SHARE = 0.8


class Vocabulary(Protocol):
    """What the compiler asks of the index it compiles for."""

    def prefixed(self, field: str, prefix: str) -> tuple[list[str], bool]:
        """The words of `field` to search for a normalised prefix, and whether there were more."""
        ...

    def frequency(self, field: str, word: str) -> tuple[int, int]:
        """How many articles have `word` in `field`, and how many the index has."""
        ...

    def frequency_with(self, field: str, word: str, other_field: str, other_word: str) -> tuple[int, int]:
        """How many articles have `word` in `field`, and how many of those `other_word` in
        `other_field`."""
        ...


class WrittenSpellings:
    """A name's spellings as the articles of one index write them."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary

    def spelt(self, node: Name) -> list[tuple[list[str], list[str]]]:
        """The stems and written words of the likeliest MAX_SPELLINGS spellings of the name in
        the other script that some article uses (spelling_terms), a pair per spelling, the
        likeliest first; failing those, for an Arabic name, its verified neighbours."""
        spelt: list[tuple[list[str], list[str]]] = []
        found: list[str] = []
        written: list[str] = []
        for spelling in node.spellings:
            stems, words = self.spelling_terms(spelling, found, written)
            if stems or words:
                found += stems
                written += words
                spelt.append((stems, words))
                if len(spelt) == MAX_SPELLINGS:
                    break
        return spelt or [([stem], []) for stem in self.verified_neighbours(node)]

    def spelling_terms(
        self, spelling: str, stems: list[str], words: list[str]
    ) -> tuple[list[str], list[str]]:
        """The terms by which articles write one spelling, not yet in `stems` and `words` and used
        as a name: its stem, and for an Arabic spelling the stem it has after the article
        (البراهمي's براهم, where a bare براهمي's ب is taken for a preposition) and the word
        itself, unstemmed (باسم, whose stem is اسم, "name"), also with a final ا or ة swapped
        (_final_a_forms). A spelling is one of MAX_SPELLINGS however many of these it has.
        entity-dev English->Arabic capped Recall@100: politics 0.674 -> 0.730, business 0.847 ->
        0.870, unseen names 0.365 -> 0.392 (MRR@10 0.230 -> 0.304); with the article's stem
        alone sport fell (0.991 -> 0.977), with both it did not."""
        own = terms(spelling, View.STEM)
        if len(own) != 1:
            return [], []
        found_stems, found_words = [own[0]], []
        if arabic_share(spelling) == 1.0:
            found_stems += terms(ARTICLE + spelling, View.STEM)
            # The other final -a only as written: the stemmer reads its ة as a suffix, and
            # the stem of بالمرة (Palmira's بالمرا) is مرة, "time", in every "لأول مرة".
            for written in _final_a_forms(spelling):
                found_words += terms(written, View.EXACT)
        found_stems = [
            stem for stem in dict.fromkeys(found_stems) if stem not in stems and self.used_as_name(stem)
        ]
        found_words = [
            word for word in found_words if word not in words and self.used_as_name(word, "body_exact")
        ]
        return found_stems, found_words

    def verified_neighbours(self, node: Name) -> list[str]:
        """When no article uses a spelling of an Arabic name: the English words one vowel from
        its likeliest spellings (Springer for شبرنغر's sprenger, Kinsey for كينسي's kinse)
        whose own Arabic spellings give the name back. The English->Arabic model is the
        surer one (Arabic leaves vowels out), so it checks what the other direction guessed."""
        written, own = arabic_consonants(node.word.text), terms(node.word.text, View.STEM)
        if not written or len(own) != 1 or arabic_share(node.word.text) < 1.0:
            return []
        having, articles = self.vocabulary.frequency("body", own[0])
        if having > RARE_SHARE * articles:
            return []  # a word many articles use is a word; a name nothing lists is rare
        found: list[str] = []
        for spelling in node.spellings[:NEIGHBOURS_OF]:
            for word in _vowel_variants(spelling):
                stems = terms(word, View.STEM)
                if len(stems) != 1 or stems[0] in found or not self.used_as_name(stems[0]):
                    continue
                if written in {arabic_consonants(back) for back in spellings(word, True, BACK_SPELLINGS)}:
                    found.append(stems[0])
                    if len(found) == MAX_SPELLINGS:
                        return found
        return found

    def compounds(self, node: Name) -> list[tuple[str, ...]]:
        """The compound spellings of a name (عبد العزيز) whose every word some article has."""
        found = []
        for spelling in node.compounds:
            words = tuple(terms(spelling, View.EXACT))
            if words and all(self.written(word) for word in words):
                found.append(words)
        return found

    def phrase_words(self, spelt: tuple[str, ...], after_article: bool) -> list[tuple[str, ...]]:
        """The first SPELT_FORMS of `spelt` that some article has, as one-word tuples to join
        into phrases; after the first name, also after ال (الشريف)."""
        found: list[tuple[str, ...]] = []
        for spelling in spelt:
            candidates = (spelling, ARTICLE + spelling) if after_article else (spelling,)
            for candidate in candidates:
                words = tuple(terms(candidate, View.EXACT))
                if len(words) == 1 and words not in found and self.written(words[0]):
                    found.append(words)
            if len(found) >= SPELT_FORMS:
                break
        return found[:SPELT_FORMS]

    def joined(self, first: str, second: str) -> list[str]:
        """The Latin words English runs two Arabic words of a compound name into (عبد العزيز:
        abdelaziz; aliases/compounds.py), the first MAX_COMPOUNDS that some article has."""
        latin = latin_compounds(first, second, lambda part: spellings(part, False, JOINED_SPELLINGS))
        return [word for word in latin if self.written(word)][:MAX_COMPOUNDS]

    def capitalised(self, node: Name) -> bool:
        """A Latin name typed in lowercase: no article has it, or those that do mostly write it
        capitalised (MIN_CAPITALISED_SHARE), as the index records per article (its capitalised
        field; an index built before it did has none: a word)."""
        words = terms(node.word.text, View.EXACT)
        if len(words) != 1:
            return False
        having, capitalised = self.vocabulary.frequency_with("body_exact", words[0], "capitalised", words[0])
        return not having or capitalised >= MIN_CAPITALISED_SHARE * having

    def written(self, word: str) -> bool:
        """Some article has the word as written (the exact views)."""
        return bool(self.vocabulary.frequency("body_exact", word)[0])

    def used_as_name(self, stem: str, field: str = "body") -> bool:
        """Some article has it, and not so many that it must be a word rather than a name."""
        having, articles = self.vocabulary.frequency(field, stem)
        return bool(having) and (having <= MIN_COMMON_ARTICLES or having <= MAX_SPELLING_SHARE * articles)


def _final_a_forms(spelling: str) -> tuple[str, ...]:
    """An Arabic spelling and, if it ends in a long a, the same with ة (Bousta: بوستا, بوستة;
    Jendouba: جندوبة), or if it ends in ة, with ا: a final -a is written either way, and the
    model spells it ا first. entity-dev English->Arabic culture capped Recall@100 0.785 ->
    0.815, no other slice moved."""
    if spelling.endswith("ا"):
        return spelling, spelling[:-1] + "ة"
    if spelling.endswith(("ة", "ه")):
        return spelling, spelling[:-1] + "ا"
    return (spelling,)


VOWELS = "aeiouy"


def _vowel_variants(word: str) -> list[str]:
    """`word` with one vowel added, dropped or changed (kinsi: kinsey's kinse, fri: fry,
    sprenger: springer): the edits by which a spelling from Arabic, which leaves most
    vowels out, misses the name."""
    found: dict[str, None] = {}
    for cut in range(len(word) + 1):
        head, tail = word[:cut], word[cut:]
        for vowel in VOWELS:
            found[head + vowel + tail] = None
            if tail and tail[0] in VOWELS:
                found[head + vowel + tail[1:]] = None
        if tail and tail[0] in VOWELS:
            found[head + tail[1:]] = None
    found.pop(word, None)
    return list(found)
