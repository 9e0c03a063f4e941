"""Readers for news sources: each format yields Documents or Rejections."""
