"""kg.recordspool: records kept on disk come back equal, in the order asked for, their folder
goes with the last spool that uses it, and resolution reads a spool as it reads a list;
resolved facts kept on disk come back as held."""

from __future__ import annotations

import gc
import os
import pickle
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.errors import OutputError
from kg.ingest import make_document
from kg.model import EntityType, ExtractionResult, Mention, Sentence
from kg.pipeline import extract_paths
from kg.rdf import HeldFacts, fact_iri
from kg.recordspool import EntitySpool, FactSpool, RecordSpool, spool_of
from kg.resolve import resolve_corpus


def _record(text: str, source: str) -> ExtractionResult:
    document = make_document(text, source=source)
    sentence = Sentence(doc_id=document.doc_id, index=0, start=0, end=len(text), text=text)
    name = Mention(doc_id=document.doc_id, sentence_index=0, start=0, end=len(text), text=text,
                   type=EntityType.PERSON)
    return ExtractionResult(document=document, sentences=(sentence,), mentions=(name,),
                            facts=())


names = st.text(alphabet="abcXYZ", min_size=1, max_size=6)


@given(st.lists(st.tuples(names, names), max_size=8))
def test_records_come_back_equal_and_views_order_them_without_reading(pairs):
    records = [_record(text, source) for text, source in pairs]
    spool = spool_of(records)
    assert len(spool) == len(records) and list(spool) == records
    assert [spool[i] for i in range(len(spool))] == records
    assert list(spool[1:3]) == records[1:3]
    by_source = spool.ordered_by(lambda e: e.source)
    assert list(by_source) == sorted(records, key=lambda r: r.document.source)
    assert sorted(spool, key=lambda r: r.document.doc_id) == \
        sorted(records, key=lambda r: r.document.doc_id)
    keep = {r.document.doc_id for r in records[::2]}
    assert list(spool.where(lambda e: e.doc_id in keep)) == \
        [r for r in records if r.document.doc_id in keep]
    other = spool_of(records[:2])
    assert list(spool.joined(other)) == records + records[:2]
    assert [(e.doc_id, e.source) for e in spool.entries] == \
        [(r.document.doc_id, r.document.source) for r in records]


def test_a_document_reads_back_alone_and_its_text_is_kept_once():
    text = "Orla Brennick opened the ferry terminal at Quillby on a windy Tuesday. " * 20
    record = _record(text, "quillby.txt")
    spool = spool_of([_record("Tamsin Vell", "vell.txt"), record])
    assert spool.document_of(record.document.doc_id) == record.document
    assert spool.record_of(record.document.doc_id) == record
    back = spool[1]
    assert back == record and back.document is back.document  # one object, not two copies
    # the document is written first, then the record refers back to it: no text twice
    assert spool.entries[1].file.read_bytes().count(text.encode()) == \
        pickle.dumps(record).count(text.encode())
    with pytest.raises(OutputError, match="no extraction record"):
        spool.document_of("not-a-document")
    spool.entries[0].file.unlink()
    with pytest.raises(OutputError, match="gone"):
        spool.document_of(spool.entries[0].doc_id)


def test_the_folder_goes_with_the_last_spool_that_uses_it():
    spool = spool_of([_record("Putin", "a.txt"), _record("Kim", "b.txt")])
    folder = spool.entries[0].file.parent
    view = spool.ordered_by(lambda e: e.source)
    del spool
    gc.collect()
    assert folder.is_dir() and [r.document.source for r in view] == ["a.txt", "b.txt"]
    del view
    gc.collect()
    assert not folder.exists()


def test_a_record_gone_from_disk_is_a_one_line_error():
    spool = spool_of([_record("Putin", "a.txt")])
    spool.entries[0].file.unlink()
    with pytest.raises(OutputError, match="gone"):
        list(spool)


def test_resolution_reads_a_spool_as_it_reads_the_records(tiny_corpus_dir: Path):
    extraction = extract_paths([tiny_corpus_dir], workers=1)
    assert isinstance(extraction.results, RecordSpool)
    held = list(extraction.results)
    assert resolve_corpus(extraction.results) == resolve_corpus(held)
    assert resolve_corpus(extraction.results, keep_apart=[("Kim", "Kim Jong Un")]) == \
        resolve_corpus(held, keep_apart=[("Kim", "Kim Jong Un")])


def test_facts_on_disk_read_back_as_held_by_document_and_by_merged_fact(tiny_build):
    """A FactSpool is the facts' tuple when read, and gives each document's readings and the
    merged facts as the in-memory index does, even when a document's readings are not
    together (its runs are joined)."""
    facts = tiny_build.corpus.facts
    assert len({f.evidence.doc_id for f in facts}) == 2
    interleaved = (*facts[1::2], *facts[0::2])  # each document's readings split up
    spool = FactSpool(interleaved, fact_iri, group=3)
    held = HeldFacts(interleaved)
    assert len(spool) == len(interleaved) and tuple(spool) == interleaved
    assert [spool[i] for i in range(-1, len(spool))] == [interleaved[-1], *interleaved]
    assert tuple(spool[2:5]) == interleaved[2:5]
    for doc_id in {f.evidence.doc_id for f in facts} | {"no-such-document"}:
        assert spool.readings_of(doc_id) == held.readings_of(doc_id)
    assert list(spool.statements()) == list(held.statements())
    with pytest.raises(IndexError):
        spool[len(spool)]


