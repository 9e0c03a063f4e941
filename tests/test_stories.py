"""Near-duplicate stories (search/stories.py): wire copies fold, different articles and
translations never do, on both backends, at index time and in the results."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from search import Engine
from search.backends import MAX_SIMILAR
from search.cli import sample_corpus
from search.documents import content_id
from search.ingest.sources import read_sources
from search.stories import THRESHOLD, StoryAssigner, copies, decode, encode, signature, similarity

# The sample's wire copies (search/sample/README.md): one English agency story on three
# sites, one Arabic agency story on two, and an Arabic translation of the English story.
ENGLISH_COPIES = {"sample-en-015", "sample-en-016", "sample-en-017"}
ARABIC_COPIES = {"sample-ar-015", "sample-ar-016"}
TRANSLATION = "sample-ar-017"


def sample_documents() -> dict:
    return {doc.id: doc for doc in read_sources([sample_corpus()]) if hasattr(doc, "title")}


def stories_of(documents) -> dict[str, set[str]]:
    assigner = StoryAssigner()
    stories: dict[str, set[str]] = {}
    for doc in documents:
        mark = assigner.assign(doc.id, doc.lang, doc.title, doc.body, content_id(doc.title, doc.body))
        stories.setdefault(mark.story, set()).add(doc.id)
    return stories


def test_the_sample_folds_its_wire_copies_and_nothing_else() -> None:
    folded = [members for members in stories_of(sample_documents().values()).values() if len(members) > 1]
    assert sorted(folded, key=len) == [ARABIC_COPIES, ENGLISH_COPIES]


def test_the_palmyra_articles_are_different_stories() -> None:
    """Desert Dispatch, Crescent Ledger and Levant Wire wrote separately about the same attack."""
    palmyra = [doc for doc in sample_documents().values() if "Palmyra" in doc.title + doc.body]
    assert {doc.source for doc in palmyra} >= {"Desert Dispatch", "Crescent Ledger", "Levant Wire"}
    assert all(len(members) == 1 for members in stories_of(palmyra).values())


def test_a_translation_never_folds_with_its_original() -> None:
    documents = sample_documents()
    original, translation = documents["sample-en-015"], documents[TRANSLATION]
    assert translation.lang == "ar" and original.lang == "en"
    assert stories_of([original, translation]).keys().__len__() == 2
    # Not even the same text under two language tags: the language is part of every band key.
    assigner = StoryAssigner()
    first = assigner.assign("a", "en", original.title, original.body, "hash-a")
    second = assigner.assign("b", "ar", original.title, original.body, "hash-b")
    assert first.story == "hash-a" and second.story == "hash-b"
    assert not set(first.bands) & set(second.bands)


def test_arabic_orthographic_variants_do_not_matter() -> None:
    plain = "أعلنت الوزارة إعادة تشغيل محطة المياه في سورية بعد إصلاح المضخات الرئيسية"
    variant = "أعلنت الوزارة إعادة تشغيـــل محطّة المياه في سوريه بعد اصلاح المضخات الرئيسيّة"
    assert similarity(signature("", plain), signature("", variant)) == 1.0
    assert similarity(signature("", plain), signature("", "Syria's electricity ministry said")) == 0.0


def test_signatures_survive_storage() -> None:
    signed = signature("Deir Ali", "Repairs at the Deir Ali power plant added 300 megawatts.")
    stored = decode(encode(signed))
    assert stored is not None and stored.size == signed.size == 8 and (stored.values == signed.values).all()
    assert decode("") is None and decode("bm90IGEgc2lnbmF0dXJl") is None


def test_a_copy_that_dropped_its_last_paragraph_is_still_a_copy() -> None:
    """Containment, not Jaccard alone: the copy keeps most of the original's shingles."""
    original = sample_documents()["sample-en-015"]
    paragraphs = original.body.split("\n\n")
    shortened = "\n\n".join(paragraphs[:2])  # half the article
    first, second = signature(original.title, original.body), signature(original.title, shortened)
    # Half the shingles are gone (Jaccard about 0.5), but what is left is all in the original.
    assert similarity(first, second) < 0.6 and copies(first, second) > 0.9


# --- the index and the results, on both backends -------------------------------


def test_wire_copies_collapse_into_one_hit(sample_engine: Engine) -> None:
    results = sample_engine.search("Deir Ali power station")
    assert results.total == 3 and results.stories == 1 and len(results) == 1
    [hit] = results
    assert {hit.id, *(copy.id for copy in hit.similar)} == ENGLISH_COPIES
    assert all(copy.source and copy.url.startswith("https://") and copy.published for copy in hit.similar)
    assert hit.to_dict()["similar"][0].keys() >= {"id", "source", "url", "published"}


def test_arabic_wire_copies_collapse(sample_engine: Engine) -> None:
    [hit] = sample_engine.search("محطة عين الفيجة")
    assert {hit.id, *(copy.id for copy in hit.similar)} == ARABIC_COPIES


