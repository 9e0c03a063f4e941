"""The bad-input corpus (tests/data/bad, plus a 20 MB page made here) through the real CLI.

Every file must end up indexed, or rejected with its reason in the run
summary and in the rejects report; nothing else may be lost, and nothing
already in an index may be lost by adding the corpus to it.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from search import Document, Engine
from search.cli import EXIT_REJECTED, main, sample_corpus
from search.ingest.html import MAX_PAGE_TEXT
from search.ingest.sources import read_sources

BAD = Path(__file__).resolve().parent.parent / "data" / "bad"
HUGE_PAGE = "huge-page.html"  # made by the fixture: 20 MB do not belong in git
HUGE_PAGE_BYTES = 20 * 2**20


@dataclass(frozen=True)
class Fate:
    """What must become of one file: documents indexed (found by `query` or by `ids`),
    rejections (origin suffix -> reason), and a notice the run must report."""

    indexed: int = 0
    query: str = ""
    ids: tuple[str, ...] = ()
    rejected: tuple[tuple[str, str], ...] = ()
    notice: str = ""


FATES = {
    "empty.html": Fate(rejected=(("", "empty file: nothing to index"),)),
    "binary.html": Fate(rejected=(("", "not text in any encoding we recognise"),)),
    "truncated-utf8.html": Fate(indexed=1, query="التقنين", notice="1 undecodable UTF-8 byte sequence(s)"),
    "windows-1256.html": Fate(indexed=1, query="كباجب"),
    "utf16-no-bom.txt": Fate(indexed=1, query="الطحين"),
    HUGE_PAGE: Fate(indexed=1, query="مدونة", notice=f"only the first {MAX_PAGE_TEXT:,} were read"),
    "broken-line.jsonl": Fate(
        indexed=2,
        ids=("bad-jsonl-1", "bad-jsonl-3"),
        rejected=((":2", "broken JSON (Unterminated string starting at column 73)"),),
    ),
    "missing-title.html": Fate(indexed=1, query="kilometre", notice="no title: used the first words"),
    "future-date.html": Fate(indexed=1, query="غرفة تجارة حلب", notice="2062-04-14 is in the future"),
    "unknown-language.html": Fate(indexed=1, query="koalisyonun"),
    "all-boilerplate.html": Fate(rejected=(("", "no article text found: the page is all menus"),)),
    "scripts.html": Fate(indexed=1, query="نصيب"),
    "xss-payloads.html": Fate(indexed=1, query="Euphrates"),
    "xss-title.jsonl": Fate(indexed=1, ids=("bad-xss-1",), notice="'javascript:alert(4)' is not an http(s)"),
    "broken-feed.rss": Fate(rejected=(("", "not a readable feed: broken XML at line 6: no element found"),)),
    "not-a-feed.xml": Fate(rejected=(("", "XML with root element <urlset> is not a feed"),)),
    "control-characters.jsonl": Fate(indexed=1, ids=("bad-control-1",), notice="removed 4 control character"),
    "binary.jsonl": Fate(rejected=(("", "binary data, not text"),)),
    "README.md": Fate(notice="skipped: unsupported file type '.md'"),
}  # fmt: skip


def write_huge_page(path: Path) -> None:
    """A live blog of 20 MB: one article on top, then tens of thousands of updates."""
    update = (
        "<div class='update'><time>{minute:02d}:{second:02d}</time><p>تحديث رقم {number}: قالت مصادر "
        "محلية إن الاشتباكات تجددت قرب بادية تدمر، وإن التعزيزات ما زالت تصل إلى المنطقة من حمص.</p></div>\n"
    )
    head = (
        '<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">'
        "<title>مدونة مباشرة: التطورات الميدانية في البادية السورية</title></head><body>"
        "<nav><a href='/'>الرئيسية</a> | <a href='/live'>مباشر</a></nav><article>"
        "<h1>مدونة مباشرة: التطورات الميدانية في البادية السورية</h1>"
        "<p>نتابع في هذه المدونة المباشرة التطورات الميدانية في البادية السورية، حيث تتواصل الاشتباكات بين "
        "القوات الحكومية وخلايا تنظيم داعش قرب تدمر والسخنة.</p>"
    )
    with path.open("w", encoding="utf-8") as out:
        out.write(head)
        number = 0
        while out.tell() < HUGE_PAGE_BYTES:
            number += 1
            out.write(update.format(minute=number // 60 % 60, second=number % 60, number=number))
        out.write("</article><footer>© 2026 شبكة الفرات</footer></body></html>")


@dataclass
class Run:
    code: int
    stderr: str
    report: list[dict]
    index: Path
    paths: dict[str, Path]


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    """One `news-search rebuild-index tests/data/bad GENERATED --rejects FILE`, shared by the tests."""
    tmp = tmp_path_factory.mktemp("bad-corpus")
    generated = tmp / "generated"
    generated.mkdir()
    write_huge_page(generated / HUGE_PAGE)
    index, rejects = tmp / "index", tmp / "rejects.jsonl"
    stderr = io.StringIO()
    with contextlib.redirect_stderr(stderr):
        argv = [str(BAD), str(generated), "--index", str(index), "--rejects", str(rejects), "--procs", "1"]
        code = main(["rebuild-index", *argv])
    report = [json.loads(line) for line in rejects.read_text("utf-8").splitlines()]
    paths = {path.name: path for folder in (BAD, generated) for path in folder.iterdir()}
    return Run(code, stderr.getvalue(), report, index, paths)


def test_the_table_covers_every_file_in_the_corpus(run: Run) -> None:
    assert set(run.paths) == set(FATES)
    assert (run.paths[HUGE_PAGE]).stat().st_size >= HUGE_PAGE_BYTES


def entries(run: Run, kind: str, name: str) -> list[dict]:
    """The report's items of `kind` for one file (its origin, or its origin with ":line")."""
    path = re.escape(str(run.paths[name]))
    return [item for item in run.report if item["kind"] == kind and re.match(rf"{path}($|:)", item["origin"])]


