"""Measure retrieval quality: test collections, baseline systems, metrics, reports.

Used by `news-search eval` and scripts/eval.py. Reads the development parts
of ../shared/data only (see collections.py); nothing here is imported by the
search path itself.
"""
