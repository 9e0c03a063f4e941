"""Compile a query tree into a backend-neutral plan (plan.py), and collect what the highlighter needs."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from itertools import product

from search.analysis import arabic, english
from search.analysis.bilingual import View, terms
from search.analysis.tokenizer import arabic_share
from search.query import plan as qp
from search.query.spelling import MAX_COMPOUNDS, SPELT_FORMS, Vocabulary, WrittenSpellings
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
# Each spelling after the likeliest counts half the one before: a rarer word scores higher, so
# at one weight the second spelling's articles came first (Jun: يون, in اليونان and فيون, above
# جون). entity-dev capped Recall@100 / MRR@10, halved against not: English->Arabic all lists
# 0.909 / 0.886 -> 0.909 / 0.894, politics 0.803 / 0.768 -> 0.809 / 0.795 (Jun, Jon; Sa'Ad,
# whose ساعد comes first, lost), unseen names MRR@10 0.318 -> 0.375; Arabic->English unseen
# MRR@10 0.399 -> 0.381, culture 0.871 / 0.818 -> 0.876 / 0.806. At 0.7, about the same.
SPELLING_DECAY = 0.5
# A short query of plain words that an article also has as a phrase scores this much more
# (Solr's `pf`, Elasticsearch's match_phrase boost): "North Korea" over "North America ... Korea".
PHRASE_BOOST = 1.0
MAX_PHRASE_WORDS = 3  # names are two or three words; longer queries are mostly questions
# A short run of English names no lexicon lists is also searched as the Arabic phrases of their
# spellings that articles use (spelling.SPELT_FORMS a name): the likeliest this many.
MAX_SPELT_PHRASES = 16
MIN_WILDCARD_LETTERS = 2  # `a*` would be most of the vocabulary


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
        self.spellings = WrittenSpellings(vocabulary) if vocabulary is not None else None
        self.result = Compiled(None)
        self._capitalised: dict[str, bool] = {}  # lowercase words read as names, or not

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
        if self.spellings is None or self.exact or negated:
            return None
        head, tail = _arabic_word(first), _arabic_word(second)
        if head is None or tail is None:
            return None
        found = self.spellings.joined(head, tail)
        if not found:
            return None
        apart = _all_of([part for node in (first, second) if (part := self.visit(node, negated)) is not None])
        if apart is None:
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
        if self.spellings is None:
            return None
        found = []
        for form in node.held_back:
            words = terms(form, View.EXACT)
            if len(words) == 1 and (_function_word(words[0]) or not self._name_in_articles(words[0])):
                continue
            if plan := _phrase_in(("title_exact", "body_exact"), words):
                found.append(plan)
                if not negated:
                    self.result.exact_terms.update(words)
        for form, keys in node.capitalised:
            if plan := self._capitalised_form(form, keys, negated):
                found.append(plan)
        return qp.AnyOf(tuple(found)) if len(found) > 1 else (found[0] if found else None)

    def _name_in_articles(self, word: str) -> bool:
        assert self.spellings is not None
        return self.spellings.used_as_name(word, "body_exact")

    def _capitalised_form(self, form: str, keys: tuple[str, ...], negated: bool) -> qp.Plan | None:
        """A Latin form that is a common word first (arsenal), in the articles that also have a
        capitalised word of its consonant keys: the index keys only capitalised words, so that
        is nearly always the name. The word alone would find every arsenal of weapons, and the
        key alone every name of the same consonants (Guardian's جردن is Jordan's too)."""
        assert self.spellings is not None
        words = terms(form, View.EXACT)
        found = [key for key in keys if self.spellings.used_as_name(key, "consonants")]
        if len(words) != 1 or _function_word(words[0]) or not found or not self.spellings.written(words[0]):
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
        if not self._as_name(node):
            return own
        others = [qp.Term("names", key, boost=NAME_BOOST) for key in node.keys]
        others += self.transliterations(node, negated)
        if not others:
            return own
        # The better of word, spelling key and transliteration, not their sum:
        # many question words are also name tokens, and counting them twice
        # cost 0.007 MRR@10 on xquad-ar (docs/evaluation.md).
        return qp.BestOf((own, *others)) if own is not None else qp.AnyOf(tuple(others))

    def _as_name(self, node: Name) -> bool:
        """Whether a name may be searched as one: always, but for a word typed in lowercase,
        which is one only where articles write it capitalised (spelling.py)."""
        if not node.lowercase:
            return True
        if self.spellings is None:
            return False
        if node.word.text not in self._capitalised:
            self._capitalised[node.word.text] = self.spellings.capitalised(node)
        return self._capitalised[node.word.text]

    def transliterations(self, node: Name, negated: bool) -> list[qp.Plan]:
        """The likeliest spelling.MAX_SPELLINGS spellings of the name in the other script that some
        article uses, as articles write them (spelling.py), and an Arabic name's consonant
        keys, which the index gives the capitalised Latin words whose spellings share them."""
        if self.spellings is None or self.exact:
            return []
        spelt = self.spellings.spelt(node)
        found = [stem for stems, _ in spelt for stem in stems]
        written = [word for _, words in spelt for word in words]
        consonants = [key for key in node.consonants if self.spellings.used_as_name(key, "consonants")]
        # Alone, a particle (Abdel: عبد) is a word many names share; it counts in a phrase.
        compounds = [
            words
            for words in self.spellings.compounds(node)
            if len(words) > 1 or self.spellings.used_as_name(words[0], "body_exact")
        ][:MAX_COMPOUNDS]
        if not negated:
            self.result.stem_terms.update(found)
            self.result.exact_terms.update(written)
            self.result.exact_terms.update(word for words in compounds for word in words)
            self.result.guessed |= bool(found or written or consonants or compounds)
        boost = KNOWN_TRANSLITERATION_BOOST if node.known else TRANSLITERATION_BOOST
        ranked = [(boost * SPELLING_DECAY**rank, stems, words) for rank, (stems, words) in enumerate(spelt)]
        return (
            [
                _scaled(_in_fields(("title", "body"), stem), weight)
                for weight, stems, _ in ranked
                for stem in stems
            ]
            + [
                _scaled(_in_fields(("title_exact", "body_exact"), word), weight)
                for weight, _, words in ranked
                for word in words
            ]
            + [qp.Term("consonants", key, boost=boost) for key in consonants]
            + [
                _scaled(plan, TRANSLITERATION_BOOST)
                for words in compounds
                if (plan := _phrase_in(("title_exact", "body_exact"), list(words)))
            ]
        )

    def _spelt_phrases(self, node: Node | None) -> qp.Plan | None:
        """A run of two or three English names, all spelt, as Arabic phrases articles may have:
        each name's first SPELT_FORMS spellings that some article has, a later name's also
        after ال, combined likeliest first (by the sum of their ranks)."""
        if self.spellings is None or not isinstance(node, And) or not node.implicit:
            return None
        names = node.children
        if not 2 <= len(names) <= MAX_PHRASE_WORDS:
            return None
        forms: list[list[tuple[str, ...]]] = []
        for position, name in enumerate(names):
            if not isinstance(name, Name) or arabic_share(name.word.text) > 0 or not self._as_name(name):
                return None
            compounds = self.spellings.compounds(name)
            spelt = (*name.written, *name.spellings)
            found = compounds + self.spellings.phrase_words(spelt, after_article=position > 0)
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
