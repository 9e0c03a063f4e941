"""Interface strings in Arabic and English, and how the interface language is chosen.

Two languages do not need gettext: one table per language, the same keys in
both (a test checks), `{name}` placeholders filled by `translate`. Article text
is never translated; only the interface around it. Digits stay Western in
both, as most Arabic news sites print them.
"""

from __future__ import annotations

from datetime import datetime

from flask import Request

from search.errors import InvalidParameterError

LANGUAGES = ("en", "ar")
DEFAULT = "en"
COOKIE = "ui"
COOKIE_MAX_AGE = 365 * 24 * 3600
RTL_LANGUAGES = frozenset({"ar", "fa", "ur", "he", "ps", "ckb", "yi"})

STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "site_name": "News search",
        "tagline": "Arabic and English news, one search",
        "search_label": "Search news in Arabic or English",
        "search_placeholder": "داعش, Palmyra, الرقة, coalition…",
        "search_button": "Search",
        "skip_to_results": "Skip to results",
        "switch_language": "العربية",
        "switch_language_label": "Switch the interface to Arabic",
        "results_count": "{count} results",
        "results_count_one": "1 result",
        "stories_count": "in {count} stories",
        "stories_count_one": "in 1 story",
        "similar_from": "{count} similar from {sources}",
        "similar_from_one": "1 similar from {sources}",
        "list_separator": ", ",
        "took": "in {ms} ms",
        "relaxed": "No article has all the words; showing articles with any of them.",
        "showing_results_for": "Showing results for",
        "search_instead_for": "Search instead for",
        "did_you_mean": "Did you mean",
        "filters": "Filters",
        "facet_lang": "Language",
        "facet_source": "Source",
        "facet_entity": "Entity",
        "facet_month": "Time",
        "active_filters": "Active filters",
        "remove_filter": "Remove filter: {name}",
        "clear_filters": "Clear all filters",
        "sort_by": "Sort by",
        "sort_relevance": "Relevance",
        "sort_newest": "Newest",
        "sort_oldest": "Oldest",
        "pages": "Pages",
        "previous": "Previous",
        "next": "Next",
        "page_n": "Page {page}",
        "read_article": "Read the article",
        "original_source": "Original",
        "undated": "Undated",
        "lang_ar": "Arabic",
        "lang_en": "English",
        "empty_title": "No articles match {query}.",
        "nothing_to_search": "Nothing to search for: type a word (common words alone, like “the”, are "
        "ignored).",
        "empty_tips": "Try fewer or more general words, check the spelling, or search in the other "
        "language (داعش or ISIS).",
        "empty_filters": "Filters are narrowing the search:",
        "past_last_page": "This page is past the last one.",
        "first_page": "Go to the first page",
        "try_examples": "Try:",
        "home_intro": "Search Arabic and English articles at once. All words are required; you can also use:",
        "article": "Article",
        "back_to_results": "Back to the results",
        "published": "Published",
        "source": "Source",
        "language": "Language",
        "not_found_title": "Not found",
        "not_found": "There is no page or article here.",
        "bad_request_title": "Cannot search this",
        "error_title": "Something went wrong",
        "error": "The server could not answer. Try again in a moment.",
        "too_large": "The request is too large.",
        "json_twin": "These results as JSON",
        "rss_feed": "These results as an RSS feed",
        "new_search": "New search",
        "documents_indexed": "{count} articles indexed",
        "timeline_title_day": "Results per day",
        "timeline_title_month": "Results per month",
        "timeline_title_year": "Results per year",
        "timeline_summary": "{count} dated results from {first} to {last}; "
        "the most in {peak} ({peak_count}).",
        "timeline_bar": "{period}: {ar} Arabic, {en} English",
        "timeline_bar_other": ", {other} in other languages",
        "timeline_undated": "Not shown: {count} undated",
        "timeline_period_day": "Day",
        "timeline_period_month": "Month",
        "timeline_period_year": "Year",
        "timeline_total": "Total",
        "lang_other": "Other languages",
    },
    "ar": {
        "site_name": "بحث الأخبار",
        "tagline": "أخبار بالعربية والإنجليزية في بحث واحد",
        "search_label": "ابحث في الأخبار بالعربية أو الإنجليزية",
        "search_placeholder": "داعش، تدمر، Raqqa، التحالف…",
        "search_button": "بحث",
        "skip_to_results": "انتقل إلى النتائج",
        "switch_language": "English",
        "switch_language_label": "Switch the interface to English",
        "results_count": "عدد النتائج: {count}",
        "results_count_one": "نتيجة واحدة",
        "stories_count": "في {count} قصة إخبارية",
        "stories_count_one": "في قصة إخبارية واحدة",
        "similar_from": "{count} نسخ مشابهة من {sources}",
        "similar_from_one": "نسخة مشابهة من {sources}",
        "list_separator": "، ",
        "took": "في {ms} ملّي ثانية",
        "relaxed": "لا توجد مقالة تحتوي كل الكلمات؛ نعرض المقالات التي تحتوي أيًّا منها.",
        "showing_results_for": "نعرض نتائج",
        "search_instead_for": "ابحث بدلًا من ذلك عن",
        "did_you_mean": "هل تقصد",
        "filters": "التصفية",
        "facet_lang": "اللغة",
        "facet_source": "المصدر",
        "facet_entity": "الكيان",
        "facet_month": "الزمن",
        "active_filters": "عوامل التصفية المفعّلة",
        "remove_filter": "إزالة عامل التصفية: {name}",
        "clear_filters": "إزالة كل عوامل التصفية",
        "sort_by": "الترتيب",
        "sort_relevance": "الأكثر صلة",
        "sort_newest": "الأحدث",
        "sort_oldest": "الأقدم",
        "pages": "الصفحات",
        "previous": "السابقة",
        "next": "التالية",
        "page_n": "الصفحة {page}",
        "read_article": "اقرأ المقالة",
        "original_source": "المصدر الأصلي",
        "undated": "بلا تاريخ",
        "lang_ar": "العربية",
        "lang_en": "الإنجليزية",
        "empty_title": "لا توجد مقالات تطابق {query}.",
        "nothing_to_search": "لا شيء للبحث عنه: اكتب كلمة (الكلمات الشائعة مثل «في» وحدها لا تُحتسب).",
        "empty_tips": "جرّب كلمات أقل أو أعم، أو تحقّق من الإملاء، أو ابحث باللغة الأخرى (داعش أو ISIS).",
        "empty_filters": "عوامل تصفية تضيّق البحث:",
        "past_last_page": "هذه الصفحة بعد الصفحة الأخيرة.",
        "first_page": "اذهب إلى الصفحة الأولى",
        "try_examples": "جرّب:",
        "home_intro": "ابحث في المقالات العربية والإنجليزية معًا. كل الكلمات مطلوبة، ويمكنك أيضًا استخدام:",
        "article": "مقالة",
        "back_to_results": "العودة إلى النتائج",
        "published": "تاريخ النشر",
        "source": "المصدر",
        "language": "اللغة",
        "not_found_title": "غير موجود",
        "not_found": "لا توجد صفحة أو مقالة هنا.",
        "bad_request_title": "لا يمكن تنفيذ هذا البحث",
        "error_title": "حدث خطأ",
        "error": "تعذّر على الخادم الإجابة. حاول مجددًا بعد قليل.",
        "too_large": "الطلب أكبر من المسموح.",
        "json_twin": "هذه النتائج بصيغة JSON",
        "rss_feed": "هذه النتائج كخلاصة RSS",
        "new_search": "بحث جديد",
        "documents_indexed": "عدد المقالات المفهرسة: {count}",
        "timeline_title_day": "النتائج حسب اليوم",
        "timeline_title_month": "النتائج حسب الشهر",
        "timeline_title_year": "النتائج حسب السنة",
        "timeline_summary": "عدد النتائج المؤرخة: {count}، من {first} إلى {last}؛ "
        "أكثرها في {peak} ({peak_count}).",
        "timeline_bar": "{period}: {ar} بالعربية، {en} بالإنجليزية",
        "timeline_bar_other": "، {other} بلغات أخرى",
        "timeline_undated": "غير معروضة: {count} بلا تاريخ",
        "timeline_period_day": "اليوم",
        "timeline_period_month": "الشهر",
        "timeline_period_year": "السنة",
        "timeline_total": "المجموع",
        "lang_other": "لغات أخرى",
    },
}

