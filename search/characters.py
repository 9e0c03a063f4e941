"""Characters no stored or echoed text may hold: the ones XML 1.0 forbids.

C0 control characters other than tab, line feed and carriage return,
U+FFFE, U+FFFF and lone surrogates make an RSS or OpenSearch document
not well-formed, put raw NUL bytes into HTML, and can drive a terminal
(ESC sequences in `news-search query`). They never carry meaning in news
text, so ingestion drops them from every field it stores and the web drops
them from every parameter it echoes.
"""

from __future__ import annotations

import re

FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def without_forbidden(text: str) -> str:
    """`text` without the characters XML 1.0 forbids (the rest untouched)."""
    return FORBIDDEN.sub("", text)