def test_no_collapse_lists_every_article(sample_engine: Engine) -> None:
    results = sample_engine.search("Deir Ali power station", collapse=False)
    assert {hit.id for hit in results} == ENGLISH_COPIES and not any(hit.similar for hit in results)
    assert results.to_dict()["collapse"] is False


def test_palmyra_hits_stay_separate(sample_engine: Engine) -> None:
    results = sample_engine.search("Palmyra attack", limit=50)
    assert results.stories == results.total == len(results) and not any(hit.similar for hit in results)
    assert {"Desert Dispatch", "Crescent Ledger", "Levant Wire"} <= {hit.source for hit in results}


def test_the_translation_is_its_own_hit(sample_engine: Engine) -> None:
    """دير علي finds the Arabic translation and, through the shared name, the English copies."""
    results = sample_engine.search("Deir Ali OR دير علي", limit=50)
    by_id = {hit.id: hit for hit in results}
    assert TRANSLATION in by_id and not by_id[TRANSLATION].similar
    assert all(TRANSLATION not in {copy.id for copy in hit.similar} for hit in results)


def test_facets_count_articles_not_stories(sample_engine: Engine) -> None:
    results = sample_engine.search("power", limit=50)
    assert results.stories < results.total
    sources = {value.value: value.count for value in results.facets["source"]}
    assert sum(sources.values()) == results.total
    assert (
        sources["Orontes Review"] >= 1 and sources["Desert Dispatch"] >= 1 and sources["Euphrates Post"] >= 1
    )


