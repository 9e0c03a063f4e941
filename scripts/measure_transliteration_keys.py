"""Measure a cross-script consonant key for names no lexicon lists (issue 4/5, item 3): groundwork.

Both scripts are reduced to the consonants transliteration keeps, folded
where Arabic and Latin spellings trade letters (Beckham and بيكهام -> bkm,
Federer and فيدرر -> fdr, Khodorkovsky and خودوركوفسكي -> kdrkfsk). The
script reports how often the two sides of the development name pairs (Google
ar2en names, Wikidata name tokens; never ANETAC, reserved) get the same key
(recall; h is dropped on both sides, as ه and ح come and go), and how many
of the commonest Arabic corpus words share a key with some Latin name (what
matching every article word by key would confuse).

    python scripts/measure_transliteration_keys.py [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import re
import unicodedata
from collections import Counter
from pathlib import Path

from arabic_corpus import count_words

from search.analysis import arabic

ARABIC_CONSONANTS = str.maketrans(
    {
        **dict.fromkeys("تثط", "t"), **dict.fromkeys("دذض", "d"), **dict.fromkeys("زسشصظچ", "s"),
        **dict.fromkeys("جغگ", "g"), **dict.fromkeys("خقك", "k"), **dict.fromkeys("بپ", "b"),
        **dict.fromkeys("فڤ", "f"), "ح": "", "ر": "r", "ل": "l", "م": "m", "ن": "n",
        **dict.fromkeys("عهويائىة", ""),
    }
)  # fmt: skip
# Latin letter groups to the same classes, longest first; vowels, h, w and y are dropped after.
LATIN_GROUPS = (("sch", "s"), ("tch", "s"), ("sh", "s"), ("ch", "s"), ("zh", "g"), ("kh", "k"), ("gh", "g"),
                ("th", "t"), ("dh", "d"), ("ph", "f"), ("ck", "k"), ("x", "ks"), ("q", "k"), ("c", "k"),
                ("v", "f"), ("p", "b"), ("j", "g"), ("z", "s"))  # fmt: skip
MIN_KEY = 3
COMMON_WORDS = 20_000


def arabic_consonants(word: str) -> str:
    return re.sub(r"(.)\1+", r"\1", arabic.normalize(word).translate(ARABIC_CONSONANTS))


def latin_consonants(word: str) -> str:
    letters = "".join(c for c in unicodedata.normalize("NFKD", word.casefold()) if "a" <= c <= "z")
    letters = re.sub(r"^(?:al|el)(?=[a-z]{3,})", "", letters)
    for group, replacement in LATIN_GROUPS:
        letters = letters.replace(group, replacement)
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[aeiouhwy]", "", letters))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    args = parser.parse_args()
    entities = args.data / "entities"
    google = [
        line.split("\t")[::-1]
        for line in (entities / "google-ar2en-names.tsv").read_text("utf-8").splitlines()
    ]
    wikidata = [
        (row[0], row[1].replace(" ", ""))
        for row in (
            line.split("\t")
            for line in (entities / "wikidata-person-names-en-ar.aligned.tokens")
            .read_text("utf-8")
            .splitlines()
        )
    ]
    for name, pairs in (("google ar2en", google), ("wikidata tokens", wikidata)):
        keyed = [(latin_consonants(latin), arabic_consonants(arabic_name)) for latin, arabic_name in pairs]
        keyed = [(latin, arabic_key) for latin, arabic_key in keyed if len(latin) >= MIN_KEY]
        same = sum(latin == arabic_key for latin, arabic_key in keyed)
        print(f"{name}: {same:,} of {len(keyed):,} pairs share their key ({same / len(keyed):.3f})")
    latin_keys = Counter(latin_consonants(latin) for latin, _ in wikidata)
    common = [word for word, _ in count_words(args.data).most_common(COMMON_WORDS)]
    clashes = [
        word for word in common if len(key := arabic_consonants(word)) >= MIN_KEY and key in latin_keys
    ]
    share = f"{len(clashes):,} of the {COMMON_WORDS:,} commonest Arabic words"
    print(f"{share} share a key with a Latin name token, e.g. {' '.join(clashes[:12])}")


if __name__ == "__main__":
    main()
