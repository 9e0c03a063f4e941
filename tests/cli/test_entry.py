"""`main` and its ways in (`python -m search`, the console script): errors become exit code 2."""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
from pathlib import Path

import pytest

from search.cli import EXIT_USAGE
from search.cli.exits import EXIT_BROKEN_PIPE
from tests.cli.conftest import run


def test_usage_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "rebuild-index", str(tmp_path / "missing"), "--index", str(tmp_path / "i"))
    assert code == EXIT_USAGE and "no such file or folder" in err
    code, _, err = run(capsys, "query", "x", "--index", str(tmp_path / "none"))
    assert code == EXIT_USAGE and "no index here" in err
    code, _, err = run(capsys, "rebuild-index", "--index", str(tmp_path / "i"))
    assert code == EXIT_USAGE and "SOURCE" in err
    code, _, err = run(capsys, "query", "x", "--limit", "1000", "--index", str(tmp_path / "none"))
    assert code == EXIT_USAGE


def test_python_dash_m_and_console_script(tmp_path: Path) -> None:
    for argv in ([sys.executable, "-m", "search"], [str(Path(sys.executable).parent / "news-search")]):
        result = subprocess.run(
            [*argv, "stats", "--index", str(tmp_path / "none")], capture_output=True, text=True
        )
        assert result.returncode == EXIT_USAGE and "no index here" in result.stderr


@pytest.mark.parametrize("buffered", [False, True], ids=["unbuffered", "buffered"])
@pytest.mark.parametrize("command", [["stats"], ["query", "Palmyra", "--json"]], ids=["stats", "query"])
def test_output_into_a_closed_pipe_ends_quietly(
    command: list[str], buffered: bool, sample_index: Path
) -> None:
    """As `news-search stats | head -1` when head has gone: exit 141 like a tool killed by SIGPIPE."""
    environment = {key: value for key, value in os.environ.items() if key != "PYTHONUNBUFFERED"}
    if not buffered:  # every print is a write: the error comes mid-command, not at the final flush
        environment["PYTHONUNBUFFERED"] = "1"
    reader, writer = os.pipe()
    os.close(reader)  # the reader is gone before the first write: deterministic, unlike a race with head
    try:
        result = subprocess.run(
            [sys.executable, "-m", "search", *command, "--index", str(sample_index)],
            stdout=writer,
            stderr=subprocess.PIPE,
            text=True,
            env=environment,
        )
    finally:
        os.close(writer)
    assert result.returncode == EXIT_BROKEN_PIPE and result.stderr == ""


def test_piped_into_head(sample_index: Path) -> None:
    """`news-search query ... | head -1`: head keeps the first line, news-search says nothing more."""
    reader, writer = os.pipe()
    # A one-page pipe, so the 30 kB of JSON cannot all fit before head has gone.
    fcntl.fcntl(writer, fcntl.F_SETPIPE_SZ, 4096)
    command = [sys.executable, "-m", "search", "query", "Palmyra", "--json", "--limit", "100"]
    with subprocess.Popen(["head", "-1"], stdin=reader, stdout=subprocess.PIPE, text=True) as head:
        with subprocess.Popen(
            [*command, "--index", str(sample_index)], stdout=writer, stderr=subprocess.PIPE, text=True
        ) as search:
            os.close(reader)
            os.close(writer)
            _, err = search.communicate(timeout=60)
        out, _ = head.communicate(timeout=60)
    assert out == "{\n" and search.returncode == EXIT_BROKEN_PIPE and err == ""


def test_ctrl_c_while_the_commands_load_is_one_line(tmp_path: Path) -> None:
    """The commands' modules load inside main (0.6 s of imports): a Ctrl-C then is the one line,
    not Python's traceback. Here the interrupt comes from the import of one of them."""
    driver = tmp_path / "driver.py"
    driver.write_text(
        "import signal, sys\n"
        "import search.cli\n"
        "class Interrupting:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'search.cli.parser':\n"
        "            signal.raise_signal(signal.SIGINT)\n"
        "        return None\n"
        "sys.meta_path.insert(0, Interrupting())\n"
        "sys.exit(search.cli.main(['stats', '--index', sys.argv[1]]))\n",
        encoding="utf-8",
    )
    ended = subprocess.run(
        [sys.executable, str(driver), str(tmp_path / "index")], capture_output=True, text=True, timeout=60
    )
    assert (ended.returncode, ended.stderr) == (130, "interrupted; the live index is unchanged\n")
