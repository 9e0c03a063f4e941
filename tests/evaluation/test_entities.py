"""The entity-dev judge: whole names, a leading clitic or article only, both scripts."""

from __future__ import annotations

import pytest

from search.evaluation.entities import (
    CATEGORY_DOMAINS,
    DOMAINS,
    MIN_RELEVANT,
    PLACES,
    Name,
    ShippedLexicon,
    _stable_sample,
    domain_of,
    entity_collection,
    first_word_variants,
    judge,
    judge_arabic_words,
)
from tests.conftest import DATA, need

ARTICLES = [
    {"id": "ar1", "lang": "ar", "title": "", "body": "وصل وفد إلى الأردن أمس."},
    {"id": "ar2", "lang": "ar", "title": "زيارة", "body": "قال مسؤول للأردن إن..."},
    {"id": "ar3", "lang": "ar", "title": "", "body": "الأردني محمد قال"},  # adjective: not the name
    {"id": "ar4", "lang": "ar", "title": "", "body": "وبالولايات المتحدة وبريطانيا"},
    {"id": "ar5", "lang": "ar", "title": "", "body": "الولايات المتحدةُ"},  # a damma on the last letter
    {"id": "ar6", "lang": "ar", "title": "", "body": "الولايات العربية المتحدة"},  # not in sequence
    {"id": "en1", "lang": "en", "title": "Jordan's king", "body": "A visit."},
    {"id": "en2", "lang": "en", "title": "", "body": "Michael Jordan scored; JORDAN again."},
    {"id": "en3", "lang": "en", "title": "", "body": "The Jordanian delegation."},
]


@pytest.mark.parametrize(
    ("query", "lang", "forms", "relevant"),
    [
        ("Jordan", "en", (("الاردن",),), {"ar1", "ar2"}),
        ("United States", "en", (("الولايات", "المتحده"),), {"ar4", "ar5"}),
        ("الأردن", "ar", (("jordan",),), {"en1", "en2"}),
    ],
)
def test_judge(query: str, lang: str, forms: tuple, relevant: set[str]) -> None:
    name = Name(query, lang, forms, "test")
    judge([name], ARTICLES)
    assert name.relevant == relevant


def test_judge_counts_capitalised_latin_occurrences() -> None:
    counts = judge([Name("الأردن", "ar", (("jordan",),), "test")], ARTICLES)
    assert counts[("jordan",)] == (3, 3)


@pytest.mark.parametrize(
    ("written", "accepted"),
    [("للأردن", True), ("وللأردن", True), ("بالأردن", True), ("فالأردن", True), ("الأردني", False)],
)
def test_first_word_variants(written: str, accepted: bool) -> None:
    [word] = judge_arabic_words(written)
    assert (word in first_word_variants("الاردن")) is accepted


def test_judge_folds_only_spelling() -> None:
    assert judge_arabic_words("إِلى أحمد مُستشفى مدرسة") == ["الي", "احمد", "مستشفي", "مدرسه"]


# --- breadth: domains and unseen names -----------------------------------------------

CATEGORIES = {
    "ar-sport-1": "sport",
    "ar-sport-2": "sport",
    "ar-local": "localNews",
    "ar-economy": "economy",
    "ar-diverse": "diverse",  # no domain
    "ar-society": "society",  # no domain
    "en-tech": "tech",
    "en-ent-1": "entertainment",
    "en-ent-2": "entertainment",
    "en-politics": "politics",
}


def _name(text: str, lang: str, relevant: set[str], source: str = "google", forms: tuple = ()) -> Name:
    return Name(text, lang, forms or ((text.lower(),),), source, set(relevant))


@pytest.mark.parametrize(
    ("relevant", "domain"),
    [
        ({"ar-sport-1", "ar-sport-2", "ar-local"}, "sport"),  # 2 of 3
        ({"ar-sport-1", "ar-local"}, None),  # a tie is no majority
        ({"ar-sport-1", "ar-diverse", "ar-society"}, "sport"),  # unmapped categories do not count
        ({"ar-local", "ar-economy", "ar-sport-1"}, None),  # a plurality is not enough
        ({"ar-economy", "en-tech"}, "business and technology"),
        ({"en-ent-1", "en-ent-2", "en-politics"}, "culture"),
        ({"ar-diverse", "unknown-id"}, None),
        (set(), None),
    ],
)
def test_domain_follows_the_category_table(relevant: set[str], domain: str | None) -> None:
    assert domain_of(_name("Khalsi", "en", relevant), CATEGORIES) == domain


