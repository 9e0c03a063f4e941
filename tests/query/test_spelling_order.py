"""A name's likelier spelling in the other script ranks its articles above a less likely one's,
though the less likely word is rarer and so scores higher on its own (Jun: جون, then يون)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from search import Engine
from search.aliases.resolver import AliasResolver
from search.query import Name, expand, parse
from tests.conftest import small_engine

ARTICLES = [
    *(
        {
            "id": f"ar-jun-{n}",
            "title": f"زيارة رسمية {n}",
            "body": f"وصل المبعوث جون إلى العاصمة في زيارته رقم {n} لبحث الاتفاق.",
            "lang": "ar",
        }
        for n in range(4)
    ),
    {
        "id": "ar-yun",
        "title": "مهرجان السينما",
        "body": "فاز المخرج يون بجائزة المهرجان عن فيلمه الأخير.",
        "lang": "ar",
    },
    *(
        {
            "id": f"ar-filler-{n}",
            "title": f"تقرير السوق {n}",
            "body": f"تحركت الأسهم في اليوم {n} وارتفع المؤشر.",
            "lang": "ar",
        }
        for n in range(20)
    ),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory, backend: str) -> Iterator[Engine]:
    yield from small_engine(tmp_path_factory, "spelling-order", ARTICLES, backend)


def test_the_model_spells_the_name_so() -> None:
    node = expand(parse("Jun"), AliasResolver.load())
    assert isinstance(node, Name) and not node.known and node.spellings[:2] == ("جون", "يون")


def test_the_likelier_spelling_ranks_first(engine: Engine) -> None:
    found = [hit.id for hit in engine.search("Jun", lang="ar")]
    assert sorted(found[:4]) == [f"ar-jun-{n}" for n in range(4)]
    assert found[4:] == ["ar-yun"]
