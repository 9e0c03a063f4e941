"""Read a web page copied as plain text (menus, footers and all) into one Document.

The article is the longest run of prose lines; short gaps inside it (a
"Related" box, an image caption) are dropped, while a long gap or page chrome
(share buttons, sign-up forms) ends it. Title, date
and source come from the lines around that run, by evidence in this order:
an explicit marker ("Reading: ..."), repetition (sites print the title two or
three times), closeness to the body. No date is guessed: a dateline without a
year stays text.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from search.analysis.language import detect_language
from search.analysis.tokenizer import arabic_share
from search.documents import Document, content_id
from search.errors import InvalidDocumentError
from search.ingest.boilerplate import LineKind, classify, ends_sentence, fold
from search.ingest.dates import DATE_PHRASE, DATELINE, find_date, parse_date, wire_dateline

# A gap of more than this many non-blank, non-prose lines ends the article.
MAX_GAP_LINES = 6
# Inside a "Related" box, prose shorter than this is another article's
# headline, unless it ends with a full stop (headlines seldom do).
RELATED_EXIT_WORDS = 15
_FULL_STOP = re.compile(r"[.۔][\"'”’»)]*$")
# Gaps made of these kinds may sit inside an article (a related box, a photo).
_BRIDGEABLE = {LineKind.SHORT, LineKind.RELATED, LineKind.LIST_ITEM, LineKind.CAPTION, LineKind.BLANK}
TITLE_MIN_WORDS = 3
TITLE_MAX_WORDS = 30
HEADER_DATE_LINES = 12  # how far above the article a date may sit

# Labels that introduce the publication date; "updated" dates are second choice.
_DATE_LABEL = re.compile(
    r"^\s*(published|posted|date|dated|on|تاريخ النشر|نشر في|نشر بتاريخ|نشر|التاريخ|بتاريخ)\s*[:：]?\s*",
    re.I,
)
_UPDATED_LABEL = re.compile(r"^\s*(updated|last updated|اخر تحديث|تم التحديث)\s*[:：]?", re.I)
_COPYRIGHT_NOISE = re.compile(
    r"©|\(c\)|copyright|all rights reserved\.?|جميع الحقوق محفوظ[ةه]\s*(ل(?=\S))?|\b(19|20)\d\d\b"
    r"|\b(fz[- ]?llc|llc|ltd\.?|inc\.?|plc|gmbh|s\.a\.)(?!\w)|(?<!\S)شرك[ةه]\s",
    re.I,
)
_EDGE_PUNCTUATION = " \t-–—|.,:;،"


@dataclass
class _Line:
    number: int
    text: str
    kind: LineKind


def parse_page_dump(text: str, origin: str = "", url: str = "") -> Document:
    """The article in a copied page; InvalidDocumentError if there is none."""
    lines = [_Line(number, raw.strip(), classify(raw)) for number, raw in enumerate(text.splitlines())]
    body_lines = _article_run(lines)
    if not body_lines:
        raise InvalidDocumentError("no article text found: the page is all menus, links and footers")
    first_body = body_lines[0].number
    header = [line for line in lines if line.number < first_body]
    title, title_line = _title(header, lines)
    body_lines = [line for line in body_lines if line.text != title]
    if not title and len(body_lines) > 1 and len(body_lines[0].text.split()) <= TITLE_MAX_WORDS:
        # A headline ending in a full stop reads as prose: promote it when
        # more prose follows ("Syria joins coalition led by the US to combat ISIL.").
        title, body_lines = body_lines[0].text, body_lines[1:]
    body = "\n\n".join(line.text for line in body_lines)
    lang = detect_language(f"{title}\n{body}")
    published, dateline = _published(header, body_lines[0].text, title_line, day_first=lang != "en")
    source = _source(lines, body_lines[0].text, title, lang)
    notes = [] if title else ["no title found on the page: used the first words of the body"]
    return Document(
        id=url or content_id(title, body),
        title=title or body_lines[0].text[:120],
        body=body,
        lang=lang,
        published=published,
        source=source,
        url=url,
        dateline=dateline,
        origin=origin,
        notes=notes,
    )


def _article_run(lines: list[_Line]) -> list[_Line]:
    """The prose lines of the run with the most words; short gaps are bridged."""
    runs: list[list[_Line]] = []
    current: list[_Line] = []
    gap = 0
    broken = in_related = False
    for line in lines:
        kind = line.kind
        if (
            kind is LineKind.PROSE
            and in_related
            and len(line.text.split()) < RELATED_EXIT_WORDS
            and not _FULL_STOP.search(line.text)
        ):
            kind = LineKind.SHORT  # "Analysis: Can Syria's new army hold the desert?"
        if kind is LineKind.PROSE:
            if current and (broken or gap > MAX_GAP_LINES):
                runs.append(current)
                current = []
            current.append(line)
            gap, broken, in_related = 0, False, False
        elif kind is not LineKind.BLANK:
            gap += 1
            broken = broken or kind not in _BRIDGEABLE
            in_related = in_related or kind is LineKind.RELATED
            if kind is LineKind.SHORT and current and not (in_related or broken) and ends_sentence(line.text):
                current.append(line)  # a short paragraph inside the article
                gap = 0
    if current:
        runs.append(current)
    if not runs:
        return []
    return max(runs, key=lambda run: sum(len(line.text.split()) for line in run))


def _title(header: list[_Line], lines: list[_Line]) -> tuple[str, _Line | None]:
    """(title, the header line it came from) by marker, repetition, then closeness."""
    for line in header:
        if line.kind is LineKind.TITLE_MARKER:
            return line.text.split(":", 1)[1].strip(), line
    candidates = [line for line in header if _title_candidate(line)]
    counts = Counter(line.text for line in lines if line.kind in (LineKind.SHORT, LineKind.PROSE))
    counts.update(_breadcrumb_leaf(line.text) for line in header if line.kind is LineKind.CHROME)
    repeated = [line for line in candidates if counts[line.text] >= 2]
    if repeated:
        return repeated[-1].text, repeated[-1]
    for line in reversed(header):
        remainder = _after_date(line.text)
        if remainder and _title_sized(remainder):
            return remainder, line  # "date 2025-12-14 Syria, US affirm ..."
        if line in candidates:
            return line.text, line
    return "", None


def _title_candidate(line: _Line) -> bool:
    """Headline-like: a short line of title length that is not a date line."""
    return (
        line.kind in (LineKind.SHORT, LineKind.PROSE)
        and _title_sized(line.text)
        and find_date(line.text) is None
    )


def _breadcrumb_leaf(text: str) -> str:
    """The last item of "Home > Syria > <title>": sites end breadcrumbs with the title."""
    return re.split(r"\s[>»/›]\s", text)[-1].strip() if re.search(r"\s[>»/›]\s", text) else ""


def _title_sized(text: str) -> bool:
    return TITLE_MIN_WORDS <= len(text.split()) <= TITLE_MAX_WORDS and not _DATE_LABEL.match(text)


def _after_date(text: str) -> str:
    """The headline after a leading label and date: " date 2025-12-14 Syria, US ..." -> "Syria, US ..."."""
    label = _DATE_LABEL.match(text)
    if not label:
        return ""
    rest = text[label.end() :]
    date = DATE_PHRASE.match(rest)
    if not date or parse_date(date.group()) is None:
        return ""
    return rest[date.end() :].strip(_EDGE_PUNCTUATION)


def _published(header: list[_Line], first_paragraph: str, title_line: _Line | None, day_first: bool):
    """(date, dateline text) from the lines just above the article, or its dateline."""
    nearby = header[-HEADER_DATE_LINES:]
    if title_line is not None and title_line not in nearby:
        nearby = [title_line, *nearby]
    labelled, updated, plain = [], [], []
    for line in nearby:
        if line.kind in (LineKind.TIME_AGO, LineKind.CHROME, LineKind.COPYRIGHT, LineKind.RELATED):
            continue
        found = find_date(line.text, day_first)
        if found is None:
            continue
        if _UPDATED_LABEL.match(fold(line.text)):
            updated.append(found[0])
        elif _DATE_LABEL.match(fold(line.text)):
            labelled.append(found[0])
        else:
            plain.append(found[0])
    dateline = wire_dateline(first_paragraph)
    for choice in (labelled, plain):
        if choice:
            return choice[0], ""
    found = find_date(dateline, day_first) if dateline else None
    if found:
        return found[0], ""
    if updated:
        return updated[0], ""
    return None, dateline


def _source(lines: list[_Line], first_paragraph: str, title: str, lang: str) -> str:
    """The outlet: the copyright holder (as the masthead spells it), else a masthead
    printed more than once, else the wire named in the dateline."""
    top = [line.text for line in lines[:15] if line.kind is LineKind.SHORT and line.text != title]
    holder = next(
        (name for line in reversed(lines) if line.kind is LineKind.COPYRIGHT
         for name in [_copyright_holder(line.text, lang)] if name),
        "",
    )  # fmt: skip
    if holder:
        # "Syrian Arab News Agency (SANA)" says more than "© Syrian Arab News Agency".
        fuller = [
            text for text in top if text.casefold().count(holder.casefold()) == 1 and len(text) > len(holder)
        ]
        return fuller[0] if fuller and len(fuller[0].split()) <= 8 else holder
    counts = Counter(line.text for line in lines if line.kind is LineKind.SHORT)
    mastheads = [text for text in top if counts[text] >= 2 and len(text.split()) <= 8]
    if mastheads:
        return mastheads[0]
    match = DATELINE.match(first_paragraph)
    return match.group("agency").strip() if match else ""


def _copyright_holder(text: str, lang: str) -> str:
    """ "© 2026 Orontes Review. All rights reserved." -> "Orontes Review"."""
    holder = _COPYRIGHT_NOISE.sub(" ", text)
    holder = re.sub(r"\s+", " ", holder).strip(_EDGE_PUNCTUATION)
    parts = [
        part.strip(_EDGE_PUNCTUATION)
        for part in re.split(r"\s[-–—|]\s", holder)
        if part.strip(_EDGE_PUNCTUATION)
    ]
    if len(parts) > 1:
        # "إرم ميديا - Erem Media": the name in the page's own script.
        arabic = [part for part in parts if arabic_share(part) > 0.5]
        latin = [part for part in parts if part not in arabic]
        parts = (arabic if lang == "ar" else latin) or parts
    return parts[0] if parts and len(parts[0].split()) <= 8 else ""
