"""curated-world.tsv: sport, companies, world leaders, bodies and places outside Middle East politics."""

from __future__ import annotations

from pathlib import Path

import pytest

from search import Engine
from search.aliases import lexicon
from search.aliases.resolver import AliasResolver


def entities_in(text: str) -> tuple[str, ...]:
    return AliasResolver.load().annotate("", text).entities


def test_the_world_lexicon_is_shipped_with_the_others() -> None:
    shipped = lexicon.load()
    world = [e for e in shipped.entities.values() if e.origin.startswith("curated-world.tsv")]
    assert len(world) >= 400
    assert {e.type for e in world} <= set(lexicon.TYPES)
    assert {"person", "organisation", "place", "event", "outlet"} <= {e.type for e in world}
    google = shipped.get("google")
    assert (google.label_en, google.label_ar) == ("Google", "غوغل") and "جوجل" in google.ar


@pytest.mark.parametrize(
    ("english", "arabic", "entity"),
    [
        ("Real Madrid beat Juventus in Cardiff.", "فاز ريال مدريد على يوفنتوس.", "real-madrid"),
        ("Google shares rose.", "ارتفعت أسهم غوغل.", "google"),
        ("Google shares rose.", "ارتفعت أسهم جوجل.", "google"),
        ("Roger Federer won again; Federer is 36.", "فاز فيدرر بلقبه الثامن.", "roger-federer"),
        ("Mohamed Salah scored twice.", "سجل محمد صلاح هدفين.", "mohamed-salah"),
        ("Gazprom cut supplies.", "خفضت غازبروم الإمدادات.", "gazprom"),
        ("Khodorkovsky was jailed.", "سجن خودوركوفسكي.", "mikhail-khodorkovsky"),
        ("Volkswagen recalled cars.", "استدعت فولكس فاغن سياراتها.", "volkswagen"),
        ("FIFA opened an inquiry.", "فتح الفيفا تحقيقا.", "fifa"),
    ],
)
def test_both_languages_name_the_same_entity(english: str, arabic: str, entity: str) -> None:
    assert entity in entities_in(english)
    assert entity in entities_in(arabic)


def test_arabic_forms_match_behind_clitics() -> None:
    assert entities_in("مباراة برشلونة وليفربول وبتشيلسي").count("liverpool-fc") == 1
    assert {"fc-barcelona", "chelsea-fc"} <= set(entities_in("مباراة برشلونة وليفربول وبتشيلسي"))
    assert "facebook" in entities_in("نشر على فيسبوك ولفيس بوك")


def test_longest_form_wins_over_the_shorter_entity() -> None:
    # مدريد alone is the city; inside ريال مدريد it is the club.
    assert entities_in("ريال مدريد يلعب في مدريد") == ("real-madrid", "madrid")
    assert entities_in("Manchester City and Manchester United, in Manchester") == (
        "manchester-city",
        "manchester-united",
        "manchester",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Slice the apple and bake the apple pie for an hour.",
        "يعد أمازون أطول أنهار العالم بعد النيل.",  # the river, not the company
        "Grab a drink at the bar with Bolt.",
    ],
)
def test_an_ambiguous_form_alone_does_not_name_the_company(text: str) -> None:
    assert not {"apple-inc", "amazon-com", "usain-bolt"} & set(entities_in(text))


def test_an_ambiguous_form_counts_when_the_article_names_the_entity() -> None:
    english = entities_in("Apple Inc. said the new iPhone sells well. Apple expects more.")
    assert english.count("apple-inc") == 2 and "iphone" in english
    arabic = entities_in("أعلنت شركة أمازون أرباحها، وقالت أمازون إن المبيعات ارتفعت.")
    assert arabic.count("amazon-com") == 2
    assert "amazon-rainforest" in entities_in("تتقلص غابات الأمازون كل عام.")


def test_common_word_forms_never_count_alone() -> None:
    # النصر is "victory", الاتحاد "the union": not the Saudi clubs unless named fully.
    assert entities_in("حقق الجيش النصر وأعلن الاتحاد بيانا.") == ()
    assert "al-nassr" in entities_in("فاز النصر السعودي على الهلال السعودي.")


def test_search_crosses_languages_through_the_world_lexicon(tmp_path: Path) -> None:
    docs = [
        {"id": "ar-madrid", "title": "ريال مدريد يفوز", "body": "فاز ريال مدريد على برشلونة.", "lang": "ar"},
        {"id": "ar-federer", "title": "فيدرر بطلا", "body": "توج روجيه فيدرر باللقب.", "lang": "ar"},
        {"id": "en-google", "title": "Google results", "body": "Google reported higher profit.",
         "lang": "en"},
        {"id": "en-fruit", "title": "Apple harvest", "body": "Farmers picked every apple early.",
         "lang": "en"},
    ]  # fmt: skip
    Engine.rebuild(tmp_path / "index", docs, procs=1)
    with Engine.open(tmp_path / "index") as engine:
        assert [hit.id for hit in engine.search("Real Madrid")] == ["ar-madrid"]
        assert [hit.id for hit in engine.search("Federer")] == ["ar-federer"]
        assert [hit.id for hit in engine.search("غوغل")] == ["en-google"]
        assert "apple-inc" not in [entity.id for entity in engine.search("apple").entities]
