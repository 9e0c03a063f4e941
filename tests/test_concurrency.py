"""Many threads searching while documents are added and the index is rebuilt.

Every search must succeed and see a complete index: the state before a
change or after it, never a mix (a rebuild swaps whole generations; an add
is one Whoosh commit).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from search import Engine
from search.cli import sample_corpus
from search.ingest.sources import read_sources

QUERY = "سوريا OR Syria OR تدمر OR Palmyra"


def extra(prefix: str, count: int) -> list[dict[str, str]]:
    return [
        {
            "id": f"{prefix}-{n}",
            "title": f"Palmyra update {prefix} {n}",
            "body": f"From Palmyra, {prefix} {n}.",
        }
        for n in range(count)
    ]


@contextmanager
def searching(engine: Engine, threads: int = 8) -> Iterator[tuple[list[int], list[BaseException]]]:
    """`threads` threads searching `engine` over and over while the block runs: the totals they
    saw and the errors they met. The engine is closed at the end."""
    seen: list[int] = []
    errors: list[BaseException] = []
    stop = threading.Event()

    def search() -> None:
        while not stop.is_set():
            try:
                seen.append(engine.search(QUERY, limit=100).total)
            except BaseException as error:  # collected and asserted by the test
                errors.append(error)

    workers = [threading.Thread(target=search) for _ in range(threads)]
    for worker in workers:
        worker.start()
    try:
        yield seen, errors
    finally:
        stop.set()
        for worker in workers:
            worker.join()
        engine.close()


def test_searches_during_adds_and_rebuilds_see_whole_states(tmp_path: Path, backend: str) -> None:
    path = tmp_path / "index"
    sample = list(read_sources([sample_corpus()]))
    Engine.rebuild(path, sample, procs=1, backend=backend)
    engine = Engine.open(path)
    states = {engine.search(QUERY, limit=100).total}  # every total a writer leaves behind
    with searching(engine) as (seen, errors), Engine.open(path) as writer:
        writer.add_documents(extra("add", 15))
        states.add(writer.search(QUERY, limit=100).total)
        Engine.rebuild(path, [*sample, *extra("rebuilt", 30)], procs=2, backend=backend)
        states.add(writer.search(QUERY, limit=100).total)
        writer.add_documents(extra("after", 5))
        states.add(writer.search(QUERY, limit=100).total)
        Engine.rebuild(path, sample, procs=1, backend=backend)
        states.add(writer.search(QUERY, limit=100).total)
    assert not errors, errors[:3]
    assert len(seen) > 50
    assert set(seen) <= states, f"a search saw a half-changed index: {sorted(set(seen) - states)}"
    assert len(states) == 4  # the writes did change what is found: the check above is not empty


def test_threads_search_while_other_processes_add_and_rebuild(tmp_path: Path, backend: str) -> None:
    """The server's case: one Engine, many threads, and the writes made by other processes
    (`news-search add`, `news-search rebuild-index`), each seen whole or not at all."""
    import json
    import subprocess
    import sys

    path = tmp_path / "index"
    sample = list(read_sources([sample_corpus()]))
    Engine.rebuild(path, sample, procs=1, backend=backend)
    batches = []
    for name, count in (("first", 12), ("second", 7)):
        batch = tmp_path / f"{name}.jsonl"
        batch.write_text("".join(json.dumps(record) + "\n" for record in extra(name, count)), "utf-8")
        batches.append(batch)
    engine = Engine.open(path)
    before = engine.search(QUERY, limit=100).total
    states = {before, before + 12, before + 19, before + 7}  # what any order of the writes leaves
    cli = [sys.executable, "-m", "search"]
    with searching(engine) as (seen, errors):
        for batch in batches:
            subprocess.run([*cli, "add", str(batch), "--index", str(path), "--wait", "30"], check=True)
        rebuilt = tmp_path / "rebuilt.jsonl"
        rebuilt.write_text(batches[1].read_text("utf-8"), "utf-8")
        subprocess.run(
            [*cli, "rebuild-index", "--sample", str(rebuilt), "--index", str(path), "--procs", "2"],
            check=True,
            capture_output=True,
        )
        final = engine.search(QUERY, limit=100).total
    assert not errors, errors[:3]
    assert final == before + 7 and engine.backend == backend
    assert set(seen) <= states, f"a search saw a half-written index: {sorted(set(seen) - states)}"
    assert len(set(seen)) >= 2  # the other processes' writes were seen while searching
