"""Saved web pages: the article and its metadata, dates only when stated, no markup in the text."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from lxml import html

from search.errors import InvalidDocumentError
from search.ingest import html as html_reader
from search.ingest.html import bound_text, parse_html, read_html

PAGES = Path(__file__).parent.parent / "data" / "html"

EXPECTED = {
    "tadmur-ar.html": {
        "title": "هجوم لداعش قرب تدمر يوقع قتلى في صفوف القوات الحكومية",
        "lang": "ar",
        "published": datetime(2026, 4, 14, 5, 15),  # 08:15 +03:00, from JSON-LD and <time>
        "dateline": "",
        "source": "شبكة الفرات",
        "author": "سامر الخطيب",
        "url": "https://furat.example/news/2026/04/tadmur-hujum",
        "first": "قتل خمسة عناصر من القوات الحكومية",
        "last": "تهدف إلى منع عودته إلى المدن.",
        "paragraphs": 4,
        "boilerplate": ["الرئيسية", "عاجل", "ملفات تعريف الارتباط", "بقلم", "فيسبوك", "صورة أرشيفية",
                        "الوسوم", "أخبار ذات صلة", "التحالف الدولي يعلن مقتل قيادي", "النشرة البريدية",
                        "جميع الحقوق محفوظة", "dataLayer", "color:#c00"],
        "notes": [],
    },
    "coalition-en.html": {
        "title": "Syria joins the international coalition against ISIS",
        "lang": "en",
        # The only full date is in the URL, which htmldate reads; the page itself says "Dec.20".
        "published": None,
        "dateline": "Damascus, Dec.20",
        "source": "Levant Wire",
        "author": "Rania Haddad",
        "url": "https://levantwire.example/2025/12/20/syria-joins-coalition",
        "first": "Damascus, Dec.20 (SANA) – Syria became the 90th member",
        "last": "remain exposed to smuggling networks.",
        "paragraphs": 4,
        "boilerplate": ["Subscribe", "Middle East |", "By Rania Haddad", "Advertisement", "Share this",
                        "Jordan reopens Jaber", "More from", "All rights reserved", "ads.example"],
        "notes": ["date 2025-12-20 (found by htmldate) is not written in the page: not used"],
    },
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_page(name: str) -> None:
    expected = EXPECTED[name]
    [doc] = list(read_html(PAGES / name))
    paragraphs = doc.body.split("\n\n")
    assert doc.title == expected["title"]
    assert doc.lang == expected["lang"]
    assert doc.published == expected["published"]
    assert doc.dateline == expected["dateline"]
    assert doc.source == expected["source"]
    assert doc.author == expected["author"]
    assert doc.url == doc.id == expected["url"]
    assert paragraphs[0].startswith(expected["first"]) and paragraphs[-1].endswith(expected["last"])
    assert len(paragraphs) == expected["paragraphs"]
    assert doc.title not in doc.body  # the <h1> is not repeated as the first paragraph
    for line in expected["boilerplate"]:
        assert line not in doc.body, line
    assert doc.notes == expected["notes"]
    assert doc.origin == str(PAGES / name)


TITLE = "Aid convoy reaches Deir Ezzor"
ARTICLE = (
    "<p>A convoy of twenty trucks carrying flour and medicine reached Deir Ezzor on Tuesday, the UN office "
    "said, after a week of delays at checkpoints along the Euphrates.</p>"
    "<p>Local officials said the aid would cover about twelve thousand families for a month.</p>"
)


def page(head: str = "", body: str = ARTICLE, lang: str = "en", title: str = TITLE) -> str:
    heading = f"<h1>{title}</h1>" if title else ""
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">{head}</head>'
        f"<body><nav><a href='/'>Home</a> | <a href='/world'>World</a></nav>"
        f"<article>{heading}{body}</article><footer>© 2025 Levant Wire</footer></body></html>"
    )


@pytest.mark.parametrize(
    ("head", "body", "published", "dateline", "note"),
    [
        ('<meta property="article:published_time" content="2025-12-16T10:00:00Z">', ARTICLE,
         datetime(2025, 12, 16, 10, 0), "", None),
        ('<meta property="article:published_time" content="2025-12-16T10:00:00Z">'
         '<meta property="article:modified_time" content="2025-12-18T10:00:00Z">', ARTICLE,
         datetime(2025, 12, 16, 10, 0), "", None),  # the original date, not the update
        # a date only in the URL is htmldate's guess: refused, and said so
        ('<link rel="canonical" href="https://levantwire.example/2025/12/16/aid-convoy">', ARTICLE,
         None, "", "is not written in the page"),
        # "© 2025" alone is no date (htmldate's extensive search would make it 1 January)
        ("", ARTICLE, None, "", None),
        # a wire dateline: its year decides
        ("", "<p>Deir Ezzor, Dec.16 (SANA) – " + ARTICLE[3:], None, "Deir Ezzor, Dec.16", None),
        ("", "<p>Deir Ezzor, 16 December 2025 (SANA) – " + ARTICLE[3:], datetime(2025, 12, 16), "", None),
        # a future date the page states is kept as text, not used for sorting
        ('<meta property="article:published_time" content="2099-03-01T10:00:00Z">', ARTICLE,
         None, "2099-03-01T10:00:00Z", "is in the future"),
    ],
    ids=["meta", "original not modified", "url only", "copyright only", "yearless dateline",
         "dateline with year", "future"],
)  # fmt: skip
def test_dates_are_believed_only_when_the_page_states_them(
    head: str, body: str, published: datetime | None, dateline: str, note: str | None
) -> None:
    doc = parse_html(page(head, body))
    assert doc.published == published
    assert doc.dateline == dateline
    if note is None:
        assert not doc.notes
    else:
        assert any(note in text for text in doc.notes), doc.notes


TURKISH = (
    "<p>Suriye, IŞİD'e karşı uluslararası koalisyonun 90. üyesi oldu. Dışişleri Bakanlığı, kararın "
    "terörle mücadeleye olan bağlılığı yansıttığını açıkladı.</p>"
    "<p>Koalisyon yetkilileri adımı memnuniyetle karşıladı ve doğu çölündeki ortak operasyonların "
    "önümüzdeki haftalarda artırılacağını söyledi.</p>"
)


@pytest.mark.parametrize(
    ("body", "lang_attribute", "lang"),
    [
        (TURKISH, "tr", "tr"),
        (TURKISH, "en", "tr"),  # the text decides, not the template's lang=""
        ("<p>أعلنت وزارة الخارجية السورية انضمام سوريا إلى التحالف الدولي لمكافحة داعش.</p>", "en", "ar"),
        ("<p>Syria joins. Coalition, ISIS, 90th member: a short line.</p>", "en", "en"),
    ],
)
def test_language_is_detected_from_the_text(body: str, lang_attribute: str, lang: str) -> None:
    assert parse_html(page(body=body, lang=lang_attribute, title="")).lang == lang


@pytest.mark.parametrize(("lang_attribute", "lang"), [("fr-FR", "fr"), ("", "und"), ("not a code", "und")])
def test_html_lang_breaks_a_tie_on_too_little_text(lang_attribute: str, lang: str) -> None:
    # 11 letters: too few for langdetect, so the page's own declaration decides
    body = "<p>2025: 90 — ISIS, Syria; 12 000 (UN) 20/12 — 14:30, 3/4, 1 2 3 4 5 6 7 8.</p>"
    assert parse_html(page(body=body, lang=lang_attribute, title="")).lang == lang


def test_missing_title_is_derived_from_the_body_with_a_note() -> None:
    doc = parse_html(page(title=""))
    assert doc.title == (
        "A convoy of twenty trucks carrying flour and medicine reached Deir Ezzor on Tuesday, "
        "the UN office said, after a week…"
    )
    assert "no title" in doc.notes[0]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (page(body="<ul><li><a href='/a'>Politics</a></li><li><a href='/b'>Sport</a></li></ul>", title=""),
         "no article text found"),
        ("Just a line of plain text saved with the wrong extension, no markup at all.", "not an HTML page"),
    ],
)  # fmt: skip
def test_pages_without_an_article_are_refused(text: str, reason: str) -> None:
    with pytest.raises(InvalidDocumentError, match=reason):
        parse_html(text)


PAYLOADS = [
    "<script>alert('x')</script>",
    "<img src=x onerror=\"alert('x')\">",
    "<svg onload=\"alert('x')\"><circle r='1'/></svg>",
    "<iframe src=\"javascript:alert('x')\" srcdoc=\"<script>alert('x')</script>\"></iframe>",
    "<a href=\"javascript:alert('x')\" onclick=\"alert('x')\">statement</a>",
    '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgneCcpPC9zY3JpcHQ+"></object>',
    "<noscript><img src=x onerror=\"alert('x')\"></noscript>",
    "<style>body{background:url(\"javascript:alert('x')\")}</style>",
    "<p onmouseover=\"alert('x')\">Hover text stays as text.</p>",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_scripts_and_handlers_never_reach_the_document(payload: str) -> None:
    doc = parse_html(
        page(
            head=f"<title>Aid convoy{payload}</title>" + payload.replace("x", "head"),
            body=ARTICLE.replace("</p>", f"{payload}</p>", 1),
            title=f"Aid convoy {payload}reaches Deir Ezzor",
        )
    )
    for text in (doc.title, doc.body, doc.source, doc.author, doc.url, doc.dateline):
        assert "alert" not in text and "<" not in text and "javascript" not in text


def test_javascript_canonical_link_is_not_kept() -> None:
    doc = parse_html(page(head='<link rel="canonical" href="javascript:alert(1)">'))
    assert doc.url == "" and doc.id.startswith("sha1-")


def test_bound_text_cuts_a_long_page_in_document_order() -> None:
    paragraphs = "".join(f"<p>{number:05d} " + "x" * 94 + "</p>" for number in range(1000))
    root = html.document_fromstring(f"<html><body><div>{paragraphs}</div><p>after</p></body></html>")
    total = bound_text(root, 10_000)
    kept = root.text_content()
    assert total == 100_000 + len("after")
    assert 9_000 <= len(kept) <= 10_000
    assert kept.startswith("00000 ") and "00099 " in kept and "00100 " not in kept and "after" not in kept


def test_a_huge_page_is_cut_with_a_note(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html_reader, "MAX_PAGE_TEXT", 5_000)
    paragraph = "<p>{}. The convoy reached Deir Ezzor on Tuesday after a week of delays at checkpoints.</p>"
    doc = parse_html(page(body="".join(paragraph.format(number) for number in range(1, 2001))))
    assert doc.body.startswith("1. The convoy") and len(doc.body.replace("\n\n", "")) <= 5_000
    assert "2000. The convoy" not in doc.body
    [note] = doc.notes
    assert "only the first 5,000 were read" in note and "characters of text" in note


def test_the_headline_wins_over_a_title_with_the_site_name() -> None:
    doc = parse_html(page(head=f'<meta property="og:title" content="{TITLE} | Levant Wire">'))
    assert doc.title == TITLE and not doc.body.startswith(TITLE)


def test_table_layout_page_keeps_paragraphs_and_drops_the_menu_row() -> None:
    # Arabic sites of the Windows-1256 era laid pages out in tables, the menu in the same table.
    body = (
        "<table><tr><td><a href='/'>الرئيسية</a> | <a href='/syria'>سوريا</a> | <a href='/world'>العالم</a>"
        "</td></tr><tr><td><p>وصلت تعزيزات عسكرية جديدة إلى ريف دير الزور الشرقي لملاحقة خلايا تنظيم داعش "
        "في البادية.</p><p>وقال مصدر محلي إن الطريق الدولي بقي مفتوحاً أمام حركة المدنيين.</p>"
        "</td></tr></table>"
    )
    doc = parse_html(page(body=body, lang="ar", title=""))
    assert doc.body == (
        "وصلت تعزيزات عسكرية جديدة إلى ريف دير الزور الشرقي لملاحقة خلايا تنظيم داعش في البادية.\n\n"
        "وقال مصدر محلي إن الطريق الدولي بقي مفتوحاً أمام حركة المدنيين."
    )


@pytest.mark.parametrize(
    ("head", "field", "value"),
    [
        ('<meta property="og:title" content="Aid convoy &lt;em&gt;reaches&lt;/em&gt; Deir Ezzor">', "title",
         "Aid convoy reaches Deir Ezzor"),
        ("<meta property=\"og:site_name\" content=\"Relief Monitor<script>alert('x')</script>\">", "source",
         "Relief Monitor"),
        ('<meta name="author" content="Omar <b>Saleh</b>">', "author", "Omar Saleh"),
    ],
)  # fmt: skip
def test_markup_in_metadata_is_made_text(head: str, field: str, value: str) -> None:
    assert getattr(parse_html(page(head=head)), field) == value


def test_an_inline_script_over_10_mb_does_not_hide_the_article() -> None:
    # libxml2 stops at a text node over 10 MB unless told otherwise: the article would vanish.
    state = '{"items": [' + ",".join(['{"html": "<p>' + "x" * 100 + '</p>"}'] * 100_000) + "]}"
    doc = parse_html(page(head=f"<script>window.__STATE__ = {state};</script>"))
    assert len(state) > 10 * 2**20
    assert doc.title == TITLE and doc.body.startswith("A convoy of twenty trucks")
    assert "__STATE__" not in doc.body


def test_xhtml_with_an_xml_declaration() -> None:
    xhtml = (
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n' + page()
    )
    assert parse_html(xhtml).body.startswith("A convoy of twenty trucks")
