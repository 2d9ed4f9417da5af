"""The RDF stage: direct triples, reified statements, provenance, named graphs, stable IRIs."""

from __future__ import annotations

from helpers import corpus_of
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Literal, URIRef

from kg.namespaces import ID, KG, NIF, PROV, RDF, RDFS, SCHEMA, XSD
from kg.rdf import build_dataset, document_iri, span_quote, union_graph

PUTIN, KIM = ID["person/vladimir-putin"], ID["person/kim-jong-un"]


def _graph(*texts, date="2023-09-15"):
    corpus = corpus_of(*texts, date=date)
    return corpus, build_dataset(corpus, "test-model 1.0")


def test_fact_is_a_direct_triple_and_a_statement_with_roles_and_evidence():
    corpus, dataset = _graph("Vladimir Putin gave Kim Jong Un a rifle on Wednesday in Moscow.")
    graph = union_graph(dataset)
    rifle = ID["thing/rifle"]
    assert (PUTIN, KG.gave, rifle) in graph
    (statement,) = graph.subjects(RDF.predicate, KG.gave)
    assert (statement, RDF.type, SCHEMA.GiveAction) in graph
    assert (statement, RDF.subject, PUTIN) in graph
    assert (statement, RDF.object, rifle) in graph
    assert (statement, KG.recipient, KIM) in graph
    assert (statement, KG.time, Literal("2023-09-13", datatype=XSD.date)) in graph
    assert (statement, KG.place, ID["place/moscow"]) in graph
    assert (statement, KG.supportCount, Literal(1)) in graph
    (evidence,) = graph.objects(statement, KG.evidence)
    assert graph.value(evidence, PROV.wasDerivedFrom) == document_iri(corpus.documents[0].doc_id)
    sentence = graph.value(evidence, KG.sentence)
    assert span_quote(graph, sentence).startswith("Vladimir Putin gave")
    assert graph.value(sentence, NIF.anchorOf) is None  # the text is written once, in the document
    run = graph.value(evidence, PROV.wasGeneratedBy)
    assert str(graph.value(run, KG.nlpModel)) == "test-model 1.0"


def test_support_count_counts_documents_and_symmetric_facts_merge():
    _, dataset = _graph("Kim Jong Un met Vladimir Putin.", "Vladimir Putin met Kim Jong Un.",
                        "Vladimir Putin met Kim Jong Un again.")
    graph = union_graph(dataset)
    (statement,) = graph.subjects(RDF.predicate, KG.met)
    assert graph.value(statement, KG.supportCount) == Literal(3)
    assert len(list(graph.objects(statement, KG.evidence))) == 3
    assert (KIM, KG.met, PUTIN) in graph and (PUTIN, KG.met, KIM) in graph


def test_documents_list_the_entities_they_mention():
    corpus, dataset = _graph("Kim Jong Un visited Moscow.", "Vladimir Putin visited Beijing.")
    graph = union_graph(dataset)
    by_source = {d.source: document_iri(d.doc_id) for d in corpus.documents}
    assert (by_source["t0.txt"], SCHEMA.mentions, KIM) in graph
    assert (by_source["t1.txt"], SCHEMA.mentions, KIM) not in graph
    assert (by_source["t1.txt"], SCHEMA.mentions, PUTIN) in graph


def test_each_document_gets_a_named_graph_holding_its_evidence():
    corpus, dataset = _graph("Kim Jong Un visited Moscow.", "Vladimir Putin visited Beijing.")
    names = {g.identifier for g in dataset.graphs()}
    for document in corpus.documents:
        assert document_iri(document.doc_id) in names
        named = dataset.graph(document_iri(document.doc_id))
        assert len(list(named.subjects(RDF.type, KG.Evidence))) == 1


def test_year_and_month_precision_times_get_matching_datatypes():
    _, dataset = _graph("Vladimir Putin visited Pyongyang in July 2000. "
                        "Kim Jong Un visited Moscow in 2019.")
    graph = union_graph(dataset)
    times = set(graph.objects(None, KG.time))
    assert Literal("2000-07", datatype=XSD.gYearMonth) in times
    assert Literal("2019", datatype=XSD.gYear) in times


def test_building_twice_gives_identical_graphs():
    first = union_graph(_graph("Vladimir Putin gave Kim Jong Un a rifle.")[1])
    second = union_graph(_graph("Vladimir Putin gave Kim Jong Un a rifle.")[1])
    assert set(first) == set(second)
    assert not any(node.__class__.__name__ == "BNode" for triple in first for node in triple)


