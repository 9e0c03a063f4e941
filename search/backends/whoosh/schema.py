"""The Whoosh schema: one for both languages, the analyzers routing each word by script.

Whoosh pickles the schema, analyzers included, into the index: every part
is a module-level class (search/analysis/analyzers.py).
"""

from __future__ import annotations

from whoosh import columns, fields

from search.analysis.analyzers import BilingualAnalyzer

DATE_SHIFT_STEP = 16  # bits per tier of the indexed date key: 4 terms per article
_FAR_FUTURE = 2**62  # sort key of undated articles when the oldest come first


def make_schema() -> fields.Schema:
    """One schema for both languages; the analyzers route each word by script."""
    stem = BilingualAnalyzer("stem")
    exact = BilingualAnalyzer("exact")
    return fields.Schema(
        id=fields.ID(unique=True, stored=True),
        # Stemmed views (recall): what plain query words search. Phrases
        # search the exact views, so these keep frequencies, not positions:
        # the writer encodes and stores half as many position lists.
        title=fields.TEXT(analyzer=stem, stored=True, phrase=False),
        body=fields.TEXT(analyzer=stem, stored=True, phrase=False),
        # Normalised, unstemmed views: what "quoted phrases" search.
        title_exact=fields.TEXT(analyzer=exact),
        body_exact=fields.TEXT(analyzer=exact),
        lang=fields.ID(stored=True),
        source=fields.ID(stored=True),  # the outlet as written: filters and facets
        source_words=fields.TEXT(analyzer=exact),  # `source:sana` in queries
        url=fields.STORED,
        author=fields.STORED,  # from HTML pages and feeds, when they name one
        published=fields.STORED,  # ISO 8601 text, or "" when the year is unknown
        dateline=fields.STORED,
        # Whoosh cannot store "no date" in a sortable DATETIME column, so the
        # date is sorted through two integer keys that put undated articles
        # last in either direction. Only newest_key is indexed (for the date
        # range filter), in four tiers of 16 bits rather than Whoosh's sixteen
        # of 4: those index terms had been a tenth of all postings.
        newest_key=fields.NUMERIC(int, bits=64, sortable=True, default=0, shift_step=DATE_SHIFT_STEP),
        oldest_key=fields.COLUMN(columns.NumericColumn("q", default=_FAR_FUTURE)),
        # Canonical entity ids, one per confirmed mention (so BM25 sees how
        # often an article names the entity), and each id once for display.
        entities=fields.KEYWORD(commas=True, scorable=True),
        entity_ids=fields.STORED,
        # Spelling keys of person names no lexicon lists (aliases/names.py).
        names=fields.KEYWORD(scorable=True),
        # Consonant keys of the Arabic spellings of capitalised Latin words (names.py), a field
        # of their own so that the names field's lengths, and its BM25, stay as they were.
        consonants=fields.KEYWORD(scorable=True),
        # The capitalised Latin words that may be names, as the exact views index them (names.py):
        # counted, never searched for ranking, so not scorable.
        capitalised=fields.KEYWORD(),
        # Hash of the text: the same article under two ids (two URLs) is a duplicate.
        content_hash=fields.ID(stored=True),
        # "YYYY-MM" of dated articles: the month facet and filter (facets.py).
        month=fields.ID(),
        # "YYYY-MM-DD|lang" of dated articles: the timeline's counts (facets.DAY_LANGUAGE).
        day_lang=fields.ID(),
        # Near-duplicate stories (search/stories.py): the story key copies share (results
        # collapse by it), the LSH band keys that find an article's copies, its MinHash.
        story=fields.ID(stored=True),
        bands=fields.KEYWORD(),
        signature=fields.STORED,
    )
