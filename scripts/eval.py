"""Run the full retrieval evaluation and record it in docs/evaluation.md (and docs/evaluation.json).

Builds every development collection from ../shared/data, indexes it with
news-search and the two baselines, scores all of them, and rewrites the
generated part of docs/evaluation.md (the prose around it is kept).

    python scripts/eval.py [--data ../shared/data] [--collection NAME ...] [--no-write]
    python scripts/eval.py --quick    # xquad-ar, xquad-en, arcd-dev only, about a minute; writes nothing
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from datetime import date
from pathlib import Path

from search.evaluation.collections import NAMES
from search.evaluation.command import collections_report
from search.evaluation.report import markdown, rewrite_between_markers

DOCS = Path(__file__).resolve().parent.parent / "docs"
QUICK = ("xquad-ar", "xquad-en", "arcd-dev")  # the small collections: about a minute


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--data", help="shared data folder (default: ../shared/data or $NEWS_SEARCH_SHARED/data)"
    )
    parser.add_argument("--collection", action="append", choices=NAMES, help="only these (default: all)")
    parser.add_argument("--no-write", action="store_true", help="print the tables, leave docs/ alone")
    parser.add_argument("--quick", action="store_true", help=f"only {', '.join(QUICK)}; implies --no-write")
    args = parser.parse_args()
    if args.quick:
        args.collection, args.no_write = list(QUICK), True
    started = time.perf_counter()
    report = collections_report(args.collection or (), args.data, lambda line: print(line, file=sys.stderr))
    command = "python scripts/eval.py" + "".join(f" --collection {name}" for name in args.collection or ())
    header = (
        f"Run on {date.today().isoformat()} with `{command}` "
        f"({time.perf_counter() - started:.0f} s, Python {platform.python_version()}, {platform.machine()})."
    )
    generated = f"{header}\n\n{markdown(report)}"
    print(generated)
    if not args.no_write:
        rewrite_between_markers(DOCS / "evaluation.md", generated)
        rows = [row.to_dict() for row in report.rows]
        record = {"date": date.today().isoformat(), "command": command, "rows": rows, "notes": report.notes}
        (DOCS / "evaluation.json").write_text(
            json.dumps(record, ensure_ascii=False, indent=1) + "\n", "utf-8"
        )
        print(f"written to {DOCS / 'evaluation.md'} and evaluation.json", file=sys.stderr)


if __name__ == "__main__":
    main()
