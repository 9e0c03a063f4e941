"""Dates in many formats and three Arabic month traditions; never an invented year."""

from __future__ import annotations

from datetime import datetime

import pytest

from search.ingest.dates import find_date, is_future, parse_date, wire_dateline

FOUND = [
    ("Published: 2026/02/09 4:15 PM", datetime(2026, 2, 9, 16, 15)),
    (" date 2025-12-14 Syria, US affirm cooperation", datetime(2025, 12, 14)),
    ("March 5, 2026", datetime(2026, 3, 5)),
    ("21 Dec 2025", datetime(2025, 12, 21)),
    ("Dec. 21, 2025 | 10:30 GMT", datetime(2025, 12, 21, 10, 30)),
    ("Posted 9th of February 2026", datetime(2026, 2, 9)),
    ("الأحد 21 كانون الأول/ديسمبر 2025", datetime(2025, 12, 21)),  # Levantine + Egyptian pair
    ("14 نيسان/أبريل 2026", datetime(2026, 4, 14)),
    ("3 شباط 2026", datetime(2026, 2, 3)),
    ("1 تشرين الثاني 2025", datetime(2025, 11, 1)),
    ("9 فبراير 2026", datetime(2026, 2, 9)),
    ("18 جانفي 2026", datetime(2026, 1, 18)),  # Maghrebi
    ("تاريخ النشر: ٢٠٢٦-٠٢-٠٩", datetime(2026, 2, 9)),  # Eastern digits
    ("21 ديسمبر 2025 10:30 ص", datetime(2025, 12, 21, 10, 30)),
    ("12/01/2026", datetime(2026, 1, 12)),  # day first by default
    ("Sun, 18 Feb 2018 17:21:49 GMT", datetime(2018, 2, 18, 17, 21, 49)),
]


@pytest.mark.parametrize(("line", "expected"), FOUND, ids=[line for line, _ in FOUND])
def test_find_date(line: str, expected: datetime) -> None:
    found = find_date(line)
    assert found is not None and found[0] == expected


@pytest.mark.parametrize(
    "line",
    [
        "Damascus, Dec.20 (SANA)",
        "2 days ago",
        "منذ 3 ساعات",
        "Date:",
        "© 2025 Erem Media",
        "Feb. 9 (SANA)",
        "نيسان",
    ],
)
def test_no_year_no_date(line: str) -> None:
    assert find_date(line) is None


def test_month_first_when_asked() -> None:
    assert parse_date("12/01/2026", day_first=False) == datetime(2026, 12, 1)


def test_time_zones_become_utc() -> None:
    assert parse_date("2017-01-20T21:43:00+01:00") == datetime(2017, 1, 20, 20, 43)
    assert parse_date("Tue, 13 Feb 2018 10:22:00 +0000") == datetime(2018, 2, 13, 10, 22)


def test_future() -> None:
    now = datetime(2026, 1, 1)
    assert is_future(datetime(2026, 1, 10), now)
    assert not is_future(datetime(2026, 1, 2), now)


@pytest.mark.parametrize(
    ("paragraph", "dateline"),
    [
        ("Damascus, Dec.20 (SANA) – Syria became the 90th member of the coalition.", "Damascus, Dec.20"),
        ("دمشق، 3 كانون الثاني (نشرة الفرات) - أعلنت وزارة الداخلية", "دمشق, 3 كانون الثاني"),
        ("Amman, 20 December 2025 (Petra) - Jordan reopened the crossing.", "Amman, 20 December 2025"),
        ("Syria became the 90th member of the coalition, officials said (SANA).", ""),
        ("Raqqa, Syria (AP) - New checkpoints went up on Monday.", ""),  # no date in it
    ],
)
def test_wire_dateline(paragraph: str, dateline: str) -> None:
    assert wire_dateline(paragraph) == dateline


@pytest.mark.parametrize(
    ("text", "day_first", "expected"),
    [
        ("17/05/2015", True, datetime(2015, 5, 17)),  # the archives' commonest form, without dateparser
        ("03/04/2026", True, datetime(2026, 4, 3)),
        ("03/04/2026", False, datetime(2026, 3, 4)),
        ("2026/02/09", True, datetime(2026, 2, 9)),
        ("2015-5-7", True, datetime(2015, 5, 7)),
        ("05/17/2015", True, datetime(2015, 5, 17)),  # no 17th month: dateparser reads it month first
        ("31/02/2020", True, None),  # no such day
    ],
)
def test_numeric_dates(text: str, day_first: bool, expected: datetime | None) -> None:
    assert parse_date(text, day_first) == expected
