"""`aliases lookup` and `aliases check`: explain entity matches, validate a user's lexicon files.

Both read lexicons only; a lexicon change reaches an index through `rebuild-index --aliases`.
"""

from __future__ import annotations

import argparse
from importlib import resources
from pathlib import Path

from search.aliases.lexicon import SHIPPED_FILES
from search.aliases.lexicon import load as load_lexicon
from search.aliases.resolver import AliasResolver
from search.analysis.tokenizer import SCRIPT_ARABIC, tokenize
from search.cli.exits import EXIT_OK
from search.engine import Engine
from search.errors import IndexNotFoundError


def cmd_aliases_lookup(args: argparse.Namespace) -> int:
    resolver = _resolver(args)
    text = " ".join(args.text)
    mentions = resolver.mentions(text)
    sure = {mention.entity for mention in mentions if not mention.ambiguous}
    if not mentions:
        print("no entity named")
    for mention in mentions:
        entity = resolver.entity(mention.entity)
        why = [f"form {mention.form!r}"]
        if mention.clitic:
            why.append(f"written {mention.written!r} (clitics or spelling)")
        if mention.ambiguous:
            why.append(
                "ambiguous: counts "
                + (
                    "(confirmed by another form here)"
                    if mention.entity in sure
                    else "only when another form of it is in the same text"
                )
            )
        if mention.common_word:
            why.append("common word first: not expanded alone in queries")
        labels = f"{entity.label_en} / {entity.label_ar}" if entity else mention.entity
        kind = entity.type if entity else "?"
        print(f"{mention.written}\t{mention.entity} [{kind}] {labels}: {'; '.join(why)}")
    for token in tokenize(text):
        keys = resolver.names.keys_for(token.text, token.script == SCRIPT_ARABIC)
        if keys and not any(m.start <= token.start < m.end for m in mentions):
            print(f"{token.text}\tname keys {', '.join(keys)} (spelling match for names no lexicon lists)")
    return EXIT_OK


def cmd_aliases_check(args: argparse.Namespace) -> int:
    # A shipped file given by its path is already loaded as shipped: checking it again
    # would report each of its entities as a duplicate of itself.
    shipped_folder = Path(str(resources.files("search.aliases").joinpath("data"))).resolve()
    shipped = {Path(path).name for path in args.files if _is_shipped(Path(path), shipped_folder)}
    extra = [path for path in args.files if not _is_shipped(Path(path), shipped_folder)]
    lexicon = load_lexicon(extra)  # raises LexiconError with every problem
    checked = tuple(shipped) + tuple(map(str, extra))
    own = [entity for entity in lexicon.entities.values() if entity.origin.startswith(checked)]
    print(
        f"ok: {len(own)} entities in {', '.join(map(str, args.files))}, no conflict with the shipped lexicon"
    )
    print(
        "use it with: news-search rebuild-index SOURCE... --aliases FILE (a lexicon change needs a rebuild)"
    )
    return EXIT_OK


def _is_shipped(path: Path, shipped_folder: Path) -> bool:
    return path.name in SHIPPED_FILES and path.resolve().parent == shipped_folder


def _resolver(args: argparse.Namespace) -> AliasResolver:
    if args.aliases:
        return AliasResolver.load(tuple(Path(path) for path in args.aliases))
    try:
        with Engine.open(args.index) as engine:
            return engine.aliases
    except IndexNotFoundError:
        return AliasResolver.load()


# --- argument parsing ----------------------------------------------------------


def add_parser(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """`aliases`, with its own ACTIONs `lookup` and `check`."""
    aliases = commands.add_parser(
        "aliases",
        help="look up and check entity aliases",
        description="Entity aliases link names across languages (docs/aliases.md). "
        "Changing a lexicon needs a rebuild of the index to update its entities.",
    )
    alias_commands = aliases.add_subparsers(dest="alias_command", required=True, metavar="ACTION")
    lookup = alias_commands.add_parser(
        "lookup",
        parents=[common],
        help="show which entities a text names, and why",
        description="Show the entity mentions in TEXT: the form matched, clitics, ambiguity, and the "
        "spelling keys of names no lexicon lists. Uses the lexicon of --index if there is one.",
    )
    lookup.add_argument("text", nargs="+", metavar="TEXT")
    lookup.add_argument(
        "--aliases", action="append", default=[], metavar="FILE", help="also this lexicon file"
    )
    lookup.set_defaults(run=cmd_aliases_lookup)
    check = alias_commands.add_parser(
        "check",
        help="validate lexicon files",
        description="Check FILEs against the format (docs/aliases.md) and against the shipped lexicon: "
        "every problem is listed with its line. Exit 0 if the files can be used, 2 if not.",
    )
    check.add_argument("files", nargs="+", metavar="FILE")
    check.set_defaults(run=cmd_aliases_check)
