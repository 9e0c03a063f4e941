"""Compile a query tree into a backend-neutral plan (plan.py), and collect what the highlighter needs."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from itertools import product
from typing import Protocol

from search.aliases.compounds import latin_compounds
from search.aliases.transliteration import arabic_consonants, spellings
from search.analysis import arabic, english
from search.analysis.arabic import ARTICLE
from search.analysis.bilingual import View, terms
from search.analysis.tokenizer import arabic_share
from search.query import plan as qp
from search.query.tree import Alias, And, Name, Node, Not, Or, Phrase, Wildcard, Word

TITLE_BOOST = 2.0
ENTITY_BOOST = 1.0  # an article that names the entity in another language
# ... and for a form typed alone whose common-word sense comes first (القاعدة): low enough
# that an article with the word ranks above one that only names the entity.
WEAK_ENTITY_BOOST = 0.1
ENTITY_ONLY_SHARE = 0.5  # of the entity's weight, for an article without the words typed
# An entity's other-script forms that tag an article only beside a surer form (Liverpool,
# also the city): the articles that write them alone, searched as words, below the entity.
HELD_BACK_BOOST = 0.2
NAME_BOOST = 0.3  # spelling-key matches rank below exact and curated ones
# A name's machine transliteration (transliteration.py): less sure than a spelling key.
TRANSLITERATION_BOOST = 0.2
# ... and of a name the name table knows: its keys find it surer, so its spellings only
# find what no key does (Ron for رون, البراهمي for Brahmi), far below. entity-dev capped
# Recall@100, all lists, English->Arabic / Arabic->English: 0.887 / 0.867 without them,
# 0.902 / 0.880 at 0.01 and 0.02 (MRR@10 0.860 -> 0.864, 0.870 both); at 0.05 MRR@10 of the
# domain slices fell (politics 0.645 -> 0.635, business 0.658 -> 0.618).
KNOWN_TRANSLITERATION_BOOST = 0.01
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
# A short query of plain words that an article also has as a phrase scores this much more
# (Solr's `pf`, Elasticsearch's match_phrase boost): "North Korea" over "North America ... Korea".
PHRASE_BOOST = 1.0
MAX_PHRASE_WORDS = 3  # names are two or three words; longer queries are mostly questions
# A query that is a short run of English names no lexicon lists (Omar Sharif) is also searched
# as Arabic articles write it together: phrases of the names' spellings that articles use,
# SPELT_FORMS a name (its compound spellings, then the name table's, then the model's; a later
# name also after ال: عمر الشريف), the likeliest MAX_SPELT_PHRASES combinations. The words one
# by one may be common (عمر, "age", which no spelling search keeps) where the phrase is the
# name. The lexicon's 215 people with two- or three-word names, searched with the lexicon off
# (scripts/measure_unlisted_full_names.py): capped Recall@100 0.849 -> 0.867, capped
# Precision@10 0.592 -> 0.669 with the model's spellings; the table's first (Adel: عادل, which
# the model spells اديل) and compounds: 0.874 and 0.720. Three to six model spellings gave
# the same; five finds عمر الشريف, whose عمر is the fourth spelling of Omar articles use.
SPELT_FORMS = 5
MAX_SPELT_PHRASES = 16
# A compound name's rule-made spellings (Abdelaziz: عبد العزيز, عبدالعزيز) searched, the first
# that articles have: two readings, each spaced and joined.
MAX_COMPOUNDS = 4
JOINED_SPELLINGS = 8  # Latin spellings of a compound's other part, for the joined Latin words
MIN_WILDCARD_LETTERS = 2  # `a*` would be most of the vocabulary


class Vocabulary(Protocol):
    """What the compiler asks of the index it compiles for."""

    def prefixed(self, field: str, prefix: str) -> tuple[list[str], bool]:
        """The words of `field` to search for a normalised prefix, and whether there were more."""
        ...

    def frequency(self, field: str, word: str) -> tuple[int, int]:
        """How many articles have `word` in `field`, and how many the index has."""
        ...


@dataclass
class Compiled:
    """A query plan plus what the highlighter needs to mark."""

    query: qp.Plan | None
    stem_terms: set[str] = field(default_factory=set)
    exact_terms: set[str] = field(default_factory=set)
    typed: set[str] = field(default_factory=set)  # exact forms of the words as typed
    notes: list[str] = field(default_factory=list)  # what the reader should know (a cut-down wildcard)
    entities: dict[str, str] = field(default_factory=dict)  # entity id -> the form the query used
    # A name was also searched by a guess: its spellings in the other script or its consonant
    # keys. A misspelt word can match that way (الامرييكية: America's consonants), so the
    # search still offers spelling help.
    guessed: bool = False


class Compiler:
    """Turns a query tree into a query plan.

    `relaxed` turns juxtaposed words into alternatives (the fallback when
    requiring every word finds nothing); `exact` searches plain words in the
    unstemmed views, for queries made only of stopwords ("علي", "The Who").
    """

    def __init__(
        self, relaxed: bool = False, exact: bool = False, vocabulary: Vocabulary | None = None
    ) -> None:
        self.relaxed = relaxed
        self.exact = exact
        self.vocabulary = vocabulary  # the index's words: wildcards, transliterations
        self.result = Compiled(None)

    def compile(self, node: Node | None) -> Compiled:
        compiled = self.visit(node, negated=False) if node is not None else None
        if _only_exclusions(compiled):
            compiled = qp.AllOf((qp.Everything(), compiled))  # "-isis": everything but
        elif compiled is not None and not self.exact:
            compiled = _with_phrase(compiled, _plain_words(node))
            if spelt := self._spelt_phrases(node):
                compiled = qp.AnyOf((compiled, spelt))
        self.result.query = compiled
        return self.result

    def visit(self, node: Node, negated: bool) -> qp.Plan | None:
        if isinstance(node, Word):
            return self.word(node, negated)
        if isinstance(node, Alias):
            return self.alias(node, negated)
        if isinstance(node, Wildcard):
            return self.wildcard(node, negated)
        if isinstance(node, Name):
            return self.name(node, negated)
        if isinstance(node, Phrase):
            return self.phrase(node, negated)
        if isinstance(node, Not):
            inner = self.visit(node.child, not negated)
            return qp.Exclude(inner) if inner is not None else None
        parts = self._parts(node, negated)
        if not parts:
            return None
        if len(parts) == 1:
            return parts[0]
        if isinstance(node, Or) or (self.relaxed and node.implicit):
            positive = [part for part in parts if not isinstance(part, qp.Exclude)]
            negative = [part for part in parts if isinstance(part, qp.Exclude)]
            if isinstance(node, And) and negative:
                # Relaxing "a b -c" gives "(a OR b) -c", never "a OR b OR NOT c".
                either = (
                    qp.AnyOf(tuple(positive))
                    if len(positive) > 1
                    else positive[0]
                    if positive
                    else qp.Everything()
                )
                return qp.AllOf((either, *negative))
            return qp.AnyOf(tuple(parts))
        return qp.AllOf(tuple(parts))

    def _parts(self, node: And | Or, negated: bool) -> list[qp.Plan]:
        """The children's plans; two Arabic words that English writes as one (عبد العزيز,
        Abdelaziz) as one part."""
        children, parts = list(node.children), []
        position = 0
        while position < len(children):
            pair = children[position : position + 2]
            if isinstance(node, And) and len(pair) == 2 and (joined := self._joined(*pair, negated)):
                parts.append(joined)
                position += 2
                continue
            if (part := self.visit(children[position], negated)) is not None:
                parts.append(part)
            position += 1
        return parts

    def _joined(self, first: Node, second: Node, negated: bool) -> qp.Plan | None:
        """Two Arabic words of a compound name, and the Latin words English runs them together
        as (aliases/compounds.py) that some article has: the better of the two."""
        if self.vocabulary is None or self.exact or negated:
            return None
        words = [_arabic_word(node) for node in (first, second)]
        if None in words:
            return None
        latin = latin_compounds(
            words[0] or "", words[1] or "", lambda part: spellings(part, False, JOINED_SPELLINGS)
        )
        found = [word for word in latin if self.vocabulary.frequency("body_exact", word)[0]][:MAX_COMPOUNDS]
        apart = _all_of([part for node in (first, second) if (part := self.visit(node, negated)) is not None])
        if not found or apart is None:
            return None
        self.result.exact_terms.update(found)
        self.result.guessed = True
        joined = [_in_fields(("title_exact", "body_exact"), word) for word in found]
        either = joined[0] if len(joined) == 1 else qp.AnyOf(tuple(joined))
        return qp.BestOf((apart, _scaled(either, TRANSLITERATION_BOOST)))

    def word(self, node: Word, negated: bool) -> qp.Plan | None:
        if node.field == "lang":
            return qp.Term("lang", node.text.lower())
        if node.field == "source":
            words = terms(node.text, View.EXACT)
            return _all_of([qp.Term("source_words", word) for word in words])
        view = View.EXACT if self.exact else View.STEM
        words = terms(node.text, view)
        if not negated:
            (self.result.exact_terms if self.exact else self.result.stem_terms).update(words)
            self.result.typed.update(terms(node.text, View.EXACT))
        fields = ("title_exact", "body_exact") if self.exact else ("title", "body")
        if node.field == "title":
            fields = fields[:1]
        return _all_of([_in_fields(fields, word) for word in words])

    def wildcard(self, node: Wildcard, negated: bool) -> qp.Plan | None:
        """`syr*`: the most common indexed words with that prefix, in the exact views."""
        prefix = terms(node.prefix, View.EXACT)
        if len(prefix) != 1 or len(prefix[0]) < MIN_WILDCARD_LETTERS:
            self.result.notes.append(
                f"{node.prefix}*: a wildcard needs {MIN_WILDCARD_LETTERS} letters or more before the *, "
                "so it was left out."
            )
            return None
        if self.vocabulary is None:
            return None
        fields = ("title_exact",) if node.field == "title" else ("title_exact", "body_exact")
        words, more = self.vocabulary.prefixed("body_exact", prefix[0])
        if more:
            self.result.notes.append(
                f"{node.prefix}* matches many words; the {len(words)} most common were searched."
            )
        if not words:
            return qp.Nothing()  # no indexed word starts so: nothing matches
        if not negated:
            self.result.exact_terms.update(words)
        return qp.AnyOf(tuple(_in_fields(fields, word) for word in words))

    def alias(self, node: Alias, negated: bool) -> qp.Plan | None:
        own = _all_of([part for word in node.words if (part := self.visit(word, negated)) is not None])
        if own is None and node.weak:
            return None  # a stopword first (لولا, "if not"): searched as one, exactly, not as Lula
        if not negated:
            self.result.entities.setdefault(node.entity, node.form)
        weight = WEAK_ENTITY_BOOST if node.weak else ENTITY_BOOST
        entity: qp.Plan = qp.Term("entities", node.entity, boost=weight)
        if held_back := self._held_back_forms(node, negated):
            entity = qp.BestOf((entity, _scaled(held_back, HELD_BACK_BOOST)))
        if own is None:
            return entity
        # An article with the words typed scores the better of words and entity, not
        # their sum: it also names the entity, and counting the name twice let a
        # much-named entity outweigh the question's other words (the company Amazon in
        # questions about the rainforest: xquad-en MRR@10 0.969 summed, 0.972 so). One
        # that names the entity otherwise scores a share of it, so that the words typed
        # come first (Palmyra: the English articles, then the Arabic ones on تدمر).
        return qp.BestOf((own, entity), alone=(1.0, ENTITY_ONLY_SHARE))

    def _held_back_forms(self, node: Alias, negated: bool) -> qp.Plan | None:
        """The entity's other-script forms that tag no article alone, as written: Liverpool
        for ليفربول finds the English articles that never write "Liverpool FC". As written,
        not stemmed: السوداني (al-Sudani) stems to Sudan. A one-word form that is a stopword
        (IS, for ISIS, is indexed as "is") or that more than one article in twenty uses is a
        word there, and is left out. Only a stopword as written: فورد (Ford) reads as ف + ورد
        to the stemmed views, but as a word it is the name."""
        if self.vocabulary is None:
            return None
        found = []
        for form in node.held_back:
            words = terms(form, View.EXACT)
            one_word = len(words) == 1
            if one_word and (_function_word(words[0]) or not self._used_as_name(words[0], "body_exact")):
                continue
            if plan := _phrase_in(("title_exact", "body_exact"), words):
                found.append(plan)
                if not negated:
                    self.result.exact_terms.update(words)
        for form, keys in node.capitalised:
            if plan := self._capitalised_form(form, keys, negated):
                found.append(plan)
        return qp.AnyOf(tuple(found)) if len(found) > 1 else (found[0] if found else None)

    def _capitalised_form(self, form: str, keys: tuple[str, ...], negated: bool) -> qp.Plan | None:
        """A Latin form that is a common word first (arsenal), in the articles that also have a
        capitalised word of its consonant keys: the index keys only capitalised words, so that
        is nearly always the name. The word alone would find every arsenal of weapons, and the
        key alone every name of the same consonants (Guardian's جردن is Jordan's too)."""
        assert self.vocabulary is not None
        words = terms(form, View.EXACT)
        found = [key for key in keys if self._used_as_name(key, "consonants")]
        if len(words) != 1 or _function_word(words[0]) or not found:
            return None
        if not self.vocabulary.frequency("body_exact", words[0])[0]:
            return None
        if not negated:
            self.result.exact_terms.update(words)
        named = [qp.Term("consonants", key) for key in found]
        return qp.AllOf(
            (
                _in_fields(("title_exact", "body_exact"), words[0]),
                named[0] if len(named) == 1 else qp.AnyOf(tuple(named)),
            )
        )

    def name(self, node: Name, negated: bool) -> qp.Plan | None:
        own = self.word(node.word, negated)
        others = [qp.Term("names", key, boost=NAME_BOOST) for key in node.keys]
        others += self.transliterations(node, negated)
        if not others:
            return own
        # The better of word, spelling key and transliteration, not their sum:
        # many question words are also name tokens, and counting them twice
        # cost 0.007 MRR@10 on xquad-ar (docs/evaluation.md).
        return qp.BestOf((own, *others)) if own is not None else qp.AnyOf(tuple(others))

    def transliterations(self, node: Name, negated: bool) -> list[qp.Plan]:
        """The likeliest MAX_SPELLINGS spellings of the name in the other script that some
        article uses, as articles write them (_spelling_terms), and an Arabic name's consonant
        keys, which the index gives the capitalised Latin words whose spellings share them."""
        if self.vocabulary is None or self.exact:
            return []
        found: list[str] = []
        written: list[str] = []
        spelt = 0
        for spelling in node.spellings:
            stems, words = self._spelling_terms(spelling, found, written)
            if stems or words:
                found += stems
                written += words
                spelt += 1
                if spelt == MAX_SPELLINGS:
                    break
        if not found and not written:
            found = self._verified_neighbours(node)
        consonants = [key for key in node.consonants if self._used_as_name(key, "consonants")]
        # Alone, a particle (Abdel: عبد) is a word many names share; it counts in a phrase.
        compounds = [
            words
            for words in self._written_compounds(node)
            if len(words) > 1 or self._used_as_name(words[0], "body_exact")
        ][:MAX_COMPOUNDS]
        if not negated:
            self.result.stem_terms.update(found)
            self.result.exact_terms.update(written)
            self.result.exact_terms.update(word for words in compounds for word in words)
            self.result.guessed |= bool(found or written or consonants or compounds)
        boost = KNOWN_TRANSLITERATION_BOOST if node.known else TRANSLITERATION_BOOST
        return (
            [_scaled(_in_fields(("title", "body"), stem), boost) for stem in found]
            + [_scaled(_in_fields(("title_exact", "body_exact"), word), boost) for word in written]
            + [qp.Term("consonants", key, boost=boost) for key in consonants]
            + [
                _scaled(plan, TRANSLITERATION_BOOST)
                for words in compounds
                if (plan := _phrase_in(("title_exact", "body_exact"), list(words)))
            ]
        )

    def _written_compounds(self, node: Name) -> list[tuple[str, ...]]:
        """The compound spellings of a name (عبد العزيز) whose every word some article has."""
        assert self.vocabulary is not None
        found = []
        for spelling in node.compounds:
            words = tuple(terms(spelling, View.EXACT))
            if words and all(self.vocabulary.frequency("body_exact", word)[0] for word in words):
                found.append(words)
        return found

    def _spelling_terms(
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
            stem for stem in dict.fromkeys(found_stems) if stem not in stems and self._used_as_name(stem)
        ]
        found_words = [
            word for word in found_words if word not in words and self._used_as_name(word, "body_exact")
        ]
        return found_stems, found_words

    def _spelt_phrases(self, node: Node | None) -> qp.Plan | None:
        """A run of two or three English names, all spelt, as Arabic phrases articles may have:
        each name's first SPELT_FORMS spellings that some article has, a later name's also
        after ال, combined likeliest first (by the sum of their ranks)."""
        if self.vocabulary is None or not isinstance(node, And) or not node.implicit:
            return None
        names = node.children
        if not 2 <= len(names) <= MAX_PHRASE_WORDS:
            return None
        forms: list[list[tuple[str, ...]]] = []
        for position, name in enumerate(names):
            if not isinstance(name, Name) or arabic_share(name.word.text) > 0:
                return None
            compounds = self._written_compounds(name)
            spelt = (*name.written, *name.spellings)
            found = compounds + self._written_spellings(spelt, after_article=position > 0)
            if not found:
                return None
            forms.append(found[:SPELT_FORMS])
        ranked = sorted(product(*(range(len(found)) for found in forms)), key=sum)[:MAX_SPELT_PHRASES]
        phrases = []
        for ranks in ranked:
            words = [word for found, rank in zip(forms, ranks, strict=True) for word in found[rank]]
            if plan := _phrase_in(("title_exact", "body_exact"), words):
                phrases.append(plan)
                self.result.exact_terms.update(words)
        if not phrases:
            return None
        return _scaled(phrases[0] if len(phrases) == 1 else qp.AnyOf(tuple(phrases)), TRANSLITERATION_BOOST)

    def _written_spellings(self, spelt: tuple[str, ...], after_article: bool) -> list[tuple[str, ...]]:
        assert self.vocabulary is not None
        found: list[tuple[str, ...]] = []
        for spelling in spelt:
            candidates = (spelling, ARTICLE + spelling) if after_article else (spelling,)
            for candidate in candidates:
                words = tuple(terms(candidate, View.EXACT))
                if (
                    len(words) == 1
                    and words not in found
                    and self.vocabulary.frequency("body_exact", words[0])[0]
                ):
                    found.append(words)
            if len(found) >= SPELT_FORMS:
                break
        return found[:SPELT_FORMS]

    def _verified_neighbours(self, node: Name) -> list[str]:
        """When no article uses a spelling of an Arabic name: the English words one vowel from
        its likeliest spellings (Springer for شبرنغر's sprenger, Kinsey for كينسي's kinse)
        whose own Arabic spellings give the name back. The English->Arabic model is the
        surer one (Arabic leaves vowels out), so it checks what the other direction guessed."""
        assert self.vocabulary is not None
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
                if len(stems) != 1 or stems[0] in found or not self._used_as_name(stems[0]):
                    continue
                if written in {arabic_consonants(back) for back in spellings(word, True, BACK_SPELLINGS)}:
                    found.append(stems[0])
                    if len(found) == MAX_SPELLINGS:
                        return found
        return found

    def _used_as_name(self, stem: str, field: str = "body") -> bool:
        """Some article has it, and not so many that it must be a word rather than a name."""
        assert self.vocabulary is not None
        having, articles = self.vocabulary.frequency(field, stem)
        return bool(having) and (having <= MIN_COMMON_ARTICLES or having <= MAX_SPELLING_SHARE * articles)

    def phrase(self, node: Phrase, negated: bool) -> qp.Plan | None:
        if node.field == "source":
            words = terms(node.text, View.EXACT)
            return _phrase_in(("source_words",), words)
        words = terms(node.text, View.EXACT)
        if not negated:
            self.result.exact_terms.update(words)
        fields = ("title_exact",) if node.field == "title" else ("title_exact", "body_exact")
        return _phrase_in(fields, words)


def _arabic_word(node: Node) -> str | None:
    """A plain Arabic query word (or unlisted name), normalised as the exact views index it."""
    word = node.word if isinstance(node, Name) else node
    if not isinstance(word, Word) or word.field is not None or arabic_share(word.text) < 1.0:
        return None
    written = terms(word.text, View.EXACT)
    return written[0] if len(written) == 1 else None


def _is_stopword(word: str) -> bool:
    """A word the stemmed views leave out (Bank of England's of; IS, indexed as "is")."""
    return not terms(word, View.STEM)


def _function_word(word: str) -> bool:
    """An indexed word (lowercase, normalised) on either stopword list as written, not read as
    a conjunction before one (فورد is not ف + ورد here)."""
    return word in english.stopwords() or word in arabic.stopwords()


def _only_exclusions(compiled: qp.Plan | None) -> bool:
    if isinstance(compiled, qp.Exclude):
        return True
    return isinstance(compiled, qp.AllOf) and all(isinstance(part, qp.Exclude) for part in compiled.parts)


def _boost(field: str) -> float:
    return TITLE_BOOST if field.startswith("title") else 1.0


def _in_fields(fields: tuple[str, ...], word: str) -> qp.Plan:
    queries = tuple(qp.Term(name, word, boost=_boost(name)) for name in fields)
    return queries[0] if len(queries) == 1 else qp.AnyOf(queries)


def _phrase_in(fields: tuple[str, ...], words: list[str]) -> qp.Plan | None:
    if not words:
        return None
    if len(words) == 1:
        return _in_fields(fields, words[0])
    queries = tuple(qp.Phrase(name, tuple(words), boost=_boost(name)) for name in fields)
    return queries[0] if len(queries) == 1 else qp.AnyOf(queries)


def _plain_words(node: Node | None) -> list[str]:
    """The exact words of a query made only of juxtaposed plain words and names (North Korea,
    Ahmed al-Sharaa); none for anything with operators, fields, quotes or exclusions."""
    if isinstance(node, Alias):
        return [word for part in node.words for word in _plain_words(part)]
    if isinstance(node, Name):
        return _plain_words(node.word)
    if isinstance(node, Word):
        return terms(node.text, View.EXACT) if node.field is None else []
    if isinstance(node, And) and node.implicit:
        words = [_plain_words(child) for child in node.children]
        return [word for part in words for word in part] if all(words) else []
    return []


def _with_phrase(plan: qp.Plan, words: list[str]) -> qp.Plan:
    """`plan`, where an article that also has `words` as a phrase scores more. The phrase
    matches only where the words do, so it changes the order, never what matches. Only
    for short queries: names; a question's words rarely stand together, and adding
    their phrase cost 0.002-0.004 MRR@10 on the question sets (scripts/eval.py --quick).
    Stopwords at either end are left out of the phrase (as Solr's `pf` phrase, analysed
    without stopwords, leaves them): "حساب على" is the word حساب, not a name, and its
    phrase made Whoosh read the positions of على in every article that has حساب."""
    if not 2 <= len(words) <= MAX_PHRASE_WORDS:
        return plan
    words = _without_edge_stopwords(words)
    if len(words) < 2:
        return plan
    phrases = tuple(
        qp.Phrase(name, tuple(words), boost=_boost(name) * PHRASE_BOOST)
        for name in ("title_exact", "body_exact")
    )
    return qp.WithBonus(plan, qp.AnyOf(phrases))


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


def _without_edge_stopwords(words: list[str]) -> list[str]:
    """`words` from the first to the last that is not a stopword (Bank of England keeps its of)."""
    kept = [number for number, word in enumerate(words) if not _is_stopword(word)]
    return words[kept[0] : kept[-1] + 1] if kept else []


def _all_of(queries: list[qp.Plan]) -> qp.Plan | None:
    if not queries:
        return None
    return queries[0] if len(queries) == 1 else qp.AllOf(tuple(queries))


def _scaled(plan: qp.Plan, factor: float) -> qp.Plan:
    """`plan` with every term's and phrase's boost multiplied by `factor` (0: a filter)."""
    if isinstance(plan, (qp.Term, qp.Phrase)):
        return replace(plan, boost=plan.boost * factor)
    if isinstance(plan, (qp.AllOf, qp.AnyOf)):
        return type(plan)(tuple(_scaled(part, factor) for part in plan.parts))
    if isinstance(plan, qp.BestOf):
        return replace(plan, parts=tuple(_scaled(part, factor) for part in plan.parts))
    if isinstance(plan, qp.WithBonus):
        return qp.WithBonus(_scaled(plan.part, factor), _scaled(plan.bonus, factor))
    return plan
