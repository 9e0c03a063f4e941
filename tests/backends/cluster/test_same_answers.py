"""A cluster of two shards answers as one Xapian index of the same articles does."""

from __future__ import annotations

import re
from pathlib import Path

from search import Engine
from search.results import Results

QUERIES_PER_LANGUAGE = 60


def _queries(engine: Engine) -> list[str]:
    """Title words and pairs of the indexed articles (both languages), entity names, filters' words."""
    queries = ["داعش", "ISIS", "al-Sharaa", "الشرع", '"الدولة الإسلامية"', "Syria -Iraq", "دمشق OR Damascus"]
    for stored in engine._reader().stored_documents():
        words = [word for word in re.findall(r"\w+", stored["title"]) if len(word) > 2]
        queries += [*words[:2], " ".join(words[1:3])]
    return list(dict.fromkeys(query for query in queries if query.strip()))


def _ranked(results: Results) -> list[tuple[float, str]]:
    return [(round(hit.score, 6), hit.id) for hit in results]


def _same_but_ties(first: list[tuple[float, str]], second: list[tuple[float, str]]) -> bool:
    """Equal rankings, where articles of equal score may come in either order."""
    return sorted(first) == sorted(second) and [score for score, _ in first] == [score for score, _ in second]


def test_top_ten_totals_and_facets_equal_one_index(sample_cluster: Path, sample_single: Path) -> None:
    with Engine.open(sample_cluster) as cluster, Engine.open(sample_single) as single:
        queries = _queries(single)
        assert len(queries) > 100
        for query in queries:
            for options in ({}, {"lang": "en"}, {"sort": "newest"}, {"match": "any"}):
                mine, theirs = cluster.search(query, **options), single.search(query, **options)
                assert mine.total == theirs.total, (query, options)
                assert mine.facets == theirs.facets, (query, options)
                assert mine.entities == theirs.entities, (query, options)
                assert _same_but_ties(_ranked(mine), _ranked(theirs)), (query, options)


def test_the_cluster_records_its_backend_and_shards(sample_cluster: Path) -> None:
    with Engine.open(sample_cluster) as engine:
        assert engine.backend == "cluster"
        stats = engine.stats()
    assert stats["backend"] == "cluster" and stats["documents"] >= 40
    assert sum(stats["languages"].values()) == stats["documents"]


def test_article_pages_and_entity_filters_work_across_shards(sample_cluster: Path) -> None:
    with Engine.open(sample_cluster) as engine:
        results = engine.search("ISIS", limit=50)
        assert {hit.lang for hit in results} == {"ar", "en"}  # the alias crosses the language line
        for hit in results:
            assert engine.get(hit.id).title == hit.title
        filtered = engine.search("Syria", entity="isis", limit=50)
        assert filtered.total and all("isis" in hit.entities for hit in filtered)
