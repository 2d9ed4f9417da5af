"""The resolved corpus without its texts, for a build whose graph is written part by part
(issue 14), and the whole corpus again from the records kept on disk.

A streamed build held the resolved corpus from resolution to the end of the write, and with it
every document's text three times over: the document's ``text`` and ``body``, each sentence's
``text`` and each reading's ``Evidence.sentence_text``. None of those is needed to make the
corpus part of the graph, and a document's part needs only that document's text, which its
record on disk (``kg.recordspool``) has. So:

- resolution reads the records with their sentences' texts left out (``for_resolution``):
  its rules read a sentence's offsets and flags, never its words (they read the document's
  text, which stays);
- the corpus it returns keeps no text (``lean``): documents with an empty ``text`` and
  ``body``, readings with an empty ``sentence_text`` (sentences have none already);
- the write step reads each document back from the records, one at a time (``kg.graphstream``);
- its facts and entities go to disk (``on_disk``, a ``kg.recordspool.FactSpool`` and an
  ``EntitySpool``): each document's part reads its own readings, the corpus part the merged
  facts and the entities a group at a time;
- ``whole`` puts every text back, for a caller that asks for the whole graph after all.

The graph is the same bytes either way (tests/test_leancorpus.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from kg.model import Document, ExtractionResult, Fact, ResolvedCorpus, Sentence
from kg.rdf import fact_iri
from kg.recordspool import EntitySpool, FactSpool, RecordSpool


def for_resolution(records: Iterable[ExtractionResult]) -> Iterator[ExtractionResult]:
    """Each record with its sentences' texts left out, read one at a time."""
    for record in records:
        yield record.model_copy(update={"sentences": tuple(
            _textless_sentence(s) for s in record.sentences)})


def lean(corpus: ResolvedCorpus) -> ResolvedCorpus:
    """``corpus`` with no text: what the corpus part of the graph and the documents' parts
    need, given each document's text from its record."""
    return corpus.model_copy(update={
        "documents": tuple(_textless_document(d) for d in corpus.documents),
        "sentences": tuple(_textless_sentence(s) for s in corpus.sentences),
        "facts": tuple(_textless_fact(f) for f in corpus.facts),
    })


def on_disk(corpus: ResolvedCorpus) -> ResolvedCorpus:
    """``corpus`` with its facts and entities kept on disk: a ``FactSpool`` and an
    ``EntitySpool`` stand for the tuples (the same items in the same order when read), which
    the graph's parts read a part at a time (``kg.rdf.GraphParts``) instead of holding every
    reading, mention and merge of the corpus."""
    return corpus.model_copy(update={"facts": FactSpool(corpus.facts, fact_iri),
                                     "entities": EntitySpool(corpus.entities)})


def whole(corpus: ResolvedCorpus, records: RecordSpool) -> ResolvedCorpus:
    """The corpus ``lean`` left, with every text read back from ``records`` (those it was
    resolved from)."""
    documents: dict[str, Document] = {}
    sentences: dict[tuple[str, int], Sentence] = {}
    for record in records:
        documents[record.document.doc_id] = record.document
        sentences.update(((s.doc_id, s.index), s) for s in record.sentences)
    return corpus.model_copy(update={
        "documents": tuple(documents[d.doc_id] for d in corpus.documents),
        "sentences": tuple(sentences[(s.doc_id, s.index)] for s in corpus.sentences),
        "entities": tuple(corpus.entities),
        "facts": tuple(_with_sentence_text(f, sentences) for f in corpus.facts),
    })


def _textless_document(document: Document) -> Document:
    return document.model_copy(update={"text": "", "body": ""})


def _textless_sentence(sentence: Sentence) -> Sentence:
    return sentence.model_copy(update={"text": ""}) if sentence.text else sentence


def _textless_fact(fact: Fact) -> Fact:
    evidence = fact.evidence
    if not evidence.sentence_text:
        return fact
    return fact.model_copy(update={"evidence": evidence.model_copy(
        update={"sentence_text": ""})})


def _with_sentence_text(fact: Fact, sentences: dict[tuple[str, int], Sentence]) -> Fact:
    """A reading's ``sentence_text`` is its sentence's text (kg.extract.facts)."""
    evidence = fact.evidence
    text = sentences[(evidence.doc_id, evidence.sentence_index)].text
    return fact.model_copy(update={"evidence": evidence.model_copy(
        update={"sentence_text": text})})
