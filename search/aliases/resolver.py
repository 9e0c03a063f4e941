"""The alias machinery one index uses: its lexicon, matcher and name table, together.

Index time: `annotate` turns an article's text into entity ids (one per
confirmed mention, for term frequency) and name keys (spelling keys, and the
consonant keys of capitalised Latin words). Query time: the
matcher and the name table tell query.py what to expand. The fingerprint
says which lexicon an index was built with, so a changed lexicon is noticed.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from search.aliases import lexicon as lexicon_files
from search.aliases.lexicon import Entity, Lexicon
from search.aliases.matcher import Matcher, Mention, confirmed
from search.aliases.names import NameTable, capitalised_form, consonant_keys_for, shipped_table
from search.analysis.bilingual import words_in
from search.analysis.tokenizer import SCRIPT_ARABIC, SCRIPT_NUMBER

_RESOLVERS: dict[str, AliasResolver] = {}


@dataclass(frozen=True)
class Annotation:
    """What the aliases add to one article in the index."""

    entities: tuple[str, ...]  # one id per confirmed mention (term frequency)
    entity_ids: tuple[str, ...]  # each id once, in order of first mention
    name_keys: tuple[str, ...]  # spelling keys of person names (names.py)
    # The consonant keys of the Arabic spellings of its capitalised Latin words
    # (names.consonant_keys_for), which an Arabic query's names are reduced to.
    consonant_keys: tuple[str, ...] = ()
    # Its capitalised Latin words that may be names, as the exact views index them: whether
    # a word typed in lowercase is a name is whether most articles that have it capitalise it.
    capitalised: tuple[str, ...] = ()


class AliasResolver:
    """Lexicon + matcher + name table for one index; read-only once built."""

    def __init__(self, lexicon: Lexicon, names: NameTable | None = None, fingerprint: str = "") -> None:
        self.lexicon = lexicon
        self._names = names
        self._names_lock = threading.Lock()
        self.fingerprint = fingerprint

    @classmethod
    def load(cls, user_files: list[Path] | tuple[Path, ...] = ()) -> AliasResolver:
        """The shipped lexicon plus `user_files`; LexiconError if they do not validate.

        Resolvers are shared by fingerprint: every index built with the same
        lexicon files uses one matcher (building one takes a fifth of a second).
        """
        key = fingerprint(user_files)
        resolver = _RESOLVERS.get(key)
        if resolver is None:
            resolver = _RESOLVERS[key] = cls(lexicon_files.load(user_files), fingerprint=key)
        return resolver

    @cached_property
    def matcher(self) -> Matcher:
        return Matcher(self.lexicon)

    @property
    def names(self) -> NameTable:
        """The name table, built once (two seconds): threads arriving meanwhile
        wait for it rather than each building their own under the GIL."""
        if self._names is None:
            with self._names_lock:
                if self._names is None:
                    self._names = shipped_table()
        return self._names

    def warm(self) -> None:
        """Build the matcher and the name table now, not in a reader's first query."""
        self.matcher  # noqa: B018 (a cached property: reading it builds it)
        self.names  # noqa: B018

    def entity(self, entity_id: str) -> Entity | None:
        return self.lexicon.get(entity_id)

    def mentions(self, text: str) -> list[Mention]:
        return self.matcher.mentions(text)

    def annotate(self, *texts: str) -> Annotation:
        """Entity ids and name keys of an article (title, body ...), one tokenisation each.

        Ambiguous forms count when the entity is named unambiguously anywhere
        in the article: a title saying أحمد الشرع confirms الشرع in the body.
        """
        mentions: list[Mention] = []
        keys: set[str] = set()
        consonants: set[str] = set()
        capitalised: set[str] = set()
        names = self.names
        for text in texts:
            words = words_in(text)
            mentions += self.matcher.mentions_in(text, words)
            # Each distinct word once: news text repeats its words, names most of all.
            distinct = {text[start:end]: forms.script for forms, start, end in words}
            for written, script in distinct.items():
                if script == SCRIPT_ARABIC:
                    keys.update(names.keys_for(written, True))
                elif script != SCRIPT_NUMBER:
                    keys.update(names.keys_for(written, False))
                    consonants.update(consonant_keys_for(written))
                    if form := capitalised_form(written):
                        capitalised.add(form)
        counted = [mention.entity for mention in confirmed(mentions)]
        return Annotation(
            tuple(counted),
            tuple(dict.fromkeys(counted)),
            tuple(sorted(keys)),
            tuple(sorted(consonants)),
            tuple(sorted(capitalised)),
        )


def fingerprint(user_files: list[Path] | tuple[Path, ...] = ()) -> str:
    """A hash of every lexicon file's bytes (shipped and user), in order."""
    from importlib import resources

    digest = hashlib.sha1()
    data = resources.files("search.aliases").joinpath("data")
    for name in (*lexicon_files.SHIPPED_FILES, "wikidata-name-tokens.tsv"):
        digest.update(data.joinpath(name).read_bytes())
    for path in user_files:
        digest.update(Path(path).read_bytes())
    return digest.hexdigest()[:16]
