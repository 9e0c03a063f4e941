"""The Whoosh glue: tokens with offsets, and a schema that survives pickling."""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path

from search.analysis.analyzers import BilingualAnalyzer
from search.index import IndexStore


def test_tokens_carry_positions_and_original_offsets() -> None:
    text = "ضربات لداعش بسوريـا"
    tokens = [
        (t.text, t.pos, text[t.startchar : t.endchar])
        for t in BilingualAnalyzer()(text, positions=True, chars=True)
    ]
    assert tokens == [("ضرب", 0, "ضربات"), ("داعش", 1, "لداعش"), ("سور", 2, "بسوريـا")]


def test_views_differ() -> None:
    stem = [t.text for t in BilingualAnalyzer("stem")("the coalitions")]
    exact = [t.text for t in BilingualAnalyzer("exact")("the coalitions")]
    assert (stem, exact) == (["coalit"], ["the", "coalitions"])


def test_analyzer_pickles_by_reference() -> None:
    analyzer = pickle.loads(pickle.dumps(BilingualAnalyzer("exact")))
    assert analyzer == BilingualAnalyzer("exact") and analyzer != BilingualAnalyzer("stem")


def test_index_opens_in_a_fresh_interpreter(tmp_path: Path) -> None:
    """Whoosh pickles the schema into the index: a closure or lambda would
    only fail when another process opens it."""
    IndexStore(tmp_path / "index").create()
    path = str(tmp_path / "index")
    script = (
        "from search.backends.whoosh import BACKEND; from search.index import IndexStore; "
        f"print(BACKEND.open(IndexStore({path!r}).current()).schema['body'].analyzer)"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert "BilingualAnalyzer(view='stem')" in result.stdout
