"""Stories: which articles are copies of one another (wire copy republished by many sites).

An article's near-duplicate signature is a MinHash (datasketch) over
3-word shingles of its analysed title and body (the STEM view of
search/analysis: Arabic orthographic variants, case and stopwords do not
matter), with the number of shingles. Its LSH band keys, prefixed with its
language, find candidates. A candidate is a copy when the shorter of the two
is mostly contained in the other (estimated from the MinHash's Jaccard
similarity and both sizes: a copy that dropped its last paragraph or added
a boilerplate line is still a copy) and their Jaccard similarity is not
negligible (so a short item never folds into a long article by chance).
The article then joins that copy's story. Languages never fold: a band key
carries the language, and a candidate in another language is refused.

Pure computation on text, the same for every backend: indexing.py calls
`StoryAssigner` and stores what it returns (`Mark`) as index fields.
Knows nothing about any backend.
"""

from __future__ import annotations

import base64
import functools
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

import numpy as np

from search.analysis.bilingual import words_in

NUM_PERM = 64  # permutations: 260 bytes of signature per article (with its size)
# LSH: 12 bands of 1 row (a band key is one MinHash value). A pair at Jaccard 0.2 shares a
# band with p 0.93, at 0.3 with p 0.99 (32 bands of 2 rows: 0.73 and 0.95), and an article
# has 12 band keys instead of 32: each is an index term of its own, which made the Whoosh
# index half as large again and its rebuild a fifth slower. Same labelled set as below:
# 948/1000 copies with 12x1 and 16x1, 947 with 32x2, 945 with 8x1, no false fold in any.
BANDS, ROWS = 12, 1
SHINGLE = 3  # words per shingle
SEED = 1  # fixed: signatures must be comparable across rebuilds and processes
# Two articles are one story when the estimated share of the shorter one's shingles that the
# other has reaches THRESHOLD, and their estimated Jaccard similarity reaches MIN_JACCARD.
# Measured on 1,000 labelled copies and 620 pairs that must not fold (docs/evaluation.md,
# "Near-duplicate stories"; docs/near-duplicates.json), made by
#   python scripts/tune_near_duplicates.py
# Every setting with no false fold recalls 0.94-0.97 of the copies; this one keeps a margin
# over the closest different articles (Jaccard 0.16, containment 0.43): 947/1000 copies, no false fold.
THRESHOLD = 0.5
MIN_JACCARD = 0.2
# An article of fewer shingles (a headline, a one-line brief) never folds: too few words to
# tell a copy from another item that happens to say the same few words.
MIN_SHINGLES = 8
MAX_CANDIDATES = 50  # articles compared with a new one (those sharing most band keys first)
# Of a band key shared by many articles (a site's boilerplate, not a story), only the latest
# BUCKET_TAIL are counted in a rebuild: grouping stays linear in the number of articles.
BUCKET_TAIL = 64
FIELDS = ("story", "bands", "signature")  # the index fields a Mark fills


@functools.cache
def _minhash() -> tuple[type, Any]:
    """datasketch's MinHash and its permutations, made once. Imported at the first signature,
    not with this module: datasketch pulls in scipy (0.65 s), and searching never needs it."""
    from datasketch import MinHash

    return MinHash, MinHash(num_perm=NUM_PERM, seed=SEED).permutations


class Signature(NamedTuple):
    """An article's MinHash values and how many shingles it has."""

    values: np.ndarray
    size: int


_EMPTY = Signature(np.zeros(NUM_PERM, dtype=np.uint32), 0)


@dataclass(frozen=True)
class Mark:
    """What the index stores of an article's story: the story key (shared by its copies),
    the band keys that find it, and its signature (to confirm a candidate)."""

    story: str
    bands: tuple[str, ...]
    signature: str

    def fields(self) -> dict[str, str]:
        return {"story": self.story, "bands": " ".join(self.bands), "signature": self.signature}


class Signed(NamedTuple):
    """A Document with its story Mark, as a rebuild hands it to the writer's `prepare`."""

    doc: Any  # search.documents.Document
    mark: Mark

    @property
    def id(self) -> str:
        """The article's id (a cluster rebuild picks the shard by it)."""
        return str(self.doc.id)


def _stems(text: str) -> list[str]:
    # words_in keeps its last few texts: the index's analysis of these same strings reuses it.
    return [forms.stem for forms, _, _ in words_in(text) if forms.stem]


def shingles(title: str, body: str) -> set[bytes]:
    """The 3-word shingles of an article's analysed words (all of them if fewer than 3)."""
    words = _stems(title) + _stems(body)
    if len(words) < SHINGLE:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}


def signature(title: str, body: str) -> Signature:
    """The MinHash of an article's shingles (NUM_PERM 32-bit values), and their number."""
    found = shingles(title, body)
    if not found:
        return _EMPTY
    MinHash, permutations = _minhash()
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, permutations=permutations, scheme="affine32")
    minhash.update_batch(found)
    return Signature(minhash.hashvalues.astype(np.uint32), len(found))