@pytest.mark.parametrize(("buckets", "flush", "group"), [(1, 1, 1), (2, 3, 2), (3, 5, 4)])
def test_merged_facts_grouped_on_disk_come_in_the_order_of_their_first_reading(
        tiny_build, buckets, flush, group):
    """However the readings are split between buckets and frames, the merged facts are the
    in-memory index's, in its order, each with its readings in order."""
    facts = tiny_build.corpus.facts
    doubled = (*facts, *facts[::-1])  # every merged fact read twice, far apart
    spool = FactSpool(doubled, fact_iri, group=group, buckets=buckets, flush=flush)
    held = list(HeldFacts(doubled).statements())
    assert len(held) > buckets and all(len(readings) >= 2 for _, readings in held)
    assert list(spool.statements()) == held
    assert list(spool.statements()) == held  # read again: the buckets are kept


@given(order=st.lists(st.integers(min_value=0, max_value=10_000), max_size=40),
       buckets=st.integers(min_value=1, max_value=5), flush=st.integers(min_value=1, max_value=7))
def test_merged_facts_streamed_from_disk_are_the_held_ones_on_any_readings(
        tiny_build, order, buckets, flush):
    """Readings drawn in any order and any number of times (a merged fact read once, or in
    many documents far apart): the merged facts streamed from disk one frame at a time are
    the in-memory index's, in its order, with their readings in order."""
    facts = tiny_build.corpus.facts
    readings = tuple(facts[i % len(facts)] for i in order)
    spool = FactSpool(readings, fact_iri, buckets=buckets, flush=flush)
    assert list(spool.statements()) == list(HeldFacts(readings).statements())


def test_reading_a_merged_fact_unpickles_at_most_one_per_bucket(tiny_build, monkeypatch):
    """The corpus part reads the merged facts one at a time: the merge over the buckets holds
    one merged fact of each, not a frame of many (which held most of a corpus's readings
    while the corpus part was written, issue 14)."""
    import pickle

    facts = tiny_build.corpus.facts
    doubled = (*facts, *facts[::-1])
    spool = FactSpool(doubled, fact_iri, buckets=2)
    assert len(list(spool.statements())) > 2  # a bucket has two or more
    unpickled: list[int] = []
    load = pickle.load

    def counted(source):
        frame = load(source)
        unpickled.append(len(frame))
        return frame

    monkeypatch.setattr(pickle, "load", counted)
    statements = spool.statements()
    next(statements)
    assert sum(unpickled) <= 2
    statements.close()


@pytest.mark.parametrize("group", [1, 2, 500])
def test_entities_on_disk_read_back_as_held(tiny_build, group):
    entities = tiny_build.corpus.entities
    assert len(entities) > 2
    spool = EntitySpool(entities, group=group)
    assert len(spool) == len(entities) and tuple(spool) == entities
    assert [spool[i] for i in range(-len(spool), len(spool))] == [*entities, *entities]
    assert tuple(spool[1:]) == entities[1:]
    with pytest.raises(IndexError):
        spool[len(spool)]


def test_entities_on_disk_are_read_one_at_a_time_and_a_lost_file_is_an_error(
        tiny_build, monkeypatch):
    """Reading the entities in order unpickles one at a time, not a file of ``group`` (each
    entity carries every mention of it in the corpus, issue 14); a file gone is a one-line
    error, not fewer entities."""
    import pickle

    entities = tiny_build.corpus.entities
    spool = EntitySpool(entities, group=500)
    unpickled: list[object] = []
    load = pickle.load

    def counted(source):
        item = load(source)
        unpickled.append(item)
        return item

    monkeypatch.setattr(pickle, "load", counted)
    read = iter(spool)
    assert next(read) == entities[0] and unpickled == [entities[0]]
    read.close()
    monkeypatch.undo()
    spool._files[0][0].unlink()
    with pytest.raises(OutputError, match="gone"):
        list(spool)


def test_each_reading_is_pickled_once_however_often_it_is_read(tiny_build, monkeypatch):
    """A FactSpool pickles each reading once as it comes (its run and its bucket keep the same
    bytes, grouping moves them unread), so spooling costs one pickling a reading, and reading
    by document or by merged fact unpickles only the readings asked for (issue 14)."""
    from kg.model import Fact

    facts = tiny_build.corpus.facts
    doubled = (*facts, *facts[::-1])
    pickled: list[Fact] = []
    reduce = Fact.__reduce__

    def counted(self):
        pickled.append(self)
        return reduce(self)

    monkeypatch.setattr(Fact, "__reduce__", counted)
    spool = FactSpool(doubled, fact_iri, group=2, buckets=3, flush=4)
    assert len(pickled) == len(doubled)
    doc_id = facts[0].evidence.doc_id
    assert spool.readings_of(doc_id) == [f for f in doubled if f.evidence.doc_id == doc_id]
    assert list(spool.statements()) == list(HeldFacts(doubled).statements())
    assert len(pickled) == len(doubled)  # reading pickles nothing again


def test_a_spools_lists_share_one_file_and_a_truncated_one_is_a_one_line_error(tiny_build):
    """Each document's run of readings is not a file of its own (an open and a close each,
    twice a document): the folder holds the buckets and one file of runs, however many runs;
    the runs read back by their place, and a file cut short is an OutputError, not garbage."""
    facts = tiny_build.corpus.facts
    docs = sorted({f.evidence.doc_id for f in facts})
    first, second = ([f for f in facts if f.evidence.doc_id == d] for d in docs)
    interleaved = tuple(f for pair in zip(first, second, strict=False) for f in pair)
    spool = FactSpool(interleaved, fact_iri, buckets=2)
    assert len(spool._files) > 3  # a run each time the document changes
    files = sorted(spool._folder.path.iterdir())
    assert len(files) == 2 + 1
    for doc_id in {f.evidence.doc_id for f in facts}:
        assert spool.readings_of(doc_id) == HeldFacts(interleaved).readings_of(doc_id)
    assert spool._blobs is not None
    os.truncate(spool._blobs.path, 10)
    with pytest.raises(OutputError, match="gone"):
        spool.readings_of(facts[0].evidence.doc_id)
