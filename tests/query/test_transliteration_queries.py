"""Names no lexicon lists cross the language line by transliteration, ranked below own-language matches."""

from __future__ import annotations

import pytest

from search import Engine
from search.aliases.resolver import AliasResolver
from search.query import Compiler, Name, expand, parse
from search.query.compiler import KNOWN_TRANSLITERATION_BOOST, NAME_BOOST, TRANSLITERATION_BOOST
from search.query.spelling import _vowel_variants
from tests.query.names_articles import SELLAL_ARTICLES

# Names that no shipped lexicon file and no name-table entry knows (checked below).
ARTICLES = [
    *SELLAL_ARTICLES,
    {
        "id": "ar-ensour",
        "title": "النسور يلتقي النواب",
        "body": "التقى رئيس الوزراء النسور النواب لبحث الموازنة.",
        "lang": "ar",
    },
    {
        "id": "ar-bakkoush",
        "title": "وزير الخارجية يستقبل السفراء",
        "body": "استقبل وزير الخارجية البكوش سفراء الدول الأوروبية في مكتبه.",
        "lang": "ar",
    },
    {
        "id": "ar-jendouba",
        "title": "أمطار غزيرة في الشمال الغربي",
        "body": "سجلت ولاية جندوبة أمطارا غزيرة يوم الأحد.",
        "lang": "ar",
    },
    {
        "id": "en-springer",
        "title": "Opera row",
        "body": "The show Jerry Springer - The Opera drew protests outside the theatre.",
        "lang": "en",
    },
    {
        "id": "en-fry",
        "title": "Awards night",
        "body": "The comedian Stephen Fry hosted the film awards in London on Sunday.",
        "lang": "en",
    },
    {
        # كيت (Kate) was on the stopword list as the archaic كيت وكيت, "such and such".
        "id": "ar-kate",
        "title": "المدعية العامة تتحدث",
        "body": "قالت المدعية العامة كيت بيكس إن التحقيق سيستمر حتى نهاية العام.",
        "lang": "ar",
    },
    {
        "id": "en-tim",
        "title": "Tim wins the prize",
        "body": "The young baker Tim won the national prize for bread.",
        "lang": "en",
    },
    {
        "id": "ar-rantisi",
        "title": "تشييع الرنتيسي في غزة",
        "body": "شيع الآلاف الرنتيسي في غزة بعد مقتله في غارة على سيارته.",
        "lang": "ar",
    },
    *(
        {
            "id": f"ar-filler-{n}",
            "title": f"تقرير السوق {n}",
            "body": f"تحركت الأسهم في اليوم {n} وارتفع المؤشر.",
            "lang": "ar",
        }
        for n in range(6)
    ),
]


def test_the_names_are_unknown_to_the_shipped_aliases() -> None:
    from search.evaluation.entities import ShippedLexicon

    shipped = ShippedLexicon()
    names = ("Sellal", "سلال", "Ensour", "النسور", "تيم", "Bakkoush", "Jendouba", "Rantisi", "الرنتيسي")
    assert not any(shipped.knows(name) for name in names)


