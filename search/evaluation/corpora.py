"""Read the real news corpora of ../shared/data as project records (id, title, body, ...).

The ANT corpus (docno, url, src, cat, title, time, author, abstract, text) and
the BBC English set (id, category, title, text) name their fields their own
way; this is the one place that maps them, for the evaluation, the
benchmarks and scripts/antcorpus_to_jsonl.py alike.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from search.errors import SearchError

ANT_CORPORA = (
    "antcorpus/antcorpus-v1.1.jsonl",
    "antcorpus-multisource/ant-v2.1-bbc-arabic.jsonl",
    "antcorpus-multisource/ant-v2.1-cnn-arabic.jsonl",
)
BBC_EN = "bbc-en/bbc-fulltext-2225.jsonl"
NEWS_CORPORA = (*ANT_CORPORA, BBC_EN)


class MissingDataError(SearchError):
    """The shared data folder, or a file in it, is not where it was looked for."""


def shared_data(root: str | os.PathLike[str] | None = None) -> Path:
    """The shared data folder: `root` if given, else $NEWS_SEARCH_SHARED/data, else ../shared/data.

    ../shared is next to the project folder (the repository root), as for
    the tests (tests/conftest.py honours the same variable).
    """
    if root is not None:
        path = Path(root)
    elif os.environ.get("NEWS_SEARCH_SHARED"):
        path = Path(os.environ["NEWS_SEARCH_SHARED"]) / "data"
    else:
        path = Path(__file__).resolve().parents[2].parent / "shared" / "data"
    if not path.is_dir():
        raise MissingDataError(
            f"{path}: the shared data folder is not there; pass --data DIR or set NEWS_SEARCH_SHARED "
            "to the folder that holds data/ (see ../shared/data/README.md)"
        )
    return path


def data_file(data: Path, name: str) -> Path:
    """A file of the shared data folder, or MissingDataError naming it."""
    path = data / name
    if not path.is_file():
        raise MissingDataError(f"{path}: not found; is {data} the shared data folder?")
    return path


def convert_ant(record: dict[str, Any]) -> dict[str, str]:
    """One ANT record as a project record; the abstract leads the body when the text lacks it."""
    text = (record.get("text") or "").strip()
    abstract = (record.get("abstract") or "").strip()
    body = f"{abstract}\n\n{text}" if abstract and abstract not in text else text
    return {
        "id": record["docno"],
        "title": record.get("title") or "",
        "body": body,
        "lang": "ar",
        "published": record.get("time") or "",
        "source": record.get("src") or "",
        "url": record.get("url") or "",
    }


def convert_bbc_en(record: dict[str, Any]) -> dict[str, str]:
    """One BBC English record (2004-05, undated) as a project record."""
    return {
        "id": f"bbc-en/{record['id']}",
        "title": record.get("title") or "",
        "body": (record.get("text") or "").strip(),
        "lang": "en",
        "source": "BBC",
    }


def read_records(path: Path, keep_category: bool = False) -> Iterator[dict[str, str]]:
    """The records of one corpus file, mapped by its shape (ANT or BBC English).

    `keep_category` adds the corpus's own category ("category": ANT's cat,
    such as sport or localNews, or bbc-en's category, such as tech; "" when
    missing). It is not a project field, so it is off unless asked for.
    """
    bbc = path.name == Path(BBC_EN).name
    convert = convert_bbc_en if bbc else convert_ant
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                raw = json.loads(line)
                record = convert(raw)
                if keep_category:
                    record["category"] = raw.get("category" if bbc else "cat") or ""
                yield record


def news_records(
    data: Path, names: tuple[str, ...] = NEWS_CORPORA, keep_category: bool = False
) -> list[dict[str, str]]:
    """All records of the named corpora, in file order (about 19,700 for the four)."""
    return [record for name in names for record in read_records(data_file(data, name), keep_category)]
