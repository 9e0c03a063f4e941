"""Bytes to text: UTF-8 with or without BOM, UTF-16, Windows-1256; bad files named."""

from __future__ import annotations

import codecs

import pytest

from search.errors import UndecodableError
from search.ingest.decoding import decode

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
