"""Text analysis for Arabic and English: pure functions, plus thin Whoosh glue in analyzers.py."""
