"""القاعدة typed alone: the articles with the word first, then those naming al-Qaeda in English."""

from __future__ import annotations

from pathlib import Path

from search import Engine


def test_an_ambiguous_form_alone_crosses_the_language_line_below_the_word(
    tmp_path: Path, backend: str
) -> None:
    articles = [
        {
            "id": "base",
            "title": "افتتاح القاعدة الجوية الجديدة",
            "body": "افتتح وزير الدفاع القاعدة الجوية في الشمال بحضور قادة الجيش.",
            "lang": "ar",
        },
        {
            "id": "qaeda-ar",
            "title": "غارة على مواقع تنظيم القاعدة",
            "body": "استهدفت غارة جوية مواقع لتنظيم القاعدة في اليمن، بحسب مصادر محلية.",
            "lang": "ar",
        },
        {
            "id": "qaeda-en",
            "title": "Strike hits al-Qaeda camp",
            "body": "A drone strike hit an al-Qaeda training camp in Yemen, officials said.",
            "lang": "en",
        },
        {"id": "other", "title": "Markets rally", "body": "Shares rose in Asia and Europe.", "lang": "en"},
    ]
    Engine.rebuild(tmp_path / "index", articles, procs=1, backend=backend)
    with Engine.open(tmp_path / "index") as engine:
        found = [hit.id for hit in engine.search("القاعدة")]
        assert set(found[:2]) == {"base", "qaeda-ar"} and found[2:] == ["qaeda-en"]
        # In context the word is only a word: no English article.
        assert "qaeda-en" not in [hit.id for hit in engine.search("القاعدة الجوية")]
