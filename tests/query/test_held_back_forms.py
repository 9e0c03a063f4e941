"""An entity's forms that tag an article only beside a surer form (Liverpool, also the city)
are searched as words when the entity is typed in the other language, below the entity."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from search import Engine
from search.aliases.resolver import AliasResolver
from search.query import Alias, And, expand, parse
from tests.conftest import small_engine

ARTICLES = [
    {
        "id": "ar-liverpool",
        "title": "ليفربول يفوز على إيفرتون",
        "body": "فاز ليفربول على جاره إيفرتون بهدفين في الدوري الإنجليزي الممتاز.",
        "lang": "ar",
    },
    {
        # "Liverpool" alone: the lexicon tags it only beside a surer form (it is also the city).
        "id": "en-liverpool",
        "title": "Liverpool beat Everton",
        "body": "Liverpool beat their neighbours Everton 2-0 in the Premier League on Saturday.",
        "lang": "en",
    },
    {
        "id": "en-liverpool-fc",
        "title": "Liverpool FC sign a striker",
        "body": "Liverpool FC have signed a striker from Lyon. Liverpool paid a club record fee.",
        "lang": "en",
    },
    {
        "id": "en-is",
        "title": "Markets rally",
        "body": "The market is up and the pound is strong, which is good news for exporters.",
        "lang": "en",
    },
    {
        "id": "ar-isis",
        "title": "هجوم لداعش في البادية",
        "body": "شن تنظيم داعش هجوما على مواقع الجيش في البادية السورية.",
        "lang": "ar",
    },
    {
        # فورد alone is held back (also the surname); to the stemmed views it is ف + ورد.
        "id": "ar-ford",
        "title": "فورد تخفض إنتاجها",
        "body": "أعلنت فورد خفض إنتاج السيارات في مصانعها بسبب تراجع المبيعات.",
        "lang": "ar",
    },
    {
        # "Arsenal" alone is the common word first (arsenal-fc's "~Arsenal" in the lexicon).
        "id": "en-arsenal",
        "title": "Henry double sinks Fulham",
        "body": "Thierry Henry scored twice as Arsenal beat Fulham 3-0 at Highbury on Saturday.",
        "lang": "en",
    },
    {
        "id": "en-arsenal-weapons",
        "title": "Inspectors report",
        "body": "The inspectors said the army's arsenal of rockets had been moved before the visit.",
        "lang": "en",
    },
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory, backend: str) -> Iterator[Engine]:
    yield from small_engine(tmp_path_factory, "held-back", ARTICLES, backend)


def test_the_arabic_name_finds_english_articles_that_write_the_held_back_form(engine: Engine) -> None:
    found = [hit.id for hit in engine.search("ليفربول")]
    # The Arabic article first (the word typed), then the English one tagged with the club,
    # then the one that only says "Liverpool", which no form tags alone.
    assert found == ["ar-liverpool", "en-liverpool-fc", "en-liverpool"]
    assert [hit.id for hit in engine.search("ليفربول", lang="en")] == ["en-liverpool-fc", "en-liverpool"]


def test_a_held_back_form_that_is_a_stopword_is_not_searched(engine: Engine) -> None:
    # ISIS's English form "IS" is held back, and indexed as the word "is".
    assert [hit.id for hit in engine.search("داعش")] == ["ar-isis"]


def test_a_held_back_form_read_as_conjunction_and_stopword_is_still_searched(engine: Engine) -> None:
    assert [hit.id for hit in engine.search("Ford", lang="ar")] == ["ar-ford"]


def test_a_common_word_form_crosses_where_it_is_written_as_a_name(engine: Engine) -> None:
    # The club's English article says only "Arsenal"; the other has the word arsenal.
    assert [hit.id for hit in engine.search("آرسنال", lang="en")] == ["en-arsenal"]


def test_the_held_back_form_is_marked_in_the_snippet(engine: Engine) -> None:
    hit = next(hit for hit in engine.search("ليفربول", lang="en") if hit.id == "en-liverpool")
    assert "<mark>Liverpool</mark>" in str(hit.snippet)


@pytest.mark.parametrize(
    ("text", "held_back"),
    [
        ("ليفربول", ("Liverpool",)),  # the English form is also the city
        ("Liverpool FC", ()),  # the Arabic forms tag articles on their own
        ("Ford", ("فورد",)),
        ("الخليل", ()),
        ("Hebron", ("الخليل",)),  # الخليل is also the name Khalil
        ("القاعدة", ()),  # typed alone, its common-word sense comes first: searched weakly
    ],
)
def test_an_alias_holds_the_entity_s_held_back_forms_in_the_other_script(
    text: str, held_back: tuple[str, ...]
) -> None:
    alias = _alias(text)
    assert alias.held_back == held_back


@pytest.mark.parametrize(
    ("text", "capitalised"),
    [
        ("آرسنال", ("Arsenal",)),  # the common word arsenal comes first
        ("Arsenal FC", ()),  # typed in English: Arabic has no capitals to tell the name by
        ("ليفربول", ()),  # a held-back form, searched as written
    ],
)
def test_an_alias_typed_in_arabic_holds_the_entity_s_common_word_latin_forms(
    text: str, capitalised: tuple[str, ...]
) -> None:
    alias = _alias(text)
    assert tuple(form for form, _ in alias.capitalised) == capitalised
    assert all(keys for _, keys in alias.capitalised)


def _alias(text: str) -> Alias:
    node = expand(parse(text), AliasResolver.load())
    alias = node.children[0] if isinstance(node, And) else node  # two words are a run of one
    assert isinstance(alias, Alias)
    return alias
