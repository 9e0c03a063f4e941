"""The on-disk index: generations with an atomic swap, and the fields every backend stores.

An index path holds generation folders (`gen-...`), each a complete index of
one backend (search/backends/; the folder's BACKEND file names it), and a
small `CURRENT` file naming the live one. A rebuild fills a new generation
and then replaces `CURRENT` with one atomic rename, so readers see the old
index or the new one, never half of either; a failed rebuild leaves
`CURRENT` untouched. Incremental adds write into the live generation through
the backend's own transactional commit.
"""

from __future__ import annotations

import calendar
import os
import secrets
import shutil
import time
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from search.aliases.resolver import Annotation
from search.aliases.resolver import fingerprint as aliases_fingerprint
from search.analysis.version import analysis_fingerprint
from search.backends import BACKEND_FILE, DEFAULT_BACKEND, Backend, backend_of, get_backend
from search.backends.cluster.config import CLUSTER_FILE, is_cluster
from search.documents import Document, content_id
from search.errors import IndexExistsError, IndexNotFoundError, SearchError
from search.facets import day_language_key
from search.stories import Mark

POINTER = "CURRENT"
ALIASES_FOLDER = "aliases"  # user lexicon files the generation was built with
ALIASES_FINGERPRINT = "ALIASES"  # which lexicon (shipped + user) built the entities field
ANALYSIS_FINGERPRINT = "ANALYSIS"  # which analysis built the terms (search/analysis/version.py)
PUBLISHED_MARK = "PUBLISHED"  # in a generation that was live once; the others were never read
GENERATION_PREFIX = "gen-"
KEEP_GENERATIONS = 2  # the live one and the one before it (readers may still hold it)
GRACE_SECONDS = 600  # and any generation touched this recently: a search may still be reading it


def date_key(moment: datetime) -> int:
    """Seconds since 1970 (UTC, naive datetimes taken as written)."""
    return calendar.timegm(moment.timetuple())


def stored_published(stored: Mapping[str, Any]) -> datetime | None:
    """The publication time of an article's stored fields (document_fields writes it as ISO text)."""
    published = stored.get("published") or ""
    return datetime.fromisoformat(published) if published else None


def document_fields(
    doc: Document, annotation: Annotation | None = None, mark: Mark | None = None
) -> dict[str, object]:
    """The index fields of one Document (and what the aliases found in it, and its story),
    as every backend receives them: text to analyse, keywords, date keys, stored values."""
    values: dict[str, object] = {
        "id": doc.id,
        "title": doc.title,
        "body": doc.body,
        "title_exact": doc.title,
        "body_exact": doc.body,
        "lang": doc.lang,
        "source": doc.source,
        "source_words": doc.source,
        "url": doc.url,
        "author": doc.author,
        "published": doc.published.isoformat() if doc.published else "",
        "dateline": doc.dateline,
        "content_hash": content_id(doc.title, doc.body),
    }
    if doc.title_from_body:
        # Shown as the title, but not indexed as one: these words are the
        # body's own, and a second, boosted copy would rank untitled items
        # by their first line (measured on the paragraph collections,
        # docs/evaluation.md).
        values["_stored_title"] = doc.title
        values["title"] = values["title_exact"] = ""
    if doc.published:
        values["newest_key"] = values["oldest_key"] = date_key(doc.published)
        values["month"] = month_key(doc.published)
        values["day_lang"] = day_language_key(doc.published, doc.lang)
    if annotation is not None:
        values["entities"] = ",".join(annotation.entities)
        values["entity_ids"] = ",".join(annotation.entity_ids)
        values["names"] = " ".join(annotation.name_keys)
        values["consonants"] = " ".join(annotation.consonant_keys)
        values["capitalised"] = " ".join(annotation.capitalised)
    if mark is not None:
        values.update(mark.fields())  # story (exact value), bands (keywords), signature (stored)
    return values


def month_key(moment: datetime) -> str:
    """The month facet value of a date: "2025-12"."""
    return f"{moment.year:04d}-{moment.month:02d}"


