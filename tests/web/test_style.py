"""The stylesheet's colour pairs keep WCAG AA contrast (4.5:1 for text), read from web/static/style.css."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

STYLE = (Path(__file__).resolve().parents[2] / "web" / "static" / "style.css").read_text(encoding="utf-8")
COLOURS = dict(re.findall(r"--([a-z-]+):\s*(#[0-9a-f]{6})", STYLE))
COLOURS["white"] = "#ffffff"


def luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one: str, other: str) -> float:
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize(
    ("text", "background", "where"),
    [
        ("text", "white", "body text"),
        ("muted", "white", "meta lines, counts"),
        ("muted", "surface", "counts on a hovered facet"),
        ("link", "white", "links"),
        ("link-visited", "white", "visited links"),
        ("link", "surface", "links in the header"),
        ("text", "mark", "marked words in snippets"),
        ("link", "mark", "marked words in titles"),
        ("white", "badge-ar", "the Arabic badge"),
        ("white", "badge-en", "the English badge"),
        ("white", "accent", "the search button, the current page"),
        ("accent", "surface", "the site name"),
    ],
)
def test_contrast(text: str, background: str, where: str) -> None:
    assert contrast(COLOURS[text], COLOURS[background]) >= 4.5, where


def test_no_colour_comes_from_elsewhere() -> None:
    assert "@import" not in STYLE and "url(" not in STYLE  # nothing is fetched: no fonts, no images
