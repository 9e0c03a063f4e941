"""Validation of outside records: one set of reasons for every entry point."""

from __future__ import annotations

from datetime import datetime

import pytest

from search.errors import InvalidDocumentError
from search.ingest.records import detected_language, document_from_record


def test_minimal_record_gets_id_language_and_title() -> None:
    doc = document_from_record({"body": "سوريا تنضم إلى التحالف الدولي ضد داعش"})
    assert doc.id.startswith("sha1-") and doc.lang == "ar"
    assert doc.title == "سوريا تنضم إلى التحالف الدولي ضد داعش"
    assert any("no title" in note for note in doc.notes)


def test_content_id_is_stable_across_whitespace() -> None:
    first = document_from_record({"title": "T", "body": "Syria joins\nthe coalition."})
    second = document_from_record({"title": "T ", "body": "Syria joins the   coalition."})
    assert first.id == second.id


def test_url_is_the_id_when_there_is_no_id() -> None:
    doc = document_from_record({"title": "t", "body": "b b b", "url": "https://example.org/a"})
    assert doc.id == "https://example.org/a"


@pytest.mark.parametrize(
    ("record", "reason"),
    [
        ({"title": "t", "body": ""}, "empty body"),
        ({"title": "t", "body": 42}, "'body' must be a string"),
        ({"title": "x" * 2000, "body": "b"}, "title longer"),
        ({"id": "x" * 300, "title": "t", "body": "b"}, "id longer"),
        ("just text", "expected an object"),
    ],
)
def test_rejections(record: object, reason: str) -> None:
    with pytest.raises(InvalidDocumentError, match=reason):
        document_from_record(record)  # type: ignore[arg-type]


def test_dates() -> None:
    assert document_from_record({"title": "t", "body": "b", "published": "2026-02-09"}).published == datetime(
        2026, 2, 9
    )
    future = document_from_record({"title": "t", "body": "b", "published": "2099-01-01"})
    assert future.published is None and future.dateline == "2099-01-01" and "future" in future.notes[0]
    vague = document_from_record({"title": "t", "body": "b", "published": "Dec.20"})
    assert vague.published is None and vague.dateline == "Dec.20"


def test_bad_language_code_is_detected_instead() -> None:
    doc = document_from_record(
        {"title": "Syria", "body": "Syria joins the coalition against ISIS.", "lang": "English"}
    )
    assert doc.lang == "en" and "not an ISO 639 code" in doc.notes[0]


@pytest.mark.parametrize(
    ("url", "kept"),
    [
        ("https://sana.sy/en/?p=123", True),
        ("HTTP://example.org/a", True),
        ("javascript:alert(1)", False),
        (" JavaScript:alert(document.cookie)", False),
        ("data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", False),
        ("file:///etc/passwd", False),
        ("//example.org/no-scheme", False),
    ],
)
def test_only_web_addresses_are_kept_as_links(url: str, kept: bool) -> None:
    doc = document_from_record({"title": "تدمر", "body": "هجوم قرب تدمر.", "url": url})
    if kept:  # and it is the id (in whatever normal form ids take), not a hash of the text
        assert doc.url == url.strip() and not doc.id.startswith("sha1-") and not doc.notes
    else:
        assert doc.url == "" and doc.id.startswith("sha1-")
        assert any("not an http(s) address" in note for note in doc.notes)


def test_author_is_carried_through_and_checked() -> None:
    doc = document_from_record({"title": "t", "body": "b", "author": "  رنا\n حداد "})
    assert doc.author == "رنا حداد"
    assert document_from_record(doc).author == "رنا حداد"  # survives the re-check of a Document
    long = document_from_record({"title": "t", "body": "b", "author": "x " * 150})
    assert long.author == "" and "author longer" in long.notes[0]
    with pytest.raises(InvalidDocumentError, match="'author' must be a string"):
        document_from_record({"title": "t", "body": "b", "author": ["a", "b"]})


@pytest.mark.parametrize(
    ("text", "declared", "lang"),
    [
        ("أعلنت وزارة الخارجية السورية انضمام سوريا إلى التحالف الدولي", "en", "ar"),  # text wins
        ("Syria became the 90th member of the international coalition against ISIS.", "ar", "en"),
        ("Suriye, IŞİD'e karşı uluslararası koalisyonun 90. üyesi oldu.", "", "tr"),
        ("ISIS 2025: 90", "fr-FR", "fr"),  # too short to judge: the declaration decides
        ("ISIS 2025: 90", "", "und"),
        ("ISIS 2025: 90", "not a code", "und"),
    ],
)
def test_detected_language(text: str, declared: str, lang: str) -> None:
    assert detected_language(text, declared) == lang


def test_control_characters_xml_forbids_are_removed_from_every_field_and_noted() -> None:
    doc = document_from_record(
        {
            "id": "ctl\x00-1",
            "title": "ISIS\x01 ambush near\x00 Palmyra\x1b[31m\ufffe",
            "body": "Tab\tand line breaks\r\nstay;\x0b vertical tab,\x0c form feed,"
            "\ud800 a lone surrogate\uffff go.",
            "source": "Levant\x07 Wire",
            "author": "A.\x08 Writer",
        }
    )
    assert doc.id == "ctl-1" and doc.title == "ISIS ambush near Palmyra[31m"
    assert doc.body == "Tab\tand line breaks\r\nstay; vertical tab, form feed, a lone surrogate go."
    assert doc.source == "Levant Wire" and doc.author == "A. Writer"
    assert "title: removed 4 control character(s) that text may not hold" in doc.notes
    assert len([note for note in doc.notes if "control character" in note]) == 5
    doc.body.encode("utf-8")  # a lone surrogate would have made this raise
