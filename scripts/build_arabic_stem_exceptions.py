"""Derive the Arabic stemmer's exception lists from corpus statistics.

A leading و ف ب ك ل is a clitic when the rest of the word also occurs on its
own (بسوريا -> سوريا is common); it is part of the word when the rest hardly
ever occurs (وزير -> زير, فلسطين -> لسطين, بريطانيا -> ريطانيا). Likewise a
trailing ين/ان/ه/ي is a suffix when the remaining stem has a family of other
forms (مسلمين: مسلم, مسلمون, مسلمه), and part of the word when it has none
(فلسطين -> فلسط, لبنان -> لبن is rare next to لبنان).

Reads the Apache-2.0 Arabic news corpora in ../shared/data (never the
evaluation sets) and writes search/analysis/data/arabic-radical-*.txt.

    python scripts/build_arabic_stem_exceptions.py [--data ../shared/data]
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from arabic_corpus import count_words

from search.analysis import arabic

MIN_COUNT = 8  # a word must be seen this often to get an exception
# The rest of the word (or the stem's other forms) must be at least this rare,
# relative to the word itself, for the letters to count as part of the word.
RADICAL_RATIO = 0.08
# A word written after the article (or a bare ل) this often, relative to its
# own count, cannot itself start with the article.
ARTICLE_EVIDENCE = 0.03
# A word ending in alef is an accusative of its alef-less stem when it is this much rarer
# than the stem, and seen at least ACCUSATIVE_MIN_COUNT times.
ACCUSATIVE_RATIO = 1.0
ACCUSATIVE_MIN_COUNT = 2
ALEF_PRONOUNS = ("ها", "هما", "نا", "كما")  # pronoun suffixes that end in alef
# In the order the stemmer tries them, so the first match is its first strip.
ALL_SUFFIXES = arabic.PRONOUN_SUFFIXES + arabic.PLURAL_SUFFIXES + arabic.FEMININE_SUFFIXES
# Every ending a stem can carry, as written: feminine/nisba, then plural, then
# pronoun (ولا + يات = ولايات, مسلم + ون = مسلمون, قوات + ها = قواتها).
SURFACE_ENDINGS = {
    fem + plural + pronoun
    for fem in ("", *arabic.FEMININE_SUFFIXES)
    for plural in ("", *arabic.PLURAL_SUFFIXES)
    for pronoun in ("", *arabic.PRONOUN_SUFFIXES)
}
OUT_DIR = Path(__file__).resolve().parent.parent / "search" / "analysis" / "data"


def first_strip(word: str) -> str | None:
    """What the stemmer's first clitic step would leave of `word` (None: no step).

    Mirrors arabic.strip_prefixes: a conjunction, else a preposition. لل words
    are decided at run time (ل + ال, or ل + a radical-first word such as ليبيا)
    and the article layer needs no exceptions: البانيا and بالبانيا both lose
    their ال, so they still meet.
    """
    if word[0] in arabic.CONJUNCTIONS and len(word) - 1 >= arabic.MIN_STEM_AFTER_CLITIC:
        return word[1:]
    if word.startswith(arabic.LAM_ARTICLE):
        return None
    if word[0] in arabic.PREPOSITIONS and len(word) - 1 >= arabic.MIN_STEM_AFTER_CLITIC:
        return word[1:]
    return None


def radical_first_words(counts: Counter[str]) -> set[str]:
    """Words whose apparent clitic is part of the word.

    Either the remainder hardly ever stands alone (وزير: زير, بريطانيا:
    ريطانيا, والده: الده), or the word itself takes the article (الكلام, so
    the ك of كلام is no clitic: nothing can stand between ال and its noun).
    بسوريا (سوريا; never البسوريا) and والولايات (الولايات) keep theirs.
    """
    radical = set()
    for word, count in counts.items():
        if count < MIN_COUNT or arabic.is_stopword(word):
            continue
        rest = first_strip(word)
        if rest is None:
            continue
        attested = counts[rest] + counts["ال" + rest]
        with_article = counts[arabic.ARTICLE + word]
        if attested < RADICAL_RATIO * count or (
            with_article >= ARTICLE_EVIDENCE * count and with_article >= 3
        ):
            radical.add(word)
    return radical


def radical_article_words(counts: Counter[str]) -> set[str]:
    """Words whose leading ال is not the article: it is the alef of إلغاء, ألمانيا,
    التزام. The proof is that they take the article themselves (الالتزام) or a
    bare ل (لألمانيا, where the article would have given للمانيا)."""
    radical = set()
    for word, count in counts.items():
        if count < MIN_COUNT or not word.startswith(arabic.ARTICLE) or arabic.is_stopword(word):
            continue
        evidence = counts[arabic.ARTICLE + word] + counts["ل" + word]
        if evidence >= ARTICLE_EVIDENCE * count and evidence >= 3:
            radical.add(word)
    return radical


def radical_last_words(counts: Counter[str]) -> set[str]:
    """Prefix-stripped words whose apparent suffix leaves a stem with no family."""
    stripped: Counter[str] = Counter()
    for word, count in counts.items():
        if not arabic.is_stopword(word):
            stripped[arabic.strip_prefixes(word)] += count
    radical = set()
    for word, count in stripped.items():
        if count < MIN_COUNT:
            continue
        for suffix in ALL_SUFFIXES:
            stem = word[: -len(suffix)]
            if not word.endswith(suffix) or len(stem) < arabic.MIN_STEM_AFTER_SUFFIX:
                continue
            ta_marbuta = stem.endswith(arabic.TA_BEFORE_PRONOUN) and stem[-2] != "ا"
            if suffix in arabic.PRONOUN_SUFFIXES and ta_marbuta:
                stem = stem[:-1]  # كرامتهم is كرامة + هم: its family is كرامه, كرامات ...
            family = sum(stripped[stem + ending] for ending in SURFACE_ENDINGS if ending != suffix)
            if family < RADICAL_RATIO * count:
                radical.add(word)
            break  # judge the longest matching suffix only
    return radical


def accusative_alef_words(counts: Counter[str]) -> set[str]:
    """Words whose final alef is the unwritten tanween al-fath (ولدا, كتابا, يوما).

    The accusative form is rarer than the bare noun: ولدا 10 beside ولد 224,
    كتابا 29 beside كتاب 183; a radical alef is the common form: سوريا 3,160
    beside سوري 133, جدا 968 beside جد 204. Tanween never follows the article
    (البابا is the Pope, not an accusative of الباب), and the alef of a pronoun
    (عملها, بينهما, لنا) is the pronoun's.
    """
    return {
        word
        for word, count in counts.items()
        if word.endswith("ا")
        and not arabic.has_article(word)
        and not word.endswith(ALEF_PRONOUNS)
        and len(word) - 1 >= arabic.MIN_STEM_AFTER_CLITIC
        and count >= ACCUSATIVE_MIN_COUNT
        and counts[word[:-1]] >= MIN_COUNT
        and count < ACCUSATIVE_RATIO * counts[word[:-1]]
        and not arabic.is_stopword(word)
    }


def write_list(path: Path, header: str, words: set[str]) -> None:
    body = "\n".join(sorted(words))
    path.write_text(f"{header}\n{body}\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    default_data = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
    parser.add_argument("--data", type=Path, default=default_data)
    args = parser.parse_args()

    counts = count_words(args.data)
    provenance = (
        "# Generated by scripts/build_arabic_stem_exceptions.py from antcorpus and\n"
        "# antcorpus-multisource (Apache-2.0); see README.md in this folder."
    )
    first = radical_first_words(counts) | radical_article_words(counts)
    write_list(
        OUT_DIR / "arabic-radical-prefixes.txt",
        "# Normalised Arabic words whose first letters (و ف ب ك ل, or ال) are part of the word.\n"
        + provenance,
        first,
    )
    arabic.stem_exceptions.cache_clear()  # the suffix pass strips with the new list
    last = radical_last_words(counts)
    write_list(
        OUT_DIR / "arabic-radical-suffixes.txt",
        "# Normalised Arabic words whose ending (ان ين ون ات ه ي ...) is part of the word.\n" + provenance,
        last,
    )
    accusative = accusative_alef_words(counts)
    write_list(
        OUT_DIR / "arabic-accusative-alef.txt",
        "# Normalised Arabic words whose final alef is tanween al-fath left unwritten (ولدا: ولد).\n"
        + provenance,
        accusative,
    )
    print(
        f"{len(counts)} distinct words; {len(first)} radical-first; {len(last)} radical-last; "
        f"{len(accusative)} accusative alef"
    )


if __name__ == "__main__":
    main()
