"""Mentions in both scripts: clitics, diacritics, multi-word forms, acronym case, ambiguity."""

from __future__ import annotations

import pytest

from search.aliases import lexicon
from search.aliases.matcher import Matcher, clitic_variants, entity_counts


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(lexicon.load())


MATCHES = [
    ("للشرع", "الشرع", "ahmed-al-sharaa", "ل before the article: لل"),
    ("والرقة", "الرقة", "raqqa", "و before the article"),
    ("بداعش", "داعش", "isis", "ب before a name"),
    ("لداعش", "داعش", "isis", "ل before a name"),
    ("الرَّقَّة", "الرقة", "raqqa", "diacritics"),
    ("داعـــش", "داعش", "isis", "tatweel"),
    ("أمريكا", "أمريكا", "united-states", "hamza alef"),
    ("أميركا", "أميركا", "united-states", "spelling variant"),
    ("سورية", "سورية", "syria", "ة spelling of Syria"),
    ("Deir ez-Zor", "Deir ez-Zor", "deir-ez-zor", "hyphenated multi-word form"),
    ("al-Sharaa's", "al-Sharaa", "ahmed-al-sharaa", "possessive"),
    ("Daesh", "Daesh", "isis", "transliteration"),
    ("isis", "ISIS", "isis", "a long acronym in lowercase"),
    ("U.S.", "U.S.", "united-states", "dotted acronym"),
    ("CENTCOM", "CENTCOM", "centcom", "acronym"),
    ("القيادة المركزية الأمريكية", "القيادة المركزية الأمريكية", "centcom", "three-word Arabic form"),
]


@pytest.mark.parametrize(("text", "form", "entity", "why"), MATCHES, ids=[row[0] for row in MATCHES])
def test_matches(matcher: Matcher, text: str, form: str, entity: str, why: str) -> None:
    [mention] = matcher.mentions(text)
    assert (mention.entity, mention.form, mention.written) == (entity, form, text), why


def test_longest_match_wins(matcher: Matcher) -> None:
    mentions = matcher.mentions("أعلن تنظيم الدولة الإسلامية مسؤوليته")
    assert [(m.written, m.entity) for m in mentions] == [("تنظيم الدولة الإسلامية", "isis")]
    mentions = matcher.mentions("President Ahmed al-Sharaa met Asaad al-Shaibani")
    assert [m.written for m in mentions] == ["Ahmed al-Sharaa", "Asaad al-Shaibani"]


@pytest.mark.parametrize("text", ["is", "us", "Is", "Us", "who", "un", "eu"])
def test_short_acronyms_need_capitals(matcher: Matcher, text: str) -> None:
    assert matcher.mentions(f"{text} and {text}") == []


@pytest.mark.parametrize(("text", "entity"), [("IS", "isis"), ("US", "united-states"), ("WHO", "who")])
def test_short_acronyms_in_capitals(matcher: Matcher, text: str, entity: str) -> None:
    assert [m.entity for m in matcher.mentions(f"the {text} said")] == [entity]


def test_acronym_only_as_a_whole_token(matcher: Matcher) -> None:
    assert matcher.mentions("ISISK and USB and ISO") == []


@pytest.mark.parametrize(
    ("text", "counted", "why"),
    [
        ("الشرع الإسلامي يحرم ذلك", {}, "الشرع alone is Islamic law"),
        ("قال أحمد الشرع إن الشرع", {"ahmed-al-sharaa": 2}, "confirmed by the full name"),
        ("تقوم الدولة بواجباتها", {}, "الدولة alone is the state"),
        ("هاجم داعش مواقع في الدولة المجاورة", {"isis": 1}, "a common-word form never counts, beside داعش"),
        ("قتل الأسد في حديقة", {}, "الأسد alone is the lion"),
        ("قال بشار الأسد إن الأسد", {"bashar-al-assad": 2}, "confirmed by the full name"),
        ("IS claimed it", {}, "IS alone needs a confirmation"),
        ("ISIS, also called IS, claimed it", {"isis": 2}, "confirmed"),
    ],
)
def test_ambiguous_forms_need_confirmation(matcher: Matcher, text: str, counted: dict, why: str) -> None:
    assert entity_counts(matcher.mentions(text)) == counted, why


def test_common_word_forms_are_flagged(matcher: Matcher) -> None:
    [state] = matcher.mentions("الدولة")
    assert state.ambiguous and state.common_word
    [sharaa] = matcher.mentions("الشرع")
    assert sharaa.ambiguous and not sharaa.common_word


def test_clitic_variants() -> None:
    assert {"والرقه", "بالرقه", "للرقه", "وللرقه", "فبالرقه", "كالرقه"} <= clitic_variants("الرقه")
    assert {"لداعش", "وبداعش", "فلداعش"} <= clitic_variants("داعش")
    assert "لالرقه" not in clitic_variants("الرقه")


def test_offsets_are_in_the_original_text(matcher: Matcher) -> None:
    text = "غارات على دير الزور والرَّقَّة"
    for mention in matcher.mentions(text):
        assert text[mention.start : mention.end] == mention.written
