"""kg.storequery: SPARQL on a store answered by Oxigraph gives what the rdflib path gives on the
same store read into a Dataset (set-union default graph, GRAPH over the documents), under the
same trust rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import GraphError
from kg.graphstore import read_dataset
from kg.incremental import build_for_store, save
from kg.query import GraphResult, QueryResult, run_query
from kg.storequery import query_store

REPO = Path(__file__).resolve().parent.parent

QUERIES = [
    # every triple once, however many graphs hold it (a direct triple is in several)
    "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
    "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o FILTER (STRSTARTS(STR(?p), STR(kg:))) }",
    "SELECT ?s ?o WHERE { ?s kg:met ?o }",
    "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p",
    # the named graphs are the documents; the default graph is not one of them
    "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
    "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?a a schema:NewsArticle } }",
    "SELECT ?f ?n ?c WHERE { ?f kg:supportCount ?n ; kg:confidence ?c }",
    "SELECT ?e (COUNT(?d) AS ?n) WHERE { ?d schema:mentions ?e } GROUP BY ?e",
    "ASK { ?s kg:supportCount 2 }",
    "ASK { GRAPH ?g { ?s kg:supportCount ?n } }",
]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("storequery") / "store"
    save(path, build_for_store([REPO / "seeds"]))
    return path


@pytest.mark.parametrize("sparql", QUERIES)
def test_oxigraph_answers_as_rdflib_on_the_same_store(store, sparql):
    on_store = query_store(store, sparql, timeout=None)
    on_rdflib = run_query(read_dataset(store), sparql, timeout=None)
    assert isinstance(on_store, QueryResult) and isinstance(on_rdflib, QueryResult)
    assert on_store.columns == on_rdflib.columns
    assert sorted(on_store.rows) == sorted(on_rdflib.rows)
    assert on_store.rows  # an empty answer would compare equal for any union semantics


def test_a_direct_triple_in_several_graphs_counts_once(store):
    """The bag union Oxigraph gives by itself would count each document's copy too."""
    per_graph = query_store(store, "SELECT (COUNT(*) AS ?n) WHERE { { ?s kg:met ?o } UNION "
                                   "{ GRAPH ?g { ?s kg:met ?o } } }", timeout=None)
    once = query_store(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s kg:met ?o }", timeout=None)
    assert isinstance(per_graph, QueryResult) and isinstance(once, QueryResult)
    assert int(per_graph.rows[0][0]) > int(once.rows[0][0]) > 0


def test_construct_keeps_kg_integer_datatypes(store):
    sparql = "CONSTRUCT { ?s nif:beginIndex ?b } WHERE { ?s nif:beginIndex ?b } LIMIT 3"
    result = query_store(store, sparql, timeout=None)
    assert isinstance(result, GraphResult) and result.triples == 3
    assert "nonNegativeInteger" in result.turtle


@pytest.mark.parametrize("sparql", [
    "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
    "SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }",
    "SELECT * FROM NAMED <http://example.org/g> WHERE { GRAPH ?g { ?s ?p ?o } }",
    "SELECT * WHERE { ?s ?p",
])
def test_reaching_out_and_bad_sparql_are_refused(store, sparql):
    with pytest.raises(GraphError):
        query_store(store, sparql)


def test_a_runaway_query_stops_at_its_deadline(store):
    product = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    with pytest.raises(GraphError, match="stopped after"):
        query_store(store, product, timeout=1)
