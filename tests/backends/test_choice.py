"""Choosing a backend: kept with the index and by rebuilds; a missing extra named with its pip command."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from search import Engine
from search.backends import BACKEND_FILE, BackendUnavailableError, get_backend
from search.cli import main
from search.cli.locations import sample_corpus
from search.errors import SearchError
from search.ingest.sources import read_sources


@pytest.fixture
def without_xapian(monkeypatch: pytest.MonkeyPatch) -> None:
    """As on a machine without the extra: `import xapian` fails."""
    for name in [
        name for name in sys.modules if name == "xapian" or name.startswith("search.backends.xapian")
    ]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "xapian", None)


def test_a_missing_extra_is_named_with_its_pip_command(without_xapian: None, tmp_path: Path) -> None:
    with pytest.raises(BackendUnavailableError, match=r"pip install 'news-search\[xapian\]'"):
        get_backend("xapian")
    with pytest.raises(BackendUnavailableError, match="news-search"):
        Engine.create(tmp_path / "index", backend="xapian")
    assert not (tmp_path / "index").exists() or not list((tmp_path / "index").glob("gen-*"))


def test_the_cli_names_the_missing_extra_and_exits_2(
    without_xapian: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["rebuild-index", "--sample", "--index", str(tmp_path / "index"), "--backend", "xapian"])
    assert code == 2
    assert "pip install 'news-search[xapian]'" in capsys.readouterr().err
    assert not (tmp_path / "index").exists()


def test_an_unknown_backend_is_refused() -> None:
    with pytest.raises(SearchError, match="'lucene' is not one of whoosh, xapian"):
        get_backend("lucene")


def test_the_index_records_its_backend_and_rebuilds_keep_it(tmp_path: Path, backend: str) -> None:
    path = tmp_path / "index"
    Engine.rebuild(path, read_sources([sample_corpus()]), procs=1, backend=backend)
    with Engine.open(path) as engine:
        assert engine.backend == backend and engine.stats()["backend"] == backend
        generation = engine.store.current()
    assert (generation / BACKEND_FILE).read_text().strip() == backend
    Engine.rebuild(path, read_sources([sample_corpus()]), procs=1)  # no backend given: the index's own
    with Engine.open(path) as engine:
        assert engine.backend == backend and engine.search("تدمر").total > 0


def test_a_rebuild_can_change_the_backend(tmp_path: Path, backend: str) -> None:
    other = {"whoosh": "xapian", "xapian": "whoosh"}[backend]
    get_backend(other) if other == "whoosh" else pytest.importorskip("xapian")
    path = tmp_path / "index"
    Engine.rebuild(path, read_sources([sample_corpus()]), procs=1, backend=backend)
    before = Engine.open(path).search("Palmyra").total
    Engine.rebuild(path, read_sources([sample_corpus()]), procs=1, backend=other)
    with Engine.open(path) as engine:
        assert engine.backend == other and engine.search("Palmyra").total == before


def test_add_keeps_the_index_backend(
    tmp_path: Path, backend: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(tmp_path / "index")
    assert main(["add", "--sample", "--index", path, "--backend", backend]) == 0
    assert f"created a new {backend} index" in capsys.readouterr().err
    other = {"whoosh": "xapian", "xapian": "whoosh"}[backend]
    assert main(["add", "--sample", "--index", path, "--backend", other]) == 2
    assert f"is a {backend} index" in capsys.readouterr().err
    assert main(["stats", "--index", path]) == 0
    assert f", {backend})" in capsys.readouterr().out


def test_the_default_backend_needs_no_xapian_from_the_first_import(tmp_path: Path) -> None:
    """The README's first command installs no extra: importing the package, rebuilding the
    sample and searching it must not import xapian (the cluster package once did)."""
    import subprocess

    index = tmp_path / "index"
    code = (
        "import sys\n"
        "sys.modules['xapian'] = None\n"
        "from search.cli import main\n"
        f"main(['rebuild-index', '--sample', '--procs', '1', '--index', {str(index)!r}])\n"
        f"sys.exit(main(['query', '--index', {str(index)!r}, 'Palmyra']))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "Palmyra" in done.stdout
