"""Write Documents into an index: incremental adds by id, and full rebuilds with a swap.

Input may mix Documents, plain dicts, Rejections and Notices (what the
readers in search.ingest yield); everything is accounted for in an
IndexReport. A rebuild that indexes nothing, or fails, leaves the live
index exactly as it was.
"""

from __future__ import annotations

import errno
import functools
import os
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from search.aliases.resolver import AliasResolver
from search.backends import WRITER_LIMIT_MB, Backend, Writer, backend_of, get_backend
from search.documents import Document, content_id
from search.errors import IndexWriteError, InvalidDocumentError, SearchError
from search.index import IndexStore, document_fields
from search.ingest.outcomes import Notice, Rejection
from search.ingest.records import document_from_record
from search.interrupts import raise_if_interrupted
from search.locking import WriterLock
from search.reports import IndexReport
from search.stories import MAX_CANDIDATES, Mark, Signed, StoryAssigner

Item = Document | Mapping[str, Any] | Rejection | Notice


# Errors that mean "this machine cannot write here now", not a bug.
_WRITE_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM}


@contextmanager
def _write_errors(root: Path, doing: str) -> Iterator[None]:
    """Turn disk-full and permission errors into one clear IndexWriteError."""
    try:
        yield
    except OSError as error:
        if error.errno not in _WRITE_ERRNOS:
            raise
        raise IndexWriteError(
            f"{root}: {error.strerror or error} while {doing}; the index that was there is unchanged "
            "and still serving. Free disk space or fix the folder's permissions, then run it again."
        ) from error


class EmptyRebuildError(SearchError):
    """A rebuild found no indexable document; the old index stays live."""

    def __init__(self, message: str, report: IndexReport) -> None:
        super().__init__(message)
        self.report = report  # the rejections that explain why


def _validated(items: Iterable[Item], report: IndexReport) -> Iterable[Document]:
    """Documents from mixed input, with every rejection and notice recorded."""
    for number, item in enumerate(items, start=1):
        if isinstance(item, Rejection):
            report.rejected.append(item)
            continue
        if isinstance(item, Notice):
            report.notices.append(item)
            continue
        origin = getattr(item, "origin", "") or f"item {number}"
        try:
            doc = document_from_record(item, origin)
        except InvalidDocumentError as error:
            doc_id = item.get("id") if isinstance(item, Mapping) else getattr(item, "id", "")
            report.rejected.append(Rejection(origin, str(error), str(doc_id or "")))
            continue
        report.notices.extend(Notice(doc.origin, note) for note in doc.notes)
        yield doc


def add_documents(
    store: IndexStore, items: Iterable[Item], aliases: AliasResolver, wait: float = 0.0
) -> IndexReport:
    """Add or replace documents by id in the live index, in one commit, holding the writer lock.

    An article whose text is already indexed under another id (the same story
    at two URLs) is reported as a duplicate and not indexed twice; one re-added
    unchanged under its own id is counted as unchanged.
    """
    report = IndexReport()
    started = time.perf_counter()
    batch: dict[str, Document] = {}
    for doc in _validated(items, report):
        if doc.id in batch:
            report.duplicates.append(
                Rejection(doc.origin, f"same id as {batch[doc.id].origin}: later one kept", doc.id)
            )
        batch[doc.id] = doc
    if batch:
        with _write_errors(store.root, "adding documents"), WriterLock(store.root, wait, "add") as lock:
            if lock.recovered:
                report.notices.append(Notice(str(store.root), lock.recovered))
            _write_batch(*store.open(), batch, aliases, report)
    report.seconds = time.perf_counter() - started
    return report


def _write_batch(
    backend: Backend,
    generation: Path,
    batch: dict[str, Document],
    aliases: AliasResolver,
    report: IndexReport,
) -> None:
    writes: list[Document] = []
    reader = backend.reader(generation)
    try:
        texts: dict[str, str] = {}  # content hash -> id, within this batch
        for doc in batch.values():
            text = content_id(doc.title, doc.body)
            existing = reader.document("id", doc.id)
            holder = reader.document("content_hash", text)
            if existing is not None and existing.get("content_hash") == text:
                report.unchanged += 1
            elif holder is not None and holder["id"] != doc.id:
                report.duplicates.append(
                    Rejection(doc.origin, f"same text as {holder['id']}, already indexed", doc.id)
                )
            elif text in texts:
                report.duplicates.append(
                    Rejection(doc.origin, f"same text as {texts[text]} in this batch", doc.id)
                )
            else:
                texts[text] = doc.id
                writes.append(doc)
                if existing is None:
                    report.added += 1
                else:
                    report.updated += 1
        if not writes:
            return
        # A new copy joins the story already in the index (found through its band keys, by
        # the reader, which goes on seeing the index as it was). Each article is signed and
        # written in turn, so both read the words of its title and body from one analysis.
        stories = StoryAssigner(lambda bands: reader.articles_with_any("bands", bands, MAX_CANDIDATES))
        writer = backend.writer(generation)
        with committed(writer):
            for doc in writes:
                writer.update(prepare_fields(aliases, Signed(doc, _mark(stories, doc))))
    finally:
        reader.close()


