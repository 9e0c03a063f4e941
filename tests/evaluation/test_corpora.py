"""The corpus field mapping, and finding the shared data folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from search.evaluation.corpora import (
    BBC_EN,
    MissingDataError,
    convert_ant,
    convert_bbc_en,
    news_records,
    read_records,
    shared_data,
)
from tests.conftest import DATA, need


@pytest.mark.parametrize(
    ("abstract", "text", "body"),
    [
        ("ملخص الخبر", "نص الخبر كاملا", "ملخص الخبر\n\nنص الخبر كاملا"),
        ("نص الخبر", "نص الخبر كاملا", "نص الخبر كاملا"),  # the text already holds it
        ("", "نص", "نص"),
    ],
)
def test_ant_abstract_leads_the_body_when_the_text_lacks_it(abstract: str, text: str, body: str) -> None:
    record = {"docno": "BB-1", "src": "BBC", "title": "عنوان", "time": "Sun, 18 Feb 2018 17:21:49 GMT"}
    mapped = convert_ant({**record, "abstract": abstract, "text": text, "author": None, "cat": "x"})
    assert mapped == {
        "id": "BB-1",
        "title": "عنوان",
        "body": body,
        "lang": "ar",
        "published": "Sun, 18 Feb 2018 17:21:49 GMT",
        "source": "BBC",
        "url": "",
    }


def test_bbc_english_mapping() -> None:
    mapped = convert_bbc_en(
        {"id": "business/001", "category": "business", "title": "Ad sales", "text": " Profits. "}
    )
    assert mapped == {
        "id": "bbc-en/business/001",
        "title": "Ad sales",
        "body": "Profits.",
        "lang": "en",
        "source": "BBC",
    }


def test_missing_data_folder_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(MissingDataError, match=r"not there; pass --data DIR or set NEWS_SEARCH_SHARED"):
        shared_data(tmp_path / "nowhere")


def test_environment_variable_names_the_shared_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "data").mkdir()
    monkeypatch.setenv("NEWS_SEARCH_SHARED", str(tmp_path))
    assert shared_data() == tmp_path / "data"


def test_the_four_news_corpora() -> None:
    records = news_records(need(DATA))
    assert len(records) == 10_161 + 3_815 + 3_507 + 2_225
    assert len({record["id"] for record in records}) == len(records)
    assert {record["lang"] for record in records} == {"ar", "en"}


def test_categories_are_kept_only_when_asked(tmp_path: Path) -> None:
    ant = tmp_path / "ant.jsonl"
    ant.write_text(
        json.dumps({"docno": "A-1", "cat": "sport", "title": "t", "text": "نص"}, ensure_ascii=False)
        + "\n"
        + json.dumps({"docno": "A-2", "title": "t", "text": "نص"}, ensure_ascii=False)
        + "\n",
        "utf-8",
    )
    bbc = tmp_path / Path(BBC_EN).name
    bbc.write_text(
        json.dumps({"id": "tech/001", "category": "tech", "title": "t", "text": "x"}) + "\n", "utf-8"
    )
    assert [r["category"] for r in read_records(ant, keep_category=True)] == ["sport", ""]
    assert [r["category"] for r in read_records(bbc, keep_category=True)] == ["tech"]
    assert all("category" not in r for path in (ant, bbc) for r in read_records(path))
