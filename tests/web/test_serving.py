"""Serving with waitress (web/serving.py) and `news-search serve`, over real sockets."""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import time
from contextlib import ExitStack
from pathlib import Path
from urllib.error import HTTPError, URLError
from urllib.parse import quote
from urllib.request import Request, urlopen

import pytest

from search import Engine
from search.cli import EXIT_USAGE, build_parser, main
from web import create_app
from web.serving import BackgroundServer, serve_in_background, server_options

PROJECT = Path(__file__).resolve().parents[2]
NEWS_SEARCH = str(Path(sys.executable).parent / "news-search")


def fetch(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    try:
        with urlopen(Request(url, headers=headers or {}), timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except HTTPError as error:
        with error:
            return error.code, dict(error.headers), error.read()


@pytest.fixture(scope="module")
def server(web_index: Path):
    with Engine.open(web_index) as engine:
        running = serve_in_background(create_app(engine), threads=2)
        yield running
        running.stop()


def test_waitress_serves_pages_and_api(server) -> None:
    status, headers, body = fetch(f"{server.url}/?q={quote('داعش')}")
    assert status == 200 and headers["Server"] == "news-search" and "Content-Security-Policy" in headers
    assert body.count(b'class="hit"') == 10
    status, _, body = fetch(f"{server.url}/api/search?q=Palmyra&limit=2")
    assert status == 200 and len(json.loads(body)["hits"]) == 2


def test_oversized_request_headers_are_refused_by_waitress(server) -> None:
    status, _, _ = fetch(f"{server.url}/?q={'x' * 40_000}")
    assert status == 431


def test_query_over_the_cap_is_a_400_from_the_app(server) -> None:
    status, _, body = fetch(f"{server.url}/api/search?q={quote('د' * 600)}")
    assert status == 400 and json.loads(body)["parameter"] == "q"


# More than waitress's default connection_limit (100): what once locked every reader out.
IDLE_CLIENTS = 150
HALF_REQUEST = b"GET / HTTP/1.1\r\n"  # a request line, then nothing: the headers never end


def hold_half_requests(server: BackgroundServer, count: int, stack: ExitStack) -> list[socket.socket]:
    """`count` loopback connections that each send a request line and then wait; closed with `stack`."""
    address = (server.server.effective_host, server.server.effective_port)
    clients = [stack.enter_context(socket.create_connection(address, timeout=5)) for _ in range(count)]
    for client in clients:
        client.sendall(HALF_REQUEST)
    return clients


def still_open(client: socket.socket) -> bool:
    """True if the server has neither answered nor closed this connection."""
    client.setblocking(False)
    try:
        client.recv(1)  # an answer, or b"" for a close
    except BlockingIOError:
        return True
    except OSError:
        pass
    finally:
        client.setblocking(True)
    return False


def closed_unanswered(client: socket.socket) -> bool:
    """Wait (up to the socket's timeout) for the server to close without answering."""
    try:
        return client.recv(1) == b""
    except ConnectionResetError:
        return True


def test_searches_answer_while_many_clients_hold_half_sent_requests(web_engine: Engine) -> None:
    """Connections that never finish a request must not use up the ones readers need."""
    server = serve_in_background(create_app(web_engine), threads=2)
    try:
        with ExitStack() as stack:
            idle = hold_half_requests(server, IDLE_CLIENTS, stack)
            for _ in range(3):
                with urlopen(f"{server.url}/api/search?q=Palmyra", timeout=3) as response:
                    assert response.status == 200 and json.loads(response.read())["total"] > 0
            assert sum(still_open(client) for client in idle) == IDLE_CLIENTS
    finally:
        server.stop()


def test_half_sent_requests_are_dropped_after_the_channel_timeout(web_engine: Engine) -> None:
    """What frees the connections of clients that never finish: the timeout, shortened here."""
    server = serve_in_background(create_app(web_engine), channel_timeout=1, cleanup_interval=1)
    try:
        with ExitStack() as stack:
            idle = hold_half_requests(server, 5, stack)
            assert all(closed_unanswered(client) for client in idle)
    finally:
        server.stop()


def test_server_options_keep_idle_clients_from_locking_readers_out() -> None:
    options = server_options("127.0.0.1", 0, 4)
    assert IDLE_CLIENTS < options["connection_limit"] <= 600  # well under a 1024-descriptor limit
    assert options["channel_timeout"] <= 15 and options["cleanup_interval"] <= 5
    assert options["asyncore_use_poll"]  # select() fails on descriptors past 1024


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def readme_main_command() -> str:
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    return re.search(r"```sh\n(.+?)\n```", readme).group(1)


def test_readme_main_command_ends_by_serving_the_sample() -> None:
    command = readme_main_command()
    assert command.startswith("python3 -m venv .venv && .venv/bin/pip install -e . && ")
    assert command.endswith(".venv/bin/news-search serve --sample")
    defaults = build_parser().parse_args(["serve"])
    assert (defaults.host, defaults.port) == ("127.0.0.1", 8080)


def test_serve_sample_builds_the_index_then_serves_it(tmp_path: Path) -> None:
    """The README's last step, on a free port: no index yet, so it builds the sample first."""
    port, index = free_port(), tmp_path / "index"
    process = subprocess.Popen(
        [NEWS_SEARCH, "serve", "--sample", "--index", str(index), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        health = _wait_for(f"http://127.0.0.1:{port}/healthz", process)
        assert health["documents"] == 54
        status, _, body = fetch(f"http://127.0.0.1:{port}/?q={quote('داعش')}")
        assert status == 200 and 'lang="ar" dir="rtl"' in body.decode()
    finally:
        process.terminate()
        _, err = process.communicate(timeout=20)
    assert "building the bundled sample" in err and f"http://127.0.0.1:{port}/" in err
    # A second start finds the index and does not rebuild it.
    generation = (index / "CURRENT").read_text()
    process = subprocess.Popen(
        [NEWS_SEARCH, "serve", "--sample", "--index", str(index), "--port", str(port)],
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        _wait_for(f"http://127.0.0.1:{port}/healthz", process)
    finally:
        process.terminate()
        _, err = process.communicate(timeout=20)
    assert "building" not in err and (index / "CURRENT").read_text() == generation


def _wait_for(url: str, process: subprocess.Popen, seconds: float = 60) -> dict:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the server exited with {process.returncode}: {process.communicate()}")
        try:
            with urlopen(url, timeout=2) as response:
                return json.loads(response.read())
        except (URLError, ConnectionError):
            time.sleep(0.2)
    pytest.fail(f"{url} did not answer within {seconds} s")


def test_serve_without_an_index_says_how(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["serve", "--index", str(tmp_path / "none"), "--port", str(free_port())])
    err = capsys.readouterr().err
    assert code == EXIT_USAGE and "no index here" in err and "--sample" in err


def test_serve_on_a_busy_port_says_so(sample_index: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        code = main(["serve", "--index", str(sample_index), "--port", str(busy.getsockname()[1])])
    err = capsys.readouterr().err
    assert code == EXIT_USAGE and "cannot listen on 127.0.0.1:" in err and "--port" in err


def test_serve_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["serve", "--help"])
    out = capsys.readouterr().out
    assert exit_info.value.code == 0
    assert all(
        option in out for option in ("--index", "--host", "--port", "--threads", "--base-url", "--sample")
    )
