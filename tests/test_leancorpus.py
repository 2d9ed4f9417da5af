"""kg.leancorpus: a streamed build keeps its resolved corpus without texts, and the graph it
writes, the report and the whole corpus read back are those of a build that kept them."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from kg.export import serialize
from kg.graphstream import write_streamed
from kg.leancorpus import SentenceTable, for_resolution, lean, whole
from kg.model import Sentence
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


_HOLDER_ARTICLES = {
    "drought.txt": "Farm aid promised after long drought\n\n"
                   "Lena Varkonen, the prime minister of Finland, visited dairy farms near Oulu "
                   "on Monday.\n\nPrime Minister Varkonen said the government would pay for new "
                   "wells. Finland has had almost no rain since May, and Finland's farmers have "
                   "sold part of their herds.\n",
    "strike.txt": "Harbour strike ends\n\nPresident Tomas Reiding thanked the dock workers in "
                  "Rotterdam on Friday. The Netherlands lost millions while the Netherlands "
                  "ports were closed, and the Netherlands will now review wages.\n\n"
                  "Mayor Anouk Breda said the city would recover.\n",
}


def test_resolution_on_disk_is_the_lean_held_corpus_with_its_holders_filled(tmp_path):
    """Resolved a document at a time to disk, holders filled from their index
    (``kg.holders.HolderIndex``), the corpus reads back as the held one made lean: holders
    found in the article and from the country it is about included."""
    from kg.leancorpus import resolved_on_disk
    from kg.resolve import resolve_records

    for name, text in _HOLDER_ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    records = sorted(extract_paths([tmp_path], workers=1).results,
                     key=lambda r: r.document.doc_id)
    held = lean(resolve_records(lambda: iter(records)))
    on_disk = resolved_on_disk(lambda: iter(records))
    assert isinstance(on_disk.facts, FactSpool) and isinstance(on_disk.entities, EntitySpool)
    assert tuple(on_disk.facts) == held.facts and tuple(on_disk.entities) == held.entities
    assert on_disk.documents == held.documents and on_disk.sentences == held.sentences
    inherited = {f.evidence.rule.split("-inherited-")[1] for f in on_disk.facts
                 if "-inherited-" in f.evidence.rule}
    assert {"holder-in-article", "holder-country-of-article"} <= inherited


def _sentences() -> list[Sentence]:
    return [Sentence(doc_id="doc-a", index=0, start=0, end=31, text=""),
            Sentence(doc_id="doc-a", index=1, start=32, end=70, text="", headline=True),
            Sentence(doc_id="doc-b", index=0, start=0, end=12, text="")]


def test_a_sentence_table_gives_back_the_textless_sentences_it_was_given():
    table = SentenceTable()
    table.extend(_sentences())
    assert len(table) == 3 and list(table) == _sentences()
    assert table[1].headline and not table[2].headline and table[-1].doc_id == "doc-b"
    assert table[1:] == _sentences()[1:]
    assert table == tuple(_sentences()) and tuple(_sentences()) == table
    assert table != tuple(_sentences()[:2])
    assert SentenceTable(_sentences()[::-1]) != table


def test_a_sentence_table_keeps_no_text_and_only_appends():
    table = SentenceTable(_sentences())
    table.append(Sentence(doc_id="doc-c", index=0, start=0, end=10, text="Rain fell."))
    assert table[3] == Sentence(doc_id="doc-c", index=0, start=0, end=10, text="")
    with pytest.raises(ValueError, match="only appends"):
        table.insert(0, _sentences()[0])
    with pytest.raises(TypeError):
        del table[0]
    assert len(table) == 4


def test_resolution_on_disk_holds_its_sentences_in_a_table_and_no_document_text(tmp_path):
    """A streamed resolution keeps the corpus's sentences as a compact table and its
    documents without text from its first pass on (issue 14); both read back as the held
    corpus made lean."""
    from kg.leancorpus import resolved_on_disk
    from kg.resolve import resolve_records

    for name, text in _HOLDER_ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    records = sorted(extract_paths([tmp_path], workers=1).results,
                     key=lambda r: r.document.doc_id)
    held = lean(resolve_records(lambda: iter(records)))
    on_disk = resolved_on_disk(lambda: iter(records))
    assert isinstance(on_disk.sentences, SentenceTable)
    assert tuple(on_disk.sentences) == held.sentences and len(held.sentences) > len(records)
    assert all(d.text == "" and d.body == "" for d in on_disk.documents)
    assert on_disk.documents == held.documents
