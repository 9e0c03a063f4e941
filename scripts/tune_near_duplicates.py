"""Label near-duplicate pairs from real articles, and measure story folding on them.

    python scripts/tune_near_duplicates.py [--pairs 500] [--out docs/near-duplicates.json]

Reads ../shared/data (never copies it). How the pairs are labelled:

- Positives (copies): a real article and a wire copy of it made with the edits
  sites make to agency copy: a new dateline, the site's boilerplate line, one
  sentence reworded (a third of its words replaced, two swapped), the last
  paragraph dropped, the headline reworded. A "heavy" variant also rewords a
  second sentence and drops the first paragraph's last sentence. Arabic from
  the ANT corpora (JawharaFM, BBC Arabic, CNN Arabic), English from bbc-en.
- Hard negatives (must not fold): BBC Arabic and CNN Arabic covered the same
  weeks of 2018 independently; for each CNN article, the BBC article published
  within three days that shares the most analysed words with it (the same
  event, told by another newsroom). The most overlapping pairs are kept.
- Translations (must never fold): XQuAD's development paragraphs (articles
  0-23), Arabic and English versions of the same text.
- No false folds: every development paragraph of XQuAD (both languages) and
  ARCD train run through the StoryAssigner; stories with more than one member
  are counted and listed.

A pair folds when the two articles share an LSH band key and their MinHash
similarity reaches the threshold (search/stories.py), the rule the index uses.
The sweep reports precision and recall with counts at each threshold.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from search.analysis.bilingual import View, terms  # noqa: E402
from search.documents import content_id  # noqa: E402
from search.stories import (  # noqa: E402
    MIN_JACCARD,
    THRESHOLD,
    StoryAssigner,
    band_keys,
    containment,
    shingles,
    signature,
    similarity,
)

DATA = PROJECT.parent / "shared" / "data"
THRESHOLDS = [round(0.05 * step, 2) for step in range(4, 20)]  # of containment
MIN_JACCARDS = [0.0, 0.05, 0.1, 0.15, 0.2]
SEED = 17

EN_DATELINES = [
    "LONDON (Reuters) - ",
    "WASHINGTON, March 3 (AFP) - ",
    "BEIRUT (AP) — ",
    "Staff and agencies - ",
]
EN_BOILERPLATE = [
    "Follow us on Twitter and Facebook for the latest news.",
    "Sign up for our daily newsletter to get the top stories in your inbox.",
    "Reporting by staff; editing by the news desk.",
]
AR_DATELINES = ["دمشق - (وكالات): ", "بيروت، 3 آذار (أ ف ب) - ", "القاهرة - رويترز: ", "عمان - خاص: "]
AR_BOILERPLATE = [
    "تابعونا على مواقع التواصل الاجتماعي لمزيد من الأخبار.",
    "اشترك في النشرة البريدية لتصلك أهم الأخبار يوميا.",
    "المصدر: وكالات الأنباء",
]
EN_FILLERS = [
    "reportedly",
    "officials",
    "said",
    "according",
    "statement",
    "local",
    "sources",
    "also",
    "on",
    "Monday",
]
AR_FILLERS = ["حسب", "مصادر", "محلية", "وأضاف", "كذلك", "اليوم", "بيان", "رسمي", "أيضا", "الأحد"]


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def paragraphs(text: str) -> list[str]:
    return [part.strip() for part in text.replace("\n\n", "\n").split("\n") if part.strip()]


LONGEST_SENTENCE = 40  # words; longer runs (text without full stops) are cut in pieces of 25


def sentences(paragraph: str) -> list[str]:
    """Sentences by their final stop; a run of LONGEST_SENTENCE words without one is cut."""
    parts, current = [], []
    for word in paragraph.split():
        current.append(word)
        if word.endswith((".", "!", "?", "؟")):
            parts.append(" ".join(current))
            current = []
        elif len(current) >= LONGEST_SENTENCE:
            parts.append(" ".join(current[:25]))
            current = current[25:]
    if current:
        parts.append(" ".join(current))
    return parts


def reword(sentence: str, rng: random.Random, fillers: list[str]) -> str:
    """A third of the words replaced, and two neighbours swapped: the sentence a sub-editor redoes."""
    words = sentence.split()
    for position in rng.sample(range(len(words)), max(1, len(words) // 3)):
        words[position] = rng.choice(fillers)
    if len(words) > 3:
        position = rng.randrange(len(words) - 1)
        words[position], words[position + 1] = words[position + 1], words[position]
    return " ".join(words)


def wire_copy(title: str, body: str, lang: str, rng: random.Random, heavy: bool = False) -> tuple[str, str]:
    """A site's copy of an agency story: dateline, reworded sentence(s), last paragraph
    dropped, boilerplate line, reworded headline."""
    fillers = AR_FILLERS if lang == "ar" else EN_FILLERS
    parts = [sentences(paragraph) for paragraph in paragraphs(body)]
    words = sum(len(sentence.split()) for sents in parts for sentence in sents)
    last = sum(len(sentence.split()) for sentence in parts[-1])
    if len(parts) > 1 and last <= 0.4 * words:
        parts = parts[:-1]  # the last paragraph dropped
    elif len(parts[-1]) > 1:
        parts[-1] = parts[-1][:-1]  # a long last paragraph (or the only one): its last sentence
    for _ in range(2 if heavy else 1):
        where = [(p, s) for p, sents in enumerate(parts) for s in range(len(sents))]
        p, s = rng.choice(where)
        parts[p][s] = reword(parts[p][s], rng, fillers)
    if heavy and len(parts[0]) > 1:
        parts[0] = parts[0][:-1]
    dateline = rng.choice(AR_DATELINES if lang == "ar" else EN_DATELINES)
    text = [" ".join(sents) for sents in parts]
    text[0] = dateline + text[0]
    text.append(rng.choice(AR_BOILERPLATE if lang == "ar" else EN_BOILERPLATE))
    return reword(title, rng, fillers), "\n\n".join(text)


def exact_jaccard(first: set[bytes], second: set[bytes]) -> float:
    return len(first & second) / len(first | second) if first | second else 0.0


def pair_record(label: str, kind: str, a: tuple[str, str, str], b: tuple[str, str, str]) -> dict:
    """Similarity of two articles (title, body, lang) as the index would see it."""
    (title_a, body_a, lang_a), (title_b, body_b, lang_b) = a, b
    sig_a, sig_b = signature(title_a, body_a), signature(title_b, body_b)
    shared = bool(set(band_keys(lang_a, sig_a)) & set(band_keys(lang_b, sig_b)))
    return {
        "label": label,
        "kind": kind,
        "estimate": similarity(sig_a, sig_b),
        "containment": round(containment(sig_a, sig_b), 4),
        "candidate": shared,  # found through the LSH (same language, a band in common)
        "jaccard": round(exact_jaccard(shingles(title_a, body_a), shingles(title_b, body_b)), 4),
    }


def positives(count: int, rng: random.Random) -> list[dict]:
    arabic = [
        row
        for name in (
            "antcorpus/antcorpus-v1.1.jsonl",
            "antcorpus-multisource/ant-v2.1-bbc-arabic.jsonl",
            "antcorpus-multisource/ant-v2.1-cnn-arabic.jsonl",
        )
        for row in read_jsonl(DATA / name)
        if len((row.get("text") or "").split()) >= 80
    ]
    english = [
        row
        for row in read_jsonl(DATA / "bbc-en" / "bbc-fulltext-2225.jsonl")
        if len(row["text"].split()) >= 80
    ]
    records = []
    for lang, rows in (("ar", arabic), ("en", english)):
        for heavy in (False, True):
            for row in rng.sample(rows, count // 2):
                title, body = row["title"], row["text"]
                copy = wire_copy(title, body, lang, rng, heavy)
                kind = f"copy-{lang}" + ("-heavy" if heavy else "")
                records.append(pair_record("copy", kind, (title, body, lang), (*copy, lang)))
    return records


def _day(row: dict) -> datetime | None:
    try:
        return parsedate_to_datetime(row["time"]).replace(tzinfo=None)
    except (TypeError, ValueError, KeyError):
        return None


def hard_negatives(count: int) -> list[dict]:
    """BBC Arabic and CNN Arabic on the same event: the CNN article's most overlapping BBC
    article within three days, the `count` most overlapping pairs."""
    bbc = read_jsonl(DATA / "antcorpus-multisource" / "ant-v2.1-bbc-arabic.jsonl")
    cnn = read_jsonl(DATA / "antcorpus-multisource" / "ant-v2.1-cnn-arabic.jsonl")

    def words(row: dict) -> set[str]:
        return set(terms(f"{row['title']}\n{row['text']}", View.STEM))

    dated_bbc = [(day, row, words(row)) for row in bbc if (day := _day(row))]
    scored = []
    for row in cnn:
        day = _day(row)
        if day is None:
            continue
        mine = words(row)
        best = max(
            (
                (len(mine & theirs) / len(mine | theirs), other)
                for other_day, other, theirs in dated_bbc
                if abs(other_day - day) <= timedelta(days=3) and mine | theirs
            ),
            default=None,
            key=lambda pair: pair[0],
        )
        if best:
            scored.append((best[0], row, best[1]))
    scored.sort(key=lambda item: -item[0])
    records = []
    for overlap, row, other in scored[:count]:
        record = pair_record(
            "different",
            "same-event-bbc-cnn",
            (row["title"], row["text"], "ar"),
            (other["title"], other["text"], "ar"),
        )
        record["word_overlap"] = round(overlap, 3)
        record["ids"] = [row["docno"], other["docno"]]
        records.append(record)
    return records


def xquad_paragraphs(lang: str) -> list[str]:
    data = json.loads((DATA / "xquad" / f"xquad.{lang}.json").read_text(encoding="utf-8"))["data"][:24]
    return [paragraph["context"] for article in data for paragraph in article["paragraphs"]]


def translations() -> list[dict]:
    return [
        pair_record("different", "translation-xquad", ("", arabic, "ar"), ("", english, "en"))
        for arabic, english in zip(xquad_paragraphs("ar"), xquad_paragraphs("en"), strict=True)
    ]


def collection_folds() -> dict:
    """Stories of more than one article when the development collections are indexed."""
    arcd = json.loads((DATA / "arcd" / "arcd-train.json").read_text(encoding="utf-8"))["data"]
    texts = [("xquad-ar", text, "ar") for text in xquad_paragraphs("ar")]
    texts += [("xquad-en", text, "en") for text in xquad_paragraphs("en")]
    seen: set[str] = set()
    for article in arcd:
        for paragraph in article["paragraphs"]:
            if paragraph["context"] not in seen:
                seen.add(paragraph["context"])
                texts.append(("arcd-train", paragraph["context"], "ar"))
    assigner = StoryAssigner()
    stories: dict[str, list[int]] = {}
    for number, (name, text, lang) in enumerate(texts):
        mark = assigner.assign(f"{name}-{number}", lang, "", text, content_id("", text))
        stories.setdefault(mark.story, []).append(number)
    folded = [members for members in stories.values() if len(members) > 1]
    # A fold is checked by hand-written rule: do the members open with the same text (one
    # paragraph the start of another, as ARCD's contexts often are)? Those are copies.
    same_opening = [members for members in folded if len({texts[number][1][:80] for number in members}) == 1]
    return {
        "articles": len(texts),
        "stories": len(stories),
        "stories_of_several": len(folded),
        "of_which_same_opening_text": len(same_opening),
        "other_folds": [
            [f"{texts[n][0]}-{n}: {texts[n][1][:120]}" for n in members]
            for members in folded
            if members not in same_opening
        ],
        "cross_language": sum(len({texts[n][2] for n in members}) > 1 for members in folded),
        "xquad_folds": sum(any(texts[n][0].startswith("xquad") for n in members) for members in folded),
    }


def folds(record: dict, threshold: float, min_jaccard: float) -> bool:
    """The index's rule (search/stories.py `copies`) at these settings."""
    return record["candidate"] and record["estimate"] >= min_jaccard and record["containment"] >= threshold


