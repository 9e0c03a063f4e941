"""Articles several query test modules index: a name no lexicon lists, in both languages."""

from __future__ import annotations

# Sellal: in no shipped lexicon file and no name-table entry (test_transliteration_queries.py
# checks), written سلال in Arabic.
SELLAL_ARTICLES = [
    {
        "id": "ar-sellal",
        "title": "سلال يفتتح المعرض",
        "body": "افتتح رئيس الوزراء سلال المعرض الدولي في العاصمة بحضور الوزراء.",
        "lang": "ar",
    },
    {
        "id": "en-sellal",
        "title": "Sellal opens the fair",
        "body": "Prime Minister Sellal opened the international fair in the capital on Monday.",
        "lang": "en",
    },
]
