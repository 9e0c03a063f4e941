"""Running systems over a small real collection, and the report it becomes."""

from __future__ import annotations

from pathlib import Path

import pytest

from search.evaluation.collections import Collection, Query, Slice
from search.evaluation.report import arabic_target, markdown, rewrite_between_markers, table
from search.evaluation.runner import fitted, run_collection
from search.evaluation.systems import standard_systems

DOCUMENTS = [
    {
        "id": "ar-syria",
        "title": "",
        "body": "قصف جوي على مواقع بسوريا أمس، وقالت المصادر إن الطائرات عادت.",
        "lang": "ar",
    },
    {"id": "ar-iraq", "title": "", "body": "انتخابات في العراق الشهر المقبل بحسب اللجنة.", "lang": "ar"},
    {"id": "en-syria", "title": "", "body": "Air strikes hit positions in Syria yesterday.", "lang": "en"},
    {"id": "en-iraq", "title": "", "body": "Iraq's elections are due next month.", "lang": "en"},
]
COLLECTION = Collection(
    "tiny",
    DOCUMENTS,
    [Query("q-ar", "سوريا", "ar"), Query("q-en", "elections in Iraq", "en")],
    [Slice("all", {"q-ar": {"ar-syria": 1}, "q-en": {"en-iraq": 1}})],
)


def test_every_system_on_the_same_documents(tmp_path: Path) -> None:
    report = run_collection(COLLECTION, standard_systems(), tmp_path, say=lambda line: None)
    mrr = {row.system: row.scores.per_query for row in report.rows}
    # Only news-search strips the bare preposition of بسوريا; light10 and plain
    # Whoosh keep it as another word.
    assert mrr["news-search"]["q-ar"]["MRR@10"] == 1.0
    assert mrr["lucene-ar+porter"]["q-ar"]["MRR@10"] == 0.0
    assert mrr["whoosh-standard"]["q-ar"]["MRR@10"] == 0.0
    assert all(values["q-en"]["MRR@10"] == 1.0 for values in mrr.values())
    text = table(report.rows)
    assert "| tiny | 2 | news-search | 1.000 |" in text and "| tiny | 2 | lucene-ar+porter | 0.500 |" in text


@pytest.mark.parametrize(
    ("text", "expected", "cut"),
    [("short question", "short question", False), ("word " * 120, ("word " * 100).strip(), True)],
)
def test_long_queries_are_cut_at_a_word(text: str, expected: str, cut: bool) -> None:
    assert fitted(text) == (expected, cut)


@pytest.mark.parametrize(("baseline", "target"), [(0.90, 0.95), (0.40, 0.44), (0.774, 0.8514)])
def test_arabic_target_is_the_smaller_step(baseline: float, target: float) -> None:
    assert arabic_target(baseline) == pytest.approx(target)


def test_results_replace_only_the_marked_part(tmp_path: Path) -> None:
    doc = tmp_path / "evaluation.md"
    doc.write_text("# Prose\n\n<!-- results:start -->\nold\n<!-- results:end -->\n\nMore prose.\n", "utf-8")
    report = run_collection(COLLECTION, standard_systems()[:1], tmp_path, say=lambda line: None)
    rewrite_between_markers(doc, markdown(report))
    text = doc.read_text("utf-8")
    assert text.startswith("# Prose") and text.endswith("More prose.\n") and "old" not in text
    assert "| tiny | 2 | news-search |" in text
    (tmp_path / "bare.md").write_text("no markers", "utf-8")
    with pytest.raises(ValueError, match="markers"):
        rewrite_between_markers(tmp_path / "bare.md", "x")
