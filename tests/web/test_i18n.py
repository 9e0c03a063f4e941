"""Interface strings and language choice (web/i18n.py)."""

from __future__ import annotations

import re
import string
from datetime import datetime

import pytest
from flask import Flask

from search import InvalidParameterError
from web import i18n


def test_both_languages_have_the_same_keys_and_placeholders() -> None:
    english, arabic = i18n.STRINGS["en"], i18n.STRINGS["ar"]
    assert set(english) == set(arabic)
    for key in english:
        fields = {name for _, name, _, _ in string.Formatter().parse(english[key]) if name}
        assert fields == {name for _, name, _, _ in string.Formatter().parse(arabic[key]) if name}, key


def test_arabic_strings_are_arabic() -> None:
    untranslated = [key for key, text in i18n.STRINGS["ar"].items() if not re.search("[\u0600-\u06ff]", text)]
    assert untranslated == ["switch_language", "switch_language_label"]  # the way back, in English on purpose


@pytest.mark.parametrize(
    ("language", "direction"),
    [
        ("ar", "rtl"),
        ("fa", "rtl"),
        ("ur", "rtl"),
        ("he", "rtl"),
        ("AR", "rtl"),
        ("ar-SY", "rtl"),
        ("en", "ltr"),
        ("fr", "ltr"),
        ("", "auto"),
    ],
)
def test_direction(language: str, direction: str) -> None:
    assert i18n.direction(language) == direction


@pytest.mark.parametrize(
    ("moment", "language", "text"),
    [
        (datetime(2025, 11, 10, 21, 30), "en", "10 November 2025"),
        (datetime(2025, 11, 10), "ar", "10 نوفمبر 2025"),
        (datetime(2026, 1, 3), "ar", "3 يناير 2026"),
        (None, "en", ""),
    ],
)
def test_format_date(moment: datetime | None, language: str, text: str) -> None:
    assert i18n.format_date(moment, language) == text


@pytest.mark.parametrize(
    ("value", "language", "text"),
    [
        ("2025-12", "en", "December"),
        ("2025-12", "ar", "ديسمبر"),
        ("2026-05", "ar", "مايو"),
        ("bad", "en", "bad"),
    ],
)
def test_format_month(value: str, language: str, text: str) -> None:
    assert i18n.format_month(value, language) == text


@pytest.mark.parametrize(
    ("query", "cookie", "accept", "expected"),
    [
        ("ui=ar", "en", "en", ("ar", True)),
        ("", "ar", "en", ("ar", False)),
        ("", "xx", "ar", ("ar", False)),  # a junk cookie is ignored
        ("", "", "ar-SY,en;q=0.5", ("ar", False)),
        ("", "", "de", ("en", False)),
    ],
)
def test_chosen_language(query: str, cookie: str, accept: str, expected: tuple[str, bool]) -> None:
    app = Flask(__name__)
    headers = {"Accept-Language": accept}
    if cookie:
        headers["Cookie"] = f"ui={cookie}"
    with app.test_request_context(f"/?{query}", headers=headers) as context:
        assert i18n.chosen_language(context.request) == expected


def test_bad_ui_parameter() -> None:
    with (
        Flask(__name__).test_request_context("/?ui=fr") as context,
        pytest.raises(InvalidParameterError, match=r"^ui: "),
    ):
        i18n.chosen_language(context.request)