class IndexStore:
    """The folder of generations behind one index path."""

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = Path(root)

    @property
    def pointer(self) -> Path:
        return self.root / POINTER

    def current(self) -> Path | None:
        """The live generation folder, or None when there is no index here."""
        try:
            name = self.pointer.read_text("utf-8").strip()
        except FileNotFoundError:
            return None
        path = self.root / name
        if not name.startswith(GENERATION_PREFIX) or not path.is_dir():
            return None
        return path if get_backend(backend_of(path)).exists(path) else None

    def exists(self) -> bool:
        return self.current() is not None

    def version(self) -> str:
        """Changes whenever a rebuild swaps generations (cheap: one small read)."""
        try:
            return self.pointer.read_text("utf-8").strip()
        except FileNotFoundError:
            return ""

    def new_generation(self, backend: str = DEFAULT_BACKEND) -> Path:
        """An empty generation folder holding an empty index of `backend`."""
        engine = get_backend(backend)  # a missing extra fails here, before any folder is made
        if is_cluster(self.root) and not engine.remote:
            raise SearchError(
                f"--backend {backend}: {self.root} is a cluster index (its shards are in {CLUSTER_FILE}); "
                "rebuild it without --backend, or give another --index for a local one"
            )
        self.root.mkdir(parents=True, exist_ok=True)
        stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime())
        path = self.root / f"{GENERATION_PREFIX}{stamp}-{secrets.token_hex(3)}"
        path.mkdir()
        try:
            (path / BACKEND_FILE).write_text(engine.name + "\n", "utf-8")
            (path / ANALYSIS_FINGERPRINT).write_text(analysis_fingerprint() + "\n", "utf-8")
            engine.create(path)
        except BaseException:
            shutil.rmtree(path, ignore_errors=True)  # a cluster shard that did not answer, a full disk
            raise
        return path

    def backend_name(self) -> str:
        """The backend of the live generation (the default when there is none)."""
        generation = self.current()
        return backend_of(generation) if generation else DEFAULT_BACKEND

    def publish(self, generation: Path) -> None:
        """Make `generation` live with one atomic rename, durable across a crash."""
        (generation / PUBLISHED_MARK).write_text(time.strftime("%Y-%m-%dT%H:%M:%S\n"), "utf-8")
        _fsync_tree(generation)
        temporary = self.root / f".{POINTER}.{secrets.token_hex(4)}"
        with temporary.open("w", encoding="utf-8") as handle:
            handle.write(generation.name + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, self.pointer)
        _fsync_directory(self.root)

    def alias_files(self, generation: Path | None = None) -> list[Path]:
        """The user lexicon files stored with a generation (the live one by default)."""
        generation = generation or self.current()
        folder = generation / ALIASES_FOLDER if generation else None
        return sorted(folder.glob("*.tsv")) if folder and folder.is_dir() else []

    def store_aliases(self, generation: Path, files: list[Path], fingerprint: str) -> list[Path]:
        """Copy user lexicon files into a generation, so it keeps using them."""
        folder = generation / ALIASES_FOLDER
        stored = []
        for number, path in enumerate(files, start=1):
            folder.mkdir(exist_ok=True)
            target = folder / f"{number:02d}-{Path(path).name}"
            if target.suffix != ".tsv":
                target = target.with_suffix(".tsv")
            shutil.copyfile(path, target)
            stored.append(target)
        (generation / ALIASES_FINGERPRINT).write_text(fingerprint + "\n", "utf-8")
        return stored

    def aliases_fingerprint(self, generation: Path | None = None) -> str:
        return self._recorded(ALIASES_FINGERPRINT, generation)

    def analysis_fingerprint(self, generation: Path | None = None) -> str:
        """The analysis the generation (the live one by default) was built with; "" if built
        before generations recorded it."""
        return self._recorded(ANALYSIS_FINGERPRINT, generation)

    def _recorded(self, name: str, generation: Path | None) -> str:
        generation = generation or self.current()
        try:
            return (generation / name).read_text("utf-8").strip() if generation else ""
        except FileNotFoundError:
            return ""

    def discard(self, generation: Path) -> bool:
        """Remove a generation that is not live (a failed rebuild, a replaced one), with its
        data where the backend keeps it elsewhere; False if that could not be done now."""
        try:
            get_backend(backend_of(generation)).discard(generation)
        except SearchError:
            return False  # a shard down, or the backend's library gone: the next prune tries again
        return True

    def _remote(self, generation: Path) -> bool:
        try:
            return get_backend(backend_of(generation)).remote
        except SearchError:
            return False

    def prune(self) -> list[Path]:
        """Delete abandoned and old generations (call with the writer lock held).

        Abandoned: never published (a rebuild that crashed or was killed), so
        no reader ever opened them. Old: published once, now superseded; the
        one before the live one, and any superseded in the last GRACE_SECONDS,
        are kept for searches that may still be reading them.
        """
        live = self.current()
        generations = sorted(
            (path for path in self.root.glob(f"{GENERATION_PREFIX}*") if path.is_dir()),
            key=lambda path: path.stat().st_mtime,
        )
        abandoned = [path for path in generations if path != live and not (path / PUBLISHED_MARK).exists()]
        older = [path for path in generations if path != live and path not in abandoned]
        # Readers of a local generation may still hold its files; a remote one's are gone at once.
        local = [path for path in older if not self._remote(path)]
        recent = time.time() - GRACE_SECONDS
        superseded = [path for path in older if path not in local] + [
            path
            for path in local[: max(len(local) - (KEEP_GENERATIONS - 1), 0)]
            if path.stat().st_mtime < recent
        ]
        removed = [path for path in abandoned + superseded if self.discard(path)]
        for stale in self.root.glob(f".{POINTER}.*"):
            stale.unlink(missing_ok=True)
        return removed

    def create(self, overwrite: bool = False, backend: str = DEFAULT_BACKEND) -> Path:
        """A new empty live index; IndexExistsError if one is here and not `overwrite`."""
        if self.exists() and not overwrite:
            raise IndexExistsError(
                f"{self.root}: an index already exists; open it, or pass overwrite=True "
                "(--force on the command line) to replace it"
            )
        if self.root.exists() and not self.root.is_dir():
            raise IndexExistsError(f"{self.root}: is a file, not an index folder")
        generation = self.new_generation(backend)
        self.store_aliases(generation, [], aliases_fingerprint())
        self.publish(generation)
        self.prune()
        return generation

    def open(self) -> tuple[Backend, Path]:
        """The live generation and its backend; IndexNotFoundError with what to run if there
        is none, BackendUnavailableError with what to install if its backend is missing."""
        generation = self.current()
        if generation is None:
            raise IndexNotFoundError(
                f"{self.root}: no index here; build one with `news-search rebuild-index SOURCE... "
                f"--index {self.root}` or Engine.create()"
            )
        return get_backend(backend_of(generation)), generation


def _fsync_directory(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _fsync_tree(path: Path) -> None:
    """Flush a finished generation (files and folders) to disk before it is published."""
    for item in path.rglob("*"):
        if item.is_file():
            with item.open("rb") as handle:
                os.fsync(handle.fileno())
        elif item.is_dir():
            _fsync_directory(item)
    _fsync_directory(path)
