"""Generate the shipped alias files from ../shared/data/entities (never from ANETAC).

- search/aliases/data/countries.tsv: one entity per country (mledoze/countries,
  ODbL 1.0): English common and official names and multi-word alternative
  spellings, Arabic common and official names. A country whose main name the
  curated lexicon already has is left to the curated record; a form another
  entity already claims is dropped from the country.
- search/aliases/data/wikidata-name-tokens.tsv: Latin name token, Arabic
  token, count (Wikidata person names, CC0 1.0), the table behind matching
  names that no lexicon lists (search/aliases/names.py). An Arabic token that
  is a frequent word in the Arabic news corpora (دولة, سلام, أحمد) keeps its
  row for the Latin spellings but loses its Arabic side: in Arabic text it is
  far more often a word, or too common a name, to link anything. It moves to a
  fourth field, which only queries read, to spell a name inside a phrase
  (Salaheddine: صلاح الدين).

Capitals are not generated: the source has them in English only, and an
English-only record cannot cross the language line.

    python scripts/build_alias_lexicons.py [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter
from pathlib import Path

from arabic_corpus import count_words

from search.aliases import lexicon, names

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "search" / "aliases" / "data"
# English country names that are also ordinary words or other places.
AMBIGUOUS_COUNTRY_FORMS = {"Chad", "Georgia", "Turkey", "Guinea", "Jersey", "Niger", "Jordan", "China"}
_ARABIC_TOKEN = re.compile("^[\u0621-\u064a]+$")
# In 17k Arabic news articles, a word seen this often is vocabulary, not a rare name.
FREQUENT_WORD_COUNT = 300


def countries(data: Path, curated: lexicon.Lexicon) -> list[list[str]]:
    owners = {lexicon.form_key(form): e.id for e in curated.entities.values() for form in e.forms}
    rows = []
    with (data / "entities" / "countries-en-ar.tsv").open(encoding="utf-8") as handle:
        for record in csv.DictReader(handle, delimiter="\t"):
            main = [record["en_common"], record["ar_common"]]
            if any(lexicon.form_key(name) in owners for name in main if name):
                continue  # the curated record is richer; it keeps the country
            alternatives = [
                name
                for name in record["en_alt_spellings"].split("|")
                if len(name.split()) >= 2 and name.isascii() and "," not in name
            ]
            en = _unique([record["en_common"], record["en_official"], *alternatives], owners)
            arabic_names = [record["ar_common"], record["ar_official"]]
            ar = _unique([name for name in arabic_names if lexicon.is_arabic_form(name)], owners)
            if not en or not ar:
                continue
            entity_id = f"country-{record['cca3'].lower()}"
            for form in en + ar:
                owners[lexicon.form_key(form)] = entity_id
            ambiguous = [form for form in en if form in AMBIGUOUS_COUNTRY_FORMS]
            rows.append([entity_id, "place", " | ".join(en), " | ".join(ar), " | ".join(ambiguous), ""])
    return rows


def _unique(forms: list[str], owners: dict[str, str]) -> list[str]:
    seen, kept = set(), []
    for form in forms:
        form = " ".join(form.split())
        key = lexicon.form_key(form)
        if form and key not in seen and key not in owners:
            seen.add(key)
            kept.append(form)
    return kept


def name_tokens(data: Path, frequent: set[str]) -> list[tuple[str, str, int, str]]:
    """(latin, arabic, count, frequent arabic) rows whose Arabic side is plain letters;
    a frequent Arabic word moves from the second field to the fourth (module docstring)."""
    rows = []
    path = data / "entities" / "wikidata-person-names-en-ar.aligned.tokens"
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            latin, letters, count = line.rstrip("\n").split("\t")
            arabic = letters.replace(" ", "")
            if len(latin) >= 3 and latin.isalpha() and _ARABIC_TOKEN.match(arabic):
                word = ""
                if names.arabic_key(arabic) in frequent:
                    arabic, word = "", arabic
                rows.append((latin.lower(), arabic, int(count), word))
    return sorted(set(rows))


def frequent_words(data: Path) -> set[str]:
    """Arabic words (clitics and article off) frequent enough to be vocabulary."""
    stripped: Counter[str] = Counter()
    for word, count in count_words(data).items():
        stripped[names.arabic_key(word)] += count
    return {word for word, count in stripped.items() if count >= FREQUENT_WORD_COUNT}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args()
    if not (args.data / "entities").is_dir():
        sys.exit(f"{args.data / 'entities'}: not found; pass --data pointing at ../shared/data")

    curated = lexicon.load([OUT / "curated-news.tsv"], shipped=False)
    country_rows = countries(args.data, curated)
    with (OUT / "countries.tsv").open("w", encoding="utf-8") as out:
        out.write(
            "# Generated by scripts/build_alias_lexicons.py from mledoze/countries (ODbL 1.0),\n"
            "# via ../shared/data/entities/countries-en-ar.tsv; see README.md and LICENSE-countries-odbl.\n"
            "# Countries the curated lexicon already names are not repeated here.\n"
        )
        out.write("\t".join(lexicon.HEADER) + "\n")
        for row in country_rows:
            out.write("\t".join(row) + "\n")
    tokens = name_tokens(args.data, frequent_words(args.data))
    with (OUT / "wikidata-name-tokens.tsv").open("w", encoding="utf-8") as out:
        out.write("# latin\tarabic\tcount\tfrequent arabic (queries only, in phrases). Generated by\n")
        out.write("# scripts/build_alias_lexicons.py from Wikidata\n")
        out.write("# person names (CC0 1.0) via NETransliteration-COLING2018; see README.md here.\n")
        for latin, arabic_token, count, frequent_token in tokens:
            fields = [latin, arabic_token, str(count)] + ([frequent_token] if frequent_token else [])
            out.write("\t".join(fields) + "\n")
    print(f"{len(country_rows)} countries; {len(tokens)} name token pairs")


if __name__ == "__main__":
    main()
