"""The Lucene-equivalent baseline: Lucene's own test cases for its normaliser and light10 stemmer."""

from __future__ import annotations

from pathlib import Path

import pytest
from whoosh import index

from search.evaluation.baselines import (
    lucene_arabic_english_analyzer,
    lucene_normalize,
    lucene_stem,
    plain_whoosh_analyzer,
)
from search.evaluation.systems import baseline_schema

# (word, stem, why): rows from Lucene's TestArabicStemFilter, and the
# differences from our stemmer that the baseline exists to show.
STEMS = [
    ("الحسن", "حسن", "prefix ال"),
    ("والحسن", "حسن", "prefix وال"),
    ("بالحسن", "حسن", "prefix بال"),
    ("كالحسن", "حسن", "prefix كال"),
    ("فالحسن", "حسن", "prefix فال"),
    ("للاخر", "اخر", "prefix لل"),
    ("وحسن", "حسن", "prefix و on 4 letters"),
    ("وحد", "وحد", "و needs 4 letters"),
    ("حسنها", "حسن", "suffix ها"),
    ("ساهدان", "ساهد", "suffix ان"),
    ("ساهدات", "ساهد", "suffix ات"),
    ("ساهدون", "ساهد", "suffix ون"),
    ("ساهدين", "ساهد", "suffix ين"),
    ("ساهديه", "ساهد", "suffix يه"),
    ("ساهده", "ساهد", "suffix ه"),
    ("ساهدي", "ساهد", "suffix ي"),
    ("وساهدون", "ساهد", "prefix and suffix"),
    ("ساهدهات", "ساهد", "every matching suffix in turn: ات then ه"),
    ("الو", "الو", "ال needs 2 letters after it"),
    ("وبالتحالف", "بالتحالف", "one prefix only: Lucene leaves بال after و"),
    ("لداعش", "لداعش", "bare ل is not a prefix in light10"),
    ("بسوريا", "بسوريا", "bare ب is not a prefix in light10"),
]


@pytest.mark.parametrize(("word", "stem", "why"), STEMS, ids=[row[0] for row in STEMS])
def test_lucene_light10(word: str, stem: str, why: str) -> None:
    assert lucene_stem(lucene_normalize(word)) == stem, why


NORMALIZED = [
    ("آمن", "امن"),
    ("أحمد", "احمد"),
    ("إسلام", "اسلام"),
    ("على", "علي"),
    ("سورية", "سوريه"),
    ("داعـــش", "داعش"),
    ("كَتَبَ", "كتب"),
    ("مسؤول", "مسؤول"),  # Lucene folds no hamza seat
    ("ٱلله", "ٱلله"),  # nor alef wasla
]


@pytest.mark.parametrize(("written", "normalized"), NORMALIZED)
def test_lucene_normalizer(written: str, normalized: str) -> None:
    assert lucene_normalize(written) == normalized


def test_analyzer_routes_by_script() -> None:
    analyzer = lucene_arabic_english_analyzer()
    terms = [token.text for token in analyzer("Syria's coalitions والمسلمون الدَّوْلَة في the")]
    # English: possessive, Porter, Lucene's stopwords; Arabic: harakat keep the
    # word whole, stopword في dropped.
    assert terms == ["syria", "coalit", "مسلم", "دول"]


def test_plain_whoosh_splits_words_at_harakat() -> None:
    assert [token.text for token in plain_whoosh_analyzer()("الدَّوْلَة")] != ["الدولة"]


def test_baseline_schemas_survive_pickling_into_an_index(tmp_path: Path) -> None:
    for number, analyzer in enumerate((lucene_arabic_english_analyzer(), plain_whoosh_analyzer())):
        folder = tmp_path / str(number)
        folder.mkdir()
        index.create_in(str(folder), baseline_schema(analyzer)).close()
        reopened = index.open_dir(str(folder))
        assert [t.text for t in reopened.schema["body"].analyzer("المسلمون")] == [
            t.text for t in analyzer("المسلمون")
        ]
        reopened.close()
