"""Bytes to text: UTF-8 with or without BOM, UTF-16, Windows-1256; bad files named."""

from __future__ import annotations

import codecs

import pytest

from search.errors import UndecodableError
from search.ingest.decoding import decode, decode_markup

ARABIC = (
    "أكدت سوريا التزامها الثابت بمكافحة داعش، وضمان عدم وجود ملاذات آمنة للتنظيم في الأراضي السورية.\n" * 3
)
ENGLISH = "Syria affirms commitment to fighting ISIS, calls on international coalition for support.\n" * 3


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (ARABIC.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + ARABIC.encode("utf-8"), "utf-8-sig"),
        (ARABIC.encode("utf-16"), "utf-16"),
        (ARABIC.encode("utf-16-le"), "utf-16"),
        (ARABIC.encode("utf-16-be"), "utf-16"),
        (ENGLISH.encode("utf-16-le"), "utf-16"),
        (ARABIC.encode("cp1256"), "cp1256"),
    ],
    ids=[
        "utf-8",
        "utf-8 bom",
        "utf-16 bom",
        "utf-16-le no bom",
        "utf-16-be no bom",
        "english utf-16",
        "cp1256",
    ],
)
def test_decodes(data: bytes, encoding: str) -> None:
    decoded = decode(data, "page.txt")
    assert decoded.text.lstrip("\ufeff") in (ARABIC, ENGLISH)
    assert decoded.encoding == encoding


def test_windows_1256_short_arabic_page() -> None:
    page = "العالم العربي\n\nسوريا تعلن تكثيف عملياتها ضد داعش في دير الزور والرقة.\n"
    assert decode(page.encode("cp1256"), "old.txt").text == page


def test_truncated_utf8_keeps_the_text_and_says_so() -> None:
    data = ARABIC.encode("utf-8")[:-2]  # cut in the middle of the last letter? no: the newline and a byte
    data = ARABIC.encode("utf-8") + "ش".encode()[:1]
    decoded = decode(data, "cut.txt")
    assert decoded.text.startswith(ARABIC) and decoded.note and "cut.txt" in decoded.note


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty file"),
        (b"  \n\t ", "empty file"),
        (bytes(range(256)) * 40, "not text in any encoding"),
        (b"\x00\x01\x02\x03" * 500, "binary data"),
    ],
    ids=["empty", "whitespace", "random bytes", "control bytes"],
)
def test_refuses_with_the_file_name_and_reason(data: bytes, message: str) -> None:
    with pytest.raises(UndecodableError, match=rf"^cut\.bin: {message}"):
        decode(data, "cut.bin")


PAGE = (
    '<html lang="ar"><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">'
    "<title>سوريا تنضم إلى التحالف</title></head><body><p>أعلنت وزارة الخارجية السورية انضمام "
    "سوريا إلى التحالف الدولي لمكافحة داعش، وقالت إن القرار يعكس التزامها بمكافحة الإرهاب.</p></body></html>"
)
FEED = (
    '<?xml version="1.0" encoding="{charset}"?>'
    "<rss><channel><title>شبكة الفرات الإخبارية</title></channel></rss>"
)


@pytest.mark.parametrize(
    ("text", "saved_as", "encoding", "note"),
    [
        (PAGE.format(charset="windows-1256"), "cp1256", "cp1256", None),
        (FEED.format(charset="windows-1256"), "cp1256", "cp1256", None),
        # re-saved as UTF-8 without fixing the declaration: the bytes win
        (PAGE.format(charset="windows-1256"), "utf-8", "utf-8", None),
        # "utf-16" declared in ASCII cannot be true (browsers ignore it too)
        (PAGE.format(charset="utf-16"), "utf-8", "utf-8", None),
        # ف ق ك are not in ISO-8859-6: the declaration is wrong, detection reads it
        (PAGE.format(charset="iso-8859-6"), "cp1256", "cp1256", "declares charset iso8859_6 but is not"),
        (PAGE.format(charset="x-no-such-charset"), "cp1256", "cp1256", None),
    ],
    ids=["declared 1256", "xml declaration", "utf-8 declared 1256", "utf-16 declared", "wrong", "unknown"],
)
def test_markup_declarations_are_honoured_when_the_bytes_agree(
    text: str, saved_as: str, encoding: str, note: str | None
) -> None:
    decoded = decode_markup(text.encode(saved_as), "page.html")
    assert decoded.text == text and decoded.encoding == encoding
    if note is None:
        assert decoded.note is None
    else:
        assert decoded.note and decoded.note.startswith("page.html: ") and note in decoded.note


def test_markup_that_is_binary_is_refused_even_with_a_declaration() -> None:
    data = b'<meta charset="windows-1256">' + b"\x00\x01\x02\x03" * 500
    with pytest.raises(UndecodableError, match=r"^x\.html: binary data"):
        decode_markup(data, "x.html")
