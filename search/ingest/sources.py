"""Walk files and folders and hand each file to the reader for its format.

Every file ends up as Documents, Rejections (with the file, line and reason)
or, for files of a type we do not read inside a folder, a Notice; the run
goes on after a bad file.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from search.documents import Document
from search.errors import InvalidDocumentError, SearchError
from search.ingest.decoding import decode
from search.ingest.feeds import read_feed, read_xml
from search.ingest.html import read_html
from search.ingest.jsonl import read_jsonl
from search.ingest.outcomes import Notice, Rejection
from search.ingest.pagedump import parse_page_dump

Outcome = Document | Rejection | Notice
# Pages and feeds are read into memory whole; one larger than this is not a
# page or a feed. (JSON Lines are streamed and have no limit.)
MAX_FILE_BYTES = 64 * 1024 * 1024


def read_page_dump(path: Path) -> Iterator[Outcome]:
    decoded = decode(path.read_bytes(), str(path))
    if decoded.note:
        yield Notice(str(path), decoded.note)
    yield parse_page_dump(decoded.text, origin=str(path))


READERS: dict[str, Callable[[Path], Iterator[Outcome]]] = {
    ".txt": read_page_dump,
    ".html": read_html,
    ".htm": read_html,
    ".rss": read_feed,
    ".atom": read_feed,
    ".xml": read_xml,
    ".rdf": read_xml,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
}
STREAMED = {read_jsonl}  # readers that never hold the whole file


class SourceNotFoundError(SearchError):
    """A path given on the command line or to the API does not exist."""


def supported_suffixes() -> list[str]:
    return sorted(READERS)


def iter_files(paths: Iterable[str | os.PathLike[str]]) -> Iterator[tuple[Path, bool]]:
    """(file, named explicitly) for every file under `paths`, in a stable order.

    Hidden files and folders (.git, .DS_Store) are skipped.
    """
    for given in paths:
        path = Path(given)
        if path.is_file():
            yield path, True
        elif path.is_dir():
            for folder, subfolders, files in os.walk(path):
                subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        yield Path(folder) / name, False
        else:
            raise SourceNotFoundError(_why_unusable(path))


def check_sources(paths: Iterable[str | os.PathLike[str]]) -> None:
    """Fail early, before any work, if a named path is not a file or folder."""
    for given in paths:
        path = Path(given)
        if not (path.is_file() or path.is_dir()):
            raise SourceNotFoundError(_why_unusable(path))


def _why_unusable(path: Path) -> str:
    if path.exists():  # /dev/null, a pipe, a socket: there, but holds no articles to read
        return f"{path}: not a file or folder (a device, pipe or socket); give article files or folders"
    return f"{path}: no such file or folder"


def read_sources(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Outcome]:
    """Documents, Rejections and Notices from every file under `paths`."""
    for path, explicit in iter_files(paths):
        reader = READERS.get(path.suffix.lower())
        if reader is None:
            readable = ", ".join(supported_suffixes())
            message = f"unsupported file type {path.suffix or '(none)'!r}; readable: {readable}"
            yield Rejection(str(path), message) if explicit else Notice(str(path), f"skipped: {message}")
            continue
        yield from _read_one(path, reader)


def _read_one(path: Path, reader: Callable[[Path], Iterator[Outcome]]) -> Iterator[Outcome]:
    produced = False
    if reader not in STREAMED and (size := path.stat().st_size) > MAX_FILE_BYTES:
        yield Rejection(
            str(path),
            f"{size // 2**20} MB is too large for one page or feed (limit {MAX_FILE_BYTES // 2**20} MB): "
            "split it, or convert it to JSON Lines",
        )
        return
    try:
        for outcome in reader(path):
            produced = produced or not isinstance(outcome, Notice)
            yield outcome
    except InvalidDocumentError as error:
        produced = True
        yield Rejection(str(path), str(error).removeprefix(f"{path}: "))
    except OSError as error:
        produced = True
        yield Rejection(str(path), f"cannot read: {error.strerror or error}")
    if not produced:
        yield Rejection(str(path), "empty file: no documents in it")
