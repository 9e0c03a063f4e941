"""Check a date that a library found in a web page against what the page actually writes.

htmldate (inside trafilatura) is good at knowing WHICH date on a page is the
publication date, but it also guesses: from the URL (/2025/12/20/), from a
copyright line ("© 2025" becomes 1 January), from today. So its answer is
only believed when the page states that day in full, year included, in its
markup or text; the phrase it writes is what we then parse (dates.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta

from lxml import html

from search.ingest.dates import DATE_PHRASE, englishify_months, parse_date

MAX_TEXT_CHARS = 200_000  # of visible text searched for a stated date: the top of any page
MAX_ATTRIBUTE_CHARS = 200
MAX_JSON_LD_CHARS = 100_000
# parse_date converts to UTC, which can move "2025-12-20T01:30+03:00" to the 19th.
TIME_ZONE_SLACK = timedelta(days=1)
# Addresses are blanked out first: "/2025/12/20/syria-joins" in a link is exactly the guess
# we do not want to confirm.
_URL = re.compile(r"[a-z][a-z0-9+.-]*://\S*|(?<![\w/])/[\w%.-]+/\S*", re.IGNORECASE)


class StatedDates:
    """The places a page can state a date: meta and time attributes, JSON-LD, visible text."""

    def __init__(self, texts: Iterable[str]) -> None:
        self.texts = [_URL.sub(" ", text) for text in texts if text and any(ch.isdigit() for ch in text)]

    @classmethod
    def from_tree(cls, root: html.HtmlElement) -> StatedDates:
        """Collect candidate texts from a parsed page (before scripts are removed: JSON-LD counts)."""
        texts: list[str] = []
        for name in ("content", "datetime", "title"):
            texts.extend(value[:MAX_ATTRIBUTE_CHARS] for value in root.xpath(f"//@{name}"))
        for script in root.xpath("//script[contains(translate(@type, 'LDJSON', 'ldjson'), 'ld+json')]"):
            texts.append((script.text or "")[:MAX_JSON_LD_CHARS])
        budget = MAX_TEXT_CHARS
        for element in root.iter():  # stops early: a 20 MB page costs no more than a small one
            visible = isinstance(element.tag, str) and element.tag not in ("script", "style")
            for text in (element.text if visible else None, element.tail):
                if text and budget > 0:
                    texts.append(text[:budget])
                    budget -= len(text)
            if budget <= 0:
                break
        return cls(texts)

    def phrase_for(self, day: date) -> str | None:
        """The first phrase on the page that states `day` with its year, or None if none does."""
        year = str(day.year)
        for text in self.texts:
            if year not in text:
                continue
            for match in DATE_PHRASE.finditer(englishify_months(text)):
                moment = parse_date(match.group())
                if moment is not None and abs(moment.date() - day) <= TIME_ZONE_SLACK:
                    return match.group()
        return None
