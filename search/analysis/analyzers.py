"""Whoosh glue: one analyzer class that streams `bilingual.analyze` as Whoosh Tokens.

Whoosh pickles the schema, analyzers included, into the index, so this class
lives at module level and holds only a plain string; a lambda or closure here
would make `open_dir` fail later (whoosh #298, #112).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from whoosh.analysis import Token, Tokenizer

from search.analysis.bilingual import View, analyze


class BilingualAnalyzer(Tokenizer):
    """Arabic and English in one stream, routed per word by script.

    `view` is "stem" (recall: normalised, stemmed, no stopwords) or "exact"
    (normalised, unstemmed, all words: quoted phrases). Offsets always point
    into the original text.
    """

    def __init__(self, view: str = View.STEM.value) -> None:
        self.view = View(view).value

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other.view == self.view

    def __hash__(self) -> int:
        return hash((type(self).__name__, self.view))

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:
            # Whoosh asks for the value as one token for wildcard/prefix text.
            token.text = token.original = value
            token.boost = 1.0
            token.stopped = False
            token.pos, token.startchar, token.endchar = start_pos, start_char, start_char + len(value)
            yield token
            return
        for term in analyze(value, View(self.view)):
            token.text = term.text
            token.boost = 1.0
            token.stopped = False
            if keeporiginal:
                token.original = value[term.start : term.end]
            if positions:
                token.pos = start_pos + term.position
            if chars:
                token.startchar = start_char + term.start
                token.endchar = start_char + term.end
            yield token