def test_category_table_covers_the_corpora_categories() -> None:
    assert set(CATEGORY_DOMAINS.values()) == set(DOMAINS) - {PLACES}
    for category in ("politic", "localNews", "internationalNews", "middleEast", "politics"):
        assert CATEGORY_DOMAINS[category] == "politics"
    assert "diverse" not in CATEGORY_DOMAINS and "society" not in CATEGORY_DOMAINS


def test_countries_and_capitals_are_places_whatever_their_articles() -> None:
    sporty = {"ar-sport-1", "ar-sport-2"}
    assert domain_of(_name("Qatar", "en", sporty, source="countries"), CATEGORIES) == PLACES
    capitals = {("muscat",), ("abu", "dhabi")}
    assert domain_of(_name("Muscat", "en", sporty, source="wikidata"), CATEGORIES, capitals) == PLACES
    arabic = Name("مسقط", "ar", (("muscat",),), "google", set(sporty))
    assert domain_of(arabic, CATEGORIES, capitals) == PLACES
    assert domain_of(_name("Musa", "en", sporty), CATEGORIES, capitals) == "sport"


@pytest.fixture(scope="module")
def shipped() -> ShippedLexicon:
    return ShippedLexicon()


@pytest.mark.parametrize(
    ("text", "lang", "forms", "seen"),
    [
        ("Palmyra", "en", (("تدمر",),), True),  # a lexicon form (curated-news.tsv)
        ("Palmyra", "en", (("ظقثضخ",),), True),  # the query form alone is enough
        ("تدمر", "ar", (("zqxvorbnt",),), True),
        ("Zqxvorbnt", "en", (("تدمر",),), True),  # a judged form is known
        ("Jordan", "en", (("ظقثضخ",),), True),  # countries.tsv
        ("Shaibani", "en", (("ظقثضخ",),), True),  # a name-table entry, by spelling key
        ("الشيباني", "ar", (("zqxvorbnt",),), True),
        ("Zqxvorbnt", "en", (("ظقثضخ",),), False),
        ("ظقثضخ", "ar", (("zqxvorbnt", "qqxxv"),), False),
    ],
)
def test_unseen_means_no_shipped_form_matches(
    shipped: ShippedLexicon, text: str, lang: str, forms: tuple, seen: bool
) -> None:
    assert shipped.seen(Name(text, lang, forms, "test")) is seen


def test_the_shipped_lexicon_is_read_as_it_ships_now(shipped: ShippedLexicon) -> None:
    from search.aliases.lexicon import SHIPPED_FILES

    assert set(SHIPPED_FILES) <= set(shipped.files)
    assert shipped.knows("palmyra") and shipped.knows("تَدمُر")  # folded as the matcher folds


@pytest.fixture(scope="module")
def collection():
    return entity_collection(need(DATA / "entities").parent)


def test_breadth_slices_exist_after_the_unchanged_ones(collection) -> None:
    names = [part.name for part in collection.slices]
    assert names[:10] == [
        "en→ar countries",
        "en→ar wikidata",
        "en→ar google",
        "en→ar all lists",
        "ar→en countries",
        "ar→en wikidata",
        "ar→en google",
        "ar→en all lists",
        "en→en control: the same names in their own language",
        "ar→ar control: the same names in their own language",
    ]
    for arrow in ("en→ar", "ar→en"):
        for domain in DOMAINS:
            assert f"{arrow} domain: {domain}" in names
        assert f"{arrow} unseen names" in names
    assert len({query.id for query in collection.queries}) == len(collection.queries)
    ids = {query.id for query in collection.queries}
    for part in collection.slices:
        assert set(part.qrels) <= ids
        assert 0 < len(part.qrels) <= 75
        if "control" not in part.name:
            assert all(len(judged) >= MIN_RELEVANT for judged in part.qrels.values()), part.name


def test_unseen_slices_hold_only_unseen_names(collection, shipped: ShippedLexicon) -> None:
    texts = {query.id: (query.text, query.lang) for query in collection.queries}
    for arrow in ("en→ar", "ar→en"):
        [part] = [part for part in collection.slices if part.name == f"{arrow} unseen names"]
        assert len(part.qrels) == 25
        for qid in part.qrels:
            assert not shipped.knows(texts[qid][0]), qid


def test_the_unseen_sample_keeps_its_names_when_others_leave_the_pool() -> None:
    """A name the lexicon learns leaves the unseen pool; the rest of the sample stays."""
    pool = [Name(f"Name{number}", "en", ((f"name{number}",),), "wikidata") for number in range(200)]
    before = _stable_sample(pool, 25, "en", "unseen")
    learnt = before[3]
    after = _stable_sample([name for name in pool if name is not learnt], 25, "en", "unseen")
    assert len(after) == 25 and len({name.text for name in before} - {name.text for name in after}) == 1
