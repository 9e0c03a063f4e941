"""The test collections: documents, queries and judgments built from ../shared/data.

Development parts only (../shared/data/README.md): XQuAD articles 0-23 (the
first 24 entries of `data`; 24-47 are reserved), arcd-train.json (never
arcd-test.json), and for entity-dev the news corpora and the Wikidata,
Google and countries name lists (never entities/anetac-*). Everything is
deterministic: same files, same collection.

Question collections use paragraphs as documents, untitled: a paragraph has
no title of its own, and XQuAD's article titles are English even in the
Arabic file, so they would leak across languages in xquad-mixed. Every
system indexes the body only (the Engine shows the first words as a title
but does not index them: Document.title_from_body).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from search.evaluation.corpora import data_file

XQUAD_DEVELOPMENT_ARTICLES = 24  # data[0:24]; data[24:48] is reserved for evaluation
XQUAD_FILE = "xquad/xquad.{lang}.json"
ARCD_DEVELOPMENT_FILE = "arcd/arcd-train.json"


@dataclass(frozen=True)
class Query:
    """One query; `target` limits scoring to documents in that language (None: all)."""

    id: str
    text: str
    lang: str
    target: str | None = None


@dataclass
class Slice:
    """A named group of queries with the judgments to score them by."""

    name: str
    qrels: dict[str, dict[str, int]]


@dataclass
class Collection:
    name: str
    documents: list[dict[str, Any]]
    queries: list[Query]
    slices: list[Slice]
    capped: bool = False  # also report capped Recall@100 (many relevant documents per query)
    notes: list[str] = field(default_factory=list)


def _paragraph(doc_id: str, text: str, lang: str) -> dict[str, Any]:
    return {"id": doc_id, "title": "", "body": text.strip(), "lang": lang}


def _squad_articles(path: Path, articles: int | None = None) -> list[dict[str, Any]]:
    data = json.loads(path.read_text("utf-8"))["data"]
    return data[:articles] if articles is not None else data


def _xquad_parts(data: Path, lang: str) -> tuple[list[dict[str, Any]], list[tuple[str, str, str]]]:
    """Paragraph documents and (question id, question, paragraph id) of the development articles."""
    articles = _squad_articles(data_file(data, XQUAD_FILE.format(lang=lang)), XQUAD_DEVELOPMENT_ARTICLES)
    documents, questions = [], []
    for a, article in enumerate(articles):
        for p, paragraph in enumerate(article["paragraphs"]):
            doc_id = f"xquad-{lang}-{a:02d}-{p:02d}"
            documents.append(_paragraph(doc_id, paragraph["context"], lang))
            questions += [(qa["id"], qa["question"].strip(), doc_id) for qa in paragraph["qas"]]
    return documents, questions


def xquad(data: Path, lang: str) -> Collection:
    """xquad-ar / xquad-en: question -> its paragraph, one language."""
    documents, questions = _xquad_parts(data, lang)
    queries = [Query(f"{lang}:{qid}", text, lang) for qid, text, _ in questions]
    qrels = {f"{lang}:{qid}": {doc: 1} for qid, _, doc in questions}
    return Collection(f"xquad-{lang}", documents, queries, [Slice("all", qrels)])


def xquad_mixed(data: Path) -> Collection:
    """Arabic and English paragraphs in one index; a question's aligned paragraphs are
    relevant in both languages. The cross-language slices judge only the paragraph in
    the other language: how much crosses the language line."""
    en_docs, en_questions = _xquad_parts(data, "en")
    ar_docs, ar_questions = _xquad_parts(data, "ar")
    aligned = {
        qid: (en_doc, ar_doc)
        for (qid, _, en_doc), (_, _, ar_doc) in zip(en_questions, ar_questions, strict=True)
    }
    queries, slices = [], []
    for lang, questions in (("en", en_questions), ("ar", ar_questions)):
        other = "ar" if lang == "en" else "en"
        queries += [Query(f"{lang}:{qid}", text, lang) for qid, text, _ in questions]
        both = {f"{lang}:{qid}": dict.fromkeys(aligned[qid], 1) for qid, _, _ in questions}
        cross = {
            f"{lang}:{qid}": {aligned[qid][0] if other == "en" else aligned[qid][1]: 1}
            for qid, _, _ in questions
        }
        slices += [
            Slice(f"{lang} questions", both),
            Slice(f"{lang} questions, {other} paragraph only", cross),
        ]
    return Collection("xquad-mixed", en_docs + ar_docs, queries, slices)


def arcd_dev(data: Path) -> Collection:
    """arcd-dev: ARCD's training split, Arabic question -> its paragraph."""
    documents, queries, qrels = [], [], {}
    for a, article in enumerate(_squad_articles(data_file(data, ARCD_DEVELOPMENT_FILE))):
        for p, paragraph in enumerate(article["paragraphs"]):
            doc_id = f"arcd-{a:03d}-{p:02d}"
            documents.append(_paragraph(doc_id, paragraph["context"], "ar"))
            for qa in paragraph["qas"]:
                qid = f"ar:{qa['id']}"
                queries.append(Query(qid, qa["question"].strip(" -\n\t"), "ar"))
                qrels[qid] = {doc_id: 1}
    return Collection("arcd-dev", documents, queries, [Slice("all", qrels)])


def entity_dev(data: Path) -> Collection:
    from search.evaluation.entities import entity_collection

    return entity_collection(data)


BUILDERS: dict[str, Callable[[Path], Collection]] = {
    "xquad-ar": lambda data: xquad(data, "ar"),
    "xquad-en": lambda data: xquad(data, "en"),
    "xquad-mixed": xquad_mixed,
    "arcd-dev": arcd_dev,
    "entity-dev": entity_dev,
}
NAMES = tuple(BUILDERS)


def build(name: str, data: Path) -> Collection:
    return BUILDERS[name](data)
