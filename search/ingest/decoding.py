"""Turn a file's bytes into text: BOMs, UTF-8, UTF-16, and legacy Arabic code pages.

Archives of Arabic news are often Windows-1256; exports from Windows tools
are UTF-16, sometimes without a BOM. charset-normalizer guesses the rest, and
its guess is checked: text that decodes to noise is refused, not indexed.
HTML and XML files may also declare their charset (`<meta charset>`,
`<?xml encoding?>`), which `decode_markup` honours when the bytes agree.
"""

from __future__ import annotations

import codecs
from typing import NamedTuple

from charset_normalizer import from_bytes
from charset_normalizer.utils import any_specified_encoding

from search.errors import UndecodableError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters other than tab/newline/CR/form feed mean binary data.
_CONTROL = set(range(0x00, 0x09)) | {0x0B} | set(range(0x0E, 0x20)) | {0x7F}
MAX_CONTROL_SHARE = 0.01
SNIFF_BYTES = 64 * 1024  # enough for detection, cheap on a 20 MB page
# A UTF-8 file with a handful of bad bytes (a cut-off last character, a
# corrupted block) is still UTF-8: keep it, replacing what cannot be read.
MAX_BAD_UTF8_SHARE = 0.001


class Decoded(NamedTuple):
    text: str
    encoding: str
    note: str | None = None  # a warning for the run report, e.g. replaced bytes


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM has a NUL in every other byte of ASCII and
    a constant high byte (0x06) in Arabic; guess the byte order from where
    the NULs or 0x06 bytes sit."""
    sample = data[:SNIFF_BYTES]
    if len(sample) < 4 or len(data) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    for zeros, encoding in ((odd, "utf-16-le"), (even, "utf-16-be")):
        high = sum(byte in (0x00, 0x06) for byte in zeros)
        if high > 0.9 * len(zeros):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def looks_binary(text: str) -> bool:
    """More control characters than text has: an image, an archive, an executable."""
    sample = text[:SNIFF_BYTES]
    controls = sum(ord(ch) in _CONTROL for ch in sample)
    return controls > MAX_CONTROL_SHARE * max(len(sample), 1)


def _mostly_utf8(data: bytes, name: str) -> Decoded | None:
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    if bad > MAX_BAD_UTF8_SHARE * len(text) + 1:
        return None
    return Decoded(text, "utf-8", f"{name}: {bad} undecodable UTF-8 byte sequence(s) replaced")


def decode(data: bytes, name: str) -> Decoded:
    """Decode a file's bytes; raises UndecodableError naming `name` and what to do."""
    if not data.strip():
        raise UndecodableError(f"{name}: empty file: nothing to index")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(Decoded(data.decode(encoding), encoding), name)
            except UnicodeDecodeError as error:
                raise UndecodableError(
                    f"{name}: broken {encoding} after its byte-order mark ({error.reason} at byte "
                    f"{error.start}); save it as UTF-8 and try again"
                ) from None
    text = _utf16_without_bom(data)
    if text is not None:
        return _checked(Decoded(text, "utf-16"), name)
    try:
        return _checked(Decoded(data.decode("utf-8"), "utf-8"), name)
    except UnicodeDecodeError:
        pass
    decoded = _mostly_utf8(data, name)
    if decoded is not None:
        return _checked(decoded, name)
    best = from_bytes(data[: SNIFF_BYTES * 4]).best()
    if best is None:
        raise UndecodableError(
            f"{name}: not text in any encoding we recognise; save it as UTF-8 and try again"
        )
    try:
        return _checked(Decoded(data.decode(best.encoding), best.encoding), name)
    except UnicodeDecodeError as error:
        raise UndecodableError(
            f"{name}: looks like {best.encoding} but does not decode ({error.reason} at byte "
            f"{error.start}); save it as UTF-8 and try again"
        ) from None


def _checked(decoded: Decoded, name: str) -> Decoded:
    if looks_binary(decoded.text):
        raise UndecodableError(f"{name}: binary data, not text (control bytes throughout)")
    return decoded


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML or XML head declares (`<meta charset>`, `http-equiv`,
    `<?xml encoding?>`), as a Python codec name, or None.

    A declared UTF-16 or UTF-32 is ignored, as browsers do: a file that can
    declare it in ASCII is not in it.
    """
    declared = any_specified_encoding(data)  # looks at the first 8 KB
    if declared is None or declared.startswith(("utf_16", "utf_32")):
        return None
    return declared


def decode_markup(data: bytes, name: str) -> Decoded:
    """Decode an HTML or XML file, honouring the charset it declares when the bytes agree.

    Byte-order marks, UTF-16 and valid UTF-8 come first: Windows-1256 maps
    almost every byte to a letter, so "declared 1256" would turn a page that
    was re-saved as UTF-8 into noise. Only when the bytes are none of those
    does the declaration win over charset-normalizer's guess: on a short
    Arabic page the guess can be another Arabic code page (ISO-8859-6,
    CP720), where the author's word is better evidence.
    """
    declared = declared_charset(data)
    try:
        detected: Decoded | None = decode(data, name)
    except UndecodableError:
        if declared is None:
            raise
        detected = None
    if detected is not None and (declared is None or detected.encoding.startswith("utf")):
        return detected
    try:
        return _checked(Decoded(data.decode(declared), declared), name)
    except (UnicodeDecodeError, LookupError):
        if detected is None:
            raise UndecodableError(
                f"{name}: declares charset {declared} but is not in it, nor in any encoding we "
                "recognise; save it as UTF-8 and try again"
            ) from None
        note = f"{name}: declares charset {declared} but is not in it; read as {detected.encoding}"
        return detected._replace(note=f"{detected.note}; {note}" if detected.note else note)
