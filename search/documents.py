"""The Document record: one news article as every reader yields it and the index stores it.

Plain data, no parsing: validating outside input is search/ingest/records.py.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime

_WHITESPACE = re.compile(r"\s+")


@dataclass
class Document:
    """One news article.

    `published` is None when the page gives no full date; `dateline` then
    keeps the date text the page does give ("Damascus, Dec.20"), so nothing
    is invented and nothing is lost. `origin` says where it came from (file,
    line) for reports; `notes` are warnings for the run report.
    `title_from_body` marks a title cut from the body's first words for
    display: its words are already in the body, so it is not indexed again.
    `author` is the byline as the source gives it (HTML pages and feeds name
    one).
    """

    id: str
    title: str
    body: str
    lang: str = ""
    published: datetime | None = None
    source: str = ""
    url: str = ""
    dateline: str = ""
    origin: str = ""
    notes: list[str] = field(default_factory=list)
    title_from_body: bool = False
    author: str = ""


def content_id(title: str, body: str) -> str:
    """A stable id from the text itself, for articles without id or URL.

    Whitespace is collapsed first, so the same article re-crawled with other
    line breaks keeps its id.
    """
    canonical = _WHITESPACE.sub(" ", f"{title}\n{body}").strip()
    return "sha1-" + hashlib.sha1(canonical.encode("utf-8")).hexdigest()[:20]
