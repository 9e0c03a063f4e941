"""Classify the lines of a copied web page: article prose, or the page around it.

The patterns are data (tables below), in English and Arabic, matched against
a folded form of the line (lowercase, Arabic-normalised). Deciding which
lines make up the article is pagedump.py's job; this module only labels.
"""

from __future__ import annotations

import enum
import re

from search.analysis.arabic import normalize as normalize_arabic


class LineKind(enum.Enum):
    BLANK = "blank"
    PROSE = "prose"  # a paragraph: long, or a sentence of some length
    SHORT = "short"  # headline-like: a title, a related headline, a label
    RELATED = "related"  # "Related Articles", "أخبار ذات علاقة": other headlines follow
    TITLE_MARKER = "title"  # "Reading: <title>"
    TIME_AGO = "time-ago"  # "2 days ago", "منذ 3 ساعات": never a date
    CAPTION = "caption"  # image captions and photo credits
    LIST_ITEM = "list"  # a bulleted line: menu entries or other headlines
    COPYRIGHT = "copyright"
    CHROME = "chrome"  # menus, breadcrumbs, share, sign-in, cookies, tags, forms


# Lines (folded: lowercase, Arabic normalised, outer punctuation trimmed) that
# introduce a list of OTHER articles' headlines.
RELATED_MARKERS = (
    "related articles", "related news", "related stories", "related", "read more",
    "read also", "see also", "more stories", "more news", "popular articles",
    "most popular", "most read", "editors choice", "editor's choice", "editors' picks",
    "editor's picks", "latest news", "latest", "recommended", "recommended for you", "also read",
    "you may also like", "you might also like", "trending", "top stories",
    "اخبار ذات علاقه", "اخبار ذات صله", "اخبار متعلقه", "مواضيع ذات صله",
    "مقالات ذات صله", "اقرا ايضا", "اقرا المزيد", "الاكثر قراءه", "الاكثر مشاهده",
    "اخر الاخبار", "قد يعجبك ايضا", "اخترنا لك", "المزيد من الاخبار", "شاهد ايضا",
)  # fmt: skip
_RELATED = {marker.casefold() for marker in RELATED_MARKERS}

# "Reading: X" bars name the article being read.
TITLE_MARKER = re.compile(r"^\s*(?:reading|you are reading|now reading|تقرا الان|تقرا)\s*:\s*(.+)$", re.I)

