"""Decide a document's language: Arabic-script share first, langdetect for the rest.

langdetect is random unless seeded and weak on short text, so it only sees
Latin-script text long enough to judge, and always with a fixed seed.
"""

from __future__ import annotations

import threading

from search.analysis.tokenizer import arabic_share

ARABIC_SHARE_THRESHOLD = 0.5  # of all letters; Arabic pages quote Latin names
MIN_LETTERS_FOR_DETECTION = 20  # below this langdetect guesses
DETECTION_SAMPLE_CHARS = 4000  # enough for a stable guess, bounded cost
UNKNOWN = "und"  # ISO 639-2 "undetermined"

_detect_lock = threading.Lock()


def _langdetect(text: str) -> str:
    from langdetect import DetectorFactory, LangDetectException, detect

    with _detect_lock:  # the factory and its seed are process-wide
        DetectorFactory.seed = 0
        try:
            return detect(text)
        except LangDetectException:
            return UNKNOWN


def detect_language(text: str) -> str:
    """'ar', 'en', another ISO 639-1 code from langdetect, or 'und'."""
    sample = text[:DETECTION_SAMPLE_CHARS]
    if arabic_share(sample) >= ARABIC_SHARE_THRESHOLD:
        return "ar"
    letters = sum(ch.isalpha() for ch in sample)
    if letters < MIN_LETTERS_FOR_DETECTION:
        return UNKNOWN
    code = _langdetect(sample)
    # langdetect reports Chinese and a few others with a region suffix.
    return code.split("-")[0] if code != UNKNOWN else code
