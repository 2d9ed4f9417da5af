"""Build tiny corpora from sentences written for a test."""

from __future__ import annotations

from kg.extract import extract_document
from kg.ingest import make_document
from kg.model import Document, Fact, ResolvedCorpus
from kg.nlp import choose_model, parse_documents
from kg.resolve import resolve_corpus


def corpus_of(*texts: str, date: str | None = "2023-09-15") -> ResolvedCorpus:
    documents = [make_document(text, source=f"t{i}.txt", date=date) for i, text in enumerate(texts)]
    return corpus_of_documents(*documents)


def corpus_of_documents(*documents: Document) -> ResolvedCorpus:
    extracted = [extract_document(d, doc) for d, doc in parse_documents(documents, choose_model())]
    return resolve_corpus(extracted)


def object_id(fact: Fact) -> str | None:
    """The object's entity, None for an occurrence ('X resigned' has no object)."""
    return fact.object.entity_id if fact.object is not None else None


def find(corpus: ResolvedCorpus, subject: str, predicate: str, obj: str) -> list[Fact]:
    return [f for f in corpus.facts if f.subject.entity_id == subject
            and f.predicate == predicate and object_id(f) == obj]


def role(fact: Fact, name: str) -> list[str]:
    return [r.entity_id or r.normalized or r.mention.text for r in fact.roles
            if r.name.value == name]


def labelled_triples(corpus: ResolvedCorpus) -> set[tuple[str, str, str]]:
    """Every fact as (subject label, predicate, object label): what a reader checks; an
    occurrence ('X resigned') has the object label ''."""
    labels = {e.entity_id: e.label for e in corpus.entities}
    return {(labels[f.subject.entity_id or ""], f.predicate, labels.get(object_id(f) or "", ""))
            for f in corpus.facts}
