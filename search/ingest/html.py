"""Read a saved news web page (.html) into one Document: the article's text and its metadata.

trafilatura finds the article among menus, footers and "related" boxes and
reads the metadata (title, author, site name, canonical URL, date); our
rules decide what to believe: a date only if the page states it
(stated_dates.py), a link only if it is http(s) (records.py), the language
from the text itself. Scripts, styles and event handlers never reach the
Document: it holds text, not markup. A huge page is cut to a bounded amount
of text before extraction, with a note, so time and memory stay bounded.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

from lxml import etree, html
from trafilatura import bare_extraction
from trafilatura.utils import repair_faulty_html

from search.documents import Document
from search.errors import InvalidDocumentError
from search.ingest.boilerplate import LineKind, classify
from search.ingest.dates import find_date, wire_dateline
from search.ingest.decoding import decode_markup
from search.ingest.markup import drop_active_content, element_text, fragment_text
from search.ingest.outcomes import Notice, Rejection
from search.ingest.records import detected_language, document_from_record
from search.ingest.stated_dates import StatedDates

# Characters of page text handed to the extractor: six times a long news
# feature (50,000). trafilatura's time and memory grow with the page (measured
# here: 11 million characters of paragraphs took 34 s and 700 MB; 1 million, 3 s).
MAX_PAGE_TEXT = 300_000
# htmldate, inside trafilatura: markup only (its "extensive" text search turns
# "© 2025" into 1 January 2025), the original date rather than the last
# update, the URL only as a last resort (and then refused by StatedDates).
# max_date is far ahead so that a future date the page states reaches
# records.py, which keeps it as a dateline with a note instead of losing it.
DATE_OPTIONS = {
    "extensive_search": False,
    "original_date": True,
    "deferred_url_extractor": True,
    "max_date": "2099-12-31",
}
# trafilatura's XML output: the elements that make a paragraph, and its line break.
EXTRACTED_BLOCKS = frozenset(("p", "head", "item", "cell", "row", "quote", "code", "list", "table"))
EXTRACTED_BREAKS = frozenset(("lb",))
NO_ARTICLE = "no article text found: the page is all menus, links and footers"
# trafilatura's parser settings, plus huge_tree: without it libxml2 silently stops at
# a text node over 10 MB (an inline script holding a site's whole state), and the
# article after it is lost. The HTML parser expands no entities, so this opens no door.
_PARSER = html.HTMLParser(
    huge_tree=True,
    encoding="utf-8",
    collect_ids=False,
    default_doctype=False,
    remove_comments=True,
    remove_pis=True,
)
_EDGE_CHROME = {LineKind.CHROME, LineKind.COPYRIGHT, LineKind.BLANK}
_SITE_SEPARATORS = tuple("|-–—:•")


def read_html(path: Path) -> Iterator[Document | Rejection | Notice]:
    """The article in one saved page, and a notice if its bytes needed repair."""
    decoded = decode_markup(path.read_bytes(), str(path))
    if decoded.note:
        yield Notice(str(path), decoded.note)
    yield parse_html(decoded.text, origin=str(path))


def parse_html(page: str, origin: str = "") -> Document:
    """The article in an HTML page; InvalidDocumentError with the reason if there is none."""
    root = parse_page(page)
    if root is None:
        raise InvalidDocumentError("not an HTML page: no <html> structure to read (is it plain text?)")
    notes: list[str] = []
    lang_hint = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang") or ""
    stated = StatedDates.from_tree(root)
    drop_active_content(root, keep_json_ld=True)
    total = bound_text(root, MAX_PAGE_TEXT) if len(page) > MAX_PAGE_TEXT else 0  # text <= markup
    if total > MAX_PAGE_TEXT:
        notes.append(
            f"page has {total:,} characters of text; only the first {MAX_PAGE_TEXT:,} were read "
            "(a news article is far shorter: is this an archive or a comment thread?)"
        )
    extracted = bare_extraction(
        root,
        with_metadata=True,
        # Precision: on a short or unusual page the balanced mode falls back to
        # whole-page text, menus included; an article missing a line is better
        # than menus indexed as news (and an all-menu page is then refused).
        favor_precision=True,
        include_comments=False,
        include_images=False,
        include_links=False,
        date_extraction_params=dict(DATE_OPTIONS),
    )
    if extracted is None or extracted.body is None:
        raise InvalidDocumentError(NO_ARTICLE)
    paragraphs = _article_paragraphs(extracted.body)
    title, paragraphs = _headline_and_paragraphs(paragraphs, _as_text(extracted.title))
    if not any(classify(paragraph) is LineKind.PROSE for paragraph in paragraphs):
        raise InvalidDocumentError(NO_ARTICLE)
    body = "\n\n".join(paragraphs)
    published, dateline = _published(extracted.date, stated, paragraphs[0], notes)
    record = {
        "title": title,
        "body": body,
        "lang": detected_language(f"{title}\n{body}", declared=lang_hint),
        "published": published,
        "dateline": dateline,
        "source": _as_text(extracted.sitename),
        "url": extracted.url or "",
        "author": _as_text(extracted.author),
        "notes": notes,
    }
    return document_from_record(record, origin)


def parse_page(page: str) -> html.HtmlElement | None:
    """The page's tree, or None when the text is not HTML (trafilatura's test: no "html" near
    the top and a single block, as plain text saved under an .html name is)."""
    beginning = page[:50].lower()
    data = repair_faulty_html(page, beginning).encode("utf-8", errors="replace")
    try:
        root = html.document_fromstring(data, parser=_PARSER)
    except etree.ParserError:
        return None  # nothing but whitespace and comments
    return None if "html" not in beginning and len(root) < 2 else root


def _as_text(metadata: str | None) -> str:
    """A metadata value as text: sites leave markup in og:title and JSON-LD ("<em>", "&lt;b&gt;"),
    and a value built to inject ("<script>...") must not be stored as if it were a name."""
    return fragment_text(metadata) if metadata else ""


def _article_paragraphs(extracted: etree._Element) -> list[str]:
    """Paragraphs from trafilatura's XML (not its text rendering, which draws tables with "|"),
    without menu or copyright lines at the edges (old table layouts put the menu in the article's table)."""
    paragraphs = element_text(extracted, blocks=EXTRACTED_BLOCKS, line_breaks=EXTRACTED_BREAKS).split("\n\n")
    while paragraphs and classify(paragraphs[0]) in _EDGE_CHROME:
        paragraphs.pop(0)
    while paragraphs and classify(paragraphs[-1]) in _EDGE_CHROME:
        paragraphs.pop()
    return [paragraph for paragraph in paragraphs if paragraph]


def bound_text(root: html.HtmlElement, limit: int) -> int:
    """Cut the page after `limit` characters of text, in document order; return its full length.

    One pass over the tree; everything after the cut is removed, so later
    stages see a page of bounded size whatever the file's.
    """
    seen = 0
    cut: tuple[html.HtmlElement, str, int] | None = None
    for event, element in etree.iterwalk(root, events=("start", "end")):
        part = "text" if event == "start" else "tail"
        if part == "text" and not isinstance(element.tag, str):
            continue  # a comment's "text" is not page text
        value = getattr(element, part) or ""
        if cut is None and seen + len(value) > limit:
            cut = (element, part, limit - seen)
        seen += len(value)
    if cut is not None:
        element, part, keep = cut
        setattr(element, part, getattr(element, part)[:keep])
        if part == "text":
            element.tail = None
            for child in list(element):
                element.remove(child)
        _remove_following(element)
    return seen


def _remove_following(element: html.HtmlElement) -> None:
    """Remove what follows `element` in document order: its later siblings, and its ancestors'."""
    node = element
    while (parent := node.getparent()) is not None:
        for sibling in list(node.itersiblings()):
            parent.remove(sibling)
        node = parent


def _headline_and_paragraphs(paragraphs: list[str], title: str) -> tuple[str, list[str]]:
    """The title, and the paragraphs without the headline repeated at their top.

    When the <h1> is the page title minus the site's name ("Syria joins..."
    under "Syria joins... | Levant Wire"), the <h1> is the better title.
    """
    paragraphs = list(paragraphs)
    while paragraphs and title and _is_headline(paragraphs[0], title):
        title = paragraphs.pop(0)
    return title, paragraphs


def _is_headline(paragraph: str, title: str) -> bool:
    return paragraph == title or (
        title.startswith(paragraph) and title[len(paragraph) :].lstrip()[:1] in _SITE_SEPARATORS
    )


def _published(
    found: str | None, stated: StatedDates, first_paragraph: str, notes: list[str]
) -> tuple[str | None, str]:
    """(date phrase as the page writes it, dateline): htmldate's date if the page states it,
    else a wire dateline (parsed if it has a year, kept as text if not)."""
    if found:
        phrase = stated.phrase_for(date.fromisoformat(found))
        if phrase:
            return phrase, ""
        notes.append(f"date {found} (found by htmldate) is not written in the page: not used")
    dateline = wire_dateline(first_paragraph)
    if dateline:
        dated = find_date(dateline)
        if dated:
            return dated[1], ""
    return None, dateline
