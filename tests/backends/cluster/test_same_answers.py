"""A cluster of two shards answers as one Xapian index of the same articles does."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from search import Engine

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "scripts"))
from bench_cluster import ranking, same_but_ties


def _queries(engine: Engine) -> list[str]:
    """Title words and pairs of the indexed articles (both languages), entity names, filters' words."""
    queries = ["داعش", "ISIS", "al-Sharaa", "الشرع", '"الدولة الإسلامية"', "Syria -Iraq", "دمشق OR Damascus"]
    # Typed in lowercase: whether each word is a name is counted across the shards.
    queries += ["al-sharaa", "damascus", "ahmed al-sharaa", "syria"]
    for stored in engine._reader().stored_documents():
        words = [word for word in re.findall(r"\w+", stored["title"]) if len(word) > 2]
        queries += [*words[:2], " ".join(words[1:3])]
    return list(dict.fromkeys(query for query in queries if query.strip()))


def stories(results) -> set[frozenset[str]]:
    """Each hit with the copies folded under it (the sample's wire copies fold)."""
    return {frozenset({hit.id, *(copy.id for copy in hit.similar)}) for hit in results}


def test_top_ten_totals_and_facets_equal_one_index(sample_cluster: Path, sample_single: Path) -> None:
    with Engine.open(sample_cluster) as cluster, Engine.open(sample_single) as single:
        queries = _queries(single)
        assert len(queries) > 100
        timelines = 0
        for query in queries:
            for options in ({}, {"lang": "en"}, {"sort": "newest"}, {"match": "any"}, {"collapse": False}):
                mine, theirs = cluster.search(query, **options), single.search(query, **options)
                assert mine.total == theirs.total, (query, options)
                assert mine.stories == theirs.stories, (query, options)
                if mine.stories <= mine.limit:  # the whole result on one page: the same stories
                    assert stories(mine) == stories(theirs), (query, options)
                assert mine.facets == theirs.facets, (query, options)  # under 1,000 matches: entities too
                assert mine.timeline == theirs.timeline, (query, options)
                timelines += mine.timeline is not None
                assert mine.entities == theirs.entities, (query, options)
                assert same_but_ties(ranking(mine), ranking(theirs)), (query, options)
        assert timelines > len(queries)  # the timeline is compared, not only its absence


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
