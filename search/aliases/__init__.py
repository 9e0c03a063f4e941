"""Cross-lingual entity aliases: lexicon files, mention matching, name transliteration."""
