"""Read JSON Lines: one article per line, fields id, title, body, lang, published, source, url.

Lines are read and judged one at a time, so a broken line in the middle is
rejected with its line number while the lines around it are indexed. Unknown
fields are ignored and named once per file in a Notice, so a mapping mistake
(`text` instead of `body`) is visible in the run summary.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from search.documents import Document
from search.errors import InvalidDocumentError, UndecodableError
from search.ingest.decoding import decode, looks_binary
from search.ingest.outcomes import Notice, Rejection
from search.ingest.records import FIELDS, document_from_record

KNOWN_FIELDS = frozenset(FIELDS)


def read_jsonl(path: Path) -> Iterator[Document | Rejection | Notice]:
    """Documents, Rejections (per bad line) and Notices from one JSONL file."""
    unknown: set[str] = set()
    for number, line in _lines(path):
        origin = f"{path}:{number}"
        if isinstance(line, Rejection):
            yield line
            continue
        if not line.strip():
            continue
        try:
            # Without its line end, a line cut inside a string reads "Unterminated
            # string", not "Invalid control character" (the newline).
            record = json.loads(line.rstrip("\r\n"))
        except json.JSONDecodeError as error:
            problem = error.msg.removesuffix(" at")  # "Invalid control character at"
            yield Rejection(
                origin, f"broken JSON ({problem} at column {error.colno}): fix or remove the line"
            )
            continue
        if not isinstance(record, dict):
            yield Rejection(origin, f"expected a JSON object per line, got {type(record).__name__}")
            continue
        unknown.update(set(record) - KNOWN_FIELDS)
        try:
            yield document_from_record({key: record.get(key) for key in KNOWN_FIELDS}, origin)
        except InvalidDocumentError as error:
            yield Rejection(origin, str(error), str(record.get("id") or ""))
    if unknown:
        yield Notice(
            str(path),
            f"ignored unknown field(s) {', '.join(sorted(unknown))}; known fields are {', '.join(FIELDS)}",
        )


def _lines(path: Path) -> Iterator[tuple[int, str | Rejection]]:
    """(line number, text) pairs; a line that is not UTF-8 comes back as a Rejection.

    UTF-8 files (the JSON norm) are streamed line by line; other encodings
    (UTF-16 exports) are decoded whole first.
    """
    with path.open("rb") as stream:
        head = stream.read(4096)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or head[1:2] == b"\x00" or head[:1] == b"\x00":
        try:
            text = decode(path.read_bytes(), str(path)).text
        except UndecodableError as error:
            yield 1, Rejection(str(path), str(error))
            return
        yield from enumerate(text.splitlines(), start=1)
        return
    if looks_binary(head.decode("latin-1")):
        # An image or archive saved as .jsonl: one rejection, not one per "line".
        reason = "binary data, not text (control bytes throughout): not a JSON Lines file"
        yield 1, Rejection(str(path), reason)
        return
    with path.open("rb") as stream:
        for number, raw in enumerate(stream, start=1):
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            try:
                yield number, raw.decode("utf-8")
            except UnicodeDecodeError as error:
                yield (
                    number,
                    Rejection(
                        f"{path}:{number}",
                        f"not UTF-8 ({error.reason} at byte {error.start} of the line): "
                        "JSON Lines must be UTF-8",
                    ),
                )
