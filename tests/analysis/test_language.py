"""Document language: Arabic-script share first, seeded langdetect for Latin text."""

from __future__ import annotations

import pytest

from search.analysis.language import UNKNOWN, detect_language


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("سوريا تعلن تكثيف عملياتها ضد داعش في دير الزور والرقة", "ar"),
        ("أكدت سوريا التزامها الثابت بمكافحة ISIS وفق بيان لوزارة الخارجية", "ar"),
        ("Syria affirms its commitment to fighting ISIS and calls on the coalition for support", "en"),
        ("La Syrie rejoint la coalition internationale contre le groupe État islamique", "fr"),
        ("ok", UNKNOWN),
        ("2025-12-14 !!!", UNKNOWN),
    ],
)
def test_detect(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_deterministic() -> None:
    text = "Syria joins the coalition. La Syrie rejoint la coalition."
    assert len({detect_language(text) for _ in range(20)}) == 1
