"""A date found by a library counts only if the page writes that day, year included."""

from __future__ import annotations

from datetime import date

import pytest
from lxml import html

from search.ingest.stated_dates import StatedDates

HEAD = '<html><head>{head}</head><body><p>{body}</p><a href="/2025/12/20/syria">link</a></body></html>'


@pytest.mark.parametrize(
    ("head", "body", "day", "phrase"),
    [
        ('<meta property="article:published_time" content="2025-12-20T09:30:00+02:00">', "",
         date(2025, 12, 20), "2025-12-20T09:30:00+02:00"),
        ('<script type="application/ld+json">{"datePublished": "2025-12-20"}</script>', "",
         date(2025, 12, 20), "2025-12-20"),
        ("", '<time datetime="2025-12-20">Saturday</time>', date(2025, 12, 20), "2025-12-20"),
        ("", "نشر بتاريخ 20 كانون الأول 2025", date(2025, 12, 20), "20 December 2025"),
        ("", "Published December 20, 2025", date(2025, 12, 20), "December 20, 2025"),
        # UTC conversion may move a late-evening time to the next day: one day of slack
        ('<meta name="date" content="2025-12-20T23:30:00-05:00">', "", date(2025, 12, 20),
         "2025-12-20T23:30:00-05:00"),
        # guesses that must not be confirmed
        ("", "Damascus, Dec.20 (SANA)", date(2025, 12, 20), None),  # no year written
        ("", "© 2025 Levant Wire", date(2025, 1, 1), None),  # a year alone is not a day
        ('<link rel="canonical" href="https://x.example/2025/12/20/a">', "", date(2025, 12, 20), None),  # URL
        ('<meta property="og:url" content="https://x.example/2025-12-20/a">', "", date(2025, 12, 20), None),
        ("", "20 December 2025", date(2025, 12, 23), None),  # another day
    ],
)  # fmt: skip
def test_phrase_for(head: str, body: str, day: date, phrase: str | None) -> None:
    stated = StatedDates.from_tree(html.document_fromstring(HEAD.format(head=head, body=body or "text")))
    assert stated.phrase_for(day) == phrase


def test_script_text_is_not_evidence() -> None:
    page = "<html><body><script>var published = '20 December 2025';</script><p>text</p></body></html>"
    assert StatedDates.from_tree(html.document_fromstring(page)).phrase_for(date(2025, 12, 20)) is None
