"""Draw a fixed random sample of entity matches from the corpora, for judging precision by hand.

Only matches that count at index time (confirmed ones) are drawn; with
--ambiguous, only those of ambiguous forms (الشرع, الأسد, IS ...). Each line:
number, entity type, entity id, the form written, and the words around it.
The judgments themselves are not committed (the bbc-en corpus is research-use
only); the issue note reports precision per type.

    python scripts/sample_alias_matches.py --count 100 --seed 7 > /tmp/alias-sample.tsv
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from search.aliases.matcher import confirmed
from search.aliases.resolver import AliasResolver

ROOT = Path(__file__).resolve().parent.parent
CORPORA = (
    ("antcorpus/antcorpus-v1.1.jsonl", "text"),
    ("antcorpus-multisource/ant-v2.1-bbc-arabic.jsonl", "text"),
    ("antcorpus-multisource/ant-v2.1-cnn-arabic.jsonl", "text"),
    ("bbc-en/bbc-fulltext-2225.jsonl", "text"),
)
CONTEXT = 60


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--ambiguous", action="store_true", help="only ambiguous forms (the risky ones)")
    args = parser.parse_args()
    resolver = AliasResolver.load()
    found = []
    for name, field in CORPORA:
        with (args.data / name).open(encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                text = f"{record.get('title') or ''}\n{record.get(field) or ''}"
                found += [
                    (text, mention)
                    for mention in confirmed(resolver.mentions(text))
                    if mention.ambiguous or not args.ambiguous
                ]
    random.Random(args.seed).shuffle(found)
    for number, (text, mention) in enumerate(found[: args.count], start=1):
        entity = resolver.entity(mention.entity)
        left = text[max(mention.start - CONTEXT, 0) : mention.start].replace("\n", " ")
        right = text[mention.end : mention.end + CONTEXT].replace("\n", " ")
        context = f"{left} [[{mention.written}]] {right}"
        print(f"{number}\t{entity.type}\t{mention.entity}\t{mention.written}\t{context}")


if __name__ == "__main__":
    main()
