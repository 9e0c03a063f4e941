"""`rebuild-index` and `add`: what they index, what they reject, their report and exit code."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from search.cli import EXIT_OK, EXIT_REJECTED, EXIT_USAGE
from tests.cli.conftest import run


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


@pytest.mark.parametrize(
    "command", [["add"], ["rebuild-index", "--procs", "1"]], ids=["add", "rebuild-index"]
)
@pytest.mark.parametrize(
    ("rejects", "message"),
    [
        ("missing/rejects.jsonl", "folder {tmp}/missing does not exist"),
        (".", "is a folder, not a file"),
    ],
    ids=["no-such-folder", "a-folder"],
)
def test_unwritable_rejects_file_exits_2_before_indexing(
    command: list[str], rejects: str, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "feed.jsonl"
    source.write_text('{"title": "ok", "body": "Syria joins the coalition."}\n{broken\n', encoding="utf-8")
    index = tmp_path / "index"
    code, out, err = run(
        capsys, *command, str(source), "--index", str(index), "--rejects", str(tmp_path / rejects)
    )
    assert code == EXIT_USAGE and out == ""
    assert err.startswith(f"error: --rejects {tmp_path / rejects}: ") and len(err.splitlines()) == 1, err
    assert message.format(tmp=tmp_path) in err
    assert not index.exists()  # nothing indexed, so no reject list lost
