"""entity-dev: cross-lingual name queries over the real news corpora, judged by an independent judge.

Queries come from the name lists in ../shared/data/entities (countries
common names, Wikidata person-name tokens, Google's Arabic-to-Latin names),
never from the project's own alias lexicon, which would make the test
circular. An English name is a query for the Arabic articles that mention
its Arabic form, and the reverse.

The judge shares no code with the project's analysis. It folds only what
every Arabic reader treats as the same letter (diacritics, tatweel, alef
forms, ى/ي, ة/ه) and matches the whole name as a token sequence, allowing
only a leading clitic or article (و ف ب ك ل ال, stacked) on its first word;
English forms match case-insensitively on word boundaries. Choices and
thresholds are constants below and are repeated in docs/evaluation.md.

Besides the per-list slices (unchanged since they were first measured),
two kinds of slices measure breadth: domain slices (politics, sport,
business and technology, culture, places), a name's domain read from the
corpus categories of the articles judged relevant to it; and an unseen
slice, names none of whose forms the shipped lexicon or name table holds,
decided when the collection is built from whatever lexicon ships then.
"""

from __future__ import annotations

import hashlib
import random
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from pathlib import Path

from search.evaluation.collections import Collection, Query, Slice
from search.evaluation.corpora import NEWS_CORPORA, data_file, news_records

COUNTRIES = "entities/countries-en-ar.tsv"
WIKIDATA = "entities/wikidata-person-names-en-ar.aligned.tokens"
GOOGLE = "entities/google-ar2en-names.tsv"

SEED = 20260202
QUERIES_PER_LIST_AND_DIRECTION = 25
MIN_RELEVANT = 3  # target-language articles that mention the name
MIN_WIKIDATA_COUNT = 2  # a Wikidata token pair seen once is often a misalignment
MIN_NAME_LETTERS = 3  # drops particles and initials (de, al, J.)
# Particles and name parts that are common words, not names.
NOT_NAMES = frozenset(
    [
        "van",
        "von",
        "der",
        "den",
        "del",
        "della",
        "bin",
        "ibn",
        "abu",
        "abd",
        "bint",
        "ben",
        "dos",
        "das",
        "the",
        "and",
        "mac",
    ]
)
# An English form must be capitalised in at least this share of its bbc-en
# occurrences, so that "will", "rose" or "china" (porcelain) are not names.
MIN_CAPITALISED = 0.8

# Domain slices. A corpus category (ANT's cat, bbc-en's category) -> a domain;
# categories not listed here (ANT's "diverse" and "society", a missing one)
# give no domain. A name's domain is the one of more than DOMAIN_SHARE of its
# relevant articles that have a domain; countries, and names whose English
# form is a capital in the countries list, are "places" whatever their articles.
PLACES = "places"
DOMAINS = ("politics", "sport", "business and technology", "culture", PLACES)
CATEGORY_DOMAINS = {
    # ANT corpora: antcorpus (JawharaFM), BBC Arabic, CNN Arabic
    "politic": "politics",
    "localNews": "politics",
    "internationalNews": "politics",
    "middleEast": "politics",
    "sport": "sport",
    "economy": "business and technology",
    "technology": "business and technology",
    "culture": "culture",
    # bbc-en
    "politics": "politics",
    "business": "business and technology",
    "tech": "business and technology",
    "entertainment": "culture",
}
DOMAIN_SHARE = 0.5
QUERIES_PER_DOMAIN_AND_DIRECTION = 25
QUERIES_UNSEEN_PER_DIRECTION = 25

# --- the judge ---------------------------------------------------------------------

_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")
_ARABIC_FOLDS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
_ARABIC_WORD = re.compile("[\u0621-\u063a\u0641-\u064a\u0671-\u06d3]+")
_LATIN_WORD = re.compile(r"[^\W\d_]+|\d+")
_CLITIC_STACKS = tuple(
    sorted({c + p + a for c in ("", "و", "ف") for p in ("", "ب", "ك", "ل") for a in ("", "ال")}, key=len)
)


