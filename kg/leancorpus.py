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
- its facts and entities go to disk as resolution makes them (``resolved_on_disk``, a
  ``kg.recordspool.FactSpool`` and an ``EntitySpool``), never all held: each document's
  part reads its own readings, the corpus part the merged facts and the entities a group at
  a time;
- the write step reads each document back from the records, one at a time (``kg.graphstream``);
- ``whole`` puts every text back, for a caller that asks for the whole graph after all.

The graph is the same bytes either way (tests/test_leancorpus.py).
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, MutableSequence, Sequence
from typing import overload

from kg.holders import HolderIndex
from kg.model import Document, Entity, ExtractionResult, Fact, ResolvedCorpus, Sentence
from kg.rdf import fact_iri
from kg.recordspool import BatchSpool, EntitySpool, FactSpool, RecordSpool
from kg.resolve import RecordReader, Resolution


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


def resolved_on_disk(read: RecordReader, keep_apart: Iterable[tuple[str, str]] = ()
                     ) -> ResolvedCorpus:
    """``lean(kg.resolve.resolve_records(read, keep_apart))`` with its facts and entities on
    disk (a ``FactSpool`` and an ``EntitySpool`` stand for the tuples: the same items in the
    same order when read, which the graph's parts read a part at a time), made without
    holding the resolved corpus (issue 14): each document's resolved readings go to
    disk as the second pass reads it, feeding the holders' index (``kg.holders.HolderIndex``:
    what filling holders needs, not every reading); the entities go to disk one at a time as
    the resolution's table gives them up; then the readings are read back a document at a
    time, filled, stripped of their text and spooled (``FactSpool``)."""
    resolution = Resolution.of_names(read(), keep_apart, sentences=SentenceTable(),
                                     keep_document=_textless_document)
    holders = HolderIndex()
    unfilled: BatchSpool[Fact] = BatchSpool()
    for result in read():
        facts = list(resolution.add_document(result).values())
        for fact in facts:
            holders.add_fact(fact)
        holders.add_document(result.document)  # whether it wants holders: its own facts say
        unfilled.add(facts)
    entities = EntitySpool(_fed(resolution.entities(), holders))
    corpus = ResolvedCorpus(documents=tuple(resolution.documents), sentences=(),
                            entities=(), facts=())
    sentences = resolution.sentences
    del resolution
    facts = FactSpool((_textless_fact(holders.fill(f)) for batch in unfilled.batches()
                       for f in batch), fact_iri)
    return corpus.model_copy(update={"sentences": sentences, "facts": facts,
                                     "entities": entities})


class SentenceTable(MutableSequence[Sentence]):
    """A corpus's sentences without their texts, held as columns of numbers (issue 14): what
    a streamed build keeps of every sentence from resolution's first pass to the end of the
    write step is its document, number, offsets and headline flag. As pydantic records that
    was about 200 bytes a sentence (5 MB at 1,000 articles, all of it held while the names
    are clustered); here about 35. Each sentence read is made again, text empty, equal to
    the sentence added without its text (a text given is dropped, as ``lean`` drops it).
    Only appending is supported (``insert`` at the end)."""

    def __init__(self, sentences: Iterable[Sentence] = ()) -> None:
        self._doc_ids: list[str] = []  # each document once, in order of first sentence
        self._doc_number: dict[str, int] = {}
        self._columns = {name: array("q") for name in ("doc", "index", "start", "end")}
        self._headline = bytearray()
        self.extend(sentences)

    def __len__(self) -> int:
        return len(self._headline)

    @overload
    def __getitem__(self, index: int) -> Sentence: ...

    @overload
    def __getitem__(self, index: slice) -> list[Sentence]: ...

    def __getitem__(self, index: int | slice) -> Sentence | list[Sentence]:
        if isinstance(index, slice):
            return [self._made(i) for i in range(len(self))[index]]
        return self._made(range(len(self))[index])

    def __iter__(self) -> Iterator[Sentence]:
        for number in range(len(self)):
            yield self._made(number)

    def __eq__(self, other: object) -> bool:
        """Equal to any sequence of the same sentences (a resolved corpus's tuple)."""
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]  # it grows

    def insert(self, index: int, value: Sentence) -> None:
        if index != len(self):
            raise ValueError("a SentenceTable only appends sentences")
        number = self._doc_number.get(value.doc_id)
        if number is None:
            number = self._doc_number[value.doc_id] = len(self._doc_ids)
            self._doc_ids.append(value.doc_id)
        for name, field in (("doc", number), ("index", value.index), ("start", value.start),
                            ("end", value.end)):
            self._columns[name].append(field)
        self._headline.append(value.headline)

    def append(self, value: Sentence) -> None:
        self.insert(len(self), value)

    def __setitem__(self, index: object, value: object) -> None:
        raise TypeError("a SentenceTable's sentences are not replaced")

    def __delitem__(self, index: object) -> None:
        raise TypeError("a SentenceTable's sentences are not removed")

    def _made(self, number: int) -> Sentence:
        columns = self._columns
        return Sentence(doc_id=self._doc_ids[columns["doc"][number]],
                        index=columns["index"][number], start=columns["start"][number],
                        end=columns["end"][number], text="",
                        headline=bool(self._headline[number]))


def _fed(entities: Iterable[Entity], holders: HolderIndex) -> Iterator[Entity]:
    """``entities``, each given to ``holders`` on its way."""
    for entity in entities:
        holders.add_entity(entity)
        yield entity


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