@pytest.mark.parametrize("name", sorted(FATES))
def test_each_file_is_indexed_or_rejected_with_its_reason(run: Run, name: str) -> None:
    fate = FATES[name]
    rejected = entries(run, "rejected", name)
    assert len(rejected) == len(fate.rejected), rejected
    for item, (suffix, reason) in zip(rejected, fate.rejected, strict=True):
        assert item["origin"] == f"{run.paths[name]}{suffix}" and reason in item["reason"]
        assert f"rejected {item['origin']}: {item['reason']}" in run.stderr  # the summary names it too
    if fate.notice:
        notices = entries(run, "notice", name)
        assert any(fate.notice in item["reason"] for item in notices), notices
    with Engine.open(run.index) as engine:
        if fate.query:
            results = engine.search(fate.query, limit=10)
            assert results.total == fate.indexed == 1, [hit.title for hit in results]
        assert [engine.get(doc_id) is not None for doc_id in fate.ids] == [True] * len(fate.ids)
        assert len(fate.ids) == fate.indexed or fate.query


def test_the_summary_counts_match_the_report_and_the_index(run: Run) -> None:
    indexed = sum(fate.indexed for fate in FATES.values())
    rejected = sum(len(fate.rejected) for fate in FATES.values())
    notices = sum(item["kind"] == "notice" for item in run.report)
    assert run.code == EXIT_REJECTED
    assert (
        f"indexed {indexed} ({indexed} new, 0 updated); rejected {rejected}; notices {notices};" in run.stderr
    )
    assert sum(item["kind"] == "rejected" for item in run.report) == rejected
    assert not [item for item in run.report if item["kind"] == "duplicate"]
    with Engine.open(run.index) as engine:
        assert engine.stats()["documents"] == indexed  # nothing else indexed, nothing lost


def stored(run: Run, query: str):
    with Engine.open(run.index) as engine:
        [hit] = list(engine.search(query))
        return engine.get(hit.id)