def judge_arabic_words(text: str) -> list[str]:
    return _ARABIC_WORD.findall(_ARABIC_MARKS.sub("", text).translate(_ARABIC_FOLDS))


def judge_latin_words(text: str) -> list[str]:
    """Words with their case kept (the capitalisation check needs it); compare lowercased."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return _LATIN_WORD.findall(folded)


def first_word_variants(word: str) -> set[str]:
    """How the first word of an Arabic name may be written: with a clitic stack or the article,
    and ل + ال written لل (الأردن -> للأردن)."""
    variants = {stack + word for stack in _CLITIC_STACKS}
    if word.startswith("ال") and len(word) > 3:
        variants |= {c + "لل" + word[2:] for c in ("", "و", "ف")}
    return variants


@dataclass
class Name:
    """One query: text in one script, judged by forms in the other."""

    text: str
    lang: str  # of the query
    forms: tuple[tuple[str, ...], ...]  # judged forms, as word tuples (Arabic folded, Latin lowercased)
    source: str  # which list
    relevant: set[str] = field(default_factory=set)

    @property
    def target(self) -> str:
        return "en" if self.lang == "ar" else "ar"


def judge(names: list[Name], records: Iterable[dict]) -> dict[tuple[str, ...], tuple[int, int]]:
    """Fill each name's relevant set; return, per Latin form, (occurrences, capitalised occurrences)."""
    by_first: dict[str, list[tuple[tuple[str, ...], Name]]] = defaultdict(list)
    latin_first: dict[str, list[tuple[tuple[str, ...], Name]]] = defaultdict(list)
    for name in names:
        for form in name.forms:
            if name.target == "ar":
                for variant in first_word_variants(form[0]):
                    by_first[variant].append((form, name))
            else:
                latin_first[form[0]].append((form, name))
    case_counts: dict[tuple[str, ...], list[int]] = defaultdict(lambda: [0, 0])
    for record in records:
        text = f"{record.get('title') or ''}\n{record['body']}"
        if record["lang"] == "ar":
            words = judge_arabic_words(text)
            for i, word in enumerate(words):
                for form, name in by_first.get(word, ()):
                    if tuple(words[i + 1 : i + len(form)]) == form[1:]:
                        name.relevant.add(record["id"])
        else:
            raw = judge_latin_words(text)
            words = [word.lower() for word in raw]
            for i, word in enumerate(words):
                for form, name in latin_first.get(word, ()):
                    if tuple(words[i + 1 : i + len(form)]) == form[1:]:
                        name.relevant.add(record["id"])
                        counts = case_counts[form]
                        counts[0] += 1
                        counts[1] += raw[i][:1].isupper()
    return {form: (total, upper) for form, (total, upper) in case_counts.items()}


# --- the name lists ----------------------------------------------------------------


def _arabic_form(text: str) -> tuple[str, ...]:
    return tuple(judge_arabic_words(text))


def _latin_form(text: str) -> tuple[str, ...]:
    return tuple(word.lower() for word in judge_latin_words(text))


def _own_form(name: Name) -> tuple[str, ...]:
    return _latin_form(name.text) if name.lang == "en" else _arabic_form(name.text)


def _usable(form: tuple[str, ...]) -> bool:
    return (
        bool(form)
        and len("".join(form)) >= MIN_NAME_LETTERS
        and not (len(form) == 1 and form[0] in NOT_NAMES)
    )


