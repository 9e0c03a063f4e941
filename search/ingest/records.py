"""Validate outside records (JSON objects, API dicts) into Documents, with reasons.

The one place where a mapping becomes a Document, so the JSONL reader and
`Engine.add_documents` reject bad input with the same words.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from search.analysis.language import UNKNOWN, detect_language
from search.characters import FORBIDDEN
from search.documents import Document, content_id
from search.errors import InvalidDocumentError
from search.ingest.dates import is_future, parse_date

FIELDS = ("id", "title", "body", "lang", "published", "source", "url", "author")
MAX_ID_LENGTH = 256
MAX_TITLE_LENGTH = 1_000
MAX_AUTHOR_LENGTH = 200
# Links are shown to readers: anything but a web address (javascript:, data:,
# file:) could run or leak something when clicked, so it is not kept.
WEB_URL = re.compile(r"^https?://[^\s/?#]+", re.IGNORECASE)
DERIVED_TITLE_LENGTH = 120
_LANG_CODE = re.compile(r"^[a-z]{2,3}$")
_WHITESPACE = re.compile(r"\s+")


def document_from_record(record: Mapping[str, Any] | Document, origin: str = "") -> Document:
    """Validate a mapping (or re-check a Document); raise InvalidDocumentError with the reason."""
    if isinstance(record, Document):
        record = {
            **{name: getattr(record, name) for name in (*FIELDS, "dateline", "notes", "title_from_body")},
            "origin": record.origin or origin,
        }
    if not isinstance(record, Mapping):
        raise InvalidDocumentError(
            f"expected an object with fields {', '.join(FIELDS)}, got {type(record).__name__}"
        )
    notes: list[str] = list(record.get("notes") or [])
    record = _without_forbidden(record, notes)
    body = _text(record, "body").strip()
    if not body:
        raise InvalidDocumentError("empty body: an article needs text to be searchable")
    title = _WHITESPACE.sub(" ", _text(record, "title")).strip()
    title_from_body = bool(record.get("title_from_body")) or not title
    if not title:
        title = derive_title(body)
        notes.append("no title: used the first words of the body")
    if len(title) > MAX_TITLE_LENGTH:
        raise InvalidDocumentError(
            f"title longer than {MAX_TITLE_LENGTH} characters: is the body in the title field?"
        )
    published, dateline = _published(record.get("published"), _text(record, "dateline"), notes)
    url = web_url(_text(record, "url"), notes)
    doc_id = _text(record, "id").strip() or canonical_url(url) or content_id(title, body)
    if len(doc_id) > MAX_ID_LENGTH:
        raise InvalidDocumentError(f"id longer than {MAX_ID_LENGTH} characters")
    lang = _text(record, "lang").strip().lower()
    if lang and not _LANG_CODE.match(lang):
        notes.append(f"lang {lang!r} is not an ISO 639 code: detected instead")
        lang = ""
    return Document(
        id=doc_id,
        title=title,
        body=body,
        lang=lang or detect_language(f"{title}\n{body}"),
        published=published,
        source=_WHITESPACE.sub(" ", _text(record, "source")).strip(),
        url=url,
        dateline=dateline,
        origin=str(record.get("origin") or origin),
        notes=notes,
        title_from_body=title_from_body,
        author=_author(_text(record, "author"), notes),
    )


def detected_language(text: str, declared: str = "") -> str:
    """The language of `text`, detected; what the source declares (<html lang="ar-SY">,
    a feed's <language>) only decides when the text is too short to judge.

    Declarations are often wrong (templates say lang="en" on Arabic pages),
    so they never override the text itself.
    """
    lang = detect_language(text)
    if lang == UNKNOWN:
        primary = re.split(r"[-_]", declared.strip().lower(), maxsplit=1)[0]
        if _LANG_CODE.match(primary):
            return primary
    return lang


def web_url(value: str, notes: list[str]) -> str:
    """`value` if it is an http(s) address, else "" with a note saying why it was dropped."""
    url = value.strip()
    if url and not WEB_URL.match(url):
        notes.append(f"url {url[:80]!r} is not an http(s) address: dropped")
        return ""
    return url


def _author(value: str, notes: list[str]) -> str:
    author = _WHITESPACE.sub(" ", value).strip()
    if len(author) > MAX_AUTHOR_LENGTH:
        notes.append(f"author longer than {MAX_AUTHOR_LENGTH} characters: dropped")
        return ""
    return author


def _without_forbidden(record: Mapping[str, Any], notes: list[str]) -> Mapping[str, Any]:
    """The record with the characters XML 1.0 forbids dropped from its text
    fields (search/characters.py), each drop noted for the run report."""
    cleaned = dict(record)
    for name in (*FIELDS, "dateline"):
        value = record.get(name)
        if isinstance(value, str) and FORBIDDEN.search(value):
            cleaned[name], count = FORBIDDEN.subn("", value)
            notes.append(f"{name}: removed {count} control character(s) that text may not hold")
    return cleaned


def _text(record: Mapping[str, Any], name: str) -> str:
    value = record.get(name)
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, int) and name == "id":
        return str(value)
    raise InvalidDocumentError(f"field {name!r} must be a string, got {type(value).__name__}")


def _published(value: Any, dateline: str, notes: list[str]) -> tuple[datetime | None, str]:
    """The publication date if it is a full date in the past; else keep its text."""
    if value in (None, ""):
        return None, dateline
    if isinstance(value, datetime):
        moment = value if value.tzinfo is None else parse_date(value.isoformat())
    elif isinstance(value, date):
        moment = datetime(value.year, value.month, value.day)
    elif isinstance(value, str):
        moment = parse_date(value)
    else:
        raise InvalidDocumentError(f"field 'published' must be a date string, got {type(value).__name__}")
    if moment is None:
        notes.append(f"published {value!r} is not a full date (day, month, year): kept as dateline")
        return None, dateline or str(value)
    if is_future(moment):
        notes.append(f"published {moment:%Y-%m-%d} is in the future: kept as dateline, not used for sorting")
        return None, dateline or str(value)
    return moment, dateline


# Query parameters that only say where a reader came from, not which article.
_TRACKING_PARAMETERS = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid|ref|ref_src|src)$", re.I)


def canonical_url(url: str) -> str:
    """A URL as an article id: the same story crawled as http or https, with or
    without tracking parameters, a fragment or a trailing slash, gets one id."""
    if not url:
        return ""
    parts = urlsplit(url)
    if not parts.scheme or not parts.netloc:
        return url
    query = [(key, value) for key, value in parse_qsl(parts.query, keep_blank_values=True)
             if not _TRACKING_PARAMETERS.match(key)]  # fmt: skip
    host = parts.netloc.lower().removeprefix("www.")
    path = parts.path.rstrip("/") or "/"
    return urlunsplit(("https", host, path, urlencode(query), ""))


def derive_title(body: str) -> str:
    """The body's first line, cut at a word boundary: a title for untitled items."""
    first = _WHITESPACE.sub(" ", body.strip().split("\n", 1)[0])
    if len(first) <= DERIVED_TITLE_LENGTH:
        return first
    cut = first[:DERIVED_TITLE_LENGTH].rsplit(" ", 1)[0]
    return f"{cut}…"