@pytest.fixture(scope="module", params=["whoosh", "xapian"])
def engine(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp(f"transliteration-{request.param}") / "index"
    Engine.rebuild(folder, ARTICLES, procs=1, backend=request.param)
    with Engine.open(folder) as opened:
        yield opened


def test_an_english_name_finds_its_arabic_spelling(engine: Engine) -> None:
    assert [hit.id for hit in engine.search("Ensour")] == ["ar-ensour"]  # written with the article


def test_an_english_name_finds_its_arabic_spelling_after_the_article(engine: Engine) -> None:
    """Bakkoush spells بكوش third; the article writes البكوش, whose stem is بكوش, while a bare
    بكوش's ب is read as a preposition (stem كوش): so the spelling is also searched as the
    article-stem it has after ال."""
    assert [hit.id for hit in engine.search("Bakkoush")] == ["ar-bakkoush"]


def test_a_name_behind_a_conjunction_is_spelt(engine: Engine) -> None:
    """فراي reads as ف + رأي ("opinion"); while رأي was a stopword, the name was one too."""
    assert [hit.id for hit in engine.search("فراي", lang="en")] == ["en-fry"]


def test_a_name_the_stopword_list_carried_is_spelt(engine: Engine) -> None:
    assert [hit.id for hit in engine.search("Kate", lang="ar")] == ["ar-kate"]


def test_a_name_after_the_article_written_apart_is_spelt_too(engine: Engine) -> None:
    """al-Rantisi is two words to the tokenizer, al and Rantisi; the name is the second, and
    its spelling رنتيسي is also searched after ال, as articles write it."""
    assert [hit.id for hit in engine.search("al-Rantisi")] == ["ar-rantisi"]
    assert [hit.id for hit in engine.search("El-Rantisi")] == ["ar-rantisi"]


def test_a_final_a_is_also_searched_as_ta_marbuta(engine: Engine) -> None:
    """Jendouba spells جندوبا; the article writes جندوبة, whose stem is another word."""
    assert [hit.id for hit in engine.search("Jendouba")] == ["ar-jendouba"]


def test_an_english_name_ranks_its_own_language_first(engine: Engine) -> None:
    assert [hit.id for hit in engine.search("Sellal")] == ["en-sellal", "ar-sellal"]


def test_a_possessive_is_not_spelt(engine: Engine) -> None:
    # Spelt with its s, Sellal's was سيلالس, which no article writes.
    assert [hit.id for hit in engine.search("Sellal's", lang="ar")] == ["ar-sellal"]
    assert [hit.id for hit in engine.search("Rantisi’s")] == ["ar-rantisi"]


def test_an_arabic_name_finds_its_latin_spelling(engine: Engine) -> None:
    assert [hit.id for hit in engine.search("تيم")] == ["en-tim"]


def test_an_arabic_name_finds_the_latin_name_whose_spellings_share_its_consonants(engine: Engine) -> None:
    """سلال spells as slal or sla, which no article uses, and Sellal is no vowel away; but
    the index gave the English article's Sellal the consonants of its Arabic spellings (سلل)."""
    node = expand(parse("سلال"), AliasResolver.load())
    assert isinstance(node, Name) and "sellal" not in node.spellings and node.consonants == ("سلل",)
    assert [hit.id for hit in engine.search("سلال")] == ["ar-sellal", "en-sellal"]


def test_an_arabic_name_finds_a_latin_spelling_one_vowel_from_the_model_s(engine: Engine) -> None:
    """شبرنغر spells as sprenger, which no article uses; Springer, one vowel away, spells back
    into شبرنغر, so it is searched."""
    node = expand(parse("شبرنغر"), AliasResolver.load())
    assert isinstance(node, Name) and not node.known and "springer" not in node.spellings
    assert [hit.id for hit in engine.search("شبرنغر")] == ["en-springer"]


def test_a_vowel_variant_that_does_not_spell_back_is_not_searched(engine: Engine) -> None:
    """سلام (peace) spells as salam; no article has it, and none of its vowel variants
    that articles use (a word like 'slam' would be one) spells back into سلام."""
    # Uncorrected: with no hit, the query would be corrected to سلال (Sellal), an index word.
    assert engine.search("سلام", lang="en", correct=False).total == 0


def test_vowel_variants() -> None:
    variants = _vowel_variants("fri")
    assert {"fry", "frai", "fr", "afri", "free"} - {"free"} <= set(variants) and "fri" not in variants


def test_the_spelling_found_is_marked_in_the_snippet(engine: Engine) -> None:
    (hit,) = engine.search("Ensour").hits
    assert "<mark>النسور</mark>" in hit.title_html


@pytest.mark.parametrize(
    ("text", "why"),
    [
        # A lowercase Latin word is spelt only as a short query's, where the index says it is a
        # name (test_lowercase_names.py).
        ("The", "a stopword"),
        ("إلى", "a stopword"),
    ],
)
def test_only_possible_names_are_spelt(text: str, why: str) -> None:
    node = expand(parse(text), AliasResolver.load())
    assert not (isinstance(node, Name) and node.spellings), why


def test_spellings_no_article_uses_are_not_searched() -> None:
    node = expand(parse("Sellal"), AliasResolver.load())
    assert isinstance(node, Name) and "سلال" in node.spellings

    class Empty:
        def prefixed(self, field: str, prefix: str) -> tuple[list[str], bool]:
            return [], False

        def frequency(self, field: str, word: str) -> tuple[int, int]:
            return 0, 10_000

    assert "سلال" not in str(Compiler(vocabulary=Empty()).compile(node).query)


def test_a_name_known_only_by_its_skeleton_is_also_spelt() -> None:
    node = expand(parse("جولدمان"), AliasResolver.load())
    assert isinstance(node, Name) and node.keys and "goldman" in node.spellings


def test_a_name_the_table_knows_is_spelt_far_below_its_keys() -> None:
    """Its keys are the surer way; its spellings are the fallback where no key matches
    (البراهمي for Brahmi, Ron for رون: found nothing across the language line before)."""
    node = expand(parse("Brahmi"), AliasResolver.load())
    assert isinstance(node, Name) and node.known and node.keys and node.spellings

    class Rare:
        def prefixed(self, field: str, prefix: str) -> tuple[list[str], bool]:
            return [], False

        def frequency(self, field: str, word: str) -> tuple[int, int]:
            return 5, 10_000

    query = str(Compiler(vocabulary=Rare()).compile(node).query)
    assert f"names:{node.keys[0]}^{NAME_BOOST}" in query
    spelt = [part for part in query.split() if part.startswith("body:") and "brahmi" not in part]
    weights = [float(part.rstrip(")").rsplit("^", 1)[1]) for part in spelt]
    # The likeliest spelling at that weight, a less likely one below it (SPELLING_DECAY).
    assert weights and weights[0] == KNOWN_TRANSLITERATION_BOOST
    assert all(weight <= KNOWN_TRANSLITERATION_BOOST for weight in weights)
    assert KNOWN_TRANSLITERATION_BOOST < TRANSLITERATION_BOOST < NAME_BOOST


def test_a_spelling_in_many_articles_is_a_word_not_the_name() -> None:
    node = expand(parse("Sellal"), AliasResolver.load())

    class Common:
        def prefixed(self, field: str, prefix: str) -> tuple[list[str], bool]:
            return [], False

        def frequency(self, field: str, word: str) -> tuple[int, int]:
            return (2_000 if word == "سيلال" else 10), 10_000

    query = str(Compiler(vocabulary=Common()).compile(node).query)
    assert "سيلال" not in query and "سلال" in query


def test_an_index_built_before_consonant_keys_answers_as_before(tmp_path, monkeypatch) -> None:
    """Its schema (pickled in it) has no consonants field: an Arabic name finds what
    spellings find, and adding to it still works."""
    from search.backends import whoosh as whoosh_backend
    from search.backends.whoosh import schema as schema_module

    def schema_before():
        schema = schema_module.make_schema()
        schema.remove("consonants")
        return schema

    monkeypatch.setattr(whoosh_backend, "make_schema", schema_before)
    Engine.rebuild(tmp_path / "index", ARTICLES, procs=1, backend="whoosh")
    monkeypatch.undo()
    later = {"id": "en-sellal-2", "title": "Sellal at the port", "body": "He visited the port.", "lang": "en"}
    with Engine.open(tmp_path / "index") as opened:
        assert not opened.add_documents([later]).rejected
        assert [hit.id for hit in opened.search("سلال")] == ["ar-sellal"]
        assert {hit.id for hit in opened.search("Sellal")} == {"en-sellal", "en-sellal-2", "ar-sellal"}