# Page chrome, matched on the folded line. Each pattern is one kind of widget.
CHROME_PATTERNS = (
    # cookie and legal banners
    r"^by (using|continuing to use) this (site|website)",
    r"\bcookies?\b.*\b(accept|agree|consent|use)",
    r"^(accept|agree|ok|got it)( all)?( cookies)?$",
    r"\b(accept all|manage (options|preferences|cookies)|cookie settings)\b",
    r"\byou agree to\b|^by (signing|subscribing|registering|clicking)\b",
    r"^(privacy policy|terms of (use|service)|terms|privacy|contact( us)?|about( us)?|advertise)$",
    # sign-in, subscription and comment forms
    r"^(sign in|log in|login|register|subscribe|sign up|sign out|log out)\b",
    r"^welcome back",
    r"^(username|email|e-mail|your email|name|password|remember me|submit|send)( or email address)?$",
    r"^(lost|forgot) your password",
    r"^(enter )?your (e-?mail|email address)$|^enter your e-?mail",
    r"newsletter",
    r"^(comments?|\d+ comments?|leave a (comment|reply)|add (a )?comment|post comment)\b",
    # share and follow widgets
    r"^(share|share this( article| story)?|share on|follow us|follow)\b",
    r"^((facebook|twitter|x|whatsapp|linkedin|telegram|email|e-mail|copy link|instagram|youtube|"
    r"print|reddit|messenger)[\s|,/·•-]*){1,}$",
    # bylines, reading time, text-size buttons, news tickers
    r"^(by|written by|reporting by)\s+[\w '’-]{2,60}$",
    r"^\d+\s*(min|mins|minute|minutes)\s+read$",
    r"^(breaking|breaking news|live)\s*:",
    # tags, search box, logos, ads
    r"^(tags|tagged|topics|keywords)\s*:",
    r"^(#[\w-]+\s*)+$",
    r"^(search|search the site|menu|home|logo|advertisement|sponsored|skip to (main )?content)$",
    # Arabic widgets (folded: أ->ا, ة->ه)
    r"ملفات تعريف الارتباط|الكوكيز|سياسه الخصوصيه",
    r"^(موافق|اوافق|قبول|قبول الكل)$",
    r"^(بقلم|كتب|كتبه|كتبت|اعداد|تحرير|المحرر)\s*:",
    r"^(\d+\s*)?(دقيقه|دقاءق)\s*(للقراءه|قراءه)?$|^(وقت|مده) القراءه",
    r"^حجم الخط|^((ا|a)\s?[+-]\s*)+$",
    r"^(عاجل)\s*:",
    r"^((فيسبوك|فيس بوك|تويتر|اكس|واتساب|واتس اب|تلغرام|تليغرام|تيليجرام|لينكدان|لينكد ان|انستغرام|انستجرام|"
    r"يوتيوب|البريد الالكتروني|البريد|نسخ الرابط|طباعه)[\s|,،/·•-]*)+$",
    r"^(شارك|شاركها|شارك الخبر|مشاركه|تابعونا|تابعنا|تابعوا)\b",
    r"^(الكلمات المفتاحيه|كلمات مفتاحيه|الوسوم|وسوم|الموضوعات|مواضيع)\s*:",
    r"^(تسجيل الدخول|تسجيل الخروج|اشترك|اشتراك|سجل|انشاء حساب|النشره البريديه)\b",
    r"^(تعليقات|التعليقات|اضف تعليق|اضف تعليقك|اترك تعليقا)\b",
    r"^(الاسم|البريد الالكتروني|ارسال|كلمه المرور|ابحث|بحث|ابحث في الموقع|الرئيسيه|القاءمه)$",
    r"^(انت هنا|انت الان هنا)\s*:",
    r"^(اعلان|محتوى مدفوع)$",
)
_CHROME = re.compile("|".join(f"(?:{pattern})" for pattern in CHROME_PATTERNS), re.I)
_CAPTION = re.compile(
    r"^(caption|photo|image|picture|credit|file photo|صوره|الصوره|تصوير)\s*:"
    r"|\b(photo|image|credit)\s*:|(المصدر|تصوير|صوره)\s*:|\((photo|تصوير)\s*:?[^)]*\)$",
    re.I,
)
_COPYRIGHT = re.compile(r"©|\(c\)\s*\d{4}|copyright|all rights reserved|جميع الحقوق محفوظه", re.I)
_TIME_AGO = re.compile(
    r"^\s*(\d+|an?|one)\s+(second|minute|hour|day|week|month|year)s?\s+ago\s*$"
    r"|^\s*منذ\s+(\d+\s+)?(ثانيه|ثواني|دقيقه|دقاءق|دقيقتين|ساعه|ساعات|ساعتين|يوم|ايام|يومين|اسبوع|اسابيع|شهر|اشهر)\s*$",
    re.I,
)
# Menus copied as one line: "Markets | Energy | Banking" / "Home > Syria > Politics".
_MENU_SEPARATORS = re.compile(r"\s[|>»/]\s|\s\|\s?|\s›\s")
_BULLET = re.compile(r"^\s*([•·▪●◦‣∙*]|-\s|–\s)")
_SENTENCE_END = re.compile(r"[.!?؟…:؛][\"'”’»)\]]*\s*$")

PROSE_MIN_WORDS = 8  # a sentence of at least this many words is prose
PROSE_ALWAYS_WORDS = 25  # this many words is prose even without a full stop


def ends_sentence(text: str) -> bool:
    """True when the line ends like a sentence (full stop, question mark, colon...)."""
    return bool(_SENTENCE_END.search(text))


def fold(line: str) -> str:
    """The form patterns are matched against: trimmed, lowercase, Arabic-normalised."""
    return normalize_arabic(line.strip().strip(" \t:：-–—|•").casefold())


def is_menu(line: str) -> bool:
    """A copied navigation bar or breadcrumb: several short items between separators."""
    parts = [part for part in _MENU_SEPARATORS.split(line) if part.strip()]
    if len(parts) < 3 and not (len(parts) == 2 and " > " in line):
        return False
    return max(len(part.split()) for part in parts) <= 12 and not _SENTENCE_END.search(parts[-1])


def classify(line: str) -> LineKind:
    """What a single line of a page dump is."""
    stripped = line.strip()
    if not stripped:
        return LineKind.BLANK
    folded = fold(stripped)
    if not folded:
        return LineKind.CHROME  # a lone separator or bullet
    if TITLE_MARKER.match(stripped):
        return LineKind.TITLE_MARKER
    if folded in _RELATED:
        return LineKind.RELATED
    if _TIME_AGO.match(folded):
        return LineKind.TIME_AGO
    words = len(stripped.split())
    if _COPYRIGHT.search(folded) and words <= 20:
        return LineKind.COPYRIGHT
    if _CHROME.search(folded) and words <= 30:
        return LineKind.CHROME
    if _BULLET.match(line):
        return LineKind.LIST_ITEM
    if _CAPTION.search(folded) and words <= 30:
        return LineKind.CAPTION
    if is_menu(stripped):
        return LineKind.CHROME
    if words >= PROSE_ALWAYS_WORDS or (words >= PROSE_MIN_WORDS and _SENTENCE_END.search(stripped)):
        return LineKind.PROSE
    return LineKind.SHORT
