"""The timeline (search/timeline.py): periods chosen from the span, gaps kept, counts that add
up to the month facet, and each bar's filter finding what the bar counted, on both backends."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from search import Engine
from search.backends import get_backend
from search.backends.whoosh import schema as whoosh_schema
from search.cli import sample_corpus
from search.documents import Document
from search.facets import day_language_key
from search.index import IndexStore, document_fields
from search.ingest.sources import read_sources
from search.timeline import DAY_SPAN, timeline

QUERY = "سوريا OR Syria"


def counted(days: dict[str, int], months: dict[str, int] | None = None) -> dict[str, Counter[str]]:
    """Backend counts of these "day|lang" values, with the month facet they add up to."""
    if months is None:
        months = {}
        for value, count in days.items():
            months[value[:7]] = months.get(value[:7], 0) + count
    return {"day_lang": Counter(days), "month": Counter(months)}


def test_day_language_keys_and_what_is_not_one() -> None:
    assert day_language_key(datetime(2025, 3, 7, 23, 59), "ar") == "2025-03-07|ar"
    good = {"2025-03-07|ar": 1, "2025-03-09|en": 2}
    assert [(bar.period, bar.total) for bar in timeline(counted(good)).bars] == [
        ("2025-03-07", 1),
        ("2025-03-08", 0),
        ("2025-03-09", 2),
    ]
    # No backend writes these; if one did, no timeline is better than a wrong one.
    for bad in ("2025-02-30|ar", "2025-03|ar", "undated"):
        assert timeline(counted({**good, bad: 1}, {"2025-03": 4})) is None, bad


@pytest.mark.parametrize(
    ("days", "unit", "periods"),
    [
        # Within DAY_SPAN days: a bar per day, the empty days between kept.
        (
            {"2025-12-13|ar": 2, "2025-12-16|en": 1},
            "day",
            ["2025-12-13", "2025-12-14", "2025-12-15", "2025-12-16"],
        ),
        # Longer: a bar per month, the empty months kept, across a new year.
        ({"2025-11-30|en": 1, "2026-02-01|ar": 3}, "month", ["2025-11", "2025-12", "2026-01", "2026-02"]),
        # Over MONTH_BARS months: a bar per year.
        (
            {"2019-06-01|ar": 1, "2025-01-01|en": 1},
            "year",
            ["2019", "2020", "2021", "2022", "2023", "2024", "2025"],
        ),
    ],
)
def test_the_unit_follows_the_span_and_time_runs_evenly(
    days: dict[str, int], unit: str, periods: list[str]
) -> None:
    made = timeline(counted(days))
    assert made is not None and made.unit == unit
    assert [bar.period for bar in made.bars] == periods
    assert made.total == sum(days.values())


def test_the_day_limit_is_the_span_from_first_to_last() -> None:
    first = date(2025, 1, 1)
    within, beyond = first + timedelta(days=DAY_SPAN - 1), first + timedelta(days=DAY_SPAN)
    days = timeline(counted({"2025-01-01|ar": 1, f"{within.isoformat()}|en": 1}))
    assert days.unit == "day" and len(days.bars) == DAY_SPAN
    assert timeline(counted({"2025-01-01|ar": 1, f"{beyond.isoformat()}|en": 1})).unit == "month"


def test_languages_are_stacked_apart_and_others_counted() -> None:
    made = timeline(counted({"2025-12-13|ar": 2, "2025-12-13|en": 5, "2025-12-13|fr": 1, "2025-12-14|": 1}))
    first, second = made.bars
    assert (first.counts["ar"], first.counts["en"], first.counts["other"], first.total) == (2, 5, 1, 8)
    assert (second.counts["ar"], second.counts["en"], second.counts["other"]) == (0, 0, 1)
    assert first.to_dict() == {
        "period": "2025-12-13",
        "start": "2025-12-13",
        "end": "2025-12-13",
        "ar": 2,
        "en": 5,
        "other": 1,
        "total": 8,
        "filter": {"since": "2025-12-13", "until": "2025-12-13"},
    }


@pytest.mark.parametrize(
    ("days", "why"),
    [
        ({}, "no dated match"),
        ({"2025-12-13|ar": 3, "2025-12-13|en": 1}, "one period only"),
    ],
)
def test_no_timeline_when_there_is_nothing_to_compare(days: dict[str, int], why: str) -> None:
    assert timeline(counted(days)) is None, why


def test_no_timeline_when_the_days_do_not_add_up_to_the_months() -> None:
    # An index built before the day counts, then added to: some dated articles have no day.
    days = {"2025-11-01|ar": 1, "2025-12-01|en": 1}
    assert timeline(counted(days, {"2025-11": 1, "2025-12": 4})) is None
    assert timeline(counted(days, {"2025-11": 1})) is None
    assert timeline(counted(days)) is not None


def test_bar_filters_month_and_year_clamped_to_the_request() -> None:
    months = timeline(counted({"2025-02-10|ar": 1, "2025-04-01|en": 1}))
    assert [(bar.filter, bar.start.isoformat(), bar.end.isoformat()) for bar in months.bars] == [
        ({"month": "2025-02"}, "2025-02-01", "2025-02-28"),
        ({"month": "2025-03"}, "2025-03-01", "2025-03-31"),
        ({"month": "2025-04"}, "2025-04-01", "2025-04-30"),
    ]
    years = timeline(
        counted({"2015-07-01|ar": 1, "2025-03-01|en": 1}),
        since=datetime(2015, 6, 1),
        until=datetime(2025, 5, 31),
    )
    assert years.unit == "year"
    assert years.bars[0].filter == {"since": "2015-06-01", "until": "2015-12-31"}
    assert years.bars[1].filter == {"since": "2016-01-01", "until": "2016-12-31"}
    assert years.bars[-1].filter == {"since": "2025-01-01", "until": "2025-05-31"}


# --- on the sample corpus, both backends -------------------------------------------------


def test_the_timeline_adds_up_to_the_month_facet_and_languages(sample_engine: Engine) -> None:
    results = sample_engine.search(QUERY, limit=1)
    made = results.timeline
    assert made is not None and made.unit == "month"
    months = {value.value: value.count for value in results.facets["month"]}
    assert {bar.period: bar.total for bar in made.bars if bar.total} == months
    assert [bar.period for bar in made.bars] == sorted(months)  # the sample has no empty month between
    languages = {value.value: value.count for value in results.facets["lang"]}
    undated = results.total - made.total
    assert undated > 0  # the sample has undated articles: in the language facet, not in the timeline
    arabic, english = (sum(bar.counts[language] for bar in made.bars) for language in ("ar", "en"))
    assert arabic + english == made.total and arabic <= languages["ar"] and english <= languages["en"]


def test_each_bar_filter_finds_what_the_bar_counted(sample_engine: Engine) -> None:
    months = sample_engine.search(QUERY).timeline
    assert months is not None and months.unit == "month"
    for bar in months.bars:
        narrowed = sample_engine.search(QUERY, **bar.filter)
        by_language = {value.value: value.count for value in narrowed.facets["lang"]}
        assert narrowed.total == bar.total, bar.period
        assert (by_language.get("ar", 0), by_language.get("en", 0)) == (bar.counts["ar"], bar.counts["en"])
    # Within one month the span is under DAY_SPAN days: a bar per day, each filter a day.
    days = sample_engine.search(QUERY, month="2025-12").timeline
    assert days is not None and days.unit == "day"
    assert all(bar.period.startswith("2025-12-") for bar in days.bars)
    for bar in days.bars:
        narrowed = sample_engine.search(QUERY, month="2025-12", **bar.filter)
        assert narrowed.total == bar.total, bar.period
        assert all(hit.published.date().isoformat() == bar.period for hit in narrowed)


def test_a_single_day_has_no_timeline(sample_engine: Engine) -> None:
    results = sample_engine.search("Hawkeye OR الصقر", since="2025-12-20", until="2025-12-20")
    assert results.total and results.timeline is None


# --- indexes built before the timeline ---------------------------------------------------


def _old_fields(number: int) -> dict[str, object]:
    fields = document_fields(
        Document(
            id=f"old-{number}",
            title=f"Palmyra report {number}",
            body="Checkpoints near Palmyra were reinforced.",
            lang="en",
            published=datetime(2025, 10 + number, 5),
            source="wire",
        )
    )
    del fields["day_lang"]  # what document_fields gave before the timeline
    return fields


def test_an_index_from_before_the_timeline_searches_and_takes_adds(
    tmp_path: Path, backend: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if backend == "whoosh":  # its schema is pickled into the index: the old one had no day_lang
        full = whoosh_schema.make_schema

        def old_schema():
            schema = full()
            schema.remove("day_lang")
            return schema

        monkeypatch.setattr("search.backends.whoosh.make_schema", old_schema)
    store = IndexStore(tmp_path / "index")
    generation = store.create(backend=backend)
    monkeypatch.undo()
    if backend == "whoosh":
        assert "day_lang" not in get_backend(backend).open(generation).schema
    writer = get_backend(backend).writer(generation)
    for number in (1, 2):
        writer.add(_old_fields(number))
    writer.commit()
    with Engine.open(store.root) as engine:
        results = engine.search("Palmyra")
        assert results.total == 2 and results.timeline is None
        assert [value.value for value in results.facets["month"]] == ["2025-12", "2025-11"]
        report = engine.add_documents(
            [{"id": "new-1", "title": "Palmyra again", "body": "More on Palmyra.", "lang": "ar",
              "published": "2026-01-03"}]
        )  # fmt: skip
        assert report.added == 1
        results = engine.search("Palmyra")
        assert results.total == 3 and results.timeline is None  # the old articles have no day: rebuild
        assert [value.value for value in results.facets["month"]] == ["2026-01", "2025-12", "2025-11"]


def test_both_backends_draw_the_same_timeline(tmp_path_factory: pytest.TempPathFactory) -> None:
    pytest.importorskip("xapian", reason="the xapian extra is not installed")
    engines = []
    for name in ("whoosh", "xapian"):
        path = tmp_path_factory.mktemp(f"timeline-{name}") / "index"
        Engine.rebuild(path, read_sources([sample_corpus()]), procs=1, backend=name)
        engines.append(Engine.open(path))
    whoosh, xapian = engines
    drawn = 0
    try:
        for query in (QUERY, "داعش", "Palmyra", "al-Sharaa", "Caesar", "coalition OR التحالف"):
            for options in ({}, {"lang": "ar"}, {"month": "2025-12"}, {"sort": "newest", "page": 2}):
                mine, theirs = whoosh.search(query, **options), xapian.search(query, **options)
                assert mine.timeline == theirs.timeline, (query, options)
                drawn += mine.timeline is not None
    finally:
        for engine in engines:
            engine.close()
    assert drawn >= 15
