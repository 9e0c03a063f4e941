"""The account of an indexing run: what was added, updated, rejected and noticed."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from search.ingest.outcomes import Notice, Rejection


@dataclass
class IndexReport:
    """Counts and reasons from `add_documents` or a rebuild; nothing is dropped unreported."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0  # re-added with the same id and the same text: nothing to write
    rejected: list[Rejection] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    duplicates: list[Rejection] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def indexed(self) -> int:
        return self.added + self.updated

    @property
    def ok(self) -> bool:
        return not self.rejected

    def summary(self) -> str:
        """One line for people: "indexed 53 (53 new, 0 updated); rejected 0; ..."."""
        parts = [f"indexed {self.indexed} ({self.added} new, {self.updated} updated)"]
        if self.unchanged:
            parts.append(f"unchanged {self.unchanged}")
        parts.append(f"rejected {len(self.rejected)}")
        if self.duplicates:
            parts.append(f"duplicates skipped {len(self.duplicates)}")
        if self.notices:
            parts.append(f"notices {len(self.notices)}")
        if self.seconds:
            rate = self.indexed / self.seconds if self.seconds else 0
            parts.append(f"{self.seconds:.1f} s ({rate:.0f} docs/s)")
        return "; ".join(parts)

    def write_rejects(self, path: str | Path) -> None:
        """One JSON object per rejected item, duplicate and notice (JSON Lines)."""
        with Path(path).open("w", encoding="utf-8") as out:
            for kind, items in (("rejected", self.rejected), ("duplicate", self.duplicates)):
                for item in items:
                    record = {
                        "kind": kind,
                        "origin": item.origin,
                        "id": item.id or None,
                        "reason": item.reason,
                    }
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
            for notice in self.notices:
                record = {"kind": "notice", "origin": notice.origin, "reason": notice.message}
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
