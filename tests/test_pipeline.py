"""End to end on the seeds: the headline facts are there, with roles and checkable offsets."""

from __future__ import annotations

from rdflib import URIRef

from kg.namespaces import ID, KG, NIF, PROV, RDF

PUTIN = ID["person/vladimir-putin"]
KIM = ID["person/kim-jong-un"]


def _statements(graph, subject, predicate, obj=None):
    for statement in graph.subjects(RDF.predicate, predicate):
        if (statement, RDF.subject, subject) in graph and (
                obj is None or (statement, RDF.object, obj) in graph):
            yield statement


def test_give_fact_has_recipient_and_offsets_that_slice_the_file(seed_build, seeds_dir):
    import kg.rdf

    graph = kg.rdf.union_graph(seed_build.dataset)
    gifts = [s for s in _statements(graph, PUTIN, KG.gave)
             if (s, KG.recipient, KIM) in graph]
    assert gifts, "Putin gave ... to Kim is missing"
    checked = 0
    for statement in gifts:
        for evidence in graph.objects(statement, KG.evidence):
            sentence = graph.value(evidence, KG.sentence)
            begin = int(graph.value(sentence, NIF.beginIndex))
            end = int(graph.value(sentence, NIF.endIndex))
            document = graph.value(evidence, PROV.wasDerivedFrom)
            source = str(graph.value(document, KG.sourceFile))
            text = (seeds_dir / source).read_bytes().decode("utf-8")
            assert text[begin:end] == kg.rdf.span_quote(graph, sentence)
            assert "gave" in text[begin:end] or "gift" in text[begin:end] or \
                "present" in text[begin:end]
            checked += 1
    assert checked >= 2


def test_meet_and_visit_facts_between_putin_and_kim(seed_build):
    import kg.rdf

    graph = kg.rdf.union_graph(seed_build.dataset)
    assert list(_statements(graph, KIM, KG.met, PUTIN))
    visited = list(_statements(graph, PUTIN, KG.visited, KIM))
    assert visited
    assert (KIM, KG.met, PUTIN) in graph


def test_seed_graph_conforms_to_shapes(seed_build):
    import kg

    report = kg.validate(seed_build.dataset)
    assert report.conforms, report.describe()


def test_statement_iris_are_content_hashes(seed_build):
    import kg.rdf

    graph = kg.rdf.union_graph(seed_build.dataset)
    for statement in graph.subjects(RDF.type, RDF.Statement):
        assert isinstance(statement, URIRef)
        assert str(statement).startswith(str(ID["fact/"]))
