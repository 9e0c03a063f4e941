"""The news-search command: each command, its output and its exit code."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from search.cli import EXIT_OK, EXIT_REJECTED, EXIT_USAGE, main, terminal_text


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


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


def test_rejected_documents_exit_1_and_are_written_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "feed.jsonl"
    source.write_text('{"title": "ok", "body": "Syria joins the coalition."}\n{broken\n', encoding="utf-8")
    rejects = tmp_path / "rejects.jsonl"
    code, _, err = run(
        capsys, "rebuild-index", str(source), "--index", str(tmp_path / "i"), "--rejects", str(rejects)
    )
    assert code == EXIT_REJECTED and "rejected 1" in err and "feed.jsonl:2" in err
    [record] = [json.loads(line) for line in rejects.read_text().splitlines()]
    assert record["kind"] == "rejected" and record["origin"].endswith("feed.jsonl:2")


def test_usage_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "rebuild-index", str(tmp_path / "missing"), "--index", str(tmp_path / "i"))
    assert code == EXIT_USAGE and "no such file or folder" in err
    code, _, err = run(capsys, "query", "x", "--index", str(tmp_path / "none"))
    assert code == EXIT_USAGE and "no index here" in err
    code, _, err = run(capsys, "rebuild-index", "--index", str(tmp_path / "i"))
    assert code == EXIT_USAGE and "SOURCE" in err
    code, _, err = run(capsys, "query", "x", "--limit", "1000", "--index", str(tmp_path / "none"))
    assert code == EXIT_USAGE


def test_failed_rebuild_keeps_the_old_index(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    index = str(tmp_path / "index")
    run(capsys, "rebuild-index", "--sample", "--index", index, "--procs", "1")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    code, _, err = run(capsys, "rebuild-index", str(empty), "--index", index)
    assert code == EXIT_USAGE and "was kept" in err
    code, out, _ = run(capsys, "query", "تدمر", "--index", index, "--json")
    assert code == EXIT_OK and json.loads(out)["total"] >= 5


def test_add_creates_then_updates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "one.jsonl"
    source.write_text('{"id": "x1", "title": "Raqqa", "body": "Checkpoints in Raqqa."}\n')
    index = str(tmp_path / "index")
    code, _, err = run(capsys, "add", str(source), "--index", index)
    assert code == EXIT_OK and "created a new index" in err and "1 new" in err
    code, _, err = run(capsys, "add", str(source), "--index", index)
    assert code == EXIT_OK and "0 updated); unchanged 1" in err
    source.write_text('{"id": "x1", "title": "Raqqa", "body": "More checkpoints in Raqqa."}\n')
    code, _, err = run(capsys, "add", str(source), "--index", index)
    assert code == EXIT_OK and "(0 new, 1 updated)" in err


def test_index_from_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("NEWS_SEARCH_INDEX", str(tmp_path / "env-index"))
    code, _, _ = run(capsys, "rebuild-index", "--sample", "--procs", "1")
    assert code == EXIT_OK and (tmp_path / "env-index" / "CURRENT").exists()


def test_eval_scores_your_own_index_and_judgments(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        '{"id": "a1", "title": "غارات على تدمر", "body": "قصفت الطائرات مواقع قرب تدمر."}\n'
        '{"id": "a2", "title": "انتخابات العراق", "body": "تجري الانتخابات في العراق."}\n'
        '{"id": "e1", "title": "Strikes near Palmyra", "body": "Jets hit positions near Palmyra."}\n',
        "utf-8",
    )
    index = str(tmp_path / "index")
    run(capsys, "rebuild-index", str(feed), "--index", index, "--procs", "1")
    queries, qrels = tmp_path / "q.jsonl", tmp_path / "qrels.tsv"
    queries.write_text('{"id": "1", "query": "بتدمر"}\n{"id": "2", "query": "Palmyra"}\n', "utf-8")
    # Query 2's judged document is the Arabic one: the alias تدمر = Palmyra reaches it, second
    # after the English article. MRR (1 + 1/2) / 2; nDCG (1 + 1/log2(3)) / 2.
    qrels.write_text("1 0 a1 1\n2 0 a1 1\n", "utf-8")
    code, out, _ = run(capsys, "eval", "--queries", str(queries), "--qrels", str(qrels), "--index", index)
    assert code == EXIT_OK
    assert (
        "| your judgments: match=all | 2 | news-search" in out and "| 0.750 | 0.815 | 1.000 | 1.000 |" in out
    )

    code, out, _ = run(
        capsys, "eval", "--queries", str(queries), "--qrels", str(qrels), "--index", index, "--json"
    )
    assert json.loads(out)["rows"][0]["MRR@10"] == 0.75

    qrels.write_text("1 a1 1\n", "utf-8")
    code, _, err = run(capsys, "eval", "--queries", str(queries), "--qrels", str(qrels), "--index", index)
    assert code == EXIT_USAGE and "qrels.tsv:1: expected 4 columns" in err
    code, _, err = run(capsys, "eval", "--queries", str(queries), "--index", index)
    assert code == EXIT_USAGE and "give both --queries" in err


@pytest.mark.parametrize("command", ["rebuild-index", "add", "query", "stats", "eval"])
def test_help_on_every_command(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0 and "--index" in capsys.readouterr().out


def test_python_dash_m_and_console_script(tmp_path: Path) -> None:
    for argv in ([sys.executable, "-m", "search"], [str(Path(sys.executable).parent / "news-search")]):
        result = subprocess.run(
            [*argv, "stats", "--index", str(tmp_path / "none")], capture_output=True, text=True
        )
        assert result.returncode == EXIT_USAGE and "no index here" in result.stderr


def test_terminal_text() -> None:
    assert terminal_text("a <mark>ISIS</mark> &amp; b", color=False) == "a [ISIS] & b"
    assert terminal_text("<mark>x</mark>", color=True) == "\033[1mx\033[0m"


def test_aliases_lookup_explains_matches(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(
        capsys, "aliases", "lookup", "أكد أحمد الشرع لداعش", "us", "Alshaibani", "--index", str(tmp_path)
    )
    assert code == EXIT_OK
    assert "أحمد الشرع\tahmed-al-sharaa [person]" in out
    assert "لداعش\tisis [armed_group]" in out and "written 'لداعش'" in out
    assert "Alshaibani\tname keys shibani" in out and "\nus\t" not in out


def test_aliases_check(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    good = tmp_path / "good.tsv"
    good.write_text("id\ttype\ten\tar\tambiguous\tnote\nexample-town\tplace\tExampleton\tبلدة المثال\t\t\n")
    code, out, _ = run(capsys, "aliases", "check", str(good))
    assert code == EXIT_OK and "ok: 1 entities" in out and "needs a rebuild" in out
    bad = tmp_path / "bad.tsv"
    bad.write_text("id\ttype\ten\tar\tambiguous\tnote\nx\tplace\tDaesh\tمثال\t\t\n")
    code, _, err = run(capsys, "aliases", "check", str(bad))
    assert code == EXIT_USAGE and f"{bad}:2: form 'Daesh' is already claimed by isis" in err


def test_rebuild_with_user_aliases(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lexicon = tmp_path / "mine.tsv"
    lexicon.write_text(
        "id\ttype\ten\tar\tambiguous\tnote\nexample-town\tplace\tExampleton\tبلدة المثال\t\t\n"
    )
    index = str(tmp_path / "index")
    code, _, err = run(
        capsys, "rebuild-index", "--sample", "--aliases", str(lexicon), "--index", index, "--procs", "1"
    )
    assert code == EXIT_OK and "rebuild to update the entities" in err
    code, out, _ = run(capsys, "stats", "--index", index)
    assert "aliases:    " in out and "1 user file(s); current" in out
