"""The tokenizer splits ORIGINAL text: every token is exactly a slice of its input."""

from __future__ import annotations

import pytest

from search.analysis.tokenizer import SCRIPT_ARABIC, SCRIPT_NUMBER, SCRIPT_WORD, arabic_share, tokenize

CASES = [
    ("سوريـــا تعلن", ["سوريـــا", "تعلن"], "tatweel stays inside the word"),
    ("مُسْلِمٌ", ["مُسْلِمٌ"], "a final tanween belongs to the word"),
    ("سوريا\u200f،", ["سوريا"], "a trailing RLM and the Arabic comma are not the word"),
    ("ت\u200cحالف", ["ت\u200cحالف"], "ZWNJ inside a word keeps it whole"),
    ("Syria's al-Sharaa", ["Syria's", "al", "Sharaa"], "apostrophes inside, hyphens between"),
    ("Syria’s", ["Syria’s"], "typographic apostrophe"),
    ("U.S. forces", ["U.S.", "forces"], "dotted acronyms keep their dots"),
    ("ISIS(Daesh)", ["ISIS", "Daesh"], "brackets split"),
    ("٢٠٢٥ و2026", ["٢٠٢٥", "و", "2026"], "Eastern digits are their own tokens; script change splits"),
    ("سورياالمصدر: X", ["سورياالمصدر", "X"], "run-together Arabic stays one token (as written)"),
    ("Erdoğan", ["Erdoğan"], "Latin letters with accents"),
    ("e\u0301lan", ["e\u0301lan"], "decomposed accents stay in the word"),
    ("ﻻ بأس", ["ﻻ", "بأس"], "presentation forms are Arabic letters"),
]


@pytest.mark.parametrize(("text", "expected", "why"), CASES, ids=[case[0] for case in CASES])
def test_tokens(text: str, expected: list[str], why: str) -> None:
    tokens = list(tokenize(text))
    assert [token.text for token in tokens] == expected, why
    for token in tokens:
        assert text[token.start : token.end] == token.text


def test_scripts() -> None:
    scripts = {token.text: token.script for token in tokenize("داعش ISIS ٢٠٢٥ 2025")}
    assert scripts == {"داعش": SCRIPT_ARABIC, "ISIS": SCRIPT_WORD, "٢٠٢٥": SCRIPT_NUMBER, "2025": SCRIPT_WORD}


def test_arabic_share() -> None:
    assert arabic_share("سوريا تنضم إلى التحالف") == 1.0
    assert arabic_share("Syria joins the coalition") == 0.0
    assert 0.4 < arabic_share("سوريا Syria") < 0.6
    assert arabic_share("2025 !!") == 0.0


def test_scan_is_tokenize_without_the_records() -> None:
    from search.analysis.tokenizer import scan, script_of

    text = "قال U.S. مسؤولٌ إن ٢٠٢٥ Syria's"
    assert [(m.group(), m.start(), m.end(), script_of(m)) for m in scan(text)] == [
        tuple(t) for t in tokenize(text)
    ]
