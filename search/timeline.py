"""The timeline: when the matches were published, per day, month or year, Arabic and English apart.

Made from the day-and-language counts a backend counts with the facets
(facets.DAY_LANGUAGE), over every match. Periods without matches between
the first and the last are kept, with zeros, so that time runs evenly. Knows
nothing about drawing (web/timeline.py) or links: each bar carries the
search filter that narrows to it, in Engine.search's parameter names.
"""

from __future__ import annotations

import calendar
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from search.facets import DAY_LANGUAGE

UNITS = ("day", "month", "year")
DAY_SPAN = 45  # days from the first match to the last, at most, for a bar per day
MONTH_BARS = 60  # months, at most, for a bar per month; longer spans get a bar per year
LANGUAGES = ("ar", "en")  # stacked in this order; any other language is counted as "other"
STACKED = (*LANGUAGES, "other")
_PREFIX = {"day": 10, "month": 7, "year": 4}  # of an ISO day: "2025-12-13", "2025-12", "2025"


@dataclass(frozen=True)
class Bar:
    """One period: its matches by language, and the filter that narrows a search to it."""

    period: str  # "2025-12-13", "2025-12" or "2025"
    start: date
    end: date
    counts: Mapping[str, int]  # "ar", "en", "other"
    filter: Mapping[str, str]  # {"month": "2025-12"} or {"since": ..., "until": ...}

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def to_dict(self) -> dict[str, Any]:
        return {
            "period": self.period,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            **{language: self.counts.get(language, 0) for language in STACKED},
            "total": self.total,
            "filter": dict(self.filter),
        }


@dataclass(frozen=True)
class Timeline:
    unit: str  # one of UNITS
    bars: list[Bar] = field(default_factory=list)

    @property
    def total(self) -> int:
        """Dated matches (undated ones have no bar)."""
        return sum(bar.total for bar in self.bars)

    def to_dict(self) -> dict[str, Any]:
        return {"unit": self.unit, "total": self.total, "bars": [bar.to_dict() for bar in self.bars]}


def timeline(
    counted: Mapping[str, Counter[str]], since: datetime | None = None, until: datetime | None = None
) -> Timeline | None:
    """The timeline of the counts a backend returned (Found.facets), or None when there is
    nothing to compare: no dated match, one period only, or an index built before the
    timeline's counts (its day counts do not add up to its month counts).

    `since` and `until` are the request's date filter: a year's bar narrows to the part of
    the year the search covers, so that its link finds what the bar counted.
    """
    # Values are "2025-12-13|ar" (facets.day_language_key). A broad search over years has
    # thousands: they are summed by period as text, and only the first and last day parsed.
    days = counted.get(DAY_LANGUAGE.name) or {}
    dated = sum(days.values())
    # Every article with a day value has a month value: fewer days than months is an index
    # built before the day values (or added to since), whose timeline would leave articles out.
    if not dated or dated != sum((counted.get("month") or {}).values()):
        return None
    try:
        first, last = (date.fromisoformat(value[:10]) for value in (min(days), max(days)))
    except ValueError:
        return None
    if (last - first).days < DAY_SPAN:
        unit = "day"
    elif _month_number(last) - _month_number(first) < MONTH_BARS:
        unit = "month"
    else:
        unit = "year"
    cut = _PREFIX[unit]
    periods: dict[str, dict[str, int]] = {}  # "2025-12": matches per language
    for value, count in days.items():
        period, language = value[:cut], value[11:]
        counts = periods.get(period)
        if counts is None:
            counts = periods[period] = dict.fromkeys(STACKED, 0)
        counts[language if language in LANGUAGES else "other"] += count
    bars = [
        _bar(period, unit, periods.get(period) or dict.fromkeys(STACKED, 0), since, until)
        for period in _every_period(first, last, unit)
    ]
    return Timeline(unit, bars) if len(bars) > 1 else None


def _month_number(day: date) -> int:
    return day.year * 12 + day.month - 1


def _every_period(first: date, last: date, unit: str) -> list[str]:
    """Every period from the one holding `first` to the one holding `last`, in order."""
    if unit == "day":
        return [
            date.fromordinal(number).isoformat() for number in range(first.toordinal(), last.toordinal() + 1)
        ]
    if unit == "month":
        return [
            f"{number // 12:04d}-{number % 12 + 1:02d}"
            for number in range(_month_number(first), _month_number(last) + 1)
        ]
    return [f"{year:04d}" for year in range(first.year, last.year + 1)]


def _bar(
    period: str, unit: str, counts: dict[str, int], since: datetime | None, until: datetime | None
) -> Bar:
    if unit == "day":
        day = date.fromisoformat(period)
        return Bar(period, day, day, counts, {"since": period, "until": period})
    if unit == "month":
        year, month = int(period[:4]), int(period[5:])
        start, end = date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        return Bar(period, start, end, counts, {"month": period})
    year = int(period)
    start, end = date(year, 1, 1), date(year, 12, 31)
    if since is not None and start < since.date() <= end:
        start = since.date()
    if until is not None and start <= until.date() < end:
        end = until.date()
    return Bar(period, start, end, counts, {"since": start.isoformat(), "until": end.isoformat()})
