"""RSS and Atom files: one Document per entry, bad entries rejected alone, non-feeds refused."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from search.documents import Document
from search.errors import InvalidDocumentError
from search.ingest.feeds import parse_feed, read_feed, read_xml, root_element
from search.ingest.outcomes import Notice, Rejection

FEEDS = Path(__file__).parent.parent / "data" / "feeds"


def documents(outcomes: list) -> list[Document]:
    return [outcome for outcome in outcomes if isinstance(outcome, Document)]


def test_arabic_rss() -> None:
    path = FEEDS / "furat-ar.rss"
    outcomes = list(read_feed(path))
    first, second = documents(outcomes)
    assert first.title == "هجوم لداعش قرب تدمر يوقع قتلى في صفوف القوات الحكومية"
    # content:encoded (the full article) wins over the description; its script is gone
    assert first.body.split("\n\n") == [
        "قتل خمسة عناصر من القوات الحكومية وأصيب آخرون في هجوم شنه مسلحون من تنظيم داعش على نقطة عسكرية "
        "في بادية تدمر شرقي حمص.",
        "وقال مصدر عسكري إن الاشتباكات استمرت أكثر من ساعتين قبل أن ينسحب المهاجمون باتجاه عمق البادية.",
    ]
    assert first.published == datetime(2026, 4, 14, 5, 15)  # 08:15 +03:00
    assert first.source == "شبكة الفرات - آخر الأخبار" and first.author == "سامر الخطيب"
    # the link is the id, not the guid
    assert first.id == first.url == "https://furat.example/news/2026/04/tadmur-hujum"
    assert first.lang == "ar" and first.origin == f"{path}:entry 1"
    # a pubDate without a year is kept as text, never completed
    assert second.published is None and second.dateline == "الثلاثاء 14 نيسان"
    assert "not a full date" in second.notes[0]
    assert "alert" not in second.body and "<" not in second.body
    # the empty entry is rejected alone, with the file and its entry number
    [rejection] = [outcome for outcome in outcomes if isinstance(outcome, Rejection)]
    assert rejection.origin == f"{path}:entry 3" and "empty body" in rejection.reason
    assert rejection.id == "https://furat.example/news/empty"


def test_atom() -> None:
    first, second = documents(list(read_feed(FEEDS / "levant-en.atom")))
    assert first.title == "Syria joins the coalition against ISIS"  # type="html" title made text
    assert first.body == (
        "Syria became the 90th member of the international coalition to defeat ISIS on Saturday, "
        "the foreign ministry said.\n\nCoalition officials welcomed the step."
    )
    assert first.published == datetime(2025, 12, 20, 7, 30) and first.author == "Rania Haddad"
    assert first.source == "Levant Wire: Middle East"
    # only <updated>: used; a javascript: link is dropped with a note, the guid becomes the id
    assert second.published == datetime(2025, 12, 19, 16, 45)
    assert second.url == "" and second.id == "tag:levantwire.example,2025:1002"
    assert any("not an http(s) address" in note for note in second.notes)
    # plain-text content is not parsed as HTML: "3 < 4" survives
    assert second.body.endswith("fewer than 3 < 4 lanes were open at first.")


def test_rss_1_0() -> None:
    feed = (
        '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        '<channel rdf:about="https://x.example/"><title>Raqqa Monitor</title><link>https://x.example/</link>'
        "<description>d</description></channel>"
        '<item rdf:about="https://x.example/1"><title>New checkpoints in Raqqa</title>'
        "<link>https://x.example/1</link><description>Security forces set up new checkpoints at the "
        "entrances of Raqqa on Monday.</description><dc:date>2025-12-19</dc:date></item></rdf:RDF>"
    )
    [doc] = list(parse_feed(feed, "monitor.rdf"))
    assert (doc.title, doc.source, doc.url, doc.published) == (
        "New checkpoints in Raqqa",
        "Raqqa Monitor",
        "https://x.example/1",
        datetime(2025, 12, 19),
    )


@pytest.mark.parametrize("declared", [True, False], ids=["declared", "undeclared"])
def test_windows_1256_feed(tmp_path: Path, declared: bool) -> None:
    text = (FEEDS / "furat-ar.rss").read_text("utf-8")
    if declared:
        text = text.replace('encoding="utf-8"', 'encoding="windows-1256"')
    else:
        text = text.replace('<?xml version="1.0" encoding="utf-8"?>\n', "")
    path = tmp_path / "old.rss"
    path.write_bytes(text.encode("cp1256"))
    first = documents(list(read_feed(path)))[0]
    assert first.title == "هجوم لداعش قرب تدمر يوقع قتلى في صفوف القوات الحكومية"
    assert first.source == "شبكة الفرات - آخر الأخبار"


def test_a_leniently_read_feed_is_noticed() -> None:
    feed = (
        "<rss version='2.0'><channel><title>Cut</title><item><title>Raqqa</title>"
        "<description>Power returned to parts of Raqqa after three days.</description></item>"
        "\n<item><title>Cut off"
    )
    outcomes = list(parse_feed(feed, "cut.rss"))
    assert isinstance(outcomes[0], Notice) and "broken XML at line 2: no element found" in outcomes[0].message
    assert [doc.title for doc in documents(outcomes)] == ["Raqqa"]
    assert [outcome.origin for outcome in outcomes if isinstance(outcome, Rejection)] == ["cut.rss:entry 2"]


@pytest.mark.parametrize(
    ("feed", "reason"),
    [
        ("<rss version='2.0'><channel>\n<title>Nothing", "not a readable feed: broken XML at line 2"),
        ("<rss version='2.0'><channel><title>Quiet</title></channel></rss>", "a feed with no entries"),
        ("<html><body><h1>502 Bad Gateway</h1></body></html>", "not a feed: no RSS or Atom elements"),
    ],
)
def test_feeds_without_entries_are_refused(feed: str, reason: str) -> None:
    with pytest.raises(InvalidDocumentError, match=reason):
        list(parse_feed(feed, "f.rss"))


@pytest.mark.parametrize(
    ("data", "root"),
    [
        (b'<?xml version="1.0"?>\n<!-- comment --><rss version="2.0"><channel/></rss>', "rss"),
        (b'<feed xmlns="http://www.w3.org/2005/Atom"/>', "feed"),
        (b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>', "RDF"),
        (b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url>', "urlset"),  # stops at the root
    ],
)
def test_root_element(data: bytes, root: str) -> None:
    assert root_element(data) == root


def test_xml_that_is_not_a_feed_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "sitemap.xml"
    path.write_text('<?xml version="1.0"?><urlset><url><loc>https://x.example/</loc></url></urlset>')
    with pytest.raises(InvalidDocumentError, match=r"root element <urlset> is not a feed"):
        list(read_xml(path))
    path.write_text("this is not XML at all")
    with pytest.raises(InvalidDocumentError, match="not well-formed XML"):
        list(read_xml(path))


def test_xml_feed_is_read(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_bytes((FEEDS / "levant-en.atom").read_bytes())
    assert len(documents(list(read_xml(path)))) == 2
