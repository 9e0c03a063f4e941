"""Lexicon files: the shipped ones load, and every kind of mistake is reported with its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from search.aliases import lexicon
from search.aliases.lexicon import LexiconError

HEADER = "id\ttype\ten\tar\tambiguous\tnote\n"


def write(tmp_path: Path, body: str, header: str = HEADER) -> Path:
    path = tmp_path / "mine.tsv"
    path.write_text(header + body, encoding="utf-8")
    return path


def test_shipped_lexicon_loads_and_is_large() -> None:
    shipped = lexicon.load()
    assert len(shipped) >= 300 + 200
    curated = [e for e in shipped.entities.values() if e.origin.startswith("curated-news.tsv")]
    assert len(curated) >= 300
    assert {e.type for e in curated} == set(lexicon.TYPES)
    isis = shipped.get("isis")
    assert {"ISIS", "ISIL", "Daesh", "Islamic State"} <= set(isis.en)
    assert {"داعش", "تنظيم الدولة", "الدولة الإسلامية", "تنظيم الدولة الإسلامية"} <= set(isis.ar)
    sharaa = shipped.get("ahmed-al-sharaa")
    assert {"al-Sharaa", "Ahmad al-Sharaa", "al-Jolani", "al-Julani"} <= set(sharaa.en)
    assert {"الشرع", "أحمد الشرع", "الجولاني"} <= set(sharaa.ar)
    assert (isis.label_en, isis.label_ar) == ("ISIS", "داعش")


def test_a_valid_user_file(tmp_path: Path) -> None:
    path = write(tmp_path, "example-town\tplace\tExample Town | Exampleton\tبلدة المثال\t\tdemo\n")
    loaded = lexicon.load([path])
    assert loaded.get("example-town").ar == ("بلدة المثال",)


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ("a\tplace\tX\n", "expected 6 tab-separated fields"),
        ("Bad Id\tplace\tX\tس\t\t\n", "must be lowercase letters"),
        ("a\tcity\tX\tس\t\t\n", "type 'city' is not one of"),
        ("a\tplace\tX | \tس\t\t\n", "empty English form"),
        ("a\tplace\tX\tس |  | ص\t\t\n", "empty Arabic form"),
        ("a\tplace\tسوريا\t\t\t\n", "contains Arabic letters"),
        ("a\tplace\tX\tSyria\t\t\n", "not Arabic letters"),
        ("a\tplace\t\t\t\t\n", "no English and no Arabic form"),
        ("a\tplace\tX\tس\tY\t\n", "ambiguous form 'Y' is not one of a's forms"),
        ("a\tplace\tDaesh\tمثال\t\t\n", "already claimed by isis"),
        ("a\tplace\tX\tالرَّقَّة\t\t\n", "already claimed by raqqa"),
        ("a\tplace\tX\tس\t\t\na\tplace\tY\tص\t\t\n", "duplicate id 'a'"),
    ],
)
def test_problems_are_reported_with_their_line(tmp_path: Path, body: str, problem: str) -> None:
    path = write(tmp_path, body)
    with pytest.raises(LexiconError, match=problem) as caught:
        lexicon.load([path])
    assert all(str(path) in line for line in caught.value.problems)
    assert any(f"{path}:2:" in line or f"{path}:3:" in line for line in caught.value.problems)


def test_missing_header(tmp_path: Path) -> None:
    path = write(tmp_path, "a\tplace\tX\tس\t\t\n", header="")
    with pytest.raises(LexiconError, match="first line must be the header"):
        lexicon.load([path])


def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "latin1.tsv"
    path.write_bytes(HEADER.encode() + "a\tplace\tCaf\xe9\t\t\t\n".encode("latin-1"))
    with pytest.raises(LexiconError, match="save it as UTF-8"):
        lexicon.load([path])


def test_common_word_marks(tmp_path: Path) -> None:
    path = write(tmp_path, "hope-party\torganisation\tHope Party\tحزب الأمل | الأمل\t~الأمل\t\n")
    entity = lexicon.load([path]).get("hope-party")
    assert entity.ambiguous == entity.common_words == {lexicon.form_key("الأمل")}
