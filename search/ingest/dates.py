"""Find and parse publication dates in news text; never invent one.

dateparser does the parsing, but it misses Levantine and Maghrebi month names
(نيسان, كانون الأول, جانفي) and happily turns "2 days ago" or a yearless
dateline into a date. So month names are mapped to English first, and a
result is only accepted when the text itself states the year it carries.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from functools import lru_cache

from search.analysis.arabic import normalize as normalize_arabic

# Arabic month names, written as normalised by search.analysis.arabic (so أ/ا
# and ة/ه variants are covered), mapped to English.
ARABIC_MONTHS = {
    # Levantine and Iraqi (Syriac) names
    "كانون الثاني": "January", "شباط": "February", "اذار": "March",
    "نيسان": "April", "ايار": "May", "حزيران": "June", "تموز": "July",
    "اب": "August", "ايلول": "September", "تشرين الاول": "October",
    "تشرين الثاني": "November", "كانون الاول": "December",
    # Egyptian and Gulf transliterations
    "يناير": "January", "فبراير": "February", "مارس": "March", "ابريل": "April",
    "مايو": "May", "يونيو": "June", "يونيه": "June", "يوليو": "July",
    "يوليه": "July", "اغسطس": "August", "سبتمبر": "September",
    "اكتوبر": "October", "نوفمبر": "November", "ديسمبر": "December",
    # Maghrebi (Tunisia, Algeria) and Moroccan
    "جانفي": "January", "فيفري": "February", "افريل": "April", "ماي": "May",
    "جوان": "June", "جويليه": "July", "اوت": "August", "يوليوز": "July",
    "غشت": "August", "شتنبر": "September", "نونبر": "November", "دجنبر": "December",
}  # fmt: skip
ENGLISH_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
)
_ARABIC_MONTH_RE = "|".join(sorted(map(re.escape, ARABIC_MONTHS), key=len, reverse=True))
# "كانون الأول/ديسمبر", "نيسان (أبريل)": two names for one month.
_ARABIC_MONTH_PAIR = re.compile(
    rf"(?<!\w)({_ARABIC_MONTH_RE})(?:\s*[/(]\s*({_ARABIC_MONTH_RE})\s*\)?)?(?!\w)"
)
_MONTH = rf"(?:{ENGLISH_MONTHS})\.?"
_YEAR = r"(?:19|20)\d\d"
_TIME = r"(?:[\s,|،-]+\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*(?:[AaPp]\.?[Mm]\.?|GMT|UTC|ص|م))?)?"
# Date phrases as they appear in pages, after month names are in English.
DATE_PHRASE = re.compile(
    rf"(?<!\d)(?:"
    rf"{_YEAR}[-/.]\d{{1,2}}[-/.]\d{{1,2}}(?:T\d{{2}}:\d{{2}}(?::\d{{2}})?(?:Z|[+-]\d{{2}}:?\d{{2}})?)?"
    rf"|\d{{1,2}}[-/.]\d{{1,2}}[-/.]{_YEAR}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}"
    rf"|{_MONTH}\s*\d{{1,2}}(?:st|nd|rd|th)?,?\s+{_YEAR}"
    rf"){_TIME}(?!\d)",
    re.IGNORECASE,
)
# A month and day with no year, as in the dateline "Damascus, Dec.20 (SANA)".
YEARLESS_DATE = re.compile(
    rf"(?:{_MONTH}\s*\d{{1,2}}|\d{{1,2}}\s+{_MONTH})(?![\d,]*\s*{_YEAR})", re.IGNORECASE
)
# "Damascus, Dec.20 (SANA) –" / "دمشق، 3 كانون الثاني (نشرة الفرات) -"
DATELINE = re.compile(r"^(?P<place>[^,،(]{2,40})[,،]\s*(?P<when>[^()]{3,40}?)\s*\((?P<agency>[^)]{2,60})\)")
# The two all-number forms of DATE_PHRASE, alone, with their parts captured.
_DAY_MONTH_YEAR = re.compile(rf"(\d{{1,2}})[-/.](\d{{1,2}})[-/.]({_YEAR})")
_YEAR_MONTH_DAY = re.compile(rf"({_YEAR})[-/.](\d{{1,2}})[-/.](\d{{1,2}})")
_FOUR_DIGIT_YEAR = re.compile(rf"(?<!\d)({_YEAR})(?!\d)")
# The years dates are read and searched in (searching.py states them in its errors).
FIRST_YEAR, LAST_YEAR = 1900, 2099
# Dates further ahead than this are typos or day/month swaps, not news.
FUTURE_TOLERANCE = timedelta(days=2)

_SETTINGS = {
    "STRICT_PARSING": True,
    "REQUIRE_PARTS": ["day", "month", "year"],
    "RETURN_AS_TIMEZONE_AWARE": True,
    "PREFER_DATES_FROM": "past",
}


def englishify_months(text: str) -> str:
    """Arabic digits to ASCII and Arabic month names to English ones.

    "الأحد 21 كانون الأول/ديسمبر 2025" -> "الاحد 21 December 2025".
    """
    text = normalize_arabic(text)

    def english(match: re.Match[str]) -> str:
        return ARABIC_MONTHS[match.group(1)]

    return _ARABIC_MONTH_PAIR.sub(english, text)


def _to_naive_utc(moment: datetime) -> datetime:
    if moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc).replace(tzinfo=None)
    return moment


@lru_cache(maxsize=4096)
def parse_date(text: str, day_first: bool = True) -> datetime | None:
    """A complete date (day, month and a year written in `text`), or None.

    Time zones are converted to UTC and dropped; a date without a zone is
    kept as written. `day_first` settles 03/04/2026 (Arabic and European
    pages write day first).
    """
    text = englishify_months(text.strip())
    years = _FOUR_DIGIT_YEAR.findall(text)
    if not years:
        return None  # "Dec.20", "2 days ago": no year stated, none invented
    moment = _parse_with_libraries(text, day_first)
    if moment is None or str(moment.year) not in years:
        return None
    moment = _to_naive_utc(moment)
    if moment.year < FIRST_YEAR:
        return None
    return moment


def _parse_with_libraries(text: str, day_first: bool) -> datetime | None:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        pass
    if numeric := _numeric_date(text, day_first):
        return numeric
    try:
        return parsedate_to_datetime(text)  # RFC 2822, as in RSS: "Sun, 18 Feb 2018 ..."
    except (TypeError, ValueError, IndexError):
        pass
    import dateparser  # slow to import; only paid for when a page needs it

    settings = dict(_SETTINGS, DATE_ORDER="DMY" if day_first else "MDY")
    return dateparser.parse(text, languages=["en", "ar", "fr"], settings=settings)


def _numeric_date(text: str, day_first: bool) -> datetime | None:
    """17/05/2015 or 2015/05/17 without dateparser (4 ms each, the most common form in
    archives); None for anything else, or an impossible day, which dateparser then gets."""
    if match := _DAY_MONTH_YEAR.fullmatch(text):
        first, second, year = (int(part) for part in match.groups())
        day, month = (first, second) if day_first else (second, first)
    elif match := _YEAR_MONTH_DAY.fullmatch(text):
        year, month, day = (int(part) for part in match.groups())
    else:
        return None
    try:
        return datetime(year, month, day)
    except ValueError:
        return None


def find_date(line: str, day_first: bool = True) -> tuple[datetime, str] | None:
    """The first complete date phrase in `line`: (date, the phrase as written)."""
    english = englishify_months(line)
    for match in DATE_PHRASE.finditer(english):
        moment = parse_date(match.group(), day_first)
        if moment is not None:
            return moment, match.group()
    return None


def is_future(moment: datetime, now: datetime | None = None) -> bool:
    """True for dates beyond tomorrow: typos and swapped day/month, not news."""
    now = now or datetime.now(timezone.utc).replace(tzinfo=None)
    return moment > now + FUTURE_TOLERANCE


def wire_dateline(paragraph: str) -> str:
    """The dateline that opens a wire story ("Damascus, Dec.20"), if it has a date."""
    match = DATELINE.match(paragraph)
    if not match or not YEARLESS_DATE.search(englishify_months(match.group("when"))):
        return ""
    return f"{match.group('place').strip()}, {match.group('when').strip()}"