def _lines(data: Path, name: str) -> list[list[str]]:
    text = data_file(data, name).read_text("utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip()]


def capitals(data: Path) -> set[tuple[str, ...]]:
    """The English capitals of the countries list (en_capital; "|" between several), as Latin forms."""
    rows = _lines(data, COUNTRIES)
    column = rows[0].index("en_capital")
    return {
        form
        for row in rows[1:]
        if len(row) > column
        for capital in row[column].split("|")
        if (form := _latin_form(capital))
    }


def country_names(data: Path) -> list[Name]:
    """Common names both ways; judged by the common and the official form."""
    names = []
    for row in _lines(data, COUNTRIES)[1:]:
        _, en_common, en_official, ar_common, ar_official = row[:5]
        ar_forms = tuple(f for f in {_arabic_form(ar_common), _arabic_form(ar_official)} if f)
        en_forms = tuple(f for f in {_latin_form(en_common), _latin_form(en_official)} if f)
        if ar_forms and en_forms:
            names.append(Name(en_common, "en", ar_forms, "countries"))
            names.append(Name(ar_common, "ar", en_forms, "countries"))
    return names


def _pair_names(pairs: list[tuple[str, str]], source: str) -> list[Name]:
    """Names from (English, Arabic) token pairs: each spelling, judged by all its partners."""
    arabic_of: dict[tuple[str, ...], set[tuple[str, ...]]] = defaultdict(set)
    latin_of: dict[tuple[str, ...], set[tuple[str, ...]]] = defaultdict(set)
    shown: dict[tuple[str, ...], str] = {}
    for english, arabic in pairs:
        en, ar = _latin_form(english), _arabic_form(arabic)
        if _usable(en) and _usable(ar):
            arabic_of[en].add(ar)
            latin_of[ar].add(en)
            shown.setdefault(en, english.title())
            shown.setdefault(ar, arabic)
    names = [Name(shown[en], "en", tuple(sorted(forms)), source) for en, forms in sorted(arabic_of.items())]
    names += [Name(shown[ar], "ar", tuple(sorted(forms)), source) for ar, forms in sorted(latin_of.items())]
    return names


def wikidata_names(data: Path) -> list[Name]:
    pairs = []
    for row in _lines(data, WIKIDATA):
        english, letters, count = row[0], row[1], int(row[2])
        if count >= MIN_WIKIDATA_COUNT:
            pairs.append((english, letters.replace(" ", "")))
    return _pair_names(pairs, "wikidata")


def google_names(data: Path) -> list[Name]:
    return _pair_names([(latin, arabic) for arabic, latin in _lines(data, GOOGLE)], "google")


# --- the collection ------------------------------------------------------------------


def eligible(name: Name, case_counts: dict[tuple[str, ...], tuple[int, int]]) -> bool:
    """Enough relevant articles, and every English form a proper noun (capitalised in bbc-en)."""
    if len(name.relevant) < MIN_RELEVANT:
        return False
    latin = [name.forms] if name.lang == "ar" else [(_latin_form(name.text),)]
    return all(_capitalised(form, case_counts) for forms in latin for form in forms)


def select(names: list[Name], case_counts: dict[tuple[str, ...], tuple[int, int]]) -> list[Name]:
    """Names with enough relevant articles and proper-noun English forms, sampled with a fixed seed."""
    rng = random.Random(SEED)
    chosen = []
    for source in ("countries", "wikidata", "google"):
        for lang in ("en", "ar"):
            pool = [
                name
                for name in names
                if name.source == source and name.lang == lang and eligible(name, case_counts)
            ]
            pool.sort(key=lambda name: (name.text, name.forms))
            chosen += rng.sample(pool, min(QUERIES_PER_LIST_AND_DIRECTION, len(pool)))
    return chosen


def _capitalised(form: tuple[str, ...], case_counts: dict[tuple[str, ...], tuple[int, int]]) -> bool:
    total, upper = case_counts.get(form, (0, 0))
    return total == 0 or upper / total >= MIN_CAPITALISED


# --- breadth: domains and unseen names ---------------------------------------------


def _english_forms(name: Name) -> tuple[tuple[str, ...], ...]:
    return name.forms if name.lang == "ar" else (_latin_form(name.text),)


def domain_of(
    name: Name, categories: dict[str, str], capitals: AbstractSet[tuple[str, ...]] = frozenset()
) -> str | None:
    """The name's domain: places for countries and capitals, else the domain of more than
    half of its relevant articles that have one (CATEGORY_DOMAINS), else None."""
    if name.source == "countries" or any(form in capitals for form in _english_forms(name)):
        return PLACES
    counts = Counter(
        domain for doc in name.relevant if (domain := CATEGORY_DOMAINS.get(categories.get(doc, "")))
    )
    if not counts:
        return None
    domain, count = counts.most_common(1)[0]
    return domain if count > DOMAIN_SHARE * sum(counts.values()) else None


def _distinct(names: Iterable[Name]) -> list[Name]:
    """One name per direction and query form (lists share names): the first list's, in list order."""
    order = {"countries": 0, "wikidata": 1, "google": 2}
    kept: dict[tuple[str, tuple[str, ...]], Name] = {}
    for name in sorted(names, key=lambda name: (order.get(name.source, 3), name.text, name.forms)):
        kept.setdefault((name.lang, _own_form(name)), name)
    return sorted(kept.values(), key=lambda name: (name.text, name.source, name.forms))


def _sample(pool: list[Name], how_many: int, *tag: str) -> list[Name]:
    """A fixed-seed sample of a sorted pool; each slice has its own generator, so adding a
    slice changes no other slice's names."""
    rng = random.Random(":".join((str(SEED), *tag)))
    return rng.sample(pool, min(how_many, len(pool)))


def _stable_sample(pool: list[Name], how_many: int, *tag: str) -> list[Name]:
    """The `how_many` names of `pool` that rank first by a hash of the tag and the name: a
    name that leaves the pool (the unseen pool loses every name the lexicon learns) is
    replaced by the next in that order, and the others stay. rng.sample over the sorted pool
    drew 20 new names of 25 when two left it."""

    def rank(name: Name) -> str:
        key = ":".join((str(SEED), *tag, name.source, name.text))
        return hashlib.sha1(key.encode("utf-8")).hexdigest()

    return sorted(pool, key=rank)[:how_many]


class ShippedLexicon:
    """Every form the shipped aliases know, read through the package: the lexicon files'
    forms (folded as the matcher folds them: lexicon.form_key) and the Wikidata name
    table's entries (spelling keys of Latin tokens, Arabic tokens as the table keys them)."""

    def __init__(self) -> None:
        from search.aliases.lexicon import form_key
        from search.aliases.names import arabic_key, spelling_key
        from search.aliases.resolver import AliasResolver
        from search.analysis import arabic

        resolver = AliasResolver.load([])
        self._form_key, self._arabic_key, self._spelling_key = form_key, arabic_key, spelling_key
        self._normalize = arabic.normalize
        self.files = tuple(resolver.lexicon.files)
        self.forms = {
            form_key(form) for entity in resolver.lexicon.entities.values() for form in entity.forms
        }
        self.table = resolver.names

    def _table_word(self, word: str) -> bool:
        if _ARABIC_WORD.search(word):
            return (
                self._arabic_key(word) in self.table.arabic_keys
                or self._normalize(word) in self.table.written_keys
            )
        return self._spelling_key(word) in self.table.latin_keys

    def knows(self, text: str) -> bool:
        """A lexicon form, or every word of it a name-table entry."""
        words = text.split()
        return bool(words) and (
            self._form_key(text) in self.forms or all(self._table_word(word) for word in words)
        )

    def seen(self, name: Name) -> bool:
        """Whether any form of the name, as typed or as judged, is known."""
        return self.knows(name.text) or any(self.knows(" ".join(form)) for form in name.forms)


def breadth_slices(
    names: list[Name],
    case_counts: dict[tuple[str, ...], tuple[int, int]],
    categories: dict[str, str],
    capitals: set[tuple[str, ...]],
    shipped: ShippedLexicon,
) -> tuple[dict[tuple[str, str], list[Name]], list[str]]:
    """Sampled names per (direction, domain or "unseen"), and notes on the pools."""
    pool = _distinct(name for name in names if eligible(name, case_counts))
    chosen: dict[tuple[str, str], list[Name]] = {}
    notes = []
    for lang, arrow in (("en", "en→ar"), ("ar", "ar→en")):
        here = [name for name in pool if name.lang == lang]
        domains = {id(name): domain_of(name, categories, capitals) for name in here}
        sizes = []
        for domain in DOMAINS:
            candidates = [name for name in here if domains[id(name)] == domain]
            chosen[lang, domain] = _sample(candidates, QUERIES_PER_DOMAIN_AND_DIRECTION, lang, domain)
            sizes.append(f"{domain} {len(candidates)}")
            if len(candidates) < QUERIES_PER_DOMAIN_AND_DIRECTION:
                notes.append(
                    f"{arrow} domain: {domain}: only {len(candidates)} eligible names "
                    f"(of {QUERIES_PER_DOMAIN_AND_DIRECTION} wanted)"
                    + ("; no slice" if not candidates else "")
                )
        unseen = [name for name in here if not shipped.seen(name)]
        chosen[lang, "unseen"] = _stable_sample(unseen, QUERIES_UNSEEN_PER_DIRECTION, lang, "unseen")
        notes.append(
            f"{arrow} eligible names per domain: {', '.join(sizes)}; "
            f"no domain {sum(domains[id(name)] is None for name in here)}; "
            f"unseen by the shipped aliases ({', '.join(shipped.files)} and the name table) "
            f"{len(unseen)} of {len(here)}"
        )
    return chosen, notes


def entity_collection(data: Path) -> Collection:
    records = news_records(data, NEWS_CORPORA, keep_category=True)
    # The categories choose the domain slices; the documents stay as every system indexes them.
    categories = {record["id"]: record.pop("category") for record in records}
    names = country_names(data) + wikidata_names(data) + google_names(data)
    # Every name is also judged in its own language: for English names that
    # gives their capitalisation, and for the chosen ones a same-language
    # control (does the system find the name where it is written as typed?),
    # which shows that a zero across languages is the language line, not the harness.
    own = {id(n): Name(n.text, n.target, (_own_form(n),), n.source) for n in names}
    case_counts = judge(names + list(own.values()), records)
    chosen = select(names, case_counts)
    queries, slices = [], []
    for lang, arrow in (("en", "en→ar"), ("ar", "ar→en")):
        for source in ("countries", "wikidata", "google", None):
            group = [n for n in chosen if n.lang == lang and (source is None or n.source == source)]
            qrels = {f"{n.lang}:{n.source}:{n.text}": dict.fromkeys(sorted(n.relevant), 1) for n in group}
            slices.append(Slice(f"{arrow} {source or 'all lists'}", qrels))
        queries += [
            Query(f"{n.lang}:{n.source}:{n.text}", n.text, n.lang, n.target) for n in chosen if n.lang == lang
        ]
    for lang, arrow in (("en", "en→en"), ("ar", "ar→ar")):
        controls = [(n, own[id(n)]) for n in chosen if n.lang == lang and own[id(n)].relevant]
        qrels = {
            f"{n.lang}:{n.source}:{n.text}:own": dict.fromkeys(sorted(c.relevant), 1) for n, c in controls
        }
        slices.append(Slice(f"{arrow} control: the same names in their own language", qrels))
        queries += [Query(f"{n.lang}:{n.source}:{n.text}:own", n.text, n.lang, n.lang) for n, _ in controls]
    breadth, breadth_notes = breadth_slices(names, case_counts, categories, capitals(data), ShippedLexicon())
    for lang, arrow in (("en", "en→ar"), ("ar", "ar→en")):
        for part in (*DOMAINS, "unseen"):
            group = breadth[lang, part]
            if not group:
                continue
            tag = "unseen" if part == "unseen" else f"domain-{part}"
            ids = [f"{n.lang}:{n.source}:{n.text}:{tag}" for n in group]
            qrels = {qid: dict.fromkeys(sorted(n.relevant), 1) for qid, n in zip(ids, group, strict=True)}
            title = f"{arrow} unseen names" if part == "unseen" else f"{arrow} domain: {part}"
            slices.append(Slice(title, qrels))
            queries += [Query(qid, n.text, n.lang, n.target) for qid, n in zip(ids, group, strict=True)]
    relevant = sorted(len(n.relevant) for n in chosen)
    notes = [f"{len(records)} articles; {len(chosen)} names chosen from {len(names)} candidates"]
    if relevant:
        middle = relevant[len(relevant) // 2]
        notes.append(f"relevant articles per name: min {relevant[0]}, median {middle}, max {relevant[-1]}")
    notes += breadth_notes
    return Collection("entity-dev", records, queries, slices, capped=True, notes=notes)
