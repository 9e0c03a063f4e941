"""Mark entity mentions and unlisted names in a query tree for cross-lingual expansion.

Words that name a lexicon entity match as written OR through the entity id,
so `ISIS` finds articles that say داعش (docs/aliases.md); a person name no
lexicon lists also matches through its spelling keys, weighted low. Quoted
phrases and fields are never expanded.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from search.aliases.compounds import compound_spellings
from search.aliases.lexicon import form_key, is_arabic_form
from search.aliases.names import arabic_key, consonant_keys_for, may_be_latin_name
from search.aliases.transliteration import MIN_CONSONANTS, consonant_key, spellings
from search.analysis import arabic
from search.analysis.tokenizer import SCRIPT_ARABIC, tokenize
from search.query.tree import Alias, And, Name, Node, Not, Or, Word

if TYPE_CHECKING:
    from search.aliases.resolver import AliasResolver

# Spellings in the other script generated per name; the compiler searches those articles use.
TRANSLITERATIONS = 8
# The Arabic article as English writes it apart from a name: al-Rantisi, El-Baradei.
LATIN_ARTICLES = frozenset({"al", "el"})
# A query of at most this many plain words and no capital letter (federer, roger federer)
# reads its Latin words as names too: a search box is typed in lowercase, and the capital is
# otherwise the only sign of a name. Longer queries are mostly questions, whose words are words.
MAX_LOWERCASE_NAME_WORDS = 3


def expand(node: Node | None, aliases: AliasResolver | None) -> Node | None:
    """The tree with entity mentions and unlisted names marked for expansion.

    Runs of plain words (no field, not quoted) are matched against the
    lexicon together, so `Ahmed al-Sharaa` is one mention; a form whose
    common-word sense dominates (الدولة) is left as words, unless it is the
    whole query.
    """
    if node is None or aliases is None:
        return node
    lowercase = _typed_in_lowercase(node)
    if isinstance(node, Word):
        expanded = _expand_words([node], aliases, alone=True, lowercase=lowercase)
        return expanded[0] if len(expanded) == 1 else And(tuple(expanded))
    if isinstance(node, Not):
        return Not(expand(node.child, aliases))
    if isinstance(node, Or):
        return Or(tuple(expand(child, aliases) for child in node.children))
    if isinstance(node, And):
        # A query of plain words only is one run: it is the whole query.
        alone = all(isinstance(child, Word) and child.field is None for child in node.children)
        children: list[Node] = []
        run: list[Word] = []
        for child in (*node.children, None):
            if isinstance(child, Word) and child.field is None:
                run.append(child)
                continue
            children += _expand_words(run, aliases, alone, lowercase)
            run = []
            if child is not None:
                children.append(expand(child, aliases))
        return And(tuple(children), node.implicit)
    return node


def _typed_in_lowercase(node: Node) -> bool:
    """A short query of plain words with Latin letters and no capital: federer, roger federer."""
    words = node.children if isinstance(node, And) and node.implicit else (node,)
    if not 1 <= len(words) <= MAX_LOWERCASE_NAME_WORDS:
        return False
    if not all(isinstance(word, Word) and word.field is None for word in words):
        return False
    text = " ".join(word.text for word in words if isinstance(word, Word))
    return text == text.lower() and any(letter.isascii() and letter.isalpha() for letter in text)


def _expand_words(
    words: list[Word], aliases: AliasResolver, alone: bool = False, lowercase: bool = False
) -> list[Node]:
    """`alone`: these words are the whole query, so a common-word form that is all of them
    (القاعدة) also searches its entity, weakly: the reader may well mean al-Qaeda.
    `lowercase`: the query has no capitals, so its Latin words may be names as typed."""
    if not words or words[0].field is not None:
        return list(words)
    text, starts = "", []
    for word in words:
        starts.append(len(text))
        text += word.text + " "
    covered: dict[int, Alias | None] = {}  # None: a common word, left as it is
    for mention in aliases.matcher.mentions(text):
        first = max(i for i, start in enumerate(starts) if start <= mention.start)
        last = max(i for i, start in enumerate(starts) if start < mention.end)
        # الدولة in a query means "the state": neither the entity nor a name, unless it is
        # the whole query, where it is the entity too, ranked below the word.
        whole = alone and first == 0 and last == len(words) - 1
        if mention.common_word and not whole:
            alias = None
        else:
            # The words keep the spelling keys they would have as names no lexicon lists:
            # the entity may not be the one meant (سول, Johnson), and an article may name
            # another bearer of the name, whom the entity does not tag.
            own = tuple(
                _name_or_word(word, aliases, spell=False, lowercase=lowercase)
                for word in words[first : last + 1]
            )
            held_back, capitalised = (
                ((), ()) if mention.common_word else _held_back(aliases, mention.entity, mention.form)
            )
            alias = Alias(own, mention.entity, mention.form, mention.common_word, held_back, capitalised)
        for index in range(first, last + 1):
            covered.setdefault(index, alias)
    nodes: list[Node] = []
    for index, word in enumerate(words):
        if index not in covered:
            nodes.append(_name_or_word(word, aliases, lowercase=lowercase))
        elif covered[index] is None:
            nodes.append(word)
        elif not nodes or nodes[-1] is not covered[index]:
            nodes.append(covered[index])
    return nodes


def _held_back(
    aliases: AliasResolver, entity_id: str, typed: str
) -> tuple[tuple[str, ...], tuple[tuple[str, tuple[str, ...]], ...]]:
    """The entity's ambiguous forms in the other script, but for those whose common-word
    sense dominates (كان, "was", for the Africa Cup of Nations would find every article);
    and, typed in Arabic, its one-word Latin forms whose common-word sense dominates, with
    the consonant keys the index gives them where capitalised (Arsenal: رسنل). Arabic has
    no capitals, so its common-word forms have no such way in."""
    entity = aliases.entity(entity_id)
    if entity is None:
        return (), ()
    typed_in_arabic = is_arabic_form(typed)
    other = entity.en if typed_in_arabic else entity.ar
    held_back = tuple(
        form
        for form in other
        if (key := form_key(form)) in entity.ambiguous and key not in entity.common_words
    )
    if not typed_in_arabic:
        return held_back, ()
    capitalised = (
        (form, keys)
        for form in other
        if form_key(form) in entity.common_words
        and " " not in form.strip()
        and may_be_latin_name(form)
        and (keys := consonant_keys_for(form))
    )
    return held_back, tuple(capitalised)


def _name_or_word(word: Word, aliases: AliasResolver, spell: bool = True, lowercase: bool = False) -> Node:
    """The word, or a Name with its spelling keys, or failing those (and if `spell`)
    its transliterations. `lowercase`: a Latin word typed without its capital is read
    as if it had it (federer as Federer); the word as typed stays what is matched."""
    tokens = list(tokenize(word.text))
    if len(tokens) == 2 and tokens[0].text.casefold() in LATIN_ARTICLES and tokens[1].script != SCRIPT_ARABIC:
        # al-Rantisi: the name is the word after the article, and the compiler also searches
        # its Arabic spellings after ال (الرنتيسي). The word as typed stays what is matched.
        name = _name_or_word(Word(tokens[1].text, word.field), aliases, spell, lowercase)
        return replace(name, word=word) if isinstance(name, Name) else word
    if len(tokens) != 1:
        return word
    written, is_arabic = tokens[0].text, tokens[0].script == SCRIPT_ARABIC
    in_lowercase = lowercase and not is_arabic
    if in_lowercase:
        written = written[:1].upper() + written[1:]
    keys = aliases.names.query_keys_for(written, is_arabic)
    # Transliteration is the fallback for names nothing else knows. A name the table knows
    # is spelt too, but searched far below its keys (compiler.KNOWN_TRANSLITERATION_BOOST):
    # at the weight of an unknown name's, wrong spellings outranked the key matches
    # (entity-dev English->Arabic MRR@10 0.845 -> 0.698, docs/evaluation.md).
    # A consonant skeleton's keys are a guess (جولدمان: Gladman): not known, so spelt as such.
    known = aliases.names.knows(written, is_arabic)
    spelt = transliterations(written, is_arabic) if spell else ()
    consonants = consonant_keys(written) if spell and spelt and is_arabic else ()
    compounds = _compounds(written, aliases) if spell and not is_arabic else ()
    if not (keys or spelt or compounds):
        return word
    table = aliases.names.arabic_words_for(written) if spell and not is_arabic else ()
    return Name(word, keys, spelt, known, consonants, compounds, table, in_lowercase)


def _compounds(written: str, aliases: AliasResolver) -> tuple[str, ...]:
    """A Latin compound name's Arabic spellings (Abdelaziz: عبد العزيز), its parts spelt as
    the name table writes them, then as the model does."""

    def part_spellings(part: str) -> tuple[str, ...]:
        return (*aliases.names.arabic_words_for(part), *spellings(part, True, TRANSLITERATIONS))

    return compound_spellings(written, part_spellings)


def consonant_keys(written: str) -> tuple[str, ...]:
    """An Arabic word's consonant keys: as written, and with clitics and article off
    (البراهمي is Brahmi; وفيدرر is Federer)."""
    found = (consonant_key(written), consonant_key(arabic_key(written)))
    return tuple(key for key in dict.fromkeys(found) if len(key) >= MIN_CONSONANTS)


def transliterations(written: str, is_arabic: bool) -> tuple[str, ...]:
    """The word spelt in the other script, if it may be a name: a capitalised Latin word
    (not an acronym or a stopword), or an Arabic word that is not a stopword. Arabic has
    no capitals, so any Arabic word may be a name; the compiler keeps only spellings
    that articles use, and weights them low."""
    if is_arabic:
        if arabic.is_stopword(arabic.normalize(written)):
            return ()
        return spellings(written, False, TRANSLITERATIONS)
    if not may_be_latin_name(written):
        return ()
    # The model drops a possessive (Sellal's: spelt with its s, it was سيلالس) and reads an
    # apostrophe as the ع it often writes (Sa'ad: سعد), as the index's keys do.
    return spellings(written, True, TRANSLITERATIONS)
