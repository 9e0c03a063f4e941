"""Word counts of the Arabic news corpora in ../shared/data, for the data builders.

Only the Apache-2.0 ANT corpora (never the evaluation sets); shared by
build_arabic_stem_exceptions.py and build_alias_lexicons.py.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from search.analysis import arabic
from search.analysis.tokenizer import SCRIPT_ARABIC, tokenize

CORPORA = (
    "antcorpus/antcorpus-v1.1.jsonl",
    "antcorpus-multisource/ant-v2.1-bbc-arabic.jsonl",
    "antcorpus-multisource/ant-v2.1-cnn-arabic.jsonl",
)


def count_words(data_dir: Path) -> Counter[str]:
    """Normalised Arabic word counts over titles and texts of the corpora."""
    counts: Counter[str] = Counter()
    for name in CORPORA:
        path = data_dir / name
        if not path.exists():
            sys.exit(f"missing corpus {path}: pass --data pointing at ../shared/data")
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                text = f"{record.get('title') or ''}\n{record.get('text') or ''}"
                counts.update(
                    arabic.normalize(token.text) for token in tokenize(text) if token.script == SCRIPT_ARABIC
                )
    return counts
