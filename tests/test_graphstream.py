"""The graph written part by part (kg/graphstream.py): the same bytes, store and report as the
whole graph gives, and nothing written when the report is refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st
from rdflib import Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.plugins.serializers.nquads import _nq_row
from rdflib.plugins.serializers.nt import _nt_row

import kg.rdf
from kg.cli import main
from kg.errors import ShapeViolation
from kg.export import serialize
from kg.graphstore import read_dataset
from kg.graphstream import Rows, StreamedGraph, graph_quads, write_streamed
from kg.incremental import build_for_store, save, write_build
from kg.namespaces import KG, RDFS
from kg.rdf import build_dataset, evidence_iri, union_graph
from kg.validate import ValidationReport, validate_graph

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def seeds_for_store():
    return build_for_store([REPO / "seeds"], workers=1)


@pytest.mark.parametrize("fmt", ["nquads", "nt"])
def test_streamed_files_are_the_bytes_the_whole_graph_gives(seed_build, tmp_path, fmt):
    target = tmp_path / f"graph.{fmt}"
    streamed = write_streamed(seed_build.corpus, seed_build.model, {target: fmt})
    assert target.read_text("utf-8") == serialize(seed_build.dataset, fmt)
    assert streamed.quads == len(list(seed_build.dataset.quads()))
    assert not list(tmp_path.glob(".*")), "no temporary file is left behind"


def test_the_parts_are_the_whole_graph_and_checking_them_gives_its_report(seed_build):
    streamed = StreamedGraph()
    quads = {(s, p, o, g) for s, p, o, g in graph_quads(seed_build.corpus, seed_build.model,
                                                        streamed)}
    whole = {(s, p, o, None if g == DATASET_DEFAULT_GRAPH_ID else g)
             for s, p, o, g in seed_build.dataset.quads()}
    assert quads == whole
    assert streamed.report == validate_graph(union_graph(seed_build.dataset))


def test_a_store_written_part_by_part_holds_the_graph(seeds_for_store, tmp_path):
    def store(quads, finished):
        write_build([], finished, tmp_path / "streamed", seeds_for_store, quads=quads)

    result = seeds_for_store.result
    write_streamed(result.corpus, result.model, {}, write=store)
    save(tmp_path / "whole", seeds_for_store)
    assert serialize(read_dataset(tmp_path / "streamed"), "nquads") == \
        serialize(read_dataset(tmp_path / "whole"), "nquads")


def test_a_refused_report_writes_neither_files_nor_store(seeds_for_store, tmp_path):
    target = tmp_path / "graph.nq"
    target.write_text("before\n", "utf-8")
    seen: list[ValidationReport] = []

    def refuse(report: ValidationReport) -> None:
        seen.append(report)
        raise ShapeViolation("refused")

    def store(quads, finished):
        write_build([target], finished, tmp_path / "store", seeds_for_store, quads=quads)

    result = seeds_for_store.result
    with pytest.raises(ShapeViolation):
        write_streamed(result.corpus, result.model, {target: "nquads"}, write=store,
                       check=refuse)
    assert len(seen) == 1
    assert target.read_text("utf-8") == "before\n"
    assert not (tmp_path / "store" / "current").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.nq", "store"]


def test_kg_build_streams_nquads_with_the_bytes_of_the_whole_graph(seed_build, tmp_path):
    target = tmp_path / "graph.nq"
    result = CliRunner().invoke(main, ["build", str(REPO / "seeds"), "-o", str(target),
                                       "--workers", "1"], prog_name="kg")
    assert result.exit_code == 0, result.output
    assert "written part by part" in result.output
    assert target.read_text("utf-8") == serialize(seed_build.dataset, "nquads")


def _damage_the_graph(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every other fact without its label (a violation of the corpus part, quoted with the
    sentence of its first reading) and the readings of odd sentences without their rule
    (violations of the document parts). The forked workers inherit the patches."""
    add_statement, add_evidence = kg.rdf._add_statement, kg.rdf._add_evidence

    def statement(graph, node, facts, *args):
        add_statement(graph, node, facts, *args)
        if int(str(node)[-1], 16) % 2:
            graph.remove((node, RDFS.label, None))

    def evidence(graph, statement, fact, sentence, run, *args):
        add_evidence(graph, statement, fact, sentence, run, *args)
        if fact.evidence.sentence_index % 2:
            graph.remove((evidence_iri(fact), KG.extractionRule, None))

    monkeypatch.setattr(kg.rdf, "_add_statement", statement)
    monkeypatch.setattr(kg.rdf, "_add_evidence", evidence)


