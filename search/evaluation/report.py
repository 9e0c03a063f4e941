"""Results as tables: markdown for docs/evaluation.md and the terminal, JSON for the record.

docs/evaluation.md is half prose (how collections were built, what each
number means) and half generated table; only the part between the two
marker comments is rewritten, so the prose stays hand-written.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from search.evaluation.metrics import CAPPED_RECALL, MEASURES
from search.evaluation.runner import Report, Row

START, END = "<!-- results:start -->", "<!-- results:end -->"
BASELINE = "lucene-ar+porter"
OURS = "news-search"
# Quality targets (issue 2/5): Arabic MRR@10 halves the Lucene-equivalent
# baseline's remaining error or gains 10 %, whichever is the smaller step;
# English not below the Porter baseline.
ARABIC_TARGETS = (("xquad-ar", "all"), ("arcd-dev", "all"))
ENGLISH_TARGETS = (("xquad-en", "all"),)


def table(rows: Sequence[Row]) -> str:
    capped = any(CAPPED_RECALL in row.scores.means for row in rows)
    names = [*MEASURES, CAPPED_RECALL] if capped else list(MEASURES)
    lines = [
        "| collection | queries | system | " + " | ".join(names) + " |",
        "|---|---:|---|" + "---:|" * len(names),
    ]
    for row in rows:
        label = row.collection if row.slice == "all" else f"{row.collection}: {row.slice}"
        values = [f"{row.scores.means[name]:.3f}" if name in row.scores.means else "" for name in names]
        lines.append(f"| {label} | {row.scores.queries} | {row.system} | " + " | ".join(values) + " |")
    return "\n".join(lines)


def arabic_target(baseline: float) -> float:
    """The smaller of the two steps: half the remaining error, or +10 %."""
    return baseline + min((1 - baseline) / 2, baseline * 0.10)


def targets(rows: Sequence[Row]) -> str:
    mrr = {(row.collection, row.slice, row.system): row.scores.means["MRR@10"] for row in rows}
    lines = [
        "| collection | Lucene-equivalent MRR@10 | target | news-search | met |",
        "|---|---:|---:|---:|---|",
    ]
    for collection, part in ARABIC_TARGETS + ENGLISH_TARGETS:
        if (collection, part, OURS) not in mrr or (collection, part, BASELINE) not in mrr:
            continue
        base, ours = mrr[collection, part, BASELINE], mrr[collection, part, OURS]
        goal = arabic_target(base) if (collection, part) in ARABIC_TARGETS else base
        lines.append(
            f"| {collection} | {base:.3f} | ≥ {goal:.3f} | {ours:.3f} | {'yes' if ours >= goal else 'no'} |"
        )
    return "\n".join(lines) if len(lines) > 2 else ""


def markdown(report: Report) -> str:
    parts = [table(report.rows)]
    goals = targets(report.rows)
    if goals:
        parts.append("Targets (MRR@10):\n\n" + goals)
    if report.notes:
        parts.append("\n".join(f"- {note}" for note in report.notes))
    return "\n\n".join(parts)


def rewrite_between_markers(path: Path, generated: str) -> None:
    """Replace what lies between the result markers of `path` with `generated`."""
    text = path.read_text("utf-8")
    if START not in text or END not in text:
        raise ValueError(f"{path}: the markers {START} and {END} are missing; add them where results go")
    pattern = re.compile(re.escape(START) + ".*?" + re.escape(END), re.S)
    path.write_text(pattern.sub(lambda _: f"{START}\n{generated}\n{END}", text), "utf-8")
