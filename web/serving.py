"""Serve the app with waitress, a production WSGI server in pure Python.

Never Flask's development server: it runs a debugger on errors and is not
meant for real traffic. Bound to 127.0.0.1 unless told otherwise.
"""

from __future__ import annotations

import socket
import threading
from dataclasses import dataclass

from flask import Flask
from waitress import create_server
from waitress import serve as waitress_serve
from waitress.server import BaseWSGIServer

from web.security import MAX_CONTENT_LENGTH, MAX_REQUEST_HEADER_SIZE

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8080
DEFAULT_THREADS = 4

# Idle and slow clients must not lock readers out (waitress's defaults: 100
# connections, idle ones closed after 120 s, checked every 30 s). A connection
# that sent part of a request and went quiet counts as idle.
CONNECTION_LIMIT = 500  # several times what one client cheaply holds, well under 1024 descriptors
CHANNEL_TIMEOUT = 10  # seconds without a byte either way before a connection is closed
CLEANUP_INTERVAL = 2  # seconds between the sweeps that close them


def serve(
    app: Flask, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, threads: int = DEFAULT_THREADS
) -> None:
    """Serve until interrupted; OSError (before anything starts) if the address is taken."""
    check_address(host, port)
    waitress_serve(app, **server_options(host, port, threads))


def check_address(host: str, port: int) -> None:
    """Raise OSError if nothing can listen on host:port. Checked up front
    because waitress leaks its half-made socket when binding fails."""
    family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as waitress does
        probe.bind(address)


def server_options(host: str, port: int, threads: int) -> dict[str, object]:
    """waitress settings: request size limits, connection limits, a clean identity."""
    return {
        "host": host,
        "port": port,
        "threads": threads,
        "max_request_header_size": MAX_REQUEST_HEADER_SIZE,
        "max_request_body_size": MAX_CONTENT_LENGTH,
        "connection_limit": CONNECTION_LIMIT,
        "channel_timeout": CHANNEL_TIMEOUT,
        "cleanup_interval": CLEANUP_INTERVAL,
        "asyncore_use_poll": True,  # select() fails outright on a descriptor numbered past 1024
        "ident": "news-search",
        "clear_untrusted_proxy_headers": True,
    }


@dataclass
class BackgroundServer:
    """A waitress server running in a daemon thread (tests, benchmarks, embedding)."""

    server: BaseWSGIServer
    thread: threading.Thread
    stopping: threading.Event

    @property
    def url(self) -> str:
        return f"http://{self.server.effective_host}:{self.server.effective_port}"

    def stop(self) -> None:
        """Close the listening socket and every open connection, then the workers.

        waitress has no stop(); as WebTest does, closing every dispatcher
        empties the asyncore map, which ends the loop."""
        self.stopping.set()
        # Workers first: one finishing a response still signals the loop's trigger.
        self.server.task_dispatcher.shutdown()
        for dispatcher in list(self.server._map.values()):
            dispatcher.close()
        self.thread.join(timeout=5)


def serve_in_background(
    app: Flask,
    host: str = DEFAULT_HOST,
    port: int = 0,
    threads: int = DEFAULT_THREADS,
    **overrides: object,
) -> BackgroundServer:
    """Start serving in a thread and return at once; port 0 picks a free port.
    `overrides` replace waitress settings (a test shortens channel_timeout)."""
    server = create_server(app, **{**server_options(host, port, threads), **overrides})
    stopping = threading.Event()

    def run() -> None:
        try:
            server.run()
        except OSError:
            if not stopping.is_set():  # a closed descriptor in select() while stopping is expected
                raise

    thread = threading.Thread(target=run, name="waitress", daemon=True)
    thread.start()
    return BackgroundServer(server, thread, stopping)
