"""HTML fragments (feed summaries, content:encoded) to plain text, through lxml.

The index holds text, never markup: scripts, styles and embedded objects go
with their content, tags and event handlers go, entities are resolved, and
block elements become paragraph breaks so the body keeps its paragraphs.
Knows nothing about pages or feeds; html.py and feeds.py call it.
"""

from __future__ import annotations

import re

from lxml import etree, html

# Elements whose content is code or embedded media, never article text.
ACTIVE_TAGS = ("script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math")
# Elements that end a paragraph (the text after them starts a new one).
BLOCK_TAGS = frozenset(
    (
        "p", "div", "section", "article", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6",
        "li", "dd", "dt", "tr", "table", "ul", "ol", "dl", "figure", "figcaption", "header",
        "footer", "aside", "address", "hr",
    )
)  # fmt: skip
BR_TAGS = frozenset(("br",))
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_SPACES = re.compile(r"\s+")
# lxml refuses strings with XML-illegal control characters; feeds carry them now and then.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def drop_active_content(root: html.HtmlElement, keep_json_ld: bool = False) -> None:
    """Remove scripts, styles and embedded objects (with their text) from a parsed tree.

    JSON-LD blocks can be kept: they are data, not code, and carry a page's
    title, author and date for the metadata extractor.
    """
    for element in list(root.iter(*ACTIVE_TAGS)):
        if keep_json_ld and element.tag == "script" and "ld+json" in (element.get("type") or "").lower():
            continue
        if element.getparent() is not None:
            element.drop_tree()  # keeps the tail: "<p>a<script>x</script> b</p>" is "a b"


def fragment_text(fragment: str) -> str:
    """The text of an HTML fragment: paragraphs separated by blank lines, nothing executable."""
    fragment = _ILLEGAL.sub("", fragment)
    if not fragment.strip():
        return ""
    try:
        root = html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return ""  # lxml found no content at all ("<!-- -->")
    drop_active_content(root)
    return element_text(root)


def element_text(
    root: etree._Element, blocks: frozenset[str] = BLOCK_TAGS, line_breaks: frozenset[str] = BR_TAGS
) -> str:
    """The text of a parsed tree as paragraphs: each block element starts one, a line break is a space.

    `blocks` names the elements that end a paragraph, for HTML or for another
    vocabulary (trafilatura's output uses p, head, item, cell). Changes the tree.
    """
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag in line_breaks:
            element.tail = "\n" + (element.tail or "")
        elif element.tag in blocks:
            element.text = "\n\n" + (element.text or "")
            element.tail = "\n\n" + (element.tail or "")
    text = "".join(root.itertext())
    paragraphs = (_SPACES.sub(" ", part).strip() for part in _PARAGRAPH_BREAK.split(text))
    return "\n\n".join(part for part in paragraphs if part)
