"""Load and validate alias lexicon files: one entity per line, English and Arabic forms.

The format (docs/aliases.md) is a tab-separated file people edit by hand, so
every problem is reported with its file and line: a malformed line, an empty
form, a form in the wrong script, an unknown type, a duplicate id, or one form
claimed by two entities. Matching is matcher.py's job; this module only reads.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from search.analysis import arabic
from search.analysis.tokenizer import ARABIC_LETTERS
from search.errors import SearchError

HEADER = ("id", "type", "en", "ar", "ambiguous", "note")
TYPES = ("person", "organisation", "armed_group", "place", "event", "outlet")
FORM_SEPARATOR = "|"
# "~form" in the ambiguous column: the common-word sense dominates (الدولة is
# "the state"), so the form alone is not expanded in queries either.
COMMON_WORD_MARK = "~"
SHIPPED_FILES = ("curated-news.tsv", "curated-world.tsv", "countries.tsv")
MAX_PROBLEMS = 50

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_HAS_ARABIC = re.compile(f"[{ARABIC_LETTERS}]")
_ARABIC_FORM = re.compile(f"^[{ARABIC_LETTERS}\u064b-\u065f\u0670\u0640 ]+$")


class LexiconError(SearchError):
    """A lexicon file that cannot be used; `problems` lists "file:line: what" strings."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        shown = "\n".join(f"  {problem}" for problem in problems[:MAX_PROBLEMS])
        more = f"\n  ... and {len(problems) - MAX_PROBLEMS} more" if len(problems) > MAX_PROBLEMS else ""
        super().__init__(f"{len(problems)} problem(s) in the alias lexicon:\n{shown}{more}")


@dataclass(frozen=True)
class Entity:
    """One named thing and the ways news writes it in English and Arabic."""

    id: str
    type: str
    en: tuple[str, ...]
    ar: tuple[str, ...]
    ambiguous: frozenset[str] = frozenset()  # forms that need another form in the same document
    common_words: frozenset[str] = frozenset()  # ambiguous forms not expanded alone in queries
    note: str = ""
    origin: str = ""  # file:line, for explanations and errors

    @property
    def label_en(self) -> str:
        return self.en[0] if self.en else (self.ar[0] if self.ar else self.id)

    @property
    def label_ar(self) -> str:
        return self.ar[0] if self.ar else self.label_en

    @property
    def forms(self) -> tuple[str, ...]:
        return self.en + self.ar


@dataclass
class Lexicon:
    """Entities by id, from one or more files, checked together."""

    entities: dict[str, Entity] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.entities)

    def __contains__(self, entity_id: str) -> bool:
        return entity_id in self.entities

    def get(self, entity_id: str) -> Entity | None:
        return self.entities.get(entity_id)


def is_arabic_form(form: str) -> bool:
    """Arabic letters (diacritics allowed) and spaces only."""
    return bool(_ARABIC_FORM.match(form))


def form_key(form: str) -> str:
    """What makes two forms "the same form" for the one-owner rule."""
    if _HAS_ARABIC.search(form):
        return " ".join(arabic.normalize(form).split())
    return " ".join(re.sub(r"[.\-'’]", " ", form).casefold().split())


def parse_file(text: str, name: str) -> tuple[list[Entity], list[str]]:
    """(entities, problems) from the text of one lexicon file."""
    entities: list[Entity] = []
    problems: list[str] = []
    header_seen = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        where = f"{name}:{number}"
        cells = [cell.strip() for cell in line.split("\t")]
        if not header_seen:
            if tuple(cells[: len(HEADER)]) != HEADER:
                problems.append(f"{where}: the first line must be the header {chr(9).join(HEADER)!r}")
                return [], problems
            header_seen = True
            continue
        if len(cells) < 4 or len(cells) > len(HEADER):
            problems.append(
                f"{where}: expected {len(HEADER)} tab-separated fields ({', '.join(HEADER)}), "
                f"got {len(cells)}"
            )
            continue
        cells += [""] * (len(HEADER) - len(cells))
        entity, line_problems = _entity(cells, where)
        problems.extend(line_problems)
        if entity is not None:
            entities.append(entity)
    if not header_seen and not problems:
        problems.append(f"{name}: no header line and no entities")
    return entities, problems


