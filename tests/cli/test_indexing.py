"""`rebuild-index` and `add`: what they index, what they reject, their report and exit code."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from search.cli import EXIT_OK, EXIT_REJECTED, EXIT_USAGE, sample_corpus
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
    assert code == EXIT_OK and "created a new whoosh index" in err and "1 new" in err
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


def test_ctrl_c_during_a_multiprocess_rebuild_prints_one_line(tmp_path: Path, backend: str) -> None:
    """Ctrl-C reaches the whole process group, as at a terminal: one line, exit 130, old index kept."""
    index = tmp_path / "index"
    run_cli = [sys.executable, "-m", "search"]
    subprocess.run(
        [*run_cli, "rebuild-index", "--sample", "--index", str(index), "--procs", "1", "--backend", backend],
        check=True,
        capture_output=True,
    )
    live = (index / "CURRENT").read_text()
    articles = [
        json.loads(line) for line in sample_corpus().joinpath("articles.jsonl").read_text().splitlines()
    ]
    corpus = tmp_path / "many.jsonl"
    with corpus.open("w", encoding="utf-8") as out:
        for number in range(3000):  # seconds of work for two writers: still running when interrupted
            article = dict(articles[number % len(articles)], id=f"copy-{number}")
            article["body"] += f"\n\nCopy {number}."  # distinct text, or it is a duplicate
            out.write(json.dumps(article, ensure_ascii=False) + "\n")
    command = [*run_cli, "rebuild-index", str(corpus), "--index", str(index), "--procs", "2"]
    with subprocess.Popen(command, stderr=subprocess.PIPE, text=True, start_new_session=True) as rebuild:
        workers = _writer_processes(rebuild.pid, 2)
        os.killpg(rebuild.pid, signal.SIGINT)
        _, err = rebuild.communicate(timeout=60)
    assert rebuild.returncode == 130 and err == "interrupted; the live index is unchanged\n", err
    _, alive = psutil.wait_procs(workers, timeout=10)
    assert not alive  # no writer left behind
    assert (index / "CURRENT").read_text() == live
    assert [path.name for path in index.glob("gen-*")] == [live.strip()]  # the new generation thrown away


# Runs a rebuild in which a library swallows the KeyboardInterrupt of a Ctrl-C, as an
# import's weakref callback did (scipy, imported at the first signature), or turns it into
# another error, as a library's `except Exception` does.
_SWALLOWING_DRIVER = """
import signal, sys
import search.stories as stories
from search.cli import main

real_assign = stories.StoryAssigner.assign
calls = []

def assign(self, *args, **kwargs):
    calls.append(None)
    if len(calls) == 3:
        try:
            signal.raise_signal(signal.SIGINT)
        except KeyboardInterrupt:
            {handling}
    return real_assign(self, *args, **kwargs)

stories.StoryAssigner.assign = assign
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize(
    "handling", ["pass", "raise TypeError('expected a message argument') from None"], ids=["lost", "turned"]
)
def test_ctrl_c_that_a_library_swallows_still_keeps_the_old_index(
    handling: str, tmp_path: Path, backend: str
) -> None:
    index = tmp_path / "index"
    run_cli = [sys.executable, "-m", "search"]
    rebuild = ["rebuild-index", "--sample", "--index", str(index), "--procs", "1"]
    subprocess.run([*run_cli, *rebuild, "--backend", backend], check=True, capture_output=True)
    live = (index / "CURRENT").read_text()
    driver = tmp_path / "driver.py"
    driver.write_text(_SWALLOWING_DRIVER.format(handling=handling), encoding="utf-8")
    interrupted = subprocess.run(
        [sys.executable, str(driver), *rebuild], capture_output=True, text=True, timeout=120
    )
    assert interrupted.returncode == 130, interrupted.stderr
    assert interrupted.stderr == "interrupted; the live index is unchanged\n"
    assert (index / "CURRENT").read_text() == live
    assert [path.name for path in index.glob("gen-*")] == [live.strip()]


# Runs a rebuild that Ctrl-C reaches just after the new generation was swapped in, while
# publish makes the swap durable.
_LATE_DRIVER = """
import signal, sys
from search.cli import main
from search.index import IndexStore

real_publish = IndexStore.publish

def publish(self, generation):
    real_publish(self, generation)
    signal.raise_signal(signal.SIGINT)

IndexStore.publish = publish
sys.exit(main(sys.argv[1:]))
"""


def test_ctrl_c_just_after_the_swap_keeps_the_new_index_and_says_so(tmp_path: Path, backend: str) -> None:
    index = tmp_path / "index"
    rebuild = ["rebuild-index", "--sample", "--index", str(index), "--procs", "1"]
    subprocess.run(
        [sys.executable, "-m", "search", *rebuild, "--backend", backend], check=True, capture_output=True
    )
    old = (index / "CURRENT").read_text()
    driver = tmp_path / "driver.py"
    driver.write_text(_LATE_DRIVER, encoding="utf-8")
    late = subprocess.run(
        [sys.executable, str(driver), *rebuild], capture_output=True, text=True, timeout=120
    )
    assert late.returncode == 130 and late.stderr == "interrupted after the rebuilt index went live\n"
    new = (index / "CURRENT").read_text()
    assert new != old and (index / new.strip()).is_dir()  # the live generation was not discarded
    found = subprocess.run(
        [sys.executable, "-m", "search", "query", "Palmyra", "--index", str(index), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(found.stdout)["total"] > 0


def _writer_processes(pid: int, count: int) -> list[psutil.Process]:
    """The rebuild's writer processes, once `count` of them have started (they start with the work)."""
    parent = psutil.Process(pid)
    deadline = time.monotonic() + 30
    while len(children := parent.children(recursive=True)) < count:
        assert time.monotonic() < deadline, "the writers never started"
        time.sleep(0.02)
    return children
