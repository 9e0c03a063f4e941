"""Line labels for page dumps, in English and Arabic."""

from __future__ import annotations

import pytest

from search.ingest.boilerplate import LineKind, classify

LINES = [
    ("", LineKind.BLANK),
    ("Related Articles", LineKind.RELATED),
    ("أخبار ذات علاقة", LineKind.RELATED),
    ("اقرأ أيضاً", LineKind.RELATED),
    ("Editors Choice", LineKind.RELATED),
    ("Reading: Syria affirms commitment to fighting ISIS", LineKind.TITLE_MARKER),
    ("2 days ago", LineKind.TIME_AGO),
    ("منذ 3 ساعات", LineKind.TIME_AGO),
    ("© Syrian Arab News Agency. All rights reserved.", LineKind.COPYRIGHT),
    ("جميع الحقوق محفوظة © 2025 شركة إرم ميديا - Erem Media FZ LLC", LineKind.COPYRIGHT),
    ("  • Politics", LineKind.LIST_ITEM),
    ("Share This Article", LineKind.CHROME),
    ("Facebook Whatsapp Whatsapp LinkedIn Telegram Copy Link", LineKind.CHROME),
    ("By using this site, you agree to the Privacy Policy and Terms of Use.", LineKind.CHROME),
    ("Sign in to your account", LineKind.CHROME),
    ("Lost your password?", LineKind.CHROME),
    ("#PoliticsNews #MiddleEastNews", LineKind.CHROME),
    ("TAGGED:Ahmad Al-SharaaCounterterrorismDamascusISISSyriaUSA", LineKind.CHROME),
    ("Syrian Arab News Agency (SANA) > Syria News > Politics > Syria affirms", LineKind.CHROME),
    ("Markets | Energy | Banking | Trade", LineKind.CHROME),
    ("تابعونا على", LineKind.CHROME),
    ("شارك الخبر: واتساب - فيسبوك - إكس", LineKind.CHROME),
    ("حجم الخط: أ+ أ-", LineKind.CHROME),
    ("4 min read", LineKind.CHROME),
    ("By Staff Reporter", LineKind.CHROME),
    ("عناصر مسلحة من تنظيم داعش في سورياالمصدر: المرصد السوري", LineKind.CAPTION),
    ("Photo: A U.S. Air Force fighter jet over the Middle East.", LineKind.CAPTION),
    ("Syria joins coalition led by the US to combat ISIL", LineKind.SHORT),
    ("وقال هيغسيث، إن العملية ضد داعش بسوريا ليست بداية حرب بل إعلان انتقام.", LineKind.PROSE),
    (
        "Last Saturday, an armed member of ISIS infiltrated a meeting site in the city of Palmyra.",
        LineKind.PROSE,
    ),
]


@pytest.mark.parametrize(("line", "kind"), LINES, ids=[line[:30] or "blank" for line, _ in LINES])
def test_classify(line: str, kind: LineKind) -> None:
    assert classify(line) is kind