MONTHS = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    # The Egyptian and Gulf names most Arabic news sites print (not كانون الأول).
    "ar": (
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "مايو",
        "يونيو",
        "يوليو",
        "أغسطس",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
    ),
}


def translate(language: str, key: str, **values: object) -> str:
    """The interface string `key` in `language`, placeholders filled."""
    text = STRINGS[language][key]
    return text.format(**values) if values else text


def direction(language: str) -> str:
    """ "rtl" or "ltr" for a language code; "auto" when the language is unknown."""
    if not language:
        return "auto"
    return "rtl" if language.split("-")[0].lower() in RTL_LANGUAGES else "ltr"


def chosen_language(request: Request) -> tuple[str, bool]:
    """(interface language, whether the request asked for it with `ui=`).

    An explicit `ui=` wins (the caller remembers it in a cookie), then the
    cookie, then the browser's Accept-Language, then English.
    """
    asked = request.args.get("ui", "")
    if asked:
        if asked not in LANGUAGES:
            raise InvalidParameterError(f"ui: the interface language is ar or en, got {asked[:20]!r}", "ui")
        return asked, True
    remembered = request.cookies.get(COOKIE, "")
    if remembered in LANGUAGES:
        return remembered, False
    # By the browser's preference order, matching the primary tag: "ar-SY" is Arabic.
    for tag, _quality in request.accept_languages:
        primary = tag.split("-")[0].split("_")[0].lower()
        if primary in LANGUAGES:
            return primary, False
    return DEFAULT, False


def format_date(moment: datetime | None, language: str) -> str:
    """ "10 November 2025" / "10 نوفمبر 2025"; empty for no date."""
    if moment is None:
        return ""
    return f"{moment.day} {MONTHS[language][moment.month - 1]} {moment.year}"


def format_month(value: str, language: str) -> str:
    """A month facet value "2025-12" as "December" / "ديسمبر" (the year is its heading)."""
    try:
        month = int(value.split("-")[1])
        return MONTHS[language][month - 1]
    except (IndexError, ValueError):
        return value


def format_period(unit: str, period: str, language: str) -> str:
    """A timeline period (search/timeline.py) as a reader says it: "13 December 2025",
    "December 2025" / "ديسمبر 2025", "2025"."""
    try:
        if unit == "day":
            return format_date(datetime.fromisoformat(period), language)
        if unit == "month":
            return f"{format_month(period, language)} {period[:4]}"
    except ValueError:
        pass
    return period


def language_name(code: str, language: str) -> str:
    """An article language in the interface language: ar → "Arabic" / "العربية"."""
    return STRINGS[language].get(f"lang_{code}", code or "?")