@pytest.mark.parametrize("sort", ["relevance", "newest", "oldest"])
def test_pages_of_stories_never_repeat_a_story(sample_engine: Engine, sort: str) -> None:
    query = "Syria OR سوريا OR power"
    whole = sample_engine.search(query, limit=100, sort=sort)
    count = -(-whole.stories // 7)
    pages = [sample_engine.search(query, limit=7, page=page, sort=sort) for page in range(1, count + 1)]
    ids = [hit.id for page in pages for hit in page]
    folded = [copy.id for page in pages for hit in page for copy in hit.similar]
    assert ids == [hit.id for hit in whole] and len(ids) == whole.stories
    assert not set(ids) & set(folded) and len(ids) + len(folded) == whole.total
    assert pages[0].pages == count and whole.stories < whole.total


def wire_documents(text: str) -> list[dict[str, str]]:
    """An agency story on two sites, word for word but for the dateline (the same length, so
    the same score): the one indexed first was published later."""
    return [
        {
            "id": "late-copy",
            "title": "Grain convoy reaches Deir ez-Zor",
            "body": "BEIRUT (Agency) – " + text,
            "lang": "en",
            "published": "2026-04-02T12:00:00",
            "source": "Site B",
            "url": "https://example.org/b/grain",
        },
        {
            "id": "original",
            "title": "Grain convoy reaches Deir ez-Zor",
            "body": "AMMAN (Agency) – " + text,
            "lang": "en",
            "published": "2026-04-02T08:00:00",
            "source": "Site A",
            "url": "https://example.org/a/grain",
        },
    ]


WIRE_TEXT = (
    "A convoy of forty trucks carrying wheat flour reached the city of Deir ez-Zor on Wednesday, "
    "the first delivery by road since the bridge over the Euphrates was repaired last month.\n\n"
    "Local officials said the flour would supply the city's bakeries for three weeks and that a "
    "second convoy was expected before the end of the month."
)


def test_on_a_tie_the_earliest_published_leads(tmp_path: Path, backend: str) -> None:
    with Engine.create(tmp_path / "index", backend=backend) as engine:
        engine.add_documents(wire_documents(WIRE_TEXT))
        [hit] = engine.search("grain convoy wheat flour")
        assert hit.id == "original" and [copy.id for copy in hit.similar] == ["late-copy"]
        everything = engine.search("grain convoy wheat flour", collapse=False)
        assert everything[0].score == everything[1].score


def test_a_story_of_more_copies_than_the_first_matches_read(tmp_path: Path, backend: str) -> None:
    """150 copies of one story, tied in score (the same length), outrank a second story: the
    page must still show both, the first led by its earliest copy, the one added last."""
    copies = [
        {
            "id": f"copy-{number:03d}",
            "title": "Grain convoy reaches Deir ez-Zor",
            "body": f"Site{number:03d} (Agency) – {WIRE_TEXT} Grain, grain and flour.",
            "lang": "en",
            "published": f"2026-04-{30 - number // 10:02d}T{23 - number % 10:02d}:00:00",
            "source": f"Site {number}",
        }
        for number in range(150)
    ]
    other = {
        "id": "raqqa",
        "title": "Bakeries in Raqqa close early",
        "body": "Bakeries in Raqqa closed early on Tuesday as stocks ran low after the harvest failed. "
        + "Officials blamed the drought, the price of diesel and the closed roads to the north. " * 4
        + "A shipment of grain is expected next month.",
        "lang": "en",
        "published": "2026-04-01T09:00:00",
    }
    with Engine.create(tmp_path / "index", backend=backend) as engine:
        engine.add_documents([*copies, other])
        results = engine.search("grain", limit=5)
        assert results.total == 151 and results.stories == 2
        assert [hit.id for hit in results] == ["copy-149", "raqqa"]
        assert len(results[0].similar) == MAX_SIMILAR and results[1].similar == ()
        newest = engine.search("grain", limit=5, sort="newest")
        assert [hit.id for hit in newest] == ["copy-000", "raqqa"]


def test_an_incremental_add_joins_the_story(tmp_path: Path, backend: str) -> None:
    first, second = wire_documents(WIRE_TEXT)
    third = {**first, "id": "third", "source": "Site C", "body": "Deir ez-Zor, April 2 – " + WIRE_TEXT[:-60]}
    unrelated = {**first, "id": "other", "body": "Wheat prices rose in Aleppo as a grain convoy was delayed."}
    with Engine.create(tmp_path / "index", backend=backend) as engine:
        engine.add_documents([first])
        engine.add_documents([second, unrelated])
        engine.add_documents([third])
        results = engine.search("grain convoy")
        assert results.total == 4 and results.stories == 2
        lead = next(hit for hit in results if hit.similar)
        assert {lead.id, *(copy.id for copy in lead.similar)} == {"late-copy", "original", "third"}
        # The story outlives the article that founded it.
        assert engine.delete("late-copy")
        [lead, other] = sorted(engine.search("grain convoy"), key=lambda hit: -len(hit.similar))
        assert {lead.id, *(copy.id for copy in lead.similar)} == {"original", "third"} and other.id == "other"


def test_api_and_cli_turn_collapsing_off(sample_index: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from search.cli import main
    from web import create_app

    with Engine.open(sample_index) as engine:
        client = create_app(engine, {"TESTING": True}).test_client()
        folded = client.get("/api/search?q=Deir+Ali+power+station").get_json()
        listed = client.get("/api/search?q=Deir+Ali+power+station&collapse=0").get_json()
    assert folded["total"] == 3 and folded["stories"] == 1 and len(folded["hits"]) == 1
    assert len(folded["hits"][0]["similar"]) == 2 and folded["collapse"] is True
    assert listed["collapse"] is False and len(listed["hits"]) == 3
    assert not any(hit["similar"] for hit in listed["hits"])

    assert main(["query", "Deir", "Ali", "power", "station", "--index", str(sample_index), "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)["hits"]) == 1
    assert main(["query", "Deir Ali power station", "--index", str(sample_index), "--no-collapse"]) == 0
    out = capsys.readouterr().out
    assert "3 result(s), page 1 of 1" in out and "similar from" not in out
    assert main(["query", "Deir Ali power station", "--index", str(sample_index)]) == 0
    out = capsys.readouterr().out
    assert "3 result(s) in 1 story" in out and "2 similar from" in out


def test_threshold_is_the_measured_one() -> None:
    """The threshold in code is the one docs/near-duplicates.json was measured at."""
    measured = Path(__file__).resolve().parent.parent / "docs" / "near-duplicates.json"
    assert json.loads(measured.read_text(encoding="utf-8"))["threshold_in_code"] == THRESHOLD


def test_an_index_from_before_stories_still_searches_and_adds(tmp_path: Path) -> None:
    """A Whoosh generation whose schema has no story fields: every article is its own story."""
    from whoosh import fields, index

    from search.backends.whoosh.schema import make_schema
    from search.index import IndexStore
    from search.stories import FIELDS

    with Engine.create(tmp_path / "index", backend="whoosh"):
        pass
    generation = IndexStore(tmp_path / "index").current()
    old = make_schema()
    for name in FIELDS:
        old.remove(name)
    assert isinstance(old, fields.Schema) and "story" not in old
    index.create_in(str(generation), old)
    first, second = wire_documents(WIRE_TEXT)
    with Engine.open(tmp_path / "index") as engine:
        engine.add_documents([first])
        engine.add_documents([second])
        results = engine.search("grain convoy wheat flour")
        assert results.total == results.stories == len(results) == 2
        assert not any(hit.similar for hit in results)


def test_an_updated_article_leaves_its_story_when_its_text_no_longer_matches(
    tmp_path: Path, backend: str
) -> None:
    first, second = wire_documents(WIRE_TEXT)
    school = (
        "A different report: the mayor of Raqqa opened a new school on Monday, "
        "with classrooms for six hundred pupils and a library donated by local merchants."
    )
    rewritten = dict(first, body=school)
    with Engine.create(tmp_path / "index", backend=backend) as engine:
        engine.add_documents([first, second])
        assert engine.search("Deir ez-Zor").stories == 1
        report = engine.add_documents([rewritten])
        assert report.updated == 1
        results = engine.search("Deir ez-Zor")
        assert results.total == results.stories == 2 and not any(hit.similar for hit in results)
