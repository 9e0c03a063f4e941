"""Kill rebuilds with SIGKILL at random moments; the previous index must serve unchanged.

Builds a baseline index of the bundled sample corpus, records its answers to
a fixed query set, then for each trial starts `news-search rebuild-index` on
a large corpus (antcorpus from ../shared/data, mapped on the fly) and kills it
after a random delay. After every kill: the index opens, answers exactly as
before, no writer process survives, and no lock is left that blocks the
next writer. Results go to docs/robustness.md (with the date and command).

With --ctrl-c the rebuild is interrupted instead, as Ctrl-C at a terminal
does (SIGINT to its whole process group), and must also end with exit 130 and
its one line; the report goes to docs/robustness-ctrl-c.md.

    python scripts/fault_inject.py --trials 20 [--seed 1] [--max-delay 40] [--ctrl-c] [--backend xapian]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from antcorpus_to_jsonl import write as write_antcorpus

from search import Engine
from search.cli import sample_corpus
from search.index import PUBLISHED_MARK, IndexStore
from search.ingest.sources import read_sources
from search.locking import WriterLock
from search.reports import IndexReport

ROOT = Path(__file__).resolve().parent.parent
QUERIES = [
    "داعش",
    "ISIS",
    "تدمر",
    "Raqqa",
    "الشيباني",
    "coalition",
    "دير الزور",
    "CENTCOM",
    "سوريا",
    "Hegseth",
]


def answers(index: Path, queries: Sequence[str] = QUERIES) -> dict[str, list[str]]:
    """The first 20 ids each query finds: what "the index answers the same" compares."""
    with Engine.open(index) as engine:
        return {query: [hit.id for hit in engine.search(query, limit=20)] for query in queries}


def survivors(marker: str, patience: float = 5.0) -> list[int]:
    """Processes whose command line names `marker`, after giving them time to end."""
    deadline = time.monotonic() + patience
    while True:
        found = [
            int(entry.name)
            for entry in Path("/proc").iterdir()
            if entry.name.isdigit() and _cmdline(entry).find(marker) >= 0
        ]
        if not found or time.monotonic() > deadline:
            return found
        time.sleep(0.1)


def _cmdline(entry: Path) -> str:
    try:
        return (entry / "cmdline").read_bytes().decode(errors="replace")
    except OSError:
        return ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--trials", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--max-delay", type=float, default=40.0, help="latest kill, in seconds after start")
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--ctrl-c", action="store_true", help="interrupt as Ctrl-C does, not SIGKILL")
    parser.add_argument("--backend", choices=("whoosh", "xapian"), default="whoosh")
    parser.add_argument("--out", type=Path, help="default docs/robustness.md (docs/robustness-ctrl-c.md)")
    args = parser.parse_args()
    args.out = args.out or ROOT / "docs" / ("robustness-ctrl-c.md" if args.ctrl_c else "robustness.md")
    corpus_file = args.data / "antcorpus" / "antcorpus-v1.1.jsonl"
    if not corpus_file.exists():
        sys.exit(f"{corpus_file}: not found; pass --data pointing at ../shared/data")

    work = Path(tempfile.mkdtemp(prefix="fault-inject-"))
    corpus = work / "antcorpus.jsonl"
    with corpus.open("w", encoding="utf-8") as out:
        count = write_antcorpus([corpus_file], out)
    index = work / "index"

    def rebuild_sample() -> IndexReport:
        return Engine.rebuild(index, read_sources([sample_corpus()]), backend=args.backend)

    rebuild_sample()
    before = answers(index)
    randomness = random.Random(args.seed)
    rows, failures = [], 0
    for trial in range(1, args.trials + 1):
        delay = randomness.uniform(0.2, args.max_delay)
        command = [sys.executable, "-m", "search", "rebuild-index", str(corpus), "--index", str(index)]
        live = IndexStore(index).version()
        with subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True
        ) as rebuild:
            time.sleep(delay)
            finished = rebuild.poll() is not None
            if not finished and args.ctrl_c:
                os.killpg(rebuild.pid, signal.SIGINT)  # as a terminal sends it: to every process
            elif not finished:
                os.kill(rebuild.pid, signal.SIGKILL)
            _, err = rebuild.communicate()
        orphans = survivors(str(corpus))
        # Killed after it swapped in the new index (while pruning or exiting): the new
        # index must serve, whole; then the baseline is restored for the next trial.
        published = IndexStore(index).version() != live
        ended = _ending(rebuild.returncode, err, args.ctrl_c, finished or published)
        if published:
            finished = True
            answers(index)  # opens and answers, or raises
            rebuild_sample()
        same = answers(index) == before
        try:
            with WriterLock(index) as lock:
                lock_state = "recovered" if lock.recovered else "free"
        except Exception as error:
            lock_state = f"BLOCKED: {error}"
        half_built = [g.name for g in index.glob("gen-*") if not (g / PUBLISHED_MARK).exists()]
        ok = same and not orphans and not lock_state.startswith("BLOCKED") and not ended.startswith("WRONG")
        failures += not ok
        rows.append((trial, delay, finished, same, len(orphans), lock_state, len(half_built), ended))
        state = f"orphans {len(orphans)}, lock {lock_state}, half-built {len(half_built)}"
        print(f"trial {trial}: stopped at {delay:.1f}s, {ended}, same answers {same}, {state}", flush=True)
    report = rebuild_sample()
    cleaned = not [g for g in index.glob("gen-*") if not (g / PUBLISHED_MARK).exists()]
    final_same = answers(index) == before
    write_report(args, count, rows, failures, report.summary(), cleaned, final_same)
    print(f"{args.trials - failures}/{args.trials} trials survived; report in {args.out}")
    sys.exit(1 if failures or not cleaned or not final_same else 0)


INTERRUPTED = "interrupted; the live index is unchanged\n"  # what Ctrl-C must print, alone


def _ending(code: int, err: str, ctrl_c: bool, published: bool) -> str:
    """How a stopped rebuild ended: as it must (exit 130 and one line; killed), or WRONG.
    One that had published its index before the signal must not claim it unchanged."""
    if code == 0 and published:
        return "finished"
    if ctrl_c and code == 130 and err == INTERRUPTED and not published:
        return "exit 130, one line"
    if not ctrl_c and code == -signal.SIGKILL:
        return "killed after publishing" if published else "killed"
    last = err.strip().splitlines()[-1] if err.strip() else ""
    return f"WRONG: exit {code}, {len(err.splitlines())} line(s) {last[:80]!r}"


def write_report(args, count, rows, failures, summary, cleaned, final_same) -> None:
    flag = " --ctrl-c" if args.ctrl_c else ""
    backend = f" --backend {args.backend}" if args.backend != "whoosh" else ""
    how = (
        "interrupts it as Ctrl-C at a terminal does (SIGINT to its whole process group, writers included)"
        if args.ctrl_c
        else "kills it with SIGKILL"
    )
    title = "# Robustness: " + ("interrupted rebuilds (Ctrl-C)" if args.ctrl_c else "killed rebuilds")
    title += f", {args.backend.capitalize()}" if args.backend != "whoosh" else ""
    lines = [
        title,
        "",
        f"Run {dt.date.today().isoformat()} with `python scripts/fault_inject.py --trials {args.trials} "
        f"--seed {args.seed} --max-delay {args.max_delay:g}{flag}{backend}` on this 2-core machine.",
        "",
        f"A baseline index ({args.backend}) of the bundled sample corpus answers {len(QUERIES)} fixed "
        f"queries. Each trial starts `news-search rebuild-index` on antcorpus ({count} articles) and {how} "
        "after a random delay. Then: did it end as it must"
        + (" (exit 130 and the one line `interrupted; the live index is unchanged`)" if args.ctrl_c else "")
        + ", does the index answer exactly as before, did any writer process survive, can the next writer "
        'take the lock? A rebuild that swapped in its index before the signal ("finished first") must '
        "leave that index serving whole; the sample is then rebuilt so the next trial starts from the "
        "same answers.",
        "",
        f"**{args.trials - failures} of {args.trials} trials survived.** After the trials, a normal rebuild "
        f"removed every half-built generation: {'yes' if cleaned else 'NO'}; the index still answered as "
        f"before: {'yes' if final_same else 'NO'} ({summary}).",
        "",
        "| trial | stopped after (s) | finished first | ended | same answers | surviving writers | lock "
        "| half-built generations |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for trial, delay, finished, same, orphans, lock, half, ended in rows:
        cells = (trial, f"{delay:.1f}", finished, ended, same, orphans, lock, half)
        lines.append("| " + " | ".join(str(cell) for cell in cells) + " |")
    lines += [
        "",
        "Half-built generations are never read (readers follow `CURRENT`, which only a finished rebuild",
        "replaces); the next writer deletes them. The lock is an OS file lock, so the kernel drops it",
        'with the killed process; "recovered" means the next writer saw the dead holder\'s record.',
        "",
        "Also covered by the test suite (tests/test_faults.py, tests/cli/test_indexing.py): killed and",
        "interrupted rebuilds, a Ctrl-C that a library swallows, a full disk during a rebuild and a",
        "read-only index folder (injected at the write path: as root a folder cannot be made",
        "read-only), each ending with a clear error and the old index serving.",
    ]
    args.out.write_text("\n".join(lines) + "\n" + _other_sections(args.out, title), encoding="utf-8")


def _other_sections(path: Path, title: str) -> str:
    """The report file's sections but this run's own (the one headed `title`): the others are
    another backend's run or written by hand, and must survive a rerun."""
    text = path.read_text("utf-8") if path.exists() else ""
    sections = re.split(r"\n(?=# )", "\n" + text)
    kept = [section for section in sections if section.strip() and section.split("\n")[0] != title]
    return "".join("\n" + section for section in kept)


if __name__ == "__main__":
    main()
