"""`query` and `stats`: results as terminal text and as JSON, filters, the index's figures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from search.cli import EXIT_OK, terminal_text
from tests.cli.conftest import run


def test_rebuild_query_stats_on_the_seeds(
    tmp_path: Path, seeds: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    index = str(tmp_path / "index")
    code, out, err = run(capsys, "rebuild-index", str(seeds), "--index", index, "--procs", "1")
    assert code == EXIT_OK and "indexed 5 (5 new, 0 updated); rejected 0" in err

    code, out, _ = run(capsys, "query", "داعش", "--index", index)
    assert code == EXIT_OK and "5 result(s)" in out and "[داعش]" in out and "[ar]" in out

    code, out, _ = run(capsys, "query", "ISIS", "--index", index, "--json", "--limit", "2")
    results = json.loads(out)
    assert results["total"] == 5 and [h["lang"] for h in results["hits"]] == ["en", "en"]
    assert "<mark>ISIS</mark>" in results["hits"][0]["snippet"]

    code, out, _ = run(capsys, "query", "ISIS", "--index", index, "--lang", "ar")
    assert code == EXIT_OK and "1 result(s)" in out and "[تنظيم داعش]" in out

    code, out, _ = run(capsys, "stats", "--index", index, "--json")
    assert json.loads(out)["documents"] == 5


def test_terminal_text() -> None:
    assert terminal_text("a <mark>ISIS</mark> &amp; b", color=False) == "a [ISIS] & b"
    assert terminal_text("<mark>x</mark>", color=True) == "\033[1mx\033[0m"