def test_a_clause_quote_is_a_nif_phrase_of_its_sentence():
    _, dataset = _graph("Officials said on Monday, after a long meeting, that Vladimir Putin gave "
                        "Kim Jong Un a rifle.")
    graph = union_graph(dataset)
    (evidence,) = graph.subjects(KG.extractionRule, None)
    clause = graph.value(evidence, KG.clause)
    assert span_quote(graph, clause) == "Vladimir Putin gave Kim Jong Un a rifle"
    assert graph.value(clause, NIF.anchorOf) is None
    assert graph.value(clause, NIF.sentence) == graph.value(evidence, KG.sentence)


def test_a_recipient_named_twice_in_one_reading_is_still_the_same_fact():
    from kg.model import Role, RoleName
    from kg.rdf import fact_key

    corpus, _ = _graph("Vladimir Putin gave Kim Jong Un a rifle.")
    (gift,) = [f for f in corpus.facts if f.predicate == "gave"]
    (recipient,) = [r for r in gift.roles if r.name is RoleName.RECIPIENT]
    again = Role(name=RoleName.RECIPIENT, mention=gift.subject.mention,
                 entity_id=recipient.entity_id)
    twice = gift.model_copy(update={"roles": (*gift.roles, again)})
    assert fact_key(twice) == fact_key(gift)


def test_a_place_the_gazetteer_knows_is_linked_to_geonames_with_its_country_code():
    graph = union_graph(build_dataset(corpus_of("Lena Marsh flew to France on Monday."), "m"))
    france = next(s for s, _, o in graph.triples((None, RDFS.label, None)) if str(o) == "France")
    assert (france, SCHEMA.sameAs, URIRef("https://sws.geonames.org/3017382/")) in graph
    assert str(graph.value(france, KG.countryCode)) == "FR"


def test_merge_evidence_is_in_the_graph_and_conforms_to_the_shapes():
    from kg.pipeline import validate

    corpus, dataset = _graph("Vladimir Putin met Kim Jong Un. Putin praised Kim.",
                             "Putin arrived in Oslo.")
    graph = union_graph(dataset)
    reasons = {(str(graph.value(m, KG.alias)), str(graph.value(m, KG.mergedBecause)),
                graph.value(m, KG.mentionCount).toPython())
               for m in graph.objects(PUTIN, KG.merge)}
    assert ("Putin", "short-form", 1) in reasons
    assert ("Putin", "short-form-unique-person", 1) in reasons
    assert ("Vladimir Putin", "same-name", 1) in reasons
    merge = next(iter(graph.objects(PUTIN, KG.merge)))
    assert (merge, RDF.type, KG.Merge) in graph
    assert set(graph.objects(merge, PROV.wasDerivedFrom)) <= {
        document_iri(d.doc_id) for d in corpus.documents}
    assert validate(dataset).conforms


def test_a_merge_reason_outside_the_list_violates_the_shapes():
    from kg.pipeline import validate

    _, dataset = _graph("Vladimir Putin met Kim Jong Un. Putin praised Kim.")
    graph = union_graph(dataset)
    merge = next(iter(graph.objects(PUTIN, KG.merge)))
    graph.set((merge, KG.mergedBecause, Literal("looked similar")))
    assert not validate(graph).conforms


SENTENCES = st.builds(lambda s, v, o: f"{s} {v} {o}.",
                      st.sampled_from(["Vladimir Putin", "Kim Jong Un", "He", "The company"]),
                      st.sampled_from(["gave", "met", "visited", "will visit", "sold"]),
                      st.sampled_from(["a rifle", "Moscow", "Joe Biden", "Kim a glove"]))
SEPARATORS = st.sampled_from([" ", "\n", "\n\n", "  \r\n", " “Quoted” – ✓ "])


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(SENTENCES, SEPARATORS), min_size=1, max_size=4))
def test_every_span_slices_the_one_context_string_to_its_quote(parts):
    corpus, dataset = _graph("".join(sentence + separator for sentence, separator in parts))
    graph = union_graph(dataset)
    (document,) = corpus.documents
    context = document_iri(document.doc_id)
    assert list(graph.objects(context, NIF.isString)) == [Literal(document.text)]
    written = {(s.start, s.end): s.text for s in corpus.sentences}
    for sentence in graph.subjects(RDF.type, NIF.Sentence):
        assert graph.value(sentence, NIF.referenceContext) == context
        assert graph.value(sentence, NIF.anchorOf) is None
        begin, end = int(graph.value(sentence, NIF.beginIndex)), int(graph.value(sentence,
                                                                                NIF.endIndex))
        assert span_quote(graph, sentence) == document.text[begin:end] == written[(begin, end)]
    for fact in corpus.facts:
        e = fact.evidence
        trigger = URIRef(f"{context}#char={e.trigger_start},{e.trigger_end}")
        assert span_quote(graph, trigger) == e.trigger == document.text[e.trigger_start:
                                                                         e.trigger_end]


