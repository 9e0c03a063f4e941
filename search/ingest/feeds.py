"""Read RSS (0.9x, 1.0, 2.0) and Atom files: each entry becomes a Document.

feedparser parses the feed and removes scripts and event handlers from the
entries' HTML; markup.py turns what is left into text. The entry's link is
its url and id, the feed's title its source; a date is used only when the
entry states its year (records.py). A file that is not a feed, or is too
broken to have any entry, is rejected with the reason; a bad entry is
rejected alone, with the file and its entry number, and the others indexed.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any
from xml.sax import SAXParseException

import feedparser
from lxml import etree

from search.documents import Document
from search.errors import InvalidDocumentError
from search.ingest.decoding import decode_markup
from search.ingest.markup import fragment_text
from search.ingest.outcomes import Notice, Rejection
from search.ingest.records import WEB_URL, detected_language, document_from_record

# Root elements of the formats feedparser reads, by local name.
FEED_ROOTS = {"rss": "RSS 2.0", "feed": "Atom", "RDF": "RSS 1.0"}
# feedparser is told the text is UTF-8 (we decoded it), so the declaration in
# the file, which may name the legacy charset it was decoded from, is not reapplied.
_AS_UTF8 = {"content-type": "application/xml; charset=utf-8"}
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_STRICT_XML = etree.XMLParser(resolve_entities=False, no_network=True)


def read_feed(path: Path) -> Iterator[Document | Rejection | Notice]:
    """One Document per entry of an .rss or .atom file."""
    decoded = decode_markup(path.read_bytes(), str(path))
    if decoded.note:
        yield Notice(str(path), decoded.note)
    yield from parse_feed(decoded.text, origin=str(path))


def read_xml(path: Path) -> Iterator[Document | Rejection | Notice]:
    """An .xml file is read as a feed when its root element says it is one, else rejected."""
    data = path.read_bytes()
    decoded = decode_markup(data, str(path))  # empty and binary files are refused here, by name
    root = root_element(data)
    if root not in FEED_ROOTS:
        raise InvalidDocumentError(
            f"XML with root element <{root}> is not a feed (readable: <rss>, <feed> (Atom), <rdf:RDF>)"
        )
    if decoded.note:
        yield Notice(str(path), decoded.note)
    yield from parse_feed(decoded.text, origin=str(path))


def root_element(data: bytes) -> str:
    """The local name of the root element; reads only up to it. InvalidDocumentError if there is none."""
    events = etree.iterparse(
        io.BytesIO(data), events=("start",), resolve_entities=False, no_network=True, recover=False
    )
    try:
        _, element = next(events)
    except (etree.XMLSyntaxError, StopIteration) as error:
        where = f" (line {error.lineno})" if getattr(error, "lineno", None) else ""
        raise InvalidDocumentError(f"not well-formed XML{where}: {error or 'no element'}") from None
    return etree.QName(element).localname


def parse_feed(text: str, origin: str = "") -> Iterator[Document | Rejection | Notice]:
    """Documents (and Rejections) for the entries of a feed; InvalidDocumentError if it has none."""
    # A BytesIO, never the string itself: feedparser opens strings that look
    # like a URL or a file name.
    parsed = feedparser.parse(io.BytesIO(text.encode("utf-8")), response_headers=_AS_UTF8, sanitize_html=True)
    if not parsed.entries:
        if parsed.bozo:
            raise InvalidDocumentError(f"not a readable feed: {_problem(parsed.bozo_exception, text)}")
        if not parsed.get("version"):
            raise InvalidDocumentError(
                "not a feed: no RSS or Atom elements in it (a web page saved as a feed?)"
            )
        raise InvalidDocumentError("a feed with no entries: nothing to index")
    if parsed.bozo:
        yield Notice(
            origin,
            f"feed is not well-formed ({_problem(parsed.bozo_exception, text)}); "
            f"read leniently: {len(parsed.entries)} entries",
        )
    feed = parsed.feed
    source = _text(feed, "title")
    for number, entry in enumerate(parsed.entries, start=1):
        entry_origin = f"{origin}:entry {number}"
        try:
            yield document_from_record(_record(entry, source, feed.get("language") or ""), entry_origin)
        except InvalidDocumentError as error:
            yield Rejection(entry_origin, str(error), _link(entry) or dict.get(entry, "id") or "")


def _record(entry: Mapping[str, Any], source: str, feed_language: str) -> dict[str, Any]:
    title = _text(entry, "title")
    body = _body(entry)
    link = _link(entry)
    # dict.get: feedparser's own get() maps a missing "updated" to "published" with a warning.
    published = dict.get(entry, "published") or dict.get(entry, "created") or dict.get(entry, "updated")
    declared = (dict.get(entry, "content") or [{}])[0].get("language") or feed_language
    author = (dict.get(entry, "author_detail") or {}).get("name") or dict.get(entry, "author") or ""
    return {
        "id": link or dict.get(entry, "id") or "",
        "title": title,
        "body": body,
        "lang": detected_language(f"{title}\n{body}", declared=declared or ""),
        "published": published or None,
        "source": source,
        # A link feedparser copied from a non-URL guid ("urn:...") is no link; any other is
        # passed on, so that records.py names a javascript: link it drops.
        "url": link or ("" if dict.get(entry, "guidislink") else dict.get(entry, "link") or ""),
        "author": author,
    }


def _link(entry: Mapping[str, Any]) -> str:
    link = (dict.get(entry, "link") or "").strip()
    return link if WEB_URL.match(link) else ""


def _body(entry: Mapping[str, Any]) -> str:
    """The entry's full content if it has one, else its summary, as text."""
    for detail in [*(dict.get(entry, "content") or []), dict.get(entry, "summary_detail") or {}]:
        text = _as_text(detail.get("value") or "", detail.get("type") or "")
        if text:
            return text
    return ""


def _text(item: Mapping[str, Any], name: str) -> str:
    detail = dict.get(item, f"{name}_detail") or {}
    return _as_text(dict.get(item, name) or "", detail.get("type") or "")


def _as_text(value: str, content_type: str) -> str:
    """HTML through lxml; plain text as it is ("3 < 4" stays), paragraphs kept."""
    if "html" in content_type:
        return fragment_text(value)
    paragraphs = (" ".join(part.split()) for part in _PARAGRAPH_BREAK.split(value))
    return "\n\n".join(part for part in paragraphs if part)


def _problem(error: BaseException, text: str) -> str:
    """feedparser's complaint, in words: "broken XML at line 3: no element found".

    The line comes from lxml on the text as given: feedparser counts lines in
    its re-encoded copy, which may have gained a declaration line.
    """
    if not isinstance(error, SAXParseException):
        return str(error) or type(error).__name__
    try:
        etree.fromstring(text.encode("utf-8"), parser=_STRICT_XML)
    except etree.XMLSyntaxError as syntax_error:
        return f"broken XML at line {syntax_error.lineno}: {error.getMessage()}"
    return f"broken XML: {error.getMessage()}"