@pytest.mark.parametrize("name", ["scripts.html", "xss-payloads.html"])
def test_html_pages_are_stored_as_text_without_live_markup(run: Run, name: str) -> None:
    doc = stored(run, FATES[name].query)
    for text in (doc.title, doc.body, doc.source, doc.url, doc.dateline):
        assert "<" not in text and ">" not in text
        for code in (
            "alert",
            "SCRIPT-",
            "javascript",
            "onerror",
            "onload",
            "dataLayer",
            "STYLE-RULE",
            "track(",
        ):
            assert code not in text, (code, text)
    assert doc.id == doc.url or doc.url == ""  # the javascript: canonical link of xss-payloads.html is gone


def test_a_jsonl_payload_is_stored_verbatim_as_text(run: Run) -> None:
    with Engine.open(run.index) as engine:
        doc = engine.get("bad-xss-1")
        assert doc.title == "<script>alert(1)</script>"
        assert doc.source == "<b onmouseover=alert(3)>Reader tips</b>"
        assert "<img src=x onerror=alert(2)>" in doc.body
        assert doc.url == ""  # a javascript: link is not a link
        # Escaping is the display layer's job, and it does it:
        [hit] = list(engine.search("reader submitted"))
        assert "<script>" not in hit.title_html and "&lt;script&gt;" in hit.title_html
        assert "<img" not in hit.snippet


def test_control_characters_are_gone_from_what_is_stored(run: Run) -> None:
    from search.characters import FORBIDDEN

    with Engine.open(run.index) as engine:
        doc = engine.get("bad-control-1")
    assert doc.title == "Zaatari convoy stopped[2J at the border" and doc.source == "Border Wire"
    for text in (doc.title, doc.body, doc.source):
        assert not FORBIDDEN.search(text)


def test_each_document_is_read_right(run: Run) -> None:
    windows = stored(run, "كباجب")
    assert windows.title == "دير الزور: تعزيزات لملاحقة خلايا داعش في البادية" and windows.lang == "ar"
    assert "الرئيسية" not in windows.body  # the menu row of the old table layout
    utf16 = stored(run, "الطحين")
    assert utf16.title == "ارتفاع أسعار الخبز في حلب بعد تعديل سعر الطحين" and utf16.source == "شبكة الفرات"
    truncated = stored(run, "التقنين")
    assert truncated.body.endswith("خطوط التوتر المتوس\ufffd")
    future = stored(run, "غرفة تجارة حلب")
    assert future.published is None and future.dateline == "2062-04-14T09:00:00+03:00"
    turkish = stored(run, "koalisyonun")
    assert turkish.lang == "tr" and turkish.title == "Suriye, IŞİD'e karşı koalisyonun 90. üyesi oldu"
    untitled = stored(run, "kilometre")
    assert untitled.title.startswith("Security forces set up new checkpoints at the entrances of Raqqa")
    with Engine.open(run.index) as engine:
        assert engine.get("bad-jsonl-2") is None  # the broken line, and only it, is missing
    huge = stored(run, "مدونة")
    assert huge.title == "مدونة مباشرة: التطورات الميدانية في البادية السورية"
    assert huge.body.startswith("نتابع في هذه المدونة المباشرة التطورات الميدانية")
    assert len(huge.body.replace("\n\n", "")) <= MAX_PAGE_TEXT


def test_adding_the_corpus_to_a_live_index_loses_nothing(tmp_path: Path) -> None:
    index = str(tmp_path / "index")
    with contextlib.redirect_stderr(io.StringIO()):
        main(["rebuild-index", "--sample", "--index", index, "--procs", "1"])
    sample_ids = [item.id for item in read_sources([sample_corpus()]) if isinstance(item, Document)]
    stderr = io.StringIO()
    with contextlib.redirect_stderr(stderr):
        code = main(["add", str(BAD), "--index", index])
    added = sum(fate.indexed for name, fate in FATES.items() if name != HUGE_PAGE)
    assert code == EXIT_REJECTED and f"indexed {added} ({added} new, 0 updated)" in stderr.getvalue()
    with Engine.open(index) as engine:
        assert engine.stats()["documents"] == len(sample_ids) + added
        assert [doc_id for doc_id in sample_ids if engine.get(doc_id) is None] == []
