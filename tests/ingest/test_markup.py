"""HTML fragments to text: paragraphs kept, nothing executable left, plain characters untouched."""

from __future__ import annotations

import pytest
from lxml import html

from search.ingest.markup import drop_active_content, fragment_text


@pytest.mark.parametrize(
    ("fragment", "text"),
    [
        (
            "<p>أعلن تنظيم داعش مسؤوليته عن الهجوم.</p><p>وقالت مصادر محلية إن الاشتباكات استمرت.</p>",
            "أعلن تنظيم داعش مسؤوليته عن الهجوم.\n\nوقالت مصادر محلية إن الاشتباكات استمرت.",
        ),
        ("Plain <b>bold</b> &amp; <i>italic</i> text", "Plain bold & italic text"),
        ("line<br>same paragraph<br><br>second paragraph", "line same paragraph\n\nsecond paragraph"),
        ("<ul><li>Raqqa</li><li>Deir Ezzor</li></ul>", "Raqqa\n\nDeir Ezzor"),
        ("3 &lt; 4 and AT&amp;T", "3 < 4 and AT&T"),
        # code and embedded objects go with their content; the text around them stays
        ("<p>before<script>alert('x')</script> after</p>", "before after"),
        ("<style>p { color: red }</style><p>kept</p>", "kept"),
        ('<p>ok</p><iframe srcdoc="<script>alert(1)</script>">frame text</iframe>', "ok"),
        ('<svg onload="alert(1)"><text>drawn</text></svg>visible', "visible"),
        ("<noscript><img src=x onerror=alert(1)>enable JS</noscript>text", "text"),
        # handlers and links are attributes: they never become text
        ('<a href="javascript:alert(1)" onclick="steal()">link text</a>', "link text"),
        ('<img src="x" onerror="alert(document.cookie)">', ""),
        ("<!-- a comment -->", ""),
        ("", ""),
        ("a\x00b\x1bc", "abc"),  # control characters lxml would refuse
    ],
)
def test_fragment_text(fragment: str, text: str) -> None:
    assert fragment_text(fragment) == text


def test_drop_active_content_can_keep_json_ld() -> None:
    page = html.document_fromstring(
        '<html><head><script type="application/ld+json">{"datePublished": "2025-12-20"}</script>'
        "<script>var tracking = 1;</script></head><body><p>text<script>x()</script> tail</p></body></html>"
    )
    drop_active_content(page, keep_json_ld=True)
    scripts = page.findall(".//script")
    assert [script.get("type") for script in scripts] == ["application/ld+json"]
    assert page.find(".//p").text_content() == "text tail"
    drop_active_content(page)
    assert page.findall(".//script") == []
