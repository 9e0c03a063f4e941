"""Golden tests: the five seed pages and the twenty sample pages, read from their dumps."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from search.cli import sample_corpus
from search.errors import InvalidDocumentError
from search.ingest.pagedump import parse_page_dump
from tests.conftest import SEEDS, need

GOLDEN = Path(__file__).parent / "golden"
SEED_GOLDEN = sorted((GOLDEN / "seeds").glob("*.json"))
SAMPLE_GOLDEN = json.loads((GOLDEN / "sample_pages.json").read_text("utf-8"))


@pytest.mark.parametrize("golden", SEED_GOLDEN, ids=lambda path: path.stem)
def test_seed_page(golden: Path) -> None:
    expected = json.loads(golden.read_text("utf-8"))
    page = need(SEEDS / f"{golden.stem}.txt").read_text("utf-8")
    lines = page.splitlines()
    doc = parse_page_dump(page)

    assert doc.title == expected["title"]
    assert (doc.published.isoformat() if doc.published else None) == expected["published"]
    assert (doc.dateline or None) == expected["dateline"]
    assert (doc.source or None) == expected["source"]
    assert doc.lang == expected["lang"]
    # Every article paragraph, in order, and nothing else.
    paragraphs = [lines[number - 1].strip() for number in expected["body_lines"]]
    assert doc.body.split("\n\n") == paragraphs
    assert [" ".join(p.split()[:4]) for p in paragraphs] == expected["body_starts"]
    # No other line of the page is in the body, not even inside a paragraph
    # (short ones such as the caption "بيت هيغسيث" may occur in real sentences).
    for number, line in enumerate(lines, start=1):
        text = line.strip()
        if number not in expected["body_lines"] and text != doc.title and len(text.split()) >= 4:
            assert text not in doc.body, f"boilerplate line {number} in the body: {text!r}"


def test_seed_golden_files_cover_every_seed() -> None:
    assert len(SEED_GOLDEN) == 5
    assert {path.stem for path in SEED_GOLDEN} == {path.stem for path in need(SEEDS).glob("*.txt")}


@pytest.mark.parametrize("name", sorted(SAMPLE_GOLDEN))
def test_sample_page(name: str) -> None:
    expected = SAMPLE_GOLDEN[name]
    doc = parse_page_dump((sample_corpus() / "pages" / name).read_text("utf-8"))
    paragraphs = doc.body.split("\n\n")
    assert doc.title == expected["title"]
    published = doc.published.isoformat() if doc.published else None
    if expected["published"] is None:
        assert published is None
    else:
        assert published is not None and published.startswith(expected["published"])
    assert doc.source == expected["source"]
    assert doc.lang == expected["lang"]
    assert paragraphs[0].startswith(expected["first_paragraph_starts"].strip())
    assert paragraphs[-1].endswith(expected["last_paragraph_ends"].strip())
    for line in expected["boilerplate_samples"]:
        assert line not in doc.body


def test_yearless_dateline_is_kept_not_invented() -> None:
    doc = parse_page_dump(need(SEEDS / "000_1a9327d18201fb77.txt").read_text("utf-8"))
    assert doc.published is None
    assert doc.dateline == "Damascus, Dec.20"


def test_a_page_of_boilerplate_only_is_rejected() -> None:
    page = "\n".join(
        [
            "Home",
            "  • Politics",
            "  • Sport",
            "Share This Article",
            "© 2026 Levant Wire. All rights reserved.",
        ]
    )
    with pytest.raises(InvalidDocumentError, match="no article text"):
        parse_page_dump(page)


def test_related_box_inside_the_article_is_dropped() -> None:
    first = "The coalition met in Riyadh on Monday to review the campaign against the group in the desert."
    second = "Officials said the talks would continue next month with a focus on intelligence sharing."
    page = "\n".join(
        ["Coalition meets in Riyadh", "", first, "", "Related Articles", "Gold prices rise again", "", second]
    )
    doc = parse_page_dump(page)
    assert doc.title == "Coalition meets in Riyadh"
    assert doc.body == f"{first}\n\n{second}"