@pytest.mark.parametrize("workers", [1, 2, 3])
def test_parts_made_in_workers_give_the_bytes_and_the_report_of_the_whole(
        seed_build, tmp_path, monkeypatch, workers):
    _damage_the_graph(monkeypatch)
    targets = {tmp_path / "graph.nq": "nquads", tmp_path / "graph.nt": "nt"}
    streamed = write_streamed(seed_build.corpus, seed_build.model, targets, workers=workers)
    whole = build_dataset(seed_build.corpus, seed_build.model)
    for target, fmt in targets.items():
        assert target.read_text("utf-8") == serialize(whole, fmt)
    assert streamed.quads == len(list(whole.quads()))
    report = validate_graph(union_graph(whole))
    assert not report.conforms and any(v.sentence for v in report.violations)
    assert {v.path for v in report.violations} >= {"rdfs:label", "kg:extractionRule"}
    assert streamed.report == report


def test_a_store_loaded_from_the_workers_rows_holds_the_graph(seeds_for_store, tmp_path):
    def store(quads, finished):
        write_build([], finished, tmp_path / "streamed", seeds_for_store, quads=quads)

    result = seeds_for_store.result
    write_streamed(result.corpus, result.model, {}, write=store, workers=2)
    assert serialize(read_dataset(tmp_path / "streamed"), "nquads") == \
        serialize(result.dataset, "nquads")


def test_corpus_chunks_bounded_by_triples_are_the_corpus_part_and_give_its_report(
        seed_build, tmp_path, monkeypatch):
    """Chunks of a few dozen triples (an entity or a fact is never split) hold the default
    graph, and checking the graph with them reports what the whole does."""
    parts = kg.rdf.GraphParts(seed_build.corpus, seed_build.model)
    small, large = list(parts.corpus_chunks(triples=40)), list(parts.corpus_chunks())
    assert len(small) > 3 * len(large)
    assert set().union(*(set(chunk) for chunk in small)) == set(seed_build.dataset.default_graph)
    assert max(len(chunk) for chunk in small) < max(len(chunk) for chunk in large)
    _damage_the_graph(monkeypatch)
    monkeypatch.setattr(kg.rdf, "CHUNK_TRIPLES", 40)
    streamed = write_streamed(seed_build.corpus, seed_build.model,
                              {tmp_path / "graph.nq": "nquads"}, workers=1)
    report = validate_graph(union_graph(build_dataset(seed_build.corpus, seed_build.model)))
    assert not report.conforms
    assert streamed.report == report


_IRIS = st.sampled_from([URIRef("https://example.org/doc/a"), URIRef("https://example.org/b#c"),
                         URIRef("urn:test:é")])
_LITERALS = st.builds(
    lambda text, extra: Literal(text, lang=extra) if extra in {"en", "fr"}
    else Literal(text, datatype=URIRef(extra)) if extra else Literal(text),
    st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=12),
    st.sampled_from([None, "en", "fr", "http://www.w3.org/2001/XMLSchema#date"]))


@given(st.lists(st.tuples(_IRIS, _IRIS, st.one_of(_IRIS, _LITERALS)), min_size=1, max_size=8),
       st.sampled_from([None, URIRef("https://example.org/doc/a")]),
       st.sampled_from([1, 2, 1 << 16]))
def test_rows_are_the_lines_rdflibs_own_rows_make(triples, name, most):
    """Each IRI's N3 form kept (and dropped when the writer holds ``most``) changes no byte:
    quotes, newlines, backslashes, languages and datatypes are written as rdflib writes them."""
    rows = Rows(most=most)
    for triple in triples:
        assert rows.line("nquads", triple, name) == _nq_row(triple, name)
        assert rows.line("nt", triple, name) == _nt_row(triple)