def test_the_document_text_is_written_once(seed_build):
    """No sentence of the seeds is written a second time: the N-Triples file holds each long
    sentence (other than a headline, which is also the title) exactly once, inside its
    document's nif:isString, and the only quotes are the trigger words."""
    from kg.export import serialize

    text = serialize(seed_build.dataset, "nt")
    titles = {d.title for d in seed_build.corpus.documents}
    long_sentences = [s.text for s in seed_build.corpus.sentences
                      if len(s.text) > 60 and s.text.isascii() and '"' not in s.text
                      and "\\" not in s.text and "\n" not in s.text and "\r" not in s.text
                      and not any(s.text in (title or "") for title in titles)]
    assert len(long_sentences) > 20
    for sentence in long_sentences:
        assert text.count(sentence) == 1, sentence
    triggers = {(f.evidence.doc_id, f.evidence.trigger_start) for f in seed_build.corpus.facts}
    assert text.count(f"<{NIF.anchorOf}>") == len(triggers)


def test_shared_literals_equal_the_ones_made_afresh() -> None:
    """The cached literals (issue 14) must be the very terms ``Literal`` makes: same lexical
    form, datatype and N-Quads text, for values seen first and seen again."""
    from decimal import Decimal

    from kg.rdf import count_literal, decimal_literal, name_literal, offset_literal

    for _ in range(2):  # the second round is served from the caches
        for value in (0, 7, 1234):
            fresh = Literal(value, datatype=XSD.nonNegativeInteger)
            assert offset_literal(value) == fresh
            assert offset_literal(value).n3() == fresh.n3()
            assert count_literal(value).n3() == Literal(value).n3()
        for word in ("asserted", "nsubj-dobj", "same surname"):
            assert name_literal(word).n3() == Literal(word).n3()
        assert decimal_literal(0.6).n3() == Literal("0.6", datatype=XSD.decimal).n3()
        assert decimal_literal(1.0).value == Decimal("1.0")
        assert decimal_literal(1).n3() == Literal("1.0", datatype=XSD.decimal).n3()
    assert count_literal(3).datatype == XSD.integer
    assert offset_literal(3) != count_literal(3)


def test_a_span_given_again_is_not_added_again_but_another_kind_at_its_offsets_is():
    """A part's sentence span is added once for all its readings; a trigger at the same
    offsets (a one-word sentence) is another span and still gets its type and quote."""
    from rdflib import Graph

    from kg.rdf import _add_span

    graph, written = Graph(), set()
    node = _add_span(graph, "doc-1", 0, 5, NIF.Sentence, written=written)
    graph.remove((node, RDF.type, NIF.Sentence))  # were it added again, it would be back
    assert _add_span(graph, "doc-1", 0, 5, NIF.Sentence, written=written) == node
    assert (node, RDF.type, NIF.Sentence) not in graph
    _add_span(graph, "doc-1", 0, 5, NIF.Phrase, quote="Hello", written=written)
    assert (node, RDF.type, NIF.Phrase) in graph
    assert (node, NIF.anchorOf, Literal("Hello")) in graph


def test_two_readings_of_one_sentence_share_its_span():
    _, dataset = _graph("Vladimir Putin gave Kim Jong Un a rifle and met Kim Jong Un in Moscow.")
    graph = union_graph(dataset)
    sentences = {graph.value(evidence, KG.sentence)
                 for evidence in graph.subjects(RDF.type, KG.Evidence)}
    assert len(sentences) == 1 and len(set(graph.subjects(RDF.type, KG.Evidence))) >= 2
    (sentence,) = sentences
    assert (sentence, RDF.type, NIF.Sentence) in graph
    assert (sentence, NIF.beginIndex, None) in graph


def test_a_position_held_toward_a_person_is_a_person_to_person_triple_that_conforms():
    from kg.pipeline import validate

    _, dataset = _graph("Singer Nina Vey cancelled a tour. The singer's manager, Jo Amis, "
                        "confirmed it.")
    graph = union_graph(dataset)
    named = {str(label): node for node, label in graph.subject_objects(RDFS.label)}
    manager, singer = named["Jo Amis"], named["Nina Vey"]
    assert (manager, KG.affiliatedWith, singer) in graph
    assert (singer, RDF.type, SCHEMA.Person) in graph
    assert validate(dataset).conforms
