"""Export: every format parses back to the same graph, bytes are stable, writes are atomic."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg import export
from kg.errors import KgError, OutputError
from kg.export import (
    FORMAT_SUFFIXES,
    WRITERS,
    format_for,
    jsonld_context,
    serialize,
    write_atomic,
    write_outputs,
)
from kg.namespaces import KG, KGV, NIF, OWL, PROV, RDF
from kg.rdf import decimal_literal, document_iri, union_graph

RDFLIB_FORMATS = {"turtle": "turtle", "json-ld": "json-ld", "trig": "trig", "nquads": "nquads",
                  "nt": "nt"}
QUAD_FORMATS = ("trig", "nquads")


def _parse(text: str, fmt: str) -> Dataset:
    dataset = Dataset()
    dataset.parse(data=text, format=RDFLIB_FORMATS[fmt])
    return dataset


def _named_graphs(dataset: Dataset) -> dict[str, Graph]:
    return {str(g.identifier): g for g in dataset.graphs()
            if g.identifier != DATASET_DEFAULT_GRAPH_ID and len(g)}


def test_tiny_build_has_a_multiline_quote(tiny_build):
    """The round trips below only mean something if a literal spans lines."""
    graph = union_graph(tiny_build.dataset)
    assert any("\n" in str(q) for q in graph.objects(None, NIF.isString))
    assert any(graph.subjects(RDF.type, RDF.Statement))


def test_writers_cover_every_format_with_a_suffix():
    assert set(WRITERS) == set(FORMAT_SUFFIXES)


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_every_format_parses_back_to_the_same_graph(tiny_build, fmt):
    text = serialize(tiny_build.dataset, fmt)

    parsed = union_graph(_parse(text, fmt))

    assert isomorphic(parsed, union_graph(tiny_build.dataset))


def test_turtle_to_jsonld_to_graph_round_trip(tiny_build):
    original = union_graph(tiny_build.dataset)
    from_turtle = _parse(serialize(tiny_build.dataset, "turtle"), "turtle")

    jsonld = serialize(from_turtle, "json-ld")
    back = Graph().parse(data=jsonld, format="json-ld")

    assert isomorphic(back, original)


def test_jsonld_uses_the_kg_context_and_sorts_nodes(tiny_build):
    data = json.loads(serialize(tiny_build.dataset, "json-ld"))

    assert data["@context"] == jsonld_context()
    ids = [node["@id"] for node in data["@graph"]]
    assert ids == sorted(ids)
    statements = [n for n in data["@graph"] if "Statement" in n.get("type", [])
                  or n.get("type") == "Statement"]
    assert statements and all("hasEvidence" in n and "confidence" in n for n in statements)
    # Terms and prefixes do not collide: evidence and place IRIs compact too.
    readings = [e for n in statements for e in
                (n["hasEvidence"] if isinstance(n["hasEvidence"], list) else [n["hasEvidence"]])]
    assert all(reading.startswith("evidence:") for reading in readings)


@pytest.fixture(scope="module")
def seeds_jsonld(seed_build) -> dict:
    return json.loads(serialize(seed_build.dataset, "json-ld"))


def test_seeds_jsonld_reads_back_as_the_same_graph_as_the_turtle(seed_build):
    turtle = Graph().parse(data=serialize(seed_build.dataset, "turtle"), format="turtle")
    jsonld = Graph().parse(data=serialize(seed_build.dataset, "json-ld"), format="json-ld")

    assert len(jsonld) == len(turtle)
    assert isomorphic(jsonld, turtle)


def test_jsonld_numbers_are_json_numbers(seeds_jsonld):
    nodes = seeds_jsonld["@graph"]
    values = {term: [v for n in nodes if term in n
                     for v in (n[term] if isinstance(n[term], list) else [n[term]])]
              for term in export.numeric_terms()}

    for term in ("confidence", "supportCount", "mentionCount", "beginIndex", "endIndex"):
        assert values[term], term
    assert all(type(v) is float or (type(v) is int and term != "confidence")
               for term, found in values.items() for v in found)
    assert all(type(v) is int for term in ("supportCount", "mentionCount", "beginIndex",
                                           "endIndex") for v in values[term])
    assert all(0 <= v <= 1 for v in values["confidence"])


@settings(max_examples=200, deadline=None)
@given(st.floats(min_value=0, max_value=1))
def test_a_confidence_reads_back_from_its_json_number_unchanged(value):
    literal = decimal_literal(value)
    node = {"@id": "https://example.org/f", "confidence": str(literal)}
    text = json.dumps({"@context": jsonld_context(), **export._native_numbers(node)})

    assert isinstance(json.loads(text)["confidence"], int | float)
    (back,) = Graph().parse(data=text, format="json-ld").objects(None, KG.confidence)
    assert back == literal


def _context_terms() -> dict[str, str]:
    """Each term of the context and the IRI it stands for."""
    from rdflib.plugins.shared.jsonld.context import Context

    context = Context(jsonld_context())
    expanded = {term: context.expand(term) for term in jsonld_context() if not term.startswith("@")}
    return {term: str(RDF.type) if iri == "@type" else iri for term, iri in expanded.items()}


def test_every_ontology_term_has_a_term_in_the_context():
    ontology = Graph().parse(
        data=resources.files("kg").joinpath("data/ontology.ttl").read_text("utf-8"),
        format="turtle")
    declared = {s for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
                for s in ontology.subjects(RDF.type, kind) if str(s).startswith(str(KG))}
    named = set(_context_terms().values())

    missing = sorted(str(s) for s in declared if str(s) not in named)
    assert len(declared) > 200
    assert not missing, f"add to kg/data/context.jsonld: {missing[:10]}"


def test_every_predicate_and_class_of_the_seeds_compacts_to_a_term(seed_build, seeds_jsonld):
    """Verbs outside the relation vocabulary (kgv:) are open-ended, so they stay compact IRIs:
    a term for each would need @vocab, whose names rdflib does not check against the other
    terms ('place', 'run', 'rule' are verbs)."""
    graph = union_graph(seed_build.dataset)
    named = set(_context_terms().values())
    iris = {str(p) for p in graph.predicates()} | {str(c) for c in graph.objects(None, RDF.type)}

    missing = sorted(iri for iri in iris if iri not in named and not iri.startswith(str(KGV)))
    assert not missing, f"add to kg/data/context.jsonld: {missing}"
    keys = {key for node in seeds_jsonld["@graph"] for key in node}
    types = {t for node in seeds_jsonld["@graph"]
             for t in (node.get("type") if isinstance(node.get("type"), list)
                       else [node.get("type")]) if t}
    assert all(":" not in key or key.startswith("kgv:") for key in keys - {"@id"})
    assert all(":" not in kind for kind in types)


def test_context_terms_are_not_prefixes_of_kg_iris():
    """A term that is also a prefix of minted IRIs would make 'place:x' ambiguous for readers;
    terms and prefixes are kept apart (kg:place is 'atPlace')."""
    terms = _context_terms()
    prefixes = {p for p, ns in jsonld_context().items() if isinstance(ns, str)
                and ns.endswith(("/", "#"))}
    assert not {t for t, iri in terms.items() if t in prefixes and not iri.endswith(("/", "#"))}


@pytest.mark.parametrize("fmt", QUAD_FORMATS)
def test_quad_formats_keep_one_named_graph_per_document(tiny_build, fmt):
    parsed = _parse(serialize(tiny_build.dataset, fmt), fmt)
    named = _named_graphs(parsed)
    documents = {str(document_iri(d.doc_id)) for d in tiny_build.corpus.documents}

    assert set(named) == documents
    original = _named_graphs(tiny_build.dataset)
    for name, graph in named.items():
        assert isomorphic(graph, original[name])
        evidence = set(graph.subjects(RDF.type, KG.Evidence))
        assert evidence, f"no evidence in the graph of {name}"
        assert {str(graph.value(e, PROV.wasDerivedFrom)) for e in evidence} == {name}


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_same_input_gives_the_same_bytes_in_process(tiny_build, tiny_corpus_dir, fmt):
    import kg

    again = kg.build_result([tiny_corpus_dir])

    assert serialize(again.dataset, fmt) == serialize(tiny_build.dataset, fmt)


def _kg_command() -> list[str]:
    script = Path(sys.executable).with_name("kg")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from kg.cli import main; main()"]


# N-Triples and N-Quads are sorted line by line; these three depend on writer order as well.
@pytest.mark.parametrize("suffix", [".ttl", ".trig", ".jsonld"])
def test_same_input_gives_the_same_bytes_across_processes(tmp_path, tiny_corpus_dir, suffix):
    runs = {}
    for seed in ("1", "2"):  # str hashes, so set and dict orders, differ between the two
        target = tmp_path / f"graph-{seed}{suffix}"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        runs[target] = subprocess.Popen(
            [*_kg_command(), "build", str(tiny_corpus_dir), "-o", str(target)], env=env,
            cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    outputs = []
    for target, process in runs.items():
        _, stderr = process.communicate(timeout=300)
        assert process.returncode == 0, stderr
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1]


# --- format choice ----------------------------------------------------------------------------


def test_unknown_format_is_a_kg_error_naming_the_choices(tiny_build):
    with pytest.raises(KgError, match="turtle"):
        serialize(tiny_build.dataset, "rdfxml")


@pytest.mark.parametrize(("name", "fmt"), [("g.ttl", "turtle"), ("g.jsonld", "json-ld"),
                                           ("g.json", "json-ld"), ("g.TRIG", "trig"),
                                           ("g.nq", "nquads"), ("g.nt", "nt")])
def test_format_comes_from_the_suffix(name, fmt):
    assert format_for(Path(name), None) == fmt


def test_explicit_format_wins_and_unknown_suffix_needs_one():
    assert format_for(Path("graph.out"), "trig") == "trig"
    with pytest.raises(KgError, match="--format"):
        format_for(Path("graph.out"), None)


# --- atomic writes ----------------------------------------------------------------------------


def _leftovers(folder: Path, keep: set[str]) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name not in keep)


def test_write_outputs_writes_every_target(tiny_build, tmp_path):
    targets = {tmp_path / "out" / f"graph{suffix}": fmt for fmt, suffix in FORMAT_SUFFIXES.items()}

    write_outputs(tiny_build.dataset, targets)

    for path, fmt in targets.items():
        assert path.read_text(encoding="utf-8") == serialize(tiny_build.dataset, fmt)
    assert _leftovers(tmp_path / "out", {p.name for p in targets}) == []


def test_failed_serialisation_leaves_the_previous_files_intact(tiny_build, tmp_path, monkeypatch):
    turtle, trig = tmp_path / "graph.ttl", tmp_path / "graph.trig"
    turtle.write_text("previous turtle\n", encoding="utf-8")
    trig.write_text("previous trig\n", encoding="utf-8")

    def broken(dataset: Dataset) -> str:
        raise RuntimeError("serialiser exploded")

    monkeypatch.setitem(export.WRITERS, "trig", broken)
    with pytest.raises(RuntimeError, match="exploded"):
        write_outputs(tiny_build.dataset, {turtle: "turtle", trig: "trig"})

    assert turtle.read_text(encoding="utf-8") == "previous turtle\n"
    assert trig.read_text(encoding="utf-8") == "previous trig\n"
    assert _leftovers(tmp_path, {"graph.ttl", "graph.trig"}) == []


def test_write_atomic_failing_mid_write_keeps_the_old_file_and_no_temp(tmp_path):
    target = tmp_path / "graph.ttl"
    target.write_text("previous\n", encoding="utf-8")

    with pytest.raises(UnicodeEncodeError):
        write_atomic(target, "half a graph \ud800 that cannot be encoded")

    assert target.read_text(encoding="utf-8") == "previous\n"
    assert _leftovers(tmp_path, {"graph.ttl"}) == []


def test_write_atomic_failing_rename_keeps_the_old_file_and_no_temp(tmp_path, monkeypatch):
    target = tmp_path / "graph.ttl"
    target.write_text("previous\n", encoding="utf-8")

    def refuse(src: object, dst: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(export.os, "replace", refuse)
    with pytest.raises(OutputError, match="disk full"):
        write_atomic(target, "new graph\n")

    assert target.read_text(encoding="utf-8") == "previous\n"
    assert _leftovers(tmp_path, {"graph.ttl"}) == []


def test_write_atomic_replaces_content_with_umask_permissions(tmp_path):
    target = tmp_path / "nested" / "graph.nt"
    old_umask = os.umask(0o022)
    try:
        write_atomic(target, "line one\nline two\n")
    finally:
        os.umask(old_umask)

    assert target.read_bytes() == b"line one\nline two\n"
    assert target.stat().st_mode & 0o777 == 0o644
    write_atomic(target, "replaced\n")
    assert target.read_text(encoding="utf-8") == "replaced\n"


def test_kg_turtle_writer_gives_rdflibs_bytes(seed_build):
    """The memoised writer (kg.export.turtle_of) is rdflib's Turtle writer, byte for byte,
    and write_outputs' shared union graph changes no output."""
    from kg.export import turtle_of

    union = union_graph(seed_build.dataset)
    assert turtle_of(union) == union.serialize(format="turtle")
    copy = Graph()  # rdflib's default store, as the union graph was made before
    copy.addN((s, p, o, copy) for s, p, o in union)
    assert len(copy) == len({(s, p, o) for s, p, o, _ in seed_build.dataset.quads()})
    for fmt in ("turtle", "json-ld", "nt"):
        assert serialize(seed_build.dataset, fmt, union) == serialize(seed_build.dataset, fmt)
