"""Load test: N concurrent clients against `news-search serve` on 127.0.0.1 for a bounded time.

Each client is a closed loop on one keep-alive connection: it sends a request,
waits for the answer, sends the next. The mix: 70 % JSON searches, 20 % HTML
result pages, 10 % article pages, with queries drawn (fixed seed) from title
words of the indexed articles and entity names in both scripts. Reports
requests/s, latency p50/p95/p99 and errors (anything but a 200, or no
answer), and rewrites the load-test section of docs/benchmarks.md.

    python scripts/loadtest.py --index DIR [--clients 50] [--seconds 60] [--threads 8]
    python scripts/loadtest.py --build ../shared/data --index /tmp/news-20k   # build the ~20k corpus first
    python scripts/loadtest.py --build ../shared/data --backend xapian --index /tmp/news-20k-xapian

The section in docs/benchmarks.md has a row per backend; each run replaces its
backend's row (kept in docs/loadtest.json).
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote

from antcorpus_to_jsonl import convert

from search import Engine

ROOT = Path(__file__).resolve().parent.parent
ENTITY_QUERIES = ["داعش", "ISIS", "الشرع", "al-Sharaa", "Palmyra", "تدمر", "Raqqa", "الرقة", "CENTCOM",
                  "سوريا", "Syria", "Iran", "إيران", "Trump", "ترامب", "Tunisia", "تونس"]  # fmt: skip
MARKERS = ("<!-- loadtest:start -->", "<!-- loadtest:end -->")


def build(data: Path, index: Path, backend: str) -> int:
    """The ~20k real articles: antcorpus, BBC and CNN Arabic, BBC English."""

    def records():
        for name in ("antcorpus/antcorpus-v1.1.jsonl", "antcorpus-multisource/ant-v2.1-bbc-arabic.jsonl",
                     "antcorpus-multisource/ant-v2.1-cnn-arabic.jsonl"):  # fmt: skip
            with (data / name).open(encoding="utf-8") as lines:
                yield from (convert(json.loads(line)) for line in lines if line.strip())
        with (data / "bbc-en" / "bbc-fulltext-2225.jsonl").open(encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                yield {"id": f"bbc-{record['id']}", "title": record["title"], "body": record["text"],
                       "lang": "en", "source": "BBC"}  # fmt: skip

    report = Engine.rebuild(index, records(), backend=backend)
    print(report.summary(), file=sys.stderr)
    return report.added


def queries_and_ids(index: Path, count: int, seed: int) -> tuple[list[str], list[str]]:
    with Engine.open(index) as engine:
        stored = list(engine._reader().stored_documents())
    randomness = random.Random(seed)
    titles = [fields.get("title", "") for fields in stored]
    queries = []
    while len(queries) < count:
        words = re.findall(r"\w{3,}", randomness.choice(titles))
        if words:
            start = randomness.randrange(len(words))
            queries.append(" ".join(words[start : start + randomness.randint(1, 3)]))
    queries += ENTITY_QUERIES
    ids = [fields["id"] for fields in randomness.sample(stored, min(200, len(stored)))]
    return queries, ids


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_up(port: int, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                connection.close()
                return
        except OSError:
            time.sleep(0.5)
    sys.exit(f"the server on port {port} did not answer /healthz within {timeout:.0f} s")


class Client(threading.Thread):
    def __init__(self, port: int, queries: list[str], ids: list[str], until: float, seed: int) -> None:
        super().__init__(daemon=True)
        self.port, self.queries, self.ids, self.until = port, queries, ids, until
        self.randomness = random.Random(seed)
        self.latencies: list[float] = []
        self.errors: list[str] = []

    def path(self) -> str:
        roll = self.randomness.random()
        query = quote(self.randomness.choice(self.queries))
        if roll < 0.7:
            return f"/api/search?q={query}"
        if roll < 0.9:
            return f"/?q={query}&page={self.randomness.randint(1, 3)}"
        return f"/doc/{quote(self.randomness.choice(self.ids), safe='')}?q={query}"

    def run(self) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        while time.monotonic() < self.until:
            path = self.path()
            started = time.perf_counter()
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                response.read()
                if response.status != 200:
                    self.errors.append(f"{response.status} {path}")
            except (OSError, http.client.HTTPException) as error:
                self.errors.append(f"{type(error).__name__} {path}")
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
                continue
            self.latencies.append((time.perf_counter() - started) * 1000)
        connection.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument(
        "--build", type=Path, metavar="DATA", help="first build the ~20k index from ../shared/data"
    )
    parser.add_argument("--backend", choices=("whoosh", "xapian"), default="whoosh", help="for --build")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--threads", type=int, default=8, help="waitress worker threads")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks.md")
    args = parser.parse_args()
    if args.build:
        build(args.build, args.index, args.backend)
    queries, ids = queries_and_ids(args.index, 300, args.seed)
    with Engine.open(args.index) as engine:
        documents = engine.doc_count()
        backend = engine.backend
    port = free_port()
    command = [sys.executable, "-m", "search", "serve", "--index", str(args.index), "--port", str(port),
               "--threads", str(args.threads)]  # fmt: skip
    # The server's log goes to a file: a pipe nobody reads fills up (waitress
    # warns of its queue depth under load) and then blocks the server.
    with (
        tempfile.NamedTemporaryFile("w+", prefix="loadtest-server-", suffix=".log", delete=False) as log,
        subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=log, text=True) as server,
    ):
        try:
            wait_until_up(port)
            until = time.monotonic() + args.seconds
            clients = [Client(port, queries, ids, until, args.seed + n) for n in range(args.clients)]
            started = time.monotonic()
            for client in clients:
                client.start()
            for client in clients:
                client.join()
            elapsed = time.monotonic() - started
        finally:
            server.terminate()
    latencies = [value for client in clients for value in client.latencies]
    cuts = statistics.quantiles(latencies, n=100, method="inclusive") if len(latencies) > 1 else []
    errors = [error for client in clients for error in client.errors]
    result = {
        "date": dt.date.today().isoformat(),
        "backend": backend,
        "documents": documents,
        "clients": args.clients,
        "seconds": round(elapsed, 1),
        "threads": args.threads,
        "requests": len(latencies) + len(errors),
        "requests_per_second": round((len(latencies) + len(errors)) / elapsed, 1),
        # Percentiles as scripts/bench.py takes them (stdlib, inclusive method).
        **{f"p{cut}_ms": round(cuts[cut - 1], 1) if cuts else None for cut in (50, 95, 99)},
        "errors": len(errors),
        "error_examples": errors[:5],
        "load_average": os.getloadavg(),
        "server_log": log.name,
    }
    print(json.dumps(result, ensure_ascii=False, indent=2))
    write_section(args, result)
    sys.exit(1 if errors else 0)


def write_section(args: argparse.Namespace, result: dict) -> None:
    store = args.out.with_name("loadtest.json")
    runs = json.loads(store.read_text("utf-8")) if store.exists() else {}
    runs[result["backend"]] = {key: value for key, value in result.items() if key != "server_log"}
    store.write_text(json.dumps(runs, ensure_ascii=False, indent=1) + "\n", "utf-8")
    rows = [
        f"| {run['backend']} | {run['date']} | {run['documents']} | {run['clients']} | {run['seconds']} "
        f"| {run['requests']} | {run['requests_per_second']} | {run['p50_ms']} | {run['p95_ms']} "
        f"| {run['p99_ms']} | {run['errors']} |"
        for run in runs.values()
    ]
    section = "\n".join([
        MARKERS[0],
        "## Load test",
        "",
        f"Run with `python scripts/loadtest.py --index DIR --clients {result['clients']} "
        f"--seconds {args.seconds:g} --threads {result['threads']}` against `news-search serve`",
        "on 127.0.0.1,",
        "on an index of the ~20k real articles (antcorpus, BBC and CNN Arabic, BBC English; "
        "`--build ../shared/data [--backend xapian]` makes it), on each backend. The clients and the",
        "server share this 2-core machine.",
        "Each client is a closed loop on a keep-alive connection: 70 % `/api/search`, 20 % result pages",
        "(pages 1-3), 10 % article pages, queries drawn from title words and entity names (fixed seed).",
        "",
        "| backend | date | articles | clients | seconds | requests | requests/s | p50 ms | p95 ms | p99 ms "
        "| errors |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
        *rows,
        "",
        "Latency here is what a client waits, queueing included: with 50 clients and 2 cores most of it",
        "is waiting for a turn, so p50 is about clients ÷ throughput.",
        MARKERS[1],
    ])  # fmt: skip
    text = args.out.read_text("utf-8") if args.out.exists() else "# Benchmarks\n"
    if MARKERS[0] in text and MARKERS[1] in text:
        before, rest = text.split(MARKERS[0], 1)
        text = before + section + rest.split(MARKERS[1], 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    args.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
