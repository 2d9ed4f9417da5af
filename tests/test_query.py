"""SPARQL over graph files: SELECT and ASK, plain rows out, every failure a GraphError."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from hostile_inputs import cartesian_graph
from rdflib import RDFS, Graph, URIRef
from rdflib import Literal as RdfLiteral

from kg.errors import GraphError
from kg.export import FORMAT_SUFFIXES, write_outputs
from kg.namespaces import KG
from kg.query import GRAPH_FORMATS, GraphResult, QueryResult, load_graph, run_query

GRAPH = """\
@prefix kg: <https://w3id.org/kg-news/ontology#> .
@prefix person: <https://w3id.org/kg-news/id/person/> .
@prefix thing: <https://w3id.org/kg-news/id/thing/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .

person:vladimir-putin rdfs:label "Vladimir Putin" ; kg:gave thing:rifle .
person:kim-jong-un rdfs:label "Kim Jong Un, \\"Supreme Leader\\"" ;
    kg:met person:vladimir-putin .
thing:rifle rdfs:label "rifle" .
"""
PUTIN = "https://w3id.org/kg-news/id/person/vladimir-putin"
KIM = "https://w3id.org/kg-news/id/person/kim-jong-un"
RIFLE = "https://w3id.org/kg-news/id/thing/rifle"
LABELS = "SELECT ?who ?name WHERE { ?who rdfs:label ?name } ORDER BY ?name"


@pytest.fixture
def graph_file(tmp_path: Path) -> Path:
    path = tmp_path / "graph.ttl"
    path.write_text(GRAPH, encoding="utf-8")
    return path


def test_select_returns_columns_and_rows_with_kg_prefixes_predeclared(graph_file):
    result = run_query(load_graph(graph_file), "SELECT ?a ?b WHERE { ?a kg:gave ?b }")

    assert result == QueryResult(("a", "b"), ((PUTIN, "https://w3id.org/kg-news/id/thing/rifle"),))


def test_select_keeps_order_and_unbound_values_are_empty(graph_file):
    result = run_query(load_graph(graph_file), "SELECT ?name ?met WHERE { ?who rdfs:label ?name "
                                               "OPTIONAL { ?who kg:met ?met } } ORDER BY ?name")

    assert result.columns == ("name", "met")
    assert result.rows == (('Kim Jong Un, "Supreme Leader"', PUTIN), ("Vladimir Putin", ""),
                           ("rifle", ""))


@pytest.mark.parametrize(("query", "answer"), [
    ("ASK { ?a kg:met ?b }", "true"),
    ("ASK { <https://w3id.org/kg-news/id/thing/rifle> kg:gave ?b }", "false"),
])
def test_ask_answers_true_or_false(graph_file, query, answer):
    assert run_query(load_graph(graph_file), query) == QueryResult(("ask",), ((answer,),))


def test_csv_output_quotes_and_round_trips(graph_file):
    result = run_query(load_graph(graph_file), LABELS)

    text = result.to_csv()

    assert text.splitlines()[0] == "who,name"
    assert list(csv.reader(io.StringIO(text))) == [["who", "name"], *map(list, result.rows)]
    assert '"Kim Jong Un, ""Supreme Leader"""' in text


def test_json_output_is_a_list_of_objects(graph_file):
    result = run_query(load_graph(graph_file), LABELS)

    data = json.loads(result.to_json())

    assert data == [{"who": who, "name": name} for who, name in result.rows]
    assert data[0] == {"who": KIM, "name": 'Kim Jong Un, "Supreme Leader"'}


def test_empty_result_still_has_columns(graph_file):
    result = run_query(load_graph(graph_file), "SELECT ?x WHERE { ?x kg:visited ?y }")
    assert result.rows == ()
    assert result.to_csv() == "x\n"
    assert json.loads(result.to_json()) == []


@pytest.mark.parametrize("fmt", sorted(FORMAT_SUFFIXES))
def test_every_format_kg_writes_loads_and_answers_over_all_graphs(tiny_build, tmp_path, fmt):
    path = tmp_path / f"graph{FORMAT_SUFFIXES[fmt]}"
    write_outputs(tiny_build.dataset, {path: fmt})

    result = run_query(load_graph(path), "SELECT ?e WHERE { ?f kg:evidence ?e . "
                                         "?e prov:wasDerivedFrom ?d . ?d kg:sourceFile ?s }")

    assert len(result.rows) == len(tiny_build.corpus.facts)