def similarity(first: Signature, second: Signature) -> float:
    """Estimated Jaccard similarity of two signatures' shingle sets."""
    return float(np.count_nonzero(first.values == second.values)) / NUM_PERM


def containment(first: Signature, second: Signature, jaccard: float | None = None) -> float:
    """Estimated share of the smaller shingle set found in the other: |A∩B| = J(|A|+|B|)/(1+J)."""
    jaccard = similarity(first, second) if jaccard is None else jaccard
    smaller = min(first.size, second.size)
    if not smaller:
        return 0.0
    return min(1.0, jaccard * (first.size + second.size) / (1 + jaccard) / smaller)


def copies(first: Signature, second: Signature) -> float:
    """How surely two articles are copies of one story: their containment if both
    thresholds are met, else 0."""
    jaccard = similarity(first, second)
    if jaccard < MIN_JACCARD:
        return 0.0
    share = containment(first, second, jaccard)
    return share if share >= THRESHOLD else 0.0


def band_keys(lang: str, signed: Signature) -> tuple[str, ...]:
    """The LSH band keys of a signature, each naming the language (translations never meet)."""
    if signed.size < MIN_SHINGLES:
        return ()  # too short to tell copies apart: its own story
    prefix = lang or "xx"
    values = signed.values.tolist()
    return tuple(
        f"{prefix}{band:02d}" + "".join(f"{value:08x}" for value in values[band * ROWS : (band + 1) * ROWS])
        for band in range(BANDS)
    )


def encode(signed: Signature) -> str:
    """A signature as stored text: its size, then its values, as little-endian 32-bit words."""
    words = np.concatenate([np.array([signed.size], dtype=np.uint32), signed.values.astype(np.uint32)])
    return base64.b64encode(words.astype("<u4").tobytes()).decode("ascii")


def decode(text: str) -> Signature | None:
    """A stored signature, or None for an article stored without one (an older index)."""
    if not text:
        return None
    try:
        words = np.frombuffer(base64.b64decode(text), dtype="<u4").astype(np.uint32)
    except ValueError:
        return None
    return Signature(words[1:], int(words[0])) if len(words) == NUM_PERM + 1 else None


# Looks up index articles sharing any of these band keys: their stored fields
# (id, lang, story, signature), sharing most bands first.
Lookup = Callable[[list[str]], Iterable[Mapping[str, Any]]]


class StoryAssigner:
    """Assigns articles to stories, in the order they come.

    A rebuild makes one for the whole batch (no `lookup`: the index is new);
    an incremental add makes one with `lookup` reading the live index, so a
    new copy joins the story already there. A new story's key is the content
    hash of its first article: unique in the index (the same text is never
    indexed twice), stable across rebuilds, and still valid after that first
    article is deleted or changed (its copies keep the key; a changed text
    gets a new hash, so it cannot claim the old story by accident).
    """

    def __init__(self, lookup: Lookup | None = None) -> None:
        # datasketch (and scipy) imported now, before a rebuild forks its writers: a Ctrl-C
        # that lands inside an import can be swallowed by it (search/interrupts.py).
        _minhash()
        self.lookup = lookup
        self.buckets: dict[str, list[tuple[str, str, Signature]]] = {}  # band key -> (id, story, signature)

    def assign(self, doc_id: str, lang: str, title: str, body: str, content_hash: str) -> Mark:
        values = signature(title, body)
        bands = band_keys(lang, values)
        story = self._best(doc_id, lang, values, bands) or content_hash
        entry = (doc_id, story, values)
        for key in bands:
            self.buckets.setdefault(key, []).append(entry)
        return Mark(story, bands, encode(values))

    def _best(self, doc_id: str, lang: str, values: Signature, bands: tuple[str, ...]) -> str | None:
        """The story of the surest copy (`copies`), the earliest found on a tie."""
        best: tuple[float, str] | None = None
        for story, other in self._candidates(doc_id, lang, bands):
            score = copies(values, other)
            if score and (best is None or score > best[0]):
                best = (score, story)
        return best[1] if best else None

    def _candidates(self, doc_id: str, lang: str, bands: tuple[str, ...]) -> Iterator[tuple[str, Signature]]:
        """(story, signature) of the articles sharing most band keys with this one: this
        batch's first (it came later than the index), then the index's, each article once."""
        seen: set[str] = {doc_id}
        shared: Counter[str] = Counter()
        entries: dict[str, tuple[str, str, Signature]] = {}
        for key in bands:
            for entry in self.buckets.get(key, [])[-BUCKET_TAIL:]:
                if entry[0] != doc_id:
                    shared[entry[0]] += 1
                    entries[entry[0]] = entry
        for other_id, _ in shared.most_common(MAX_CANDIDATES):
            seen.add(other_id)
            _, story, other = entries[other_id]
            yield story, other
        if self.lookup is None or not bands:
            return
        for stored in self.lookup(list(bands)):
            other_id = str(stored.get("id") or "")
            other = decode(str(stored.get("signature") or ""))
            if other_id in seen or other is None or stored.get("lang") != lang:
                continue
            seen.add(other_id)
            yield str(stored.get("story") or stored.get("content_hash") or other_id), other
