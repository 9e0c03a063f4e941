"""`news-search serve`'s options: refused before anything starts when they cannot work."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from flask import Flask

import web.serving
from search.cli import EXIT_OK, EXIT_USAGE, main
from search.cli.querying import STALE_ANALYSIS
from search.index import ANALYSIS_FINGERPRINT
from tests.cli.conftest import run
from web.serving import check_address


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Flask, str, int, int]]:
    """Records each (app, host, port, threads) the command would serve, instead of binding and serving."""
    calls: list[tuple[Flask, str, int, int]] = []
    monkeypatch.setattr(web.serving, "check_address", lambda host, port: None)
    monkeypatch.setattr(
        web.serving, "serve", lambda app, host, port, threads: calls.append((app, host, port, threads))
    )
    return calls


def refused(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """argparse's usage error: exit 2 and its message."""
    with pytest.raises(SystemExit) as exit_info:
        main(["serve", *argv])
    assert exit_info.value.code == EXIT_USAGE
    return capsys.readouterr().err


@pytest.mark.parametrize("port", ["99999", "65536", "0", "-1", "http"])
def test_a_port_out_of_range_is_refused(
    port: str, sample_index: Path, served: list, capsys: pytest.CaptureFixture[str]
) -> None:
    err = refused(capsys, "--index", str(sample_index), "--port", port)
    assert "--port" in err and "1-65535" in err and not served


@pytest.mark.parametrize("threads", ["0", "-2", "65", "many"])
def test_a_thread_count_out_of_range_is_refused(
    threads: str, sample_index: Path, served: list, capsys: pytest.CaptureFixture[str]
) -> None:
    err = refused(capsys, "--index", str(sample_index), "--threads", threads)
    assert "--threads" in err and "1-64" in err and not served


def test_ports_and_threads_at_the_bounds_are_served(
    sample_index: Path, served: list, capsys: pytest.CaptureFixture[str]
) -> None:
    for port, threads in (("1", "1"), ("65535", "64")):
        code, _, _ = run(capsys, "serve", "--index", str(sample_index), "--port", port, "--threads", threads)
        assert code == EXIT_OK
    assert [call[2:] for call in served] == [(1, 1), (65535, 64)]


def test_an_unknown_host_is_a_usage_error_naming_host(
    sample_index: Path, served: list, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The lookup fails as the resolver would, without asking one (no network in tests)."""

    def no_such_name(*args: object, **kwargs: object) -> None:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(web.serving, "check_address", check_address)  # the real one, this time
    monkeypatch.setattr(socket, "getaddrinfo", no_such_name)
    code, _, err = run(capsys, "serve", "--index", str(sample_index), "--host", "no-such-host.invalid")
    assert code == EXIT_USAGE and not served
    assert "--host no-such-host.invalid" in err and "Name or service not known" in err
    assert "Traceback" not in err and "serving" not in err


@pytest.mark.parametrize(
    "base_url",
    [
        "news.example",
        "ftp://news.example/",
        "javascript:alert(1)",
        "http://",
        "https://news.example/?q=x",
        "https://news.example/#top",
        "https://user:secret@news.example/",
        "https://news.example:99999/",
        "https://news example/",
    ],
)
def test_a_bad_base_url_is_refused(
    base_url: str, sample_index: Path, served: list, capsys: pytest.CaptureFixture[str]
) -> None:
    err = refused(capsys, "--index", str(sample_index), "--base-url", base_url)
    assert "argument --base-url:" in err and "http or https" in err and not served


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--base-url", "https://news.example/"], "https://news.example"),
        (["--base-url", "https://news.example:8443/search/"], "https://news.example:8443/search"),
        (["--port", "8123"], "http://127.0.0.1:8123"),
        (["--host", "::1", "--port", "8123"], "http://[::1]:8123"),
    ],
)
def test_feeds_link_to_the_base_url_or_else_the_listening_address(
    argv: list[str], expected: str, sample_index: Path, served: list, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, _ = run(capsys, "serve", "--index", str(sample_index), *argv)
    assert code == EXIT_OK and served[0][0].config["PUBLIC_BASE_URL"] == expected


def test_listening_on_every_interface_asks_for_a_base_url(
    sample_index: Path, served: list, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "serve", "--index", str(sample_index), "--host", "0.0.0.0")
    assert code == EXIT_OK and "--base-url" in err


def test_an_index_built_by_another_analysis_is_served_with_a_warning(
    tmp_path: Path, served: list, capsys: pytest.CaptureFixture[str]
) -> None:
    index = tmp_path / "index"
    code, _, _ = run(capsys, "rebuild-index", "--sample", "--index", str(index), "--procs", "1")
    code, _, err = run(capsys, "serve", "--index", str(index))
    assert code == EXIT_OK and "warning" not in err
    live = index / (index / "CURRENT").read_text().strip()
    (live / ANALYSIS_FINGERPRINT).write_text("0123456789abcdef\n")
    code, _, err = run(capsys, "serve", "--index", str(index))
    assert code == EXIT_OK and len(served) == 2  # served all the same
    assert f"warning: {index}: {STALE_ANALYSIS}\n" in err
