"""kg.leancorpus: a streamed build keeps its resolved corpus without texts, and the graph it
writes, the report and the whole corpus read back are those of a build that kept them."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from kg.export import serialize
from kg.graphstream import write_streamed
from kg.leancorpus import for_resolution, lean, whole
from kg.pipeline import extract_paths, finish_build
from kg.rdf import GraphParts
from kg.recordspool import EntitySpool, FactSpool
from kg.resolve import resolve_corpus

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def seed_records():
    return extract_paths([REPO / "seeds"], workers=1)


@pytest.fixture(scope="module")
def streamed_build(seed_records):
    return finish_build(seed_records.results, seed_records.model, graph=False)


def test_a_streamed_build_keeps_no_text_and_reads_it_all_back(seed_records, streamed_build):
    corpus = streamed_build.corpus
    assert corpus.documents and corpus.sentences and corpus.facts
    assert all(d.text == "" and d.body == "" for d in corpus.documents)
    assert all(s.text == "" for s in corpus.sentences)
    assert all(f.evidence.sentence_text == "" for f in corpus.facts)
    assert streamed_build.whole_corpus() == resolve_corpus(seed_records.results)


def test_resolution_reads_no_sentence_text(seed_records):
    """The lean feed resolves to the corpus the whole records give, texts aside."""
    full = resolve_corpus(seed_records.results)
    fed = resolve_corpus(for_resolution(seed_records.results))
    assert lean(fed) == lean(full)
    assert whole(lean(fed), seed_records.results) == full


@pytest.mark.parametrize("workers", [1, 2])
def test_the_graph_written_from_the_lean_corpus_is_the_whole_corpus_graph(
        seed_build, streamed_build, tmp_path, workers):
    targets = {tmp_path / "graph.nq": "nquads", tmp_path / "graph.nt": "nt"}
    streamed = write_streamed(streamed_build.corpus, streamed_build.model, targets,
                              workers=workers, records=streamed_build.records)
    whole_targets = {tmp_path / "whole.nq": "nquads", tmp_path / "whole.nt": "nt"}
    from_whole = write_streamed(seed_build.corpus, seed_build.model, whole_targets,
                                workers=workers)
    for (target, fmt), other in zip(targets.items(), whole_targets, strict=True):
        assert target.read_bytes() == other.read_bytes()
        assert target.read_text("utf-8") == serialize(seed_build.dataset, fmt)
    assert streamed.quads == from_whole.quads and streamed.report == from_whole.report


def test_the_lean_builds_graph_when_asked_for_is_the_whole_graph(seed_build, streamed_build):
    assert serialize(streamed_build.dataset, "nquads") == serialize(seed_build.dataset, "nquads")



def test_a_streamed_build_keeps_facts_and_entities_on_disk_and_makes_the_same_parts(
        seed_build, streamed_build):
    """The parts made from the facts and entities on disk are those of the held corpus."""
    corpus = streamed_build.corpus
    assert isinstance(corpus.facts, FactSpool) and isinstance(corpus.entities, EntitySpool)
    assert len(corpus.facts) == len(seed_build.corpus.facts)
    spooled = GraphParts(corpus, streamed_build.model)
    held = GraphParts(seed_build.corpus, seed_build.model)
    assert [set(c) for c in spooled.corpus_chunks(triples=200)] == \
        [set(c) for c in held.corpus_chunks(triples=200)]
    for document in seed_build.corpus.documents:
        made, expected = Graph(), Graph()
        spooled.add_document(made, document)
        held.add_document(expected, document)
        assert set(made) == set(expected) and len(made) > 0
