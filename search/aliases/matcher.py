"""Find entity mentions in text: both scripts, multi-word forms, longest match first.

Matching works on the same tokens and normalised forms as the index (so
diacritics, tatweel, hamza and ة/ه do not matter), and every Arabic form
also matches behind its clitics: الرقة as والرقة, بالرقة, للرقة; داعش as
لداعش, بداعش. Only the first word of a multi-word form takes clitics.

Case rule for Latin acronyms: short all-caps forms (IS, US, UN, EU, WHO)
match only written in capitals, so "is", "us" and "who" never do. Longer
acronyms (ISIS, NATO) match in any case, since readers type them lowercase.

Ambiguous forms (الشرع is also "Islamic law", IS a verb) count in a document
only when an unambiguous form of the same entity is there too: a document
that says أحمد الشرع and then الشرع is about him; one that says only الشرع
الإسلامي is not. Forms whose common-word sense comes first (الدولة, "the
state") never count on their own.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from search.aliases.lexicon import Entity, Lexicon, form_key
from search.analysis.bilingual import WordForms, word_forms, words_in
from search.analysis.english import is_acronym
from search.analysis.tokenizer import SCRIPT_ARABIC, tokenize

CASE_SENSITIVE_MAX_LETTERS = 3  # IS, US, UN, EU, WHO, IDF: capitals only
_CONJUNCTIONS = ("", "و", "ف")
_PREPOSITIONS = ("", "ب", "ك")


@dataclass(frozen=True)
class Target:
    """What a lexicon form leads to."""

    entity: str
    form: str
    ambiguous: bool
    common_word: bool


@dataclass(frozen=True)
class Mention:
    """An entity named in a text: the span as written, and how it matched."""

    start: int
    end: int
    entity: str
    form: str  # the lexicon form that matched
    ambiguous: bool
    common_word: bool = False
    written: str = ""  # the text exactly as in the source

    @property
    def clitic(self) -> bool:
        return self.written != self.form


def clitic_variants(word: str) -> set[str]:
    """A normalised Arabic word behind its possible clitics.

    الرقه: والرقه فالرقه بالرقه وبالرقه كالرقه للرقه وللرقه ...
    داعش: وداعش بداعش لداعش ولداعش فبداعش ...
    """
    variants = set()
    for conjunction in _CONJUNCTIONS:
        for preposition in _PREPOSITIONS:
            variants.add(conjunction + preposition + word)
        # ل before the article drops its alef: ل + الرقه = للرقه.
        variants.add(conjunction + ("ل" + word[1:] if word.startswith("ال") else "ل" + word))
    return variants


class Matcher:
    """Mention finder for one lexicon. Build once; it is read-only afterwards."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._forms: dict[tuple[str, ...], Target] = {}
        self._acronyms: dict[str, Target] = {}  # case-sensitive short acronyms, as written
        self._acronym_words: set[str] = set()  # their exact (folded) forms: a cheap first test
        self._first_words: set[str] = set()
        self._longest = 1
        for entity in lexicon.entities.values():
            for form in entity.forms:
                self._add(entity, form)

    def _add(self, entity: Entity, form: str) -> None:
        key = form_key(form)
        target = Target(entity.id, form, key in entity.ambiguous, key in entity.common_words)
        tokens = list(tokenize(form))
        if not tokens:
            return
        if len(tokens) == 1 and is_acronym(form) and _letters(form) <= CASE_SENSITIVE_MAX_LETTERS:
            self._acronyms[form] = target
            self._acronym_words.add(word_forms(tokens[0].text, tokens[0].script).exact)
            return
        words = tuple(word_forms(token.text, token.script).exact for token in tokens)
        firsts = clitic_variants(words[0]) if tokens[0].script == SCRIPT_ARABIC else {words[0]}
        for first in firsts:
            self._forms.setdefault((first, *words[1:]), target)
            self._first_words.add(first)
        self._longest = max(self._longest, len(words))

    def mentions(self, text: str) -> list[Mention]:
        """Every mention, left to right, longest first; overlapping shorter ones are skipped."""
        return self.mentions_in(text, words_in(text))

    def mentions_in(self, text: str, words: Sequence[tuple[WordForms, int, int]]) -> list[Mention]:
        """`mentions` over the words of `text` the caller already has (bilingual.words_in)."""
        exacts = [forms.exact for forms, _, _ in words]
        first_words, acronym_words = self._first_words, self._acronym_words
        # Most words start no form: find the few that do in one pass, then try
        # only those (an article has hundreds of words and a handful of names).
        candidates = [
            position for position, word in enumerate(exacts) if word in first_words or word in acronym_words
        ]
        found: list[Mention] = []
        covered = 0  # the first position past the last mention
        for position in candidates:
            if position < covered:
                continue
            match = self._match_at(text, words, exacts, position)
            if match is None:
                continue
            length, target = match
            start, end = words[position][1], words[position + length - 1][2]
            found.append(
                Mention(
                    start,
                    end,
                    target.entity,
                    target.form,
                    target.ambiguous,
                    target.common_word,
                    text[start:end],
                )
            )
            covered = position + length
        return found

    def _match_at(
        self, text: str, words: Sequence[tuple[WordForms, int, int]], exacts: list[str], position: int
    ) -> tuple[int, Target] | None:
        if exacts[position] in self._first_words:
            for length in range(min(self._longest, len(exacts) - position), 0, -1):
                target = self._forms.get(tuple(exacts[position : position + length]))
                if target is not None:
                    return length, target
        _, start, end = words[position]
        target = self._acronyms.get(text[start:end])  # as written: capitals only
        return (1, target) if target is not None else None


def confirmed(mentions: Iterable[Mention]) -> list[Mention]:
    """The mentions that count: ambiguous ones only where their entity is also
    named unambiguously in the same text, and common-word forms never.

    Judged on the corpora, الدولة in an article about ISIS still mostly means
    "the state" (العراق، الدولة المجاورة): such forms mark nothing; the article
    is tagged through its other forms.
    """
    mentions = list(mentions)
    sure = {mention.entity for mention in mentions if not mention.ambiguous}
    return [mention for mention in mentions if mention.entity in sure and not mention.common_word]


def entity_counts(mentions: Iterable[Mention]) -> dict[str, int]:
    """Confirmed mentions per entity, in order of first mention."""
    counts: dict[str, int] = {}
    for mention in confirmed(mentions):
        counts[mention.entity] = counts.get(mention.entity, 0) + 1
    return counts


def _letters(form: str) -> int:
    return sum(character.isalpha() for character in form)


def iter_entity_ids(mentions: Iterable[Mention]) -> Iterator[str]:
    """Entity ids of confirmed mentions, repeated per mention (term frequency)."""
    for mention in confirmed(mentions):
        yield mention.entity
