"""Arabic compound names that English writes as one word: Abdelaziz, Noureddine, Nasrallah.

عبد العزيز (Abd al-Aziz, "servant of the Mighty"), نور الدين ("light of the faith") and نصر
الله ("victory of God") are two words in Arabic, the second with the article, but English news
runs them together, with the article's vowel and an assimilated ل in between: Abdelaziz,
Abdulaziz, Abderrahmane (عبد الرحمن: the ل of ال sounds as the r after it), Abdessalam,
Noureddine, Salahuddin, Zinedine, Nasrallah, Fethullah, Abdullah. A letter-by-letter model
spells them as one Arabic word that nobody writes (Abdelaziz: عيلازيز), so the parts are
spelt apart here, by rule: the fixed part as Arabic writes it (عبد, الدين, الله), the rest
as the caller spells it (the name table's words, then the transliteration model's). Arabic
also writes some joined (عبدالعزيز, نصرالله): both are given. The query compiler keeps the
spellings that articles use.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

ABD = "عبد"
ARTICLE = "ال"
FAITH = "الدين"
GOD = "الله"
# abd + the article's vowel and l (Abdelaziz, Abdulrahman, Abdalla), or + a vowel and a
# doubled sun letter, the article assimilated (Abderrahmane, Abdessalam, Abdennour).
_ABD = re.compile(
    r"^abd(?:(?:[aeiou]|ou)l-?|(?:[aeiou])(?=(?P<sun>th|dh|sh|[tdrzsnl])(?P=sun)))(?P<rest>[a-z]+)$"
)
_ABD_GOD = re.compile(r"^l?lah?i?$")  # Abdullah, Abdallah, Abdalla, Abdellahi: عبد الله
# X + the article's vowel and din: Noureddine, Salahuddin, Zinedine, Badreddine, Alaeddine.
_FAITH = re.compile(r"^(?P<stem>[a-z]{3,}?)(?:[aeiu]d-?dine?|[ae]l-?dine?|edine|eddyn)$")
# X + allah: Nasrallah, Fethullah, Ruhollah, Saadallah (not Marcella, Abdellah's ellah aside).
_GOD = re.compile(r"^(?P<stem>[a-z]{3,}?)(?:allah|ullah|ollah)$")
_ABD_ALONE = re.compile(r"^abd(?:(?:[aeiou]|ou)l)?$")  # Abdel, Abdul, Abd: before a name written apart
MIN_REST_LETTERS = 3  # Abdoulaye's "aye" is no name
PARTS_SPELT = 12  # spellings of the spelt part, best first: the compiler keeps those articles use


def compound_spellings(word: str, spell: Callable[[str], tuple[str, ...]]) -> tuple[str, ...]:
    """Arabic spellings of a Latin compound name, best first, each spaced then joined
    (Abdelaziz: عبد العزيز, عبدالعزيز, ...); none for other words. `spell` gives the
    model's Arabic spellings of a Latin word, best first."""
    letters = _latin_letters(word)
    if _ABD_ALONE.match(letters):
        return (ABD,)  # Abdel Fattah: the article goes with the next name (الفتاح)
    if match := _ABD.match(letters):
        rest = match["rest"]
        if match["sun"]:
            rest = rest[len(match["sun"]) :]  # Abderrahmane: the doubled r is ال + r
        if _ABD_GOD.match(rest):
            return (f"{ABD} {GOD}", ABD + GOD)
        if len(rest) < MIN_REST_LETTERS:
            return ()
        return _both_ways([(ABD, ARTICLE + part) for part in _spelt(rest, spell)])
    if match := _FAITH.match(letters):
        return _both_ways([(part, FAITH) for part in _spelt(match["stem"], spell)])
    if match := _GOD.match(letters):
        return _both_ways([(part, GOD) for part in _spelt(match["stem"], spell)])
    return ()


def _latin_letters(word: str) -> str:
    folded = unicodedata.normalize("NFKD", word.casefold())
    return "".join(character for character in folded if "a" <= character <= "z" or character == "-")


def _spelt(part: str, spell: Callable[[str], tuple[str, ...]]) -> list[str]:
    """The part's spellings, and those of it without a French final e (Abderrahmane: رحمن)."""
    parts = [part, part[:-1]] if part.endswith("e") and len(part) > MIN_REST_LETTERS + 1 else [part]
    spelt = [spelling for each in parts for spelling in spell(each.capitalize())]
    return list(dict.fromkeys(spelling for spelling in spelt if not spelling.startswith(ARTICLE)))[
        :PARTS_SPELT
    ]


def _both_ways(pairs: list[tuple[str, str]]) -> tuple[str, ...]:
    found: dict[str, None] = {}
    for first, second in pairs:
        found[f"{first} {second}"] = None
        found[first + second] = None
    return tuple(found)


# The other way: how English runs the two Arabic words together.
LATIN_ABD = ("abdel", "abdul", "abdal", "abdol")
LATIN_ABD_GOD = ("abdullah", "abdallah", "abdellah", "abdalla")
LATIN_FAITH = ("eddine", "eddin", "uddin", "addin", "edine")
LATIN_GOD = ("allah", "ullah", "ollah")
SUN_LETTERS = frozenset("تثدذرزسشصضطظلن")


def latin_compounds(first: str, second: str, spell: Callable[[str], tuple[str, ...]]) -> tuple[str, ...]:
    """Latin words English writes two normalised Arabic words as, when they are a compound
    (عبد العزيز: abdelaziz, abdulaziz, ...; عبد الرحمن also abderrahman; نور الدين:
    noureddine, nouruddin, ...), best first; none for other pairs. `spell` gives the model's
    Latin spellings of an Arabic word, best first."""
    if first == ABD and second == GOD:
        return LATIN_ABD_GOD
    if first == ABD and second.startswith(ARTICLE) and len(second) > len(ARTICLE) + 1:
        part = second[len(ARTICLE) :]
        found = []
        for latin in _latin_spelt(part, spell):
            found += [joint + latin for joint in LATIN_ABD]
            if part[0] in SUN_LETTERS:  # عبد الرحمن: Abderrahman, Abdurrahman
                found += [vowel + latin[0] + latin for vowel in ("abde", "abdu")]
        return tuple(dict.fromkeys(found))
    if second in (FAITH, GOD) and first != ABD and len(first) >= MIN_REST_LETTERS:
        endings = LATIN_FAITH if second == FAITH else LATIN_GOD
        return tuple(
            dict.fromkeys(latin + ending for latin in _latin_spelt(first, spell) for ending in endings)
        )
    return ()


def _latin_spelt(part: str, spell: Callable[[str], tuple[str, ...]]) -> list[str]:
    return [
        latin for latin in dict.fromkeys(spell(part)) if latin.isalpha() and len(latin) >= MIN_REST_LETTERS
    ]