@contextmanager
def committed(writer: Writer) -> Iterator[Writer]:
    """Commit what the block wrote, or cancel all of it if the block fails."""
    try:
        yield writer
        raise_if_interrupted()  # a Ctrl-C some library swallowed: nothing is committed
    except BaseException:
        writer.cancel()
        raise
    writer.commit()


def _first_copies(docs: Iterable[Document], report: IndexReport) -> Iterator[Document]:
    """The documents whose id and text were not seen before in this rebuild; the others reported."""
    seen: dict[str, str] = {}  # id -> origin
    texts: dict[str, str] = {}  # content hash -> id
    for doc in docs:
        text = content_id(doc.title, doc.body)
        if doc.id in seen or text in texts:
            first = f"same id as {seen[doc.id]}" if doc.id in seen else f"same text as {texts[text]}"
            report.duplicates.append(Rejection(doc.origin, f"{first}: first one kept", doc.id))
            continue
        seen[doc.id], texts[text] = doc.origin, doc.id
        yield doc


def _mark(stories: StoryAssigner, doc: Document) -> Mark:
    return stories.assign(doc.id, doc.lang, doc.title, doc.body, content_id(doc.title, doc.body))


def prepare_fields(resolver: AliasResolver, item: Document | Signed) -> dict[str, object]:
    """The index fields of a document (with its story Mark when it comes Signed), its alias
    annotation included (the writer calls it, in its own processes where it has them)."""
    doc, mark = item if isinstance(item, Signed) else (item, None)
    return document_fields(doc, resolver.annotate(doc.title, doc.body), mark)


def default_procs() -> int:
    """Writer processes for a rebuild: the cores, at most 4 (Whoosh gains little beyond)."""
    return max(1, min(os.cpu_count() or 1, 4))


def rebuild(
    store: IndexStore,
    items: Iterable[Item],
    procs: int | None = None,
    limitmb: int = WRITER_LIMIT_MB,
    allow_empty: bool = False,
    progress: Callable[[Iterable[Item]], Iterable[Item]] | None = None,
    aliases: Sequence[str | os.PathLike[str]] = (),
    wait: float = 0.0,
    backend: str | None = None,
) -> IndexReport:
    """Index `items` into a fresh generation and make it live atomically.

    `backend` ("whoosh" or "xapian") defaults to the live generation's, else
    Whoosh. `aliases` are user lexicon files added to the shipped ones; they are
    checked before anything is built (LexiconError) and kept with the new
    generation. The writer lock is held throughout (`wait`: seconds to wait
    for another writer). The first document with a given id, or with a given
    text, wins; later ones are reported as duplicates. On any error, or when
    nothing was indexed (unless `allow_empty`), the new generation is thrown
    away and the old index keeps serving.
    """
    alias_files = [Path(path) for path in aliases]
    resolver = AliasResolver.load(alias_files)  # a bad lexicon fails here, before any work
    with (
        _write_errors(store.root, "building a new index"),
        WriterLock(store.root, wait, "rebuild-index") as lock,
    ):
        store.prune()  # generations left by killed rebuilds
        report = _rebuild_locked(
            store, items, procs, limitmb, allow_empty, progress, resolver, alias_files, backend
        )
        if lock.recovered:
            report.notices.append(Notice(str(store.root), lock.recovered))
    return report


def _rebuild_locked(
    store: IndexStore,
    items: Iterable[Item],
    procs: int | None,
    limitmb: int,
    allow_empty: bool,
    progress: Callable[[Iterable[Item]], Iterable[Item]] | None,
    resolver: AliasResolver,
    alias_files: list[Path],
    backend: str | None,
) -> IndexReport:
    report = IndexReport()
    started = time.perf_counter()
    generation = store.new_generation(backend or store.backend_name())
    try:
        store.store_aliases(generation, alias_files, resolver.fingerprint)
        engine = get_backend(backend_of(generation))
        procs = procs or default_procs()
        prepare = functools.partial(prepare_fields, resolver)
        stories = StoryAssigner()  # the whole batch is grouped in the order it comes
        bulk = engine.writer(generation, bulk=True, procs=procs, limitmb=limitmb, prepare=prepare)
        with committed(bulk) as writer:
            stream = progress(items) if progress else items
            for doc in _first_copies(_validated(stream, report), report):
                writer.add(Signed(doc, _mark(stories, doc)))
                report.added += 1
        if report.added == 0 and not allow_empty:
            raise EmptyRebuildError(
                f"nothing to index ({len(report.rejected)} rejected): "
                f"the existing index at {store.root} was kept",
                report,
            )
        raise_if_interrupted()  # a Ctrl-C some library swallowed still keeps the old index
        store.publish(generation)
    except BaseException:
        # Unless the swap was done (Ctrl-C while publish made it durable): it is the live one now.
        if store.version() != generation.name:
            store.discard(generation)
        raise
    store.prune()
    report.seconds = time.perf_counter() - started
    return report
