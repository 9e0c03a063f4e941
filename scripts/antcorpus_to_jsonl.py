"""Map the ANT corpus JSONL (docno, url, src, cat, title, time, author, abstract,
text) onto this project's JSON Lines fields (id, title, body, lang, published,
source, url). Works for antcorpus and antcorpus-multisource alike; the mapping
itself is search.evaluation.corpora.convert_ant.

    python scripts/antcorpus_to_jsonl.py ../shared/data/antcorpus/antcorpus-v1.1.jsonl > ant.jsonl
    news-search rebuild-index ant.jsonl --index ant-index
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from search.evaluation.corpora import convert_ant as convert


def records(paths: list[Path]) -> Iterator[dict[str, str]]:
    for path in paths:
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    yield convert(json.loads(line))


def write(paths: list[Path], out: TextIO, limit: int | None = None) -> int:
    count = 0
    for record in records(paths):
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
        if limit and count >= limit:
            break
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", type=Path, help="ANT corpus .jsonl files")
    parser.add_argument("--limit", type=int, help="stop after this many records")
    args = parser.parse_args()
    for path in args.paths:
        if not path.exists():
            sys.exit(f"{path}: not found (the corpora live in ../shared/data)")
    count = write(args.paths, sys.stdout, args.limit)
    print(f"{count} records", file=sys.stderr)


if __name__ == "__main__":
    main()