@pytest.mark.parametrize("sparql", [
    "",
    "SELEC ?x WHERE { ?x ?p ?o }",
    "SELECT ?x WHERE { ?x nope:thing ?o }",
    "SELECT ?x WHERE { ?x ?p ?o ",
    "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
])
def test_bad_sparql_is_a_graph_error(graph_file, sparql):
    with pytest.raises(GraphError, match="bad SPARQL") as raised:
        run_query(load_graph(graph_file), sparql)
    assert "\n" not in str(raised.value)


@pytest.mark.parametrize(("sparql", "expected"), [
    ("CONSTRUCT { ?b kg:receivedFrom ?a } WHERE { ?a kg:gave ?b }",
     {(URIRef(RIFLE), KG.receivedFrom, URIRef(PUTIN))}),
    (f"DESCRIBE <{RIFLE}>", {(URIRef(RIFLE), RDFS.label, RdfLiteral("rifle"))}),
    ("CONSTRUCT WHERE { ?a kg:met ?b }", {(URIRef(KIM), KG.met, URIRef(PUTIN))}),
])
def test_construct_and_describe_answer_a_graph_as_turtle(graph_file, sparql, expected):
    result = run_query(load_graph(graph_file), sparql)

    assert isinstance(result, GraphResult)
    assert set(Graph().parse(data=result.turtle, format="turtle")) == expected
    assert result.triples == len(expected)


def test_error_while_evaluating_is_a_graph_error(graph_file):
    """rdflib evaluates lazily; an invalid regular expression fails while rows are read."""
    with pytest.raises(GraphError, match="query failed"):
        run_query(load_graph(graph_file),
                  'SELECT ?n WHERE { ?x rdfs:label ?n FILTER(regex(?n, "(")) }')


BAD_GRAPHS = {
    "broken turtle": ("graph.ttl", b"<urn:a> <urn:b> .", "Bad syntax"),
    "broken trig": ("graph.trig", b"<urn:g> { <urn:a> <urn:b> <urn:c> .", "trig"),
    "broken json-ld": ("graph.jsonld", b'{"@id": ', "json-ld"),
    "broken n-quads": ("graph.nq", b"<urn:a> <urn:b> <urn:c> <urn:d> <urn:e> .", "nquads"),
    "latin-1 turtle": ("graph.ttl", '<urn:a> <urn:b> "caf\xe9" .'.encode("latin-1"), "utf-8"),
    "binary": ("graph.nt", b"\x89PNG\r\n\x1a\n\x00\x00", "nt"),
    "unknown suffix": ("graph.txt", b"<urn:a> <urn:b> <urn:c> .", "unknown RDF suffix"),
}


@pytest.mark.parametrize("case", sorted(BAD_GRAPHS))
def test_unparseable_graph_file_is_a_one_line_graph_error(tmp_path, case):
    name, content, words = BAD_GRAPHS[case]
    path = tmp_path / name
    path.write_bytes(content)

    with pytest.raises(GraphError) as raised:
        load_graph(path)

    message = str(raised.value)
    assert "\n" not in message
    assert message.startswith(str(path))
    assert words in message


@pytest.mark.parametrize("name", ["missing.ttl", "."])
def test_missing_graph_file_is_a_graph_error(tmp_path, name):
    with pytest.raises(GraphError, match="no such graph file"):
        load_graph(tmp_path / name)


def test_every_suffix_kg_writes_is_readable():
    assert {suffix for suffix in FORMAT_SUFFIXES.values()} <= set(GRAPH_FORMATS)


@pytest.mark.timeout(120)
def test_a_query_past_its_memory_ceiling_is_stopped_with_one_line(tmp_path):
    path = tmp_path / "g.nt"
    path.write_text(cartesian_graph(200))
    product = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l } ORDER BY ?c ?f ?i"

    with pytest.raises(GraphError, match="memory") as raised:
        run_query(load_graph(path), product, timeout=100, memory_mb=64)

    assert "\n" not in str(raised.value)


def test_an_endpoint_that_cannot_be_reached_is_one_line(tmp_path):
    import socket

    from click.testing import CliRunner

    from kg.cli import main

    with socket.socket() as probe:  # a free port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = CliRunner().invoke(main, ["query", "--endpoint", f"http://127.0.0.1:{port}/query",
                                       "SELECT * WHERE { ?s ?p ?o }"])
    assert result.exit_code == 6
    assert result.output.count("\n") == 1 and "cannot be reached" in result.output
    local_file = CliRunner().invoke(main, ["query", "--endpoint", "file:///etc/passwd",
                                           "SELECT * WHERE { ?s ?p ?o }"])
    assert local_file.exit_code == 6 and "http(s)" in local_file.output
    missing = CliRunner().invoke(main, ["query", "SELECT * WHERE { ?s ?p ?o }"])
    assert missing.exit_code == 2  # a graph file or an endpoint is needed