def _forms(cell: str) -> list[str]:
    return [form.strip() for form in cell.split(FORM_SEPARATOR)] if cell.strip() else []


def _entity(cells: list[str], where: str) -> tuple[Entity | None, list[str]]:
    entity_id, kind, en_cell, ar_cell, ambiguous_cell, note = cells
    problems = []
    if not _ID.match(entity_id):
        problems.append(f"{where}: id {entity_id!r} must be lowercase letters, digits and hyphens")
    if kind not in TYPES:
        problems.append(f"{where}: type {kind!r} is not one of {', '.join(TYPES)}")
    en, ar = _forms(en_cell), _forms(ar_cell)
    if not en and not ar:
        problems.append(f"{where}: {entity_id} has no English and no Arabic form")
    for form in en:
        if not form:
            problems.append(f"{where}: empty English form (two '|' in a row, or a '|' at an end)")
        elif _HAS_ARABIC.search(form):
            problems.append(
                f"{where}: English form {form!r} contains Arabic letters; move it to the ar column"
            )
    for form in ar:
        if not form:
            problems.append(f"{where}: empty Arabic form (two '|' in a row, or a '|' at an end)")
        elif not is_arabic_form(form):
            problems.append(f"{where}: Arabic form {form!r} has characters that are not Arabic letters")
    ambiguous, common = set(), set()
    own = {form_key(form) for form in en + ar if form}
    for form in _forms(ambiguous_cell):
        common_word = form.startswith(COMMON_WORD_MARK)
        form = form.removeprefix(COMMON_WORD_MARK).strip()
        if form_key(form) not in own:
            problems.append(f"{where}: ambiguous form {form!r} is not one of {entity_id}'s forms")
            continue
        ambiguous.add(form_key(form))
        if common_word:
            common.add(form_key(form))
    if problems:
        return None, problems
    entity = Entity(
        entity_id, kind, tuple(en), tuple(ar), frozenset(ambiguous), frozenset(common), note, where
    )
    return entity, []


def build(entities: Iterable[Entity], problems: list[str] | None = None) -> Lexicon:
    """A lexicon from parsed entities; LexiconError on duplicate ids or shared forms."""
    problems = list(problems or [])
    lexicon = Lexicon()
    owners: dict[str, Entity] = {}
    for entity in entities:
        if entity.id in lexicon.entities:
            problems.append(
                f"{entity.origin}: duplicate id {entity.id!r} (first at {lexicon.entities[entity.id].origin})"
            )
            continue
        for form in entity.forms:
            key = form_key(form)
            owner = owners.get(key)
            if owner is not None and owner.id != entity.id:
                problems.append(
                    f"{entity.origin}: form {form!r} is already claimed by {owner.id} ({owner.origin}); "
                    "a form may name one entity only"
                )
            owners.setdefault(key, entity)
        lexicon.entities[entity.id] = entity
    if problems:
        raise LexiconError(problems)
    return lexicon


def load(paths: Iterable[str | Path] = (), shipped: bool = True) -> Lexicon:
    """The shipped lexicon files (unless `shipped=False`) plus `paths`, validated together."""
    entities: list[Entity] = []
    problems: list[str] = []
    names: list[str] = []
    sources: list[tuple[str, str]] = []
    if shipped:
        data = resources.files("search.aliases").joinpath("data")
        sources += [(name, data.joinpath(name).read_text("utf-8")) for name in SHIPPED_FILES]
    for path in paths:
        try:
            sources.append((str(path), Path(path).read_text("utf-8")))
        except (OSError, UnicodeDecodeError) as error:
            problems.append(f"{path}: cannot read ({error}); save it as UTF-8 text")
    for name, text in sources:
        parsed, file_problems = parse_file(text, name)
        entities += parsed
        problems += file_problems
        names.append(name)
    lexicon = build(entities, problems)
    lexicon.files = names
    return lexicon
