"""What facets, spelling suggestions and the web layer cost, on a real index.

    python scripts/bench_web.py --index /tmp/ant-index
    python scripts/bench_web.py --index /tmp/ant-index --queries سوريا داعش --repeat 50

Prints medians over --repeat runs (after one warm-up), so the numbers are for
a server that has answered a query before; the first query on a fresh
searcher (which builds the facet value tables) is reported separately.
Measures only: asserts nothing (timings do not belong in tests).
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import Counter
from collections.abc import Callable
from contextlib import contextmanager
from urllib.parse import quote
from urllib.request import urlopen

from search import Engine, searching
from search.backends.whoosh import reader as whoosh_reader
from web import create_app
from web.serving import serve_in_background

ARABIC = ["سوريا", "داعش", "الحكومة", "كرة القدم", "الرئيس الأمريكي", "وزير الداخلية", "تونس", "الانتخابات"]
ENGLISH = ["Syria", "ISIS", "Palmyra", "coalition", "Raqqa"]
MISSPELT = ["داعيش", "الحكومه السوريية", "مفاوضاات", "الامرييكية", "Palmira", "coalitoin"]


def fetch(url: str) -> bytes:
    with urlopen(url) as response:
        return response.read()


def median_ms(run: Callable[[], object], repeat: int) -> float:
    run()  # warm-up: searcher, caches
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


@contextmanager
def facets_off():
    """Searches that count no facet values (the matching set, for the total, is still found).
    On the Whoosh backend the counting is skipped; Xapian counts during its match, in C++, so
    there only the labelling is."""
    originals = searching.facet_values, whoosh_reader.value_counts, whoosh_reader.entity_document_counts
    searching.facet_values = lambda counted, selected: {}
    whoosh_reader.value_counts = lambda searcher, docnums: {}
    whoosh_reader.entity_document_counts = lambda searcher, docnums: Counter()
    try:
        yield
    finally:
        searching.facet_values, whoosh_reader.value_counts, whoosh_reader.entity_document_counts = originals


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--index", required=True)
    parser.add_argument("--queries", nargs="*", default=None)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()

    with Engine.open(args.index) as engine:
        print(f"index {args.index}: {engine.doc_count()} documents\n")
        queries = args.queries or ARABIC + ENGLISH

        # Cold: a fresh searcher builds the doc→value tables of lang, source and month.
        with Engine.open(args.index) as fresh, facets_off():
            started = time.perf_counter()
            fresh.search(queries[0])
            cold_plain = (time.perf_counter() - started) * 1000
        with Engine.open(args.index) as fresh:
            started = time.perf_counter()
            fresh.search(queries[0])
            cold_faceted = (time.perf_counter() - started) * 1000
        print(f"first query on a fresh searcher: {cold_plain:.1f} ms without facets, ", end="")
        print(f"{cold_faceted:.1f} ms with\n")

        print(f"{'query':<22}{'total':>7}{'no facets':>12}{'facets':>10}{'extra':>9}")
        extras = []
        for query in queries:
            with facets_off():
                plain = median_ms(lambda query=query: engine.search(query), args.repeat)
            faceted = median_ms(lambda query=query: engine.search(query), args.repeat)
            total = engine.search(query).total
            extras.append(faceted - plain)
            print(f"{query:<22}{total:>7}{plain:>10.1f}ms{faceted:>8.1f}ms{faceted - plain:>+7.1f}ms")
        print(f"median facet cost per query: {statistics.median(extras):+.1f} ms\n")

        print(f"{'misspelt query':<22}{'searched':<24}{'ms':>8}")
        for query in MISSPELT:
            results = engine.search(query)
            shown = results.query if results.corrected_from else (results.suggestion or "-")
            spent = median_ms(lambda query=query: engine.search(query), max(args.repeat // 4, 3))
            print(f"{query:<22}{shown:<24}{spent:>6.1f}ms")

        server = serve_in_background(create_app(engine), threads=4)
        try:
            print(f"\nHTTP through waitress ({server.url}), median of {args.repeat}:")
            for path in ("/?q={}", "/api/search?q={}", "/?q={}&sort=newest&page=2"):
                urls = [server.url + path.format(quote(query)) for query in queries[:4]]
                spent = [median_ms(lambda url=url: fetch(url), args.repeat) for url in urls]
                print(f"  {path:<28} {statistics.median(spent):6.1f} ms (queries: {', '.join(queries[:4])})")
        finally:
            server.stop()


if __name__ == "__main__":
    main()