def sweep(records: list[dict], min_jaccard: float) -> list[dict]:
    rows = []
    copies = [r for r in records if r["label"] == "copy"]
    for threshold in THRESHOLDS:
        folded = [r for r in records if folds(r, threshold, min_jaccard)]
        true = sum(r["label"] == "copy" for r in folded)
        rows.append(
            {
                "threshold": threshold,
                "min_jaccard": min_jaccard,
                "folded_copies": true,
                "false_folds": len(folded) - true,
                "copies": len(copies),
                "precision": round(true / len(folded), 4) if folded else 1.0,
                "recall": round(true / len(copies), 4) if copies else 0.0,
            }
        )
    return rows


def jaccard_only(records: list[dict]) -> list[dict]:
    """For comparison: folding on the estimated Jaccard similarity alone (datasketch's MinHashLSH rule)."""
    rows = []
    copies = [r for r in records if r["label"] == "copy"]
    for threshold in [round(0.05 * step, 2) for step in range(2, 19)]:
        folded = [r for r in records if r["candidate"] and r["estimate"] >= threshold]
        true = sum(r["label"] == "copy" for r in folded)
        rows.append(
            {"jaccard": threshold, "recall": round(true / len(copies), 4), "false_folds": len(folded) - true}
        )
    return rows


def by_kind(records: list[dict], threshold: float) -> dict[str, dict]:
    kinds: dict[str, dict] = {}
    for record in records:
        entry = kinds.setdefault(record["kind"], {"pairs": 0, "folded": 0, "mean_jaccard": 0.0})
        entry["pairs"] += 1
        entry["folded"] += folds(record, threshold, MIN_JACCARD)
        entry["mean_jaccard"] += record["jaccard"]
    for entry in kinds.values():
        entry["mean_jaccard"] = round(entry["mean_jaccard"] / entry["pairs"], 4)
    return kinds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pairs", type=int, default=500, help="pairs per language and kind (default 500)")
    parser.add_argument("--out", type=Path, default=PROJECT / "docs" / "near-duplicates.json")
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"{DATA} is not here: the labelled pairs are built from it", file=sys.stderr)
        return 2
    rng = random.Random(SEED)
    started = time.perf_counter()
    records = positives(args.pairs, rng) + hard_negatives(args.pairs) + translations()
    report = {
        "command": "python scripts/tune_near_duplicates.py " + " ".join(sys.argv[1:]),
        "threshold_in_code": THRESHOLD,
        "min_jaccard_in_code": MIN_JACCARD,
        "pairs": {
            kind: sum(r["kind"] == kind for r in records) for kind in sorted({r["kind"] for r in records})
        },
        "sweep": [row for min_jaccard in MIN_JACCARDS for row in sweep(records, min_jaccard)],
        "jaccard_only": jaccard_only(records),
        "at_threshold": by_kind(records, THRESHOLD),
        "false_folds_at_threshold": [
            r for r in records if r["label"] != "copy" and folds(r, THRESHOLD, MIN_JACCARD)
        ],
        "hardest_negatives": sorted(
            (r for r in records if r["label"] != "copy" and r["candidate"]), key=lambda r: -r["containment"]
        )[:10],
        "development_collections": collection_folds(),
        "seconds": round(time.perf_counter() - started, 1),
    }
    args.out.write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    for row in report["sweep"]:
        print(
            f"t={row['threshold']:.2f} j>={row['min_jaccard']:.2f}  "
            f"precision {row['precision']:.4f}  recall {row['recall']:.4f}  "
            f"({row['folded_copies']}/{row['copies']} copies, {row['false_folds']} false folds)"
        )
    print(json.dumps(report["at_threshold"], indent=1))
    print(json.dumps(report["development_collections"], ensure_ascii=False)[:800])
    print(f"written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
